"""Duplicate detection on create: natural keys, their index table, and the lookup.

Each record service declares what makes two of its records "probably the same" (``natural_key``, a sentence,
or ``None`` for "no natural key") and computes the keys of a record (``natural_keys``: folded names with
their scope, e.g. ``"name:3:joint committee on science"`` for a committee of partnership 3). The keys of every
record are kept in one indexed table, ``natural_keys`` (entity, key) → record id, refreshed on each flush, so
finding the duplicates of a new record is one index lookup bounded by a LIMIT, whatever the table size.

The candidates found are then loaded through the ORM, so the per-partnership scoping of the session applies:
a user is never told about a record they cannot see. A duplicate the user cannot see does not block the
create (it is not reported either), because naming it, or even saying that one exists, would disclose it;
editors see every record of their partnerships, so this only concerns records of other partnerships.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, Index, Integer, MetaData, Select, String, Table, delete, event, insert, select
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Mapped, Session, mapped_column

from sticoop.core.labels import N_ as N_  # re-exported: the domains mark their duplicate reasons with it
from sticoop.core.models import Base
from sticoop.core.text import fold

#: a service that has not said whether it has a natural key (a test requires every service to say)
UNDECLARED = "undeclared"
#: candidates shown at most; the index lookup reads a few more to allow for stale or hidden rows
MAX_CANDIDATES = 5
_LOOKUP_LIMIT = 20
_KEY_MAX = 400


class NaturalKey(Base):
    """One natural key of one record (derived data: rebuilt from the records, never edited by hand)."""

    __tablename__ = "natural_keys"
    __table_args__ = (
        Index("ix_natural_keys_entity_key", "entity", "key"),
        Index("ix_natural_keys_entity_record_id", "entity", "record_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(40), nullable=False)
    key: Mapped[str] = mapped_column(String(_KEY_MAX), nullable=False)
    record_id: Mapped[int] = mapped_column(Integer, nullable=False)


@dataclass(frozen=True)
class Candidate:
    """An existing record that the new one probably duplicates: its id, its name and why it matched."""

    id: int
    name: str
    why: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)




def key(kind: str, *parts: Any) -> str:
    """A natural key string: ``kind:part:part``, text parts folded; long text is cut and hashed so two long
    titles that differ only at the end still differ (the column holds 400 characters)."""
    text = ":".join([kind, *("-" if p is None else fold(p) if isinstance(p, str) else str(p) for p in parts)])
    if len(text) <= _KEY_MAX:
        return text
    return text[: _KEY_MAX - 41] + "#" + hashlib.sha1(text.encode()).hexdigest()


def keyed_services() -> list[Any]:
    """The registered services that declare a natural key."""
    from sticoop.core.registry import services

    return [s for s in services().values() if s.natural_key not in (None, UNDECLARED)]


def find_duplicates(db: Session, service: Any, obj: Any, limit: int = MAX_CANDIDATES) -> list[Candidate]:
    """Existing records the session may see whose natural keys meet ``obj``'s (``obj`` itself left out),
    at most ``limit``, oldest first. One indexed query on ``natural_keys`` and one on the record table."""
    wanted = service.natural_keys(obj)
    if not wanted:
        return []
    rows = db.execute(
        # no ORDER BY: sorting by record_id would make the planner walk the entity's keys in id order
        select(NaturalKey.record_id).where(NaturalKey.entity == service.entity, NaturalKey.key.in_(list(wanted)))
        .limit(_LOOKUP_LIMIT)
    ).scalars().all()
    ids = {i for i in rows if i != getattr(obj, "id", None)}
    if not ids:
        return []
    model = service.model
    found: list[Candidate] = []
    with db.no_autoflush:
        for existing in db.scalars(service.base_query().where(model.id.in_(sorted(ids))).order_by(model.id)):
            matched = [k for k in service.natural_keys(existing) if k in wanted]  # stale index rows drop out here
            if matched and service.same_record(obj, existing):
                found.append(Candidate(existing.id, service.display_name(db, existing), wanted[matched[0]]))
            if len(found) == limit:
                break
    return found


#: further candidate finders (record linkage: another spelling, another language), registered by the domains
#: that provide them; each returns candidates for ``(session, service, obj)`` (empty for kinds it does not know)
CandidateFinder = Callable[[Session, Any, Any], list[Candidate]]
_FINDERS: list[CandidateFinder] = []


def on_duplicate_candidates(finder: CandidateFinder) -> None:
    """Register a candidate finder (idempotent): :func:`probable_duplicates` adds its candidates after the
    natural-key duplicates. Called from a domain's ``register()`` (record linkage)."""
    if finder not in _FINDERS:
        _FINDERS.append(finder)


