"""Joint-call deadlines in the calendar feeds (issue 15): the ``calls`` feed, and the ``all`` feed through it.

One item per call with a closing date-time in the feed's window, at that instant in the call's own time zone
(``Asia/Ho_Chi_Minh`` for a call closing at 17:00 Hanoi time, published with its VTIMEZONE), cancelled when the
call is deleted or merged. Registered by the calls domain (:func:`register`), so the calendar domain knows no call.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sticoop.calls.models import Call
from sticoop.core.duplicates import N_
from sticoop.core.ical import CalendarItem, FeedContext, FeedSource, register_feed, register_feed_source

FEED = "calls"
#: at most this many calls in one feed (a window of two and a half years holds far fewer)
MAX_ITEMS = 5_000


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def call_item(ctx: FeedContext, call: Any, cancelled: bool = False) -> CalendarItem | None:
    """The deadline of ``call`` (a Call or its audited snapshot), or None when it has no closing time."""
    closes = call.closes_at
    if closes is None:
        return None
    if closes.tzinfo is None:  # SQLite hands back UTC without its zone
        closes = closes.replace(tzinfo=UTC)
    at = closes.astimezone(_zone(call.timezone))
    return CalendarItem(kind="call-deadline", key=str(call.id), start=at, end=at + timedelta(minutes=30),
                        summary=ctx.fmt._("Call deadline: %(call)s") % {"call": call.title},
                        version=call.version, cancelled=cancelled, url=ctx.link("call", call.id),
                        partnership_id=call.partnership_id, also_partnership_ids=_others(call))


def _others(call: Any) -> tuple[int, ...]:
    """The call's partnerships other than its lead: a live call's (those the reader may see; enough, a live item is
    scoped by its query) or, from an audited snapshot, every one it had (``partnerships``: sorted ids)."""
    ids = call.partnership_ids if isinstance(call, Call) else list(getattr(call, "partnerships", None) or ())
    return tuple(i for i in ids if i != call.partnership_id)


def call_items(db: DbSession, ctx: FeedContext) -> Iterator[CalendarItem]:
    """Calls closing in the window (scoped to the feed's owner like every query)."""
    start = datetime.combine(ctx.window_start, datetime.min.time(), UTC) - timedelta(days=1)
    end = datetime.combine(ctx.window_end, datetime.max.time(), UTC) + timedelta(days=1)
    query = (select(Call).where(Call.closes_at.between(start, end)).order_by(Call.closes_at, Call.id)
             .limit(MAX_ITEMS))
    for call in db.scalars(query):
        item = call_item(ctx, call)
        if item is not None and ctx.window_start <= item.day <= ctx.window_end:
            yield item


def call_from_snapshot(db: DbSession, state: dict[str, Any], ctx: FeedContext) -> Iterable[CalendarItem]:
    """The deadline a deleted call had, from its last audited state, published cancelled."""
    values = {"version": 1, "timezone": "UTC", "partnership_id": None, "partnerships": [], **state}
    closes = values.get("closes_at")
    values["closes_at"] = datetime.fromisoformat(closes) if isinstance(closes, str) else closes
    item = call_item(ctx, SimpleNamespace(**values), cancelled=True)
    return [item] if item is not None else []


def register() -> None:
    """Declare the ``calls`` feed and its source (called by the calls domain's ``register()``)."""
    register_feed(FEED, N_("Joint call deadlines"))
    register_feed_source(FeedSource(FEED, call_items, "call", call_from_snapshot))
