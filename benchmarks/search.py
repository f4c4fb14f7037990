"""The search box at scale: query time over N index entries (default 200,000) on SQLite, and on PostgreSQL when
``STICOOP_BENCH_PG_URL`` names a server database to fill (it is emptied first).

Entries are written straight into ``search_entries`` (the full-text index follows: FTS5 triggers on SQLite,
the GIN index on PostgreSQL), 500 partnerships, one in five entries general, one in ten confidential, bodies of
~40 words from a mixed English/French/Vietnamese vocabulary. Each query (a rare word, a common word, a two-word
prefix query) is timed for an admin and for a viewer of 3 partnerships, limit 20, with the counts.

First, unless ``--speed``: the relevance set (``benchmarks/data/search_relevance.py``): nDCG@10 of the fused
search against the keyword list alone, per split (tuning, held-out) and query language (``--grid``: the tuning
grid of k, weight, floor and margin). Then, unless ``--relevance``: the LIKE baseline, the keyword list and the
fused search timed alone (median of 5) and by ``--clients`` concurrent threads (p50, p95); entries carry
synthetic vectors (unit vectors around 40 subjects).

Run: ``.venv/bin/python benchmarks/search.py [--entries 200000] [--relevance | --speed] [--clients 50]``.
The target at scale, served over HTTP with the LIKE baseline in the same run: ``--scale 100k|300k|1m [--reuse DIR]
[--url postgresql+psycopg://…]`` (:mod:`benchmarks.search_scale`).
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from sqlalchemy import insert, or_, select, text
from sqlalchemy.orm import Session

from sticoop.composition import bootstrap
from sticoop.core.database import get_engine, new_session
from sticoop.core.migrate import upgrade
from sticoop.core.principal import Principal, Role
from sticoop.core.text import fold
from sticoop.search.backend import backend_for, scope_clause
from sticoop.search.fusion import (
    FUSION_DEPTH,
    RRF_K,
    SEMANTIC_FLOOR,
    SEMANTIC_MARGIN,
    SEMANTIC_WEIGHT,
    fuse,
    semantic_hits,
)
from sticoop.search.models import SearchEntry
from sticoop.search.service import ranked
from sticoop.search.terms import query_terms
from sticoop.search.vectors import attach, embedder, query_vector, vectors_for

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
FLOORS = (0.76, 0.78, 0.80, 0.82)
MARGINS = (0.02, 0.03, 0.05, 1.0)

WORDS = (  # noqa: SIM905 - a sentence reads better than a list of 39 strings
    "water treatment research training biotechnology remote sensing delta climate agriculture energy "
    "coopération recherche formation énergie santé nước thải xử lý nghiên cứu khoa học công nghệ "
    "đào tạo năng lượng biển mekong hanoi brussels ghent laos vientiane rice fisheries").split()
QUERIES = {"rare word": "zanzibarite", "common word": "research", "two prefixes": "nghien cuu"}
KINDS = ["commitment", "organization", "project"]


def fill(url: str, n: int) -> None:
    """Write ``n`` entries with synthetic vectors (embedding a million texts would take hours on this machine:
    the query's time does not depend on what the vectors mean): unit vectors around 40 subjects."""
    rng = random.Random(7)
    gen = np.random.default_rng(7)
    name, dim = embedder().name, embedder().dim
    centres = gen.standard_normal((40, dim)).astype(np.float32)
    engine = get_engine(url)
    with engine.begin() as conn:
        conn.execute(SearchEntry.__table__.delete())
        for start in range(0, n, 5000):
            rows = []
            for i in range(start, min(n, start + 5000)):
                body = " ".join(rng.choice(WORDS) for _ in range(40)) + (" zanzibarite" if i % 5000 == 0 else "")
                title = " ".join(rng.choice(WORDS) for _ in range(5))
                rows.append({"kind": ("project", "commitment", "organization")[i % 3], "record_id": i + 1,
                             "partnership_id": None if i % 5 == 0 else rng.randint(1, 500),
                             "editors_only": False, "confidential": i % 10 == 0, "title": title, "body": body,
                             "title_folded": fold(title), "body_folded": fold(body)})
            vectors = centres[gen.integers(0, 40, len(rows))] + gen.standard_normal((len(rows), dim)).astype(np.float32)
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            for row, vector in zip(rows, vectors.astype("<f4"), strict=True):
                row["embedding"], row["embedder"] = vector.tobytes(), name
            conn.execute(insert(SearchEntry), rows)
        if engine.dialect.name == "postgresql":
            conn.execute(text("ANALYZE search_entries"))  # what autovacuum does soon after a bulk load


def like_query(db: Session, principal: Principal, q: str, limit: int = 20) -> list[Any]:
    """The baseline: the old list search, ``LIKE '%word%'`` on the folded text, scoped, newest first."""
    where = [scope_clause(principal)]
    for term in query_terms(q):
        where.append(or_(SearchEntry.title_folded.like(f"%{term}%"), SearchEntry.body_folded.like(f"%{term}%")))
    return list(db.execute(select(SearchEntry.kind, SearchEntry.record_id, SearchEntry.title)
                           .where(*where).order_by(SearchEntry.id.desc()).limit(limit)).all())


MODES: dict[str, Callable[[Session, Principal, str], object]] = {
    "like": like_query,
    "keyword": lambda db, p, q: ranked(db, p, q, query_terms(q), KINDS, None, 20, semantic=False),
    "fused": lambda db, p, q: ranked(db, p, q, query_terms(q), KINDS, None, 20, semantic=True),
}


def concurrent(url: str, mode: str, principals: list[Principal], clients: int, rounds: int) -> list[float]:
    """Latencies (ms) of ``clients`` threads, each with its own session, running ``rounds`` queries each
    (every query of :data:`QUERIES` in turn, principals alternating)."""
    latencies: list[float] = []
    lock = threading.Lock()

    def client(c: int) -> None:
        db = new_session(url)
        try:
            for r in range(rounds):
                q = list(QUERIES.values())[(c + r) % len(QUERIES)]
                t0 = time.perf_counter()
                MODES[mode](db, principals[(c + r) % len(principals)], q)
                db.rollback()
                with lock:
                    latencies.append((time.perf_counter() - t0) * 1000)
        finally:
            db.close()

    threads = [threading.Thread(target=client, args=(c,)) for c in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def run(url: str, n: int, clients: int, rounds: int) -> None:
    upgrade(url)
    t0 = time.perf_counter()
    fill(url, n)
    print(f"{get_engine(url).dialect.name}: {n:,} entries (with vectors) written and indexed in "
          f"{time.perf_counter() - t0:.1f} s")
    admin = Principal(user_id=1, username="a", role=Role.admin)
    viewer = Principal(user_id=2, username="v", role=Role.viewer, partnership_ids=frozenset({1, 2, 3}))
    db = new_session(url)
    t0 = time.perf_counter()
    vectors_for(db)
    print(f"  vector matrix loaded in {time.perf_counter() - t0:.1f} s ({n:,} × {embedder().dim} float32)")
    for q in QUERIES.values():
        query_vector(q)  # a query's vector is computed once per process (cached): measured apart
    t0 = time.perf_counter()
    embedder().embed(["a query never seen before"])
    print(f"  one new query's vector: {(time.perf_counter() - t0) * 1000:.1f} ms")
    for label, q in QUERIES.items():
        for who, principal in (("admin", admin), ("viewer", viewer)):
            line = []
            for mode in MODES:
                samples = []
                for _ in range(5):
                    t0 = time.perf_counter()
                    MODES[mode](db, principal, q)
                    samples.append((time.perf_counter() - t0) * 1000)
                line.append(f"{mode} {statistics.median(samples):7.1f}")
            print(f"  {label:13} {who:6} median of 5, ms: " + "  ".join(line))
    db.close()
    for mode in MODES:
        lat = sorted(concurrent(url, mode, [admin, viewer], clients, rounds))
        p95 = lat[int(0.95 * (len(lat) - 1))]
        print(f"  {clients} clients × {rounds} queries, {mode:7}: p50 {statistics.median(lat):7.1f} ms  "
              f"p95 {p95:7.1f} ms")


def ndcg10(ranked_keys: list[str], relevant: set[str]) -> float:
    """nDCG@10 with binary gains (Järvelin & Kekäläinen 2002): DCG of the first 10 over the ideal DCG."""
    dcg = sum(1 / math.log2(i + 2) for i, key in enumerate(ranked_keys[:10]) if key in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(10, len(relevant))))
    return dcg / ideal


def load_relevance(url: str) -> dict[tuple[str, int], str]:
    """Write the relevance set's records as index entries (with their vectors); (kind, record id) → key."""
    from benchmarks.data.search_relevance import RECORDS

    upgrade(url)
    rows, keys = [], {}
    for i, (key, kind, title, body) in enumerate(RECORDS, start=1):
        rows.append({"kind": kind, "record_id": i, "partnership_id": None, "editors_only": False,
                     "confidential": False, "title": title, "body": body, "title_folded": fold(title),
                     "body_folded": fold(body)})
        keys[(kind, i)] = key
    attach(rows)
    with get_engine(url).begin() as conn:
        conn.execute(SearchEntry.__table__.delete())
        conn.execute(insert(SearchEntry), rows)
    return keys


def relevance(url: str, grid: bool) -> None:
    """nDCG@10 of the fused search against the keyword list alone, per split and language."""
    from benchmarks.data.search_relevance import QUERIES, SPLIT, relevant

    keys = load_relevance(url)
    admin = Principal(user_id=1, username="a", role=Role.admin)
    kinds = ["commitment", "organization", "project"]
    db = new_session(url)
    lists = {}
    for subject, lang, q in QUERIES:
        terms = query_terms(q)
        keyword = backend_for(db).query(db, admin, terms, kinds, None, FUSION_DEPTH).hits
        lists[(subject, lang, q)] = (keyword, {(f, m): semantic_hits(db, admin, q, kinds, None, FUSION_DEPTH, f, m)
                                               for f in (*FLOORS, SEMANTIC_FLOOR)
                                               for m in (*MARGINS, SEMANTIC_MARGIN)})
    db.close()

    def score(k: int, weight: float, cut: tuple[float, float], split: str,
              lang: str | None = None) -> tuple[float, float]:
        kw, fu = [], []
        for (subject, qlang, _q), (keyword, semantic) in lists.items():
            if SPLIT[subject] != split or (lang and qlang != lang):
                continue
            rel = relevant(subject)
            kw.append(ndcg10([keys[(h.kind, h.record_id)] for h in keyword], rel))
            fused = fuse(keyword, semantic[cut], k, weight)
            fu.append(ndcg10([keys[(h.kind, h.record_id)] for h in fused], rel))
        return statistics.mean(kw), statistics.mean(fu)

    if grid:
        print("tuning split: k, weight, floor, margin → nDCG@10 fused (keyword-only alone)")
        for k, weight in ((10, 1.0), (60, 1.0), (100, 1.0), (60, 0.5), (60, 2.0)):
            for floor in FLOORS:
                for margin in MARGINS:
                    kw, fu = score(k, weight, (floor, margin), "tune")
                    print(f"  k={k:3} w={weight:.1f} floor={floor:.2f} margin={margin:.2f}: {fu:.3f} ({kw:.3f})")
    print(f"relevance set: {len(QUERIES)} queries (en/fr/vi), {len(keys)} records; "
          f"k={RRF_K}, weight={SEMANTIC_WEIGHT}, floor={SEMANTIC_FLOOR}, margin={SEMANTIC_MARGIN}")
    for split in ("tune", "held-out"):
        for lang in (None, "en", "fr", "vi"):
            kw, fu = score(RRF_K, SEMANTIC_WEIGHT, (SEMANTIC_FLOOR, SEMANTIC_MARGIN), split, lang)
            print(f"  {split:8} {lang or 'all':3}  nDCG@10 keyword-only {kw:.3f}  fused {fu:.3f}  "
                  f"ratio {fu / kw if kw else float('inf'):.2f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=200_000)
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (threads)")
    parser.add_argument("--rounds", type=int, default=6, help="queries per client")
    parser.add_argument("--relevance", action="store_true", help="only the relevance set (nDCG@10)")
    parser.add_argument("--speed", action="store_true", help="only the speed part")
    parser.add_argument("--grid", action="store_true", help="with --relevance: the tuning grid of k, weight, floor")
    parser.add_argument("--scale", help="the served scale test (benchmarks/search_scale.py): 100k, 300k, 1m …")
    parser.add_argument("--reuse", help="with --scale: a folder for the prepared database and graph, reused")
    parser.add_argument("--url", help="with --scale: an empty PostgreSQL database (default: SQLite in --reuse)")
    parser.add_argument("--seconds", type=float, default=30, help="with --scale: seconds per mode × role")
    parser.add_argument("--wait", type=float, default=0.0, help="with --scale: think time between a client's "
                                                                 "searches (0: none, saturation)")
    parser.add_argument("--scale-clients", help="with --scale: client counts to run in turn, e.g. 1,50 "
                                                "(default: --clients)")
    parser.add_argument("--prepare-only", action="store_true", help="with --scale: load the data (and graph), "
                                                                         "measure nothing (a later --reuse run does)")
    parser.add_argument("--modes", help="with --scale: modes to run, of like,keyword,fused (default: all)")
    parser.add_argument("--warmup", type=float, default=60.0, help="with --scale: seconds at most of sending each "
                        "query once before a mode's rows are timed (a LIKE scan of a million rows takes seconds)")
    parser.add_argument("--workers", type=int, default=1, help="with --scale: server worker processes")
    args = parser.parse_args()
    bootstrap()
    if args.scale:
        from benchmarks.search_scale import run as run_scale

        run_scale(args)
        return
    if args.relevance or not args.speed:
        with tempfile.TemporaryDirectory() as folder:
            relevance(f"sqlite:///{folder}/relevance.db", args.grid)
    if args.relevance:
        return
    with tempfile.TemporaryDirectory() as folder:
        run(f"sqlite:///{folder}/search.db", args.entries, args.clients, args.rounds)
    if os.environ.get("STICOOP_BENCH_PG_URL"):
        run(os.environ["STICOOP_BENCH_PG_URL"], args.entries, args.clients, args.rounds)


if __name__ == "__main__":
    main()
