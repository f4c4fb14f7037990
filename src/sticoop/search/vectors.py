"""The semantic half of the search box: each entry's vector, and the nearest entries to a query's vector.

Vectors come from the multilingual embedder the matchmaking ships (``matchmaking.engine.embeddings``, through
its ``Embedder`` interface: ``get_embedder()``, multilingual-e5-small by default, ``$STICOOP_EMBEDDER`` to
choose), so "wastewater treatment" lies near "xử lý nước thải" and "traitement des eaux usées". An entry's
vector is computed once per version of the entry: in the write's transaction (:func:`attach`, called by the
index's flush hook and by the rebuild) — never on a read. A query's vector is computed per distinct query and
kept in a small per-process cache.

Nearest neighbours are found in a per-process contiguous float32 matrix of every entry's vector
(:class:`VectorMatrix`), read from ``search_entries`` once and then topped up by entry id (an entry rewritten by
a write gets a new id): no Python loop over the rows per query. The viewer's scope, the kinds and the
partnership filter mask the matrix *before* ranking, exactly as :func:`sticoop.search.backend.scope_clause`
filters the table; the candidates are then re-read from the database under that same clause, with their stored
vectors, so a stale matrix can cost a neighbour but never show an entry the viewer may not see.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from sticoop.core.principal import Principal
from sticoop.search.models import SearchEntry

#: characters of an entry (title, then body) the embedder sees: e5 reads 512 tokens at most
EMBED_CHARS = 1200
#: texts per call to the embedder
EMBED_BATCH = 64
#: entries read per query while (re)loading the matrix
LOAD_BATCH = 20_000


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


def backfill(db: Session, batch: int = 500) -> int:
    """Compute the vector of every entry that has none or another embedder's (after the migration that adds
    them, or when the embedder changed), ``batch`` entries at a time in id order. Returns how many."""
    name = embedder().name
    connection, last, done = db.connection(), 0, 0
    stale = (SearchEntry.embedding.is_(None)) | (SearchEntry.embedder.is_distinct_from(name))
    while True:
        rows = connection.execute(select(SearchEntry.id, SearchEntry.title, SearchEntry.body)
                                  .where(stale, SearchEntry.id > last).order_by(SearchEntry.id).limit(batch)).all()
        if not rows:
            return done
        dicts = [{"id": r.id, "title": r.title, "body": r.body} for r in rows]
        attach(dicts)
        for row in dicts:
            connection.execute(update(SearchEntry).where(SearchEntry.id == row["id"])
                               .values(embedding=row["embedding"], embedder=row["embedder"]))
        done += len(rows)
        last = rows[-1].id


@lru_cache(maxsize=2048)
def _query_vector(name: str, q: str) -> np.ndarray:
    vector: np.ndarray = embedder().embed([q])[0].astype(np.float32)
    vector.setflags(write=False)
    return vector


def query_vector(q: str) -> np.ndarray:
    """The (read-only, cached per process) vector of a query, shape ``(dim,)``, L2-normalised."""
    return _query_vector(embedder().name, q.strip())


@dataclass
class Neighbour:
    """An entry near the query: its ``search_entries`` id and cosine similarity (−1…1)."""

    entry_id: int
    similarity: float


class VectorMatrix:
    """Every entry's vector of one database in one contiguous float32 matrix, with the columns the scope needs.

    ``refresh`` compares the highest entry id with the one loaded: higher, the new entries are appended
    (capacity doubles, so a write costs amortised O(new rows)); lower (a rebuild emptied the table), the whole
    matrix is reloaded. Entries removed since are found when the candidates are re-read and marked dead.
    """

    def __init__(self, name: str, dim: int) -> None:
        self.name, self.dim = name, dim
        self.size, self.last_id = 0, 0
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
        top = db.connection().execute(select(func.max(SearchEntry.id))).scalar() or 0
        if top == self.last_id and self._last_row_same(db):
            return
        with self._lock:
            if top < self.last_id or not self._last_row_same(db):
                self.size, self.last_id = 0, 0  # a rebuild, or SQLite gave a removed entry's id to a new one
            while True:
                rows = db.connection().execute(
                    select(SearchEntry.id, SearchEntry.kind, SearchEntry.partnership_id, SearchEntry.editors_only,
                           SearchEntry.confidential, SearchEntry.embedding)
                    .where(SearchEntry.id > self.last_id, SearchEntry.embedder == self.name)
                    .order_by(SearchEntry.id).limit(LOAD_BATCH)).all()
                if rows:
                    self._append(rows)
                    self.last_id = rows[-1].id
                if len(rows) < LOAD_BATCH:
                    self.last_id = max(self.last_id, top)
                    return

    def _last_row_same(self, db: Session) -> bool:
        """Whether the newest row loaded is still in the table with the same vector (SQLite reuses the highest
        id after a delete or a rollback)."""
        if not self.size:
            return True
        stored = db.connection().execute(select(SearchEntry.embedding)
                                         .where(SearchEntry.id == int(self.ids[self.size - 1]))).scalar()
        return stored is not None and stored == self.vectors[self.size - 1].astype("<f4").tobytes()

    def mask(self, principal: Principal, kinds: Sequence[str], partnership_id: int | None) -> np.ndarray:
        """The rows ``principal`` may find, of ``kinds`` and of ``partnership_id`` when given: the same rule
        as :func:`sticoop.search.backend.scope_clause`, on the arrays."""
        n = self.size
        if not principal.signed_in:
            return np.zeros(n, dtype=np.bool_)
        allowed = self.alive[:n].copy()
        codes = [self.kind_codes[k] for k in kinds if k in self.kind_codes]
        allowed &= np.isin(self.kind[:n], codes)
        if partnership_id is not None:
            allowed &= self.partnership[:n] == partnership_id
        if principal.sees_everything:
            return allowed
        general = self.partnership[:n] == -1
        if not principal.is_editor:
            general &= ~self.editors_only[:n]
        scoped = general | np.isin(self.partnership[:n], sorted(principal.partnership_ids))
        if not principal.sees_confidential:
            scoped &= ~self.confidential[:n]
        return allowed & scoped

    def nearest(self, vector: np.ndarray, mask: np.ndarray, n: int) -> list[Neighbour]:
        """The ``n`` rows of ``mask`` nearest to ``vector`` (cosine), best first."""
        rows = np.flatnonzero(mask)
        if not len(rows):
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


_matrices: dict[tuple[str, str], VectorMatrix] = {}
_matrices_lock = threading.Lock()


def matrix_for(db: Session) -> VectorMatrix:
    """The process's matrix of the session's database for the current embedder, refreshed."""
    model = embedder()
    key = (db.get_bind().engine.url.render_as_string(hide_password=True), model.name)
    with _matrices_lock:
        matrix = _matrices.get(key)
        if matrix is None:
            matrix = _matrices[key] = VectorMatrix(model.name, model.dim)
    matrix.refresh(db)
    return matrix


def reset() -> None:
    """Forget every process matrix (tests; after a database is dropped)."""
    with _matrices_lock:
        _matrices.clear()
