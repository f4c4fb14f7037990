"""Pages for a technology-transfer fair's brokerage: participants, slots, tables, meeting requests, the
schedule grid, outcomes, and each participant's agenda.

The rules live in ``service`` and ``planning``; this module only turns forms into
service calls and service results into the page. Each part of the page (slots, tables, participants,
requests, schedule, outcomes) is its own template. With HTMX a form swaps its section and, out of band, the
sections its change shows up in (a new slot appears in the participants' availability and the grid);
without JavaScript the same form posts normally and, when it works, redirects to the page (so a reload
does not post twice). A refused form answers 4xx with the message beside it and nothing written (the
transaction is rolled back first, since the request would otherwise commit). Unplaced meetings show a
translated summary naming the two participants, with the engine's English reason as detail.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sticoop.activities.models import Event
from sticoop.core.api import DB, Actor
from sticoop.core.errors import DomainError, ValidationFailed
from sticoop.core.i18n import Formatter
from sticoop.matchmaking.brokerage import planning
from sticoop.matchmaking.brokerage.models import (
    OUTCOMES,
    BrokerageParticipant,
    BrokerageSlot,
    BrokerageTable,
    MeetingRequest,
)
from sticoop.matchmaking.brokerage.service import (
    UNSCHEDULED,
    display_names,
    fair,
    meetings,
    participants,
    read_reason,
    slots,
    tables,
)
from sticoop.matchmaking.engine.scheduling import NO_AVAILABILITY, NO_COMMON_SLOT, NO_ROOM, NO_TABLES
from sticoop.matchmaking.models import TechProfile
from sticoop.partners.models import Organization
from sticoop.web.labels import N_
from sticoop.web.lookups import int_or_none, names
from sticoop.web.render import formatter, is_htmx, render

router = APIRouter(include_in_schema=False)

MAX_SERIES = 100
STATUSES = ("requested", "accepted", "declined")
STATUS_LABELS = {"requested": N_("Requested"), "accepted": N_("Accepted"), "declined": N_("Declined")}
#: the sections a form's change shows up in; the first is the one the form swaps
SLOTS = ("slots", "participants", "schedule", "meetings")
TABLES = ("tables", "schedule", "meetings")
PARTICIPANTS = ("participants", "requests", "schedule", "meetings", "outcomes")
REQUESTS = ("requests", "schedule")
SCHEDULE = ("schedule", "meetings", "outcomes")
MEETINGS = ("meetings", "outcomes")
OUTCOME_LABELS = {"none": N_("Nothing yet"), "follow_up": N_("Follow-up agreed"), "mou_signed": N_("MoU signed"),
                  "contract_signed": N_("Contract signed")}


# ----- reading ------------------------------------------------------------------------------------
def slot_label(fmt: Formatter, slot: BrokerageSlot) -> str:
    """"10 Sept 2025 09:00–09:30": a slot as officials read it, in the page's locale."""
    return f"{fmt.date(slot.starts_at.date())} {fmt.time(slot.starts_at)}–{fmt.time(slot.ends_at)}"


#: why a meeting is not placed, by the code its stored reason starts with (``service.read_reason``);
#: ``%(a)s`` and ``%(b)s`` are the two participants
UNPLACED_MESSAGES = {
    None: N_("Could not be placed."),
    UNSCHEDULED: N_("Taken out of the schedule when the plan changed; schedule again."),
    NO_COMMON_SLOT: N_("%(a)s and %(b)s have no free time slot in common."),
    NO_AVAILABILITY: N_("One of them has no free time slot."),
    NO_TABLES: N_("The event has no tables."),
    NO_ROOM: N_("Every slot %(a)s and %(b)s are both free in is full: all tables taken or one of them already "
                "busy."),
}


def unplaced_summary(fmt: Formatter, reason: str | None, a: str, b: str) -> tuple[str, str]:
    """``(summary, detail)`` of a stored reason: a translated sentence naming the two participants ``a`` and
    ``b``, found by the reason's code, and the engine's English text (which also names the slots)."""
    code, detail = read_reason(reason)
    message = fmt._(UNPLACED_MESSAGES.get(code) or UNPLACED_MESSAGES[None])
    return (message % {"a": a, "b": b} if "%(" in message else message), detail


