"""E-mailed reminders of coming dates, each sent once, in the user's language, with a link to the record.

Rules are per user (:class:`~sticoop.calendar.models.ReminderSettings`, defaults :data:`DEFAULT_DAYS`):
days before a commitment's due date, an agreement's expiry, a session's first day, a round anniversary of
relations (every ``ROUND_EVERY`` years, e.g. the 50th) and the day a committee's next session is due by its usual
interval (``interval_months`` after its last session, when none is planned yet), and a weekly digest of overdue
commitments and of committees past their usual interval. :func:`send_due_reminders` is a plain function of
the database and an instant; the ``sticoop reminders send`` command and the periodic job call it.

When several rules of a kind apply (30, 7 and 1 days) the smallest one at or above the days left fires: an
item 5 days away gets its "7 days" reminder, whether or not the run 30 days before happened, and a run that
missed a day catches up (an item due today whose "1 day" reminder was not sent gets it today). Each reminder is
decided by inserting its row in ``reminder_deliveries`` (unique on user, item UID and rule) in the
transaction that records it as sent; a second run, or a concurrent one, finds the row and sends nothing. A
send that fails rolls its row back, so the next run tries again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import joinedload

from sticoop.accounts.models import User
from sticoop.accounts.service import principal_for_user
from sticoop.agreements.models import Agreement, AgreementStatus
from sticoop.calendar import sources
from sticoop.calendar.mail import SmtpMailer
from sticoop.calendar.models import ReminderDelivery, ReminderSettings
from sticoop.calendar.service import feed_context, language_of
from sticoop.calendar.sources import BARE
from sticoop.commitments.models import Commitment, CommitmentStatus
from sticoop.core.config import Settings, get_settings
from sticoop.core.errors import ValidationFailed
from sticoop.core.i18n import SUPPORTED_LOCALES
from sticoop.core.ical import CalendarItem, FeedContext
from sticoop.core.principal import act_as
from sticoop.partnerships.models import CommitteeSession

#: the kinds of dates a rule can name, each with its label msgid
KINDS = (("commitment", sources.N_("Commitment due dates")), ("agreement", sources.N_("Agreement expiries")),
         ("session", sources.N_("Committee sessions")),
         ("anniversary", sources.N_("Round anniversaries of relations")),
         ("committee", sources.N_("Next session due by the committee's usual interval")))
DEFAULT_DAYS: dict[str, list[int]] = {"commitment": [30, 7, 1], "agreement": [30, 7, 1], "session": [30, 7, 1],
                                      "anniversary": [90, 30], "committee": [60, 0]}
#: a rule fires 0 (on the day) to this many days before
MAX_DAYS = 366
#: at most this many items of one kind per user and run, and overdue commitments in one digest
MAX_PER_KIND = 500
OPEN_COMMITMENT = tuple(s.value for s in CommitmentStatus if s not in (CommitmentStatus.done, CommitmentStatus.dropped))
LIVE_AGREEMENT = (AgreementStatus.signed.value, AgreementStatus.in_force.value, AgreementStatus.renewed.value)


@dataclass
class Rules:
    """One user's reminder rules (days before, by kind; each list sorted, unique, 0..366)."""

    enabled: bool
    language: str
    days_before: dict[str, list[int]]
    weekly_digest: bool


@dataclass
class ReminderSummary:
    """What a run did: reminders sent, already sent before (skipped), failed sends (recipient: reason), users
    looked at."""

    users: int = 0
    sent: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)
    sent_to: list[tuple[str, str]] = field(default_factory=list)


# ----- rules ---------------------------------------------------------------------------------------------
def parse_days(text: str, kind: str) -> list[int]:
    """``"30, 7, 1"`` → ``[1, 7, 30]``; ``ValidationFailed`` naming the field ``days_<kind>`` otherwise."""
    days: set[int] = set()
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or int(part) > MAX_DAYS:
            raise ValidationFailed(f"'{part}' is not a number of days from 0 to {MAX_DAYS}", field=f"days_{kind}")
        days.add(int(part))
    if len(days) > 10:
        raise ValidationFailed("At most 10 reminders per kind of date", field=f"days_{kind}")
    return sorted(days)


def rules_of(db: DbSession, user_id: int, settings: Settings | None = None) -> Rules:
    """The user's rules, or the defaults when they never changed them."""
    row = db.get(ReminderSettings, user_id)
    language = language_of(db, user_id, settings)
    if row is None:
        return Rules(True, language, {k: list(v) for k, v in DEFAULT_DAYS.items()}, True)
    days = {kind: sorted({int(d) for d in row.days_before.get(kind, DEFAULT_DAYS[kind]) if 0 <= int(d) <= MAX_DAYS})
            for kind, _ in KINDS}
    return Rules(row.enabled, language, days, row.weekly_digest)


