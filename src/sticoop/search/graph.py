"""The HNSW graph of the search entries' vectors (``usearch``), persisted in the data folder and shared by the
processes of a deployment, so a million entries never become a per-process float32 matrix (2.1 M × 384 floats
are 3.2 GB; the graph stores half-precision vectors and each process maps the file read-only).

A graph holds the entries that had a vector when it was built, keyed by their ``search_entries`` id (an entry
rewritten by a write gets a new id, so a key never changes meaning, except on SQLite when the highest id is
removed and given again: the candidates are re-read from the table under the viewer's scope, with their stored
vectors, so a stale key can cost a neighbour but never show an entry the viewer may not see). Beside the graph,
``scope.npz`` keeps each key's scope columns (kind, partnership, editors only, confidential): the viewer's scope
masks the keys before ranking — exactly over the allowed vectors when few are allowed
(:data:`EXACT_BELOW`), otherwise by walking the graph with an over-fetch until enough allowed keys are found.

``last_id``: every entry up to it that has a vector is in the graph (the build stops before the first entry
still waiting for its vector), so entries after it are the small "delta" a process keeps in memory
(:class:`sticoop.search.vectors.VectorMatrix`). Built by ``sticoop search reindex`` and by the vector job once
:data:`MERGE_FROM` entries wait outside it (:func:`extend`); written to temporary files and renamed, so a
reader sees the old graph or the new one, never half of one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sticoop.core.principal import Principal
from sticoop.search.models import SearchEntry

#: HNSW parameters (Malkov & Yashunin 2018): links per node, candidate lists while adding and searching
CONNECTIVITY, EXPANSION_ADD, EXPANSION_SEARCH = 16, 128, 128
#: allowed entries below which the nearest are computed exactly over their vectors instead of the graph.
#: Measured at 210,068 entries (a viewer allowed 12,700): reading the allowed vectors out of usearch costs
#: ≈1.1 µs each (14 ms), the filtered graph walk ≈8 ms; 5,000 keeps the exact path under ≈6 ms
EXACT_BELOW = 5_000
#: entries with a vector outside the graph from which the vector job adds them to it (below: the delta)
MERGE_FROM = 10_000
#: scope masks a graph keeps (:meth:`Graph.mask`; 2.1 MB each at 2.1 M keys)
MASKS_KEPT = 32
#: entries read per query while building
READ_BATCH = 20_000
_GRAPH, _SCOPE, _META = "graph.usearch", "scope.npz", "meta.json"


def folder_for(url: str, embedder_name: str, data_dir: Path | None = None) -> Path:
    """The graph's folder of a database and embedder: ``data_dir/search/<12 hex of the URL>-<embedder>``."""
    if data_dir is None:
        from sticoop.core.config import get_settings

        data_dir = get_settings().data_dir
    digest = hashlib.sha1(url.encode()).hexdigest()[:12]
    return Path(data_dir) / "search" / f"{digest}-{re.sub(r'[^A-Za-z0-9._-]+', '_', embedder_name)}"


def folder_of(db: Session, embedder_name: str) -> Path:
    """:func:`folder_for` the session's database."""
    return folder_for(db.get_bind().engine.url.render_as_string(hide_password=True), embedder_name)


@dataclass
class Neighbour:
    """An entry near the query: its ``search_entries`` id and cosine similarity (−1…1)."""

    entry_id: int
    similarity: float


