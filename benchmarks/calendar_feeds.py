"""Calendar feeds and reminders at scale.

Fills a SQLite file with 200 partnerships, each with a committee, and 100,000 commitments, 10,000 sessions and
10,000 agreements dated over ten years around the pinned day, then times (median of 3):

- the ``all`` feed of an administrator (every source at its cap, ``sticoop.calendar.sources.MAX_ITEMS``);
- the ``all`` feed of a viewer assigned to 3 partnerships (the scoping criteria on every query);
- one reminders run for 50 users (viewers of 3 partnerships each) against a local SMTP server (aiosmtpd on
  127.0.0.1), then a second run, which must send nothing.

Usage: ``.venv/bin/python benchmarks/calendar_feeds.py``.
"""

from __future__ import annotations

import os
import socket
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

DAY = date(2026, 6, 15)


def fill(url: str) -> None:
    from sqlalchemy import insert

    from sticoop.accounts.models import User, user_partnerships
    from sticoop.agreements.models import Agreement
    from sticoop.commitments.models import Commitment
    from sticoop.core.database import session_scope
    from sticoop.core.models import utcnow
    from sticoop.partnerships.models import Committee, CommitteeSession, Partnership

    stamp = {"created_at": utcnow(), "updated_at": utcnow(), "created_by": "bench", "updated_by": "bench",
             "version": 1}
    start = DAY - timedelta(days=5 * 365)
    with session_scope(url) as db:
        db.execute(insert(Partnership), [{"id": i, "name": f"Partnership {i}", "status": "active",
                                          "relations_established": date(1950 + i % 70, 1 + i % 12, 1 + i % 28),
                                          "search_text": "", **stamp} for i in range(1, 201)])
        db.execute(insert(Committee), [{"id": i, "partnership_id": i, "name": f"Committee {i}", "search_text": "",
                                        **stamp} for i in range(1, 201)])
        db.execute(insert(CommitteeSession), [{"committee_id": 1 + i % 200, "number": 1 + i // 200,
                                               "start_date": start + timedelta(days=i % 3650), "search_text": "",
                                               **stamp} for i in range(10_000)])
        for block in range(10):
            db.execute(insert(Commitment), [{"partnership_id": 1 + i % 200, "text": f"Commitment {i}",
                                             "due_date": start + timedelta(days=i % 3650), "status": "planned",
                                             "completion": "not_started", "search_text": "", **stamp}
                                            for i in range(block * 10_000, (block + 1) * 10_000)])
        db.execute(insert(Agreement), [{"partnership_id": 1 + i % 200, "title": f"Agreement {i}", "kind": "mou",
                                        "status": "in_force", "expiry_date": start + timedelta(days=i % 3650),
                                        "search_text": "", **stamp} for i in range(10_000)])
        db.execute(insert(User), [{"id": u, "username": f"user{u}", "password_hash": "x",
                                   "role": "admin" if u == 1 else "viewer", "email": f"user{u}@example.org",
                                   "is_active": True, "failed_logins": 0, "created_at": utcnow()}
                                  for u in range(1, 52)])
        db.execute(insert(user_partnerships), [{"user_id": u, "partnership_id": 1 + (u * 3 + k) % 200}
                                               for u in range(2, 52) for k in range(3)])


def median_seconds(action: object, runs: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        began = time.perf_counter()
        result = action()  # type: ignore[operator]
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="sticoop-bench-calendar-"))
    os.environ["STICOOP_DATA_DIR"] = str(folder)
    from sticoop.composition import bootstrap

    bootstrap()
    from aiosmtpd.controller import Controller

    from sticoop.accounts.models import User
    from sticoop.calendar.reminders import send_due_reminders
    from sticoop.calendar.service import feed_calendar
    from sticoop.core import clock
    from sticoop.core.config import Settings
    from sticoop.core.database import new_session, session_scope
    from sticoop.core.migrate import upgrade
    from sticoop.reference.service import seed_reference

    url = f"sqlite:///{folder / 'bench.db'}"
    upgrade(url)
    with session_scope(url) as db:
        seed_reference(db)
    began = time.perf_counter()
    fill(url)
    print(f"filled in {time.perf_counter() - began:.0f} s")
    clock.pin(DAY)
    for label, user_id in (("admin", 1), ("viewer of 3 partnerships", 2)):
        db = new_session(url)
        user = db.get(User, user_id)
        seconds, body = median_seconds(lambda: feed_calendar(db, user, "all"))  # noqa: B023
        db.close()
        assert isinstance(body, bytes)
        print(f"feed 'all', {label}: {body.count(b'BEGIN:VEVENT')} events, {len(body) // 1024} KiB, "
              f"{seconds:.2f} s")

    class Inbox:
        received = 0

        async def handle_DATA(self, server: object, session: object, envelope: object) -> str:  # noqa: N802
            Inbox.received += 1
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    controller = Controller(Inbox(), hostname="127.0.0.1", port=port)
    controller.start()
    settings = Settings(smtp_host="127.0.0.1", smtp_port=port, smtp_starttls=False)
    try:
        for run in (1, 2):
            db = new_session(url)
            began = time.perf_counter()
            summary = send_due_reminders(db, datetime(2026, 6, 15, 6, tzinfo=UTC), settings)
            db.close()
            print(f"reminders run {run}: {summary.users} users, {summary.sent} sent, {summary.skipped} already "
                  f"sent, {time.perf_counter() - began:.1f} s (server received {Inbox.received})")
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
