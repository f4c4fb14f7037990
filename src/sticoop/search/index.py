"""What the search index holds for a record, kept in the write's transaction, and its rebuild.

Every registered record service whose model declares ``search_fields`` is indexed (a new kind comes in by
itself): its display name as title, its ``search_fields`` and ``index_fields`` (long text such as a document's
extracted text) as body, both folded for matching. Its scope is decided as ``accounts/scoping.py`` decides
visibility: a partnership is its own scope, a record with ``partnership_id`` is bound to it, a child
(declared through a parent: a session, a proposal) takes its parent's partnership and confidentiality.

An ``after_flush`` hook rewrites the entries of every searchable record the flush inserted, changed or deleted,
on the flush's connection: the index commits or rolls back with the write (the same pattern as the natural keys
of :func:`sticoop.core.duplicates.refresh_key_index`). The words only: an entry's vector is computed after the
commit by the ``search.embed`` job (:mod:`sticoop.search.vectors`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, event, func, insert, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session, defer

from sticoop.accounts.scoping import direct, through_parent
from sticoop.core.models import table_of
from sticoop.core.text import fold
from sticoop.documents.models import Document
from sticoop.partnerships.models import Partnership
from sticoop.search.backend import backend_for
from sticoop.search.models import SearchEntry
from sticoop.search.vectors import attach

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
    if model in direct():
        pid = obj.partnership_id
        return Scope(pid, model is Document and pid is None, confidential)
    for child, fk, parent_model in through_parent():
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


_CHILDREN_KEY = "sticoop.search_children"
#: a parent's attributes its children's entries take (their scope, or their title: a session is named by its
#: committee)
_INHERITED = ("partnership_id", "confidential", "name", "title")


def searchable_children() -> list[tuple[Any, str, Any, str]]:
    """(child model, its foreign key, parent model, child kind) for every searchable child scoped through a parent."""
    kinds = {s.model: kind for kind, s in searchable_services().items()}
    return [(child, fk, parent, kinds[child]) for child, fk, parent in through_parent() if child in kinds]


def collect_children(db: Session) -> None:
    """Before a flush: the children whose entries a parent's change or deletion makes stale (a committee moved
    to another partnership or made confidential: its sessions' scope; a committee deleted: its sessions, which
    the database's cascade removes unseen). Their ids wait in ``db.info`` for :func:`refresh_entries`."""
    from sqlalchemy import inspect as sa_inspect

    redo: dict[str, set[int]] = {}
    gone: dict[str, set[int]] = {}
    for child, fk, parent_model, kind in searchable_children():
        deleted = [o.id for o in db.deleted if isinstance(o, parent_model)]
        changed = [o.id for o in db.dirty if isinstance(o, parent_model) and any(
            name in sa_inspect(o).attrs and sa_inspect(o).attrs[name].history.has_changes() for name in _INHERITED)]
        table = table_of(child)  # a Core query: every child, whatever the writer may see
        for target, ids in ((gone, deleted), (redo, changed)):
            if ids:
                found = db.connection().execute(select(table.c.id).where(table.c[fk].in_(ids))).scalars().all()
                target.setdefault(kind, set()).update(found)
    if redo or gone:
        db.info[_CHILDREN_KEY] = (redo, gone)


def refresh_entries(db: Session) -> None:
    """Rewrite the entries of every searchable record this flush inserted, changed or deleted, and of the
    children :func:`collect_children` found (called from the ``after_flush`` hook, on the flush's connection)."""
    redo, gone = db.info.pop(_CHILDREN_KEY, ({}, {}))
    touched = [*db.new, *db.dirty, *db.deleted]
    if not touched and not gone:
        return
    services = searchable_services()
    by_model = {s.model: (kind, s) for kind, s in services.items()}
    rows: list[dict[str, Any]] = []
    if redo:
        # the children as flushed, read on the flush's connection by a session of no principal (a writer may
        # move a committee whose confidential sessions they could not list)
        with Session(bind=db.connection()) as plain:
            for kind, ids in redo.items():
                model = services[kind].model
                rows.extend(entry_row(plain, kind, services[kind], o)
                            for o in plain.scalars(select(model).where(model.id.in_(sorted(ids)))))
    redone = {(row["kind"], row["record_id"]) for row in rows}
    for obj in touched:
        found = by_model.get(type(obj))
        if found is None or getattr(obj, "id", None) is None:
            continue
        kind, service = found
        if (kind, obj.id) in redone:
            continue
        if obj in db.deleted:
            gone.setdefault(kind, set()).add(obj.id)
        else:
            rows.append(entry_row(db, kind, service, obj))
    backend = backend_for(db)
    for kind, ids in gone.items():
        backend.remove(db, kind, sorted(ids))
    if rows:  # no vector here: the search.embed job computes it after the commit (sticoop.search.vectors)
        backend.index(db, rows)  # replaces the entries these records had


@event.listens_for(Session, "before_flush")
def _collect_search_children(db: Session, _ctx: Any, _instances: Any) -> None:
    """Note the children whose entries this flush makes stale."""
    collect_children(db)


@event.listens_for(Session, "after_flush")
def _refresh_search_index(db: Session, _ctx: Any) -> None:
    """Keep the search index in the write's transaction."""
    refresh_entries(db)


def rebuild(db: Session, batch: int = 500, progress: Callable[[str, int], None] | None = None,
            vectors: bool = True) -> int:
    """Empty the index and rebuild it from every searchable record, ``batch`` records at a time in id order
    (keyset paging), with each entry's vector unless ``vectors`` is false (the migration that made the table,
    before the vectors' columns exist); ``progress(kind, done)`` is called after each batch. Runs in ``db``'s
    transaction (the caller commits); ``db`` must carry no principal (every record is indexed).
    Returns the entries written."""
    connection = db.connection()
    connection.execute(delete(SearchEntry))
    total = 0
    for kind, service in searchable_services().items():
        model = service.model
        absent = _defer_absent_columns(connection, model)
        last = 0
        while True:
            objs = db.scalars(select(model).options(*absent).where(model.id > last).order_by(model.id)
                              .limit(batch)).all()
            if not objs:
                break
            rows = [entry_row(db, kind, service, obj) for obj in objs]
            if vectors:
                attach(rows)
            connection.execute(insert(SearchEntry), rows)
            total += len(rows)
            last = objs[-1].id
            db.expunge_all()
            if progress is not None:
                progress(kind, len(rows))
    return total


def _defer_absent_columns(connection: Any, model: Any) -> list[Any]:
    """``defer()`` options for the mapped columns the database's table does not have yet: a migration that
    rebuilds the index (0020) runs before later migrations add columns the models already declare."""
    have = {column["name"] for column in sa_inspect(connection).get_columns(model.__tablename__)}
    return [defer(getattr(model, prop.key)) for prop in sa_inspect(model).column_attrs
            if prop.columns[0].table is model.__table__ and prop.columns[0].name not in have]


def count_records(db: Session) -> dict[str, int]:
    """Entity name → number of records of each searchable kind (what a rebuild will index)."""
    return {kind: db.scalar(select(func.count()).select_from(s.model)) or 0
            for kind, s in searchable_services().items()}
