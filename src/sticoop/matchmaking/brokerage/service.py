"""Brokerage rules, on the generic record service: participants, slots, tables and meeting requests of a fair.

Each kind is a :class:`~sticoop.core.crud.RecordService` (``participants``, ``slots``, ``tables``, ``meetings``):
creation through ``create`` (authorised, checked in ``check``), the participant's change through the versioned
``update`` (one version check: ``RecordService.check_version``) and removal through ``delete`` once its own
dependents are dealt with, so every change is audited and scoped like any record (the four tables are reached
through their event: ``register_scope`` in ``matchmaking.service.register``). Slots and tables have no version
column: their changes are last-write-wins.

What an organiser expects when the plan changes under an existing schedule:

* a slot or a table removed: the meetings placed there lose their place, explicitly — they stay accepted,
  show up in the "could not be placed" list with the reason, and the answer names them, so the organiser
  runs the scheduler again. It is refused (409) when one of those meetings already has an outcome (it took
  place; the fair's record is not rewritten), and when the slot is the only one some participant can attend
  (an empty availability means "every slot", so removing it would silently widen theirs);
* a slot moved to other times keeps its meetings (the agendas follow); it may not overlap another slot;
* a participant whose new availability no longer covers the slot of one of their meetings loses that place,
  the same way;
* a participant removed takes their pending and declined requests along; accepted meetings are the other
  side's too, so they are refused (409, naming them) unless the organiser explicitly cancels them
  (``cancel_meetings``); a meeting with an outcome is never dropped.

Every method does its checks before the changes it cannot take back and runs in the caller's transaction,
which commits all or nothing. The schedule, agendas and totals are in ``planning``.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, ClassVar, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.activities.models import Event
from sticoop.core.crud import RecordService, flush, touch
from sticoop.core.errors import Conflict, NotFound, ValidationFailed
from sticoop.core.models import Base
from sticoop.matchmaking.brokerage.models import (
    OUTCOMES,
    BrokerageParticipant,
    BrokerageSlot,
    BrokerageTable,
    MeetingRequest,
)
from sticoop.matchmaking.brokerage.schemas import MeetingNew, ParticipantNew, ParticipantPatch
from sticoop.matchmaking.engine.scheduling import NO_AVAILABILITY, NO_COMMON_SLOT, NO_ROOM, NO_TABLES
from sticoop.matchmaking.models import TechProfile
from sticoop.partners.models import Organization, Person

#: the code of the reason stored on a meeting that lost its place because the plan changed
UNSCHEDULED = "unscheduled"
#: codes a stored ``unplaced_reason`` starts with (``"<code>: <English text>"``), so pages translate by code
REASON_CODES = (UNSCHEDULED, NO_TABLES, NO_AVAILABILITY, NO_COMMON_SLOT, NO_ROOM)
REASON_LENGTH = 300  # MeetingRequest.unplaced_reason holds 300 characters
#: how flush conflicts name what clashed
LABEL = "Brokerage record"
_UNSCHEDULED_INFO = "brokerage_unscheduled"

R = TypeVar("R", bound=Base)


def fair(db: Session, event_id: int) -> Event:
    event = db.get(Event, event_id)
    if event is None:
        raise NotFound(f"Event {event_id} does not exist")
    if event.kind != "tech_transfer_fair":
        raise ValidationFailed(f"Event {event_id} is a {event.kind}; brokerage needs a technology-transfer fair")
    return event


def check_participant(db: Session, event_id: int, participant_id: int | None, name: str,
                      organization_id: int | None, person_id: int | None, profile_ids: list[int] | None,
                      availability: list[int] | None) -> None:
    """What a new or changed participant must satisfy: known organisation, person, profiles and slots of
    this event, and a name no other participant of the event has (names are how organisers tell them apart)."""
    if organization_id is not None and db.get(Organization, organization_id) is None:
        raise ValidationFailed(f"Unknown organization {organization_id}", field="organization_id")
    if person_id is not None and db.get(Person, person_id) is None:
        raise ValidationFailed(f"Unknown person {person_id}", field="person_id")
    missing = sorted(set(profile_ids or []) - set(db.scalars(
        select(TechProfile.id).where(TechProfile.id.in_(set(profile_ids or [])))))) if profile_ids else []
    if missing:
        raise ValidationFailed(f"Unknown profile(s): {', '.join(map(str, missing))}", field="profile_ids")
    same_name = select(BrokerageParticipant.id).where(BrokerageParticipant.event_id == event_id,
                                                      BrokerageParticipant.name == name.strip())
    if participant_id is not None:
        same_name = same_name.where(BrokerageParticipant.id != participant_id)
    if db.scalar(same_name):
        raise Conflict(f"'{name.strip()}' already takes part in this event", field="name")
    slots = set(db.scalars(select(BrokerageSlot.id).where(BrokerageSlot.event_id == event_id)))
    unknown = sorted(set(availability or []) - slots)
    if unknown:
        raise ValidationFailed(f"Unknown slot(s) for this event: {', '.join(map(str, unknown))}",
                               field="availability")


def slot_text(slot: BrokerageSlot) -> str:
    """A slot as messages name it: "10 Sep 09:00–09:30" (the event's local time)."""
    return f"{slot.starts_at:%d %b %H:%M}–{slot.ends_at:%H:%M}"


def display_names(db: Session, participants: list[BrokerageParticipant]) -> dict[int, str]:
    """Participant id → how messages name them: the name, with the organisation when it adds something."""
    org_ids = {p.organization_id for p in participants if p.organization_id is not None}
    orgs = dict(db.execute(select(Organization.id, Organization.name)
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


def stored_reason(code: str, text: str) -> str:
    """How a meeting keeps why it is not placed: ``"<code>: <English text>"``, cut to the column's length."""
    stored = f"{code}: {text}"
    return stored if len(stored) <= REASON_LENGTH else stored[:REASON_LENGTH - 1] + "…"


def read_reason(stored: str | None) -> tuple[str | None, str]:
    """``(code, English text)`` of a stored reason; the code is None for a reason stored without one."""
    code, _, text = (stored or "").partition(": ")
    return (code, text) if code in REASON_CODES else (None, stored or "")


def _names(db: Session, event_id: int) -> dict[int, str]:
    return display_names(db, list(db.scalars(
        select(BrokerageParticipant).where(BrokerageParticipant.event_id == event_id))))


def _between(names: dict[int, str], m: MeetingRequest) -> str:
    return f"{names.get(m.requester_id, '?')} ↔ {names.get(m.recipient_id, '?')}"


def _refuse_held(names: dict[int, str], meetings: list[MeetingRequest], message: str) -> None:
    """409 naming the meetings that already have an outcome: they took place, the fair's record stays."""
    held = [m for m in meetings if m.outcome != "none"]
    if held:
        listed = "; ".join(f"{_between(names, m)} ({m.outcome.replace('_', ' ')})" for m in held)
        raise Conflict(f"{message}: {listed}", details={"meetings": [m.id for m in held]})


def _unschedule(db: Session, event_id: int, meetings: list[MeetingRequest], action: str,
                cause: str) -> list[dict[str, Any]]:
    """Take meetings out of the schedule, saying why on each; refused if one of them already took place.

    ``action`` is what the organiser tried ("remove the slot …"), ``cause`` what the meetings are told."""
    names = _names(db, event_id)
    _refuse_held(names, meetings, f"Cannot {action}: meetings there already have an outcome")
    out = []
    for m in meetings:
        m.slot_id = m.table_id = None
        m.unplaced_reason = stored_reason(UNSCHEDULED, f"{cause}; schedule again")
        out.append({"meeting_id": m.id, "between": _between(names, m)})
    return out


def _placed(db: Session, column: Any, value: int) -> list[MeetingRequest]:
    return list(db.scalars(select(MeetingRequest).where(column == value).order_by(MeetingRequest.id)))


class _OfFair(RecordService[R]):  # type: ignore[type-var]  # slots and tables carry no version: not Records
    """What the four brokerage services share: records of one fair, found by event, flushed as one label."""

    natural_key = None  # uniqueness within the event is checked by the rules themselves
    #: the 404 message for a record of another event: ``{id}`` and ``{event}`` are filled in
    missing: ClassVar[str]

    def of_event(self, db: Session, event_id: int, record_id: int) -> R:
        """The record, when it belongs to this fair: one of another event is 'not found', never changed."""
        fair(db, event_id)
        found = db.get(self.model, record_id)
        if found is None or getattr(found, "event_id", None) != event_id:
            raise NotFound(self.missing.format(id=record_id, event=event_id))
        return found

    def _flush(self, db: Session) -> None:
        flush(db, LABEL)


class ParticipantService(_OfFair[BrokerageParticipant]):
    model = BrokerageParticipant
    entity = "brokerage_participant"
    label = "Participant"
    missing = "Participant {id} does not take part in event {event}"

    def add(self, db: Session, event_id: int, name: str, organization_id: int | None = None,
            person_id: int | None = None, profile_ids: list[int] | None = None,
            availability: list[int] | None = None, actor: str = "system") -> BrokerageParticipant:
        """A new participant of the fair (rules in ``check``); 404 for an unknown event, 422/409 as ``check``."""
        fair(db, event_id)
        data = ParticipantNew.model_construct(event_id=event_id, name=name, organization_id=organization_id,
                                              person_id=person_id, profile_ids=profile_ids or [],
                                              availability=availability or [])
        return self.create(db, data, actor)

    def check(self, db: Session, obj: BrokerageParticipant) -> None:
        """Normalise (trimmed name, unique profiles, sorted availability) and apply ``check_participant``."""
        obj.name = (obj.name or "").strip()[:300]
        if not obj.name:
            raise ValidationFailed("A participant needs a name", field="name")
        obj.profile_ids = list(dict.fromkeys(obj.profile_ids or []))
        obj.availability = sorted(set(obj.availability or []))
        check_participant(db, obj.event_id, obj.id, obj.name, obj.organization_id, obj.person_id,
                          obj.profile_ids, obj.availability)

    def change(self, db: Session, event_id: int, participant_id: int, version: int | None,
               values: dict[str, Any], actor: str = "system") -> tuple[BrokerageParticipant, list[dict[str, Any]]]:
        """Change a participant (the ``version`` read is required: 422 without, 409 if stale); meetings now
        outside their availability are unscheduled and returned as ``[{"meeting_id", "between"}]``."""
        self.of_event(db, event_id, participant_id)
        unknown = sorted(set(values) - set(ParticipantPatch.model_fields))
        if unknown:
            raise ValidationFailed(f"Unknown field(s): {', '.join(unknown)}")
        found = self.update(db, participant_id, ParticipantPatch.model_construct(**{**values, "version": version}),
                            actor)
        return found, db.info.pop(_UNSCHEDULED_INFO, [])

    def after_write(self, db: Session, obj: BrokerageParticipant, values: dict[str, Any],
                    created: bool) -> None:
        """A narrowed availability takes the participant's meetings in other slots out of the schedule."""
        if created or not obj.availability:
            return
        free = set(obj.availability)
        lost = [m for m in db.scalars(select(MeetingRequest).where(
            (MeetingRequest.requester_id == obj.id) | (MeetingRequest.recipient_id == obj.id),
            MeetingRequest.slot_id.is_not(None)).order_by(MeetingRequest.id)) if m.slot_id not in free]
        if lost:
            db.info[_UNSCHEDULED_INFO] = _unschedule(
                db, obj.event_id, lost, f"change the availability of {obj.name}",
                f"{obj.name} is no longer available at that time")

    def remove(self, db: Session, event_id: int, participant_id: int, version: int | None,
               cancel_meetings: bool = False, actor: str = "system") -> list[dict[str, Any]]:
        """Remove a participant and their requests; returns the accepted meetings cancelled with them."""
        found = self.of_event(db, event_id, participant_id)
        self.authorize(db, found, "delete")
        self.check_version(found, version)
        theirs = list(db.scalars(select(MeetingRequest).where(
            (MeetingRequest.requester_id == participant_id) | (MeetingRequest.recipient_id == participant_id))
            .order_by(MeetingRequest.id)))
        names = _names(db, event_id)
        _refuse_held(names, theirs, f"Cannot remove {found.name}: their meetings already have outcomes the "
                                    "fair's totals count")
        accepted = [m for m in theirs if m.status == "accepted"]
        if accepted and not cancel_meetings:
            listed = "; ".join(_between(names, m) + (" (scheduled)" if m.slot_id is not None else "")
                               for m in accepted)
            raise Conflict(f"{found.name} has {len(accepted)} accepted meeting(s): {listed}. Cancel them with the "
                           "participant (cancel_meetings) or keep the participant", field="cancel_meetings",
                           details={"meetings": [m.id for m in accepted]})
        cancelled = [{"meeting_id": m.id, "between": _between(names, m)} for m in accepted]
        db.info["actor"] = actor
        for m in theirs:  # one by one through the ORM, so each removal is audited
            db.delete(m)
        self._flush(db)
        self.delete(db, participant_id, version, actor)  # the version again, and nothing else refers to it
        return cancelled


class SlotService(_OfFair[BrokerageSlot]):
    model = BrokerageSlot
    entity = "brokerage_slot"
    label = "Slot"
    missing = "Slot {id} is not a slot of event {event}"

    def _taken(self, db: Session, event_id: int, but: int | None = None) -> list[tuple[datetime, datetime]]:
        query = select(BrokerageSlot).where(BrokerageSlot.event_id == event_id)
        if but is not None:
            query = query.where(BrokerageSlot.id != but)
        return [(s.starts_at, s.ends_at) for s in db.scalars(query)]

    def add(self, db: Session, event_id: int, slots: list[tuple[datetime, datetime]]) -> list[BrokerageSlot]:
        """Slots are in the event's local time (no time zone) and may not overlap: a participant could otherwise
        be given two meetings at once in two overlapping slots."""
        fair(db, event_id)
        taken = self._taken(db, event_id)
        created = []
        for start, end in slots:
            check_slot(start, end, taken)
            taken.append((start, end))
            created.append(BrokerageSlot(event_id=event_id, starts_at=start, ends_at=end))
        for slot in created:
            self.authorize(db, slot, "create")
        db.add_all(created)
        self._flush(db)
        return created

    def move(self, db: Session, event_id: int, slot_id: int, starts_at: datetime,
             ends_at: datetime) -> BrokerageSlot:
        """New times for a slot; its meetings stay (their agendas show the new times)."""
        slot = self.of_event(db, event_id, slot_id)
        self.authorize(db, slot, "update")
        check_slot(starts_at, ends_at, self._taken(db, event_id, but=slot_id))
        slot.starts_at, slot.ends_at = starts_at, ends_at
        self._flush(db)
        return slot

    def remove(self, db: Session, event_id: int, slot_id: int, actor: str = "system") -> list[dict[str, Any]]:
        """Remove a slot; returns the meetings that lost their place (see the module docstring)."""
        slot = self.of_event(db, event_id, slot_id)
        self.authorize(db, slot, "delete")
        label = slot_text(slot)
        people = list(db.scalars(select(BrokerageParticipant)
                                      .where(BrokerageParticipant.event_id == event_id)))
        only_here = sorted(p.name for p in people if p.availability == [slot_id])
        if only_here:
            raise Conflict(f"Cannot remove the slot {label}: it is the only slot {', '.join(only_here)} can attend; "
                           "change their availability first", field="availability",
                           details={"participants": only_here})
        unscheduled = _unschedule(db, event_id, _placed(db, MeetingRequest.slot_id, slot_id),
                                  f"remove the slot {label}", f"the slot {label} was removed")
        for p in people:
            if slot_id in (p.availability or []):
                p.availability = [s for s in p.availability if s != slot_id]
                touch(p, actor)
        self._flush(db)  # the meetings let go of the slot before it goes
        _delete_unreferenced(self, db, slot)
        return unscheduled


class TableService(_OfFair[BrokerageTable]):
    model = BrokerageTable
    entity = "brokerage_table"
    label = "Table"
    missing = "Table {id} is not a table of event {event}"

    def add(self, db: Session, event_id: int, names: list[str]) -> list[BrokerageTable]:
        """Tables named ``names`` (trimmed, at most 60 characters; blank names skipped)."""
        fair(db, event_id)
        tables = [BrokerageTable(event_id=event_id, name=n.strip()[:60]) for n in names if n.strip()]
        for table in tables:
            self.authorize(db, table, "create")
        db.add_all(tables)
        self._flush(db)
        return tables

    def rename(self, db: Session, event_id: int, table_id: int, name: str) -> BrokerageTable:
        """A new name, unique in the event (1–60 characters): 422 when blank or long, 409 when taken."""
        table = self.of_event(db, event_id, table_id)
        self.authorize(db, table, "update")
        name = name.strip()
        if not name:
            raise ValidationFailed("A table needs a name", field="name")
        if len(name) > 60:
            raise ValidationFailed("A table name has at most 60 characters", field="name")
        if db.scalar(select(BrokerageTable.id).where(BrokerageTable.event_id == event_id,
                                                          BrokerageTable.name == name,
                                                          BrokerageTable.id != table_id)):
            raise Conflict(f"This event already has a table called '{name}'", field="name")
        table.name = name
        self._flush(db)
        return table

    def remove(self, db: Session, event_id: int, table_id: int) -> list[dict[str, Any]]:
        """Remove a table; returns the meetings that lost their place there."""
        table = self.of_event(db, event_id, table_id)
        self.authorize(db, table, "delete")
        unscheduled = _unschedule(db, event_id, _placed(db, MeetingRequest.table_id, table_id),
                                  f"remove table {table.name}", f"table {table.name} was removed")
        self._flush(db)
        _delete_unreferenced(self, db, table)
        return unscheduled


def _delete_unreferenced(service: _OfFair[Any], db: Session, obj: Any) -> None:
    """Delete a slot or table once nothing refers to it any more (``RecordService.dependents``)."""
    blocking = service.dependents(db, obj)
    if blocking:
        listed = ", ".join(f"{count} {name}" for name, count in blocking.items())
        raise Conflict(f"{service.label} {obj.id} is still referred to by {listed}", details=blocking)
    db.delete(obj)
    service._flush(db)


class MeetingService(_OfFair[MeetingRequest]):
    model = MeetingRequest
    entity = "meeting_request"
    label = "Meeting request"
    missing = "Meeting request {id} is not a meeting of event {event}"

    def request(self, db: Session, event_id: int, requester_id: int, recipient_id: int,
                message: str | None = None, actor: str = "system") -> MeetingRequest:
        """A meeting request between two participants of the fair (rules in ``check``)."""
        fair(db, event_id)
        if requester_id == recipient_id:
            raise ValidationFailed("A participant cannot request a meeting with themselves", field="recipient_id")
        for who in (requester_id, recipient_id):
            participant = db.get(BrokerageParticipant, who)
            if participant is None or participant.event_id != event_id:
                raise ValidationFailed(f"Participant {who} does not take part in event {event_id}")
        data = MeetingNew.model_construct(event_id=event_id, requester_id=requester_id, recipient_id=recipient_id,
                                          message=(message or "")[:5000] or None)
        return self.create(db, data, actor)

    def check(self, db: Session, obj: MeetingRequest) -> None:
        """One open request per pair of participants (a declined one may be asked again)."""
        if obj.id is not None:
            return
        pair = {obj.requester_id, obj.recipient_id}
        existing = db.scalar(select(MeetingRequest.id).where(
            MeetingRequest.event_id == obj.event_id, MeetingRequest.status != "declined",
            MeetingRequest.requester_id.in_(pair), MeetingRequest.recipient_id.in_(pair)).limit(1))
        if existing is not None:
            raise Conflict(f"These two participants already have a meeting request ({existing})")

    def respond(self, db: Session, meeting_id: int, accept: bool, actor: str = "system") -> MeetingRequest:
        """Accept or decline a request still pending (409 once answered)."""
        meeting = self.get(db, meeting_id)
        self.authorize(db, meeting, "update")
        if meeting.status != "requested":
            raise Conflict(f"Meeting request {meeting_id} was already {meeting.status}")
        meeting.status = "accepted" if accept else "declined"
        touch(meeting, actor)
        self._flush(db)
        return meeting

    def record_outcome(self, db: Session, meeting_id: int, outcome: str, contract_value: Decimal | None = None,
                       currency: str | None = None, note: str | None = None,
                       actor: str = "system") -> MeetingRequest:
        """What an accepted meeting produced; a signed contract needs its value and ISO 4217 currency."""
        meeting = self.get(db, meeting_id)
        self.authorize(db, meeting, "update")
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
        touch(meeting, actor)
        self._flush(db)
        return meeting


participants = ParticipantService()
slots = SlotService()
tables = TableService()
meetings = MeetingService()
