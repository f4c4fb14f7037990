"""The semantic half of the search box: each entry's vector, and the nearest entries to a query's vector.

Vectors come from the multilingual embedder the matchmaking ships (``matchmaking.engine.embeddings``, through
its ``Embedder`` interface: ``get_embedder()``, multilingual-e5-small by default, ``$STICOOP_EMBEDDER`` to
choose), so "wastewater treatment" lies near "xử lý nước thải" and "traitement des eaux usées". An entry's
vector is computed once per version of the entry, never on a read and never in the write's transaction (about
20 ms of CPU per record, and the first write of a worker would load the model): a write stores the entry's words
with no vector, and the job ``search.embed`` (:func:`embed_waiting`, every minute in ``sticoop worker``, and
``sticoop search embed``) computes the waiting vectors in batches after the commit; until then the entry is
found by its words only. The rebuild (``sticoop search reindex``) computes them too. A query's vector is
computed per distinct query and kept in a small per-process cache.

Nearest neighbours come from two parts (:func:`nearest`): the HNSW graph persisted in the data folder
(:mod:`sticoop.search.graph`, mapped read-only by every process) holding the entries up to its ``last_id``, and
a per-process float32 matrix of the few entries embedded after it (:class:`VectorMatrix`, topped up by entry
id: an entry rewritten by a write gets a new id). The viewer's scope, the kinds and the partnership filter mask
both *before* ranking, exactly as :func:`sticoop.search.backend.scope_clause` filters the table; the candidates
are then re-read from the database under that same clause, with their stored vectors, so a stale part can cost
a neighbour but never show an entry the viewer may not see. Without a graph (a small deployment, before the
first reindex or vector job) the matrix holds every entry.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from sticoop.core.principal import Principal
from sticoop.search.graph import Graph, Neighbour, build, extend, folder_of, scope_mask, stamp_of
from sticoop.search.graph import load as load_graph
from sticoop.search.models import SearchEntry

#: characters of an entry (title, then body) the embedder sees: e5 reads 512 tokens at most
EMBED_CHARS = 1200
#: texts per call to the embedder
EMBED_BATCH = 64
#: entries read per query while (re)loading the matrix
LOAD_BATCH = 20_000
#: entries embedded per transaction by the ``search.embed`` job
EMBED_JOB_BATCH = 256


def embedder() -> Any:
    """The process-wide embedder (``sticoop.matchmaking.engine.embeddings.get_embedder``)."""
    from sticoop.matchmaking.engine.embeddings import get_embedder

    return get_embedder()


def entry_text(title: str, body: str) -> str:
    """What is embedded for an entry: its title and the start of its body (:data:`EMBED_CHARS` in all)."""
    return f"{title}. {body}"[:EMBED_CHARS]


def attach(rows: Sequence[dict[str, Any]]) -> None:
    """Set ``embedding`` (float32 bytes) and ``embedder`` on each ``search_entries`` row dict. A text embedded
    before in this process (the same record saved again, a demo or an import loaded twice, a reindex) takes its
    vector from :data:`_recent` (the same bytes the embedder gave: it is deterministic); the others are embedded in
    batches of :data:`EMBED_BATCH` texts."""
    model = embedder()
    texts = [entry_text(r["title"], r["body"]) for r in rows]
    known = {text: _recent.get(model.name, text) for text in dict.fromkeys(texts)}
    missing = [text for text, vector in known.items() if vector is None]
    for start in range(0, len(missing), EMBED_BATCH):
        batch = missing[start:start + EMBED_BATCH]
        for text, vector in zip(batch, model.embed(batch).astype("<f4"), strict=True):
            stored = known[text] = vector.tobytes()
            _recent.put(model.name, text, stored)
    for row, text in zip(rows, texts, strict=True):
        row["embedding"] = known[text]
        row["embedder"] = model.name


class RecentVectors:
    """The vectors of the last ``size`` texts embedded in this process, by (embedder, text): least recently used
    first out, thread-safe. 10,000 vectors of 384 floats hold about 15 MB."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, name: str, text: str) -> bytes | None:
        """The stored vector of ``text`` under embedder ``name``, or None."""
        with self._lock:
            vector = self._items.get((name, text))
            if vector is not None:
                self._items.move_to_end((name, text))
            return vector

    def put(self, name: str, text: str, vector: bytes) -> None:
        """Keep ``vector`` for ``text``, dropping the least recently used beyond ``size``."""
        with self._lock:
            self._items[(name, text)] = vector
            self._items.move_to_end((name, text))
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        """Forget every vector (tests)."""
        with self._lock:
            self._items.clear()


