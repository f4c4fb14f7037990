"""Records as they stood on an earlier day, replayed from the audit log (``accounts/audit.py``): every change
of a record is an ``audit_log`` row holding its state before and after, so the state a record had at the end of
a day is the ``before`` of its first change after that day — or, when nothing changed since, its state now.

A record created after the day did not exist then: it is left out (a record typed in late — a commitment of
an old session entered afterwards — appears in the packs of days after it was entered). A record deleted after
the day is back in its state before the deletion. The lists a record owns (a person's positions, a session's
delegates, a project's partners) come back with it, as the snapshot stored them.

Audit rows are stamped by the wall clock (``core.clock.wall_clock``): "the end of the day" is midnight UTC
after it. Only a day before today is replayed; today's pack reads the records as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session as DbSession

from sticoop.accounts.models import AuditEntry
from sticoop.core import clock
from sticoop.core.principal import principal_of
from sticoop.core.snapshot import is_owned_list, stored_value

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


def past_states(db: DbSession, model: Any, entity_type: str, cutoff: datetime,
                ids: Sequence[int] | None = None) -> list[PastState]:
    """The state at ``cutoff`` of every record of ``entity_type`` (or of those of ``ids``) changed after it:
    the ``before`` of its first change after the cutoff. A record created after the cutoff has no state then
    and is not returned. One query per ``CHUNK`` ids, or one for all (the first entry per record: ``min(id)``
    grouped, on the ``(entity_type, entity_id)`` index)."""
    if ids is not None:
        keys = sorted(set(ids))
        return [state for start in range(0, len(keys), CHUNK)
                for state in _past_states(db, model, entity_type, cutoff, keys[start:start + CHUNK])]
    return _past_states(db, model, entity_type, cutoff, None)


def _past_states(db: DbSession, model: Any, entity_type: str, cutoff: datetime,
                 ids: list[int] | None) -> list[PastState]:
    first = select(func.min(AuditEntry.id)).where(AuditEntry.entity_type == entity_type, AuditEntry.at >= cutoff)
    if ids is not None:
        if not ids:
            return []
        first = first.where(AuditEntry.entity_id.in_(ids))
    rows = db.execute(select(AuditEntry.entity_id, AuditEntry.action, AuditEntry.before)
                      .where(AuditEntry.id.in_(first.group_by(AuditEntry.entity_id)))
                      .order_by(AuditEntry.entity_id)).all()
    rows = [row for row in rows if row[1] != "create" and row[2]]
    gone = _gone(db, entity_type, [r[0] for r in rows])
    return [PastState(entity_id, state_object(model, before, entity_id), entity_id not in gone)
            for entity_id, _action, before in rows]


def state_object(model: Any, state: dict[str, Any], entity_id: int) -> SimpleNamespace:
    """A stored snapshot (``core.snapshot.snapshot``) as a stand-in for a record of ``model``: its columns as
    the column types hold them, its many-to-many links as ``<key>_ids`` and its owned lists (positions,
    delegates, partners) as lists of stand-ins under their own key."""
    mapper = inspect(model)
    values = _columns(mapper, state)
    for rel in mapper.relationships:
        if rel.secondary is not None:
            values[f"{rel.key}_ids"] = list(state.get(rel.key) or [])
        elif is_owned_list(rel):
            child = inspect(rel.mapper.class_)
            values[rel.key] = [SimpleNamespace(**{"id": 0, **_columns(child, row)})
                               for row in state.get(rel.key) or [] if isinstance(row, dict)]
    values["id"] = entity_id
    return SimpleNamespace(**values)


def _columns(mapper: Any, state: dict[str, Any]) -> dict[str, Any]:
    """Every column of ``mapper`` from a stored state; a column the state lacks (a snapshot older than the
    column, or a child row stored without a column it never set) reads None."""
    return {attr.key: stored_value(attr.columns[0].type, state.get(attr.key)) for attr in mapper.column_attrs}


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


def names_then(db: DbSession, model: Any, entity_type: str, ids: Iterable[int | None],
               cutoff: datetime | None) -> dict[int, str]:
    """``{id: name}`` of the records of ``ids`` as they were named at ``cutoff`` (None: as named now): the
    records unchanged since read in one query per ``CHUNK`` ids, those renamed or deleted since from their
    stored state, those created since left out. Only records the principal may see."""
    keys = sorted({i for i in ids if i is not None})
    found: dict[int, str] = {}
    for start in range(0, len(keys), CHUNK):
        query = select(model.id, model.name).where(model.id.in_(keys[start:start + CHUNK]))
        if cutoff is not None:
            query = query.where(model.id.not_in(changed_since(entity_type, cutoff)))
        found.update({key: name for key, name in db.execute(query)})
    if cutoff is not None and keys:
        found.update({state.id: state.values.name
                      for state in visible(db, model, past_states(db, model, entity_type, cutoff, keys))})
    return found


def as_stood(db: DbSession, model: Any, entity_type: str, record: Any, cutoff: datetime | None) -> Any:
    """One record as it stood at ``cutoff``: the record itself when unchanged since (or ``cutoff`` is None),
    its stored state when changed since, and the record as it is when it was created since (asked for by
    id: a visit being prepared exists, even if it was typed in after the day)."""
    if cutoff is None or record is None:
        return record
    states = visible(db, model, past_states(db, model, entity_type, cutoff, [record.id]))
    return states[0].values if states else record