def scope_mask(principal: Principal, kinds: Sequence[str], partnership_id: int | None, kind_codes: dict[str, int],
               kind: np.ndarray, partnership: np.ndarray, editors_only: np.ndarray,
               confidential: np.ndarray, ids: np.ndarray | None = None,
               further: Sequence[int] = (), also: Sequence[int] = ()) -> np.ndarray:
    """The rows ``principal`` may find, of ``kinds`` and of ``partnership_id`` when given (``partnership`` −1:
    general; or an entry id in ``also``, of it through a link table), and the rows whose entry id (``ids``) is
    in ``further`` (found through a record's further partnerships): the rule of
    :func:`sticoop.search.backend.scope_clause`, on arrays of one length."""
    n = len(kind)
    if not principal.signed_in:
        return np.zeros(n, dtype=np.bool_)
    allowed = np.isin(kind, [kind_codes[k] for k in kinds if k in kind_codes])
    if partnership_id is not None:
        of = partnership == partnership_id
        if also and ids is not None:
            of |= np.isin(ids, list(also))
        allowed &= of
    if principal.sees_everything:
        return allowed
    general = partnership == -1
    if not principal.is_editor:
        general &= ~editors_only
    scoped = general | np.isin(partnership, sorted(principal.partnership_ids))
    if further and ids is not None:
        scoped |= np.isin(ids, list(further))
    if not principal.sees_confidential:
        scoped &= ~confidential
    return np.asarray(allowed & scoped)


class Graph:
    """A persisted graph, mapped read-only (see the module docstring)."""

    def __init__(self, index: Any, arrays: dict[str, np.ndarray], kinds: list[str], last_id: int,
                 stamp: int, check: str = "") -> None:
        self.index = index
        self.ids: np.ndarray = arrays["ids"]  # sorted entry ids, int64
        self.kind, self.partnership = arrays["kind"], arrays["partnership"]
        self.editors_only, self.confidential = arrays["editors_only"], arrays["confidential"]
        self.kind_codes = {k: i for i, k in enumerate(kinds)}
        self.last_id, self.stamp, self.check = last_id, stamp, check
        self._masks: dict[tuple[Any, ...], np.ndarray] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.ids)

    def matches(self, db: Session) -> bool:
        """Whether the graph belongs to the table as it is: its newest key is still there with the vector it was
        built from (a rebuild of the index, or an emptied table, gives the ids to other entries)."""
        if not len(self.ids):
            return True
        stored = db.connection().execute(select(SearchEntry.embedding)
                                         .where(SearchEntry.id == int(self.ids[-1]))).scalar()
        return stored is not None and hashlib.sha1(stored).hexdigest() == self.check

    def mask(self, principal: Principal, kinds: Sequence[str], partnership_id: int | None,
             further: Sequence[int] = (), also: Sequence[int] = ()) -> np.ndarray:
        """Allowed rows of :attr:`ids` (:func:`scope_mask`), read-only. Kept for the last
        :data:`MASKS_KEPT` scopes without link-table entries (a mask over 2.1 M keys costs 15–25 ms: every
        query of the same role, partnerships and kinds would compute the same one again)."""
        if further or also:
            return scope_mask(principal, kinds, partnership_id, self.kind_codes, self.kind, self.partnership,
                              self.editors_only, self.confidential, self.ids, further, also)
        key = (principal.signed_in, principal.sees_everything, principal.is_editor, principal.sees_confidential,
               frozenset() if principal.sees_everything else principal.partnership_ids, tuple(sorted(kinds)),
               partnership_id)
        with self._lock:
            found = self._masks.pop(key, None)
        if found is None:
            found = scope_mask(principal, kinds, partnership_id, self.kind_codes, self.kind, self.partnership,
                               self.editors_only, self.confidential, self.ids)
            found.flags.writeable = False
        with self._lock:
            self._masks[key] = found  # the most recent last
            while len(self._masks) > MASKS_KEPT:
                self._masks.pop(next(iter(self._masks)))
        return found

    def nearest(self, vector: np.ndarray, mask: np.ndarray, n: int) -> list[Neighbour]:
        """The ``n`` allowed entries nearest to ``vector`` (cosine, from the graph's half-precision vectors),
        best first."""
        allowed = int(mask.sum())
        if not allowed or n <= 0:
            return []
        if allowed <= EXACT_BELOW:
            return self._exact(vector, mask, n)
        fetch = min(len(self.ids), max(4 * n, int(4 * n * len(self.ids) / allowed)))
        while True:
            found = self.index.search(vector, fetch)
            keys = np.asarray(found.keys, dtype=np.int64)
            rows = np.searchsorted(self.ids, keys)
            rows = np.minimum(rows, len(self.ids) - 1)
            ok = (self.ids[rows] == keys) & mask[rows]
            kept = [Neighbour(int(k), 1.0 - float(d)) for k, d, good in zip(keys, found.distances, ok, strict=True)
                    if good]
            if len(kept) >= n:
                return kept[:n]
            if fetch >= len(self.ids):
                # asked for every entry and still short: the walk missed some (HNSW is approximate, and near-equal
                # vectors leave parts of the graph unreached), so the allowed ones are compared one by one
                return kept if len(kept) >= allowed else self._exact(vector, mask, n)
            fetch = min(len(self.ids), fetch * 4)

    def _exact(self, vector: np.ndarray, mask: np.ndarray, n: int) -> list[Neighbour]:
        """The ``n`` allowed entries nearest to ``vector``, each compared (no walk)."""
        keys = self.ids[mask]
        matrix = np.asarray(self.index.get(keys.astype(np.uint64)), dtype=np.float32).reshape(len(keys), -1)
        scores = matrix @ vector
        top = np.argsort(-scores, kind="stable")[:n]
        return [Neighbour(int(keys[i]), float(scores[i])) for i in top]


