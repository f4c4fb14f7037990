"""Brokerage-event rules: who may request whom, scheduling accepted meetings, agendas and outcome totals.

Scheduling hands the accepted meetings to the CP-SAT scheduler (greedy start, optimal when it can prove
it) and stores each assignment, or the reason a meeting could not be placed, on the meeting itself. The
reason names the participants and slots as the organisers know them (display names, local times): an
organiser reading "no room for 12 and 31" cannot act on it. Changing or removing slots, tables and
participants is in ``brokerage_edit``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.activities.models import Event
from sticoop.core import clock
from sticoop.core.crud import flush
from sticoop.core.errors import Conflict, NotFound, Unavailable, ValidationFailed
from sticoop.matchmaking.brokerage_models import (
    OUTCOMES,
    BrokerageParticipant,
    BrokerageSlot,
    BrokerageTable,
    MeetingRequest,
)
from sticoop.matchmaking.engine.scheduling import Booked, Meeting, Participant, schedule_meetings
from sticoop.matchmaking.models import TechProfile
from sticoop.partners.models import Organization, Person


def fair(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise NotFound(f"Event {event_id} does not exist")
    if event.kind != "tech_transfer_fair":
        raise ValidationFailed(f"Event {event_id} is a {event.kind}; brokerage needs a technology-transfer fair")
    return event


def add_participant(session: Session, event_id: int, name: str, organization_id: int | None = None,
                    person_id: int | None = None, profile_ids: list[int] | None = None,
                    availability: list[int] | None = None, actor: str = "system") -> BrokerageParticipant:
    fair(session, event_id)
    if not name.strip():
        raise ValidationFailed("A participant needs a name", field="name")
    check_participant(session, event_id, None, name, organization_id, person_id, profile_ids, availability)
    participant = BrokerageParticipant(event_id=event_id, name=name.strip()[:300], organization_id=organization_id,
                                       person_id=person_id, profile_ids=profile_ids or [],
                                       availability=sorted(set(availability or [])), created_by=actor,
                                       updated_by=actor)
    session.add(participant)
    flush(session, "Brokerage record")
    return participant


def check_participant(session: Session, event_id: int, participant_id: int | None, name: str,
                      organization_id: int | None, person_id: int | None, profile_ids: list[int] | None,
                      availability: list[int] | None) -> None:
    """What a new or changed participant must satisfy: known organisation, person, profiles and slots of
    this event, and a name no other participant of the event has (names are how organisers tell them apart)."""
    if organization_id is not None and session.get(Organization, organization_id) is None:
        raise ValidationFailed(f"Unknown organization {organization_id}", field="organization_id")
    if person_id is not None and session.get(Person, person_id) is None:
        raise ValidationFailed(f"Unknown person {person_id}", field="person_id")
    missing = sorted(set(profile_ids or []) - set(session.scalars(
        select(TechProfile.id).where(TechProfile.id.in_(set(profile_ids or [])))))) if profile_ids else []
    if missing:
        raise ValidationFailed(f"Unknown profile(s): {', '.join(map(str, missing))}", field="profile_ids")
    same_name = select(BrokerageParticipant.id).where(BrokerageParticipant.event_id == event_id,
                                                      BrokerageParticipant.name == name.strip())
    if participant_id is not None:
        same_name = same_name.where(BrokerageParticipant.id != participant_id)
    if session.scalar(same_name):
        raise Conflict(f"'{name.strip()}' already takes part in this event", field="name")
    slots = set(session.scalars(select(BrokerageSlot.id).where(BrokerageSlot.event_id == event_id)))
    unknown = sorted(set(availability or []) - slots)
    if unknown:
        raise ValidationFailed(f"Unknown slot(s) for this event: {', '.join(map(str, unknown))}",
                               field="availability")


def slot_text(slot: BrokerageSlot) -> str:
    """A slot as messages name it: "10 Sep 09:00–09:30" (the event's local time)."""
    return f"{slot.starts_at:%d %b %H:%M}–{slot.ends_at:%H:%M}"


def display_names(session: Session, participants: list[BrokerageParticipant]) -> dict[int, str]:
    """Participant id → how messages name them: the name, with the organisation when it adds something."""
    org_ids = {p.organization_id for p in participants if p.organization_id is not None}
    orgs = dict(session.execute(select(Organization.id, Organization.name)
                                .where(Organization.id.in_(org_ids))).all()) if org_ids else {}
    out = {}
    for p in participants:
        org = orgs.get(p.organization_id) if p.organization_id is not None else None
        out[p.id] = f"{p.name} ({org})" if org and org.casefold() not in p.name.casefold() else p.name
    return out


def check_slot(start: datetime, end: datetime, taken: list[tuple[datetime, datetime]]) -> None:
    """A slot is in the event's local time, ends after it starts and overlaps none of ``taken``."""
    if start.tzinfo is not None or end.tzinfo is not None:
        raise ValidationFailed("Give slot times in the event's local time, without a time zone")
    if end <= start:
        raise ValidationFailed(f"A slot must end after it starts ({start:%H:%M}–{end:%H:%M})")
    clash = next(((a, b) for a, b in taken if start < b and a < end), None)
    if clash:
        raise ValidationFailed(f"The slot {start:%d %b %H:%M}–{end:%H:%M} overlaps the slot "
                               f"{clash[0]:%d %b %H:%M}–{clash[1]:%H:%M}")


def add_slots(session: Session, event_id: int, slots: list[tuple[datetime, datetime]]) -> list[BrokerageSlot]:
    """Slots are in the event's local time (no time zone) and may not overlap: a participant could otherwise
    be given two meetings at once in two overlapping slots."""
    fair(session, event_id)
    taken = [(s.starts_at, s.ends_at) for s in session.scalars(
        select(BrokerageSlot).where(BrokerageSlot.event_id == event_id))]
    created = []
    for start, end in slots:
        check_slot(start, end, taken)
        taken.append((start, end))
        created.append(BrokerageSlot(event_id=event_id, starts_at=start, ends_at=end))
    session.add_all(created)
    flush(session, "Brokerage record")
    return created


def add_tables(session: Session, event_id: int, names: list[str]) -> list[BrokerageTable]:
    fair(session, event_id)
    tables = [BrokerageTable(event_id=event_id, name=n.strip()[:60]) for n in names if n.strip()]
    session.add_all(tables)
    flush(session, "Brokerage record")
    return tables


def _participant(session: Session, event_id: int, participant_id: int) -> BrokerageParticipant:
    participant = session.get(BrokerageParticipant, participant_id)
    if participant is None or participant.event_id != event_id:
        raise ValidationFailed(f"Participant {participant_id} does not take part in event {event_id}")
    return participant


def request_meeting(session: Session, event_id: int, requester_id: int, recipient_id: int,
                    message: str | None = None, actor: str = "system") -> MeetingRequest:
    fair(session, event_id)
    if requester_id == recipient_id:
        raise ValidationFailed("A participant cannot request a meeting with themselves", field="recipient_id")
    _participant(session, event_id, requester_id)
    _participant(session, event_id, recipient_id)
    pair = {requester_id, recipient_id}
    for existing in session.scalars(select(MeetingRequest).where(
            MeetingRequest.event_id == event_id, MeetingRequest.status != "declined",
            MeetingRequest.requester_id.in_(pair), MeetingRequest.recipient_id.in_(pair))):
        raise Conflict(f"These two participants already have a meeting request ({existing.id})")
    request = MeetingRequest(event_id=event_id, requester_id=requester_id, recipient_id=recipient_id,
                             message=(message or "")[:5000] or None, created_by=actor, updated_by=actor)
    session.add(request)
    flush(session, "Brokerage record")
    return request


def get_meeting(session: Session, meeting_id: int) -> MeetingRequest:
    meeting = session.get(MeetingRequest, meeting_id)
    if meeting is None:
        raise NotFound(f"Meeting request {meeting_id} does not exist")
    return meeting


def respond(session: Session, meeting_id: int, accept: bool, actor: str = "system") -> MeetingRequest:
    meeting = get_meeting(session, meeting_id)
    if meeting.status != "requested":
        raise Conflict(f"Meeting request {meeting_id} was already {meeting.status}")
    meeting.status = "accepted" if accept else "declined"
    meeting.updated_by = actor
    flush(session, "Brokerage record")
    return meeting


def schedule(session: Session, event_id: int, time_limit_s: float = 10.0) -> dict[str, Any]:
    """Place every accepted meeting in a slot at a table; those that cannot be placed say why. Meetings that
    already have an outcome keep their place (they happened); the rest are planned around them."""
    fair(session, event_id)
    slots = list(session.scalars(select(BrokerageSlot).where(BrokerageSlot.event_id == event_id)
                                 .order_by(BrokerageSlot.starts_at, BrokerageSlot.id)))
    tables = list(session.scalars(select(BrokerageTable).where(BrokerageTable.event_id == event_id)
                                  .order_by(BrokerageTable.id)))
    if not slots or not tables:
        raise ValidationFailed("Add time slots and tables before scheduling")
    slot_ids = [s.id for s in slots]
    participants = list(session.scalars(select(BrokerageParticipant)
                                        .where(BrokerageParticipant.event_id == event_id)))
    accepted = list(session.scalars(select(MeetingRequest).where(MeetingRequest.event_id == event_id,
                                                                 MeetingRequest.status == "accepted")))
    # a meeting with an outcome took place: running the scheduler again must not move it
    held = [m for m in accepted if m.outcome != "none" and m.slot_id is not None and m.table_id is not None]
    meetings = [m for m in accepted if m not in held]
    names = display_names(session, participants)
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
    unplaced = {cast(int, u.meeting_id): u for u in result.unplaced}  # the scheduler answers with our ids
    reason_length = getattr(MeetingRequest.__table__.c.unplaced_reason.type, "length", None) or 300
    for m in meetings:
        slot_table = result.assignments.get(m.id)
        m.slot_id, m.table_id = cast("tuple[int, int]", slot_table) if slot_table else (None, None)
        reason = unplaced[m.id].reason if m.id in unplaced else None
        m.unplaced_reason = None if reason is None else (
            reason if len(reason) <= reason_length else reason[:reason_length - 1] + "…")
    flush(session, "Brokerage record")
    by_id = {m.id: m for m in meetings}
    return {"scheduled": result.scheduled_count + len(held), "accepted": len(accepted), "method": result.method,
            "optimal": result.optimal,
            "unplaced": [{"meeting_id": mid, "reason": u.reason, "code": u.code,
                          "between": [names[by_id[mid].requester_id], names[by_id[mid].recipient_id]],
                          "about": [names[cast(int, p)] for p in u.who]} for mid, u in unplaced.items()]}


def agenda(session: Session, participant_id: int) -> list[dict[str, Any]]:
    participant = session.get(BrokerageParticipant, participant_id)
    if participant is None:
        raise NotFound(f"Participant {participant_id} does not exist")
    rows = session.execute(
        select(MeetingRequest, BrokerageSlot, BrokerageTable)
        .join(BrokerageSlot, BrokerageSlot.id == MeetingRequest.slot_id)
        .join(BrokerageTable, BrokerageTable.id == MeetingRequest.table_id)
        .where((MeetingRequest.requester_id == participant_id) | (MeetingRequest.recipient_id == participant_id))
        .order_by(BrokerageSlot.starts_at)
    ).all()
    others = {m.requester_id if m.recipient_id == participant_id else m.recipient_id for m, _s, _t in rows}
    names = dict(session.execute(select(BrokerageParticipant.id, BrokerageParticipant.name)
                                 .where(BrokerageParticipant.id.in_(others))).all()) if others else {}
    return [{"meeting_id": m.id, "starts_at": s.starts_at, "ends_at": s.ends_at, "table": t.name,
             "with": names[m.requester_id if m.recipient_id == participant_id else m.recipient_id]}
            for m, s, t in rows]


def agenda_ical(session: Session, participant_id: int) -> bytes:
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    participant = session.get(BrokerageParticipant, participant_id)
    if participant is None:
        raise NotFound(f"Participant {participant_id} does not exist")
    event = session.get(Event, participant.event_id)
    calendar = Calendar()
    calendar.add("prodid", "-//sticoop//brokerage agenda//EN")
    calendar.add("version", "2.0")
    for item in agenda(session, participant_id):
        entry = CalendarEvent()
        entry.add("uid", f"sticoop-meeting-{item['meeting_id']}-{participant_id}")
        entry.add("summary", f"Meeting with {item['with']} (table {item['table']})")
        entry.add("dtstart", item["starts_at"])
        entry.add("dtend", item["ends_at"])
        if event is not None:
            entry.add("location", ", ".join(x for x in (event.title, event.city) if x))
        calendar.add_component(entry)
    return calendar.to_ical()


def record_outcome(session: Session, meeting_id: int, outcome: str, contract_value: Decimal | None = None,
                   currency: str | None = None, note: str | None = None, actor: str = "system") -> MeetingRequest:
    meeting = get_meeting(session, meeting_id)
    if outcome not in OUTCOMES:
        raise ValidationFailed(f"Unknown outcome '{outcome}'; one of: {', '.join(OUTCOMES)}", field="outcome")
    if meeting.status != "accepted":
        raise ValidationFailed("Only an accepted meeting can have an outcome", field="outcome")
    if outcome == "contract_signed" and (contract_value is None or not currency):
        raise ValidationFailed("A signed contract needs its value and currency", field="contract_value")
    meeting.outcome = outcome
    meeting.contract_value = contract_value if outcome == "contract_signed" else None
    meeting.currency = currency.upper() if outcome == "contract_signed" and currency else None
    meeting.outcome_note = note
    meeting.updated_by = actor
    flush(session, "Brokerage record")
    return meeting


def outcome_totals(session: Session, event_id: int) -> dict[str, Any]:
    """What the fair produced: meetings scheduled and held, follow-ups, MoUs and contracts with their value
    per currency. A scheduled meeting is *held* once its slot has ended (slot times carry no zone: compared with
    ``clock.now()`` in UTC) or once an outcome is recorded for it; one still to come is only scheduled."""
    fair(session, event_id)
    counts: dict[str, int] = defaultdict(int)
    value: dict[str, Decimal] = defaultdict(Decimal)
    now = clock.now().replace(tzinfo=None)
    rows = session.execute(select(MeetingRequest.status, MeetingRequest.outcome, MeetingRequest.contract_value,
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


def agenda_pdf(session: Session, participant_id: int) -> bytes:
    """A printable agenda (WeasyPrint; DejaVu fonts cover Vietnamese and Lao names)."""
    from html import escape

    try:
        from weasyprint import HTML
    except OSError as exc:  # WeasyPrint loads Pango at import time
        raise Unavailable("PDF agendas need the Pango library (Debian: apt-get install libpango-1.0-0 "
                          "libpangoft2-1.0-0); the iCalendar and web agendas work without it") from exc

    participant = session.get(BrokerageParticipant, participant_id)
    if participant is None:
        raise NotFound(f"Participant {participant_id} does not exist")
    event = session.get(Event, participant.event_id)
    rows = "".join(
        f"<tr><td>{item['starts_at']:%d %b %Y %H:%M}–{item['ends_at']:%H:%M}</td><td>{escape(item['table'])}</td>"
        f"<td>{escape(item['with'])}</td></tr>" for item in agenda(session, participant_id)
    ) or "<tr><td colspan='3'>No meetings scheduled yet.</td></tr>"
    title = escape(event.title if event else "Brokerage event")
    html = (f"<html><head><meta charset='utf-8'><style>body{{font-family:'DejaVu Sans',sans-serif;font-size:11pt}}"
            f"table{{border-collapse:collapse;width:100%}}td,th{{border:1px solid #999;padding:4pt;text-align:left}}"
            f"</style></head><body><h1>{title}</h1><h2>{escape(participant.name)}</h2>"
            f"<table><tr><th>Time</th><th>Table</th><th>Meeting with</th></tr>{rows}</table></body></html>")
    return HTML(string=html).write_pdf()
