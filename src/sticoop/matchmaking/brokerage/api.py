"""REST routes of a fair's brokerage. Changes that move meetings out of the schedule (a slot or table removed,
a participant's availability narrowed) answer with the meetings they unscheduled, named by their participants."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from sticoop.core.api import DB, Actor
from sticoop.core.downloads import attachment, download_responses
from sticoop.core.i18n import negotiate
from sticoop.matchmaking.brokerage import planning
from sticoop.matchmaking.brokerage.schemas import (
    MeetingIn,
    MeetingOut,
    OutcomeIn,
    ParticipantChanged,
    ParticipantIn,
    ParticipantOut,
    ParticipantPatch,
    Removed,
    ResponseIn,
    SlotIn,
    SlotOut,
    TableIn,
    TableOut,
    TablesIn,
)
from sticoop.matchmaking.brokerage.service import meetings, participants, slots, tables

router = APIRouter(prefix="/events/{event_id}/brokerage", tags=["brokerage"])
meetings_router = APIRouter(prefix="/brokerage", tags=["brokerage"])


@router.post("/participants", response_model=ParticipantOut, status_code=201,
             summary="Register a participant for the fair's meetings")
def add_participant(event_id: int, payload: ParticipantIn, db: DB, actor: Actor) -> ParticipantOut:
    return ParticipantOut.model_validate(participants.add(db, event_id, actor=actor, **payload.model_dump()))


@router.post("/slots", response_model=list[SlotOut], status_code=201, summary="Add meeting time slots")
def add_slots(event_id: int, payload: list[SlotIn], db: DB) -> list[SlotOut]:
    return [SlotOut.model_validate(s) for s in slots.add(db, event_id, [(s.starts_at, s.ends_at) for s in payload])]


@router.post("/tables", response_model=list[TableOut], status_code=201, summary="Add meeting tables")
def add_tables(event_id: int, payload: TablesIn, db: DB) -> list[TableOut]:
    return [TableOut.model_validate(t) for t in tables.add(db, event_id, payload.names)]


@router.patch("/participants/{participant_id}", response_model=ParticipantChanged,
               summary="Change a participant; meetings outside a narrowed availability are unscheduled")
def update_participant(event_id: int, participant_id: int, payload: ParticipantPatch, db: DB,
                       actor: Actor) -> ParticipantChanged:
    values = payload.model_dump(exclude_unset=True, exclude={"version"})
    found, unscheduled = participants.change(db, event_id, participant_id, payload.version, values, actor)
    return ParticipantChanged.model_validate({**ParticipantOut.model_validate(found).model_dump(),
                                              "unscheduled": unscheduled})


@router.delete("/participants/{participant_id}", response_model=Removed,
               summary="Remove a participant (409 while they have accepted meetings, unless cancel_meetings)")
def remove_participant(event_id: int, participant_id: int, db: DB, actor: Actor, version: int | None = None,
                       cancel_meetings: bool = Query(False, description="also cancel their accepted meetings")
                       ) -> Removed:
    cancelled = participants.remove(db, event_id, participant_id, version, cancel_meetings, actor)
    return Removed(removed=participant_id, cancelled=cancelled)


@router.patch("/slots/{slot_id}", response_model=SlotOut, summary="New times for a slot (its meetings follow)")
def update_slot(event_id: int, slot_id: int, payload: SlotIn, db: DB) -> SlotOut:
    return SlotOut.model_validate(slots.move(db, event_id, slot_id, payload.starts_at, payload.ends_at))


@router.delete("/slots/{slot_id}", response_model=Removed,
               summary="Remove a slot; its meetings are unscheduled (409 if one already has an outcome)")
def remove_slot(event_id: int, slot_id: int, db: DB, actor: Actor) -> Removed:
    return Removed(removed=slot_id, unscheduled=slots.remove(db, event_id, slot_id, actor))


@router.patch("/tables/{table_id}", response_model=TableOut, summary="Rename a table")
def rename_table(event_id: int, table_id: int, payload: TableIn, db: DB) -> TableOut:
    return TableOut.model_validate(tables.rename(db, event_id, table_id, payload.name))


@router.delete("/tables/{table_id}", response_model=Removed,
               summary="Remove a table; its meetings are unscheduled (409 if one already has an outcome)")
def remove_table(event_id: int, table_id: int, db: DB) -> Removed:
    return Removed(removed=table_id, unscheduled=tables.remove(db, event_id, table_id))


@router.post("/meetings", response_model=MeetingOut, status_code=201, summary="Request a meeting")
def request_meeting(event_id: int, payload: MeetingIn, db: DB, actor: Actor) -> MeetingOut:
    return MeetingOut.model_validate(meetings.request(db, event_id, payload.requester_id, payload.recipient_id,
                                                         payload.message, actor))


@router.post("/schedule", summary="Assign accepted meetings to slots and tables (CP-SAT)")
def schedule(event_id: int, db: DB) -> dict:
    return planning.schedule(db, event_id)


@router.get("/outcomes", summary="Meetings held, follow-ups, MoUs and contracts signed (value per currency)")
def outcomes(event_id: int, db: DB) -> dict:
    return planning.outcome_totals(db, event_id)


@meetings_router.post("/meetings/{meeting_id}/response", response_model=MeetingOut, summary="Accept or decline")
def respond(meeting_id: int, payload: ResponseIn, db: DB, actor: Actor) -> MeetingOut:
    return MeetingOut.model_validate(meetings.respond(db, meeting_id, payload.accept, actor))


@meetings_router.post("/meetings/{meeting_id}/outcome", response_model=MeetingOut,
                      summary="Record what a meeting led to (MoU, contract, value)")
def outcome(meeting_id: int, payload: OutcomeIn, db: DB, actor: Actor) -> MeetingOut:
    return MeetingOut.model_validate(meetings.record_outcome(db, meeting_id, payload.outcome, payload.contract_value,
                                                        payload.currency, payload.note, actor))


@meetings_router.get("/participants/{participant_id}/agenda", summary="A participant's meetings in time order")
def agenda(participant_id: int, db: DB) -> list[dict]:
    return planning.agenda(db, participant_id)


@meetings_router.get("/participants/{participant_id}/agenda.ics", summary="The agenda as an iCalendar file",
                     response_class=Response,
                     responses=download_responses("text/calendar", "The agenda, RFC 5545 iCalendar"))
def agenda_ics(participant_id: int, request: Request, db: DB,
               lang: Annotated[str | None, Query(max_length=10, description="Language of the texts: en, fr or vi "
                                                 "(default: the Accept-Language header, else en)")] = None,
               ) -> Response:
    locale = negotiate(lang, request.headers.get("accept-language"))
    return Response(planning.agenda_ical(db, participant_id, locale), media_type="text/calendar",
                    headers=attachment(f"agenda-{participant_id}.ics"))


@meetings_router.get("/participants/{participant_id}/agenda.pdf", summary="The agenda as a printable PDF",
                     response_class=Response, responses=download_responses("application/pdf", "The agenda, PDF"))
def agenda_pdf(participant_id: int, db: DB) -> Response:
    return Response(planning.agenda_pdf(db, participant_id), media_type="application/pdf",
                    headers=attachment(f"agenda-{participant_id}.pdf"))
