"""The feeds sticoop ships and what each existing domain puts in them.

Each source reads its records in the feed's window through the ORM, so the per-partnership scoping of
:mod:`sticoop.accounts.scoping` applies (the feed shows what its owner's lists show). ``from_snapshot``
rebuilds the items of a deleted or merged record from its last audited state, to publish them cancelled.
Another domain adds its own items with :func:`sticoop.core.ical.register_feed_source` from its
``register()`` (joint calls: their deadlines).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import joinedload, raiseload

from sticoop.activities.models import Event, Visit
from sticoop.agreements.models import Agreement, AgreementStatus
from sticoop.commitments.models import Commitment, CommitmentStatus
from sticoop.core.ical import ALL_FEED, CalendarItem, FeedContext, FeedSource, register_feed, register_feed_source
from sticoop.partnerships.models import Committee, CommitteeSession, Partnership
from sticoop.partnerships.service import (
    ROUND_EVERY,
    anniversary_date,
    held_clause,
    next_anniversary,
    next_session_due,
)


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext no-op marker
    return message


#: a feed reads columns, not the lists a record carries (organisations, people, countries): touching one raises
BARE = raiseload("*")
#: at most this many items of one source in one feed (a feed is a window, not an archive)
MAX_ITEMS = 2000
#: the feeds, in the order the account page lists them (name, title msgid)
FEEDS = (
    (ALL_FEED, N_("Everything")),
    ("sessions", N_("Committee sessions")),
    ("activities", N_("Visits and events")),
    ("commitments", N_("Commitment due dates")),
    ("agreements", N_("Agreement expiries")),
    ("anniversaries", N_("Anniversaries of relations")),
)
#: statuses whose dates no longer stand: their items are published cancelled
DROPPED_COMMITMENT = {CommitmentStatus.dropped.value}
ENDED_AGREEMENT = {AgreementStatus.terminated.value}


def _day(value: Any) -> date | None:
    """A date from a record (a ``date``) or from an audited state (an ISO string)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _snapshot(state: dict[str, Any], *dates: str) -> SimpleNamespace:
    values = dict(state)
    for name in dates:
        values[name] = _day(values.get(name))
    values.setdefault("confidential", False)
    values.setdefault("version", 1)
    return SimpleNamespace(**values)


# ----- committee sessions ------------------------------------------------------------------------------
def _session_item(ctx: FeedContext, s: Any, committee: Committee, cancelled: bool = False) -> CalendarItem:
    _ = ctx.fmt._
    where = ", ".join(x for x in (s.city, ctx.fmt.country(s.country_code)) if x)
    return CalendarItem(
        kind="session", key=str(s.id), start=s.start_date, end=s.end_date, version=s.version, cancelled=cancelled,
        summary=_("%(committee)s — session %(number)s") % {"committee": committee.name, "number": s.number},
        location=where or None, url=ctx.link("session", s.id), partnership_id=committee.partnership_id,
        confidential=bool(s.confidential or committee.confidential))


def session_items(db: DbSession, ctx: FeedContext) -> Iterator[CalendarItem]:
    """Sessions starting in the window, as whole days from their first to their last day."""
    query = (select(CommitteeSession)
             .options(joinedload(CommitteeSession.committee).options(BARE), BARE)
             .where(CommitteeSession.start_date.between(ctx.window_start, ctx.window_end))
             .order_by(CommitteeSession.start_date, CommitteeSession.id).limit(MAX_ITEMS))
    for s in db.scalars(query):
        yield _session_item(ctx, s, s.committee)


def session_from_snapshot(db: DbSession, state: dict[str, Any], ctx: FeedContext) -> Iterable[CalendarItem]:
    s = _snapshot(state, "start_date", "end_date")
    committee = db.get(Committee, s.committee_id) if s.committee_id else None  # scoped: None if out of reach
    if committee is None or s.start_date is None:
        return []
    return [_session_item(ctx, s, committee, cancelled=True)]


# ----- visits and events -------------------------------------------------------------------------------
def _visit_item(ctx: FeedContext, v: Any, cancelled: bool = False) -> CalendarItem:
    _ = ctx.fmt._
    return CalendarItem(
        kind="visit", key=str(v.id), start=v.start_date, end=v.end_date, version=v.version, cancelled=cancelled,
        summary=_("Visit from %(from)s to %(to)s") % {"from": ctx.fmt.country(v.from_country_code),
                                                     "to": ctx.fmt.country(v.to_country_code)},
        description=v.purpose or None, location=ctx.fmt.country(v.to_country_code) or None,
        url=ctx.link("visit", v.id), partnership_id=v.partnership_id, confidential=bool(v.confidential))


def _event_item(ctx: FeedContext, e: Any, cancelled: bool = False) -> CalendarItem:
    where = ", ".join(x for x in (e.city, ctx.fmt.country(e.country_code)) if x)
    return CalendarItem(
        kind="event", key=str(e.id), start=e.start_date, end=e.end_date, version=e.version, cancelled=cancelled,
        summary=e.title, description=e.description or None, location=where or None, url=ctx.link("event", e.id),
        partnership_id=e.partnership_id, confidential=bool(e.confidential))


