"""The search backend interface and its two implementations on the app's own database.

:class:`SearchBackend` is what the search service needs from a full-text engine: index or remove records and
answer a scoped, ranked query. Both implementations here keep the entries in the ``search_entries`` table (so
the index follows each write in its transaction) and differ only in how they match and rank:

- :class:`Fts5Backend` (SQLite): an external-content FTS5 table ``search_fts`` over the folded title and
  body (``unicode61 remove_diacritics 2``), kept by triggers; ranked by ``bm25`` with the title weighted 4:1;
- :class:`PostgresBackend`: a GIN index over the stored ``search_vector`` (``setweight(to_tsvector('simple',
  title_folded), 'A') || setweight(to_tsvector('simple', body_folded), 'B')``, set by a trigger); ranked by
  ``ts_rank_cd``.

Both take the best :data:`RANK_CUT` matches of every entry first (a bounded top-N, no scope, no join), then
apply the viewer's scope to those rows only: when at least ``limit`` of them are in scope, they are exactly the
best ``limit`` the viewer may see; otherwise every match in scope is ranked (``tests/search/test_rank_cut.py``).

The text is folded by :func:`sticoop.core.text.fold` before either sees it (đ → d, œ → oe, ’ → '), which does
what ``unaccent`` would and more, identically on both databases. Every query word is a prefix (``khoa*``), all
words must occur. A large deployment could implement the protocol on OpenSearch; none is shipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import (
    ColumnElement,
    and_,
    column,
    delete,
    false,
    func,
    insert,
    join,
    literal_column,
    or_,
    select,
    table,
    true,
    union_all,
)
from sqlalchemy.orm import Session

from sticoop.core.principal import Principal
from sticoop.search.models import SearchEntry

#: matches ranked before the scope by a backend that can bound its ranking (see ``_TableBackend.query``)
RANK_CUT = 1000
#: matches counted per kind at most (a count is a hint, not a promise; counting every hit of "the" is waste)
COUNT_CAP = 1000


@dataclass(frozen=True)
class Hit:
    """One ranked match: the entry's kind, record id, title and original text (for the snippet)."""

    kind: str
    record_id: int
    title: str
    body: str


@dataclass(frozen=True)
class Found:
    """A query's answer: the hits best first, and the number of matches per kind (at most :data:`COUNT_CAP`)."""

    hits: list[Hit]
    counts: dict[str, int]


class SearchBackend(Protocol):
    """A full-text engine for the search box. ``rows`` are ``search_entries`` rows (dicts of kind, record_id,
    partnership_id, editors_only, confidential, title, body, title_folded, body_folded)."""

    def index(self, db: Session, rows: Sequence[dict[str, Any]]) -> None:
        """Add or replace the entries of these records, in ``db``'s transaction."""

    def remove(self, db: Session, kind: str, record_ids: Sequence[int]) -> None:
        """Drop the entries of these records, in ``db``'s transaction."""

    def query(self, db: Session, principal: Principal, terms: Sequence[str], kinds: Sequence[str],
              partnership_id: int | None, limit: int, further: Sequence[int] = (),
              also: Sequence[int] = ()) -> Found:
        """The best ``limit`` entries the principal may see matching every folded term (as a prefix), of
        ``kinds``, of ``partnership_id`` when given (and the entries ``also`` of it through a link table:
        :func:`linked_entries`); scoped before ranking and counting (``further``: see :func:`scope_clause`)."""


def further_entries(db: Session, principal: Principal) -> list[int]:
    """Ids of the entries ``principal`` finds only through a record's further partnerships (a joint call of
    their partnership led by another, its proposals, their documents: ``accounts.scoping.reached_through_links``),
    which the entry's single ``partnership_id`` does not say; at most ``MAX_FURTHER`` (links beyond the lead are
    few). Empty for admins and for those not signed in."""
    if not principal.signed_in or principal.sees_everything:
        return []
    return linked_entries(db, sorted(principal.partnership_ids))


def linked_entries(db: Session, partnership_ids: Sequence[int]) -> list[int]:
    """Ids of the entries of partnerships ``partnership_ids`` only through a link table (a joint call led by
    another partnership, its proposals, their documents: ``accounts.scoping.reached_through_links``), at most
    ``MAX_FURTHER``: what a reader of those partnerships also finds (:func:`further_entries`), and what the
    ``partnership_id=`` filter also lists."""
    from sticoop.accounts.scoping import reached_through_links
    from sticoop.search.index import searchable_services

    kinds = {service.model: kind for kind, service in searchable_services().items()}
    # one index probe (kind, record_id) per kind: a UNION ALL, not an OR that could scan the table
    which = [select(SearchEntry.id).where(SearchEntry.kind == kinds[model], SearchEntry.record_id.in_(rows))
             for model, rows in reached_through_links(sorted(partnership_ids)) if model in kinds]
    if not which:
        return []
    statement = union_all(*which) if len(which) > 1 else which[0]
    return list(db.connection().execute(select(statement.subquery().c[0]).limit(MAX_FURTHER)).scalars())


