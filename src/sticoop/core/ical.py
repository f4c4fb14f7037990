"""iCalendar (RFC 5545) files and the registry of calendar feed sources.

One builder for every calendar file sticoop writes (the per-user feeds of :mod:`sticoop.calendar`, the
brokerage agendas): each event has a stable UID, a SEQUENCE taken from its record's version, a DTSTAMP, and
either whole days (``VALUE=DATE``) or instants with their zone — a ``TZID`` whose ``VTIMEZONE`` is in the
file (built from the zoneinfo database) or UTC; never a floating time. A deleted record's event is
published once more with ``STATUS:CANCELLED`` so subscribed calendars drop it.

Domains contribute the items of a feed through :func:`register_feed_source` (called from their
``register()``), so the calendar domain needs no knowledge of, say, joint calls: core only holds the list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from sticoop.core.i18n import Formatter

#: the domain part of every UID: host-independent, so a feed moved to another server keeps its events
UID_DOMAIN = "sticoop"


@dataclass(frozen=True)
class CalendarItem:
    """One event of a feed.

    ``start``/``end`` are dates (whole days; ``end`` is the last day, inclusive) or timezone-aware datetimes
    (a ``ZoneInfo`` zone or UTC; a naive datetime is refused by :func:`build_calendar`). ``version`` is the
    record's version (>= 1), published as SEQUENCE. ``partnership_id`` (and ``also_partnership_ids``, the further
    partnerships of a record of several, such as a joint call) and ``confidential`` say who may see a cancelled
    item whose record is gone (live items are scoped by the query that found them): a reader of any of them.
    """

    kind: str
    key: str
    summary: str
    start: date | datetime
    end: date | datetime | None = None
    version: int = 1
    cancelled: bool = False
    description: str | None = None
    location: str | None = None
    url: str | None = None
    partnership_id: int | None = None
    confidential: bool = False
    also_partnership_ids: tuple[int, ...] = ()

    @property
    def uid(self) -> str:
        """``kind-key@sticoop``: the same for every fetch and every server (RFC 5545 §3.8.4.7)."""
        return f"{self.kind}-{self.key}@{UID_DOMAIN}"

    @property
    def day(self) -> date:
        """The item's first day (in its own zone for an instant)."""
        return self.start.date() if isinstance(self.start, datetime) else self.start


@dataclass(frozen=True)
class FeedContext:
    """What a feed source is told: today, the feed's language (``fmt``: translations, dates, country names),
    where its window starts and ends (inclusive dates), the absolute link to a record page
    (``link("session", 12)`` → URL or None) and named settings (``agreement_warning_days``)."""

    today: date
    fmt: Formatter
    window_start: date
    window_end: date
    link: Callable[[str, int], str | None]
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FeedSource:
    """What one domain puts in one feed.

    ``items(db, ctx)`` yields the live items in the window (queries run scoped to the feed's owner).
    ``entity`` is the record kind whose deletions and merges cancel items; ``from_snapshot(db, state, ctx)``
    rebuilds the items a deleted record had from its last audited state (a dict of its columns, with
    ``"id"``), so they can be published as cancelled; ``None`` when a source has nothing to cancel.
    """

    feed: str
    items: Callable[[Session, FeedContext], Iterable[CalendarItem]]
    entity: str | None = None
    from_snapshot: Callable[[Session, dict[str, Any], FeedContext], Iterable[CalendarItem]] | None = None


@dataclass(frozen=True)
class Feed:
    """A feed users can subscribe to: its URL name (``sessions``), its title (an English msgid) and sources."""

    name: str
    title: str
    sources: list[FeedSource] = field(default_factory=list)


_FEEDS: dict[str, Feed] = {}
#: the feed that holds every other feed's items
ALL_FEED = "all"


def register_feed(name: str, title: str) -> None:
    """Declare a feed (idempotent). ``name`` is a URL word (a-z, digits, ``-``); ``title`` an English msgid."""
    if not name.replace("-", "").isalnum() or not name.islower():
        raise ValueError(f"feed name '{name}' must be lower-case letters, digits and '-'")
    _FEEDS.setdefault(name, Feed(name, title))


def register_feed_source(source: FeedSource) -> None:
    """Add a source to a declared feed (the same source twice is kept once); ``KeyError`` for an unknown feed."""
    sources = _FEEDS[source.feed].sources
    if source not in sources:
        sources.append(source)


def feeds() -> dict[str, Feed]:
    """Every declared feed by name, in declaration order (``all`` first when declared)."""
    return dict(_FEEDS)


def sources_of(name: str) -> list[FeedSource]:
    """The sources of a feed; for :data:`ALL_FEED`, those of every feed."""
    if name == ALL_FEED:
        return [source for feed in _FEEDS.values() for source in feed.sources]
    return list(_FEEDS[name].sources)


