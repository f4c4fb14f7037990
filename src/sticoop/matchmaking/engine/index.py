"""Vector indexes behind one interface.

The matcher only needs "the k nearest profiles by cosine, optionally restricted to some ids". For the
thousands of profiles a ministry or a fair holds, exact search in numpy is fast and simplest
(``NumpyIndex``). For very large marketplaces ``UsearchIndex`` (HNSW from the ``usearch`` package) keeps a
query around a millisecond. Both take L2-normalised float32 vectors and return ``(id, cosine)`` pairs,
best first. Ids are any hashable (profile UUIDs, ints); the index maps them to rows/keys itself.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Hashable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

Id = Hashable


def _as_matrix(vectors: np.ndarray, dim: int | None) -> np.ndarray:
    m = np.asarray(vectors, dtype=np.float32)
    if m.ndim == 1:
        m = m[None, :]
    if m.ndim != 2:
        raise ValueError(f"vectors must be 2-D (n, dim), got shape {m.shape}")
    if dim is not None and m.shape[1] != dim:
        raise ValueError(f"vectors have dimension {m.shape[1]}, the index expects {dim}")
    return np.ascontiguousarray(m)


class VectorIndex(ABC):
    """Nearest-neighbour search by cosine over L2-normalised vectors."""

    dim: int

    @abstractmethod
    def add(self, ids: Sequence[Id], vectors: np.ndarray) -> None:
        """Add or replace vectors (an id already present is overwritten)."""

    @abstractmethod
    def remove(self, ids: Iterable[Id]) -> None:
        """Remove ids; unknown ids are ignored."""

    @abstractmethod
    def search(self, vector: np.ndarray, k: int,
               allowed_ids: Iterable[Id] | None = None) -> list[tuple[Id, float]]:
        """Return up to ``k`` ``(id, cosine)`` pairs, best first, among ``allowed_ids`` if given."""

    @abstractmethod
    def memory_bytes(self) -> int:
        """Approximate memory held by the vectors and the index structure."""

    @abstractmethod
    def __len__(self) -> int: ...

    @abstractmethod
    def __contains__(self, id_: object) -> bool: ...

    def get(self, id_: Id) -> np.ndarray | None:
        """The stored vector of ``id_`` (None when absent); used to score explicit candidate pairs."""
        return None

    def get_many(self, ids: Sequence[Id]) -> np.ndarray:
        """The stored vectors of ``ids`` (all present) as one ``(len(ids), dim)`` float32 matrix, in one call."""
        rows = [self.get(i) for i in ids]
        missing = [i for i, r in zip(ids, rows, strict=True) if r is None]
        if missing:
            raise KeyError(f"not indexed: {missing[:5]!r}")
        found = [r for r in rows if r is not None]
        return np.stack(found).astype(np.float32) if found else np.zeros((0, self.dim), dtype=np.float32)

    def search_groups(self, vector: np.ndarray, k: int,
                      groups: Sequence[Iterable[Id]]) -> list[list[tuple[Id, float]]]:
        """``search`` restricted to each group in turn (e.g. one group per language)."""
        return [self.search(vector, k, allowed_ids=g) for g in groups]


def _top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Row positions of the ``k`` largest scores, sorted descending (argpartition: O(n))."""
    k = min(k, scores.shape[0])
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    part = np.argpartition(-scores, k - 1)[:k] if k < scores.shape[0] else np.arange(scores.shape[0])
    return part[np.argsort(-scores[part], kind="stable")]


