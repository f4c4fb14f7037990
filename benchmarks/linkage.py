"""Record-linkage benchmark: what ranking candidates costs an ingested article at 100,000 organisations.

Builds a SQLite file with the demo records plus 100,000 organisations (generic kind + a generated proper name,
in en/fr/vi, random countries, an acronym each) and 1,000 committees with 10 sessions each (10,000 sessions),
fills ``linkage_keys``, then times :func:`sticoop.ingest.accept.preview` — every proposed record of the
article ranked against what exists, read-only — on the gold labels of the shared dev corpus (so extraction
is not in the figure), median, 95th percentile and maximum per article, in wall-clock time and in the process's
CPU time (on a shared machine the wall clock also counts the time other processes held the CPU; the CPU figure
is what linking itself costs), each article read with an empty identity map like a fresh request, and checks the
Belgium–Vietnam report still links to the demo records.

Run: ``.venv/bin/python benchmarks/linkage.py [--orgs N]`` (about a minute).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select

from sticoop.composition import bootstrap
from sticoop.core.database import get_engine, session_scope
from sticoop.core.migrate import upgrade
from sticoop.demo.data import load_demo
from sticoop.ingest.accept import preview
from sticoop.linkage.index import rebuild_link_keys
from sticoop.partners.models import Organization
from sticoop.partnerships.models import Committee, CommitteeSession, Partnership
from sticoop.reference.service import seed_reference

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"
KINDS = ("University of {}", "Université de {}", "Trường Đại học {}", "{} Institute of Technology",
         "Ministry of {} Affairs", "{} Research Centre", "Viện Nghiên cứu {}", "Agence {} de l'innovation")
SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "to", "va", "zen", "bor", "qui", "dan", "hel", "mar", "tri")
COUNTRIES = ("VNM", "BEL", "FRA", "LUX", "LAO", "KOR", "JPN", "CAN", "DEU", "THA")


def build(url: str, n_orgs: int, rng: random.Random) -> None:
    upgrade(url)
    with session_scope(url) as db:
        seed_reference(db)
        load_demo(db)
    engine = get_engine(url)
    with engine.begin() as connection:
        rows = []
        for i in range(n_orgs):
            proper = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
            rows.append({"name": rng.choice(KINDS).format(proper), "acronym": f"{proper[:3].upper()}{i}",
                         "aliases": [], "type": "other", "country_code": rng.choice(COUNTRIES),
                         "search_text": proper.lower(), "version": 1, "created_by": "bench", "updated_by": "bench"})
        for start in range(0, len(rows), 20_000):
            connection.execute(insert(Organization), rows[start:start + 20_000])
        partnership_ids = connection.execute(select(Partnership.id)).scalars().all()
        committees = [{"partnership_id": rng.choice(partnership_ids), "name": f"Joint Committee {i} on "
                       f"{rng.choice(SYLLABLES).capitalize()} Cooperation", "search_text": "", "version": 1,
                       "created_by": "bench", "updated_by": "bench"} for i in range(1000)]
        connection.execute(insert(Committee), committees)
        committee_ids = connection.execute(select(Committee.id).order_by(Committee.id)).scalars().all()[-1000:]
        connection.execute(insert(CommitteeSession), [
            {"committee_id": cid, "number": n, "search_text": "", "version": 1, "created_by": "bench",
             "updated_by": "bench"} for cid in committee_ids for n in range(1, 11)])
        rebuild_link_keys(connection)


def _spread(values: list[float]) -> str:
    """"median M ms, p95 P ms, max X ms" of a list of times in ms."""
    ordered = sorted(values)
    return (f"median {statistics.median(ordered):.1f} ms, p95 {ordered[int(len(ordered) * 0.95)]:.1f} ms, "
            f"max {ordered[-1]:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orgs", type=int, default=100_000)
    parser.add_argument("--db", help="keep the database in this file (built once, reused when it exists)")
    args = parser.parse_args()
    bootstrap()
    articles = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.json"))]
    if not articles:
        raise SystemExit(f"needs the shared corpus at {CORPUS}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db or f"{tmp}/linkage.db")
        url = f"sqlite:///{path}"
        if not path.exists():
            began = time.perf_counter()
            build(url, args.orgs, random.Random(7))
            print(f"built {args.orgs:,} organisations, 10,000 sessions in {time.perf_counter() - began:.0f} s")
        with session_scope(url) as db:
            for article in articles[:3]:  # warm caches (country table, phrase table)
                preview(db, article["labels"])
            wall: list[float] = []
            cpu: list[float] = []
            slowest = (0.0, "")
            for _ in range(3):
                for article in articles:
                    db.expunge_all()  # a fresh request: nothing loaded yet
                    began, began_cpu = time.perf_counter(), time.process_time()
                    preview(db, article["labels"])
                    wall.append((time.perf_counter() - began) * 1000)
                    cpu.append((time.process_time() - began_cpu) * 1000)
                    slowest = max(slowest, (cpu[-1], article["title"]))
            first = {p["key"]: p for p in preview(db, articles[0]["labels"])}
        print(f"{len(articles)} articles × 3, per article: wall {_spread(wall)}; CPU {_spread(cpu)}")
        print(f"slowest (CPU): {slowest[0]:.1f} ms ({slowest[1]})")
        print("001 partnership →", first["partnership"]["chosen_title"], "| committee →",
              first.get("committee", {}).get("chosen_title"))


if __name__ == "__main__":
    main()
