"""Migration 0028_calls_partnerships on a database that already holds calls: each call's single partnership
becomes its first (lead) link row, a call of no partnership gets none, and the access rule then reads the links
(SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import MetaData, Table, select
from tests.core.test_migration_natural_keys import fresh_url  # noqa: F401  (the fixture)

from sticoop.calls.models import Call, call_partnerships
from sticoop.core.database import get_engine, session_scope
from sticoop.core.migrate import upgrade

#: call id → its partnership before the migration
BOUND = {1: 1, 2: 2, 3: None, 4: 1}


def test_0028_moves_each_calls_partnership_to_its_links(fresh_url: str) -> None:  # noqa: F811
    upgrade(fresh_url, "0027_scope_covering")
    now = datetime(2026, 1, 1, tzinfo=UTC)
    meta = {"created_at": now, "updated_at": now, "created_by": "old", "updated_by": "old", "version": 1}
    with get_engine(fresh_url).begin() as conn:
        tables = MetaData()
        table = {name: Table(name, tables, autoload_with=conn) for name in ("partnerships", "calls")}
        conn.execute(table["partnerships"].insert(), [
            {"id": i, "name": f"Partnership {i}", "status": "active", "confidential": False, "search_text": "", **meta}
            for i in (1, 2)])
        conn.execute(table["calls"].insert(), [{
            "id": cid, "title": f"Call {cid}", "partnership_id": pid, "topics": [], "timezone": "UTC",
            "currency": "EUR", "status": "draft", "rules": [], "criteria": [], "overall_threshold": 10,
            "reviewers_per_proposal": 3, "tie_break": [], "search_text": "", **meta} for cid, pid in BOUND.items()])
    upgrade(fresh_url)
    with session_scope(fresh_url) as db:
        rows = db.execute(select(call_partnerships.c.call_id, call_partnerships.c.partnership_id))
        links = {tuple(row) for row in rows}
        assert links == {(cid, pid) for cid, pid in BOUND.items() if pid is not None}
        calls = {c.id: (c.partnership_id, c.partnership_ids) for c in db.scalars(select(Call))}
        assert calls == {cid: (pid, [pid] if pid else []) for cid, pid in BOUND.items()}
