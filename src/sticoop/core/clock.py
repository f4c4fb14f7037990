"""The one place that says what day and time it is.

Every figure that depends on "today" — overdue commitments, last held and next planned sessions, the next
round anniversary, agreements past expiry, profiles still valid for matching, the dashboard — reads
:func:`today` (or :func:`now`), never ``date.today()`` or ``datetime.now()``. ``tests/test_clock.py`` walks
``src/`` and fails on any other read of the real clock.

What "today" is, in order:

1. a date pinned in this process with :func:`pinned` / :func:`pin` (tests pin one for every test; a test that
   needs another day says so with ``with clock.pinned(date(2028, 2, 29)): ...``);
2. the ``STICOOP_TODAY`` setting (an ISO date), to run a demo or reproduce a report as of a given day;
3. the real date, in UTC.

:func:`now` is the matching instant (timezone-aware, UTC); a pinned *date* stands for noon UTC that day.

Timestamps that record when something was written or that guard security — ``created_at`` / ``updated_at``,
the audit log, sign-in sessions, lockouts and API-token expiry — use :func:`wall_clock` instead: they must tell
when a thing really happened, and no setting may move them (a pinned "today" must never revive an expired
token). :func:`sticoop.core.models.utcnow` is that wall clock.

The pin is process-wide (not a context variable) on purpose: the test client and the browser tests run the app
in other threads, which must see the same day as the test that drives them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time

_lock = threading.Lock()
_pinned: datetime | None = None


def wall_clock() -> datetime:
    """The real current instant (timezone-aware UTC), never pinned: for record timestamps and security."""
    return datetime.now(UTC)


def _as_instant(at: date | datetime) -> datetime:
    if isinstance(at, datetime):
        return at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return datetime.combine(at, time(12), tzinfo=UTC)


def now() -> datetime:
    """The current instant for figures (timezone-aware UTC): pinned, else ``STICOOP_TODAY`` at noon, else real."""
    pinned_at = _pinned
    if pinned_at is not None:
        return pinned_at
    from sticoop.core.config import get_settings

    configured = get_settings().today
    if configured is not None:
        return _as_instant(configured)
    return wall_clock()


def today() -> date:
    """Today's date for figures (UTC): see the module docstring for where it comes from."""
    return now().date()


def pin(at: date | datetime | None) -> None:
    """Make :func:`today`/:func:`now` answer ``at`` in this process until changed; ``None`` unpins."""
    global _pinned
    with _lock:
        _pinned = None if at is None else _as_instant(at)


@contextmanager
def pinned(at: date | datetime) -> Iterator[date]:
    """``with pinned(date(2028, 2, 29)) as day:`` — today is ``day`` inside the block, as before after it."""
    previous = _pinned
    pin(at)
    try:
        yield _as_instant(at).date()
    finally:
        pin(previous)
