"""Migration 0024_calls_reasons on a database that already holds decided calls: every stored English reason gets
its code and arguments back, proposals get the report language en, project partners their empty amount (SQLite
and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import MetaData, Table, select
from tests.core.test_migration_natural_keys import fresh_url  # noqa: F401  (the fixture)

from sticoop.calls.models import Decision, Proposal
from sticoop.core.database import get_engine, session_scope
from sticoop.core.migrate import upgrade

#: (stored sentence, shortfalls) → (code, arguments) expected after the migration
ROWS: list[tuple[str, list[dict[str, Any]], str, dict[str, Any]]] = [
    ("funded: every funder involved had its applicants' share left", [], "funded", {}),
    ("reserve: NAFOSTED lacked 1000000000.00 VND", [{"funder_id": 2, "lacking": "1000000000.00", "currency": "VND"}],
     "reserve", {"lacking": [{"funder_id": 2, "amount": "1000000000.00", "currency": "VND"}]}),
    ("below threshold: impact", [], "below_threshold", {"failing": ["impact"]}),
    ("not submitted (draft)", [], "not_submitted", {"status": "draft"}),
    ("no consensus report yet", [], "no_consensus", {}),
    ("ineligible (region_quota: countries per region (SEA: 1) meet none of: 2 SEA + 1 EUROPE)", [], "ineligible",
     {"rules": [{"kind": "region_quota", "text": "countries per region (SEA: 1) meet none of: 2 SEA + 1 EUROPE"}]}),
    ("written by hand", [], "legacy", {"text": "written by hand"}),
]


def test_0024_reads_stored_reasons_back_into_codes(fresh_url: str) -> None:  # noqa: F811
    upgrade(fresh_url, "0020_search")
    now = datetime(2026, 1, 1, tzinfo=UTC)
    meta = {"created_at": now, "updated_at": now, "created_by": "old", "updated_by": "old", "version": 1}
    with get_engine(fresh_url).begin() as conn:
        tables = MetaData()
        table = {name: Table(name, tables, autoload_with=conn) for name in ("calls", "proposals", "funding_decisions")}
        conn.execute(table["calls"].insert(), [{
            "id": 1, "title": "Old call", "topics": [], "timezone": "UTC", "currency": "EUR", "status": "decided",
            "rules": [], "criteria": [], "overall_threshold": 10, "reviewers_per_proposal": 3, "tie_break": [],
            "search_text": "", **meta}])
        conn.execute(table["proposals"].insert(), [
            {"id": i, "call_id": 1, "acronym": f"P{i}", "title": f"Proposal {i}", "status": "submitted",
             "search_text": "", **meta} for i in range(1, len(ROWS) + 1)])
        conn.execute(table["funding_decisions"].insert(), [
            {"id": i, "call_id": 1, "proposal_id": i, "outcome": "reserve", "shares": [], "shortfalls": shortfalls,
             "reason": text, **meta} for i, (text, shortfalls, _code, _args) in enumerate(ROWS, start=1)])
    upgrade(fresh_url)
    with session_scope(fresh_url) as db:
        found = {d.id: (d.reason_code, d.reason_args, d.reason) for d in db.scalars(select(Decision))}
        assert found == {i: (code, args, text) for i, (text, _s, code, args) in enumerate(ROWS, start=1)}
        assert set(db.scalars(select(Proposal.language))) == {"en"}