def load(folder: Path) -> Graph | None:
    """The graph in ``folder`` mapped read-only, or None when there is none (or it is unreadable)."""
    from usearch.index import Index

    try:
        meta = json.loads((folder / _META).read_text())
        index = Index.restore(str(folder / meta["graph"]), view=True)
        with np.load(folder / meta["scope"]) as stored:
            arrays = {name: stored[name] for name in stored.files}
    except (OSError, ValueError, KeyError):
        return None
    if index is None:
        return None
    index.expansion_search = EXPANSION_SEARCH  # type: ignore[misc]  # not stored in the file
    return Graph(index, arrays, meta["kinds"], int(meta["last_id"]), int(meta["stamp"]), meta.get("check", ""))


def stamp_of(folder: Path) -> int:
    """A number that changes whenever a new graph is written in ``folder`` (0: none)."""
    try:
        return (folder / _META).stat().st_mtime_ns
    except OSError:
        return 0


def covered_up_to(db: Session, name: str) -> int:
    """The id before the first entry that has no vector of embedder ``name`` yet (the highest id when all do)."""
    waiting = SearchEntry.embedding.is_(None) | SearchEntry.embedder.is_distinct_from(name)
    first = db.connection().execute(select(func.min(SearchEntry.id)).where(waiting)).scalar()
    if first is not None:
        return int(first) - 1
    return int(db.connection().execute(select(func.max(SearchEntry.id))).scalar() or 0)


def _rows(db: Session, name: str, after: int, up_to: int) -> Any:
    """The entries with a vector of ``name`` in (``after``, ``up_to``], in batches of :data:`READ_BATCH`."""
    last = after
    while True:
        rows = db.connection().execute(
            select(SearchEntry.id, SearchEntry.kind, SearchEntry.partnership_id, SearchEntry.editors_only,
                   SearchEntry.confidential, SearchEntry.embedding)
            .where(SearchEntry.id > last, SearchEntry.id <= up_to, SearchEntry.embedder == name)
            .order_by(SearchEntry.id).limit(READ_BATCH)).all()
        if not rows:
            return
        yield rows
        last = rows[-1].id


