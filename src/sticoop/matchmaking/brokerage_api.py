from datetime import datetime
from decimal import Decimal

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field

from sticoop.core.api import DB, Actor
from sticoop.core.schemas import Input
from sticoop.matchmaking import brokerage as svc

router = APIRouter(prefix="/events/{event_id}/brokerage", tags=["brokerage"])
meetings_router = APIRouter(prefix="/brokerage", tags=["brokerage"])


class ParticipantIn(Input):
    name: str = Field(min_length=1, max_length=300)
    organization_id: int | None = None
    person_id: int | None = None
    profile_ids: list[int] = Field(default_factory=list, max_length=50)
    availability: list[int] = Field(default_factory=list, max_length=500)


class ParticipantOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    event_id: int
    name: str
    organization_id: int | None
    person_id: int | None
    profile_ids: list[int]
    availability: list[int]


class SlotIn(Input):
    starts_at: datetime
    ends_at: datetime


class SlotOut(SlotIn):
    model_config = ConfigDict(from_attributes=True)
    id: int


class TablesIn(Input):
    names: list[str] = Field(min_length=1, max_length=500)


class TableOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str


class MeetingIn(Input):
    requester_id: int
    recipient_id: int
    message: str | None = Field(default=None, max_length=5000)


class MeetingOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    event_id: int
    requester_id: int
    recipient_id: int
    message: str | None
    status: str
    slot_id: int | None
    table_id: int | None
    unplaced_reason: str | None
    outcome: str
    contract_value: Decimal | None
    currency: str | None
    outcome_note: str | None


class ResponseIn(Input):
    accept: bool


class OutcomeIn(Input):
    outcome: str
    contract_value: Decimal | None = Field(default=None, ge=0, max_digits=18, decimal_places=2)
    currency: str | None = Field(default=None, pattern=r"^[A-Za-z]{3}$")
    note: str | None = Field(default=None, max_length=5000)


@router.post("/participants", response_model=ParticipantOut, status_code=201)
def add_participant(event_id: int, payload: ParticipantIn, db: DB, actor: Actor) -> ParticipantOut:
    return ParticipantOut.model_validate(svc.add_participant(db, event_id, actor=actor, **payload.model_dump()))


@router.post("/slots", response_model=list[SlotOut], status_code=201)
def add_slots(event_id: int, payload: list[SlotIn], db: DB) -> list[SlotOut]:
    return [SlotOut.model_validate(s) for s in svc.add_slots(db, event_id, [(s.starts_at, s.ends_at) for s in payload])]


@router.post("/tables", response_model=list[TableOut], status_code=201)
def add_tables(event_id: int, payload: TablesIn, db: DB) -> list[TableOut]:
    return [TableOut.model_validate(t) for t in svc.add_tables(db, event_id, payload.names)]


@router.post("/meetings", response_model=MeetingOut, status_code=201, summary="Request a meeting")
def request_meeting(event_id: int, payload: MeetingIn, db: DB, actor: Actor) -> MeetingOut:
    return MeetingOut.model_validate(svc.request_meeting(db, event_id, payload.requester_id, payload.recipient_id,
                                                         payload.message, actor))


@router.post("/schedule", summary="Assign accepted meetings to slots and tables (CP-SAT)")
def schedule(event_id: int, db: DB) -> dict:
    return svc.schedule(db, event_id)


@router.get("/outcomes", summary="Meetings held, follow-ups, MoUs and contracts signed (value per currency)")
def outcomes(event_id: int, db: DB) -> dict:
    return svc.outcome_totals(db, event_id)


@meetings_router.post("/meetings/{meeting_id}/response", response_model=MeetingOut, summary="Accept or decline")
def respond(meeting_id: int, payload: ResponseIn, db: DB, actor: Actor) -> MeetingOut:
    return MeetingOut.model_validate(svc.respond(db, meeting_id, payload.accept, actor))


@meetings_router.post("/meetings/{meeting_id}/outcome", response_model=MeetingOut)
def outcome(meeting_id: int, payload: OutcomeIn, db: DB, actor: Actor) -> MeetingOut:
    return MeetingOut.model_validate(svc.record_outcome(db, meeting_id, payload.outcome, payload.contract_value,
                                                        payload.currency, payload.note, actor))


@meetings_router.get("/participants/{participant_id}/agenda", summary="A participant's meetings in time order")
def agenda(participant_id: int, db: DB) -> list[dict]:
    return svc.agenda(db, participant_id)


@meetings_router.get("/participants/{participant_id}/agenda.ics", summary="The agenda as an iCalendar file")
def agenda_ics(participant_id: int, db: DB) -> Response:
    return Response(svc.agenda_ical(db, participant_id), media_type="text/calendar",
                    headers={"Content-Disposition": f'attachment; filename="agenda-{participant_id}.ics"'})


@meetings_router.get("/participants/{participant_id}/agenda.pdf", summary="The agenda as a printable PDF")
def agenda_pdf(participant_id: int, db: DB) -> Response:
    return Response(svc.agenda_pdf(db, participant_id), media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="agenda-{participant_id}.pdf"'})
