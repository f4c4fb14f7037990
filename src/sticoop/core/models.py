"""Declarative base and the mixins every record carries: timestamps, authorship and an optimistic-lock version."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar, cast

from sqlalchemy import Boolean, CursorResult, DateTime, Index, Integer, MetaData, Result, String, Table, event, false
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, declared_attr, mapped_column

from sticoop.core.clock import wall_clock
from sticoop.core.text import fold

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """When a record was really written (UTC, never pinned): see ``sticoop.core.clock.wall_clock``."""
    return wall_clock()


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def table_of(model: type[Any]) -> Table:
    """The ``Table`` a model is mapped to (``__table__`` is typed as any FROM clause; every model here maps
    one table). Raises TypeError for a class that is not."""
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to one table")
    return table


def rowcount(result: Result[Any]) -> int:
    """Rows an UPDATE or DELETE run by ``Session.execute`` matched (the result is a ``CursorResult`` at run
    time; SQLAlchemy 2.1 types it as a plain ``Result``)."""
    return cast(CursorResult[Any], result).rowcount


class Record:
    """Mixin for every user-facing record.

    ``version`` is SQLAlchemy's version counter: an UPDATE whose version changed underneath fails,
    and the API compares it with the client's copy to answer 409 instead of silently overwriting.
    """

    #: attributes folded into ``search_text`` (diacritics-insensitive free-text search)
    search_fields: ClassVar[tuple[str, ...]] = ()
    #: further attributes only the search box indexes (long text, such as a document's extracted text)
    index_fields: ClassVar[tuple[str, ...]] = ()

    if TYPE_CHECKING:  # each record model declares its own integer primary key (kept out of the mixin's columns)
        id: Mapped[int]

    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)
    # indexed: the dashboard's "recent changes" and the default sorts read the newest first
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow, nullable=False, index=True
    )
    created_by: Mapped[str] = mapped_column(String(120), default="system", nullable=False)
    updated_by: Mapped[str] = mapped_column(String(120), default="system", nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805
        return {"version_id_col": cls.version}


class Confidential:
    """Mixin for records that can be marked confidential: then only the secretariat and admins see them.

    The flag is enforced where every query is built (``sticoop.accounts.scoping``), not by each page.
    """

    confidential: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), nullable=False)


class Searchable:
    """Mixin adding an indexed, folded ``search_text`` column kept in sync on flush.

    The index ``ix_<table>_search_text`` is ``(search_text)`` followed by the columns a viewer's scope tests when
    the table has them (``partnership_id`` with ``confidential``, or ``confidential`` alone): a list's free-text
    search (a leading-wildcard ``LIKE``) then reads the index alone for a viewer as for an admin — without them a
    viewer's bounded count read every row of the table (110 ms at a million commitments, the admin's 2 ms;
    issue 17, migration ``0027_scope_covering``).
    """

    search_text: Mapped[str] = mapped_column(String(2000), default="", nullable=False)


def search_index_columns(table: Table) -> list[str]:
    """The columns of ``table``'s ``ix_<table>_search_text`` index (see :class:`Searchable`)."""
    if "confidential" not in table.c:
        return ["search_text"]
    if "partnership_id" in table.c:
        return ["search_text", "partnership_id", "confidential"]
    return ["search_text", "confidential"]


@event.listens_for(Searchable, "instrument_class", propagate=True)
def _search_index(mapper: Any, _class: type) -> None:
    table = mapper.local_table
    if isinstance(table, Table) and "search_text" in table.c \
            and not any(index.name == f"ix_{table.name}_search_text" for index in table.indexes):
        Index(f"ix_{table.name}_search_text", *(table.c[name] for name in search_index_columns(table)))


def _search_value(obj: Any) -> str:
    parts: list[str] = []
    for name in getattr(obj, "search_fields", ()):
        value = getattr(obj, name, None)
        if isinstance(value, list | tuple):
            parts.extend(str(v) for v in value if v)
        elif value:
            parts.append(str(value))
    return fold(" ".join(parts))[:2000]


@event.listens_for(Session, "before_flush")
def _refresh_search_text(db: Session, _ctx: Any, _instances: Any) -> None:
    for obj in list(db.new) + list(db.dirty):
        if isinstance(obj, Searchable):
            obj.search_text = _search_value(obj)


def _zoned_columns(mapper: Any) -> tuple[str, ...]:
    """Attribute keys of a mapper's ``DateTime(timezone=True)`` columns (cached on the mapper)."""
    cached = mapper.__dict__.get("_sticoop_zoned")
    if cached is None:
        cached = tuple(prop.key for prop in mapper.column_attrs
                       if any(isinstance(c.type, DateTime) and c.type.timezone for c in prop.columns))
        mapper._sticoop_zoned = cached
    return cast(tuple[str, ...], cached)


@event.listens_for(Base, "load", propagate=True)
def _zoned_on_load(target: Any, _context: Any) -> None:
    """Timestamps always carry their zone: SQLite keeps ``DateTime(timezone=True)`` values without one, so
    loaded naive values are marked UTC (what they were written as) without making the record dirty."""
    from sqlalchemy import inspect as sa_inspect
    from sqlalchemy.orm.attributes import set_committed_value

    state = target.__dict__
    for key in _zoned_columns(sa_inspect(target).mapper):
        value = state.get(key)
        if isinstance(value, datetime) and value.tzinfo is None:
            set_committed_value(target, key, value.replace(tzinfo=UTC))


@event.listens_for(Session, "before_flush")
def _zoned_to_utc(db: Session, _ctx: Any, _instances: Any) -> None:
    """Timestamps are written in UTC, whatever zone they came in (a call closing at 17:00 Hanoi time is written
    10:00 UTC): SQLite keeps ``DateTime(timezone=True)`` values as their wall-clock text, dropping the offset, so
    a zoned value written as it came would be read back hours off. PostgreSQL converts anyway."""
    from sqlalchemy import inspect as sa_inspect

    for obj in list(db.new) + list(db.dirty):
        if not isinstance(obj, Base):
            continue
        for key in _zoned_columns(sa_inspect(obj).mapper):
            value = obj.__dict__.get(key)
            if isinstance(value, datetime) and value.tzinfo is not None and value.utcoffset():
                setattr(obj, key, value.astimezone(UTC))


@event.listens_for(Base, "refresh", propagate=True)
def _zoned_on_refresh(target: Any, context: Any, _attrs: Any) -> None:
    _zoned_on_load(target, context)