def country_zone(country_code: str | None, default: str = "UTC") -> ZoneInfo:
    """The time zone of a country (ISO 3166 alpha-3 or alpha-2 code) when it has only one (Vietnam:
    Asia/Ho_Chi_Minh, Belgium: Europe/Brussels, from the CLDR data Babel ships); else the zone ``default``
    names (an IANA name, e.g. the ``STICOOP_TIMEZONE`` setting). ``ZoneInfoNotFoundError`` for a bad default."""
    from babel.core import get_global

    from sticoop.core.countries import get_country

    alpha2 = None
    if country_code:
        info = get_country(country_code.upper()) if len(country_code) == 3 else None
        alpha2 = info.alpha2 if info is not None else country_code.upper()
    zones = get_global("territory_zones").get(alpha2 or "", [])
    return ZoneInfo(zones[0] if len(zones) == 1 else default)


# ----- building the file ---------------------------------------------------------------------------------
def _zone_name(value: datetime) -> str | None:
    """The IANA name of an aware datetime's zone (None for UTC); ``ValueError`` for a naive or unnamed one."""
    if value.tzinfo is None:
        raise ValueError(f"{value.isoformat()} has no time zone: calendar times are zoned or UTC, never floating")
    if value.utcoffset() == timedelta(0) and not isinstance(value.tzinfo, ZoneInfo):
        return None
    if isinstance(value.tzinfo, ZoneInfo):
        return None if value.tzinfo.key in ("UTC", "Etc/UTC") else value.tzinfo.key
    raise ValueError(f"{value.isoformat()}: use a zoneinfo zone or UTC")


def _as_ical_time(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime) and _zone_name(value) is None:
        return value.astimezone(UTC)
    return value


def _event(item: CalendarItem, stamp: datetime) -> Any:
    from icalendar import Event

    entry = Event()
    entry.add("uid", item.uid)
    entry.add("dtstamp", stamp)
    entry.add("sequence", item.version)
    entry.add("summary", item.summary)
    entry.add("dtstart", _as_ical_time(item.start))
    end = item.end
    if isinstance(item.start, datetime):
        if end is not None:
            entry.add("dtend", _as_ical_time(end))
    else:  # whole days: DTEND is the day after the last (exclusive, RFC 5545 §3.6.1)
        last = end if isinstance(end, date) and not isinstance(end, datetime) and end >= item.start else item.start
        entry.add("dtend", last + timedelta(days=1))
        entry.add("transp", "TRANSPARENT")
    entry.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
    for name, value in (("description", item.description), ("location", item.location), ("url", item.url)):
        if value:
            entry.add(name, value)
    return entry


def _duration_text(minutes: int) -> str:
    """An RFC 5545 duration of whole minutes: ``PT1H``, ``PT1H30M``, ``PT5M``."""
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def build_calendar(items: Iterable[CalendarItem], *, name: str, stamp: datetime, refresh_minutes: int = 60,
                   product: str = "calendar") -> bytes:
    """The iCalendar file of ``items`` (bytes, UTF-8, CRLF lines).

    ``name`` is shown by calendar programs (X-WR-CALNAME and NAME, RFC 7986); ``product`` names the writer in
    PRODID (``-//sticoop//calendar//EN``); ``stamp`` is DTSTAMP (an aware
    instant, written in UTC); ``refresh_minutes`` (>= 1) is how often subscribers should fetch it again
    (REFRESH-INTERVAL, RFC 7986, and X-PUBLISHED-TTL for older clients). Every zone an item's times use gets
    its VTIMEZONE. ``ValueError`` for a floating (naive) time.
    """
    from icalendar import Calendar, Timezone, vDuration

    calendar = Calendar()
    calendar.add("prodid", f"-//sticoop//{product}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    ttl = vDuration(timedelta(minutes=max(1, refresh_minutes)))
    calendar.add("refresh-interval", ttl, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", _duration_text(max(1, refresh_minutes)))  # plain text, as Outlook reads it
    utc_stamp = stamp.astimezone(UTC)
    zones: dict[str, list[date]] = {}
    # each event is written out as soon as it is built: a feed of thousands stays a list of byte strings, not
    # one tree of hundreds of thousands of objects for the garbage collector to walk again and again
    chunks: list[bytes] = []
    for item in items:
        for value in (item.start, item.end):
            if isinstance(value, datetime):
                zone = _zone_name(value)  # refuses a floating time
                if zone is not None:
                    zones.setdefault(zone, []).append(value.date())
        chunks.append(bytes(_event(item, utc_stamp).to_ical()))
    for zone, days in sorted(zones.items()):  # a VTIMEZONE for every TZID used, around the events' dates
        calendar.add_component(Timezone.from_tzinfo(ZoneInfo(zone), first_date=min(days) - timedelta(days=366),
                                                    last_date=max(days) + timedelta(days=366)))
    head = bytes(calendar.to_ical())
    end = b"END:VCALENDAR\r\n"
    if not head.endswith(end):  # pragma: no cover - icalendar always ends the file so
        raise ValueError("unexpected calendar serialisation")
    return head[: -len(end)] + b"".join(chunks) + end
