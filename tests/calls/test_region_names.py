"""Region codes inside eligibility and decision reasons (``SEA``, ``EUROPE``) are shown as the regions' names in
the reader's language, everywhere reasons are shown: the decision table, the proposal page (decision and
eligibility report), the CSV and XLSX results and the evaluation summary PDF (the CLI: ``test_cli.py``)."""

from __future__ import annotations

import csv
import html
import io
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from tests.calls.test_decision_reasons import decided, expected, flat  # noqa: F401 (decided: a fixture)

from sticoop.calls.eligibility import REGION_ARGS, reason_text
from sticoop.calls.models import Decision
from sticoop.calls.regions import REGION_NAMES, REGIONS, name_regions, region_name
from sticoop.core.database import session_scope
from sticoop.core.i18n import Formatter

LANGS = ("en", "fr", "vi")
#: every region code × language → its name, as a reader expects it
NAMES = {"SEA": {"en": "Southeast Asia", "fr": "Asie du Sud-Est", "vi": "Đông Nam Á"},
         "EUROPE": {"en": "Europe", "fr": "Europe", "vi": "Châu Âu"}}
CODE = re.compile(r"\b(" + "|".join(REGIONS) + r")\b")
#: the reasons that carry region codes, with the arguments the rules write
REGION_REASONS = {
    "region_quota_met": {"have": "EUROPE: 1, SEA: 2", "wanted": "2 SEA + 1 EUROPE"},
    "region_quota_failed": {"have": "EUROPE: 1, SEA: 1", "options": "2 SEA + 1 EUROPE / 2 EUROPE + 1 SEA"},
    "region_quota_empty": {"have": "", "options": "2 SEA + 1 EUROPE / 2 EUROPE + 1 SEA"},
    "region_unfunded": {"regions": "SEA, EUROPE"},
    "region_funded": {"regions": "SEA, EUROPE"},
}
#: an ineligible decision failing both region rules
INELIGIBLE = {"rules": [
    {"kind": "region_quota", "code": "region_quota_failed", "args": REGION_REASONS["region_quota_failed"]},
    {"kind": "funded_partner_per_region", "code": "region_unfunded", "args": REGION_REASONS["region_unfunded"]}]}


def test_every_region_has_a_name() -> None:
    assert set(NAMES) == set(REGIONS) == set(REGION_NAMES)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code", sorted(REGIONS))
def test_a_region_code_is_named_in_the_language(code: str, lang: str) -> None:
    fmt = Formatter(lang)
    assert region_name(code, fmt._) == NAMES[code][lang]
    assert name_regions(f"2 {code} + 1 OTHER", fmt._) == f"2 {NAMES[code][lang]} + 1 OTHER"
    assert name_regions(f"{code}X", fmt._) == f"{code}X"  # a whole word only


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("reason", sorted(REGION_REASONS))
def test_every_region_reason_names_every_region(reason: str, lang: str) -> None:
    fmt = Formatter(lang)
    args = REGION_REASONS[reason]
    assert set(args) <= set(REGION_ARGS)
    text = reason_text(reason, args, fmt._, fmt.country)
    assert not CODE.search(text), (reason, lang, text)
    for code in REGIONS:
        assert NAMES[code][lang] in text, (reason, lang, code, text)


@pytest.fixture
def region_decision(decided: dict[str, Any], db_url: str) -> dict[str, Any]:  # noqa: F811
    """The demo call's decided fixture with one more proposal's decision ineligible by both region rules."""
    acronym, (pid, _code, _args) = next(iter(decided["codes"].items()))
    with session_scope(db_url) as db:
        d = db.scalars(select(Decision).where(Decision.proposal_id == pid)).one()
        d.reason_code, d.reason_args = "ineligible", INELIGIBLE
    return {**decided, "acronym": acronym, "proposal": pid}


@pytest.mark.parametrize("lang", LANGS)
def test_region_names_on_the_pages_and_in_each_export(client: TestClient, region_decision: dict[str, Any],
                                                      lang: str) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    cid, pid, acronym = region_decision["call"], region_decision["proposal"], region_decision["acronym"]
    want = expected(region_decision, lang, "ineligible", INELIGIBLE)
    assert not CODE.search(want) and all(NAMES[c][lang] in want for c in REGIONS), want
    table = flat(html.unescape(client.get(f"/calls/{cid}/decisions", params={"lang": lang}).text))
    page = flat(html.unescape(client.get(f"/proposals/{pid}", params={"lang": lang}).text))
    csv_text = client.get(f"/api/v1/calls/{cid}/results.csv", params={"lang": lang}).text.lstrip("\ufeff")
    csv_row = next(row for row in csv.reader(io.StringIO(csv_text)) if row[1] == acronym)
    book = load_workbook(io.BytesIO(client.get(f"/api/v1/calls/{cid}/results.xlsx", params={"lang": lang}).content))
    xlsx_row = next(row for row in book["results"].iter_rows(min_row=2, values_only=True) if row[1] == acronym)
    pdf = client.get(f"/api/v1/proposals/{pid}/summary.pdf", params={"lang": lang})
    text = flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages))
    for where, shown in (("decision table", table), ("proposal page", page), ("pdf", text)):
        assert flat(want) in shown, (lang, where)
    assert csv_row[4] == want and xlsx_row[4] == want, lang


@pytest.mark.parametrize("lang", LANGS)
def test_the_eligibility_report_names_regions(client: TestClient, decided: dict[str, Any], db_url: str,  # noqa: F811
                                              lang: str) -> None:
    from sticoop.calls.models import Proposal

    with session_scope(db_url) as db:
        small = db.scalars(select(Proposal.id).where(Proposal.acronym == "SMALL")).one()
    report = client.get(f"/api/v1/proposals/{small}/eligibility").json()
    quota = next(r for r in report["rules"] if r["kind"] == "region_quota")
    fmt = Formatter(lang)
    want = reason_text(quota["code"], quota["args"], fmt._, fmt.country)
    assert not CODE.search(want) and NAMES["SEA"][lang] in want, want
    page = flat(html.unescape(client.get(f"/proposals/{small}", params={"lang": lang}).text))
    assert flat(want) in page, lang