def load(db: DbSession, event_id: int) -> dict[str, Any]:
    """Everything the brokerage page shows, one query per kind of record."""
    event = fair(db, event_id)

    def rows(model: Any, order: Any) -> list[Any]:
        return list(db.scalars(select(model).where(model.event_id == event_id).order_by(order)))

    return {"event": event, "participants": rows(BrokerageParticipant, BrokerageParticipant.name),
            "slots": rows(BrokerageSlot, BrokerageSlot.starts_at), "tables": rows(BrokerageTable, BrokerageTable.id),
            "meetings": rows(MeetingRequest, MeetingRequest.id)}


def page_context(db: DbSession, fmt: Formatter, event_id: int) -> dict[str, Any]:
    data = load(db, event_id)
    who = {p.id: p.name for p in data["participants"]}
    meetings = data["meetings"]
    pair = {m.id: f"{who.get(m.requester_id, '?')} ↔ {who.get(m.recipient_id, '?')}" for m in meetings}
    grid = {(m.slot_id, m.table_id): m for m in meetings if m.slot_id is not None and m.table_id is not None}
    named = display_names(db, data["participants"])
    unplaced = [{"meeting": m, "pair": f"{named.get(m.requester_id, '?')} ↔ {named.get(m.recipient_id, '?')}",
                 **dict(zip(("summary", "detail"), unplaced_summary(fmt, m.unplaced_reason,
                                                                   named.get(m.requester_id, "?"),
                                                                   named.get(m.recipient_id, "?")), strict=True))}
                for m in meetings if m.status == "accepted" and m.slot_id is None and m.unplaced_reason]
    totals = planning.outcome_totals(db, event_id)
    values = [fmt.money(Decimal(v), c) for c, v in sorted(totals["contract_value"].items())]
    profiles = list(db.execute(select(TechProfile.id, TechProfile.title).order_by(TechProfile.title)).all())
    organizations = list(db.execute(select(Organization.id, Organization.name).order_by(Organization.name)).all())
    return {**data, "who": who, "pair": pair, "grid": grid, "unplaced": unplaced,
            "by_status": {s: [m for m in meetings if m.status == s] for s in STATUSES},
            "scheduled": sorted((m for m in meetings if m.slot_id is not None),
                                key=lambda m: (next(i for i, s in enumerate(data["slots"]) if s.id == m.slot_id),
                                               m.table_id or 0)),
            "slot_labels": {s.id: slot_label(fmt, s) for s in data["slots"]},
            "table_names": {t.id: t.name for t in data["tables"]},
            "counts": totals["counts"], "values": values, "profile_options": profiles,
            "organization_options": organizations, "profile_names": dict(profiles),
            "organization_names": dict(organizations), "status_labels": STATUS_LABELS,
            "outcome_labels": OUTCOME_LABELS, "outcomes": OUTCOMES}


def show(request: Request, db: DbSession, event_id: int, errors: dict[str, str] | None = None,
         raw: dict[str, Any] | None = None, status: int = 200,
         sections: tuple[str, ...] | None = None) -> HTMLResponse:
    """The whole page, or with HTMX only ``sections`` (the first swapped in place, the others out of band)."""
    if errors:
        db.rollback()  # the failed form must leave nothing behind
    context = page_context(db, formatter(request), event_id)
    context.update(errors=errors or {}, raw=raw or {})
    if sections and is_htmx(request):
        return render(request, "brokerage/_partial.html", {**context, "sections": sections}, status=status)
    return render(request, "brokerage/event.html", context, status=status)


def done(request: Request, db: DbSession, event_id: int, sections: tuple[str, ...],
         anchor: str = "") -> Response:
    """After a change that worked: the changed sections for HTMX, a redirect to the page otherwise."""
    if is_htmx(request):
        db.flush()
        return show(request, db, event_id, sections=sections)
    return RedirectResponse(f"/events/{event_id}/brokerage{anchor or '#' + sections[0]}", status_code=303)


