"""Every audit entry a request writes names the user whose request caused it, including the changes derived
from it on other records (an assessment moving its commitment's completion): walked over every record type
the seed creates and changes, on records first written by someone else."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from tests.web.helpers import seed

from sticoop.accounts.models import AuditEntry
from sticoop.commitments.models import Commitment
from sticoop.core.database import session_scope


def _entries_after(db_url: str, after_id: int) -> list[AuditEntry]:
    with session_scope(db_url) as db:
        entries = list(db.scalars(select(AuditEntry).where(AuditEntry.id > after_id).order_by(AuditEntry.id)))
        db.expunge_all()
        return entries


def _last_id(db_url: str) -> int:
    with session_scope(db_url) as db:
        return db.scalar(select(func.max(AuditEntry.id))) or 0


def test_every_entry_and_every_derived_change_names_the_requesting_user(
        client_as: Callable[..., TestClient], db_url: str) -> None:
    first = client_as("admin", username="first")
    records = seed(first)
    boss = client_as("admin", username="boss")
    start = _last_id(db_url)
    cm = records["commitment"]
    assert boss.post("/api/v1/assessments", json={"commitment_id": cm["id"], "date": "2024-01-10",
                                                  "rating": "substantial", "findings": "Two courses"}
                     ).status_code == 201
    assert boss.post("/api/v1/progress-updates", json={"commitment_id": cm["id"], "date": "2024-02-01",
                                                       "note": "Third course", "count": 1}).status_code == 201
    agreement = boss.get(f"/api/v1/agreements/{records['agreement']['id']}").json()
    moved = boss.post(f"/api/v1/agreements/{agreement['id']}/transitions",
                      json={"to_status": "signed", "date": "2024-03-01", "version": agreement["version"]})
    assert moved.status_code in (200, 201), moved.text
    for kind in ("partnership", "committee", "session", "organization", "person", "project", "visit", "event"):
        path = {"person": "people"}.get(kind, kind + "s")
        current = boss.get(f"/api/v1/{path}/{records[kind]['id']}").json()
        key = next(k for k in ("summary", "name", "conclusions", "purpose", "title", "notes") if k in current)
        patched = boss.patch(f"/api/v1/{path}/{current['id']}",
                             json={key: (current[key] or "") + " (boss)", "version": current["version"]})
        assert patched.status_code == 200, (kind, patched.text)
    entries = _entries_after(db_url, start)
    kinds = {e.entity_type for e in entries}
    assert {"assessment", "commitment", "agreement", "partnership", "session"} <= kinds
    assert [(e.entity_type, e.actor) for e in entries if e.actor != "boss"] == []
    with session_scope(db_url) as db:
        assert db.get(Commitment, cm["id"]).updated_by == "boss"
