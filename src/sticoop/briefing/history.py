"""Records as they stood on an earlier day, replayed from the audit log (``accounts/audit.py``): every change
of a record is an ``audit_log`` row holding its state before and after, so the state a record had at the end of
a day is the ``before`` of its first change after that day — or, when nothing changed since, its state now.

A record created after the day has no earlier state; it keeps the state it was first recorded in (a record
typed in late — a commitment of an old session entered afterwards — still belongs to the past its own dates
place it in, and the pack's date filters decide that). A record deleted after the day is back in its state
before the deletion.

Audit rows are stamped by the wall clock (``core.clock.wall_clock``): "the end of the day" is midnight UTC
after it. Only a day before today is replayed; today's pack reads the records as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session as DbSession

from sticoop.accounts.models import AuditEntry
from sticoop.core import clock
from sticoop.core.principal import principal_of
from sticoop.core.snapshot import stored_value

#: ids per IN (...) list, below every database's bound-parameter limit
CHUNK = 900


def cutoff_of(as_of: date | None) -> datetime | None:
    """The instant whose records a pack of ``as_of`` shows (midnight UTC after it), or None for today or
    later (no replay: the records as they are)."""
    if as_of is None or as_of >= clock.today():
        return None
    return datetime.combine(as_of + timedelta(days=1), time(0), tzinfo=UTC)


def changed_since(entity_type: str, cutoff: datetime) -> Any:
    """SQL: ids of the records of ``entity_type`` changed (created, updated, deleted) after ``cutoff``."""
    return (select(AuditEntry.entity_id)
            .where(AuditEntry.entity_type == entity_type, AuditEntry.at >= cutoff).scalar_subquery())


@dataclass
class PastState:
    """A record's state at the cutoff: ``values`` as a stand-in object with the model's attribute names
    (columns, and many-to-many links as ``<key>_ids``), and whether the record still exists."""

    id: int
    values: SimpleNamespace
    exists: bool


def past_states(db: DbSession, model: Any, entity_type: str, cutoff: datetime) -> list[PastState]:
    """The state at ``cutoff`` of every record of ``entity_type`` changed after it: the ``before`` of its
    first change after the cutoff, or the ``after`` of its creation when it was created after it. One query
    (the first entry per record: ``min(id)`` grouped, on the ``(entity_type, entity_id)`` index)."""
    first = (select(func.min(AuditEntry.id)).where(AuditEntry.entity_type == entity_type, AuditEntry.at >= cutoff)
             .group_by(AuditEntry.entity_id))
    rows = db.execute(select(AuditEntry.entity_id, AuditEntry.action, AuditEntry.before, AuditEntry.after)
                      .where(AuditEntry.id.in_(first)).order_by(AuditEntry.entity_id)).all()
    mapper = inspect(model)
    types = {attr.key: attr.columns[0].type for attr in mapper.column_attrs}
    links = {rel.key for rel in mapper.relationships if rel.secondary is not None}
    gone = _gone(db, entity_type, [r[0] for r in rows])
    states = []
    for entity_id, action, before, after in rows:
        state = after if action == "create" else before
        if not state:
            continue
        values = {key: stored_value(types[key], value) for key, value in state.items() if key in types}
        values.update({f"{key}_ids": list(state.get(key) or []) for key in links})
        values["id"] = entity_id
        states.append(PastState(entity_id, SimpleNamespace(**values), entity_id not in gone))
    return states


def _gone(db: DbSession, entity_type: str, ids: list[int]) -> set[int]:
    """Those of ``ids`` whose latest audit entry removed the record (deleted, or merged into another). Read
    from the log, not the table: the table is scoped to the principal and would hide what is merely out of
    sight."""
    gone: set[int] = set()
    for start in range(0, len(ids), CHUNK):
        last = (select(func.max(AuditEntry.id)).where(AuditEntry.entity_type == entity_type,
                                                       AuditEntry.entity_id.in_(ids[start:start + CHUNK]))
                .group_by(AuditEntry.entity_id))
        for entity_id, action, after in db.execute(select(AuditEntry.entity_id, AuditEntry.action, AuditEntry.after)
                                                   .where(AuditEntry.id.in_(last))):
            if action == "delete" or (action == "merge" and "merged_into" in (after or {})):
                gone.add(entity_id)
    return gone


def visible(db: DbSession, model: Any, states: list[PastState]) -> list[PastState]:
    """The states the principal acting through ``db`` may see: a record still there only if the scoped query
    finds it now, and a confidential state (then) only for those who see confidential records."""
    principal = principal_of(db)
    existing = [s.id for s in states if s.exists]
    seen: set[int] = set()
    for start in range(0, len(existing), CHUNK):
        seen |= set(db.scalars(select(model.id).where(model.id.in_(existing[start:start + CHUNK]))))
    secret_ok = principal is None or principal.sees_confidential
    return [s for s in states if (not s.exists or s.id in seen)
            and (secret_ok or not getattr(s.values, "confidential", False))]
