"""What hangs off a record is read like it: one rule for every kind whose own rule narrows who may open it.

A record service may narrow, for a session, which of its records that session may open beyond the partnership
scope (``RecordService.narrow_query``: proposals, which only the call's secretariat and their assigned
reviewers — not in conflict — open). Whatever hangs off such a record must not show it to anyone else:

- **owned children**: rows of another kind whose foreign key to the narrowed kind's table deletes them with it
  (``ON DELETE CASCADE``: a proposal's reviews, consensus report, conflicts, assignments, decisions) are opened
  by exactly those who may open their parent — their ``get`` asks the parent's ``get`` (the same 403), their
  list, total and exports keep the rows whose parent is in :func:`openable_ids`;
- **documents** hanging off records (``document_links``, or a column naming the document such as a proposal's
  PDF): see ``sticoop.documents.service.DocumentService.narrow_query``, built on :func:`openable_ids` too.

The children and the holders are read from the schema and the kind registry, never listed by hand: a new child
table or a new document column follows its parent without a line here. Search and the dashboard's recent changes
confirm a narrowed kind's rows through its ``get`` (``RecordService.may_open``), so they follow the same rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from sticoop.core.models import table_of
from sticoop.core.registry import services

if TYPE_CHECKING:
    from sticoop.core.crud import RecordService

#: how deep parents of parents are followed (a proposal's review's ... ); far above any chain in the schema
MAX_DEPTH = 4


#: parents by service, read once per set of registered kinds (the registry is filled once, at composition)
_PARENTS: dict[tuple[int, int], list[tuple[RecordService[Any], str]]] = {}


def parents_of(service: RecordService[Any]) -> list[tuple[RecordService[Any], str]]:
    """The (parent service, foreign-key column name) pairs of the records ``service``'s rows are owned by: each
    column of its table with an ``ON DELETE CASCADE`` foreign key to the table of another registered kind."""
    key = (id(service), len(services()))
    found = _PARENTS.get(key)
    if found is None:
        found = _PARENTS[key] = _read_parents(service)
    return found


def _read_parents(service: RecordService[Any]) -> list[tuple[RecordService[Any], str]]:
    by_table = {table_of(other.model).name: other for other in services().values()
                if other is not None and other is not service}
    found: list[tuple[RecordService[Any], str]] = []
    for column in table_of(service.model).columns:
        for fk in column.foreign_keys:
            parent = by_table.get(fk.column.table.name)
            if parent is not None and (fk.ondelete or "").upper() == "CASCADE":
                found.append((parent, column.key))
    return found


def parents_narrow(db: Session, service: RecordService[Any], depth: int = 0) -> bool:
    """True when a parent of ``service`` (or a parent's parent) narrows, for this session, what it may open."""
    if depth >= MAX_DEPTH:
        return False
    return any(parent.narrows_here(db) or parents_narrow(db, parent, depth + 1) for parent, _ in parents_of(service))


def openable_ids(db: Session, service: RecordService[Any]) -> list[int] | None:
    """The ids of ``service``'s records this session may open, or None when it may open all those its partnership
    scope lets it see (the kind does not narrow for it). Each candidate of the list's rule is confirmed through
    the service's ``get`` (a conflicted reviewer's assigned proposal is listed by no one's rule but refused by
    the page): the candidates are a reader's own rows (a reviewer's assignments), a short list."""
    if not service.narrows(db):
        return None
    candidates: Select[Any] = service.visible_query(db, select(service.model.id))
    return [i for i in db.scalars(candidates) if service.may_open(db, i)]


def follow_parents(db: Session, service: RecordService[Any], query: Select[Any]) -> Select[Any]:
    """``query`` on ``service``'s rows kept to those whose every narrowed parent this session may open."""
    for parent, column in parents_of(service):
        ids = openable_ids(db, parent)
        if ids is not None:
            query = query.where(getattr(service.model, column).in_(ids))
    return query


def refuse_through_parents(db: Session, service: RecordService[Any], obj: Any) -> None:
    """Raise what the parent's ``get`` raises (403 naming the parent's rule) when ``obj`` hangs off a record of a
    narrowed kind this session may not open."""
    for parent, column in parents_of(service):
        parent_id = getattr(obj, column)
        if parent_id is not None and (parent.narrows_here(db) or parents_narrow(db, parent)):
            parent.get(db, parent_id)
