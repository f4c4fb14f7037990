"""A record's state as plain JSON values: its columns, the ids of its many-to-many links and the rows of the
lists it owns. The audit trail stores these; the record service compares two of them to tell a real change
from a form posted back unchanged.

Bookkeeping columns (timestamps, authorship, version, the folded search text) are never part of the state:
saving a record unchanged is not a change, whoever saves it.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import Date, DateTime, Numeric, inspect
from sqlalchemy.orm.base import NO_VALUE

from sticoop.core.models import Record
from sticoop.core.serialize import to_jsonable

#: columns that describe the bookkeeping of a record, not the record
BOOKKEEPING_COLUMNS = frozenset({"search_text", "created_at", "updated_at", "created_by", "updated_by", "version"})

When = Literal["before", "after"]


def snapshot(obj: Any, when: When = "after") -> dict[str, Any]:
    """Column values and linked ids of ``obj``: as they are now (``"after"``) or as they were loaded before
    the changes pending in its session (``"before"``). Returns ``{column or relationship key: JSON value}``;
    owned lists are lists of dicts of their rows' columns (without ids and parent keys), links sorted ids."""
    state = inspect(obj)
    values: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in BOOKKEEPING_COLUMNS:
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
    back. Logs (a model with ``is_history_log = True``, such as an agreement's status changes) are left out:
    they are history, not state."""
    return (rel.uselist and rel.cascade.delete_orphan and rel.secondary is None
            and not issubclass(rel.mapper.class_, Record)
            and not getattr(rel.mapper.class_, "is_history_log", False))


def _child_rows(state: Any, rel: Any, when: When) -> list[dict[str, Any]]:
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


def changed(obj: Any) -> bool:
    """Whether ``obj`` has pending changes to anything but its bookkeeping columns."""
    state = inspect(obj)
    return any(state.attrs[a.key].history.has_changes() for a in state.mapper.attrs
               if a.key not in BOOKKEEPING_COLUMNS)


def columns_changed(obj: Any) -> bool:
    """Whether ``obj`` has pending changes to its own columns (not its lists or links), bookkeeping aside."""
    state = inspect(obj)
    return any(state.attrs[a.key].history.has_changes() for a in state.mapper.column_attrs
               if a.key not in BOOKKEEPING_COLUMNS)


def stored_value(column_type: Any, value: Any) -> Any:
    """A snapshot's JSON value as a column of ``column_type`` holds it: dates, instants and amounts are stored
    in snapshots as ISO text (:func:`snapshot`), everything else as it is. Used to restore a version and to
    replay history; ``ValueError`` for text that is not the ISO form."""
    if not isinstance(value, str):
        return value
    if isinstance(column_type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    if isinstance(column_type, Numeric):
        return Decimal(value)
    return value