class NumpyIndex(VectorIndex):
    """Exact search: one matrix-vector product over a contiguous float32 matrix.

    Rows are kept dense (removal moves the last row into the hole), so search is a single BLAS call; at
    100,000 × 384 that is ≈150 MB and a few tens of milliseconds on two cores.
    """

    def __init__(self, dim: int, initial_capacity: int = 1024):
        self.dim = dim
        self._matrix = np.zeros((initial_capacity, dim), dtype=np.float32)
        self._ids: list[Id] = []
        self._row: dict[Id, int] = {}
        self._version = 0  # bumped on every change; invalidates the cached rows of a filter
        self._rows_cache: dict[int, tuple[frozenset, int, np.ndarray]] = {}

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, id_: object) -> bool:
        return id_ in self._row

    def _reserve(self, n: int) -> None:
        if n > self._matrix.shape[0]:
            grown = np.zeros((max(n, 2 * self._matrix.shape[0]), self.dim), dtype=np.float32)
            grown[: len(self._ids)] = self._matrix[: len(self._ids)]
            self._matrix = grown

    def add(self, ids: Sequence[Id], vectors: np.ndarray) -> None:
        m = _as_matrix(vectors, self.dim)
        if len(ids) != m.shape[0]:
            raise ValueError(f"{len(ids)} ids for {m.shape[0]} vectors")
        self._reserve(len(self._ids) + m.shape[0])
        self._version += 1
        for id_, vec in zip(ids, m, strict=True):
            row = self._row.get(id_)
            if row is None:
                row = len(self._ids)
                self._ids.append(id_)
                self._row[id_] = row
            self._matrix[row] = vec

    def remove(self, ids: Iterable[Id]) -> None:
        self._version += 1
        for id_ in ids:
            row = self._row.pop(id_, None)
            if row is None:
                continue
            last = len(self._ids) - 1
            if row != last:
                moved = self._ids[last]
                self._matrix[row] = self._matrix[last]
                self._ids[row] = moved
                self._row[moved] = row
            self._ids.pop()

    def get(self, id_: Id) -> np.ndarray | None:
        row = self._row.get(id_)
        return None if row is None else self._matrix[row].copy()

    def get_many(self, ids: Sequence[Id]) -> np.ndarray:
        return self._matrix[np.fromiter((self._row[i] for i in ids), dtype=np.int64, count=len(ids))]

    def search(self, vector: np.ndarray, k: int,
               allowed_ids: Iterable[Id] | None = None) -> list[tuple[Id, float]]:
        q = _as_matrix(vector, self.dim)[0]
        n = len(self._ids)
        if n == 0 or k <= 0:
            return []
        if allowed_ids is None:
            scores = self._matrix[:n] @ q
            order = _top_k(scores, k)
            return [(self._ids[i], float(scores[i])) for i in order]
        return self.search_groups(q, k, [allowed_ids])[0]

    def search_groups(self, vector: np.ndarray, k: int,
                      groups: Sequence[Iterable[Id]]) -> list[list[tuple[Id, float]]]:
        q = _as_matrix(vector, self.dim)[0]
        n = len(self._ids)
        rows_per_group = [self._allowed_rows(g) for g in groups]
        total = sum(r.size for r in rows_per_group)
        if n == 0 or k <= 0 or total == 0:
            return [[] for _ in groups]
        # Large filters: one product over the whole matrix, then gather, beats gathering the matrix rows.
        full = self._matrix[:n] @ q if total > n // 4 else None
        out: list[list[tuple[Id, float]]] = []
        for rows in rows_per_group:
            if rows.size == 0:
                out.append([])
                continue
            scores = full[rows] if full is not None else self._matrix[rows] @ q
            order = _top_k(scores, k)
            out.append([(self._ids[rows[i]], float(scores[i])) for i in order])
        return out

    def _allowed_rows(self, allowed_ids: Iterable[Id]) -> np.ndarray:
        """Row numbers of the allowed ids; cached per frozenset until the index changes."""
        if isinstance(allowed_ids, frozenset):
            hit = self._rows_cache.get(id(allowed_ids))
            if hit is not None and hit[0] is allowed_ids and hit[1] == self._version:
                return hit[2]
        rows = np.fromiter((self._row[i] for i in allowed_ids if i in self._row), dtype=np.int64)
        if isinstance(allowed_ids, frozenset):
            if len(self._rows_cache) > 64:
                self._rows_cache.clear()
            self._rows_cache[id(allowed_ids)] = (allowed_ids, self._version, rows)
        return rows

    def memory_bytes(self) -> int:
        # Only the used rows count as the "index"; the spare capacity is reported too since it is held.
        return int(self._matrix.nbytes) + 64 * len(self._ids)