def failed(request: Request, db: DbSession, event_id: int, key: str, message: str, raw: dict[str, Any],
           status: int = 422, sections: tuple[str, ...] | None = None) -> HTMLResponse:
    return show(request, db, event_id, {key: message}, raw, status=min(max(status, 400), 499), sections=sections)


@router.get("/events/{event_id:int}/brokerage", response_class=HTMLResponse)
def brokerage_page(event_id: int, request: Request, db: DB) -> HTMLResponse:
    return show(request, db, event_id)


# ----- forms --------------------------------------------------------------------------------------
def slot_series(form: dict[str, str], translate: Any) -> list[tuple[datetime, datetime]]:
    """A day's slots from one line of input: date, first start, length in minutes, how many."""
    try:
        day = date.fromisoformat(form.get("date", ""))
        first = time.fromisoformat(form.get("start", ""))
    except ValueError:
        raise Refused(translate(N_("Give a date and a first start time."))) from None
    minutes, count = int_or_none(form.get("minutes")), int_or_none(form.get("count"))
    if not minutes or not 5 <= minutes <= 480:
        raise Refused(translate(N_("A slot lasts between 5 and 480 minutes.")))
    if not count or count > MAX_SERIES:
        raise Refused(translate(N_("Add between 1 and %(max)d slots at a time.")) % {"max": MAX_SERIES})
    start = datetime.combine(day, first)
    length = timedelta(minutes=minutes)
    return [(start + i * length, start + (i + 1) * length) for i in range(count)]


class Refused(ValueError):
    """A form refused before any service call; its message is already translated."""


async def form_values(request: Request) -> dict[str, str]:
    """The posted form as ``{name: text}`` (single-valued fields)."""
    return {k: str(v) for k, v in (await request.form()).items()}


def attempt(request: Request, db: DbSession, event_id: int, key: str, sections: tuple[str, ...],
            change: Callable[[], object], raw: dict[str, Any] | None = None, anchor: str = "",
            raw_on_error: Callable[[DomainError], dict[str, Any]] | None = None) -> Response:
    """Run one form's change and answer: the changed sections (HTMX) or a redirect when it works; when it is
    refused (:class:`Refused` from reading the form, or a ``DomainError`` from the service) the page again
    with the message beside the form ``key``, status 4xx, and nothing written (``show`` rolls back)."""
    try:
        change()
    except Refused as exc:
        return failed(request, db, event_id, key, str(exc), raw or {}, sections=sections)
    except DomainError as exc:
        shown = raw_on_error(exc) if raw_on_error else raw or {}
        return failed(request, db, event_id, key, exc.message, shown, exc.status_code, sections)
    return done(request, db, event_id, sections, anchor)


def chosen_ids(form: Any, name: str) -> list[int]:
    """The ids ticked in a multi-valued field (checkboxes, multiple select); anything else is ignored."""
    return [int(x) for x in form.getlist(name) if str(x).isdigit()]


@router.post("/events/{event_id:int}/brokerage/slots", response_class=HTMLResponse)
async def add_slots(event_id: int, request: Request, db: DB) -> Response:
    raw = await form_values(request)
    return attempt(request, db, event_id, "slots", SLOTS,
                   lambda: slots.add(db, event_id, slot_series(raw, formatter(request)._)), raw)


@router.post("/events/{event_id:int}/brokerage/tables", response_class=HTMLResponse)
async def add_tables(event_id: int, request: Request, db: DB) -> Response:
    raw = await form_values(request)

    def add() -> None:
        count = int_or_none(raw.get("count"))
        if not count or count > MAX_SERIES:
            raise Refused(formatter(request)._("Add between 1 and %(max)d tables at a time.") % {"max": MAX_SERIES})
        numbers = [int(t.name) for t in load(db, event_id)["tables"] if t.name.isdigit()]
        last = max(numbers, default=0)  # numbered after the highest, so a removed table's number is not reused
        tables.add(db, event_id, [str(last + i + 1) for i in range(count)])

    return attempt(request, db, event_id, "tables", TABLES, add, raw)