def build(db: Session, name: str, dim: int, folder: Path, base: Graph | None = None) -> int:
    """Write the graph of every entry with a vector of embedder ``name`` up to :func:`covered_up_to` into
    ``folder`` (``base``: a graph of that folder to extend with the entries after its ``last_id``). Returns
    the entries in the new graph."""
    from usearch.index import Index

    up_to = covered_up_to(db, name)
    index = Index(ndim=dim, metric="cos", dtype="f16", connectivity=CONNECTIVITY, expansion_add=EXPANSION_ADD,
                  expansion_search=EXPANSION_SEARCH)
    columns: dict[str, list[np.ndarray]] = {k: [] for k in ("ids", "kind", "partnership", "editors_only",
                                                             "confidential")}
    kinds: list[str] = []
    after, check = 0, ""
    if base is not None:
        check = base.check
        index.load(str(folder / json.loads((folder / _META).read_text())["graph"]))
        kinds = list(base.kind_codes)
        for key in columns:
            columns[key].append(np.asarray(getattr(base, key)))
        after = base.last_id
    codes = {k: i for i, k in enumerate(kinds)}
    for rows in _rows(db, name, after, up_to):
        ids = np.fromiter((r.id for r in rows), dtype=np.int64, count=len(rows))
        vectors = np.frombuffer(b"".join(r.embedding for r in rows), dtype="<f4").reshape(len(rows), dim)
        index.add(ids.astype(np.uint64), vectors, threads=0)
        columns["ids"].append(ids)
        check = hashlib.sha1(rows[-1].embedding).hexdigest()
        columns["kind"].append(np.asarray([codes.setdefault(r.kind, len(codes)) for r in rows], dtype=np.int16))
        columns["partnership"].append(np.asarray([-1 if r.partnership_id is None else r.partnership_id
                                                  for r in rows], dtype=np.int64))
        columns["editors_only"].append(np.asarray([bool(r.editors_only) for r in rows], dtype=np.bool_))
        columns["confidential"].append(np.asarray([bool(r.confidential) for r in rows], dtype=np.bool_))
    arrays = {k: (np.concatenate(v) if v else np.zeros(0, dtype=np.int64)) for k, v in columns.items()}
    _write(folder, index, arrays, {"kinds": list(codes), "last_id": up_to, "check": check})
    return len(arrays["ids"])


def _write(folder: Path, index: Any, arrays: dict[str, np.ndarray], facts: dict[str, Any]) -> None:
    """Save the graph and its scope under new names, then switch ``meta.json`` to them (an atomic rename) and
    remove the previous files."""
    folder.mkdir(parents=True, exist_ok=True)
    tag = f"{os.getpid()}-{os.urandom(4).hex()}"
    graph_name, scope_name = f"graph-{tag}.usearch", f"scope-{tag}.npz"
    index.save(str(folder / graph_name))
    np.savez(folder / scope_name, ids=arrays["ids"], kind=arrays["kind"], partnership=arrays["partnership"],
             editors_only=arrays["editors_only"], confidential=arrays["confidential"])
    try:
        old = json.loads((folder / _META).read_text())
    except (OSError, ValueError):
        old = {}
    meta = {"graph": graph_name, "scope": scope_name, "stamp": int.from_bytes(os.urandom(6), "big"), **facts}
    temporary = folder / f"meta-{tag}.json"
    temporary.write_text(json.dumps(meta))
    os.replace(temporary, folder / _META)
    for name in (old.get("graph"), old.get("scope")):
        if name:  # a process mapping the old file keeps it until it reloads (POSIX)
            (folder / name).unlink(missing_ok=True)


def extend(db: Session, name: str, dim: int, folder: Path) -> int:
    """Add the entries that got a vector since the graph was built, once :data:`MERGE_FROM` of them wait
    (no graph, or one of another state of the table: build it once that many entries have a vector; a small
    deployment stays with the matrix). Returns the entries added (0: left to the matrix)."""
    base = load(folder)
    if base is not None and not base.matches(db):
        base = None
    after = base.last_id if base is not None else 0
    waiting = db.connection().execute(select(func.count()).select_from(
        select(SearchEntry.id).where(SearchEntry.id > after, SearchEntry.embedder == name)
        .limit(MERGE_FROM).subquery())).scalar() or 0
    if waiting < MERGE_FROM:
        return 0
    return build(db, name, dim, folder, base) - (len(base) if base is not None else 0)


def remove(folder: Path) -> None:
    """Delete the graph of ``folder`` (after the index was emptied and rebuilt: its keys mean other entries)."""
    for path in folder.glob("*"):
        path.unlink(missing_ok=True)
