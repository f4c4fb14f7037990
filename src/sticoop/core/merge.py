"""Merging a duplicate record into the one kept: the mechanics, found from the schema, not per domain.

Every foreign key of every table that points at the merged row is moved to the kept row
(:func:`move_references`), discovered from SQLAlchemy metadata, as ``RecordService.dependents`` does:

- rows of other *records* (a commitment's ``session_id``, an organisation's ``parent_id``) are moved, their
  version bumped (a client holding the old version gets a 409) and their change reported for the audit;
  a unique constraint they would break (two session 3 in one committee) refuses the merge;
- link and child rows (co-chairs, a person's positions, a project's partners) are moved, and those that
  would become an exact copy of a row the kept record already has are dropped: no duplicate pairs;
- references this module cannot see in the schema (a document link names its record by type and id) are
  moved by :class:`MergeHook` objects that domains register; the audit trail is written by one too.

A merged record leaves a :class:`MergedRecord` tombstone, so its old id still leads to the kept one.
``core`` imports no domain: domains add behaviour through hooks and service declarations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Index, Integer, String, Table, and_, exists, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.schema import Column, UniqueConstraint

from sticoop.core.errors import Conflict
from sticoop.core.models import Base, rowcount, table_of, utcnow

#: columns of a record row a merge never copies or compares
SYSTEM_COLUMNS = frozenset({"id", "created_at", "updated_at", "created_by", "updated_by", "version", "search_text"})


class MergedRecord(Base):
    """A tombstone: record ``from_id`` of ``entity_type`` was merged into ``into_id`` (its links moved there)."""

    __tablename__ = "merged_records"
    __table_args__ = (Index("ix_merged_records_into", "entity_type", "into_id"),)

    entity_type: Mapped[str] = mapped_column(String(40), primary_key=True)
    from_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    into_id: Mapped[int] = mapped_column(Integer, nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)
    actor: Mapped[str] = mapped_column(String(120), nullable=False)


@dataclass
class Moved:
    """Rows of one table whose ``column`` now points at the kept record (``record_ids``: when they are records)."""

    table: str
    column: str
    count: int
    record_ids: list[int] = field(default_factory=list)


@dataclass
class Merge:
    """One merge in progress, handed to every hook. ``state`` is the hooks' scratch space."""

    entity: str
    model: type[Any]
    kept: Any
    merged: Any
    actor: str
    kept_id: int = 0
    merged_id: int = 0
    moved: list[Moved] = field(default_factory=list)
    dropped: dict[str, int] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # plain ids: the merged object is gone from the session once its row is deleted
        self.kept_id, self.merged_id = self.kept.id, self.merged.id

    def counts(self) -> dict[str, int]:
        """Moved rows per table (what the audit entry and the answer report)."""
        totals: dict[str, int] = {}
        for moved in self.moved:
            totals[moved.table] = totals.get(moved.table, 0) + moved.count
        return totals


class MergeHook:
    """What a domain adds to every merge. Subclass, override what you need, and :func:`register` an instance."""

    def count(self, db: Session, entity: str, record_id: int) -> dict[str, int]:
        """References to the record this hook would move (for the preview), by table name."""
        return {}

    def before(self, db: Session, merge: Merge) -> None:
        """Called once the merge is allowed, before anything changes."""

    def move(self, db: Session, merge: Merge) -> None:
        """Move the references the schema does not show (append to ``merge.moved``)."""

    def after(self, db: Session, merge: Merge) -> None:
        """Called after everything moved and the merged record is gone, in the same transaction."""


_hooks: list[MergeHook] = []


def register(hook: MergeHook) -> MergeHook:
    """Add a hook to every merge (once per hook class: re-imports do not register twice)."""
    if not any(type(existing) is type(hook) for existing in _hooks):
        _hooks.append(hook)
    return hook


def hooks() -> list[MergeHook]:
    from sticoop.core.registry import services

    services()  # imports every domain's service module, so their hooks are registered
    return list(_hooks)


# ----- finding references ---------------------------------------------------------------------------
def foreign_references(table: Table) -> list[tuple[Table, Column[Any]]]:
    """Every (table, column) whose foreign key points at ``table``, in the schema's dependency order."""
    found = []
    for other in Base.metadata.sorted_tables:
        for column in other.c:
            if any(fk.column.table is table for fk in column.foreign_keys):
                found.append((other, column))
    return found


def is_record_table(table: Table) -> bool:
    """Rows with their own identity, version and audit history (not link or child rows)."""
    return "id" in table.c and table.c.id.primary_key and "version" in table.c


def reference_counts(db: Session, entity: str, table: Table, record_id: int) -> dict[str, int]:
    """Rows of every table that point at the record, by table name (links and children included)."""
    counts: dict[str, int] = {}
    for other, column in foreign_references(table):
        count = db.execute(select(func.count()).select_from(other).where(column == record_id)).scalar() or 0
        if count:
            counts[other.name] = counts.get(other.name, 0) + count
    for hook in hooks():
        for name, count in hook.count(db, entity, record_id).items():
            if count:
                counts[name] = counts.get(name, 0) + count
    return counts


def _unique_column_sets(table: Table) -> list[list[Column[Any]]]:
    sets = [list(c.columns) for c in table.constraints if isinstance(c, UniqueConstraint)]
    sets += [list(i.columns) for i in table.indexes if i.unique]
    return sets


def _clashes(db: Session, table: Table, column: Column[Any], from_id: int, into_id: int) -> list[str]:
    """Values of a unique constraint that a row of the merged record and one of the kept record share."""
    found = []
    for columns in _unique_column_sets(table):
        if column not in columns or len(columns) < 2:
            continue
        rest = [c for c in columns if c is not column]
        other = table.alias()
        same = and_(other.c[column.key] == into_id, *(other.c[c.key] == c for c in rest))
        rows = db.execute(select(*rest).where(column == from_id, exists().where(same)).limit(5)).all()
        found += [", ".join(f"{c.key} {value}" for c, value in zip(rest, row, strict=True)) for row in rows]
    return found