@router.post("/events/{event_id:int}/brokerage/participants", response_class=HTMLResponse)
async def add_participant(event_id: int, request: Request, db: DB, actor: Actor) -> Response:
    form = await request.form()
    raw: dict[str, Any]
    raw = {"name": str(form.get("name") or ""), "organization_id": str(form.get("organization_id") or ""),
           "profile_ids": chosen_ids(form, "profile_ids"), "availability": chosen_ids(form, "availability")}

    def add() -> None:
        if not raw["name"].strip():
            raise Refused(formatter(request)._("A participant needs a name."))
        participants.add(db, event_id, raw["name"], int_or_none(raw["organization_id"]),
                         profile_ids=raw["profile_ids"], availability=raw["availability"], actor=actor)

    return attempt(request, db, event_id, "participant", PARTICIPANTS, add, raw)


@router.post("/events/{event_id:int}/brokerage/meetings", response_class=HTMLResponse)
async def request_meeting(event_id: int, request: Request, db: DB, actor: Actor) -> Response:
    raw = await form_values(request)

    def ask() -> None:
        requester, recipient = int_or_none(raw.get("requester_id")), int_or_none(raw.get("recipient_id"))
        _ = formatter(request)._
        if requester is None or recipient is None:
            raise Refused(_("Choose who asks and whom they want to meet."))
        if requester == recipient:
            raise Refused(_("A participant cannot request a meeting with themselves."))
        meetings.request(db, event_id, requester, recipient, raw.get("message") or None, actor)

    return attempt(request, db, event_id, "meeting", REQUESTS, ask, raw)


@router.post("/brokerage/meetings/{meeting_id:int}/response", response_class=HTMLResponse)
async def respond(meeting_id: int, request: Request, db: DB, actor: Actor) -> Response:
    meeting = meetings.get(db, meeting_id)
    accept = (await request.form()).get("accept") == "1"
    return attempt(request, db, meeting.event_id, "requests", REQUESTS,
                   lambda: meetings.respond(db, meeting_id, accept, actor))


@router.post("/events/{event_id:int}/brokerage/schedule", response_class=HTMLResponse)
def run_schedule(event_id: int, request: Request, db: DB) -> Response:
    def run() -> None:
        try:
            planning.schedule(db, event_id)
        except ValidationFailed as exc:
            if isinstance(exc.details, dict) and exc.details.get("missing"):  # no slots or no tables yet
                raise Refused(formatter(request)._("Add time slots and tables before scheduling.")) from exc
            raise

    return attempt(request, db, event_id, "schedule", SCHEDULE, run)


def contract_value(raw: dict[str, str], translate: Callable[[str], str]) -> tuple[Decimal | None, str | None]:
    """The value ("1,500.50" accepted) and currency of an outcome form; Refused when they do not make sense."""
    value: Decimal | None = None
    if raw.get("contract_value", "").strip():
        try:
            value = Decimal(raw["contract_value"].strip().replace(",", ""))
        except InvalidOperation:
            raise Refused(translate("The value must be a number.")) from None
        if value < 0 or not value.is_finite():
            raise Refused(translate("The value must be a number."))
    currency = raw.get("currency", "").strip() or None
    if raw.get("outcome") == "contract_signed" and (value is None or not currency or len(currency) != 3):
        raise Refused(translate("A signed contract needs its value and a three-letter currency code."))
    return value, currency


@router.post("/brokerage/meetings/{meeting_id:int}/outcome", response_class=HTMLResponse)
async def record_outcome(meeting_id: int, request: Request, db: DB, actor: Actor) -> Response:
    meeting = meetings.get(db, meeting_id)
    raw = await form_values(request)

    def record() -> None:
        value, currency = contract_value(raw, formatter(request)._)
        meetings.record_outcome(db, meeting_id, raw.get("outcome", ""), value, currency, raw.get("note") or None,
                                actor)

    return attempt(request, db, meeting.event_id, f"outcome-{meeting_id}", MEETINGS, record, raw,
                   anchor=f"#meeting-{meeting_id}")


# ----- changing and removing slots, tables and participants ---------------------------------------
def one_slot(form: dict[str, str], translate: Any) -> tuple[datetime, datetime]:
    """A slot's new times from its row: date, start and end."""
    try:
        day = date.fromisoformat(form.get("date", ""))
        start, end = time.fromisoformat(form.get("start", "")), time.fromisoformat(form.get("end", ""))
    except ValueError:
        raise Refused(translate(N_("Give a date, a start and an end time."))) from None
    return datetime.combine(day, start), datetime.combine(day, end)


