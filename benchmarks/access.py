"""Per-partnership scoping benchmark: what the access rules cost a list at a million rows.

Every SELECT of a signed-in user carries the scoping criteria (``sticoop.accounts.scoping``): records bound
directly to a partnership by an indexed ``partnership_id IN (...)``, sessions through their committee by a
sub-select, records that may be general (events) by ``coalesce(partnership_id, 0) IN (0, ...)``. This builds 1,000,000
commitments, 100,000 sessions and 200,000 events over 500 partnerships in a SQLite file
(or the database of ``--url``), then times the first page of the default lists, and their total counts, for
an admin (no criteria: the baseline, in the same run) and for a viewer assigned to 3 partnerships.

Run: ``.venv/bin/python benchmarks/access.py [--commitments N] [--url URL]`` (about a minute on SQLite).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert

from sticoop.activities.models import Event
from sticoop.activities.service import events
from sticoop.commitments.models import Commitment
from sticoop.commitments.service import commitments
from sticoop.composition import bootstrap
from sticoop.core.database import get_engine, new_session, session_scope
from sticoop.core.listing import ListParams
from sticoop.core.migrate import upgrade
from sticoop.core.planner_stats import analyze
from sticoop.core.principal import Principal, Role, act_as
from sticoop.partnerships.models import Committee, CommitteeSession, Partnership
from sticoop.partnerships.service import sessions
from sticoop.reference.service import seed_reference

bootstrap()

PARTNERSHIPS = 500
BATCH = 50_000


def build(url: str, n_commitments: int, n_sessions: int, n_events: int) -> None:
    upgrade(url)
    with session_scope(url) as db:
        seed_reference(db)
    engine = get_engine(url)
    with engine.begin() as conn:
        conn.execute(insert(Partnership), [{"id": i, "name": f"Partnership {i}", "search_text": f"partnership {i}",
                                            "confidential": i % 50 == 0} for i in range(1, PARTNERSHIPS + 1)])
        conn.execute(insert(Committee), [{"id": i, "partnership_id": i, "name": f"Joint committee {i}",
                                          "search_text": f"joint committee {i}"} for i in range(1, PARTNERSHIPS + 1)])
        start = date(2000, 1, 1)
        rows = [{"committee_id": i % PARTNERSHIPS + 1, "number": i // PARTNERSHIPS + 1,
                 "start_date": start + timedelta(days=i % 9000), "search_text": ""} for i in range(n_sessions)]
        for k in range(0, len(rows), BATCH):
            conn.execute(insert(CommitteeSession), rows[k:k + BATCH])
        for k in range(0, n_events, BATCH):  # one in five bound to no partnership: general events
            conn.execute(insert(Event), [
                {"kind": "training_course", "title": f"Training course {i}", "search_text": f"training course {i}",
                 "partnership_id": None if i % 5 == 0 else i % PARTNERSHIPS + 1,
                 "start_date": start + timedelta(days=i % 9000)} for i in range(k, min(k + BATCH, n_events))])
        for k in range(0, n_commitments, BATCH):
            conn.execute(insert(Commitment), [
                {"partnership_id": i % PARTNERSHIPS + 1, "text": f"Commitment {i}", "search_text": f"commitment {i}",
                 "due_date": start + timedelta(days=i % 9000), "confidential": i % 97 == 0}
                for i in range(k, min(k + BATCH, n_commitments))])
    analyze(url)  # as an operator does after a bulk load (`sticoop db analyze`)


def timed(url: str, principal: Principal | None, run, repeat: int = 7) -> tuple[float, int]:
    times, total = [], 0
    for _ in range(repeat):
        db = new_session(url)
        act_as(db, principal)
        began = time.perf_counter()
        _items, total = run(db)
        times.append((time.perf_counter() - began) * 1000)
        db.close()
    return statistics.median(times), total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--commitments", type=int, default=1_000_000)
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--url", help="an empty database to fill (default: a temporary SQLite file)")
    parser.add_argument("--reuse", action="store_true", help="the database of --url is filled already: time only")
    args = parser.parse_args()
    url = args.url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'access-bench.db'}"
    began = time.perf_counter()
    if args.reuse:
        upgrade(url)
    else:
        build(url, args.commitments, args.sessions, args.events)
    print(f"built {args.commitments:,} commitments, {args.sessions:,} sessions, {PARTNERSHIPS} partnerships "
          f"{args.events:,} events in {time.perf_counter() - began:.0f} s ({url.split(':')[0]})")
    admin = Principal(1, "admin", Role.admin)
    viewer = Principal(2, "viewer", Role.viewer, frozenset({7, 123, 499}))
    cases = {
        "commitments, first page (sort by due date)": lambda db: commitments.list(db, ListParams(limit=50)),
        "commitments, search 'commitment 12'": lambda db: commitments.list(db, ListParams(q="commitment 12",
                                                                                         limit=50)),
        "sessions, first page (through the committee)": lambda db: sessions.list(db, ListParams(limit=50)),
        "events, first page (20 % general)": lambda db: events.list(db, ListParams(limit=50)),
    }
    print(f"{'list':48} {'admin ms':>9} {'rows':>10} {'viewer ms':>10} {'rows':>8} {'ratio':>6}")
    for name, run in cases.items():
        base, base_total = timed(url, admin, run)
        scoped, scoped_total = timed(url, viewer, run)
        print(f"{name:48} {base:9.1f} {base_total:10,} {scoped:10.1f} {scoped_total:8,} {scoped / base:6.2f}")


if __name__ == "__main__":
    main()