#: the process's recently embedded texts (:func:`attach`)
_recent = RecentVectors(10_000)


def _waiting(name: str) -> Any:
    return SearchEntry.embedding.is_(None) | SearchEntry.embedder.is_distinct_from(name)


def embed_batch(db: Session, after: int = 0, batch: int = 500, missing_only: bool = False) -> tuple[int, int]:
    """Compute the vectors of the first ``batch`` entries after id ``after`` that have none or another
    embedder's (``missing_only``: that have none, found on the partial index of migration 0027), in ``db``'s
    transaction. Returns (entries done, the last id done; ``after`` when none)."""
    name = embedder().name
    connection = db.connection()
    waiting = SearchEntry.embedding.is_(None) if missing_only else _waiting(name)
    rows = connection.execute(select(SearchEntry.id, SearchEntry.title, SearchEntry.body)
                              .where(waiting, SearchEntry.id > after)
                              .order_by(SearchEntry.id).limit(batch)).all()
    if not rows:
        return 0, after
    dicts = [{"id": r.id, "title": r.title, "body": r.body} for r in rows]
    attach(dicts)
    for row in dicts:
        connection.execute(update(SearchEntry).where(SearchEntry.id == row["id"])
                           .values(embedding=row["embedding"], embedder=row["embedder"]))
    return len(rows), rows[-1].id


def backfill(db: Session, batch: int = 500) -> int:
    """Compute the vector of every entry that has none or another embedder's (after the migration that adds
    them, or when the embedder changed), ``batch`` entries at a time in id order, in ``db``'s transaction.
    Returns how many."""
    done, last = 0, 0
    while True:
        n, last = embed_batch(db, last, batch)
        if not n:
            return done
        done += n


def embed_waiting(session: Callable[[], AbstractContextManager[Session]], batch: int = EMBED_JOB_BATCH,
                  progress: Callable[[int], None] | None = None) -> int:
    """The work of the ``search.embed`` job: the waiting vectors, ``batch`` entries per transaction of its own
    (``session()`` opens one; searches see each batch as it commits), then the graph brought up to date.
    ``progress(done)`` after each batch. Returns the entries embedded. Entries holding another embedder's
    vector (the embedder was changed) are left to :func:`backfill` (``sticoop search reindex``)."""
    done, last = 0, 0
    while True:
        with session() as db:
            n, last = embed_batch(db, last, batch, missing_only=True)
        if not n:
            break
        done += n
        if progress is not None:
            progress(done)
    with session() as db:
        update_graph(db)
    return done


@lru_cache(maxsize=2048)
def _query_vector(name: str, q: str) -> np.ndarray:
    vector: np.ndarray = embedder().embed([q])[0].astype(np.float32)
    vector.setflags(write=False)
    return vector


def query_vector(q: str) -> np.ndarray:
    """The (read-only, cached per process) vector of a query, shape ``(dim,)``, L2-normalised."""
    return _query_vector(embedder().name, q.strip())