def activity_items(db: DbSession, ctx: FeedContext) -> Iterator[CalendarItem]:
    """Visits and events starting in the window."""
    visits = (select(Visit).options(BARE).where(Visit.start_date.between(ctx.window_start, ctx.window_end))
              .order_by(Visit.start_date, Visit.id).limit(MAX_ITEMS))
    for v in db.scalars(visits):
        yield _visit_item(ctx, v)
    events = (select(Event).options(BARE).where(Event.start_date.between(ctx.window_start, ctx.window_end))
              .order_by(Event.start_date, Event.id).limit(MAX_ITEMS))
    for e in db.scalars(events):
        yield _event_item(ctx, e)


def visit_from_snapshot(db: DbSession, state: dict[str, Any], ctx: FeedContext) -> Iterable[CalendarItem]:
    v = _snapshot(state, "start_date", "end_date")
    return [_visit_item(ctx, v, cancelled=True)] if v.start_date else []


def event_from_snapshot(db: DbSession, state: dict[str, Any], ctx: FeedContext) -> Iterable[CalendarItem]:
    e = _snapshot(state, "start_date", "end_date")
    return [_event_item(ctx, e, cancelled=True)] if e.start_date else []


# ----- commitment due dates ----------------------------------------------------------------------------
def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def commitment_item(ctx: FeedContext, c: Any, cancelled: bool = False) -> CalendarItem:
    """The due-date item of a commitment (cancelled when the commitment is dropped or deleted)."""
    _ = ctx.fmt._
    return CalendarItem(
        kind="commitment-due", key=str(c.id), start=c.due_date, version=c.version,
        cancelled=cancelled or c.status in DROPPED_COMMITMENT,
        summary=_("Due: %(commitment)s") % {"commitment": _short(c.text)}, description=c.text,
        url=ctx.link("commitment", c.id), partnership_id=c.partnership_id, confidential=bool(c.confidential))


def commitment_items(db: DbSession, ctx: FeedContext) -> Iterator[CalendarItem]:
    """Commitments due in the window."""
    query = (select(Commitment).options(BARE)
             .where(Commitment.due_date.between(ctx.window_start, ctx.window_end))
             .order_by(Commitment.due_date, Commitment.id).limit(MAX_ITEMS))
    for c in db.scalars(query):
        yield commitment_item(ctx, c)


def commitment_from_snapshot(db: DbSession, state: dict[str, Any], ctx: FeedContext) -> Iterable[CalendarItem]:
    c = _snapshot(state, "due_date")
    return [commitment_item(ctx, c, cancelled=True)] if c.due_date else []


# ----- agreement expiries ------------------------------------------------------------------------------
def agreement_items_of(ctx: FeedContext, a: Any, cancelled: bool = False) -> list[CalendarItem]:
    """An agreement's expiry day and its warning ``agreement_warning_days`` before (both cancelled when the
    agreement is terminated or deleted)."""
    _ = ctx.fmt._
    warning_days = int(ctx.settings.get("agreement_warning_days", 90))
    gone = cancelled or a.status in ENDED_AGREEMENT
    common = {"version": a.version, "cancelled": gone, "url": ctx.link("agreement", a.id),
              "partnership_id": a.partnership_id, "confidential": bool(a.confidential)}
    return [
        CalendarItem(kind="agreement-expiry", key=str(a.id), start=a.expiry_date,
                     summary=_("Expires: %(agreement)s") % {"agreement": a.title}, **common),
        CalendarItem(kind="agreement-expiry-warning", key=str(a.id),
                     start=a.expiry_date - timedelta(days=warning_days),
                     summary=_("Expires in %(days)s days: %(agreement)s") % {"days": warning_days,
                                                                            "agreement": a.title}, **common),
    ]


def agreement_items(db: DbSession, ctx: FeedContext) -> Iterator[CalendarItem]:
    """Agreements expiring in the window or whose warning falls in it."""
    warning = timedelta(days=int(ctx.settings.get("agreement_warning_days", 90)))
    query = (select(Agreement).options(BARE)
             .where(Agreement.expiry_date.between(ctx.window_start, ctx.window_end + warning))
             .order_by(Agreement.expiry_date, Agreement.id).limit(MAX_ITEMS))
    for a in db.scalars(query):
        for item in agreement_items_of(ctx, a):
            if ctx.window_start <= item.day <= ctx.window_end:
                yield item


def agreement_from_snapshot(db: DbSession, state: dict[str, Any], ctx: FeedContext) -> Iterable[CalendarItem]:
    a = _snapshot(state, "expiry_date")
    return agreement_items_of(ctx, a, cancelled=True) if a.expiry_date else []


