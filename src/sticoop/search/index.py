"""What the search index holds for a record, kept in the write's transaction, and its rebuild.

Every registered record service whose model declares ``search_fields`` is indexed (a new kind comes in by
itself): its display name as title, its ``search_fields`` and ``index_fields`` (long text such as a document's
extracted text) as body, both folded for matching. Its scope is decided as ``accounts/scoping.py`` decides
visibility: a partnership is its own scope, a record with ``partnership_id`` is bound to it, a child
(``THROUGH_PARENT``: a session, a proposal) takes its parent's partnership and confidentiality.

An ``after_flush`` hook rewrites the entries of every searchable record the flush inserted, changed or deleted,
on the flush's connection: the index commits or rolls back with the write (the same pattern as the natural keys
of :func:`sticoop.core.duplicates.refresh_key_index`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, event, func, insert, select
from sqlalchemy.orm import Session

from sticoop.accounts.scoping import DIRECT, THROUGH_PARENT
from sticoop.core.text import fold
from sticoop.documents.models import Document
from sticoop.partnerships.models import Partnership
from sticoop.search.backend import backend_for
from sticoop.search.models import SearchEntry

#: characters of a record's text kept in the index (a PostgreSQL tsvector holds at most 1 MB)
MAX_BODY = 100_000
_TITLE_MAX = 500


@dataclass(frozen=True)
class Scope:
    """Who may find a record: its partnership (None: general), whether a general record is for editors only,
    and whether it (or its parent) is confidential."""

    partnership_id: int | None
    editors_only: bool
    confidential: bool


def searchable_services() -> dict[str, Any]:
    """Entity name → record service, for every registered kind whose model declares ``search_fields``."""
    from sticoop.core.registry import services

    return {kind: s for kind, s in services().items() if getattr(s.model, "search_fields", ())}


def scope_of(db: Session, obj: Any) -> Scope:
    """The scope of a record (see the module docstring); a child whose parent is gone is hidden from all but
    those who see everything (editors only, confidential)."""
    model = type(obj)
    confidential = bool(getattr(obj, "confidential", False))
    if model is Partnership:
        return Scope(obj.id, False, confidential)
    if model in DIRECT:
        pid = obj.partnership_id
        return Scope(pid, model is Document and pid is None, confidential)
    for child, fk, parent_model in THROUGH_PARENT:
        if child is model:
            with db.no_autoflush:
                parent = db.get(parent_model, getattr(obj, fk))
            if parent is None:
                return Scope(None, True, True)
            above = scope_of(db, parent)
            return Scope(above.partnership_id, above.editors_only, above.confidential or confidential)
    return Scope(None, False, confidential)


def _text(obj: Any, fields: Iterable[str]) -> str:
    parts: list[str] = []
    for name in fields:
        value = getattr(obj, name, None)
        if isinstance(value, list | tuple):
            parts.extend(str(v) for v in value if v)
        elif value:
            parts.append(str(value))
    return " \n".join(parts)


def entry_row(db: Session, kind: str, service: Any, obj: Any) -> dict[str, Any]:
    """The ``search_entries`` row of one record (a dict of column values)."""
    with db.no_autoflush:
        title = (service.display_name(db, obj) or f"{kind} {obj.id}")[:_TITLE_MAX]
    model = type(obj)
    body = _text(obj, (*model.search_fields, *getattr(model, "index_fields", ())))[:MAX_BODY]
    scope = scope_of(db, obj)
    return {"kind": kind, "record_id": obj.id, "partnership_id": scope.partnership_id,
            "editors_only": scope.editors_only, "confidential": scope.confidential, "title": title,
            "body": body, "title_folded": fold(title), "body_folded": fold(body)[:MAX_BODY]}


def refresh_entries(db: Session) -> None:
    """Rewrite the entries of every searchable record this flush inserted, changed or deleted (called from
    the ``after_flush`` hook, on the flush's connection)."""
    touched = [*db.new, *db.dirty, *db.deleted]
    if not touched:
        return
    by_model = {s.model: (kind, s) for kind, s in searchable_services().items()}
    gone: dict[str, set[int]] = {}
    rows: list[dict[str, Any]] = []
    for obj in touched:
        found = by_model.get(type(obj))
        if found is None or getattr(obj, "id", None) is None:
            continue
        kind, service = found
        if obj in db.deleted:
            gone.setdefault(kind, set()).add(obj.id)
        else:
            rows.append(entry_row(db, kind, service, obj))
    backend = backend_for(db)
    for kind, ids in gone.items():
        backend.remove(db, kind, sorted(ids))
    if rows:
        backend.index(db, rows)  # replaces the entries these records had


@event.listens_for(Session, "after_flush")
def _refresh_search_index(db: Session, _ctx: Any) -> None:
    """Keep the search index in the write's transaction."""
    refresh_entries(db)


def rebuild(db: Session, batch: int = 500, progress: Callable[[str, int], None] | None = None) -> int:
    """Empty the index and rebuild it from every searchable record, ``batch`` records at a time in id order
    (keyset paging); ``progress(kind, done)`` is called after each batch. Runs in ``db``'s transaction (the
    caller commits); ``db`` must carry no principal (every record is indexed). Returns the entries written."""
    connection = db.connection()
    connection.execute(delete(SearchEntry))
    total = 0
    for kind, service in searchable_services().items():
        model = service.model
        last = 0
        while True:
            objs = db.scalars(select(model).where(model.id > last).order_by(model.id).limit(batch)).all()
            if not objs:
                break
            rows = [entry_row(db, kind, service, obj) for obj in objs]
            connection.execute(insert(SearchEntry), rows)
            total += len(rows)
            last = objs[-1].id
            db.expunge_all()
            if progress is not None:
                progress(kind, len(rows))
    return total


def count_records(db: Session) -> dict[str, int]:
    """Entity name → number of records of each searchable kind (what a rebuild will index)."""
    return {kind: db.scalar(select(func.count()).select_from(s.model)) or 0
            for kind, s in searchable_services().items()}
