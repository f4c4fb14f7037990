"""PostgreSQL: which query words the candidates' scan looks up in the GIN index, and which it only checks on
the rows it reads (issue 16: a viewer's search of a word of nearly every record took 230 ms at 2.1 M entries).

A prefix word (``'project':*``) in the GIN index costs a decoded posting per entry it matches: GIN merges the
postings of every word the prefix starts into one bitmap before the first row is read, so ``project`` (1.5 M
of 2.1 M entries) costs 1.5 M postings even when the query stops after 1,001 candidates. Checking a word on a
row already read costs nothing more, but a row is read whether it matches or not. So the plan is the cheapest
of: every word checked on the rows of the viewer's scope (read through the B-tree of ``partnership_id``, or
the table for an admin), or the rarest ``k`` words looked up in the GIN index (with the scope tokens) and the
others checked, for each ``k`` (:func:`choose`). The cost model, in the units of a decoded posting:

- a word looked up: the entries it matches (``share × entries``);
- a row read: :data:`ROW_COST` postings. Measured on PostgreSQL 15 at 2.1 M entries (``EXPLAIN ANALYZE``
  of the plans of ``benchmarks/search_shapes.py``): a row read and checked costs 10–15 µs, a posting 0.6 µs
  while GIN's bitmap stays exact and 0.13 µs once it turns lossy (``work_mem``), so 17–115 postings; the
  choice matters for words of 5–20 % of the entries, whose bitmaps are mostly exact, hence the low end;
- rows read until ``n`` candidates are found: ``n ÷`` the share of entries holding every checked word, taken
  at its least (the Fréchet lower bound ``max(0, Σ shares − (k − 1))`` of ``k`` words: common words that seldom
  meet, ``project du``, never pass for a cheap scan), at most the rows the looked-up words leave (their shares'
  product, the planner's independence).

The shares are the planner's own estimates (``EXPLAIN`` of each word alone, from the statistics ``ANALYZE``
keeps of the ``tsvector`` column's most common lexemes), kept per process for :data:`ESTIMATE_SECONDS`. A
wrong estimate costs time, never a result: every plan returns matches of every word in scope, and a query with
fewer than ``n`` matches in scope gets all of them whatever the plan. A word PostgreSQL's parser reads as no
lexeme (longer than 2,047 bytes, or of no letter it knows) is dropped by ``to_tsquery`` from the whole query,
as every plan and the reference drop it: its share is 1 (checking it is checking nothing), and a query of such
words only matches nothing.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, text

#: the cost of reading one row, in decoded postings (see the module docstring)
ROW_COST = 25.0
#: how long a word's estimated share is reused by a process (the statistics change only with ``ANALYZE``)
ESTIMATE_SECONDS = 600.0
#: estimates kept per process at most (the oldest are dropped first)
ESTIMATES_KEPT = 10_000


@dataclass(frozen=True)
class Plan:
    """``looked_up``: words the GIN index finds (rarest first; empty: the rows of the scope are read);
    ``checked``: words only checked on the rows read."""

    looked_up: tuple[str, ...]
    checked: tuple[str, ...]


def choose(shares: Mapping[str, float], entries: float, n: int) -> Plan:
    """The cheapest plan under the module's cost model for the words of ``shares`` (word → share of the entries
    it matches, 0–1; the plan covers exactly these words), ``entries`` entries in the table and ``n`` candidates
    wanted; on equal cost, more words looked up. Raises ValueError when ``shares`` is empty."""
    if not shares:
        raise ValueError("choose: no word")
    floor = 1.0 / max(entries, 1.0)
    ordered = sorted(shares, key=lambda word: (shares[word], word))
    share = {word: min(1.0, max(shares[word], floor)) for word in ordered}

    def cost(k: int) -> float:
        looked, checked = ordered[:k], ordered[k:]
        postings = sum(share[w] * entries for w in looked)
        left = entries * math.prod(share[w] for w in looked)  # rows the looked-up words leave
        together = max(floor, sum(share[w] for w in checked) - (len(checked) - 1))  # Fréchet lower bound
        needed = n / together  # rows read to find n matches of the checked words
        return postings + ROW_COST * min(left, needed)

    best = min(range(len(ordered) + 1), key=lambda k: (cost(k), -k))
    return Plan(tuple(ordered[:best]), tuple(ordered[best:]))


@dataclass(frozen=True)
class Estimates:
    """``shares``: word → its estimated share of the entries (0–1; 1 for a word of no lexeme), empty when the
    table has no statistics; ``entries``: the table's estimated entries (0 without statistics); ``void``: the
    words PostgreSQL reads as no lexeme."""

    shares: dict[str, float]
    entries: float
    void: frozenset[str]


def prefix_query(terms: Sequence[str]) -> str:
    """The ``to_tsquery`` text matching every term as a prefix: ``["khoa", "hoc"]`` → ``'khoa':* & 'hoc':*``
    (terms are folded words: letters, marks and digits only, no quote)."""
    return " & ".join(f"'{t}':*" for t in terms)


#: (database, word) → (share, no lexeme, when estimated)
_estimates: dict[tuple[str, str], tuple[float, bool, float]] = {}
#: database → (the table's estimated entries, when read)
_entries: dict[str, tuple[float, float]] = {}
_lock = threading.Lock()


def estimate(connection: Connection, terms: Sequence[str], now: float | None = None) -> Estimates:
    """The planner's estimates for the prefix ``terms`` on ``search_entries`` (see the module docstring): two
    statements per word not kept already (its lexemes counted, its ``EXPLAIN``), one for the table when its
    count is not kept already. No shares when the table has never been analysed (``reltuples`` ≤ 0): then
    every word is looked up, as before this module. ``now``: seconds of ``time.monotonic`` (tests pass it)."""
    moment = time.monotonic() if now is None else now
    database = str(connection.engine.url.render_as_string(hide_password=True))
    with _lock:
        counted = _entries.get(database)
    if counted is None or moment - counted[1] >= ESTIMATE_SECONDS:
        counted = (float(connection.execute(text(
            "SELECT reltuples FROM pg_class WHERE oid = 'search_entries'::regclass")).scalar_one()), moment)
        with _lock:
            _entries[database] = counted
    entries = counted[0]
    if entries <= 0:
        return Estimates({}, 0.0, frozenset())
    found: dict[str, float] = {}
    void: set[str] = set()
    for term in terms:
        with _lock:
            kept = _estimates.get((database, term))
        if kept is None or moment - kept[2] >= ESTIMATE_SECONDS:
            query = prefix_query([term])
            empty = connection.execute(text("SELECT numnode(to_tsquery('simple'::regconfig, :query)) = 0"),
                                       {"query": query}).scalar_one()
            share = 1.0
            if not empty:
                plan = connection.execute(text(
                    "EXPLAIN (FORMAT JSON) SELECT 1 FROM search_entries "
                    "WHERE search_vector @@ to_tsquery('simple'::regconfig, :query)"), {"query": query}).scalar_one()
                share = min(1.0, float(plan[0]["Plan"]["Plan Rows"]) / entries)
            kept = (share, bool(empty), moment)
            with _lock:
                _estimates.pop((database, term), None)
                if len(_estimates) >= ESTIMATES_KEPT:
                    _estimates.pop(next(iter(_estimates)))
                _estimates[(database, term)] = kept
        found[term] = kept[0]
        if kept[1]:
            void.add(term)
    return Estimates(found, entries, frozenset(void))


def forget() -> None:
    """Drop every estimate this process keeps (tests; a process keeps one at most :data:`ESTIMATE_SECONDS`)."""
    with _lock:
        _estimates.clear()
        _entries.clear()
