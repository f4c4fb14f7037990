"""Where select boxes get their options: one bounded query per source, labels in the page's language.

Each source is capped (``LIMIT``) so a form stays fast on a large database; a value already chosen
is always offered even when it falls outside the cap. The sources are declared by the domains
(:mod:`sticoop.core.choices`); those of records that belong to a partnership are limited to one partnership when
the form's record fixes it (a Belgium–Vietnam commitment is offered Belgium–Vietnam sessions, never Vietnam–Laos
ones), on indexed partnership columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import or_
from sqlalchemy.orm import Session as DbSession

from sticoop.core.choices import ChoiceSource, choice_source, choice_sources
from sticoop.core.i18n import Formatter
from sticoop.web import labels

LIMIT = 1000
Option = tuple[str, str]


def _rows(db: DbSession, source: ChoiceSource, query: Any, chosen: list[str], fmt: Formatter) -> list[Option]:
    def to_option(row: Any) -> Option:
        return source.value(row), source.label(row, fmt)

    rows = list(db.execute(query.limit(LIMIT) if source.capped else query).all())
    options = [to_option(r) for r in rows]
    have = {value for value, _ in options}
    missing = [c for c in chosen if c not in have]
    if missing and source.capped:
        keys = [int(c) for c in missing if c.isdigit()]
        if keys:
            options += [to_option(r) for r in db.execute(query.where(source.id_column.in_(keys))).all()]
    if source.sort_by_label:
        options.sort(key=lambda o: o[1].casefold())
    return options


def _in_partnership(query: Any, source: ChoiceSource, partnership_id: int | None) -> Any:
    column = source.partnership_column
    if partnership_id is None or column is None:
        return query
    if column.nullable:
        return query.where(or_(column == partnership_id, column.is_(None)))
    return query.where(column == partnership_id)


def partnership_of(db: DbSession, values: dict[str, Any], obj: Any = None) -> int | None:
    """The partnership a form's record belongs to: the one chosen or prefilled in the form (partnership, or a
    record of a partnership-bound source named by its form key: committee, session, commitment...), else the
    record's own; None when nothing fixes one. At most one indexed lookup per key present."""
    def number(key: str) -> int | None:
        value = values.get(key)
        return int(value) if isinstance(value, str) and value.isdigit() else None

    if number("partnership_id") is not None:
        return number("partnership_id")
    for source in choice_sources().values():
        if source.form_key is None or source.partnership_of is None:
            continue
        key = number(source.form_key)
        if key is not None:
            found = db.scalar(source.partnership_of(key))
            if found is not None:
                return int(found)
    own = getattr(obj, "partnership_id", None) if obj is not None else None
    return own if isinstance(own, int) else None


def load(db: DbSession, fmt: Formatter, source: str, values: Iterable[object] = (),
         partnership_id: int | None = None) -> list[Option]:
    """Options for one source: a name a domain declared (:mod:`sticoop.core.choices`: 'countries',
    'organizations', 'sessions'...) or 'enum:<group>' (a labelled enumeration). With ``partnership_id``,
    partnership-bound sources offer only that partnership's records (and records of no partnership), plus the
    values already chosen. ``KeyError`` for an unknown source."""
    if source.startswith("enum:"):
        return labels.choices(fmt._, source.removeprefix("enum:"), fmt.pgettext)
    chosen = [str(c) for c in values if c not in (None, "")]
    spec = choice_source(source)
    return _rows(db, spec, _in_partnership(spec.query(), spec, partnership_id), chosen, fmt)
