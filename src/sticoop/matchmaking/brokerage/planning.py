"""A fair's schedule, the participants' agendas (web, iCalendar, PDF) and what the fair produced.

Scheduling hands the accepted meetings to the CP-SAT scheduler (``matchmaking.engine.scheduling``: greedy start,
optimal when it can prove it) and stores each assignment, or the reason a meeting could not be placed, on the
meeting itself. The reason names the participants and slots as the organisers know them (display names, local
times): an organiser reading "no room for 12 and 31" cannot act on it.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.activities.models import Event
from sticoop.core import clock
from sticoop.core.crud import flush
from sticoop.core.errors import NotFound, Unavailable, ValidationFailed
from sticoop.core.labels import N_
from sticoop.matchmaking.brokerage.models import BrokerageParticipant, BrokerageSlot, BrokerageTable, MeetingRequest
from sticoop.matchmaking.brokerage.service import LABEL, display_names, fair, slot_text, stored_reason
from sticoop.matchmaking.engine.scheduling import Booked, Meeting, Participant, schedule_meetings


def schedule(db: Session, event_id: int, time_limit_s: float = 10.0) -> dict[str, Any]:
    """Place every accepted meeting in a slot at a table; those that cannot be placed say why. Meetings that
    already have an outcome keep their place (they happened); the rest are planned around them."""
    fair(db, event_id)
    slots = list(db.scalars(select(BrokerageSlot).where(BrokerageSlot.event_id == event_id)
                                 .order_by(BrokerageSlot.starts_at, BrokerageSlot.id)))
    tables = list(db.scalars(select(BrokerageTable).where(BrokerageTable.event_id == event_id)
                                  .order_by(BrokerageTable.id)))
    if not slots or not tables:
        missing = [name for name, rows in (("slots", slots), ("tables", tables)) if not rows]
        raise ValidationFailed("Add time slots and tables before scheduling", details={"missing": missing})
    slot_ids = [s.id for s in slots]
    participants = list(db.scalars(select(BrokerageParticipant)
                                        .where(BrokerageParticipant.event_id == event_id)))
    accepted = list(db.scalars(select(MeetingRequest).where(MeetingRequest.event_id == event_id,
                                                                 MeetingRequest.status == "accepted")))
    # a meeting with an outcome took place: running the scheduler again must not move it
    held = [m for m in accepted if m.outcome != "none" and m.slot_id is not None and m.table_id is not None]
    meetings = [m for m in accepted if m not in held]
    names = display_names(db, participants)
    known = set(slot_ids)
    result = schedule_meetings(
        # availability is filtered to this event's slots: a list left naming a removed slot must not crash
        [Participant(p.id, frozenset([s for s in p.availability if s in known] if p.availability else slot_ids),
                     names[p.id])
         for p in participants], [t.id for t in tables], slot_ids,
        [Meeting(m.id, m.requester_id, m.recipient_id) for m in meetings], time_limit_s=time_limit_s,
        slot_names={s.id: slot_text(s) for s in slots},
        booked=[Booked(m.requester_id, m.recipient_id, m.slot_id, m.table_id) for m in held],
    )
    unplaced = {u.meeting_id: u for u in result.unplaced}
    for m in meetings:
        slot_table = result.assignments.get(m.id)
        m.slot_id, m.table_id = cast(tuple[int, int], slot_table) if slot_table else (None, None)
        why = unplaced.get(m.id)
        m.unplaced_reason = None if why is None else stored_reason(why.code, why.reason)
    flush(db, LABEL)
    by_id = {m.id: m for m in meetings}
    return {"scheduled": result.scheduled_count + len(held), "accepted": len(accepted), "method": result.method,
            "optimal": result.optimal,
            "unplaced": [unplaced_row(by_id[cast(int, mid)], u, names) for mid, u in unplaced.items()]}


def unplaced_row(meeting: MeetingRequest, why: Any, names: dict[int, str]) -> dict[str, Any]:
    """A meeting the schedule could not place: its id, the reason (code and English text), the two
    participants and the ones the reason is about, by name."""
    return {"meeting_id": meeting.id, "reason": why.reason, "code": why.code,
            "between": [names[meeting.requester_id], names[meeting.recipient_id]],
            "about": [names[cast(int, p)] for p in why.who]}


def agenda(db: Session, participant_id: int) -> list[dict[str, Any]]:
    participant = db.get(BrokerageParticipant, participant_id)
    if participant is None:
        raise NotFound(f"Participant {participant_id} does not exist")
    rows = db.execute(
        select(MeetingRequest, BrokerageSlot, BrokerageTable)
        .join(BrokerageSlot, BrokerageSlot.id == MeetingRequest.slot_id)
        .join(BrokerageTable, BrokerageTable.id == MeetingRequest.table_id)
        .where((MeetingRequest.requester_id == participant_id) | (MeetingRequest.recipient_id == participant_id))
        .order_by(BrokerageSlot.starts_at)
    ).all()
    others = {m.requester_id if m.recipient_id == participant_id else m.recipient_id for m, _s, _t in rows}
    names = dict(db.execute(select(BrokerageParticipant.id, BrokerageParticipant.name)
                                 .where(BrokerageParticipant.id.in_(others))).all()) if others else {}
    return [{"meeting_id": m.id, "starts_at": s.starts_at, "ends_at": s.ends_at, "table": t.name,
             "with": names[m.requester_id if m.recipient_id == participant_id else m.recipient_id]}
            for m, s, t in rows]


#: the agenda file's texts (translated in the participant's language, like the calendar feeds)
AGENDA_NAME = N_("Brokerage agenda: %(participant)s — %(event)s")
AGENDA_NAME_NO_EVENT = N_("Brokerage agenda: %(participant)s")
MEETING_SUMMARY = N_("Meeting with %(name)s (table %(table)s)")
MEETING_DESCRIPTION = N_("Business meeting at the brokerage of %(event)s; table %(table)s.")


def agenda_ical(db: Session, participant_id: int, locale: str = "en") -> bytes:
    """A participant's agenda as an iCalendar file (RFC 5545, see :mod:`sticoop.core.ical`), its texts in
    ``locale`` (en, fr, vi; gettext: summaries, descriptions and the calendar's name).

    Slot times are local times at the fair: they are written with the zone of the event's country when it
    has one zone (Hanoi: Asia/Ho_Chi_Minh, with its VTIMEZONE), else ``STICOOP_TIMEZONE``, so a participant's
    calendar in Brussels shows a 09:00 Hanoi meeting at 03:00 (winter). UIDs are the meeting's
    (``brokerage-meeting-<id>@sticoop``, the same in both participants' files), SEQUENCE its version."""
    from sticoop.core.config import get_settings
    from sticoop.core.i18n import Formatter
    from sticoop.core.ical import CalendarItem, build_calendar, country_zone

    _ = Formatter(locale)._
    participant = db.get(BrokerageParticipant, participant_id)
    if participant is None:
        raise NotFound(f"Participant {participant_id} does not exist")
    event = db.get(Event, participant.event_id)
    settings = get_settings()
    zone = country_zone(event.country_code if event is not None else None, settings.timezone)
    meetings = agenda(db, participant_id)
    versions = dict(db.execute(select(MeetingRequest.id, MeetingRequest.version).where(
        MeetingRequest.id.in_([m["meeting_id"] for m in meetings]))).all()) if meetings else {}
    location = ", ".join(x for x in (event.title, event.city) if x) if event is not None else None
    event_title = event.title if event is not None else ""
    items = [CalendarItem(kind="brokerage-meeting", key=str(m["meeting_id"]),
                          summary=_(MEETING_SUMMARY) % {"name": m["with"], "table": m["table"]},
                          description=_(MEETING_DESCRIPTION) % {"event": event_title, "table": m["table"]},
                          start=m["starts_at"].replace(tzinfo=zone), end=m["ends_at"].replace(tzinfo=zone),
                          version=versions.get(m["meeting_id"], 1), location=location)
             for m in meetings]
    title = (_(AGENDA_NAME) % {"participant": participant.name, "event": event.title} if event is not None
             else _(AGENDA_NAME_NO_EVENT) % {"participant": participant.name})
    return build_calendar(items, name=title, stamp=clock.now(), refresh_minutes=settings.calendar_refresh_minutes,
                          product="brokerage agenda")


def outcome_totals(db: Session, event_id: int) -> dict[str, Any]:
    """What the fair produced: meetings scheduled and held, follow-ups, MoUs and contracts with their value
    per currency. A scheduled meeting is *held* once its slot has ended (slot times carry no zone: compared with
    ``clock.now()`` in UTC) or once an outcome is recorded for it; one still to come is only scheduled."""
    fair(db, event_id)
    counts: dict[str, int] = defaultdict(int)
    value: dict[str, Decimal] = defaultdict(Decimal)
    now = clock.now().replace(tzinfo=None)
    rows = db.execute(select(MeetingRequest.status, MeetingRequest.outcome, MeetingRequest.contract_value,
                                  MeetingRequest.currency, MeetingRequest.slot_id, BrokerageSlot.ends_at)
                           .outerjoin(BrokerageSlot, BrokerageSlot.id == MeetingRequest.slot_id)
                           .where(MeetingRequest.event_id == event_id)).all()
    for status, outcome, amount, currency, slot_id, ends_at in rows:
        counts[f"requests_{status}"] += 1
        if slot_id is not None:
            counts["meetings_scheduled"] += 1
            if (ends_at is not None and ends_at <= now) or outcome not in (None, "none"):
                counts["meetings_held"] += 1
        if status == "accepted":
            counts[outcome] += 1
        if outcome == "contract_signed" and amount is not None and currency:
            value[currency] += amount
    return {"counts": dict(counts), "contract_value": {c: str(v) for c, v in value.items()}}


def agenda_pdf(db: Session, participant_id: int) -> bytes:
    """A printable agenda (WeasyPrint; DejaVu fonts cover Vietnamese and Lao names)."""
    from html import escape

    try:
        from weasyprint import HTML
    except OSError as exc:  # WeasyPrint loads Pango at import time
        raise Unavailable("PDF agendas need the Pango library (Debian: apt-get install libpango-1.0-0 "
                          "libpangoft2-1.0-0); the iCalendar and web agendas work without it") from exc

    participant = db.get(BrokerageParticipant, participant_id)
    if participant is None:
        raise NotFound(f"Participant {participant_id} does not exist")
    event = db.get(Event, participant.event_id)
    rows = "".join(
        f"<tr><td>{item['starts_at']:%d %b %Y %H:%M}–{item['ends_at']:%H:%M}</td><td>{escape(item['table'])}</td>"
        f"<td>{escape(item['with'])}</td></tr>" for item in agenda(db, participant_id)
    ) or "<tr><td colspan='3'>No meetings scheduled yet.</td></tr>"
    title = escape(event.title if event else "Brokerage event")
    html = (f"<html><head><meta charset='utf-8'><style>body{{font-family:'DejaVu Sans',sans-serif;font-size:11pt}}"
            f"table{{border-collapse:collapse;width:100%}}td,th{{border:1px solid #999;padding:4pt;text-align:left}}"
            f"</style></head><body><h1>{title}</h1><h2>{escape(participant.name)}</h2>"
            f"<table><tr><th>Time</th><th>Table</th><th>Meeting with</th></tr>{rows}</table></body></html>")
    return HTML(string=html).write_pdf()
