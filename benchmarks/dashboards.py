"""The dashboards' figures: every chart and map measure of the home dashboard (what the page computes), on the demo
records and on a database of N rows (default 100,000 commitments, 100,000 projects with a partner each, 20,000
agreements, 20,000 visits and events), for an admin and for a viewer of 3 partnerships; median of 5 runs.

Rows are written straight into the tables (200 partnerships of two countries each, 50 fields, 2,000
organisations). Run: ``.venv/bin/python -P benchmarks/dashboards.py [--rows 100000]`` (SQLite in a temporary
file; ``-P`` because this folder's ``calendar.py`` would hide the standard library's).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import insert, select, text

from sticoop.activities.models import Event, Visit
from sticoop.agreements.models import Agreement
from sticoop.commitments.models import Commitment
from sticoop.composition import bootstrap
from sticoop.core.database import get_engine, new_session, session_scope
from sticoop.core.migrate import upgrade
from sticoop.core.principal import Principal, Role, act_as
from sticoop.dashboard.charts import CHARTS, build
from sticoop.dashboard.worldmap import MEASURES, world_map
from sticoop.demo.data import load_demo
from sticoop.partners.models import Organization
from sticoop.partnerships.models import Partnership, partnership_countries
from sticoop.projects.models import Project, ProjectPartner, project_fields
from sticoop.reference.models import Country
from sticoop.reference.models import Field as ResearchField
from sticoop.reference.service import seed_reference

PARTNERSHIPS = 200


def fill(url: str, rows: int) -> None:
    rng = random.Random(7)
    start = date(2000, 1, 1)
    with session_scope(url) as db:
        seed_reference(db)
        codes = list(db.scalars(select(Country.code)))
        fields = list(db.scalars(select(ResearchField.key)))[:50]
    with get_engine(url).begin() as conn:
        conn.execute(insert(Partnership), [{"id": i, "name": f"P{i}", "search_text": ""}
                                           for i in range(1, PARTNERSHIPS + 1)])
        conn.execute(insert(partnership_countries), [
            {"partnership_id": i, "country_code": c} for i in range(1, PARTNERSHIPS + 1)
            for c in {"VNM", codes[i % len(codes)]}])
        conn.execute(insert(Organization), [{"id": i, "name": f"O{i}", "search_text": "", "type": "university",
                                             "country_code": codes[i % len(codes)]} for i in range(1, 2001)])
        for k in range(0, rows, 20_000):
            span = range(k, min(rows, k + 20_000))
            conn.execute(insert(Commitment), [
                {"partnership_id": i % PARTNERSHIPS + 1, "text": f"C{i}", "search_text": "",
                 "status": ("planned", "in_progress", "done", "overdue")[i % 4],
                 "completion": ("not_started", "limited", "substantial", "complete")[i % 4],
                 "due_date": start + timedelta(days=i % 9000)} for i in span])
            conn.execute(insert(Project), [
                {"id": i + 1, "partnership_id": i % PARTNERSHIPS + 1, "title": f"Project {i}", "search_text": "",
                 "status": ("proposed", "running", "completed")[i % 3], "budget": Decimal(1000 + i % 997),
                 "currency": ("EUR", "USD", "VND")[i // 3 % 3],
                 "start_date": start + timedelta(days=i % 9000)} for i in span])
            conn.execute(insert(ProjectPartner), [{"project_id": i + 1, "organization_id": rng.randint(1, 2000),
                                                   "role": "partner"} for i in span])
            conn.execute(insert(project_fields), [{"project_id": i + 1, "field_key": fields[i % len(fields)]}
                                                  for i in span])
        small = rows // 5
        conn.execute(insert(Agreement), [{"title": f"A{i}", "search_text": "", "partnership_id": i % PARTNERSHIPS + 1,
                                          "status": ("planned", "signed", "in_force", "expired")[i % 4]}
                                         for i in range(small)])
        conn.execute(insert(Visit), [{"partnership_id": i % PARTNERSHIPS + 1, "search_text": "",
                                      "from_country_code": "VNM", "to_country_code": "LAO",
                                      "start_date": start + timedelta(days=i % 9000)} for i in range(small)])
        conn.execute(insert(Event), [{"partnership_id": i % PARTNERSHIPS + 1, "search_text": "", "title": f"E{i}",
                                      "kind": "workshop", "start_date": start + timedelta(days=i % 9000)}
                                     for i in range(small)])
        conn.execute(text("ANALYZE"))


def timed(url: str, principal: Principal | None) -> float:
    """Milliseconds to compute every chart and map measure of the home dashboard."""
    db = new_session(url)
    try:
        if principal is not None:
            act_as(db, principal)
        began = time.perf_counter()
        for key in CHARTS:
            build(db, key)
        for measure in MEASURES:
            world_map(db, measure)
        return (time.perf_counter() - began) * 1000
    finally:
        db.close()


def parts(url: str) -> str:
    """Milliseconds of each chart and measure for an admin (median of 3), slowest first."""
    db = new_session(url)
    found: dict[str, float] = {}
    try:
        for name, run in [*((k, lambda k=k: build(db, k)) for k in CHARTS),
                          *((m, lambda m=m: world_map(db, m)) for m in MEASURES)]:
            runs = []
            for _ in range(3):
                began = time.perf_counter()
                run()
                runs.append((time.perf_counter() - began) * 1000)
            found[name] = statistics.median(runs)
    finally:
        db.close()
    return ", ".join(f"{k} {v:.0f}" for k, v in sorted(found.items(), key=lambda kv: -kv[1]))


def report(label: str, url: str) -> None:
    viewer = Principal(user_id=1, username="viewer", role=Role.viewer, partnership_ids=frozenset({1, 2, 3}))
    for who, principal in (("admin", None), ("viewer of 3", viewer)):
        runs = [timed(url, principal) for _ in range(5)]
        print(f"{label:<22} {who:<12} median {statistics.median(runs):8.1f} ms  (min {min(runs):.1f})")
    print(f"  each, admin (ms): {parts(url)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    bootstrap()
    with tempfile.TemporaryDirectory() as tmp:
        demo = f"sqlite:///{tmp}/demo.db"
        upgrade(demo)
        with session_scope(demo) as db:
            seed_reference(db)
            load_demo(db)
        report("demo records", demo)
        big = f"sqlite:///{tmp}/big.db"
        upgrade(big)
        fill(big, args.rows)
        report(f"{args.rows:,} rows", big)


if __name__ == "__main__":
    main()
