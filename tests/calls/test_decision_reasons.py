"""Funding decisions' reasons as data (code + arguments): every reason code in every language, on the decision
table, on the proposal page, in the CSV and XLSX results and in the evaluation summary PDF; and migration 0024
reads the English sentences earlier decisions stored back into codes."""

from __future__ import annotations

import csv
import html
import importlib
import io
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from sticoop.calls.models import Call, CallFunder, Decision, Proposal
from sticoop.calls.reasons import DECISION_REASONS, decision_text
from sticoop.core.database import session_scope
from sticoop.core.i18n import Formatter, translations
from sticoop.demo.data import load_demo
from sticoop.partners.models import Organization

LANGS = ["en", "fr", "vi"]
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def cases(vietnam: int) -> dict[str, dict[str, Any]]:
    """One decision reason per code, with the arguments the budget walk writes."""
    return {
        "funded": {},
        "reserve": {"lacking": [{"funder_id": vietnam, "amount": "1000000000.00", "currency": "VND"}]},
        "below_threshold": {"failing": ["excellence", "overall"]},
        "ineligible": {"rules": [{"kind": "min_partners", "code": "min_partners", "args": {"have": 1, "need": 3}},
                                 {"kind": "deadline", "text": "an older English sentence"}]},
        "not_submitted": {"status": "withdrawn"},
        "no_consensus": {},
        "legacy": {"text": "kept as written"},
    }


