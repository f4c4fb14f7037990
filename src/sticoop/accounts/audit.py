"""The audit trail: every create, update, delete and status change of a record, written by a flush hook.

The hook runs after each flush, inside the same transaction, so an audit row exists exactly when the
change it describes is committed — a failed change leaves neither. Snapshots hold the record's columns
and the ids of its many-to-many links, as JSON.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import NO_VALUE

from sticoop.accounts.models import AuditEntry
from sticoop.core.merge import Merge, MergeHook, register
from sticoop.core.models import Record, utcnow
from sticoop.core.serialize import to_jsonable

SKIPPED_COLUMNS = frozenset({"search_text", "created_at", "updated_at", "version"})
LOG_TABLES = frozenset({"agreement_status_changes"})
#: session.info key: (entity type, id) of records whose flush must not be audited (a merge writes their entries)
MERGE_SKIP = "audit_merge_skip"


def _entity_type(obj: Any) -> str:
    from sticoop.core.registry import services

    for name, service in services().items():
        if isinstance(obj, service.model):
            return name
    return type(obj).__tablename__


def _snapshot(obj: Any, when: str) -> dict[str, Any]:
    """Column values and linked ids, either as they are now ("after") or as they were loaded ("before")."""
    state = inspect(obj)
    values: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in SKIPPED_COLUMNS:
            continue
        history = state.attrs[attr.key].history
        if when == "before" and history.has_changes():
            value = history.deleted[0] if history.deleted else None
        else:
            value = state.attrs[attr.key].value
        values[attr.key] = to_jsonable(None if value is NO_VALUE else value)
    for rel in state.mapper.relationships:
        if is_owned_list(rel):
            values[rel.key] = _child_rows(state, rel, when)
            continue
        if rel.secondary is None:
            continue
        history = state.attrs[rel.key].history
        if when == "before":
            items = list(history.unchanged or ()) + list(history.deleted or ())
        else:
            items = list(history.unchanged or ()) + list(history.added or ())
        keys = [inspect(item).identity[0] if inspect(item).identity else None for item in items]
        values[rel.key] = sorted(k for k in keys if k is not None)
    return values


def is_owned_list(rel: Any) -> bool:
    """A list of rows that belong to the record and have no history of their own (a session's delegates and
    agenda, a person's positions, a project's partners): kept whole in each snapshot so a restore brings it
    back. Logs (an agreement's status changes) are left out: they are history, not state."""
    return (rel.uselist and rel.cascade.delete_orphan and rel.secondary is None
            and not issubclass(rel.mapper.class_, Record)
            and rel.mapper.class_.__tablename__ not in LOG_TABLES)


def _child_rows(state: Any, rel: Any, when: str) -> list[dict[str, Any]]:
    history = state.attrs[rel.key].history
    if when == "before" and history.has_changes():
        items = list(history.unchanged or ()) + list(history.deleted or ())
    else:
        loaded = state.attrs[rel.key].loaded_value
        items = [] if loaded is NO_VALUE else list(loaded)
    parent_keys = {column.key for column in rel.remote_side}
    rows = []
    for item in items:
        child = inspect(item)
        rows.append({attr.key: to_jsonable(child.attrs[attr.key].loaded_value)
                     for attr in child.mapper.column_attrs
                     if attr.key != "id" and attr.key not in parent_keys
                     and child.attrs[attr.key].loaded_value is not NO_VALUE})
    return rows


def _changed(obj: Any) -> bool:
    state = inspect(obj)
    return any(state.attrs[a.key].history.has_changes() for a in state.mapper.attrs
               if a.key not in SKIPPED_COLUMNS)


@event.listens_for(Session, "after_flush")
def _write_audit(session: Session, _ctx: Any) -> None:
    rows: list[dict[str, Any]] = []
    now = utcnow()
    default_actor = session.info.get("actor", "system")
    for obj in session.new:
        if isinstance(obj, Record):
            rows.append({"at": now, "actor": obj.updated_by or default_actor, "action": "create",
                         "entity_type": _entity_type(obj), "entity_id": obj.id, "before": None,
                         "after": _snapshot(obj, "after")})
    for obj in session.dirty:
        if isinstance(obj, Record) and _changed(obj):
            before, after = _snapshot(obj, "before"), _snapshot(obj, "after")
            if before == after:
                continue
            action = "status" if before.get("status") != after.get("status") else "update"
            rows.append({"at": now, "actor": obj.updated_by or default_actor, "action": action,
                         "entity_type": _entity_type(obj), "entity_id": obj.id, "before": before, "after": after})
    for obj in session.deleted:
        if isinstance(obj, Record):
            rows.append({"at": now, "actor": default_actor, "action": "delete", "entity_type": _entity_type(obj),
                         "entity_id": obj.id, "before": _snapshot(obj, "before"), "after": None})
    skipped = session.info.get(MERGE_SKIP, ())  # the records of a merge in progress get "merge" entries instead
    rows = [row for row in rows if (row["entity_type"], row["entity_id"]) not in skipped]
    if rows:
        session.connection().execute(AuditEntry.__table__.insert(), rows)


class AuditOnMerge(MergeHook):
    """A merge leaves one "merge" entry on each record, by the actor: on the kept one its state before and
    after, the id merged into it and the rows moved per table; on the duplicate its last state and the id
    it was merged into. Records whose reference moved (a commitment's session) get an "update" entry."""

    def before(self, session: Session, merge: Merge) -> None:
        merge.state["audit"] = (_snapshot(merge.kept, "after"), _snapshot(merge.merged, "after"))
        session.info.setdefault(MERGE_SKIP, set()).update({(merge.entity, merge.kept_id),
                                                           (merge.entity, merge.merged_id)})

    def after(self, session: Session, merge: Merge) -> None:
        kept_before, merged_before = merge.state.pop("audit")
        session.info.get(MERGE_SKIP, set()).difference_update({(merge.entity, merge.kept_id),
                                                               (merge.entity, merge.merged_id)})
        now = utcnow()
        after = {**_snapshot(merge.kept, "after"), "merged_from": merge.merged_id, "moved": merge.counts()}
        rows = [
            {"at": now, "actor": merge.actor, "action": "merge", "entity_type": merge.entity,
             "entity_id": merge.kept_id, "before": kept_before, "after": after},
            {"at": now, "actor": merge.actor, "action": "merge", "entity_type": merge.entity,
             "entity_id": merge.merged_id, "before": merged_before, "after": {"merged_into": merge.kept_id}},
        ]
        for moved in merge.moved:
            kind = _entity_type_of_table(moved.table)
            rows += [{"at": now, "actor": merge.actor, "action": "update", "entity_type": kind, "entity_id": row_id,
                      "before": {moved.column: merge.merged_id}, "after": {moved.column: merge.kept_id}}
                     for row_id in moved.record_ids]
        session.connection().execute(AuditEntry.__table__.insert(), rows)


def _entity_type_of_table(table_name: str) -> str:
    from sticoop.core.registry import services

    for name, service in services().items():
        if service.model.__tablename__ == table_name:
            return name
    return table_name


register(AuditOnMerge())