def refuse_self_reference(entity: str, model: type[Any], kept: Any, merged: Any) -> None:
    """The kept record must not refer to the merged one (its parent): it would come to refer to itself."""
    table = model.__table__
    for column in table.c:
        if any(fk.column.table is table for fk in column.foreign_keys) and getattr(kept, column.key) == merged.id:
            raise Conflict(f"{entity} {kept.id} refers to {merged.id} ({column.key}); it would come to refer to "
                           f"itself. Change its {column.key.replace('_', ' ')} first", field="into")


# ----- moving them ----------------------------------------------------------------------------------
def move_references(db: Session, merge: Merge) -> None:
    """Point every foreign key at the merged row to the kept row; drop link rows that would be duplicates.

    Raises Conflict when a moved record would break a unique rule (e.g. both committees have a session 3),
    or when the kept record itself refers to the merged one (it would come to refer to itself).
    """
    table = merge.model.__table__
    now = utcnow()
    try:
        for other, column in foreign_references(table):
            if is_record_table(other):
                _move_records(db, merge, other, column, now)
            else:
                _move_rows(db, merge, other, column)
        for hook in hooks():
            hook.move(db, merge)
    except IntegrityError as exc:
        reason = str(exc.orig).splitlines()[0][:200] if exc.orig else str(exc)[:200]
        raise Conflict(f"The records cannot be merged: {reason}") from exc


def _move_records(db: Session, merge: Merge, other: Table, column: Column[Any], now: datetime) -> None:
    from_id, into_id = merge.merged_id, merge.kept_id
    clashes = _clashes(db, other, column, from_id, into_id)
    if clashes:
        raise Conflict(f"Both records have {other.name} with the same {'; '.join(clashes)}; merge or change those "
                       f"first", field="into", details={"table": other.name, "clashes": clashes})
    ids = list(db.execute(select(other.c.id).where(column == from_id).order_by(other.c.id)).scalars())
    if not ids:
        return
    db.execute(update(other).where(column == from_id).values(
        {column: into_id, other.c.version: other.c.version + 1, other.c.updated_at: now,
         other.c.updated_by: merge.actor}))
    merge.moved.append(Moved(other.name, column.key, len(ids), ids))


def _move_rows(db: Session, merge: Merge, other: Table, column: Column[Any]) -> None:
    from_id, into_id = merge.merged_id, merge.kept_id
    if other.info.get("derived"):  # computed from the merged record (a profile's vectors): not carried over
        db.execute(other.delete().where(column == from_id))
        return
    compared = [c for c in other.c if c is not column and not (c.key == "id" and c.primary_key)]
    dropped = 0
    if not any(isinstance(c.type, JSON) for c in compared):  # JSON has no equality in PostgreSQL
        twin = other.alias()
        duplicate = exists().where(twin.c[column.key] == into_id,
                                   *(twin.c[c.key].is_not_distinct_from(c) for c in compared))
        dropped = rowcount(db.execute(other.delete().where(column == from_id, duplicate))) or 0
    if dropped:
        merge.dropped[other.name] = merge.dropped.get(other.name, 0) + dropped
    moved = rowcount(db.execute(update(other).where(column == from_id).values({column: into_id}))) or 0
    if moved:
        merge.moved.append(Moved(other.name, column.key, moved))


def fillable(column: Column[Any]) -> bool:
    """A column a merge may fill on the kept record: not bookkeeping, not a link to its own kind (a parent)."""
    return column.key not in SYSTEM_COLUMNS and not any(fk.column.table is column.table for fk in column.foreign_keys)


def blanks(model: type[Any], kept: Any, merged: Any) -> list[str]:
    """Columns empty on the kept record that the merged record has a value for."""
    return [c.key for c in model.__table__.c if fillable(c) and getattr(kept, c.key, None) in (None, "", [])
            and getattr(merged, c.key, None) not in (None, "", [])]


def fill_blanks(merge: Merge) -> list[str]:
    """Columns empty on the kept record take the merged record's value (its own values always win).
    Returns the names of the columns filled."""
    filled = blanks(merge.model, merge.kept, merge.merged)
    for key in filled:
        setattr(merge.kept, key, getattr(merge.merged, key))
    return filled


def leave_tombstone(db: Session, merge: Merge) -> None:
    """Record that the merged id now means the kept one; earlier tombstones pointing at it follow it."""
    db.execute(update(table_of(MergedRecord)).where(
        MergedRecord.entity_type == merge.entity, MergedRecord.into_id == merge.merged_id,
    ).values(into_id=merge.kept_id))
    db.execute(table_of(MergedRecord).insert().values(
        entity_type=merge.entity, from_id=merge.merged_id, into_id=merge.kept_id, at=utcnow(), actor=merge.actor))


def merged_into(db: Session, entity: str, record_id: int) -> int | None:
    """The record a merged id now leads to, or None if it was never merged."""
    return db.execute(select(MergedRecord.into_id).where(
        MergedRecord.entity_type == entity, MergedRecord.from_id == record_id)).scalar()


def merged_from(db: Session, entity: str, record_id: int, limit: int = 50) -> list[int]:
    """Ids of the records merged into this one (newest first, bounded)."""
    return list(db.execute(select(MergedRecord.from_id).where(
        MergedRecord.entity_type == entity, MergedRecord.into_id == record_id,
    ).order_by(MergedRecord.at.desc()).limit(limit)).scalars())
