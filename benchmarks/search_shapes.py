"""Where a search's time goes at scale: the service call (:func:`sticoop.search.service.search`) timed
in-process, per mode × role × query shape, on a database prepared by ``benchmarks/search.py --scale … --reuse DIR``
(issue 16). Shapes: ``rare`` (a subject's whole phrase: a few thousand matches among millions), ``subject`` (a
subject's first word), ``common`` (a word of nearly every record, e.g. ``project``: hundreds of thousands of
matches), ``short`` (a two-letter prefix), ``mixed`` (a subject word and a common one). Roles: admin, a viewer of
3 partnerships, a viewer of 1 partnership (few allowed entries among many matches). Each query runs ``--repeat``
times after one warm-up; printed: median and max ms per shape, and the slowest queries.

Run: ``.venv/bin/python benchmarks/search_shapes.py --reuse DIR [--url postgresql+psycopg://…]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

SHAPES = {
    "rare": ["wastewater treatment", "traitement des eaux usées", "xử lý nước thải", "coffee processing",
             "phục hồi rừng ngập mặn"],
    "subject": ["wastewater", "énergie", "nghiên", "malaria", "quản"],
    "common": ["project", "partners", "dự án", "coopération", "report"],
    "short": ["an", "de", "pr", "tr", "ch"],
    "mixed": ["solar project", "énergie coopération", "vắc xin tỉnh", "coffee report", "rice network"],
}


def principals(db: object) -> dict[str, object]:
    """admin, viewer of the first 3 partnerships, viewer of one of the synthetic partnerships."""
    from sqlalchemy import select

    from sticoop.core.principal import Principal, Role
    from sticoop.partnerships.models import Partnership

    ids = list(db.scalars(select(Partnership.id).order_by(Partnership.id)))  # type: ignore[attr-defined]
    return {"admin": Principal(user_id=1, username="a", role=Role.admin),
            "viewer3": Principal(user_id=2, username="v", role=Role.viewer, partnership_ids=frozenset(ids[:3])),
            "viewer1": Principal(user_id=3, username="w", role=Role.viewer, partnership_ids=frozenset(ids[-1:]))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reuse", required=True)
    parser.add_argument("--url")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--modes", default="keyword,fused")
    parser.add_argument("--roles", default="admin,viewer3,viewer1")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    args = parser.parse_args()
    url = args.url or f"sqlite:///{Path(args.reuse) / 'sticoop.db'}"
    os.environ["STICOOP_DATA_DIR"] = str(args.reuse)
    os.environ["STICOOP_DATABASE_URL"] = url
    from sticoop.composition import bootstrap
    from sticoop.core.database import new_session
    from sticoop.core.principal import act_as
    from sticoop.search.service import parse_kinds, search

    bootstrap()
    db = new_session(url)
    people = principals(db)
    kinds = parse_kinds(None)
    slow: list[tuple[float, str]] = []
    print(f"{'mode':8} {'role':8} {'shape':8} {'median ms':>10} {'max ms':>8}")
    for mode in args.modes.split(","):
        for role in args.roles.split(","):
            act_as(db, people[role])  # type: ignore[arg-type]
            for shape in args.shapes.split(","):
                times = []
                for q in SHAPES[shape]:
                    search(db, people[role], q, kinds, None, 20, mode == "fused")  # type: ignore[arg-type]
                    db.rollback()
                    for _ in range(args.repeat):
                        t0 = time.perf_counter()
                        search(db, people[role], q, kinds, None, 20, mode == "fused")  # type: ignore[arg-type]
                        ms = (time.perf_counter() - t0) * 1000
                        db.rollback()
                        times.append(ms)
                        slow.append((ms, f"{mode} {role} {shape} {q!r}"))
                print(f"{mode:8} {role:8} {shape:8} {statistics.median(times):10.1f} {max(times):8.1f}", flush=True)
    print("slowest:")
    for ms, what in sorted(slow, reverse=True)[:10]:
        print(f"  {ms:8.1f} ms  {what}")


if __name__ == "__main__":
    main()
