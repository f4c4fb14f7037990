"""The audit trail: every create, update, delete and status change of a record, written by a flush hook.

The hook runs after each flush, inside the same transaction, so an audit row exists exactly when the
change it describes is committed — a failed change leaves neither. Snapshots hold the record's columns
and the ids of its many-to-many links, as JSON.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from sticoop.accounts.models import AuditEntry
from sticoop.core.merge import Merge, MergeHook, register
from sticoop.core.models import Record, table_of, utcnow
from sticoop.core.principal import principal_of
from sticoop.core.snapshot import changed as _changed
from sticoop.core.snapshot import columns_changed, is_owned_list, snapshot

#: session.info key: (entity type, id) of records whose flush must not be audited (a merge writes their entries)
MERGE_SKIP = "audit_merge_skip"

__all__ = ["is_owned_list", "audit_actor"]

def _entity_type(obj: Any) -> str:
    from sticoop.core.registry import services

    for name, service in services().items():
        if isinstance(obj, service.model):
            return name
    return type(obj).__tablename__


def audit_actor(db: Session, obj: Any = None) -> str:
    """Who caused the changes flushed from ``session``: the signed-in user of the request, whatever record the
    change lands on (an assessment that moves its commitment's completion is that user's change, not the
    commitment's last editor's); else the actor the command set (``session.info["actor"]``); else the
    record's own ``updated_by``; else ``"system"``."""
    principal = principal_of(db)
    if principal is not None and principal.signed_in:
        return principal.username
    return db.info.get("actor") or getattr(obj, "updated_by", None) or "system"


@event.listens_for(Session, "before_flush")
def _stamp_derived_changes(db: Session, _ctx: Any, _instances: Any) -> None:
    """A record changed as a consequence of another write (an assessment moving its commitment's completion,
    a merge moving links) is marked changed by the user who caused it, like a direct edit."""
    for obj in db.dirty:
        if isinstance(obj, Record) and columns_changed(obj) and not inspect(obj).attrs.updated_by.history.has_changes():
            obj.updated_by = audit_actor(db, obj)


@event.listens_for(Session, "after_flush")
def _write_audit(db: Session, _ctx: Any) -> None:
    rows: list[dict[str, Any]] = []
    now = utcnow()
    for obj in db.new:
        if isinstance(obj, Record):
            rows.append({"at": now, "actor": audit_actor(db, obj), "action": "create",
                         "entity_type": _entity_type(obj), "entity_id": obj.id, "before": None,
                         "after": snapshot(obj, "after")})
    for obj in db.dirty:
        if isinstance(obj, Record) and _changed(obj):
            before, after = snapshot(obj, "before"), snapshot(obj, "after")
            if before == after:
                continue
            action = "status" if before.get("status") != after.get("status") else "update"
            rows.append({"at": now, "actor": audit_actor(db, obj), "action": action,
                         "entity_type": _entity_type(obj), "entity_id": obj.id, "before": before, "after": after})
    for obj in db.deleted:
        if isinstance(obj, Record):
            rows.append({"at": now, "actor": audit_actor(db), "action": "delete",
                         "entity_type": _entity_type(obj), "entity_id": obj.id, "before": snapshot(obj, "before"),
                         "after": None})
    skipped = db.info.get(MERGE_SKIP, ())  # the records of a merge in progress get "merge" entries instead
    rows = [row for row in rows if (row["entity_type"], row["entity_id"]) not in skipped]
    if rows:
        db.connection().execute(table_of(AuditEntry).insert(), rows)


class AuditOnMerge(MergeHook):
    """A merge leaves one "merge" entry on each record, by the actor: on the kept one its state before and
    after, the id merged into it and the rows moved per table; on the duplicate its last state and the id
    it was merged into. Records whose reference moved (a commitment's session) get an "update" entry."""

    def before(self, db: Session, merge: Merge) -> None:
        merge.state["audit"] = (snapshot(merge.kept, "after"), snapshot(merge.merged, "after"))
        db.info.setdefault(MERGE_SKIP, set()).update({(merge.entity, merge.kept_id),
                                                           (merge.entity, merge.merged_id)})

    def after(self, db: Session, merge: Merge) -> None:
        kept_before, merged_before = merge.state.pop("audit")
        db.info.get(MERGE_SKIP, set()).difference_update({(merge.entity, merge.kept_id),
                                                               (merge.entity, merge.merged_id)})
        now = utcnow()
        after = {**snapshot(merge.kept, "after"), "merged_from": merge.merged_id, "moved": merge.counts()}
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
        db.connection().execute(table_of(AuditEntry).insert(), rows)


def _entity_type_of_table(table_name: str) -> str:
    from sticoop.core.registry import services

    for name, service in services().items():
        if service.model.__tablename__ == table_name:
            return name
    return table_name


register(AuditOnMerge())
