"""The search box at scale: query time over N index entries (default 200,000) on SQLite, and on PostgreSQL when
``STICOOP_BENCH_PG_URL`` names a server database to fill (it is emptied first).

Entries are written straight into ``search_entries`` (the full-text index follows: FTS5 triggers on SQLite,
the GIN index on PostgreSQL), 500 partnerships, one in five entries general, one in ten confidential, bodies of
~40 words from a mixed English/French/Vietnamese vocabulary. Each query (a rare word, a common word, a two-word
prefix query) is timed (median of 7) for an admin and for a viewer of 3 partnerships, limit 20, with the counts.

Run: ``.venv/bin/python benchmarks/search.py [--entries 200000]``.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time

from sqlalchemy import insert, text

from sticoop.composition import bootstrap
from sticoop.core.database import get_engine, new_session
from sticoop.core.migrate import upgrade
from sticoop.core.principal import Principal, Role
from sticoop.core.text import fold
from sticoop.search.backend import backend_for
from sticoop.search.models import SearchEntry
from sticoop.search.terms import query_terms

WORDS = (  # noqa: SIM905 - a sentence reads better than a list of 39 strings
    "water treatment research training biotechnology remote sensing delta climate agriculture energy "
    "coopération recherche formation énergie santé nước thải xử lý nghiên cứu khoa học công nghệ "
    "đào tạo năng lượng biển mekong hanoi brussels ghent laos vientiane rice fisheries").split()
QUERIES = {"rare word": "zanzibarite", "common word": "research", "two prefixes": "nghien cuu"}


def fill(url: str, n: int) -> None:
    rng = random.Random(7)
    engine = get_engine(url)
    with engine.begin() as conn:
        conn.execute(SearchEntry.__table__.delete())
        for start in range(0, n, 5000):
            rows = []
            for i in range(start, min(n, start + 5000)):
                body = " ".join(rng.choice(WORDS) for _ in range(40)) + (" zanzibarite" if i % 5000 == 0 else "")
                title = " ".join(rng.choice(WORDS) for _ in range(5))
                rows.append({"kind": "project", "record_id": i + 1,
                             "partnership_id": None if i % 5 == 0 else rng.randint(1, 500),
                             "editors_only": False, "confidential": i % 10 == 0, "title": title, "body": body,
                             "title_folded": fold(title), "body_folded": fold(body)})
            conn.execute(insert(SearchEntry), rows)
        if engine.dialect.name == "postgresql":
            conn.execute(text("ANALYZE search_entries"))  # what autovacuum does soon after a bulk load


def timed(url: str, principal: Principal, q: str) -> tuple[float, int]:
    db = new_session(url)
    try:
        backend, terms, samples, count = backend_for(db), query_terms(q), [], 0
        for _ in range(7):
            t0 = time.perf_counter()
            found = backend.query(db, principal, terms, ["project"], None, 20)
            samples.append(time.perf_counter() - t0)
            count = sum(found.counts.values())
        return statistics.median(samples) * 1000, count
    finally:
        db.close()


def run(url: str, n: int) -> None:
    upgrade(url)
    t0 = time.perf_counter()
    fill(url, n)
    print(f"{get_engine(url).dialect.name}: {n:,} entries written and indexed in {time.perf_counter() - t0:.1f} s")
    admin = Principal(user_id=1, username="a", role=Role.admin)
    viewer = Principal(user_id=2, username="v", role=Role.viewer, partnership_ids=frozenset({1, 2, 3}))
    for label, q in QUERIES.items():
        for who, principal in (("admin", admin), ("viewer", viewer)):
            ms, count = timed(url, principal, q)
            print(f"  {label:13} {who:6} {ms:8.1f} ms  ({count} counted, cap 1000)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=200_000)
    args = parser.parse_args()
    bootstrap()
    with tempfile.TemporaryDirectory() as folder:
        run(f"sqlite:///{folder}/search.db", args.entries)
    if os.environ.get("STICOOP_BENCH_PG_URL"):
        run(os.environ["STICOOP_BENCH_PG_URL"], args.entries)


if __name__ == "__main__":
    main()
