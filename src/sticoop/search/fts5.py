"""SQLite FTS5 at a million entries: long prefixes answered through the index's own word list, and BM25 computed
for the candidates only, from FTS5's own statistics (issue 16; used by :class:`sticoop.search.backend.Fts5Backend`).

A word's document frequency is not taken from an ``fts5vocab`` table of type ``row``: it reads the word's whole
list of postings to count its rows (measured at 210,068 entries: 0.2–0.6 ms for a word of 1,700–3,500 rows,
36 ms for one of 152,102, against 0.6–1.6 ms for the bounded count of :func:`document_frequency`).

Two costs of FTS5 grow with every match of a common word, whatever ``LIMIT`` says:

- a prefix query (``"project"*``) longer than the prefix index (``prefix='2 3'``, migration ``0032_search_1m``)
  merges the lists of every word it starts into one list in memory before it yields its first row. Here such a
  prefix is replaced by the ``OR`` of the words of the index it starts (:func:`expand`, at most
  :data:`MAX_EXPANSION`, read from the ``fts5vocab`` table ``search_fts_words`` of migration ``0033_search9_words``,
  one index seek per word), which FTS5 walks lazily, newest first, stopping at the ``LIMIT``. The rows matched are
  the same (a word matches the prefix if and only if it starts with it); a prefix of 2–3 characters keeps the
  prefix index, a prefix starting more words keeps the prefix query.
- ``bm25()`` counts every row matching each query word (``nHit``) to compute its IDF, even when only a thousand
  rows are ranked. Each query word's matches are first counted up to :data:`DF_EXACT` + 1
  (:func:`document_frequency`); while no word has more than :data:`RANKED_IN_FTS5`, that count is cheap and
  ``bm25()`` itself ranks the candidates, in C (:func:`rank`: the candidates are the newest matches of one query,
  so a rowid range of it). For a word of nearly every record the score is FTS5's ``bm25`` formula
  (``fts5_aux.c``: k1 = 1.2, b = 0.75, IDF ``log((N - n + 0.5) / (n + 0.5))`` floored at 1e-6, a row's length =
  its tokens in every column, weights 4 / 1 / 0
  for title / body / scope) computed in Python for the candidates only (:func:`scores`): ``N`` and the total
  tokens from FTS5's averages record, each row's length from its ``docsize`` record, a word's frequency in a row
  counted on the folded text cut as :func:`sticoop.search.terms.spans` cuts it, and a word's document frequency
  ``n`` counted exactly up to :data:`DF_EXACT` rows and estimated beyond from the density of its newest
  :data:`DF_EXACT` matches among the entries' ids (:func:`document_frequency`). For a word with at most
  :data:`DF_EXACT` matches the score is the one ``bm25()`` returns (``tests/search/test_fts5.py``).

The averages record (rowid 1 of ``search_fts_data``: varints of the row count and each column's total tokens,
written by ``fts5StorageSaveTotals``) and the ``search_fts_docsize`` records (varints of each column's tokens) are
FTS5's on-disk format, stable across SQLite versions as every database file format is.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, text

from sticoop.search.terms import spans

#: a prefix of at most this many characters is answered by FTS5's prefix index (``prefix='2 3'``)
PREFIX_INDEXED = 3
#: a longer prefix is replaced by the OR of the words it starts when it starts at most this many
MAX_EXPANSION = 32
#: a word's document frequency is counted exactly up to this many rows, estimated beyond
DF_EXACT = 5000
#: FTS5 ranks the candidates itself (:func:`rank`) while no word matches more rows than this: its ``bm25()``
#: counts every match of each word, about 0.1–0.35 µs a row in C (measured at 210,068 entries: 2.3 ms for a word
#: of 12,178 rows, 30–51 ms for words of 152,000), against 40–90 ms for the Python scoring of 1,000 candidates
RANKED_IN_FTS5 = 50_000
#: FTS5's bm25 constants (``fts5_aux.c``) and the weights of title, body and scope (the scope tokens never rank)
K1, B = 1.2, 0.75
WEIGHTS = (4.0, 1.0, 0.0)
_COLUMNS = "{title_folded body_folded}"
_HIGHEST = "\U0010ffff"


def quoted(word: str) -> str:
    """``word`` as an FTS5 string (double quotes doubled)."""
    return '"' + word.replace('"', '""') + '"'


def expand(connection: Connection, term: str) -> list[str] | None:
    """The words of the index starting with ``term`` (a folded query word), in byte order, read one index seek
    at a time; ``[]`` when none does (nothing can match). None when the prefix query is kept: ``term`` of at most
    :data:`PREFIX_INDEXED` characters (the prefix index answers it), or starting more than
    :data:`MAX_EXPANSION` words."""
    if len(term) <= PREFIX_INDEXED:
        return None
    words: list[str] = []
    low = term
    while True:
        # ">=" with the word + U+0001 seeks past every instance of the word (fts5vocab starts at ">=" and would
        # otherwise walk each instance of it); U+0001 is in no word (the tokenizer cuts on control characters)
        word = connection.execute(text("SELECT term FROM search_fts_words WHERE term >= :low AND term < :high "
                                       "LIMIT 1"), {"low": low, "high": term + _HIGHEST}).scalar()
        if word is None:
            return words
        if len(words) == MAX_EXPANSION:
            return None
        words.append(str(word))
        low = f"{word}\x01"


def phrase(term: str, words: list[str] | None) -> str:
    """The FTS5 query of one folded query word: the prefix query, or the OR of its ``words`` (:func:`expand`)."""
    if words is None:
        return quoted(term) + "*"
    return "(" + " OR ".join(quoted(w) for w in words) + ")"


def words_query(phrases: Sequence[str]) -> str:
    """Every phrase in the title or the body (the scope column never matches a query word)."""
    return f"{_COLUMNS} : (" + " AND ".join(phrases) + ")"


def _varints(blob: bytes) -> list[int]:
    """The SQLite varints of ``blob`` (big-endian 7-bit groups, a ninth byte of 8 bits), as FTS5 writes them."""
    if blob and max(blob) < 0x80:  # every value below 128: one byte each (a row's token counts, usually)
        return list(blob)
    out, i = [], 0
    while i < len(blob):
        value = 0
        for n in range(9):
            byte = blob[i]
            i += 1
            if n == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if byte < 0x80:
                break
        out.append(value)
    return out


def totals(connection: Connection) -> tuple[int, float]:
    """(rows, average tokens of a row over every column) of the FTS5 index, from its averages record;
    (0, 0.0) for an empty index."""
    blob = connection.execute(text("SELECT block FROM search_fts_data WHERE id = 1")).scalar()
    values = _varints(bytes(blob)) if blob else []
    if not values or not values[0]:
        return 0, 0.0
    return values[0], sum(values[1:]) / values[0]


def document_frequency(connection: Connection, query: str, last_id: int) -> float:
    """The rows matching one phrase's ``query`` (:func:`words_query` of it): counted when at most
    :data:`DF_EXACT`; else its newest :data:`DF_EXACT` + 1 matches spread over ids ``lowest``–``last_id`` say
    the density, ``count × last_id / (last_id − lowest + 1)`` (entry ids are given in order, so a word's density
    among recent entries is its density among all)."""
    count, lowest = connection.execute(
        text("SELECT count(*), min(rowid) FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH :q "
             "ORDER BY rowid DESC LIMIT :n)"), {"q": query, "n": DF_EXACT + 1}).one()
    if count <= DF_EXACT:
        return float(count)
    return float(count) * last_id / max(1, last_id - int(lowest) + 1)


@lru_cache(maxsize=256)
def _ascii_pattern(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + re.escape(term))


def frequency(folded: str, term: str) -> int:
    """The words of ``folded`` (folded text) starting with ``term``, words cut as :func:`terms.spans` cuts
    them (a regular expression for ASCII text, the same rule)."""
    if not folded or term not in folded:
        return 0
    if folded.isascii() and term.isascii():
        return len(_ascii_pattern(term).findall(folded))
    return sum(1 for s, e in spans(folded) if folded.startswith(term, s) and e - s >= len(term))


def scores(connection: Connection, terms: Sequence[str], phrases: Sequence[str],
           entry_ids: Sequence[int], frequencies: Sequence[float] | None = None) -> dict[int, float]:
    """The bm25 score of each of ``entry_ids`` (rows matching every phrase) as FTS5's ``bm25(search_fts, 4, 1,
    0)`` computes it, negative, lower is better (see the module docstring); ``phrases[i]`` is the FTS5 query of
    folded word ``terms[i]``; ``frequencies[i]`` its document frequency when already probed
    (:func:`document_frequency`)."""
    if not entry_ids:
        return {}
    rows, average = totals(connection)
    if frequencies is None:
        last_id = int(connection.execute(text("SELECT max(id) FROM search_entries")).scalar() or 0)
        frequencies = [document_frequency(connection, words_query([one]), last_id) for one in phrases]
    idf = []
    for hits in frequencies:
        value = math.log((rows - hits + 0.5) / (hits + 0.5)) if rows else 0.0
        idf.append(value if value > 0.0 else 1e-6)
    ids = "[" + ",".join(str(int(i)) for i in entry_ids) + "]"
    found: Sequence[Any] = connection.execute(
        text("SELECT e.id, e.title_folded, e.body_folded, d.sz FROM search_entries e "
             "JOIN search_fts_docsize d ON d.id = e.id WHERE e.id IN (SELECT value FROM json_each(:ids))"),
        {"ids": ids}).all()
    out = {}
    for entry, title, body, size in found:
        length = float(sum(_varints(bytes(size))))
        norm = K1 * (1 - B + B * length / average) if average else K1
        score = 0.0
        for i, term in enumerate(terms):
            weighted = WEIGHTS[0] * frequency(title, term) + WEIGHTS[1] * frequency(body, term)
            score += idf[i] * ((weighted * (K1 + 1.0)) / (weighted + norm))
        out[int(entry)] = -1.0 * score
    return out


def expression(phrases: Sequence[str], scope: Sequence[Sequence[str]] = ()) -> str:
    """The FTS5 query of the candidates: every phrase in the title or body (:func:`words_query`), and one of the
    tokens of each ``scope`` alternative in the scope column (:func:`sticoop.search.backend.scope_tokens`)."""
    parts = [words_query(phrases)]
    parts += ["scope : (" + " OR ".join(quoted(t) for t in tokens) + ")" for tokens in scope]
    return " AND ".join(parts)


def rank(connection: Connection, terms: Sequence[str], phrases: Sequence[str], entry_ids: Sequence[int],
         limit: int, scope: Sequence[Sequence[str]] | None = None) -> list[int]:
    """The best ``limit`` of ``entry_ids`` (rows matching every phrase) by FTS5's ``bm25(search_fts, 4, 1, 0)``
    over the prefix queries of ``terms``, then id; ``phrases[i]`` is the FTS5 query of folded word ``terms[i]``.

    ``scope``: the scope alternatives of the query that found ``entry_ids`` as its newest matches
    (``ORDER BY rowid DESC LIMIT n``), so that its matches from the lowest of ``entry_ids`` up are exactly
    ``entry_ids``; None when they are not (entries added through a link table, or any list). Each word's
    document frequency is probed first (:func:`document_frequency`, at most :data:`DF_EXACT` + 1 postings).
    When every one is at most :data:`RANKED_IN_FTS5` and ``scope`` is given, FTS5 ranks the candidates itself
    in C (``ORDER BY bm25(…) LIMIT``, the candidates as a rowid range of the same query): its count of each
    word's matches then walks at most about :data:`RANKED_IN_FTS5` rows. Otherwise (a word of nearly every
    record) the score is computed in Python for the candidates only (:func:`scores`), with the probed
    frequencies. Either way the order is ``bm25()``'s while every word has at most :data:`DF_EXACT` matches
    (``tests/search/test_fts5.py``); one candidate or none is returned as is."""
    if len(entry_ids) <= 1:
        return list(entry_ids)[:limit]
    last_id = int(connection.execute(text("SELECT max(id) FROM search_entries")).scalar() or 0)
    hits = [document_frequency(connection, words_query([one]), last_id) for one in phrases]
    if scope is not None and all(n <= RANKED_IN_FTS5 for n in hits):
        prefixes = [phrase(term, None) for term in terms]
        return [int(i) for i in connection.execute(
            text("SELECT rowid FROM search_fts WHERE search_fts MATCH :q AND rowid >= :low "
                 "ORDER BY bm25(search_fts, :title, :body, :scope), rowid LIMIT :limit"),
            {"q": expression(prefixes, scope), "low": min(entry_ids), "title": WEIGHTS[0], "body": WEIGHTS[1],
             "scope": WEIGHTS[2], "limit": limit}).scalars()]
    scored = scores(connection, terms, phrases, entry_ids, hits)
    return sorted(scored, key=lambda entry: (scored[entry], entry))[:limit]