class VectorMatrix:
    """The vectors of the entries after ``start`` (the graph's ``last_id``; 0 without a graph) in one contiguous
    float32 matrix, with the columns the scope needs.

    ``refresh`` loads, in id order, the entries with a vector up to the first one still waiting for its vector
    (so an entry embedded late by the job is never skipped); a lower highest id than loaded (a rebuild emptied
    the table) reloads all. Capacity doubles, so a refresh costs amortised O(new rows). Entries removed since
    are found when the candidates are re-read and marked dead.
    """

    def __init__(self, name: str, dim: int, start: int = 0) -> None:
        self.name, self.dim, self.start = name, dim, start
        self.size, self.last_id = 0, start
        self._lock = threading.Lock()
        self.kind_codes: dict[str, int] = {}
        self.vectors: np.ndarray = np.zeros((0, dim), dtype=np.float32)
        self.ids: np.ndarray = np.zeros(0, dtype=np.int64)
        self.partnership: np.ndarray = np.zeros(0, dtype=np.int64)  # -1: general
        self.editors_only: np.ndarray = np.zeros(0, dtype=np.bool_)
        self.confidential: np.ndarray = np.zeros(0, dtype=np.bool_)
        self.kind: np.ndarray = np.zeros(0, dtype=np.int16)
        self.alive: np.ndarray = np.zeros(0, dtype=np.bool_)

    _COLUMNS = ("vectors", "ids", "partnership", "editors_only", "confidential", "kind", "alive")

    def _allocate(self, capacity: int) -> None:
        for name in self._COLUMNS:
            old: np.ndarray = getattr(self, name)
            new = np.zeros((capacity, *old.shape[1:]), dtype=old.dtype)
            new[:self.size] = old[:self.size]
            setattr(self, name, new)

    def _append(self, rows: Sequence[Any]) -> None:
        need = self.size + len(rows)
        if need > len(self.ids):
            self._allocate(max(need, 2 * len(self.ids)))
        block = slice(self.size, need)
        self.vectors[block] = np.frombuffer(b"".join(r.embedding for r in rows), dtype="<f4").reshape(-1, self.dim)
        self.ids[block] = [r.id for r in rows]
        self.partnership[block] = [-1 if r.partnership_id is None else r.partnership_id for r in rows]
        self.editors_only[block] = [bool(r.editors_only) for r in rows]
        self.confidential[block] = [bool(r.confidential) for r in rows]
        self.kind[block] = [self.kind_codes.setdefault(r.kind, len(self.kind_codes)) for r in rows]
        self.alive[block] = True
        self.size = need

    def refresh(self, db: Session) -> None:
        """Bring the matrix up to the table (see the class docstring)."""
        connection = db.connection()
        top = connection.execute(select(func.max(SearchEntry.id))).scalar() or 0
        if top == self.last_id and self._last_row_same(db):
            return
        with self._lock:
            if top < self.last_id or not self._last_row_same(db):
                self.size, self.last_id = 0, self.start  # a rebuild, or SQLite gave a removed entry's id again
            waiting = SearchEntry.embedding.is_(None) | SearchEntry.embedder.is_distinct_from(self.name)
            gap = connection.execute(select(func.min(SearchEntry.id))
                                     .where(SearchEntry.id > self.last_id, waiting)).scalar()
            up_to = top if gap is None else int(gap) - 1
            while self.last_id < up_to:
                rows = connection.execute(
                    select(SearchEntry.id, SearchEntry.kind, SearchEntry.partnership_id, SearchEntry.editors_only,
                           SearchEntry.confidential, SearchEntry.embedding)
                    .where(SearchEntry.id > self.last_id, SearchEntry.id <= up_to, SearchEntry.embedder == self.name)
                    .order_by(SearchEntry.id).limit(LOAD_BATCH)).all()
                if rows:
                    self._append(rows)
                self.last_id = rows[-1].id if len(rows) == LOAD_BATCH else up_to

    def _last_row_same(self, db: Session) -> bool:
        """Whether the newest row loaded is still in the table with the same vector (SQLite reuses the highest
        id after a delete or a rollback)."""
        if not self.size:
            return True
        stored = db.connection().execute(select(SearchEntry.embedding)
                                         .where(SearchEntry.id == int(self.ids[self.size - 1]))).scalar()
        return stored is not None and stored == self.vectors[self.size - 1].astype("<f4").tobytes()

    def mask(self, principal: Principal, kinds: Sequence[str], partnership_id: int | None,
             further: Sequence[int] = (), also: Sequence[int] = ()) -> np.ndarray:
        """The rows ``principal`` may find, of ``kinds`` and of ``partnership_id`` when given
        (:func:`sticoop.search.graph.scope_mask`), live ones only."""
        n = self.size
        return self.alive[:n] & scope_mask(principal, kinds, partnership_id, self.kind_codes, self.kind[:n],
                                           self.partnership[:n], self.editors_only[:n], self.confidential[:n],
                                           self.ids[:n], further, also)

    def nearest(self, vector: np.ndarray, mask: np.ndarray, n: int) -> list[Neighbour]:
        """The ``n`` rows of ``mask`` nearest to ``vector`` (cosine), best first."""
        rows = np.flatnonzero(mask)
        if not len(rows) or n <= 0:
            return []
        # few rows in scope: gather them; many: one product over the whole matrix is cheaper than the copy
        few = len(rows) * 2 < self.size
        scores = self.vectors[rows] @ vector if few else (self.vectors[:self.size] @ vector)[rows]
        top = np.argpartition(-scores, n - 1)[:n] if len(rows) > n else np.arange(len(rows))
        top = top[np.argsort(-scores[top], kind="stable")]
        return [Neighbour(int(self.ids[rows[i]]), float(scores[i])) for i in top]

    def forget(self, entry_ids: Sequence[int]) -> None:
        """Mark these entries dead (gone from the table)."""
        if entry_ids:
            self.alive[:self.size][np.isin(self.ids[:self.size], list(entry_ids))] = False


