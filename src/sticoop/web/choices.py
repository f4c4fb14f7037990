"""Where select boxes get their options: one bounded query per source, labels in the page's language.

Each source is capped (``LIMIT``) so a form stays fast on a large database; a value already chosen
is always offered even when it falls outside the cap. Sources of records that belong to a partnership
(``PARTNERSHIP_BOUND``) are limited to one partnership when the form's record fixes it (a Belgium–Vietnam
commitment is offered Belgium–Vietnam sessions, never Vietnam–Laos ones), on indexed partnership columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session as DbSession

from sticoop.agreements.models import Agreement
from sticoop.commitments.models import Commitment, WorkingGroup
from sticoop.core.i18n import Formatter
from sticoop.partners.models import Organization, Person
from sticoop.partnerships.models import Committee, Partnership, Session
from sticoop.projects.models import Programme
from sticoop.reference.models import Country, Field
from sticoop.web import labels

LIMIT = 1000
Option = tuple[str, str]


def _rows(db: DbSession, query: Any, chosen_column: Any, chosen: list[str], to_option: Callable[[Any], Option],
          ) -> list[Option]:
    rows = list(db.execute(query.limit(LIMIT)).all())
    options = [to_option(r) for r in rows]
    have = {value for value, _ in options}
    missing = [c for c in chosen if c not in have]
    if missing:
        keys = [int(c) for c in missing if c.isdigit()]
        if keys:
            options += [to_option(r) for r in db.execute(query.where(chosen_column.in_(keys))).all()]
    return options


def _org_label(row: Any) -> Option:
    return str(row.id), f"{row.name} ({row.acronym})" if row.acronym else row.name


#: sources whose records belong to a partnership -> the indexed column saying which (agreements may belong
#: to none: those stay on offer everywhere)
PARTNERSHIP_BOUND: dict[str, Any] = {
    "committees": Committee.partnership_id, "sessions": Committee.partnership_id,
    "agreements": Agreement.partnership_id, "commitments": Commitment.partnership_id,
    "working_groups": WorkingGroup.partnership_id,
}


def _in_partnership(query: Any, source: str, partnership_id: int | None) -> Any:
    column = PARTNERSHIP_BOUND.get(source)
    if partnership_id is None or column is None:
        return query
    if column.nullable:
        return query.where(or_(column == partnership_id, column.is_(None)))
    return query.where(column == partnership_id)


def partnership_of(db: DbSession, values: dict[str, Any], obj: Any = None) -> int | None:
    """The partnership a form's record belongs to: the one chosen or prefilled in the form (partnership,
    committee, session or commitment), else the record's own; None when nothing fixes one. At most one
    indexed lookup."""
    def number(key: str) -> int | None:
        value = values.get(key)
        return int(value) if isinstance(value, str) and value.isdigit() else None

    if number("partnership_id") is not None:
        return number("partnership_id")
    lookups = (("committee_id", select(Committee.partnership_id).where(Committee.id == number("committee_id"))),
               ("session_id", select(Committee.partnership_id).join(Session, Session.committee_id == Committee.id)
                .where(Session.id == number("session_id"))),
               ("commitment_id", select(Commitment.partnership_id).where(Commitment.id == number("commitment_id"))))
    for key, query in lookups:
        if number(key) is not None:
            found = db.scalar(query)
            if found is not None:
                return int(found)
    own = getattr(obj, "partnership_id", None) if obj is not None else None
    return own if isinstance(own, int) else None


def load(db: DbSession, fmt: Formatter, source: str, values: Iterable[object] = (),
         partnership_id: int | None = None) -> list[Option]:
    """Options for one source: 'countries', 'organizations', 'people', 'partnerships', 'committees',
    'sessions', 'agreements', 'commitments', 'working_groups', 'programmes', 'fields' or 'enum:<group>'.
    With ``partnership_id``, partnership-bound sources offer only that partnership's records (and records
    of no partnership), plus the values already chosen."""
    chosen = [str(c) for c in values if c not in (None, "")]
    q: Select[*tuple[Any, ...]]  # each source selects its own columns
    if source.startswith("enum:"):
        return labels.choices(fmt._, source.removeprefix("enum:"), fmt.pgettext)
    if source == "countries":
        codes = db.scalars(select(Country.code)).all()
        return sorted(((code, fmt.country(code)) for code in codes), key=lambda o: o[1].casefold())
    if source == "fields":
        return [(f.key, f.name) for f in db.scalars(select(Field).order_by(Field.name))]
    if source == "organizations":
        q = select(Organization.id, Organization.name, Organization.acronym).order_by(Organization.name)
        return _rows(db, q, Organization.id, chosen, _org_label)
    if source == "people":
        q = select(Person.id, Person.name).order_by(Person.name)
        return _rows(db, q, Person.id, chosen, lambda r: (str(r.id), r.name))
    if source == "partnerships":
        q = select(Partnership.id, Partnership.name).order_by(Partnership.name)
        return _rows(db, q, Partnership.id, chosen, lambda r: (str(r.id), r.name))
    if source == "committees":
        q = (select(Committee.id, Committee.name, Partnership.name.label("partnership"))
             .join(Partnership, Committee.partnership_id == Partnership.id).order_by(Partnership.name, Committee.name))
        q = _in_partnership(q, source, partnership_id)
        return _rows(db, q, Committee.id, chosen, lambda r: (str(r.id), f"{r.name} — {r.partnership}"))
    if source == "sessions":
        q = (select(Session.id, Session.number, Session.start_date, Committee.name)
             .join(Committee, Session.committee_id == Committee.id).order_by(Committee.name, Session.number.desc()))
        q = _in_partnership(q, source, partnership_id)
        session_word = fmt._("Session")
        return _rows(db, q, Session.id, chosen, lambda r: (
            str(r.id), f"{r.name} — {session_word} {r.number}" + (f" ({fmt.date(r.start_date)})" if r.start_date
                                                                   else "")))
    if source == "agreements":
        q = _in_partnership(select(Agreement.id, Agreement.title).order_by(Agreement.title), source, partnership_id)
        return _rows(db, q, Agreement.id, chosen, lambda r: (str(r.id), r.title))
    if source == "commitments":
        q = _in_partnership(select(Commitment.id, Commitment.text).order_by(Commitment.id.desc()), source,
                            partnership_id)
        return _rows(db, q, Commitment.id, chosen, lambda r: (str(r.id), f"#{r.id} {r.text[:90]}"))
    if source == "working_groups":
        q = _in_partnership(select(WorkingGroup.id, WorkingGroup.name).order_by(WorkingGroup.name), source,
                            partnership_id)
        return _rows(db, q, WorkingGroup.id, chosen, lambda r: (str(r.id), r.name))
    if source == "programmes":
        q = select(Programme.id, Programme.name).order_by(Programme.name)
        return _rows(db, q, Programme.id, chosen, lambda r: (str(r.id), r.name))
    raise KeyError(f"unknown choice source {source!r}")
