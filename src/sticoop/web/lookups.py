"""Small read helpers the pages need beside the services: names for ids, in one bounded query each.

List pages show related names (a commitment's partnership, a delegate's name); fetching them per row
would be N+1, so each helper takes all the page's ids at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession


def names(db: DbSession, model: type[Any], ids: Iterable[int | None], column: str = "name",
          ) -> dict[int | None, str]:
    """{id: name} for the given ids of one model (missing ids are simply absent, so ``.get`` of an empty
    reference, None, answers None)."""
    keys = sorted({i for i in ids if i is not None})
    if not keys:
        return {}
    rows = db.execute(select(model.id, getattr(model, column)).where(model.id.in_(keys))).all()
    return {row[0]: row[1] for row in rows}


def int_or_none(value: Any) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() else None