#: how often (seconds) a process looks whether a new graph was written
GRAPH_CHECK_S = 1.0


class Vectors:
    """One database's nearest-neighbour search in this process: its graph (reloaded when a new one is written)
    and the matrix of the entries after it."""

    def __init__(self, name: str, dim: int, folder: Path) -> None:
        self.name, self.dim, self.folder = name, dim, folder
        self.graph: Graph | None = None
        self.stamp, self.checked = 0, -GRAPH_CHECK_S
        self.delta = VectorMatrix(name, dim)
        self._lock = threading.Lock()

    def refresh(self, db: Session) -> None:
        """Reload the graph if a new one was written (looked at once a second at most), then top up the matrix."""
        now = time.monotonic()
        if now - self.checked >= GRAPH_CHECK_S:
            with self._lock:
                self.checked = now
                stamp = stamp_of(self.folder)
                if stamp != self.stamp:
                    graph = load_graph(self.folder) if stamp else None
                    self.graph = graph if graph is not None and graph.matches(db) else None
                    self.stamp = stamp
                    self.delta = VectorMatrix(self.name, self.dim, self.graph.last_id if self.graph else 0)
        self.delta.refresh(db)

    def nearest(self, vector: np.ndarray, principal: Principal, kinds: Sequence[str], partnership_id: int | None,
                n: int, further: Sequence[int] = (), also: Sequence[int] = ()) -> list[Neighbour]:
        """The ``n`` entries the principal may find nearest to ``vector``, best first, from both parts
        (``further``: entry ids found through a record's further partnerships, ``backend.further_entries``)."""
        found = self.delta.nearest(vector, self.delta.mask(principal, kinds, partnership_id, further, also), n)
        graph = self.graph
        if graph is not None and len(graph):
            found += graph.nearest(vector, graph.mask(principal, kinds, partnership_id, further, also), n)
        return sorted(found, key=lambda nb: -nb.similarity)[:n]

    def forget(self, entry_ids: Sequence[int]) -> None:
        """Entries found gone from the table (the matrix marks them dead; the graph keeps them until rebuilt)."""
        self.delta.forget(entry_ids)


_parts: dict[tuple[str, str], Vectors] = {}
_parts_lock = threading.Lock()


def vectors_for(db: Session) -> Vectors:
    """The process's nearest-neighbour search of the session's database for the current embedder, refreshed."""
    model = embedder()
    key = (db.get_bind().engine.url.render_as_string(hide_password=True), model.name)
    with _parts_lock:
        found = _parts.get(key)
        if found is None:
            found = _parts[key] = Vectors(model.name, model.dim, folder_of(db, model.name))
    found.refresh(db)
    return found


def reset() -> None:
    """Forget every process matrix and graph (tests; after a database is dropped)."""
    with _parts_lock:
        _parts.clear()


def update_graph(db: Session) -> int:
    """Add the entries embedded since the graph was built to it (:func:`sticoop.search.graph.extend`)."""
    model = embedder()
    return extend(db, model.name, model.dim, folder_of(db, model.name))


def rebuild_graph(db: Session) -> int:
    """Build the graph again from every entry with a vector (after the reindex). Returns its entries."""
    model = embedder()
    return build(db, model.name, model.dim, folder_of(db, model.name))