def save_rules(db: DbSession, user_id: int, rules: Rules) -> None:
    """Store the user's rules (one transaction, committed by the caller). ``ValidationFailed`` naming
    ``language`` for an unsupported one."""
    if rules.language not in SUPPORTED_LOCALES:
        raise ValidationFailed(f"Language must be one of: {', '.join(SUPPORTED_LOCALES)}", field="language")
    row = db.get(ReminderSettings, user_id)
    if row is None:
        row = ReminderSettings(user_id=user_id)
        db.add(row)
    row.enabled, row.language, row.weekly_digest = rules.enabled, rules.language, rules.weekly_digest
    row.days_before = {kind: list(rules.days_before.get(kind, [])) for kind, _ in KINDS}
    db.flush()


# ----- what is due -------------------------------------------------------------------------------------
def _rule_for(days_left: int, offsets: list[int]) -> int | None:
    """The rule that fires: the smallest offset >= days left (None: too early, past, or no rule)."""
    fitting = [o for o in offsets if o >= days_left]
    return min(fitting) if fitting and days_left >= 0 else None


def _upcoming(db: DbSession, kind: str, ctx: FeedContext, until: date) -> Iterator[CalendarItem]:
    today = ctx.today
    if kind == "commitment":
        for c in db.scalars(select(Commitment).options(BARE).where(Commitment.due_date.between(today, until),
                                                     Commitment.status.in_(OPEN_COMMITMENT))
                            .order_by(Commitment.due_date, Commitment.id).limit(MAX_PER_KIND)):
            yield sources.commitment_item(ctx, c)
    elif kind == "agreement":
        for a in db.scalars(select(Agreement).options(BARE).where(Agreement.expiry_date.between(today, until),
                                                    Agreement.status.in_(LIVE_AGREEMENT))
                            .order_by(Agreement.expiry_date, Agreement.id).limit(MAX_PER_KIND)):
            yield sources.agreement_items_of(ctx, a)[0]
    elif kind == "session":
        for s in db.scalars(select(CommitteeSession).options(joinedload(CommitteeSession.committee).options(BARE), BARE)
                            .where(CommitteeSession.start_date.between(today, until))
                            .order_by(CommitteeSession.start_date, CommitteeSession.id).limit(MAX_PER_KIND)):
            yield sources._session_item(ctx, s, s.committee)
    elif kind == "anniversary":
        yield from sources.round_anniversaries(db, ctx, until)
    elif kind == "committee":
        yield from (item for item in sources.committee_due_items(db, ctx) if ctx.today <= item.day <= until)


def due_reminders(db: DbSession, rules: Rules, ctx: FeedContext) -> list[tuple[CalendarItem, int]]:
    """``(item, rule)`` for every item a rule of the user fires for today (queries run in the caller's scope)."""
    due = []
    for kind, _ in KINDS:
        offsets = rules.days_before.get(kind, [])
        if not offsets:
            continue
        for item in _upcoming(db, kind, ctx, ctx.today + timedelta(days=max(offsets))):
            rule = _rule_for((item.day - ctx.today).days, offsets)
            if rule is not None and not item.cancelled:
                due.append((item, rule))
    return due


def overdue(db: DbSession, ctx: FeedContext) -> list[CalendarItem]:
    """The weekly digest's items, oldest first: open commitments past their due date, then committees past
    their usual interval with no session planned (at most ``MAX_PER_KIND`` of each)."""
    query = (select(Commitment).options(BARE)
             .where(Commitment.due_date < ctx.today, Commitment.status.in_(OPEN_COMMITMENT))
             .order_by(Commitment.due_date, Commitment.id).limit(MAX_PER_KIND))
    late = [sources.commitment_item(ctx, c) for c in db.scalars(query)]
    committees = sorted((i for i in sources.committee_due_items(db, ctx) if i.day < ctx.today), key=lambda i: i.day)
    return late + committees[:MAX_PER_KIND]


# ----- messages ------------------------------------------------------------------------------------------
def reminder_message(ctx: FeedContext, item: CalendarItem) -> tuple[str, str]:
    """Subject and body of one reminder, in the context's language."""
    fmt, _ = ctx.fmt, ctx.fmt._
    left = (item.day - ctx.today).days
    when = (_("today") if left == 0 else
            fmt.ngettext("in %(num)d day", "in %(num)d days", left) % {"num": left})
    subject = _("Reminder: %(summary)s — %(date)s") % {"summary": item.summary, "date": fmt.date(item.day)}
    lines = [item.summary, f"{fmt.date(item.day, 'long')} ({when})"]
    if item.location:
        lines.append(item.location)
    if item.url:
        lines += ["", _("Open the record: %(url)s") % {"url": item.url}]
    lines += ["", _("You receive this because of your reminder settings in sticoop (your account page).")]
    return subject, "\n".join(lines) + "\n"


def digest_message(ctx: FeedContext, items: list[CalendarItem]) -> tuple[str, str]:
    """Subject and body of the weekly overdue digest."""
    fmt, _ = ctx.fmt, ctx.fmt._
    late = [i for i in items if i.kind != "committee-due"]
    committees = [i for i in items if i.kind == "committee-due"]
    subject = (fmt.ngettext("%(num)d overdue commitment", "%(num)d overdue commitments", len(late)) if late else
               fmt.ngettext("%(num)d committee past its usual interval",
                            "%(num)d committees past their usual interval", len(committees))) % {
        "num": len(late) or len(committees)}
    lines: list[str] = []
    for title, part in ((_("Commitments past their due date:"), late),
                        (_("Committees past their usual interval, no session planned (the day it was due):"),
                         committees)):
        if not part:
            continue
        lines += [title, ""] if not lines else ["", title, ""]
        for item in part:
            lines.append(f"- {fmt.date(item.day)}{fmt.colon} {item.summary}")
            if item.url:
                lines.append(f"  {item.url}")
    lines += ["", _("You receive this because of your reminder settings in sticoop (your account page).")]
    return subject, "\n".join(lines) + "\n"


