"""API input and output of a fair's brokerage. Times are the event's local time (ISO 8601, no time zone)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from sticoop.core.schemas import CurrencyCode, Input

_ID_LISTS = "ids of records of this event"


class ParticipantIn(Input):
    """A participant registering for a fair's business-to-business meetings (a person, an organisation or both)."""
    name: str = Field(min_length=1, max_length=300,
                      description="how organisers tell participants apart; unique within the event (1–300 characters)")
    organization_id: int | None = Field(default=None, description="id of the organisation they represent")
    person_id: int | None = Field(default=None, description="id of the person attending")
    profile_ids: list[int] = Field(default_factory=list, max_length=50,
                                   description="ids of the technology profiles they bring (at most 50)")
    availability: list[int] = Field(default_factory=list, max_length=500,
                                    description=f"slot {_ID_LISTS} they can attend; empty means every slot "
                                                "(at most 500)")


class ParticipantPatch(Input):
    """Only the fields sent change; ``version`` is the one you read (a stale one gets 409)."""

    version: int = Field(description="the participant's version as you read it (optimistic locking)")
    name: str | None = Field(default=None, min_length=1, max_length=300,
                             description="new name, unique within the event (1–300 characters)")
    organization_id: int | None = Field(default=None, description="id of the organisation they represent")
    person_id: int | None = Field(default=None, description="id of the person attending")
    profile_ids: list[int] | None = Field(default=None, max_length=50,
                                          description="ids of the technology profiles they bring (at most 50)")
    availability: list[int] | None = Field(default=None, max_length=500,
                                           description=f"slot {_ID_LISTS} they can attend; empty means every slot; "
                                                       "meetings in slots left out are unscheduled (at most 500)")


class ParticipantOut(BaseModel):
    """A participant of a fair, as stored."""
    model_config = ConfigDict(from_attributes=True)
    id: int = Field(description="participant id")
    event_id: int = Field(description="id of the technology-transfer fair")
    name: str = Field(description="the participant's name in this event")
    organization_id: int | None = Field(description="id of the organisation they represent")
    person_id: int | None = Field(description="id of the person attending")
    profile_ids: list[int] = Field(description="ids of the technology profiles they bring")
    availability: list[int] = Field(description=f"slot {_ID_LISTS} they can attend, ascending; empty = every slot")
    version: int = Field(description="version to send back when changing or removing the participant")


class Unscheduled(BaseModel):
    """A meeting taken out of the schedule by a change, with the reason it no longer fits."""
    meeting_id: int = Field(description="id of the meeting request that lost its place or was cancelled")
    between: str = Field(description="the two participants, as organisers name them (\"A ↔ B\")")


class ParticipantChanged(ParticipantOut):
    """A participant after a change, with the meetings the change took out of the schedule."""
    unscheduled: list[Unscheduled] = Field(default_factory=list,
                                           description="meetings taken out of the schedule by a narrowed availability")


class Removed(BaseModel):
    """What removing a participant, slot or table took with it."""
    removed: int = Field(description="id of the slot, table or participant removed")
    unscheduled: list[Unscheduled] = Field(default_factory=list, description="meetings that lost their place")
    cancelled: list[Unscheduled] = Field(default_factory=list, description="accepted meetings cancelled with it")


class SlotIn(Input):
    """A time slot of the fair in which meetings can be scheduled (local time of the fair)."""
    starts_at: datetime = Field(description="start, ISO 8601 date and time in the event's local time, no time zone")
    ends_at: datetime = Field(description="end, ISO 8601 date and time in the event's local time, after the start")


class SlotOut(SlotIn):
    """A time slot, as stored."""
    model_config = ConfigDict(from_attributes=True)
    id: int = Field(description="slot id")


class TablesIn(Input):
    """Several meeting tables added at once."""
    names: list[str] = Field(min_length=1, max_length=500,
                             description="names of the tables to add (1–500; blank names are skipped; "
                                         "each up to 60 characters)")


class TableIn(Input):
    """One meeting table (a place where two participants meet)."""
    name: str = Field(min_length=1, max_length=60, description="new table name, unique within the event (1–60 "
                                                               "characters)")


class TableOut(BaseModel):
    """A meeting table, as stored."""
    model_config = ConfigDict(from_attributes=True)
    id: int = Field(description="table id")
    name: str = Field(description="table name as shown on agendas")


class MeetingIn(Input):
    """A meeting request from one participant to another."""
    requester_id: int = Field(description="id of the participant asking for the meeting")
    recipient_id: int = Field(description="id of the participant they want to meet (not themselves)")
    message: str | None = Field(default=None, max_length=5000, description="note to the recipient (at most 5000 "
                                                                           "characters)")


class MeetingOut(BaseModel):
    """A meeting request with its answer, its place in the schedule (slot, table) or why it could not be placed."""
    model_config = ConfigDict(from_attributes=True)
    id: int = Field(description="meeting request id")
    event_id: int = Field(description="id of the technology-transfer fair")
    requester_id: int = Field(description="id of the participant who asked")
    recipient_id: int = Field(description="id of the participant asked")
    message: str | None = Field(description="note to the recipient")
    status: str = Field(description="requested, accepted or declined")
    slot_id: int | None = Field(description="slot the meeting is scheduled in; null while unscheduled")
    table_id: int | None = Field(description="table the meeting is scheduled at; null while unscheduled")
    unplaced_reason: str | None = Field(
        description="why it is not placed, \"<code>: <English text>\" (codes: "
                    "no_common_slot, no_availability, no_tables, no_room, unscheduled), or null")
    outcome: str = Field(description="none, follow_up, mou_signed or contract_signed")
    contract_value: Decimal | None = Field(description="value of the signed contract, in ``currency``")
    currency: str | None = Field(description="ISO 4217 code of the contract value (e.g. EUR, VND)")
    outcome_note: str | None = Field(description="free note on the outcome")


class ResponseIn(Input):
    """The requested participant's answer to a meeting request."""
    accept: bool = Field(description="true accepts the request, false declines it")


class OutcomeIn(Input):
    """What a meeting led to (none, follow-up, MoU, contract) and its value."""
    outcome: str = Field(description="none, follow_up, mou_signed or contract_signed")
    contract_value: Decimal | None = Field(default=None, ge=0, max_digits=18, decimal_places=2,
                                           description="value of a signed contract (≥ 0, 2 decimals), in "
                                                       "``currency``; required for contract_signed")
    currency: CurrencyCode | None = Field(default=None, description="ISO 4217 currency code of the value (e.g. EUR)")
    note: str | None = Field(default=None, max_length=5000, description="free note (at most 5000 characters)")


class ParticipantNew(ParticipantIn):
    """A participant as the service creates it: the input plus the fair it joins."""

    event_id: int = Field(description="id of the technology-transfer fair")


class MeetingNew(MeetingIn):
    """A meeting request as the service creates it: the input plus the fair it belongs to."""

    event_id: int = Field(description="id of the technology-transfer fair")
