"""Lists and counts of a pack as they stood at the end of its day: the records unchanged since read by SQL
(one query per list), the records changed, deleted or created since replayed from the audit log
(``history.py``) and merged in — so a list or a count is the same whether its records changed after the day
or not. Every query runs on the principal's scoped session (``accounts/scoping.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from sticoop.briefing import history


@dataclass(frozen=True)
class Listing:
    """One list of a pack: the record model and its audit kind ("commitment"), its SQL filter, the same
    filter in Python (for states replayed from the audit log) and its name (``LIMITS``, ``Briefing.omitted``)."""

    model: Any
    kind: str
    where: list[Any]
    match: Callable[[Any], bool]
    name: str


def bounded(db: DbSession, query: Any, limit: int, omitted: dict[str, int] | None, name: str) -> list[Any]:
    """Up to ``limit`` rows of ``query``; when there are more and ``omitted`` is given, how many are left
    out goes in ``omitted[name]`` (one count query, only then)."""
    rows = list(db.scalars(query.limit(limit + 1 if omitted is not None else limit)))
    if len(rows) > limit and omitted is not None:
        total = db.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
        omitted[name] = total - limit
        rows = rows[:limit]
    return rows


def as_stood(db: DbSession, listing: Listing, order: Sequence[Any], key: Callable[[Any], Any], day: date,
             limit: int, omitted: dict[str, int] | None = None, options: Sequence[Any] = ()) -> list[Any]:
    """Up to ``limit`` records matching ``listing`` as they stood at the end of ``day``: records unchanged
    since (one SQL query in ``order``: live ORM objects) and, for a day before today, the states of those
    changed since (stand-ins, ``history.state_object``) that matched then — merged in ``key`` order (the same
    order as ``order``). Rows left out are counted in ``omitted`` when given."""
    model = listing.model
    cutoff = history.cutoff_of(day)
    where = list(listing.where)
    if cutoff is not None:
        where.append(model.id.not_in(history.changed_since(listing.kind, cutoff)))
    live = bounded(db, select(model).where(*where).order_by(*order).options(*options), limit, omitted,
                   listing.name)
    if cutoff is None:
        return live
    past = [state.values for state in history.visible(db, model, [
        state for state in history.past_states(db, model, listing.kind, cutoff) if listing.match(state.values)])]
    rows = sorted([*live, *past], key=key)
    if len(rows) > limit and omitted is not None:
        omitted[listing.name] = omitted.get(listing.name, 0) + len(rows) - limit
    return rows[:limit]


def tally(db: DbSession, listing: Listing, day: date, groups: Sequence[Any] = (),
          group_of: Callable[[Any], Iterable[Hashable]] | None = None, total: Any = None,
          total_of: Callable[[Any], Any] | None = None) -> Counter[Any]:
    """Counts (or sums of ``total``) of the records matching ``listing`` at the end of ``day``, by ``groups``
    (SQL expressions; the key is the value, or the tuple of values for several; none: one count under the
    key None). ``group_of`` gives the keys of a replayed state (several for a record in several groups, such
    as a project in two fields). One ``GROUP BY`` query over the records unchanged since, plus the replayed
    states of those changed since."""
    model = listing.model
    cutoff = history.cutoff_of(day)
    where = list(listing.where)
    if cutoff is not None:
        where.append(model.id.not_in(history.changed_since(listing.kind, cutoff)))
    measure = func.count(model.id) if total is None else func.sum(total)
    counts: Counter[Any] = Counter()
    if not groups:
        counts[None] += db.scalar(select(measure).where(*where)) or 0
    else:
        for *keys, value in db.execute(select(*groups, measure).where(*where).group_by(*groups)):
            counts[keys[0] if len(keys) == 1 else tuple(keys)] += value or 0
    if cutoff is None:
        return counts
    for state in history.visible(db, model, [
            state for state in history.past_states(db, model, listing.kind, cutoff) if listing.match(state.values)]):
        value = 1 if total_of is None else total_of(state.values)
        if value is not None:
            for key in group_of(state.values) if group_of else [None]:
                counts[key] += value
    return counts
