"""Keyset pagination and bounded totals: lists that stay fast at a million rows.

- **Keyset** (``after=``): the next page starts after the last row of this one, named by an opaque cursor
  holding the sort, the sort column's value and the id of that row. The database seeks to it through the sort's
  index instead of reading and dropping ``offset`` rows, so page 20,000 costs what page 1 costs. Order is the
  lists' order: the sort column ascending or descending with empty values last, then the id in the same direction.
- **Bounded totals**: a list counts its matches exactly up to :data:`COUNT_BOUND`; beyond it the count stops and
  the total says "more than the bound" (:class:`Count` with ``exact`` False) instead of reading every match.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, literal_column, or_, select
from sqlalchemy.orm import Session

from sticoop.core.errors import ValidationFailed

#: a list counts at most this many matches exactly; beyond, its total is "more than COUNT_BOUND"
COUNT_BOUND = 10_000


class Count(int):
    """A list's total: an ``int`` (exact when ``exact``; otherwise the bound, meaning "more than this")."""

    exact: bool = True

    def __new__(cls, value: int, exact: bool = True) -> Count:
        made = super().__new__(cls, value)
        made.exact = exact
        return made


def count_bounded(db: Session, query: Select[Any], bound: int = COUNT_BOUND) -> Count:
    """The number of rows ``query`` matches, counting at most ``bound`` + 1 of them (one bounded query).

    The counted rows select a constant, not the record's columns, so an index that holds the filtered columns
    answers the count alone (a covering index scan) instead of reading up to ``bound`` rows of the table.
    """
    counted = db.scalar(bounded_count_query(query, bound)) or 0
    return Count(counted) if counted <= bound else Count(bound, exact=False)


def bounded_count_query(query: Select[Any], bound: int = COUNT_BOUND) -> Select[Any]:
    """``SELECT count(*)`` of at most ``bound`` + 1 rows of ``query``, each selected as the constant 1."""
    rows: Select[Any] = query.order_by(None).with_only_columns(literal_column("1"), maintain_column_froms=True)
    return select(func.count()).select_from(rows.limit(bound + 1).subquery())


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def encode_cursor(sort: str, value: Any, record_id: int) -> str:
    """The opaque cursor of the row (``value`` of the sort column, ``record_id``) under ``sort``."""
    raw = json.dumps([sort, _plain(value), record_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str, column: Any) -> tuple[Any, int]:
    """(sort value, id) of a cursor made for ``sort``; ``ValidationFailed`` naming ``after`` when it is not one
    (tampered, or made for another sort)."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        made_for, value, record_id = json.loads(raw)
    except (ValueError, TypeError, binascii.Error):
        raise ValidationFailed("after: not a cursor of this list (use next_after of the previous page)",
                               field="after") from None
    if made_for != sort or not isinstance(record_id, int):
        raise ValidationFailed(f"after: this cursor was made for sort '{made_for}', not '{sort}'", field="after")
    if value is not None:
        value = _typed(value, column)
    return value, record_id


def _typed(value: Any, column: Any) -> Any:
    try:
        kind = column.type.python_type
    except NotImplementedError:
        return value
    try:
        if kind is datetime:
            return datetime.fromisoformat(value)
        if kind is date:
            return date.fromisoformat(value)
        return kind(value)
    except (ValueError, TypeError):
        raise ValidationFailed("after: not a cursor of this list", field="after") from None


def after_clause(column: Any, id_column: Any, descending: bool, value: Any, record_id: int,
                 same_column: bool) -> ColumnElement[bool]:
    """Rows after (``value``, ``record_id``) in the order ``column`` (direction, empty last), ``id`` (same
    direction). ``same_column`` when the sort is the id itself."""
    def beyond(col: Any, v: Any) -> ColumnElement[bool]:
        return col < v if descending else col > v  # type: ignore[no-any-return]

    if same_column:
        return beyond(id_column, record_id)
    if value is None:  # among the empty values, which come last: only the ids go on
        return and_(column.is_(None), beyond(id_column, record_id))
    return or_(beyond(column, value), and_(column == value, beyond(id_column, record_id)), column.is_(None))
