"""Restoring a record to the state an audit entry recorded — itself a change, so it is audited too.

Restoring to an entry means: after an update or status change, the state it produced; after a create, the
state it was created in; for a delete, the record as it was just before, re-created with its id.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from sticoop.accounts.audit import is_owned_list
from sticoop.accounts.models import AuditEntry
from sticoop.core.crud import touch
from sticoop.core.errors import NotFound, ValidationFailed
from sticoop.core.registry import service_for
from sticoop.core.snapshot import stored_value

FIXED = frozenset({"id", "created_at", "created_by", "updated_at", "updated_by", "version", "search_text"})


def restore(db: Session, entry_id: int, actor: str = "system") -> Any:
    entry = db.get(AuditEntry, entry_id)
    if entry is None:
        raise NotFound(f"Audit entry {entry_id} does not exist")
    snapshot = entry.before if entry.action == "delete" else entry.after
    if not snapshot:
        raise ValidationFailed(f"Audit entry {entry_id} holds no state to restore")
    service = service_for(entry.entity_type)
    model = service.model
    obj = db.get(model, entry.entity_id)
    if obj is None:
        if entry.action != "delete":
            raise ValidationFailed(f"{service.label} {entry.entity_id} no longer exists; restore its deletion entry")
        obj = model(id=entry.entity_id, created_by=actor)
        db.add(obj)
    mapper = inspect(model)
    previous = {attr.key: getattr(obj, attr.key, None) for attr in mapper.column_attrs}
    with db.no_autoflush:
        for attr in mapper.column_attrs:
            if attr.key in FIXED or attr.key not in snapshot:
                continue
            setattr(obj, attr.key, stored_value(attr.columns[0].type, snapshot[attr.key]))
        for rel in mapper.relationships:
            if rel.key not in snapshot:
                continue
            if is_owned_list(rel):
                child = rel.mapper.class_
                columns = {attr.key: attr.columns[0].type for attr in inspect(child).column_attrs}
                setattr(obj, rel.key, [child(**{k: stored_value(columns[k], v) for k, v in row.items() if k in columns})
                                       for row in snapshot[rel.key] or []])
                continue
            if rel.secondary is None:
                continue
            target = rel.mapper.class_
            ids = snapshot[rel.key] or []
            found = [db.get(target, key) for key in ids]
            setattr(obj, rel.key, [item for item in found if item is not None])
    touch(obj, actor)
    service.restored(db, obj, previous, entry_id)
    service.check(db, obj)
    service._flush(db)
    return obj
