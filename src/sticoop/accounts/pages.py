"""The "History" box of every record page, and restoring a version from it.

Like the Sources box, the box looks the history up itself (one indexed query on the audit log), so no
domain's route has to pass it in.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from sticoop.accounts.restore import restore
from sticoop.accounts.service import history
from sticoop.core.api import DB, Actor, request_session
from sticoop.web.crud_pages import REGISTERED_PAGES
from sticoop.web.labels import record_url
from sticoop.web.render import environment, formatter

router = APIRouter(include_in_schema=False)
HISTORY_LIMIT = 20


def changed_names(request: Request, entity_type: str, columns: list[str]) -> list[str]:
    """The changed ``columns`` of a record of ``entity_type`` as its form names them, in the page's language
    ("Completion" / "Réalisation" / "Mức độ hoàn thành", not ``completion``); a column the form does not show
    is its name with spaces."""
    translate = formatter(request)._
    spec = REGISTERED_PAGES.get(entity_type)
    labels = {f.name: f.label for f in spec.fields} if spec is not None else {}
    return [translate(labels[c]) if c in labels else c.replace("_", " ") for c in columns]


def record_history(request: Request, entity_type: str, entity_id: int) -> list[dict[str, Any]]:
    with request_session(request) as db:
        rows = []
        for entry in history(db, entity_type, entity_id, HISTORY_LIMIT):
            before, after = entry.before or {}, entry.after or {}
            changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k)
                             and k not in ("updated_by", "created_by")) if entry.action in ("update", "status") else []
            changed = changed_names(request, entity_type, changed)
            own = entry.entity_id == entity_id
            rows.append({"id": entry.id, "at": entry.at, "actor": entry.actor, "action": entry.action,
                         "changed": changed, "restorable": own and entry.action != "delete",
                         "record": None if own else entry.entity_id, "merged_from": after.get("merged_from")})
        return rows


environment.globals["record_history"] = record_history


@router.post("/audit/{entry_id}/restore")
def restore_version(entry_id: int, db: DB, actor: Actor) -> RedirectResponse:
    obj = restore(db, entry_id, actor)
    from sticoop.accounts.models import AuditEntry

    entry = db.get(AuditEntry, entry_id)
    target = record_url(entry.entity_type, obj.id) if entry else None
    return RedirectResponse((target or "/") + "?notice=restored", status_code=303)