# ----- anniversaries of relations ----------------------------------------------------------------------
def anniversary_items_of(ctx: FeedContext, p: Any, cancelled: bool = False) -> list[CalendarItem]:
    """One item a year in the window (``anniversary-<partnership>-<year>``), on the day
    :func:`sticoop.partnerships.service.anniversary_date` gives; the coming round one (every
    ``ROUND_EVERY`` years, :func:`~sticoop.partnerships.service.next_anniversary`) says so."""
    established = p.relations_established
    if established is None:
        return []
    upcoming = next_anniversary(established, ctx.today)
    items = []
    for year in range(max(ctx.window_start.year, established.year + 1), ctx.window_end.year + 1):
        years = year - established.year
        day = anniversary_date(established, years)
        if not ctx.window_start <= day <= ctx.window_end:
            continue
        summary = ctx.fmt.ngettext("%(num)d year of relations: %(name)s", "%(num)d years of relations: %(name)s",
                                   years) % {"num": years, "name": p.name}
        if years % ROUND_EVERY == 0 and upcoming is not None and upcoming[0] == years:
            summary = ctx.fmt._("Round anniversary — %(summary)s") % {"summary": summary}
        items.append(CalendarItem(
            kind="anniversary", key=f"{p.id}-{year}", start=day, version=p.version, cancelled=cancelled,
            summary=summary, url=ctx.link("partnership", p.id), partnership_id=p.id,
            confidential=bool(p.confidential)))
    return items


def anniversary_items(db: DbSession, ctx: FeedContext) -> Iterator[CalendarItem]:
    """Anniversaries of relations of every partnership with a date of relations."""
    query = (select(Partnership).options(BARE).where(Partnership.relations_established.is_not(None))
             .order_by(Partnership.id).limit(MAX_ITEMS))
    for p in db.scalars(query):
        yield from anniversary_items_of(ctx, p)


def anniversary_from_snapshot(db: DbSession, state: dict[str, Any], ctx: FeedContext) -> Iterable[CalendarItem]:
    p = _snapshot(state, "relations_established")
    return anniversary_items_of(ctx, p, cancelled=True)


def round_anniversaries(db: DbSession, ctx: FeedContext, until: date) -> Iterator[CalendarItem]:
    """The round anniversaries of relations (every ``ROUND_EVERY`` years) from today to ``until`` inclusive, as
    the anniversaries feed shows them (same UID), for reminders. One query (partnerships are few)."""
    window = replace(ctx, window_start=ctx.today, window_end=until)
    query = (select(Partnership).options(BARE).where(Partnership.relations_established.is_not(None))
             .order_by(Partnership.id).limit(MAX_ITEMS))
    for p in db.scalars(query):
        established = p.relations_established
        if established is None:
            continue
        for item in anniversary_items_of(window, p):
            if (item.day.year - established.year) % ROUND_EVERY == 0:
                yield item


def committee_due_items(db: DbSession, ctx: FeedContext) -> list[CalendarItem]:
    """Committees with a usual interval (``interval_months``) and no session planned after today: one item on
    the day the next session is due (end — or start — of the last session held + the interval; the rule of
    :func:`sticoop.partnerships.service.committee_status`), past or coming. Two grouped queries, no N+1.
    UID ``committee-due-<committee>-<due day>``: a new session held moves the day, so a new reminder."""
    held_end = func.max(func.coalesce(CommitteeSession.end_date, CommitteeSession.start_date))
    last = {committee_id: ended for committee_id, ended in db.execute(
        select(CommitteeSession.committee_id, held_end).where(held_clause(ctx.today))
        .group_by(CommitteeSession.committee_id))}
    planned = set(db.scalars(select(CommitteeSession.committee_id).where(CommitteeSession.start_date > ctx.today)
                             .distinct()))
    query = (select(Committee).options(BARE).where(Committee.interval_months.is_not(None))
             .order_by(Committee.id).limit(MAX_ITEMS))
    items = []
    for c in db.scalars(query):
        due = next_session_due(_day(last.get(c.id)), c.interval_months)
        if due is None or c.id in planned:
            continue
        summary = ctx.fmt._("Next session of %(committee)s due (every %(months)d months)") % {
            "committee": c.name, "months": c.interval_months}
        items.append(CalendarItem(kind="committee-due", key=f"{c.id}-{due.isoformat()}", start=due,
                                  version=c.version, summary=summary, url=ctx.link("committee", c.id),
                                  partnership_id=c.partnership_id, confidential=bool(c.confidential)))
    return items


SOURCES = (
    FeedSource("sessions", session_items, "session", session_from_snapshot),
    FeedSource("activities", activity_items, "visit", visit_from_snapshot),
    FeedSource("activities", lambda db, ctx: (), "event", event_from_snapshot),
    FeedSource("commitments", commitment_items, "commitment", commitment_from_snapshot),
    FeedSource("agreements", agreement_items, "agreement", agreement_from_snapshot),
    FeedSource("anniversaries", anniversary_items, "partnership", anniversary_from_snapshot),
)


def register() -> None:
    """Declare the shipped feeds and their sources (called by the calendar domain's ``register()``)."""
    for name, title in FEEDS:
        register_feed(name, title)
    for source in SOURCES:
        register_feed_source(source)
