"""Changing a brokerage's plan after the fact: moving or removing slots, renaming or removing tables, changing
or removing participants — without leaving the schedule lying.

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

Every function does its checks before writing and flushes once; the caller's transaction commits all or
nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.core.crud import flush, touch
from sticoop.core.errors import Conflict, NotFound, ValidationFailed
from sticoop.matchmaking.brokerage import check_participant, check_slot, display_names, fair, slot_text
from sticoop.matchmaking.brokerage_models import (
    BrokerageParticipant,
    BrokerageSlot,
    BrokerageTable,
    MeetingRequest,
)

#: the start of the reason stored on a meeting that lost its place because the plan changed
UNSCHEDULED = "unscheduled"
LABEL = "Brokerage record"


def _names(session: Session, event_id: int) -> dict[int, str]:
    return display_names(session, list(session.scalars(
        select(BrokerageParticipant).where(BrokerageParticipant.event_id == event_id))))


def _between(names: dict[int, str], m: MeetingRequest) -> str:
    return f"{names.get(m.requester_id, '?')} ↔ {names.get(m.recipient_id, '?')}"


def _unschedule(session: Session, event_id: int, meetings: list[MeetingRequest], action: str,
                cause: str) -> list[dict[str, Any]]:
    """Take meetings out of the schedule, saying why on each; refused if one of them already took place.

    ``action`` is what the organiser tried ("remove the slot …"), ``cause`` what the meetings are told."""
    names = _names(session, event_id)
    held = [m for m in meetings if m.outcome != "none"]
    if held:
        listed = "; ".join(f"{_between(names, m)} ({m.outcome.replace('_', ' ')})" for m in held)
        raise Conflict(f"Cannot {action}: meetings there already have an outcome: {listed}",
                       details={"meetings": [m.id for m in held]})
    out = []
    for m in meetings:
        m.slot_id = m.table_id = None
        m.unplaced_reason = f"{UNSCHEDULED}: {cause}; schedule again"[:300]
        out.append({"meeting_id": m.id, "between": _between(names, m)})
    return out


def _of_event(session: Session, event_id: int, model: type[Any], record_id: int, missing: str) -> Any:
    """A slot, table or participant of this fair: one of another event is 'not found', never changed."""
    fair(session, event_id)
    found = session.get(model, record_id)
    if found is None or found.event_id != event_id:
        raise NotFound(missing)
    return found


def _slot(session: Session, event_id: int, slot_id: int) -> BrokerageSlot:
    return _of_event(session, event_id, BrokerageSlot, slot_id, f"Slot {slot_id} is not a slot of event {event_id}")


def _table(session: Session, event_id: int, table_id: int) -> BrokerageTable:
    return _of_event(session, event_id, BrokerageTable, table_id,
                     f"Table {table_id} is not a table of event {event_id}")


def participant(session: Session, event_id: int, participant_id: int) -> BrokerageParticipant:
    return _of_event(session, event_id, BrokerageParticipant, participant_id,
                     f"Participant {participant_id} does not take part in event {event_id}")


def _placed(session: Session, column: Any, value: int) -> list[MeetingRequest]:
    return list(session.scalars(select(MeetingRequest).where(column == value).order_by(MeetingRequest.id)))


# ----- slots --------------------------------------------------------------------------------------
def update_slot(session: Session, event_id: int, slot_id: int, starts_at: datetime,
                ends_at: datetime) -> BrokerageSlot:
    """New times for a slot; its meetings stay (their agendas show the new times)."""
    slot = _slot(session, event_id, slot_id)
    others = [(s.starts_at, s.ends_at) for s in session.scalars(
        select(BrokerageSlot).where(BrokerageSlot.event_id == event_id, BrokerageSlot.id != slot_id))]
    check_slot(starts_at, ends_at, others)
    slot.starts_at, slot.ends_at = starts_at, ends_at
    flush(session, LABEL)
    return slot


def remove_slot(session: Session, event_id: int, slot_id: int, actor: str = "system") -> list[dict[str, Any]]:
    """Remove a slot; returns the meetings that lost their place (see the module docstring)."""
    slot = _slot(session, event_id, slot_id)
    label = slot_text(slot)
    people = list(session.scalars(select(BrokerageParticipant).where(BrokerageParticipant.event_id == event_id)))
    only_here = sorted(p.name for p in people if p.availability == [slot_id])
    if only_here:
        raise Conflict(f"Cannot remove the slot {label}: it is the only slot {', '.join(only_here)} can attend; "
                       "change their availability first", field="availability", details={"participants": only_here})
    unscheduled = _unschedule(session, event_id, _placed(session, MeetingRequest.slot_id, slot_id),
                              f"remove the slot {label}", f"the slot {label} was removed")
    for p in people:
        if slot_id in (p.availability or []):
            p.availability = [s for s in p.availability if s != slot_id]
            touch(p, actor)
    flush(session, LABEL)  # the meetings let go of the slot before it goes
    session.delete(slot)
    flush(session, LABEL)
    return unscheduled


# ----- tables -------------------------------------------------------------------------------------
def rename_table(session: Session, event_id: int, table_id: int, name: str) -> BrokerageTable:
    table = _table(session, event_id, table_id)
    name = name.strip()
    if not name:
        raise ValidationFailed("A table needs a name", field="name")
    if len(name) > 60:
        raise ValidationFailed("A table name has at most 60 characters", field="name")
    if session.scalar(select(BrokerageTable.id).where(BrokerageTable.event_id == event_id,
                                                      BrokerageTable.name == name, BrokerageTable.id != table_id)):
        raise Conflict(f"This event already has a table called '{name}'", field="name")
    table.name = name
    flush(session, LABEL)
    return table


def remove_table(session: Session, event_id: int, table_id: int) -> list[dict[str, Any]]:
    """Remove a table; returns the meetings that lost their place there."""
    table = _table(session, event_id, table_id)
    unscheduled = _unschedule(session, event_id, _placed(session, MeetingRequest.table_id, table_id),
                              f"remove table {table.name}", f"table {table.name} was removed")
    flush(session, LABEL)
    session.delete(table)
    flush(session, LABEL)
    return unscheduled


# ----- participants -------------------------------------------------------------------------------
PARTICIPANT_FIELDS = ("name", "organization_id", "person_id", "profile_ids", "availability")


def update_participant(session: Session, event_id: int, participant_id: int, version: int | None,
                       values: dict[str, Any], actor: str = "system") -> tuple[BrokerageParticipant,
                                                                               list[dict[str, Any]]]:
    """Change a participant (the ``version`` read is required); meetings now outside their availability are
    unscheduled and returned."""
    found = participant(session, event_id, participant_id)
    if version is None:
        raise ValidationFailed("'version' is required to change a participant", field="version")
    if version != found.version:
        raise Conflict(f"Participant {participant_id} was changed by someone else (current version "
                       f"{found.version}, yours {version}); reload it and apply your change again", field="version",
                       details={"current_version": found.version})
    unknown = sorted(set(values) - set(PARTICIPANT_FIELDS))
    if unknown:
        raise ValidationFailed(f"Unknown field(s): {', '.join(unknown)}")
    merged = {f: values.get(f, getattr(found, f)) for f in PARTICIPANT_FIELDS}
    merged["name"] = (merged["name"] or "").strip()
    if not merged["name"]:
        raise ValidationFailed("A participant needs a name", field="name")
    merged["profile_ids"] = list(dict.fromkeys(merged["profile_ids"] or []))
    merged["availability"] = sorted(set(merged["availability"] or []))
    check_participant(session, event_id, participant_id, merged["name"], merged["organization_id"],
                      merged["person_id"], merged["profile_ids"], merged["availability"])
    unscheduled: list[dict[str, Any]] = []
    if merged["availability"]:
        free = set(merged["availability"])
        lost = [m for m in session.scalars(select(MeetingRequest).where(
            (MeetingRequest.requester_id == participant_id) | (MeetingRequest.recipient_id == participant_id),
            MeetingRequest.slot_id.is_not(None))) if m.slot_id not in free]
        if lost:
            unscheduled = _unschedule(session, event_id, lost,
                                      f"change the availability of {merged['name']}",
                                      f"{merged['name']} is no longer available at that time")
    for f in PARTICIPANT_FIELDS:
        setattr(found, f, merged[f])
    touch(found, actor)
    flush(session, LABEL)
    return found, unscheduled


def remove_participant(session: Session, event_id: int, participant_id: int, version: int | None,
                       cancel_meetings: bool = False, actor: str = "system") -> list[dict[str, Any]]:
    """Remove a participant and their requests; returns the accepted meetings cancelled with them."""
    found = participant(session, event_id, participant_id)
    if version is None:
        raise ValidationFailed("'version' is required to remove a participant", field="version")
    if version != found.version:
        raise Conflict(f"Participant {participant_id} was changed by someone else (current version "
                       f"{found.version}, yours {version}); reload it and try again", field="version",
                       details={"current_version": found.version})
    theirs = list(session.scalars(select(MeetingRequest).where(
        (MeetingRequest.requester_id == participant_id) | (MeetingRequest.recipient_id == participant_id))
        .order_by(MeetingRequest.id)))
    names = _names(session, event_id)
    held = [m for m in theirs if m.outcome != "none"]
    if held:
        listed = "; ".join(f"{_between(names, m)} ({m.outcome.replace('_', ' ')})" for m in held)
        raise Conflict(f"Cannot remove {found.name}: their meetings already have outcomes the fair's totals "
                       f"count: {listed}", details={"meetings": [m.id for m in held]})
    accepted = [m for m in theirs if m.status == "accepted"]
    if accepted and not cancel_meetings:
        listed = "; ".join(_between(names, m) + (" (scheduled)" if m.slot_id is not None else "") for m in accepted)
        raise Conflict(f"{found.name} has {len(accepted)} accepted meeting(s): {listed}. Cancel them with the "
                       "participant (cancel_meetings) or keep the participant", field="cancel_meetings",
                       details={"meetings": [m.id for m in accepted]})
    cancelled = [{"meeting_id": m.id, "between": _between(names, m)} for m in accepted]
    session.info["actor"] = actor
    for m in theirs:  # one by one through the ORM, so each removal is audited
        session.delete(m)
    flush(session, LABEL)
    session.delete(found)
    flush(session, LABEL)
    return cancelled
