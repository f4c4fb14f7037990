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
from sticoop.core.models import Record, utcnow
from sticoop.core.principal import principal_of
from sticoop.core.snapshot import changed as _changed
from sticoop.core.snapshot import columns_changed, is_owned_list, snapshot

__all__ = ["is_owned_list", "audit_actor"]

def _entity_type(obj: Any) -> str:
    from sticoop.core.registry import services

    for name, service in services().items():
        if isinstance(obj, service.model):
            return name
    return type(obj).__tablename__


def audit_actor(session: Session, obj: Any = None) -> str:
    """Who caused the changes flushed from ``session``: the signed-in user of the request, whatever record the
    change lands on (an assessment that moves its commitment's completion is that user's change, not the
    commitment's last editor's); else the actor the command set (``session.info["actor"]``); else the
    record's own ``updated_by``; else ``"system"``."""
    principal = principal_of(session)
    if principal is not None and principal.signed_in:
        return principal.username
    return session.info.get("actor") or getattr(obj, "updated_by", None) or "system"


@event.listens_for(Session, "before_flush")
def _stamp_derived_changes(session: Session, _ctx: Any, _instances: Any) -> None:
    """A record changed as a consequence of another write (an assessment moving its commitment's completion,
    a merge moving links) is marked changed by the user who caused it, like a direct edit."""
    for obj in session.dirty:
        if isinstance(obj, Record) and columns_changed(obj) and not inspect(obj).attrs.updated_by.history.has_changes():
            obj.updated_by = audit_actor(session, obj)


@event.listens_for(Session, "after_flush")
def _write_audit(session: Session, _ctx: Any) -> None:
    rows: list[dict[str, Any]] = []
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, Record):
            rows.append({"at": now, "actor": audit_actor(session, obj), "action": "create",
                         "entity_type": _entity_type(obj), "entity_id": obj.id, "before": None,
                         "after": snapshot(obj, "after")})
    for obj in session.dirty:
        if isinstance(obj, Record) and _changed(obj):
            before, after = snapshot(obj, "before"), snapshot(obj, "after")
            if before == after:
                continue
            action = "status" if before.get("status") != after.get("status") else "update"
            rows.append({"at": now, "actor": audit_actor(session, obj), "action": action,
                         "entity_type": _entity_type(obj), "entity_id": obj.id, "before": before, "after": after})
    for obj in session.deleted:
        if isinstance(obj, Record):
            rows.append({"at": now, "actor": audit_actor(session), "action": "delete",
                         "entity_type": _entity_type(obj), "entity_id": obj.id, "before": snapshot(obj, "before"),
                         "after": None})
    if rows:
        session.connection().execute(AuditEntry.__table__.insert(), rows)
