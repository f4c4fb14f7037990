"""Eligibility reasons as data (a code and its arguments) translated at the page: every code has its French and
Vietnamese sentence with the same arguments, and the proposal page shows the reasons in the page's language."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient
from tests.calls.helpers import consortium, jfs_call, partner, proposal

from sticoop.calls.eligibility import REASONS, reason_text
from sticoop.core.i18n import translations

PLACEHOLDER = re.compile(r"%\((\w+)\)s")
CODES = sorted(code for code in REASONS if code != "funder_terms_failed")


@pytest.mark.parametrize("lang", ["fr", "vi"])
@pytest.mark.parametrize("code", CODES)
def test_every_reason_is_translated_with_the_same_arguments(code: str, lang: str) -> None:
    english = REASONS[code]
    translated = translations(lang).gettext(english)
    assert translated != english, (code, lang)
    assert sorted(PLACEHOLDER.findall(translated)) == sorted(PLACEHOLDER.findall(english)), (code, lang)


def test_funder_problems_are_joined_in_the_language() -> None:
    problems = [{"code": "funder_trl", "args": {"funder": "NSTDA", "low": 2, "high": 6, "trl": 8}},
                {"code": "funder_unknown", "args": {"country": "VNM", "funder": 99}}]
    english = reason_text("funder_terms_failed", {"problems": problems})
    assert english == ("NSTDA funds TRL 2–6, not 8; a VNM partner asks funder 99, which is not a funder of this "
                       "call")
    french = reason_text("funder_terms_failed", {"problems": problems}, translations("fr").gettext)
    assert french.startswith("NSTDA finance les TRL 2–6, pas 8; un partenaire de VNM")


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["1 partners; at least 3 required", "no partner eligible for funding from"]),
    ("fr", ["1 partenaires ; au moins 3 requis", "aucun partenaire finançable venant de"]),
    ("vi", ["1 đối tác; cần ít nhất 3", "không có đối tác đủ điều kiện nhận tài trợ từ"]),
])
def test_the_proposal_page_explains_in_its_language(client: TestClient, lang: str, words: list[str]) -> None:
    world = jfs_call(client)
    alone = proposal(client, world, "ALONE", [partner(world, "ugent", "BEL", role="coordinator", funded=False)])
    good = proposal(client, world, "GOOD", consortium(world))
    api = client.get(f"/api/v1/proposals/{alone['id']}/eligibility").json()
    first = api["rules"][0]
    assert first["code"] == "min_partners" and first["args"] == {"have": 1, "need": 3}
    assert first["reason"] == "1 partners; at least 3 required"
    text = html.unescape(client.get(f"/proposals/{alone['id']}", params={"lang": lang}).text)
    for word in words:
        assert word in text, (lang, word)
    good_text = html.unescape(client.get(f"/proposals/{good['id']}", params={"lang": lang}).text)
    assert translations(lang).gettext(REASONS["funder_terms_met"]) in good_text
