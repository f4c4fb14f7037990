"""Generic record service: get, list with filters, create, versioned update and delete.

Each domain subclasses :class:`RecordService` and declares its filters and its rules (``apply`` for
relationships, ``check`` for cross-field validation). Every rule lives once, here or in the subclass, so
the API, the pages, the CLI and ingest all go through it.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Select, func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from sticoop.core.duplicates import UNDECLARED, find_duplicates, probable_duplicates
from sticoop.core.errors import (
    Conflict,
    DomainError,
    DuplicatesFound,
    Forbidden,
    Merged,
    NotFound,
    ValidationFailed,
    message_of,
)
from sticoop.core.hanging import follow_parents, parents_narrow, refuse_through_parents
from sticoop.core.keyset import Count, after_clause, count_bounded, decode_cursor, encode_cursor
from sticoop.core.labels import N_
from sticoop.core.listing import ListParams
from sticoop.core.models import Base, Record, rowcount, table_of, utcnow
from sticoop.core.principal import require_editor
from sticoop.core.snapshot import changed, snapshot
from sticoop.core.text import like_pattern

M = TypeVar("M", bound=Record)

FilterBuilder = Callable[[Any], ColumnElement[bool]]

#: the refusal of a record id that does not exist (or is out of the reader's sight): a message code
NO_RECORD = N_("%(label)s %(id)s does not exist")


class RecordService(Generic[M]):
    model: type[M]
    #: singular name used in messages and document links ("session", "agreement")
    entity: ClassVar[str]
    label: ClassVar[str]
    #: filter name in ListParams -> function building a WHERE clause from its value
    filters: ClassVar[dict[str, FilterBuilder]] = {}
    #: the date column that date_from/date_to filter on
    date_column: ClassVar[str | None] = None
    sortable: ClassVar[tuple[str, ...]] = ("id",)
    default_sort: ClassVar[str] = "-id"
    #: (start, end) attribute pairs that must be in order
    date_ranges: ClassVar[tuple[tuple[str, str], ...]] = ()
    #: input keys handled by ``apply_relations`` instead of plain attribute assignment
    relation_inputs: ClassVar[tuple[str, ...]] = ()
    #: what makes two records "probably the same" (a sentence for people), or None for "no natural key";
    #: a service with one also overrides ``natural_keys`` (see ``sticoop.core.duplicates``)
    natural_key: ClassVar[str | None] = UNDECLARED

    # ----- reading -------------------------------------------------------------------------------
    def get(self, db: Session, record_id: int) -> M:
        """The record, as its page and API open it: 404 (``NotFound``, or ``Merged`` naming the record it was
        merged into) when it does not exist or is out of the partnership scope; 403 (``Forbidden``) when it is
        outside this kind's own rule (:meth:`narrow_query`, quoting :attr:`narrow_rule`) or hangs off a record
        the session may not open (what that record's ``get`` raises, ``sticoop.core.hanging``)."""
        obj = db.get(self.model, record_id)
        if obj is None:
            self._refuse_merged(db, record_id)
            raise NotFound(NO_RECORD, params={"label": message_of(self.label), "id": record_id})
        self.refuse_unseen(db, obj)
        return obj

    def refuse_unseen(self, db: Session, obj: M) -> None:
        """403 when ``obj`` is outside :meth:`narrow_query` for this session, or hangs off a record this session may
        not open (``sticoop.core.hanging``)."""
        probe: Select[Any] = select(self.model.id).where(self.model.id == obj.id)
        narrowed = self.narrow_query(db, probe)
        if narrowed is not probe and db.scalar(narrowed) is None:
            raise Forbidden(f"{self.label} {obj.id} is not among the records you may open "
                            f"(rule: {self.narrow_rule or 'narrowed for your role'})")
        refuse_through_parents(db, self, obj)

    def _refuse_merged(self, db: Session, record_id: int) -> None:
        """A merged id answers 404 naming the record it was merged into, when the caller may see that one."""
        if not self.mergeable:
            return
        from sticoop.core.merge import merged_into

        into = merged_into(db, self.entity, record_id)
        if into is not None and db.get(self.model, into) is not None:
            raise Merged(f"{self.label} {record_id} was merged into {self.label.lower()} {into}",
                         entity=self.entity, from_id=record_id, into_id=into)

    def base_query(self) -> Select[M]:
        return select(self.model)

    #: the rule :meth:`narrow_query` applies, in words, quoted in the 403 of a record outside it
    narrow_rule: ClassVar[str] = ""

    def narrow_query(self, db: Session, query: Select[Any]) -> Select[Any]:
        """This kind's own rule: ``query`` (on this kind's rows: whole records or their ids) narrowed to the rows
        the session's user may see beyond the per-partnership scope every statement gets
        (``accounts/scoping.py``): e.g. a reviewer's assigned proposals. It returns ``query`` itself when it adds
        nothing (the default); :meth:`get` refuses (403) a record outside it."""
        return query

    def visible_query(self, db: Session, query: Select[M]) -> Select[M]:
        """``query`` narrowed to the rows the session's user may list: this kind's own rule
        (:meth:`narrow_query`) and its parents' (``sticoop.core.hanging``). The list, its total and its exports
        all go through it."""
        return follow_parents(db, self, self.narrow_query(db, query))

    def narrows_here(self, db: Session) -> bool:
        """True when this kind's own rule (:meth:`narrow_query`) narrows, for this session, what it may see."""
        probe = self.base_query()
        return self.narrow_query(db, probe) is not probe

    def narrows(self, db: Session) -> bool:
        """True when :meth:`visible_query` narrows, for this session, what it may see beyond the partnership
        scope: its own rule does, or a parent's does. Runs no statement of its own beyond what the rules need to
        know the reader (a reviewer's ids)."""
        return self.narrows_here(db) or parents_narrow(db, self)

    def may_open(self, db: Session, record_id: int) -> bool:
        """True when the session may open the record through :meth:`get` — the rule its page and API apply
        (False on any ``DomainError``: not found, forbidden, merged)."""
        try:
            self.get(db, record_id)
        except DomainError:
            return False
        return True

    def filtered_query(self, params: ListParams) -> Select[M]:
        query = self.base_query()
        search_text = getattr(self.model, "search_text", None)
        if params.q and search_text is not None:
            query = query.where(search_text.like(like_pattern(params.q), escape="\\"))
        for name, builder in self.filters.items():
            value = getattr(params, name, None)
            if value not in (None, ""):
                if name == "country":
                    value = value.upper()
                query = query.where(builder(value))
        if self.date_column:
            column = getattr(self.model, self.date_column)
            if params.date_from:
                query = query.where(column >= params.date_from)
            if params.date_to:
                query = query.where(column <= params.date_to)
        return query

    def list(self, db: Session, params: ListParams) -> tuple[list[M], Count]:
        """One page of the filtered list, in the sort's order, from ``params.after`` (keyset) or
        ``params.offset``, and the bounded total of matches (:mod:`sticoop.core.keyset`)."""
        query = self.visible_query(db, self.filtered_query(params))
        total = count_bounded(db, query)
        query = query.order_by(*self._order(params.sort))
        paged = query.where(self._after(params.sort, params.after)) if params.after else query.offset(params.offset)
        return list(db.scalars(paged.limit(params.limit))), total

    def check_params(self, params: ListParams) -> None:
        """Raise ``ValidationFailed`` (422 naming the parameter) for a sort or an ``after`` cursor this list
        cannot take — before a streamed answer has started."""
        self._order(params.sort)
        if params.after:
            self._after(params.sort, params.after)

    def _after(self, sort: str | None, cursor: str) -> Any:
        sort = sort or self.default_sort
        name = sort.lstrip("-")
        column = getattr(self.model, name)
        value, record_id = decode_cursor(cursor, sort, column)
        return after_clause(column, self.model.id, sort.startswith("-"), value, record_id, name == "id")

    def cursor_after(self, sort: str | None, obj: M) -> str:
        """The ``after=`` cursor that continues the list (under ``sort``) after ``obj``."""
        sort = sort or self.default_sort
        return encode_cursor(sort, getattr(obj, sort.lstrip("-")), obj.id)

    def export_rows(self, db: Session, params: ListParams, max_rows: int) -> builtins.list[M]:
        """The whole filtered list (not one page), up to ``max_rows``, in the list's order."""
        query = self.visible_query(db, self.filtered_query(params)).order_by(*self._order(params.sort))
        query = query.limit(max_rows)
        return list(db.scalars(query))

    def export_batches(self, db: Session, params: ListParams, max_rows: int,
                       batch: int = 1000) -> Iterator[builtins.list[M]]:
        """The whole filtered list in the list's order, ``batch`` records at a time (each batch read by keyset
        after the last one, so every read is an index seek), up to ``max_rows`` in all."""
        query = self.visible_query(db, self.filtered_query(params)).order_by(*self._order(params.sort))
        sent, after = 0, params.after
        while sent < max_rows:
            page = query.where(self._after(params.sort, after)) if after else query
            rows = list(db.scalars(page.limit(min(batch, max_rows - sent))))
            if not rows:
                return
            yield rows
            sent += len(rows)
            after = self.cursor_after(params.sort, rows[-1])

    def _order(self, sort: str | None) -> builtins.list[Any]:
        sort = sort or self.default_sort
        name = sort.lstrip("-")
        if name not in self.sortable:
            allowed = ", ".join(self.sortable)
            raise ValidationFailed(f"Cannot sort by '{name}'; choose one of: {allowed}", field="sort")
        column = getattr(self.model, name)
        primary = column.desc().nulls_last() if sort.startswith("-") else column.asc().nulls_last()
        tiebreak = self.model.id.desc() if sort.startswith("-") else self.model.id.asc()
        return [primary, tiebreak] if name != "id" else [primary]

    # ----- writing -------------------------------------------------------------------------------
    def create(self, db: Session, data: BaseModel, actor: str = "system") -> M:
        """Create a record; 409 :class:`DuplicatesFound` when it probably duplicates one the user can see,
        unless the input says ``allow_duplicate`` (checked after the record's own rules, so bad input is a 422)."""
        obj, values, allow_duplicate = self._new(db, data, actor)
        if not allow_duplicate:
            with db.no_autoflush:
                self.refuse_duplicates(db, obj)
        return self._insert(db, obj, values)

    def create_or_link(self, db: Session, data: BaseModel, actor: str = "system") -> tuple[M, bool]:
        """Create a record, or return the existing one whose natural key it matches (ingest must not copy
        what exists; the duplicates a user cannot see are not linked to). Returns ``(record, created)``."""
        obj, values, _ = self._new(db, data, actor)
        with db.no_autoflush:
            found = find_duplicates(db, self, obj, limit=1)
        if found:
            db.expunge(obj)
            return self.get(db, found[0].id), False
        return self._insert(db, obj, values), True

    def _new(self, db: Session, data: BaseModel, actor: str) -> tuple[M, dict[str, Any], bool]:
        """The new record built from the input, authorised and checked, in the session but not yet flushed."""
        obj = self.model()
        values = data.model_dump(exclude_unset=False)
        allow_duplicate = bool(values.pop("allow_duplicate", False))
        self._assign(db, obj, values)
        obj.created_by = obj.updated_by = actor
        with db.no_autoflush:
            self.authorize(db, obj, "create")
            db.add(obj)
            self.check(db, obj)
        return obj, values, allow_duplicate

    def _insert(self, db: Session, obj: M, values: dict[str, Any]) -> M:
        self._flush(db)
        self.after_write(db, obj, values, created=True)
        self._flush(db)
        return obj

    # ----- duplicates (natural keys) ----------------------------------------------------------------
    def natural_keys(self, obj: Any) -> dict[str, str]:
        """The record's natural keys (built with ``sticoop.core.duplicates.key``), each with the reason shown
        when it matches ("same name in the same partnership"). ``obj`` may be a model instance or a plain
        namespace of its columns (plus ``country_codes`` for partnerships), so keys can be rebuilt by SQL."""
        return {}

    def same_record(self, new: Any, existing: Any) -> bool:
        """Second look at a key match (a person's countries); by default a shared key is enough."""
        return True

    def display_name(self, db: Session, obj: Any) -> str:
        """How a duplicate candidate is named to the user."""
        for attr in ("name", "title", "text"):
            value = getattr(obj, attr, None)
            if value:
                return str(value)[:200]
        return f"{self.label} {obj.id}"

    def refuse_duplicates(self, db: Session, obj: M) -> None:
        """Raise :class:`DuplicatesFound` when ``obj`` probably duplicates records the session may see: the
        natural-key duplicates, then the candidates of the registered finders (record linkage)."""
        found = probable_duplicates(db, self, obj)
        if found:
            names = "; ".join(f"{c.name} (#{c.id})" for c in found)
            raise DuplicatesFound(
                f"This {self.label.lower()} probably exists already: {names}. Open it, or send "
                f"\"allow_duplicate\": true to create it anyway",
                [c.to_dict() for c in found],
            )

    def update(self, db: Session, record_id: int, data: BaseModel, actor: str = "system") -> M:
        obj = self.get(db, record_id)
        self.authorize(db, obj, "update")
        values = data.model_dump(exclude_unset=True)
        self.check_version(obj, values.pop("version", None))
        before = snapshot(obj)
        self._assign(db, obj, values)
        touched = changed(obj) and snapshot(obj) != before
        if touched:  # a form posted back unchanged is no change: no new version, no audit entry
            touch(obj, actor)
        with db.no_autoflush:
            self.authorize(db, obj, "update")  # again: the change may have moved it out of reach
            self.check(db, obj)
        self._flush(db)
        if not touched and snapshot(obj) != before:  # lists rebuilt with other rows: now comparable
            touch(obj, actor)
            self._flush(db)
        self.after_write(db, obj, values, created=False)
        self._flush(db)
        return obj

    def delete(self, db: Session, record_id: int, version: int | None = None, actor: str = "system") -> None:
        """Delete a record the client has seen (version required) that nothing else refers to.

        Owned children (a session's agenda, a commitment's updates...) go with it through the ORM, so each is
        audited; records that merely refer to it (a partnership's committees) must be moved or deleted
        first — the database would otherwise remove or orphan them without a trace.
        """
        obj = self.get(db, record_id)
        self.authorize(db, obj, "delete")
        self.check_version(obj, version)
        blocking = self.dependents(db, obj)
        if blocking:
            listed = ", ".join(f"{count} {name}" for name, count in blocking.items())
            raise Conflict(f"{self.label} {record_id} is still referred to by {listed}; delete or move them first",
                           details=blocking)
        db.info["actor"] = actor
        db.delete(obj)
        self._flush(db)

    def dependents(self, db: Session, obj: M) -> dict[str, int]:
        """Rows of other record tables that point at ``obj``, except the children it owns."""
        mapper = inspect(self.model)
        owned = {rel.target.name for rel in mapper.relationships if rel.cascade.delete}
        table = table_of(self.model)
        found: dict[str, int] = {}
        for other in Base.metadata.sorted_tables:
            if (other.name in owned or "id" not in other.c or not other.c.id.primary_key
                    or other.info.get("derived")):
                continue  # owned children, link tables and derived data (a profile's vectors) go with the record
            for column in other.c:
                if any(fk.column.table is table for fk in column.foreign_keys):
                    count = db.scalar(select(func.count()).select_from(other).where(column == obj.id)) or 0
                    if count:
                        found[other.name] = found.get(other.name, 0) + count
        return found

    def check_version(self, obj: M, version: int | None) -> None:
        if version is None:
            raise ValidationFailed("'version' is required to change a record", field="version")
        if version != obj.version:
            raise Conflict(
                f"{self.label} {obj.id} was changed by someone else (current version {obj.version}, "
                f"yours {version}); reload it and apply your change again",
                field="version",
                details={"current_version": obj.version},
            )

    def _assign(self, db: Session, obj: M, values: dict[str, Any]) -> None:
        with db.no_autoflush:
            self._assign_values(db, obj, values)

    def _assign_values(self, db: Session, obj: M, values: dict[str, Any]) -> None:
        columns = inspect(self.model).columns
        relations = {k: values.pop(k) for k in list(values) if k in self.relation_inputs}
        for key, value in values.items():
            if key in columns:
                if value is None and not columns[key].nullable:
                    raise ValidationFailed(f"{key.replace('_', ' ')} cannot be empty", field=key)
                self._check_reference(db, key, value)
                setattr(obj, key, value)
        self.apply_relations(db, obj, relations)

    def _check_reference(self, db: Session, key: str, value: Any) -> None:
        """A foreign key must name an existing row: say which one is missing instead of a DB error."""
        if value is None:
            return
        column = table_of(self.model).c[key]
        for fk in column.foreign_keys:
            target = _mapped_class(fk.column.table.name)
            if target is not None and db.get(target, value) is None:
                what = "country code" if target.__tablename__ == "countries" else target.__name__.lower()
                raise ValidationFailed(f"Unknown {what} '{value}' for {key}", field=key)

    def authorize(self, db: Session, obj: M, action: str) -> None:
        """May the session's principal create/update/delete this record? By default the secretariat and
        admins may (which records they reach at all is already limited by scoping); services that let
        members change some records override this. The operator (no principal) may do anything."""
        require_editor(db, f"{self.label.lower()} records")

    def apply_relations(self, db: Session, obj: M, relations: dict[str, Any]) -> None:
        """Set many-to-many and child collections; subclasses that declare relation_inputs override it."""

    def check(self, db: Session, obj: M) -> None:
        """Cross-field rules after the input is applied; the default checks date ranges."""
        for start_name, end_name in self.date_ranges:
            start: date | None = getattr(obj, start_name)
            end: date | None = getattr(obj, end_name)
            if start and end and end < start:
                raise ValidationFailed(
                    f"{end_name.replace('_', ' ')} ({end}) is before {start_name.replace('_', ' ')} ({start})",
                    field=end_name,
                )

    def restored(self, db: Session, obj: M, previous: dict[str, Any], entry_id: int) -> None:
        """Hook after an admin restored ``obj`` from an audit entry (``previous``: its column values before)."""

    def after_write(self, db: Session, obj: M, values: dict[str, Any], created: bool) -> None:
        """Hook for derived writes (status history, ...) inside the same transaction."""

    # ----- merging ------------------------------------------------------------------------------
    #: True when duplicates of this kind may be merged (``POST /things/{id}/merge``, "Merge into…" on its page)
    mergeable: ClassVar[bool] = False
    #: attributes two records must share to be merged (a session's committee, a commitment's partnership)
    merge_same: ClassVar[tuple[str, ...]] = ()

    def merge(self, db: Session, record_id: int, into_id: int, version: int | None,
              into_version: int | None = None, actor: str = "system") -> M:
        """Merge record ``record_id`` (the duplicate, at the ``version`` the client saw) into ``into_id`` (kept).

        Every reference to the duplicate moves to the kept record (see ``sticoop.core.merge``), its names
        become the kept record's other names (``merge_names``), blank columns of the kept record take its
        values, it is deleted and leaves a tombstone; all in the session's transaction. Raises ValidationFailed
        (422: itself, not mergeable, unknown or merged ``into``, different ``merge_same``), Conflict (409: a
        stale version, a unique clash, a cycle), Forbidden (403: not an editor of both records).
        """
        from sticoop.core import merge as mech

        merged, kept = self._merge_pair(db, record_id, into_id)
        self.check_version(merged, version)
        if into_version is not None:
            self.check_version(kept, into_version)
        plan = mech.Merge(self.entity, self.model, kept, merged, actor)
        hooks = mech.hooks()
        for hook in hooks:
            hook.before(db, plan)
        with db.no_autoflush:
            plan.state["filled"] = mech.fill_blanks(plan)
            self.merge_names(db, kept, merged)
            touch(kept, actor)
        self._flush(db)
        mech.move_references(db, plan)
        mech.leave_tombstone(db, plan)
        table = table_of(self.model)
        gone = db.execute(table.delete().where(table.c.id == merged.id, table.c.version == merged.version))
        if rowcount(gone) != 1:
            raise Conflict(f"{self.label} {record_id} was changed by someone else during the merge; try again")
        db.expunge(merged)
        db.expire_all()
        kept = self.get(db, into_id)
        with db.no_autoflush:
            self.check(db, kept)
        for hook in hooks:
            hook.after(db, plan)
        self._flush(db)
        return kept

    def merge_preview(self, db: Session, record_id: int, into_id: int) -> dict[str, Any]:
        """What merging would do, without doing it: ``{"moves": {table: rows}, "names": [...], "fills": [...]}``.
        Raises what ``merge`` raises for a pair that cannot be merged (except a stale version)."""
        from sticoop.core import merge as mech

        merged, kept = self._merge_pair(db, record_id, into_id)
        return {"moves": mech.reference_counts(db, self.entity, table_of(self.model), merged.id),
                "names": self.merge_names_of(kept, merged), "fills": mech.blanks(self.model, kept, merged)}

    def _merge_pair(self, db: Session, record_id: int, into_id: int) -> tuple[M, M]:
        from sticoop.core.merge import merged_into, refuse_self_reference

        if not self.mergeable:
            raise ValidationFailed(f"{self.label} records cannot be merged")
        if into_id == record_id:
            raise ValidationFailed(f"A record cannot be merged into itself; choose another {self.label.lower()}",
                                   field="into")
        merged = self.get(db, record_id)
        kept = db.get(self.model, into_id)
        if kept is None:
            onward = merged_into(db, self.entity, into_id)
            if onward is not None and db.get(self.model, onward) is not None:
                raise ValidationFailed(f"{self.label} {into_id} was itself merged into {onward}; merge into {onward}",
                                       field="into", details={"merged_into": onward})
            raise ValidationFailed(f"There is no {self.label.lower()} {into_id} to merge into", field="into")
        self.authorize(db, kept, "update")
        self.authorize(db, merged, "delete")
        for name in self.merge_same:
            if getattr(kept, name) != getattr(merged, name):
                raise ValidationFailed(
                    f"{self.label} {record_id} and {into_id} have different {name.replace('_', ' ')} "
                    f"({getattr(merged, name)} and {getattr(kept, name)}); only records with the same "
                    f"{name.replace('_', ' ')} can be merged", field="into")
        refuse_self_reference(self.label, self.model, kept, merged)
        self.check_merge(db, kept, merged)
        return merged, kept

    def check_merge(self, db: Session, kept: M, merged: M) -> None:
        """Domain rules refusing a merge before anything moves (raise ValidationFailed or Conflict)."""

    def merge_names_of(self, kept: M, merged: M) -> builtins.list[str]:
        """Names of the merged record the kept one will gain as other names (none by default)."""
        return []

    def merge_names(self, db: Session, kept: M, merged: M) -> None:
        """Keep the merged record's names on the kept one (an organisation's aliases); none by default."""

    def _flush(self, db: Session) -> None:
        flush(db, self.label)


def flush(db: Session, label: str = "The record") -> None:
    """Flush, turning a lost optimistic-lock race or a constraint clash into a 409 with a message."""
    try:
        db.flush()
    except StaleDataError as exc:
        raise Conflict(f"{label} was changed by someone else; reload it and try again") from exc
    except IntegrityError as exc:
        raise Conflict(f"{label} conflicts with an existing record: {_integrity_reason(exc)}") from exc


def touch(obj: Any, actor: str) -> None:
    """Mark a record changed by ``actor``. Always changing a column makes the flush issue the versioned
    UPDATE, so a change that only touches links (countries, co-chairs...) still bumps and checks the version."""
    obj.updated_by = actor
    obj.updated_at = utcnow()


def _integrity_reason(exc: IntegrityError) -> str:
    text = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
    return text[:200]


def _mapped_class(table_name: str) -> type[Base] | None:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table_name:
            return mapper.class_
    return None


def load_many(db: Session, model: type[Base], keys: Iterable[Any], what: str) -> list[Any]:
    """Fetch rows by primary key in one query, naming any key that does not exist."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return []
    pk = inspect(model).primary_key[0]
    found = {getattr(row, pk.key or pk.name): row for row in db.scalars(select(model).where(pk.in_(keys)))}
    missing = [k for k in keys if k not in found]
    if missing:
        raise ValidationFailed(f"Unknown {what}: {', '.join(map(str, missing))}")
    return [found[k] for k in keys]
