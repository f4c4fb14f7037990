"""Calendar feeds per user: the subscription tokens bound to one feed, and the feed file itself.

A subscription URL is ``{base_url}/calendar/{feed}.ics?token=…``. The token is random (256 bits), stored
only as its SHA-256, and bound to one user *and one feed*: presented on another feed's URL it is unknown
there (404), and it is no API token (the API answers 401). Renewing makes a new one and revokes the old;
revoking ends the subscription. Reading a feed writes nothing.

The feed holds what its owner may see: its queries run under the owner's principal, so the scoping of
:mod:`sticoop.accounts.scoping` (partnerships, confidential records) applies as in the owner's lists.
Records deleted or merged in the last :data:`CANCELLED_FOR` are published once more as cancelled, from
their last audited state, when the owner could see them.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session as DbSession

from sticoop.accounts.models import AuditEntry, User
from sticoop.accounts.service import principal_for_user
from sticoop.calendar import sources
from sticoop.calendar.models import CalendarToken, ReminderSettings
from sticoop.core import clock
from sticoop.core.config import Settings, get_settings
from sticoop.core.crud import flush
from sticoop.core.duplicates import N_
from sticoop.core.errors import NotFound
from sticoop.core.i18n import SUPPORTED_LOCALES, Formatter
from sticoop.core.ical import CalendarItem, FeedContext, FeedSource, build_calendar, feeds, sources_of
from sticoop.core.models import utcnow
from sticoop.core.principal import Principal, act_as
from sticoop.core.registry import record_url
from sticoop.jobs.registry import JobFailed, register_job_kind, register_periodic

if TYPE_CHECKING:
    from sticoop.calendar.reminders import ReminderSummary
    from sticoop.jobs.service import JobContext

TOKEN_PREFIX = "stcal_"
#: a feed shows this much of the past and of the future around today
WINDOW_BEFORE = timedelta(days=183)
WINDOW_AFTER = timedelta(days=2 * 366)
#: deleted and merged records stay in feeds as cancelled items this long (so every subscriber drops them)
CANCELLED_FOR = timedelta(days=90)
#: at most this many cancelled items read from the audit trail for one feed
MAX_CANCELLED = 2000


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def require_feed(feed: str) -> None:
    """``NotFound`` (404) unless ``feed`` is a declared feed."""
    if feed not in feeds():
        raise NotFound(f"No calendar feed '{feed}'; one of: {', '.join(feeds())}")


def issue_feed_token(db: DbSession, user_id: int, feed: str) -> str:
    """A new subscription secret for the user's ``feed`` (revoking the one before: this is also "renew").
    Returns the secret, which is not stored and cannot be shown again. ``NotFound`` for an unknown feed."""
    require_feed(feed)
    revoke_feed_token(db, user_id, feed)
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    db.add(CalendarToken(user_id=user_id, feed=feed, token_hash=_hash(secret), prefix=secret[:12]))
    flush(db, "Calendar subscription")
    return secret


def revoke_feed_token(db: DbSession, user_id: int, feed: str) -> int:
    """Revoke the user's live token(s) of ``feed``; returns how many were revoked (0 when there was none)."""
    result = db.execute(update(CalendarToken)
                        .where(CalendarToken.user_id == user_id, CalendarToken.feed == feed,
                               CalendarToken.revoked_at.is_(None))
                        .values(revoked_at=utcnow()))
    return int(getattr(result, "rowcount", 0) or 0)


def live_feed_tokens(db: DbSession, user_id: int) -> dict[str, CalendarToken]:
    """The user's live token of each feed that has one, by feed name."""
    rows = db.scalars(select(CalendarToken).where(CalendarToken.user_id == user_id,
                                                  CalendarToken.revoked_at.is_(None))
                      .order_by(CalendarToken.id))
    return {row.feed: row for row in rows}


def user_for_feed_token(db: DbSession, feed: str, secret: str) -> User:
    """The active user whose live token of ``feed`` is ``secret``; ``NotFound`` otherwise (an unknown, revoked
    or other feed's token, a disabled user: one answer, that says nothing of which). Writes nothing."""
    token = db.scalar(select(CalendarToken).where(CalendarToken.token_hash == _hash(secret or "")))
    if token is None or token.revoked_at is not None or token.feed != feed:
        raise NotFound("No such calendar subscription; make a new link on your account page")
    user = db.get(User, token.user_id)
    if user is None or not user.is_active:
        raise NotFound("No such calendar subscription; make a new link on your account page")
    return user


def subscription_url(feed: str, secret: str, settings: Settings | None = None) -> str:
    """The absolute URL to give a calendar program (``STICOOP_BASE_URL`` + path + token)."""
    base = (settings or get_settings()).base_url.rstrip("/")
    return f"{base}/calendar/{feed}.ics?token={secret}"


def language_of(db: DbSession, user_id: int, settings: Settings | None = None) -> str:
    """The user's language for feeds and reminders: their reminder settings, else the site default."""
    chosen = db.scalar(select(ReminderSettings.language).where(ReminderSettings.user_id == user_id))
    default = (settings or get_settings()).default_locale
    return chosen if chosen in SUPPORTED_LOCALES else default if default in SUPPORTED_LOCALES else "en"


def feed_context(language: str, today: Any, settings: Settings | None = None) -> FeedContext:
    """The context handed to feed sources: the language, today's window and absolute record links."""
    settings = settings or get_settings()
    base = settings.base_url.rstrip("/")

    def link(kind: str, record_id: int) -> str | None:
        path = record_url(kind, record_id)
        return f"{base}{path}" if path else None

    return FeedContext(today=today, fmt=Formatter(language), window_start=today - WINDOW_BEFORE,
                       window_end=today + WINDOW_AFTER, link=link,
                       settings={"agreement_warning_days": settings.agreement_warning_days})