class UsearchIndex(VectorIndex):
    """Approximate search (HNSW) via ``usearch``, for indexes of ~10⁵ profiles and more.

    Vectors are stored as ``dtype`` (default float16: half the memory, no measurable recall loss for
    normalised embeddings). A filtered search (``allowed_ids``) over a small allowed set is done exactly
    on the stored vectors, which is both faster and exact; for large allowed sets the graph is searched
    with an over-fetch and the result filtered.
    """

    def __init__(self, dim: int, dtype: str = "f16", connectivity: int = 16, expansion_add: int = 64,
                 expansion_search: int = 64, exact_filter_below: int = 20_000):
        from usearch.index import Index

        self.dim = dim
        self._index = Index(ndim=dim, metric="cos", dtype=dtype, connectivity=connectivity,
                            expansion_add=expansion_add, expansion_search=expansion_search)
        self._key_of: dict[Id, int] = {}
        self._id_of: dict[int, Id] = {}
        self._next_key = 0
        self.exact_filter_below = exact_filter_below

    def __len__(self) -> int:
        return len(self._key_of)

    def __contains__(self, id_: object) -> bool:
        return id_ in self._key_of

    def add(self, ids: Sequence[Id], vectors: np.ndarray) -> None:
        m = _as_matrix(vectors, self.dim)
        if len(ids) != m.shape[0]:
            raise ValueError(f"{len(ids)} ids for {m.shape[0]} vectors")
        self.remove([i for i in ids if i in self._key_of])
        keys = np.arange(self._next_key, self._next_key + len(ids), dtype=np.uint64)
        self._next_key += len(ids)
        for id_, key in zip(ids, keys.tolist(), strict=True):
            self._key_of[id_] = key
            self._id_of[key] = id_
        if len(ids):
            self._index.add(keys, m, threads=0)  # 0 = all cores

    def remove(self, ids: Iterable[Id]) -> None:
        keys = [self._key_of.pop(i) for i in ids if i in self._key_of]
        for key in keys:
            del self._id_of[key]
        if keys:
            self._index.remove(np.asarray(keys, dtype=np.uint64))

    def get(self, id_: Id) -> np.ndarray | None:
        key = self._key_of.get(id_)
        if key is None:
            return None
        return np.asarray(self._index.get(key), dtype=np.float32).reshape(-1)

    def get_many(self, ids: Sequence[Id]) -> np.ndarray:
        if not ids:
            return np.zeros((0, self.dim), dtype=np.float32)
        keys = np.fromiter((self._key_of[i] for i in ids), dtype=np.uint64, count=len(ids))
        return np.asarray(self._index.get(keys), dtype=np.float32).reshape(len(ids), self.dim)

    def search(self, vector: np.ndarray, k: int,
               allowed_ids: Iterable[Id] | None = None) -> list[tuple[Id, float]]:
        q = _as_matrix(vector, self.dim)[0]
        if not self._key_of or k <= 0:
            return []
        if allowed_ids is not None:
            # a large filter given as a (frozen)set is only asked "is this id in it?": no copy per query
            if isinstance(allowed_ids, (set, frozenset)) and len(allowed_ids) > self.exact_filter_below:
                return self._search_filtered(q, k, allowed_ids)
            allowed = [i for i in allowed_ids if i in self._key_of]
            if not allowed:
                return []
            if len(allowed) <= self.exact_filter_below:
                keys = np.asarray([self._key_of[i] for i in allowed], dtype=np.uint64)
                mat = np.asarray(self._index.get(keys), dtype=np.float32).reshape(len(allowed), self.dim)
                scores = mat @ q
                order = _top_k(scores, k)
                return [(allowed[i], float(scores[i])) for i in order]
            return self._search_filtered(q, k, set(allowed))
        return self._search_graph(q, k)

    def _search_filtered(self, q: np.ndarray, k: int, allowed: set[Id] | frozenset[Id]) -> list[tuple[Id, float]]:
        """The graph searched with an over-fetch (×4, growing ×4) until ``k`` allowed ids are found."""
        fetch = min(len(self._key_of), k * 4)
        while True:
            hits = self._search_graph(q, fetch)
            kept = [(i, s) for i, s in hits if i in allowed]
            if len(kept) >= k or fetch >= len(self._key_of):
                return kept[:k]
            fetch = min(len(self._key_of), fetch * 4)

    def _search_graph(self, q: np.ndarray, k: int) -> list[tuple[Id, float]]:
        matches = self._index.search(q, min(k, len(self._key_of)))
        return [(self._id_of[int(key)], 1.0 - float(dist))
                for key, dist in zip(matches.keys, matches.distances, strict=True)
                if int(key) in self._id_of]

    def memory_bytes(self) -> int:
        return int(self._index.memory_usage) + 128 * len(self._key_of)

    def save(self, path: str | Path) -> dict[str, Any]:
        """Write the graph and its vectors to ``path``. Returns what :meth:`restore` needs besides the file
        (which id each key stands for; JSON-ready when ids are ints or strings)."""
        self._index.save(str(path))
        return {"dim": self.dim, "keys": [[key, id_] for id_, key in self._key_of.items()],
                "next_key": self._next_key, "expansion_add": self._index.expansion_add,
                "expansion_search": self._index.expansion_search, "exact_filter_below": self.exact_filter_below}

    @classmethod
    def restore(cls, path: str | Path, state: dict[str, Any]) -> UsearchIndex:
        """The index :meth:`save` wrote; ValueError when the file is not one or does not match ``state``."""
        from usearch.index import Index

        index = Index.restore(str(path))
        if index is None:
            raise ValueError(f"{path} is not a usearch index")
        keys = state["keys"]
        if index.ndim != state["dim"] or len(index) != len(keys):
            raise ValueError(f"{path} holds {len(index)} vectors of dimension {index.ndim}; its manifest says "
                             f"{len(keys)} of dimension {state['dim']}")
        # not stored in the file: restore what the graph was built with (usearch declares these
        # properties' setters apart from their getters, which mypy does not see)
        index.expansion_add = state["expansion_add"]  # type: ignore[misc]
        index.expansion_search = state["expansion_search"]  # type: ignore[misc]
        self = cls.__new__(cls)
        self.dim = state["dim"]
        self._index = index
        self._key_of = {id_: int(key) for key, id_ in keys}
        self._id_of = {int(key): id_ for key, id_ in keys}
        self._next_key = int(state["next_key"])
        self.exact_filter_below = state["exact_filter_below"]
        return self


def make_index(dim: int, kind: str = "auto", expected_size: int = 0) -> VectorIndex:
    """Choose an index: exact numpy below ~50,000 vectors, HNSW (usearch) above if it is installed."""
    if kind == "numpy" or (kind == "auto" and expected_size < 50_000):
        return NumpyIndex(dim)
    try:
        return UsearchIndex(dim)
    except ImportError:
        if kind == "usearch":
            raise
        return NumpyIndex(dim, initial_capacity=max(expected_size, 1024))