def probable_duplicates(db: Session, service: Any, obj: Any, limit: int = MAX_CANDIDATES) -> list[Candidate]:
    """The natural-key duplicates of ``obj``, then the candidates of every registered finder, each record
    once, at most ``limit``: what a create answers 409 with."""
    found = find_duplicates(db, service, obj, limit)
    seen = {c.id for c in found}
    for finder in _FINDERS:
        for candidate in finder(db, service, obj):
            if len(found) >= limit:
                return found
            if candidate.id not in seen:
                found.append(candidate)
                seen.add(candidate.id)
    return found


# ----- keeping the index ----------------------------------------------------------------------------------
def refresh_key_index(db: Session, table: Any, services: list[Any], keys_of: Callable[[Any, Any], Any],
                      ) -> None:
    """Rewrite, in the flush's transaction, the rows of a key index (``table``: entity, key, record_id) for every
    record of ``services`` this flush inserted, changed or deleted; ``keys_of(service, obj)`` gives its keys.
    Used for the natural keys here and the record-linkage keys (``sticoop.linkage.index``)."""
    touched = [*db.new, *db.dirty, *db.deleted]
    if not touched:
        return
    by_model = {s.model: s for s in services}
    stale: dict[str, set[int]] = {}
    rows: list[dict[str, Any]] = []
    for obj in touched:
        service = by_model.get(type(obj))
        if service is None or getattr(obj, "id", None) is None:
            continue
        stale.setdefault(service.entity, set()).add(obj.id)
        if obj not in db.deleted:
            rows.extend({"entity": service.entity, "key": k, "record_id": obj.id} for k in keys_of(service, obj))
    if not stale:
        return
    connection = db.connection()
    for entity, ids in stale.items():
        connection.execute(delete(table).where(table.entity == entity, table.record_id.in_(ids)))
    if rows:
        connection.execute(insert(table), rows)


@event.listens_for(Session, "after_flush")
def _refresh_keys(db: Session, _ctx: Any) -> None:
    """Rewrite the natural keys of every keyed record this flush inserted, changed or deleted."""
    refresh_key_index(db, NaturalKey, keyed_services(), lambda service, obj: service.natural_keys(obj))


RowExtra = Callable[[RowMapping], dict[str, Any]]


def rebuild_key_index(connection: Connection, index_name: str, services: list[Any],
                      keys_of: Callable[[Any, Any], Any], batch: int = 2000,
                      extra: Callable[[Connection, MetaData, str], RowExtra] | None = None) -> int:
    """Recompute a whole key index (``index_name``: entity, key, record_id) from the record tables as they are
    in the database (by reflection, so a migration can call it whatever the models say later), ``batch`` rows
    at a time; ``extra(connection, metadata, table name)`` gives more attributes per row (a partnership's
    countries). Returns the number of keys written. Used for natural keys and record-linkage keys."""
    metadata = MetaData()
    keys_table = Table(index_name, metadata, autoload_with=connection)
    connection.execute(keys_table.delete())
    total = 0
    for service in services:
        table = Table(service.model.__tablename__, metadata, autoload_with=connection)
        more = extra(connection, metadata, table.name) if extra else (lambda _row: {})
        for chunk in batches(connection, select(table), table.c.id, batch):
            rows = [{"entity": service.entity, "key": k, "record_id": row["id"]}
                    for row in chunk for k in keys_of(service, SimpleNamespace(**row, **more(row)))]
            if rows:
                connection.execute(keys_table.insert(), rows)
                total += len(rows)
    return total


def rebuild_keys(connection: Connection, batch: int = 2000) -> int:
    """Recompute the whole ``natural_keys`` table (see :func:`rebuild_key_index`); returns the number of keys."""
    return rebuild_key_index(connection, "natural_keys", keyed_services(),
                             lambda service, obj: service.natural_keys(obj), batch, _with_countries)


def _with_countries(connection: Connection, metadata: MetaData, table_name: str) -> RowExtra:
    """A partnership's natural key names its countries, which live in a link table."""
    if table_name != "partnerships":
        return lambda _row: {}
    countries = _partnership_countries(connection, metadata)
    return lambda row: {"country_codes": countries.get(row["id"], [])}


def batches(connection: Connection, query: Select[Any], id_column: Any, size: int) -> Iterator[Sequence[RowMapping]]:
    """The rows of ``query`` as mappings, ``size`` at a time in ``id_column`` order (keyset paging: each
    batch is one indexed query, and the caller may write between batches)."""
    last: Any = None
    while True:
        page = query.order_by(id_column).limit(size)
        if last is not None:
            page = page.where(id_column > last)
        rows = connection.execute(page).mappings().all()
        if not rows:
            return
        yield rows
        last = rows[-1][id_column.name]


def _partnership_countries(connection: Connection, metadata: MetaData) -> dict[int, list[str]]:
    link = Table("partnership_countries", metadata, autoload_with=connection)
    out: dict[int, list[str]] = {}
    for partnership_id, code in connection.execute(select(link.c.partnership_id, link.c.country_code)):
        out.setdefault(partnership_id, []).append(code)
    return {k: sorted(v) for k, v in out.items()}