def _visible(item: CalendarItem, principal: Principal) -> bool:
    """May the principal see a cancelled item whose record is gone (its last state says where it was)."""
    if item.confidential and not principal.sees_confidential:
        return False
    if item.also_partnership_ids and not principal.sees_everything:
        return item.partnership_id in principal.partnership_ids or bool(
            principal.partnership_ids.intersection(item.also_partnership_ids))
    return principal.can_see_partnership(item.partnership_id)


def cancelled_items(db: DbSession, principal: Principal, feed_sources: Iterable[FeedSource], ctx: FeedContext,
                    since: datetime) -> Iterator[CalendarItem]:
    """Items of records deleted or merged away since ``since``, rebuilt from their last audited state and
    marked cancelled, with a SEQUENCE above any the live record had (its number of audited changes)."""
    by_entity = {s.entity: s for s in feed_sources if s.entity and s.from_snapshot is not None}
    if not by_entity:
        return
    rows = db.execute(select(AuditEntry.entity_type, AuditEntry.entity_id, AuditEntry.action, AuditEntry.before,
                             AuditEntry.after)
                      .where(AuditEntry.at >= since, AuditEntry.action.in_(("delete", "merge")),
                             AuditEntry.entity_type.in_(sorted(by_entity)))
                      .order_by(AuditEntry.at.desc()).limit(MAX_CANCELLED)).all()
    gone = [(kind, rid, before) for kind, rid, action, before, after in rows
            if before and (action == "delete" or (isinstance(after, dict) and "merged_into" in after))]
    if not gone:
        return
    changes = dict(((k, i), n) for k, i, n in db.execute(
        select(AuditEntry.entity_type, AuditEntry.entity_id, func.count())
        .where(AuditEntry.entity_type.in_(sorted({k for k, _, _ in gone})),
               AuditEntry.entity_id.in_(sorted({i for _, i, _ in gone})))
        .group_by(AuditEntry.entity_type, AuditEntry.entity_id)).all())
    for kind, rid, before in gone:
        state = {**before, "id": rid, "version": max(1, int(changes.get((kind, rid), 1)))}
        snapshot_items = by_entity[kind].from_snapshot
        assert snapshot_items is not None
        for item in snapshot_items(db, state, ctx):
            if ctx.window_start <= item.day <= ctx.window_end and _visible(item, principal):
                yield item


def feed_items(db: DbSession, principal: Principal, feed: str, ctx: FeedContext,
               now: datetime) -> list[CalendarItem]:
    """The items of ``feed`` its owner may see: live ones, then cancelled ones not live any more (one per UID)."""
    require_feed(feed)
    act_as(db, principal)
    feed_sources = sources_of(feed)
    items: dict[str, CalendarItem] = {}
    for source in feed_sources:
        for item in source.items(db, ctx):
            items.setdefault(item.uid, item)
    for item in cancelled_items(db, principal, feed_sources, ctx, now - CANCELLED_FOR):
        items.setdefault(item.uid, item)
    return sorted(items.values(), key=lambda i: (i.day, i.uid))


def feed_calendar(db: DbSession, user: User, feed: str, settings: Settings | None = None) -> bytes:
    """The iCalendar file of the user's ``feed`` as of ``clock.now()`` (their language, their scope)."""
    settings = settings or get_settings()
    now = clock.now()
    language = language_of(db, user.id, settings)
    ctx = feed_context(language, now.date(), settings)
    act_as(db, None)  # the request came in anonymous: read the owner's partnerships unscoped, then act as them
    principal = principal_for_user(db, user, "calendar")
    items = feed_items(db, principal, feed, ctx, now)
    title = ctx.fmt._(feeds()[feed].title)
    return build_calendar(items, name=f"sticoop — {title}", stamp=now,
                          refresh_minutes=settings.calendar_refresh_minutes)


def send_due_reminders(db: DbSession, now: datetime, settings: Settings | None = None) -> ReminderSummary:
    """Send the reminders due at ``now``, each once: :func:`sticoop.calendar.reminders.send_due_reminders`
    (named here too, where the job queue looks for the domain's entry points)."""
    from sticoop.calendar.reminders import send_due_reminders as send

    return send(db, now, settings)


#: the background job that sends the reminders, scheduled every 15 minutes in ``sticoop worker``
REMINDERS_JOB = "reminders.send"


#: the failure a reminders job reports (a message code, translated when read)
NOT_SENT = N_("Reminders not sent: %(count)d (%(reasons)s)")


def run_reminders_job(ctx: JobContext) -> str | None:
    """The periodic job: send what is due at the job's ``now``; nothing (and no failure) while no SMTP server
    is set, so a deployment without mail does not fill its jobs list with errors."""
    if not get_settings().smtp_host:
        return None
    with ctx.session() as db:
        summary = send_due_reminders(db, ctx.now)
    if summary.failed:
        raise JobFailed(NOT_SENT, count=len(summary.failed), reasons="; ".join(summary.failed[:5]))
    return None


def register() -> None:
    """Declare the calendar feeds and the sources of the existing domains, and the reminders as a periodic
    job (the composition root calls it)."""
    sources.register()
    register_job_kind(REMINDERS_JOB, run_reminders_job, label=N_("Reminders"), messages=(NOT_SENT,))
    register_periodic(REMINDERS_JOB, minute="*/15")