# ----- sending -------------------------------------------------------------------------------------------
def _already_sent(db: DbSession, user_id: int, keys: list[tuple[str, int]]) -> set[tuple[str, int]]:
    if not keys:
        return set()
    uids = sorted({uid for uid, _ in keys})
    rows = db.execute(select(ReminderDelivery.item_uid, ReminderDelivery.offset_days)
                      .where(ReminderDelivery.user_id == user_id, ReminderDelivery.item_uid.in_(uids))).all()
    return {(uid, offset) for uid, offset in rows}


def _deliver(db: DbSession, mailer: SmtpMailer, user: User, language: str, uid: str, offset: int,
             day: date | None, message: tuple[str, str], now: datetime, summary: ReminderSummary) -> None:
    """Decide and send one reminder in one transaction: the row first (the unique key settles any race),
    then the mail, then the commit; a failed send rolls the decision back for the next run."""
    recipient = user.email or ""
    subject, body = message
    delivery = ReminderDelivery(user_id=user.id, item_uid=uid, offset_days=offset,
                                item_date=day.isoformat() if day else None, recipient=recipient,
                                subject=subject[:300], sent_at=now)
    db.add(delivery)
    try:
        db.flush()
    except IntegrityError:
        db.rollback()
        summary.skipped += 1
        return
    try:
        delivery.message_id = mailer.send(recipient, subject, body, language)
    except Exception as exc:  # noqa: BLE001 - any failure of one send must not stop the others
        db.rollback()
        summary.failed.append(f"{recipient}: {type(exc).__name__}: {exc}"[:300])
        return
    db.commit()
    summary.sent += 1
    summary.sent_to.append((recipient, subject))


def _digest_key(today: date) -> str:
    year, week, _ = today.isocalendar()
    return f"digest-{year}-W{week:02d}@sticoop"


def _one_user(db: DbSession, mailer: SmtpMailer, user: User, now: datetime, settings: Settings,
              summary: ReminderSummary) -> None:
    rules = rules_of(db, user.id, settings)
    if not rules.enabled:
        return
    ctx = feed_context(rules.language, now.date(), settings)
    act_as(db, principal_for_user(db, user, "reminders"))
    try:
        due = due_reminders(db, rules, ctx)
        late = overdue(db, ctx) if rules.weekly_digest else []
    finally:
        act_as(db, None)
    keys = [(item.uid, rule) for item, rule in due] + ([(_digest_key(ctx.today), 0)] if late else [])
    done = _already_sent(db, user.id, keys)
    summary.skipped += len(done)
    for item, rule in due:
        if (item.uid, rule) not in done:
            _deliver(db, mailer, user, rules.language, item.uid, rule, item.day, reminder_message(ctx, item), now,
                     summary)
    if late and (_digest_key(ctx.today), 0) not in done:
        _deliver(db, mailer, user, rules.language, _digest_key(ctx.today), 0, ctx.today,
                 digest_message(ctx, late), now, summary)


def send_due_reminders(db: DbSession, now: datetime, settings: Settings | None = None) -> ReminderSummary:
    """Send every reminder due at ``now`` (an aware instant; its UTC date is "today") to every active user
    with an e-mail address, each at most once, and return what was done.

    Each user's items are read under that user's principal (what their lists show, confidential rules
    included). ``ValidationFailed`` (field ``smtp_host``) when no SMTP server is configured; a failed send is
    reported in the summary and tried again at the next run.
    """
    settings = settings or get_settings()
    summary = ReminderSummary()
    act_as(db, None)  # the operator's run: each user's items are then read as that user
    user_ids = list(db.scalars(select(User.id).where(User.is_active.is_(True), User.email.is_not(None),
                                                     User.email != "").order_by(User.id)))
    with SmtpMailer(settings) as mailer:
        for user_id in user_ids:
            user = db.get(User, user_id)
            if user is None:
                continue
            summary.users += 1
            _one_user(db, mailer, user, now, settings, summary)
            db.commit()
            db.expunge_all()  # the next user's queries must not meet this user's rows in the identity map
    return summary


def rules_form_values(rules: Rules) -> dict[str, Any]:
    """The rules as the account form shows them (``days_commitment``: "1, 7, 30"...)."""
    values: dict[str, Any] = {f"days_{kind}": ", ".join(str(d) for d in sorted(rules.days_before.get(kind, []),
                                                                                 reverse=True))
                              for kind, _ in KINDS}
    values.update(enabled=rules.enabled, language=rules.language, weekly_digest=rules.weekly_digest)
    return values