def flat(text: str) -> str:
    """Whitespace (including the locale's no-break spaces and PDF line breaks) as single spaces."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture
def decided(db_url: str, client: TestClient) -> dict[str, Any]:
    """The demo call with one decision per reason code (proposal acronym → code), and what the reasons need."""
    with session_scope(db_url) as db:
        load_demo(db)
    with session_scope(db_url) as db:
        call = db.scalars(select(Call)).one()
        funders = {f.id: name for f, name in db.execute(select(CallFunder, Organization.name).join(
            Organization, Organization.id == CallFunder.organization_id))}
        vietnam = db.scalars(select(CallFunder.id).where(CallFunder.country_code == "VNM")).one()
        walk = cases(vietnam)
        rows = list(db.execute(select(Decision, Proposal).join(Proposal).order_by(Proposal.id)))
        assert len(rows) >= len(walk)
        codes = {}
        for (d, p), (code, args) in zip(rows, walk.items(), strict=False):
            d.reason_code, d.reason_args = code, args
            codes[p.acronym] = (p.id, code, args)
        return {"call": call.id, "criteria": call.criteria, "funders": funders, "codes": codes}


def expected(decided: dict[str, Any], lang: str, code: str, args: dict[str, Any]) -> str:
    return decision_text(code, args, Formatter(lang), decided["funders"], decided["criteria"])


@pytest.mark.parametrize("lang", ["fr", "vi"])
@pytest.mark.parametrize("code", sorted(c for c in DECISION_REASONS if c != "legacy"))
def test_every_decision_reason_is_translated_with_its_arguments(code: str, lang: str) -> None:
    english = DECISION_REASONS[code]
    translated = translations(lang).gettext(english)
    assert translated != english, (code, lang)
    assert sorted(PLACEHOLDER.findall(translated)) == sorted(PLACEHOLDER.findall(english)), (code, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_every_reason_code_on_the_pages_and_in_each_export(client: TestClient, decided: dict[str, Any],
                                                           lang: str) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    cid = decided["call"]
    table = flat(html.unescape(client.get(f"/calls/{cid}/decisions", params={"lang": lang}).text))
    csv_text = client.get(f"/api/v1/calls/{cid}/results.csv", params={"lang": lang}).text.lstrip("\ufeff")
    csv_rows = {row[1]: row for row in list(csv.reader(io.StringIO(csv_text)))[1:]}
    book = load_workbook(io.BytesIO(client.get(f"/api/v1/calls/{cid}/results.xlsx", params={"lang": lang}).content))
    xlsx_rows = {row[1]: row for row in book["results"].iter_rows(min_row=2, values_only=True)}
    seen = set()
    for acronym, (pid, code, args) in decided["codes"].items():
        want = expected(decided, lang, code, args)
        assert want and "%(" not in want, (lang, code)
        if lang != "en" and code != "legacy":
            assert flat(want) != flat(expected(decided, "en", code, args)), (lang, code)
        assert flat(want) in table, (lang, code, "decision table")
        page = flat(html.unescape(client.get(f"/proposals/{pid}", params={"lang": lang}).text))
        assert flat(want) in page, (lang, code, "proposal page")
        assert csv_rows[acronym][4] == want, (lang, code, "csv")
        assert xlsx_rows[acronym][4] == want, (lang, code, "xlsx")
        pdf = client.get(f"/api/v1/proposals/{pid}/summary.pdf", params={"lang": lang})
        text = flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages))
        assert flat(want) in text, (lang, code, "pdf", text[-400:])
        seen.add(code)
    assert seen == set(DECISION_REASONS)
    assert client.get(f"/api/v1/calls/{cid}/results.csv", params={"lang": "de"}).status_code == 422


MIGRATION = importlib.import_module("sticoop.migrations.versions.0024_calls_reasons")


@pytest.mark.parametrize(("text", "shortfalls", "code", "args"), [
    ("funded: every funder involved had its applicants' share left", [], "funded", {}),
    ("reserve: NAFOSTED lacked 1000000000.00 VND", [{"funder_id": 2, "lacking": "1000000000.00", "currency": "VND"}],
     "reserve", {"lacking": [{"funder_id": 2, "amount": "1000000000.00", "currency": "VND"}]}),
    ("below threshold: excellence, overall", [], "below_threshold", {"failing": ["excellence", "overall"]}),
    ("not submitted (withdrawn)", [], "not_submitted", {"status": "withdrawn"}),
    ("no consensus report yet", [], "no_consensus", {}),
    ("ineligible (min_partners: 1 partners; at least 3 required; funder_rules: NSTDA funds TRL 2–6, not 8; a VNM "
     "partner asks funder 9)", [], "ineligible",
     {"rules": [{"kind": "min_partners", "text": "1 partners; at least 3 required"},
                {"kind": "funder_rules", "text": "NSTDA funds TRL 2–6, not 8; a VNM partner asks funder 9"}]}),
    ("something else entirely", [], "legacy", {"text": "something else entirely"}),
])
def test_the_migration_reads_earlier_sentences_back_into_codes(text: str, shortfalls: list[dict[str, Any]],
                                                               code: str, args: dict[str, Any]) -> None:
    assert MIGRATION.read_reason(text, shortfalls) == (code, args)


@pytest.mark.parametrize(("lang", "names"), [("en", ("Thailand", "Vietnam")), ("fr", ("Thaïlande", "Viêt Nam")),
                                             ("vi", ("Thái Lan", "Việt Nam"))])
@pytest.mark.parametrize("key", ["country", "funder_country"])
def test_country_codes_inside_reasons_are_named_in_the_language(lang: str, names: tuple[str, str], key: str) -> None:
    from sticoop.calls.eligibility import COUNTRY_ARGS, reason_text

    fmt = Formatter(lang)
    assert key in COUNTRY_ARGS
    args = {"funder": "NSTDA", "funder_country": "THA", "country": "VNM"}
    text = reason_text("funder_nationals", args, fmt._, fmt.country)
    assert names[0] in text and names[1] in text and "VNM" not in text and "THA" not in text, text
    nested = reason_text("funder_terms_failed", {"problems": [{"code": "funder_nationals", "args": args}]}, fmt._,
                         fmt.country)
    assert nested == text
    assert fmt.country(args[key]) in text


@pytest.mark.parametrize(("chosen", "title"), [("en", "Evaluation summary report"), ("fr", "Rapport de synthèse"),
                                               ("vi", "Báo cáo tóm tắt")])
def test_the_summary_report_is_in_the_language_the_applicants_chose(client: TestClient, chosen: str,
                                                                     title: str) -> None:
    from pypdf import PdfReader
    from tests.calls.helpers import consortium, jfs_call, proposal

    world = jfs_call(client)
    made = proposal(client, world, "LANG", consortium(world), language=chosen)
    assert made["language"] == chosen
    pdf = client.get(f"/api/v1/proposals/{made['id']}/summary.pdf")
    assert pdf.status_code == 200
    text = flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages))
    assert title in text, (chosen, text[:200])
    other = "fr" if chosen != "fr" else "vi"
    overridden = client.get(f"/api/v1/proposals/{made['id']}/summary.pdf", params={"lang": other})
    assert title not in flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(overridden.content)).pages))
    form = client.get(f"/proposals/{made['id']}/edit").text
    assert f'<option value="{chosen}" selected>' in form
    bad = client.post("/api/v1/proposals", json={"call_id": world["call"]["id"], "acronym": "BAD", "title": "Bad",
                                                 "language": "xx"})  # not a language
    assert bad.status_code == 422 and "language" in bad.json()["detail"]
