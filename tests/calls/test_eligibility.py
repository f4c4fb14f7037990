"""Each eligibility rule, pass and fail, as the engine sees it (pure) and through the API on both databases."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.calls.helpers import jfs_call, partner, post

from sticoop.calls import eligibility as e

CLOSE = datetime(2026, 5, 31, 15, tzinfo=UTC)
FUNDERS = {1: e.FunderTerms(1, "BELSPO", "BEL", "EUR"), 2: e.FunderTerms(2, "NAFOSTED", "VNM", "VND"),
           3: e.FunderTerms(3, "NSTDA", "THA", "THB", extra_rules={"trl_min": 3, "trl_max": 6,
                                                                    "max_per_partner": 2_000_000})}
TERMS = e.CallTerms(CLOSE, FUNDERS, page_limit=None)
FUNDER_OF = {"BEL": (1, "EUR"), "VNM": (2, "VND"), "THA": (3, "THB")}


def a(country: str, role: str = "partner", budget: int = 100, funded: bool = True, org: int = 0,
      funder: int | None = None, currency: str | None = None) -> e.Applicant:
    fid, cur = FUNDER_OF.get(country, (None, None)) if funded else (None, None)
    return e.Applicant(org or hash(country) % 1000, country, role, funder if funder is not None else fid,
                       Decimal(budget), currency or cur)


JFS = (a("BEL", "coordinator"), a("VNM"), a("THA"))
EU2 = (a("BEL", "coordinator"), a("FRA", funded=False), a("VNM"))

#: (rule kind, params, consortium, submission extras, call extras, expected)
CASES: list[tuple[str, dict[str, Any], tuple[e.Applicant, ...], dict[str, Any], dict[str, Any], bool]] = [
    ("min_partners", {"min": 3}, JFS, {}, {}, True),
    ("min_partners", {"min": 3}, JFS[:2], {}, {}, False),
    ("distinct_countries", {"min": 3}, JFS, {}, {}, True),
    ("distinct_countries", {"min": 3}, (a("BEL", "coordinator"), a("BEL"), a("VNM")), {}, {}, False),
    ("region_quota", e.JFS_RULES[2]["params"], JFS, {}, {}, True),  # 2 SEA + 1 EU
    ("region_quota", e.JFS_RULES[2]["params"], EU2, {}, {}, True),  # 2 EU + 1 SEA
    ("region_quota", e.JFS_RULES[2]["params"], (a("BEL", "coordinator"), a("VNM"), a("VNM")), {}, {}, False),
    ("region_quota", e.JFS_RULES[2]["params"], (a("BEL", "coordinator"), a("FRA"), a("USA")), {}, {}, False),
    ("coordinator_funded", {}, JFS, {}, {}, True),
    ("coordinator_funded", {}, (a("FRA", "coordinator", funded=False), a("VNM"), a("THA")), {}, {}, False),
    ("coordinator_funded", {}, (a("BEL", "coordinator", funder=2, currency="VND"), a("VNM")), {}, {}, False),
    ("coordinator_funded", {}, (a("BEL"), a("VNM")), {}, {}, False),  # no coordinator at all
    ("funded_partner_per_region", {}, JFS, {}, {}, True),
    ("funded_partner_per_region", {}, (a("FRA", "coordinator", funded=False), a("VNM"), a("THA")), {}, {}, False),
    ("trl_range", {"min": 3, "max": 6}, JFS, {"trl": 4}, {}, True),
    ("trl_range", {"min": 3, "max": 6}, JFS, {"trl": 7}, {}, False),
    ("trl_range", {"min": 3, "max": 6}, JFS, {}, {}, False),  # no TRL given
    ("max_budget_per_partner", {"amount": 200, "currency": "EUR"}, JFS, {}, {}, True),
    ("max_budget_per_partner", {"amount": 50, "currency": "EUR"}, JFS, {}, {}, False),
    ("max_total_budget", {"amount": 100, "currency": "EUR"}, JFS, {}, {}, True),
    ("max_total_budget", {"amount": 99, "currency": "EUR"}, JFS, {}, {}, False),
    ("deadline", {}, JFS, {"submitted_at": datetime(2026, 5, 31, 14, 59, tzinfo=UTC)}, {}, True),
    ("deadline", {}, JFS, {"submitted_at": datetime(2026, 5, 31, 15, 1, tzinfo=UTC)}, {}, False),
    ("deadline", {}, JFS, {}, {}, False),  # never submitted
    ("admissibility", {}, JFS, {}, {}, True),
    ("admissibility", {}, JFS, {"missing": ("abstract",)}, {}, False),
    ("admissibility", {"max_pages": 10}, JFS, {"pages": 10}, {}, True),
    ("admissibility", {"max_pages": 10}, JFS, {"pages": 11}, {}, False),
    ("admissibility", {}, JFS, {}, {"page_limit": 5}, False),  # a limit and no PDF
    ("funder_rules", {}, JFS, {"trl": 4}, {}, True),
    ("funder_rules", {}, JFS, {"trl": 8}, {}, False),  # NSTDA funds TRL 3–6
    ("funder_rules", {}, (a("BEL", "coordinator"), a("VNM", funder=1, currency="EUR")), {}, {}, False),  # not own
    ("funder_rules", {}, (a("THA", budget=3_000_000),), {}, {}, False),  # above NSTDA's max per partner
    ("funder_rules", {}, (a("VNM", currency="EUR"),), {}, {}, False),  # another currency than the funder's
]


@pytest.mark.parametrize(("kind", "params", "partners", "extra", "call_extra", "expected"), CASES,
                         ids=[f"{c[0]}-{'pass' if c[5] else 'fail'}-{i}" for i, c in enumerate(CASES)])
def test_each_rule_passes_or_fails_with_a_reason(kind: str, params: dict[str, Any], partners: tuple[e.Applicant, ...],
                                                 extra: dict[str, Any], call_extra: dict[str, Any],
                                                 expected: bool) -> None:
    rule = e.check_rule({"kind": kind, "params": params}, 0)
    terms = e.CallTerms(CLOSE, FUNDERS, **call_extra)
    result = e.evaluate([rule], e.Submission(partners, **extra), terms)[0]
    assert result.kind == kind and result.passed is expected and result.reason


def test_every_rule_kind_has_a_pass_and_a_fail_case() -> None:
    assert {(c[0], c[5]) for c in CASES} == {(k, v) for k in e.RULES for v in (True, False)}


@pytest.mark.parametrize(("rule", "message"), [
    ({"kind": "quorum"}, "unknown rule kind 'quorum'"),
    ({"kind": "min_partners", "params": {}}, "parameter 'min' is required"),
    ({"kind": "min_partners", "params": {"min": "three"}}, "parameter 'min' has the wrong type"),
    ({"kind": "min_partners", "params": {"min": 3, "max": 4}}, "unknown parameter(s) max"),
    ({"kind": "region_quota", "params": {"options": [{"ASIA": 2}]}}, "unknown region(s) ASIA"),
    ({"kind": "region_quota", "params": {"options": []}}, "options must be a non-empty list"),
])
def test_a_malformed_rule_is_refused_naming_it(client: TestClient, rule: dict[str, Any], message: str) -> None:
    response = client.post("/api/v1/calls", json={"title": "Call", "currency": "EUR", "rules": [rule]})
    assert response.status_code == 422 and message in response.json()["detail"], response.text


#: API cases: (rule, consortium builder, proposal extras, expected)
API_CASES = [
    ({"kind": "min_partners", "params": {"min": 3}}, "jfs", {}, True),
    ({"kind": "min_partners", "params": {"min": 3}}, "two", {}, False),
    ({"kind": "distinct_countries", "params": {"min": 3}}, "jfs", {}, True),
    ({"kind": "distinct_countries", "params": {"min": 3}}, "belgian", {}, False),
    (e.JFS_RULES[2], "jfs", {}, True),
    (e.JFS_RULES[2], "eu2", {}, True),
    (e.JFS_RULES[2], "belgian", {}, False),
    ({"kind": "coordinator_funded", "params": {}}, "jfs", {}, True),
    ({"kind": "coordinator_funded", "params": {}}, "eu2", {}, False),
    ({"kind": "funded_partner_per_region", "params": {}}, "jfs", {}, True),
    ({"kind": "funded_partner_per_region", "params": {}}, "eu2_unfunded", {}, False),
    ({"kind": "trl_range", "params": {"min": 3, "max": 6}}, "jfs", {"trl": 5}, True),
    ({"kind": "trl_range", "params": {"min": 3, "max": 6}}, "jfs", {"trl": 8}, False),
    ({"kind": "max_budget_per_partner", "params": {"amount": 100000, "currency": "EUR"}}, "jfs", {}, True),
    ({"kind": "max_budget_per_partner", "params": {"amount": 99999, "currency": "EUR"}}, "jfs", {}, False),
    ({"kind": "max_total_budget", "params": {"amount": 100000, "currency": "EUR"}}, "jfs", {}, True),
    ({"kind": "max_total_budget", "params": {"amount": 1000, "currency": "EUR"}}, "jfs", {}, False),
    ({"kind": "deadline", "params": {}}, "jfs", {"submitted_at": "2026-05-31T16:59:00+02:00"}, True),
    ({"kind": "deadline", "params": {}}, "jfs", {"submitted_at": "2026-05-31T17:00:01"}, False),  # Brussels time
    ({"kind": "admissibility", "params": {}}, "jfs", {}, True),
    ({"kind": "admissibility", "params": {}}, "jfs", {"abstract": None}, False),
    ({"kind": "admissibility", "params": {"max_pages": 2}}, "jfs", {"pdf_pages": 2}, True),
    ({"kind": "admissibility", "params": {"max_pages": 2}}, "jfs", {"pdf_pages": 3}, False),
    ({"kind": "funder_rules", "params": {}}, "jfs", {}, True),
    ({"kind": "funder_rules", "params": {}}, "vn_asks_belgium", {}, False),
]


def _pdf(pages: int) -> bytes:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _consortium(world: dict[str, Any], name: str) -> list[dict[str, Any]]:
    coordinator = partner(world, "ugent", "BEL", role="coordinator")
    return {
        "jfs": [coordinator, partner(world, "vnu", "VNM", 1000), partner(world, "cu", "THA", 1000)],
        "two": [coordinator, partner(world, "vnu", "VNM", 1000)],
        "belgian": [coordinator, partner(world, "uclouvain", "BEL"), partner(world, "vnu", "VNM", 1000)],
        "eu2": [partner(world, "sorbonne", "FRA", role="coordinator"), partner(world, "ugent", "BEL"),
                partner(world, "vnu", "VNM", 1000)],
        "eu2_unfunded": [partner(world, "sorbonne", "FRA", role="coordinator"),
                         partner(world, "ugent", "BEL", funded=False), partner(world, "vnu", "VNM", 1000)],
        "vn_asks_belgium": [coordinator, partner(world, "cu", "THA", 1000),
                            {**partner(world, "vnu", "VNM", 1000), "funder_id": world["funders"]["BEL"],
                             "currency": "EUR"}],
    }[name]


@pytest.mark.parametrize(("rule", "consortium", "extra", "expected"), API_CASES,
                         ids=[f"{c[0]['kind']}-{'pass' if c[3] else 'fail'}-{i}" for i, c in enumerate(API_CASES)])
def test_each_rule_through_the_api(client: TestClient, rule: dict[str, Any], consortium: str, extra: dict[str, Any],
                                   expected: bool) -> None:
    world = jfs_call(client, rules=[rule])
    extra = dict(extra)
    pages = extra.pop("pdf_pages", None)
    if pages:
        upload = client.post("/api/v1/documents", files={"file": ("p.pdf", _pdf(pages), "application/pdf")})
        assert upload.status_code in (200, 201), upload.text
        extra["document_id"] = upload.json()["id"]
    body = {"call_id": world["call"]["id"], "acronym": "P1", "title": "A proposal", "topic": "Climate",
            "abstract": "What it does.", "status": "submitted", "submitted_at": "2026-05-30T10:00:00+02:00",
            "partners": _consortium(world, consortium), **extra}
    created = post(client, "/proposals", body)
    report = client.get(f"/api/v1/proposals/{created['id']}/eligibility").json()
    verdict = next(r for r in report["rules"] if r["kind"] == rule["kind"])
    assert verdict["passed"] is expected and verdict["reason"], report
    assert report["call_version"] == world["call"]["version"]


def test_a_budget_in_another_currency_than_the_funders_is_refused(client: TestClient) -> None:
    world = jfs_call(client)
    body = {"call_id": world["call"]["id"], "acronym": "X", "title": "X",
            "partners": [{**partner(world, "vnu", "VNM"), "currency": "EUR"}]}
    response = client.post("/api/v1/proposals", json=body)
    assert response.status_code == 422 and "funder's currency" in response.json()["detail"]
    body["partners"] = [{**partner(world, "vnu", "VNM"), "country_code": "XXX"}]
    response = client.post("/api/v1/proposals", json=body)
    assert response.status_code == 422 and "ISO 3166-1" in response.text