@router.post("/events/{event_id:int}/brokerage/slots/{slot_id:int}/edit", response_class=HTMLResponse)
async def change_slot(event_id: int, slot_id: int, request: Request, db: DB) -> Response:
    raw = await form_values(request)
    return attempt(request, db, event_id, "slot-change", SLOTS,
                   lambda: slots.move(db, event_id, slot_id, *one_slot(raw, formatter(request)._)), raw)


@router.post("/events/{event_id:int}/brokerage/slots/{slot_id:int}/remove", response_class=HTMLResponse)
def remove_slot(event_id: int, slot_id: int, request: Request, db: DB, actor: Actor) -> Response:
    return attempt(request, db, event_id, "slot-change", SLOTS, lambda: slots.remove(db, event_id, slot_id, actor))


@router.post("/events/{event_id:int}/brokerage/tables/{table_id:int}/edit", response_class=HTMLResponse)
async def rename_table(event_id: int, table_id: int, request: Request, db: DB) -> Response:
    raw = await form_values(request)
    return attempt(request, db, event_id, "table-change", TABLES,
                   lambda: tables.rename(db, event_id, table_id, raw.get("name", "")), raw)


@router.post("/events/{event_id:int}/brokerage/tables/{table_id:int}/remove", response_class=HTMLResponse)
def remove_table(event_id: int, table_id: int, request: Request, db: DB) -> Response:
    return attempt(request, db, event_id, "table-change", TABLES, lambda: tables.remove(db, event_id, table_id))


@router.post("/events/{event_id:int}/brokerage/participants/{participant_id:int}/edit", response_class=HTMLResponse)
async def change_participant(event_id: int, participant_id: int, request: Request, db: DB, actor: Actor) -> Response:
    form = await request.form()
    raw: dict[str, Any] = {"name": str(form.get("name") or ""),
                           "organization_id": str(form.get("organization_id") or "")}
    values = {"name": raw["name"], "organization_id": int_or_none(raw["organization_id"]),
              "profile_ids": chosen_ids(form, "profile_ids"), "availability": chosen_ids(form, "availability")}

    def change() -> None:
        if not raw["name"].strip():
            raise Refused(formatter(request)._("A participant needs a name."))
        participants.change(db, event_id, participant_id, int_or_none(str(form.get("version") or "")), values,
                            actor)

    return attempt(request, db, event_id, f"participant-{participant_id}", PARTICIPANTS, change, raw)


@router.post("/events/{event_id:int}/brokerage/participants/{participant_id:int}/remove",
             response_class=HTMLResponse)
async def remove_participant(event_id: int, participant_id: int, request: Request, db: DB, actor: Actor) -> Response:
    """Refused while they have accepted meetings: the message names them and offers to cancel them too."""
    form = await request.form()
    cancel = form.get("cancel_meetings") == "1"
    version = int_or_none(str(form.get("version") or ""))
    return attempt(request, db, event_id, f"remove-{participant_id}", PARTICIPANTS,
                   lambda: participants.remove(db, event_id, participant_id, version, cancel, actor),
                   raw_on_error=lambda exc: {"can_cancel": exc.field == "cancel_meetings"})


# ----- a participant's agenda ---------------------------------------------------------------------
@router.get("/brokerage/participants/{participant_id:int}", response_class=HTMLResponse)
def agenda_page(participant_id: int, request: Request, db: DB) -> HTMLResponse:
    items = planning.agenda(db, participant_id)  # raises NotFound for an unknown participant
    participant = db.get(BrokerageParticipant, participant_id)
    assert participant is not None
    fmt = formatter(request)
    rows = [{**item, "when": slot_label(fmt, BrokerageSlot(starts_at=item["starts_at"], ends_at=item["ends_at"]))}
            for item in items]
    return render(request, "brokerage/agenda.html", {
        "participant": participant, "event": db.get(Event, participant.event_id), "rows": rows,
        "organization_name": names(db, Organization, [participant.organization_id]).get(participant.organization_id),
    })
