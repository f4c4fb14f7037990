"""The search backend interface and its two implementations on the app's own database.

:class:`SearchBackend` is what the search service needs from a full-text engine: index or remove records and
answer a scoped, ranked query. Both implementations here keep the entries in the ``search_entries`` table (so
the index follows each write in its transaction) and differ only in how they match and rank:

- :class:`Fts5Backend` (SQLite): an external-content FTS5 table ``search_fts`` over the folded title and
  body (``unicode61 remove_diacritics 2``) and the scope tokens, kept by triggers; ranked by FTS5's ``bm25``
  formula with the title weighted 4:1, computed for the candidates only (:mod:`sticoop.search.fts5`);
- :class:`PostgresBackend`: a two-column GIN index over the stored ``search_vector`` (``setweight(to_tsvector(
  'simple', title_folded), 'A') || setweight(to_tsvector('simple', body_folded), 'B')``, set by a trigger) and
  the entry's scope tokens (:func:`scope_vector`, migration ``0033_search9_words``); ranked by ``ts_rank_cd``.

Both answer a query in two bounded steps (see ``_TableBackend``): at most :data:`CANDIDATE_CAP` matches in the
viewer's scope, taken in the index's order with the scope inside the full-text query (or, on PostgreSQL when every
word is common, the scope's rows read and checked: :mod:`sticoop.search.pgplan`), then those ranked. A query
matching fewer gets exactly the answer of ranking every match (``tests/search/test_candidates.py``).

The text is folded by :func:`sticoop.core.text.fold` before either sees it (đ → d, œ → oe, ’ → '), which does
what ``unaccent`` would and more, identically on both databases. Every query word is a prefix (``khoa*``), all
words must occur. A large deployment could implement the protocol on OpenSearch; none is shipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    cast,
    column,
    delete,
    false,
    func,
    insert,
    join,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
    true,
    union_all,
)
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.orm import Session

from sticoop.core.principal import Principal
from sticoop.search import fts5, pgplan
from sticoop.search.models import SearchEntry

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


#: matches in scope a query ranks at most (bounded candidate retrieval): a query matching more takes the first
#: ``CANDIDATE_CAP`` in the index's order (SQLite: newest first; PostgreSQL: as the scan meets them) and ranks
#: those only; a query matching fewer ranks every match, exactly as ranking all would (see ``_TableBackend``)
CANDIDATE_CAP = 1000
#: a candidate: entry id, kind, and its rank when the scan computed it (lower is better), else None
Candidate = tuple[int, str, float | None]


def scope_tokens(principal: Principal, kinds: Sequence[str], all_kinds: Sequence[str],
                 partnership_id: int | None) -> list[list[str]] | None:
    """The scope tokens (SQLite: FTS5's column, migration ``0032_search_1m``; PostgreSQL: the GIN index's
    second column, ``0033_search9_words``) a match must have, as a conjunction of alternatives: each inner list
    is an ``OR`` of tokens (``k<kind>``; ``zp<id>``/``zgen``/``zed`` with ``c``
    for a confidential entry), the lists are ``AND``-ed. The rule of :func:`scope_clause` (without ``further``)
    and :func:`of_partnership` (without ``also``); None when nothing can match (not signed in, no kind)."""
    if not principal.signed_in or not kinds:
        return None
    clauses: list[list[str]] = []
    if set(all_kinds) - set(kinds):
        clauses.append([f"k{kind.replace('_', '')}" for kind in sorted(set(kinds))])
    if partnership_id is not None:
        clauses.append([f"zp{partnership_id}", f"zp{partnership_id}c"])
    if not principal.sees_everything:
        open_tokens = [f"zp{pid}" for pid in sorted(principal.partnership_ids)] + ["zgen"]
        if principal.is_editor:
            open_tokens.append("zed")
        tokens = [*open_tokens, *(f"{t}c" for t in open_tokens)] if principal.sees_confidential else open_tokens
        clauses.append(tokens)
    return clauses


def _counted(kinds: Iterable[str]) -> dict[str, int]:
    """The candidates per kind, at most :data:`COUNT_CAP` each."""
    counts: dict[str, int] = {}
    for kind in kinds:
        counts[kind] = min(COUNT_CAP, counts.get(kind, 0) + 1)
    return counts


class _TableBackend:
    """Indexing on the ``search_entries`` table; subclasses say how a query finds candidates and ranks them.

    A query is two bounded steps (bounded candidate retrieval, as a search engine's "top-k of the first n
    postings" early termination: Broder et al., "Efficient query evaluation using a two-level retrieval
    process", CIKM 2003, and Lucene's early termination by index order): (1) the candidates, every match in the
    viewer's scope taken in the index's order, at most :data:`CANDIDATE_CAP` (+1 to know whether more exist),
    scope and kinds applied inside the full-text query (PostgreSQL: or around it, see :class:`PostgresBackend`);
    (2) those candidates ranked, best ``limit`` kept. When
    fewer than :data:`CANDIDATE_CAP` match, (2) ranks every match in scope: the answer is exactly the one of
    ranking all (:meth:`reference`). When more match (a word of nearly every record), the answer is the best
    of the first :data:`CANDIDATE_CAP`: the trade-off that keeps the work of a common word bounded. The counts
    per kind are those of the candidates, at most :data:`COUNT_CAP`."""

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
        """(FROM clause, WHERE clause, rank expression ordered best first) of every match (:meth:`reference`)."""
        raise NotImplementedError

    def _candidates(self, db: Session, principal: Principal, terms: Sequence[str], kinds: Sequence[str],
                    partnership_id: int | None, n: int, further: Sequence[int],
                    also: Sequence[int]) -> list[Candidate]:
        """At most ``n`` matches in scope, in the index's order."""
        raise NotImplementedError

    def query(self, db: Session, principal: Principal, terms: Sequence[str], kinds: Sequence[str],
              partnership_id: int | None, limit: int, further: Sequence[int] = (),
              also: Sequence[int] = ()) -> Found:
        found = self._candidates(db, principal, terms, kinds, partnership_id, CANDIDATE_CAP + 1, further, also)
        kept = found[:CANDIDATE_CAP]
        best = self._ranked(db, terms, kept, limit) if kept else []
        return Found(self._hits(db, best), _counted(kind for _entry, kind, _rank in kept))

    def _ranked(self, db: Session, terms: Sequence[str], candidates: Sequence[Candidate], limit: int) -> list[int]:
        """The entry ids of the best ``limit`` ``candidates`` by the engine's rank, then id."""
        raise NotImplementedError

    @staticmethod
    def _hits(db: Session, entry_ids: Sequence[int]) -> list[Hit]:
        """The hits of these entries, in this order."""
        if not entry_ids:
            return []
        rows = db.connection().execute(select(SearchEntry.id, SearchEntry.kind, SearchEntry.record_id,
                                              SearchEntry.title, SearchEntry.body)
                                       .where(SearchEntry.id.in_(list(entry_ids)))).all()
        by_id = {row.id: Hit(row.kind, row.record_id, row.title, row.body) for row in rows}
        return [by_id[i] for i in entry_ids if i in by_id]

    def reference(self, db: Session, principal: Principal, terms: Sequence[str], kinds: Sequence[str],
                  partnership_id: int | None, limit: int, further: Sequence[int] = (),
                  also: Sequence[int] = ()) -> Found:
        """Every match in scope ranked, and counted per kind up to :data:`COUNT_CAP` (unbounded work: what
        :meth:`query` answers when fewer than :data:`CANDIDATE_CAP` match; the tests' reference)."""
        scope = [scope_clause(principal, further), SearchEntry.kind.in_(list(kinds))]
        if partnership_id is not None:
            scope.append(of_partnership(partnership_id, also))
        source, match, rank = self._match(terms)
        connection = db.connection()
        rows = connection.execute(select(SearchEntry.kind, SearchEntry.record_id, SearchEntry.title,
                                         SearchEntry.body).select_from(source).where(match, *scope)
                                  .order_by(rank, SearchEntry.id).limit(limit)).all()
        every = connection.execute(select(SearchEntry.kind, func.count()).select_from(source)
                                   .where(match, *scope).group_by(SearchEntry.kind)).all()
        return Found([Hit(*row) for row in rows], {k: min(int(n), COUNT_CAP) for k, n in every})


class Fts5Backend(_TableBackend):
    """SQLite FTS5 (see the module docstring): the viewer's scope, the kinds and the partnership filter are
    tokens of the FTS5 column ``scope`` (:func:`scope_tokens`), so FTS5 intersects their doclists with the
    words' and stops after the candidates; a long prefix is the OR of the words it starts, and the candidates
    are ranked by FTS5's bm25 formula computed for them only (:mod:`sticoop.search.fts5`)."""

    @staticmethod
    def _phrases(connection: Connection, terms: Sequence[str]) -> list[str] | None:
        """Each folded term's FTS5 query (:func:`fts5.expand`); None when a term starts no word of the index."""
        phrases = []
        for term in terms:
            words = fts5.expand(connection, term)
            if words == []:
                return None
            phrases.append(fts5.phrase(term, words))
        return phrases

    def query(self, db: Session, principal: Principal, terms: Sequence[str], kinds: Sequence[str],
              partnership_id: int | None, limit: int, further: Sequence[int] = (),
              also: Sequence[int] = ()) -> Found:
        connection = db.connection()
        phrases = self._phrases(connection, terms)
        if phrases is None:
            return Found([], {})
        from sticoop.search.index import searchable_services

        tokens = scope_tokens(principal, kinds, sorted(searchable_services()), partnership_id)
        if tokens is None:
            return Found([], {})
        found = self._scoped(db, principal, phrases, tokens, kinds, partnership_id, CANDIDATE_CAP + 1, further,
                             also)
        kept = found[:CANDIDATE_CAP]
        # without entries through a link table, the candidates are the newest matches of one FTS5 query
        newest = None if further or also else tokens
        best = fts5.rank(connection, terms, phrases, [entry for entry, _kind in kept], limit, newest)
        return Found(self._hits(db, best), _counted(kind for _entry, kind in kept))

    @staticmethod
    def _scoped(db: Session, principal: Principal, phrases: Sequence[str], tokens: Sequence[Sequence[str]],
                kinds: Sequence[str], partnership_id: int | None, n: int, further: Sequence[int],
                also: Sequence[int]) -> list[tuple[int, str]]:
        """At most ``n`` (entry id, kind) matching every phrase in scope (``tokens``: :func:`scope_tokens`),
        newest first."""
        connection = db.connection()
        found: Sequence[Any] = connection.execute(
            text("SELECT f.rowid, e.kind FROM search_fts f JOIN search_entries e ON e.id = f.rowid "
                 "WHERE search_fts MATCH :expression ORDER BY f.rowid DESC LIMIT :n"),
            {"expression": fts5.expression(phrases, tokens), "n": n}).all()
        extra = sorted({*further, *also})
        if extra:  # entries in scope through a link table: their ids, matched one by one, the scope in SQL
            scope = [scope_clause(principal, further), SearchEntry.kind.in_(list(kinds))]
            if partnership_id is not None:
                scope.append(of_partnership(partnership_id, also))
            fts = table("search_fts", column("rowid"))
            linked = connection.execute(
                select(SearchEntry.id, SearchEntry.kind).select_from(
                    join(fts, SearchEntry.__table__, fts.c.rowid == SearchEntry.id))
                .where(literal_column("search_fts").op("MATCH")(fts5.expression(phrases)),
                       fts.c.rowid.in_(extra), *scope)).all()
            found = sorted({(int(i), str(k)) for i, k in [*found, *linked]}, reverse=True)[:n]
        return [(int(i), str(k)) for i, k in found]

    def reference(self, db: Session, principal: Principal, terms: Sequence[str], kinds: Sequence[str],
                  partnership_id: int | None, limit: int, further: Sequence[int] = (),
                  also: Sequence[int] = ()) -> Found:
        """Every match in scope (the prefix queries as written, no expansion) ranked by the same formula."""
        scope = [scope_clause(principal, further), SearchEntry.kind.in_(list(kinds))]
        if partnership_id is not None:
            scope.append(of_partnership(partnership_id, also))
        phrases = [fts5.phrase(t, None) for t in terms]
        fts = table("search_fts", column("rowid"))
        connection = db.connection()
        rows = connection.execute(
            select(SearchEntry.id, SearchEntry.kind).select_from(
                join(fts, SearchEntry.__table__, fts.c.rowid == SearchEntry.id))
            .where(literal_column("search_fts").op("MATCH")(fts5.expression(phrases)), *scope)).all()
        best = fts5.rank(connection, terms, phrases, [int(r.id) for r in rows], limit)
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.kind] = min(COUNT_CAP, counts.get(row.kind, 0) + 1)
        return Found(self._hits(db, best), counts)