#: at most this many entries found through further partnerships (see :func:`further_entries`)
MAX_FURTHER = 10_000


def of_partnership(partnership_id: int, also: Sequence[int] = ()) -> ColumnElement[bool]:
    """The entries of ``partnership_id``: bound to it, or among ``also`` (:func:`linked_entries`)."""
    own: ColumnElement[bool] = SearchEntry.partnership_id == partnership_id
    return or_(own, SearchEntry.id.in_(list(also))) if also else own


def scope_clause(principal: Principal, further: Sequence[int] = ()) -> ColumnElement[bool]:
    """The entries ``principal`` may find, exactly as ``accounts/scoping.py`` decides for the records: admins
    all; others the records of their partnerships, those of ``further`` (:func:`further_entries`) and the general
    ones (general documents only for editors); confidential ones only when they see confidential records.
    Nothing for someone not signed in."""
    if not principal.signed_in:
        return false()
    if principal.sees_everything:
        return true()
    ids = sorted(principal.partnership_ids)
    general: ColumnElement[bool] = SearchEntry.partnership_id.is_(None)
    if not principal.is_editor:
        general = general & SearchEntry.editors_only.is_(False)
    clause = or_(SearchEntry.partnership_id.in_(ids), general) if ids else general
    if further:
        clause = or_(clause, SearchEntry.id.in_(list(further)))
    if not principal.sees_confidential:
        clause = and_(clause, SearchEntry.confidential.is_(False))
    return clause


class _TableBackend:
    """Indexing on the ``search_entries`` table; subclasses say how a query matches and ranks."""

    def index(self, db: Session, rows: Sequence[dict[str, Any]]) -> None:
        by_kind: dict[str, list[int]] = {}
        for row in rows:
            by_kind.setdefault(row["kind"], []).append(row["record_id"])
        for kind, ids in by_kind.items():
            self.remove(db, kind, ids)
        if rows:
            db.connection().execute(insert(SearchEntry), list(rows))

    def remove(self, db: Session, kind: str, record_ids: Sequence[int]) -> None:
        db.connection().execute(delete(SearchEntry).where(SearchEntry.kind == kind,
                                                          SearchEntry.record_id.in_(list(record_ids))))

    def _match(self, terms: Sequence[str]) -> tuple[Any, ColumnElement[bool], Any]:
        """(FROM clause, WHERE clause, rank expression ordered best first)."""
        raise NotImplementedError

    def _top(self, terms: Sequence[str], cut: int) -> tuple[Any, Any] | None:
        """(FROM clause, rank expression) of the best ``cut`` matches of every entry, scope not applied; None
        when the engine cannot rank a bounded set cheaper than every match."""
        return None

    def _counted(self, terms: Sequence[str]) -> tuple[Any, ColumnElement[bool]]:
        """(FROM clause, WHERE clause) of every match, unranked (what the counts read)."""
        source, match, _rank = self._match(terms)
        return source, match

    def query(self, db: Session, principal: Principal, terms: Sequence[str], kinds: Sequence[str],
              partnership_id: int | None, limit: int, further: Sequence[int] = (),
              also: Sequence[int] = ()) -> Found:
        scope = [scope_clause(principal, further), SearchEntry.kind.in_(list(kinds))]
        if partnership_id is not None:
            scope.append(of_partnership(partnership_id, also))
        columns = (SearchEntry.kind, SearchEntry.record_id, SearchEntry.title, SearchEntry.body)
        connection = db.connection()
        rows: Sequence[Any] = []
        top = self._top(terms, RANK_CUT)
        if top is not None:
            # rank cut-off: the best RANK_CUT matches of all, then the scope; when at least ``limit`` of them
            # are in scope they are exactly the best ``limit`` the viewer may see (any other match ranks lower)
            top_source, top_rank = top
            rows = connection.execute(select(*columns).select_from(top_source).where(*scope)
                                      .order_by(top_rank, SearchEntry.id).limit(limit)).all()
        if len(rows) < limit:  # few in scope among the best (or no cut-off): rank every match in scope
            source, match, rank = self._match(terms)
            rows = connection.execute(select(*columns).select_from(source).where(match, *scope)
                                      .order_by(rank, SearchEntry.id).limit(limit)).all()
        count_source, count_match = self._counted(terms)
        base = select(SearchEntry.id).select_from(count_source).where(count_match, *scope)
        capped = base.add_columns(SearchEntry.kind).limit(COUNT_CAP * max(1, len(kinds))).subquery()
        per_kind = select(capped.c.kind, func.count()).group_by(capped.c.kind)
        counts: dict[str, int] = {kind: int(n) for kind, n in connection.execute(per_kind).all()}
        return Found([Hit(*row) for row in rows], {k: min(int(n), COUNT_CAP) for k, n in counts.items()})