class PostgresBackend(_TableBackend):
    """PostgreSQL full-text search (see the module docstring): the candidates are the matches the scan meets
    first, ranked by ``ts_rank_cd`` over them only. The scan is the cheapest of :mod:`sticoop.search.pgplan`'s
    plans: the rarer words looked up in the two-column GIN index with the viewer's scope tokens intersected
    inside it, the common ones only checked on the rows read; or, when every word is common, the rows of the
    viewer's scope read through the B-tree indexes and checked until the candidates are found."""

    def _match(self, terms: Sequence[str]) -> tuple[Any, ColumnElement[bool], Any]:
        tsquery = self._tsquery(terms)
        vector = SearchEntry.search_vector
        return SearchEntry.__table__, vector.op("@@")(tsquery), func.ts_rank_cd(vector, tsquery).desc()

    def _candidates(self, db: Session, principal: Principal, terms: Sequence[str], kinds: Sequence[str],
                    partnership_id: int | None, n: int, further: Sequence[int],
                    also: Sequence[int]) -> list[Candidate]:
        from sticoop.search.index import searchable_services

        tokens = scope_tokens(principal, kinds, sorted(searchable_services()), partnership_id)
        if tokens is None or not terms:
            return []
        tsquery = self._tsquery(terms)
        # each candidate's rank computed as the scan reads its row (a second pass would fetch every candidate's
        # row again, at random): kept per query for :meth:`_ranked`
        columns = (SearchEntry.id, SearchEntry.kind, func.ts_rank_cd(SearchEntry.search_vector, tsquery))
        connection = db.connection()
        plan = self._plan(connection, terms, n)
        if plan is None:  # every word is one PostgreSQL reads as no lexeme: nothing matches (as the reference)
            return []
        # a word only checked: the function, not the operator, so the planner never looks it up in the index
        check = func.ts_match_vq(SearchEntry.search_vector, tsquery)
        checked = [check] if plan.checked else []
        if plan.looked_up:
            # the scope as tokens in the two-column GIN index (migration 0033_search9_words): GIN intersects
            # them with the words looked up, no heap row outside the scope is read
            looked_up = SearchEntry.search_vector.op("@@")(self._tsquery(plan.looked_up))
            scoped = [looked_up, *checked]
            if tokens:
                scoped.append(scope_vector().op("@@")(scope_tsquery(tokens)))
        else:  # every word is common: the rows of the scope, through the B-tree indexes, each checked
            scoped = [*checked, scope_clause(principal)]
            if set(searchable_services()) - set(kinds):
                scoped.append(SearchEntry.kind.in_(list(kinds)))
            if partnership_id is not None:
                scoped.append(of_partnership(partnership_id))
        rows = list(connection.execute(select(*columns).where(*scoped).limit(n)).all())
        extra = sorted({*further, *also})
        if extra:  # entries in scope through a link table: their ids, the scope in SQL
            scope = [scope_clause(principal, further), SearchEntry.kind.in_(list(kinds))]
            if partnership_id is not None:
                scope.append(of_partnership(partnership_id, also))
            linked = connection.execute(select(*columns).where(check, SearchEntry.id.in_(extra), *scope)).all()
            rows = list({int(r[0]): r for r in [*rows, *linked]}.values())[:n]
        return [(int(i), str(k), -float(r)) for i, k, r in rows]

    def _ranked(self, db: Session, terms: Sequence[str], candidates: Sequence[Candidate], limit: int) -> list[int]:
        return [entry for entry, _kind, _rank in sorted(candidates, key=lambda c: (c[2], c[0]))[:limit]]

    @staticmethod
    def _plan(connection: Connection, terms: Sequence[str], n: int) -> pgplan.Plan | None:
        """Which words the GIN index finds and which are checked on the rows read (:mod:`.pgplan`); every
        word looked up while the table has no statistics; None when no word has a lexeme (nothing matches)."""
        estimates = pgplan.estimate(connection, terms)
        if not estimates.shares:
            return pgplan.Plan(tuple(terms), ())
        if estimates.void >= set(terms):
            return None
        return pgplan.choose(estimates.shares, estimates.entries, n)

    @staticmethod
    def _tsquery(terms: Sequence[str]) -> Any:
        return func.to_tsquery(literal_column("'simple'::regconfig"), pgplan.prefix_query(terms))


def scope_vector() -> ColumnElement[Any]:
    """PostgreSQL: an entry's scope tokens (:func:`scope_tokens`) as the ``tsvector`` the two-column GIN index of
    migration ``0033_search9_words`` holds (the function ``search_scope_vector`` of that migration)."""
    return func.search_scope_vector(SearchEntry.kind, SearchEntry.partnership_id, SearchEntry.editors_only,
                                    SearchEntry.confidential)


def scope_tsquery(tokens: Sequence[Sequence[str]]) -> ColumnElement[Any]:
    """PostgreSQL: the ``tsquery`` of :func:`scope_tokens`' alternatives (each an OR, all AND-ed), exact lexemes."""
    query = " & ".join("(" + " | ".join(f"'{t}'" for t in alternatives) + ")" for alternatives in tokens)
    return cast(literal(query), TSQUERY)


def backend_for(db: Session) -> SearchBackend:
    """The backend of the session's database (by dialect name)."""
    return PostgresBackend() if db.get_bind().dialect.name == "postgresql" else Fts5Backend()