class Fts5Backend(_TableBackend):
    """SQLite FTS5 (see the module docstring)."""

    def _match(self, terms: Sequence[str]) -> tuple[Any, ColumnElement[bool], Any]:
        fts = table("search_fts", column("rowid"))
        expression = " ".join(f'"{t}"*' for t in terms)
        # the full-text match runs once, first (materialised), and the entries are joined to its rows: left
        # to itself SQLite drove from search_entries and re-ran the match for each entry (seconds at 200,000)
        matched = (select(fts.c.rowid.label("entry_id"),
                          func.bm25(literal_column("search_fts"), 4.0, 1.0).label("rank"))
                   .where(literal_column("search_fts").op("MATCH")(expression))
                   .cte("matched").prefix_with("MATERIALIZED"))
        source = join(matched, SearchEntry.__table__, matched.c.entry_id == SearchEntry.id)
        return source, true(), matched.c.rank

    def _top(self, terms: Sequence[str], cut: int) -> tuple[Any, Any] | None:
        # FTS5's own "ORDER BY rank LIMIT n" (the rank function set to the same weighted bm25): a bounded heap
        # inside the full-text table instead of every match joined and sorted
        fts = table("search_fts", column("rowid"), column("rank"))
        top = (select(fts.c.rowid.label("entry_id"), fts.c.rank.label("rank"))
               .where(literal_column("search_fts").op("MATCH")(self._expression(terms)),
                      fts.c.rank.op("MATCH")(literal_column("'bm25(4.0, 1.0)'")))
               .order_by(fts.c.rank).limit(cut).cte("top").prefix_with("MATERIALIZED"))
        return join(top, SearchEntry.__table__, top.c.entry_id == SearchEntry.id), top.c.rank

    def _counted(self, terms: Sequence[str]) -> tuple[Any, ColumnElement[bool]]:
        fts = table("search_fts", column("rowid"))
        matched = (select(fts.c.rowid.label("entry_id"))
                   .where(literal_column("search_fts").op("MATCH")(self._expression(terms)))
                   .cte("matched").prefix_with("MATERIALIZED"))
        return join(matched, SearchEntry.__table__, matched.c.entry_id == SearchEntry.id), true()

    @staticmethod
    def _expression(terms: Sequence[str]) -> str:
        return " ".join(f'"{t}"*' for t in terms)


class PostgresBackend(_TableBackend):
    """PostgreSQL full-text search (see the module docstring)."""

    def _match(self, terms: Sequence[str]) -> tuple[Any, ColumnElement[bool], Any]:
        tsquery = self._tsquery(terms)
        vector = SearchEntry.search_vector
        return SearchEntry.__table__, vector.op("@@")(tsquery), func.ts_rank_cd(vector, tsquery).desc()

    def _top(self, terms: Sequence[str], cut: int) -> tuple[Any, Any] | None:
        # the best ``cut`` matches of all by the same rank, no scope: a top-N heap over the GIN index's matches
        # (never a sort of every match joined to the scope), then the scope on those ``cut`` rows only
        tsquery = self._tsquery(terms)
        vector = SearchEntry.search_vector
        rank = func.ts_rank_cd(vector, tsquery)
        top = (select(SearchEntry.id.label("entry_id"), rank.label("rank")).where(vector.op("@@")(tsquery))
               .order_by(rank.desc(), SearchEntry.id).limit(cut).cte("top").prefix_with("MATERIALIZED"))
        return join(top, SearchEntry.__table__, top.c.entry_id == SearchEntry.id), top.c.rank.desc()

    @staticmethod
    def _tsquery(terms: Sequence[str]) -> Any:
        return func.to_tsquery(literal_column("'simple'::regconfig"), " & ".join(f"'{t}':*" for t in terms))


def backend_for(db: Session) -> SearchBackend:
    """The backend of the session's database (by dialect name)."""
    return PostgresBackend() if db.get_bind().dialect.name == "postgresql" else Fts5Backend()
