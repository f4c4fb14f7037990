"""Pages for delegation visits and events (training courses, workshops, fairs, conferences)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session as DbSession

from sticoop.activities import schemas as s
from sticoop.activities.models import Event, Visit
from sticoop.activities.service import events, visits
from sticoop.commitments.models import Commitment
from sticoop.core.api import DB
from sticoop.partnerships.models import Partnership
from sticoop.web.crud_pages import EntityPages, add_list_and_form_routes
from sticoop.web.forms import FormField
from sticoop.web.labels import N_
from sticoop.web.lookups import names
from sticoop.web.render import render

router = APIRouter(include_in_schema=False)


def partnership_names(db: DbSession, items: list[Visit] | list[Event]) -> dict[str, Any]:
    return {"partnership_names": names(db, Partnership, [x.partnership_id for x in items])}


VISITS = EntityPages(
    entity="visit", path="/visits", service=visits, in_schema=s.VisitIn, patch_schema=s.VisitPatch,
    fields=(
        FormField("from_country_code", N_("From country"), "select", "countries", required=True),
        FormField("to_country_code", N_("To country"), "select", "countries", required=True),
        FormField("partnership_id", N_("Partnership"), "select", "partnerships"),
        FormField("start_date", N_("Start date"), "date"),
        FormField("end_date", N_("End date"), "date"),
        FormField("member_ids", N_("Delegation members"), "multiselect", "people"),
        FormField("organization_met_ids", N_("Organisations met"), "multiselect", "organizations"),
        FormField("purpose", N_("Purpose"), "textarea"),
        FormField("objectives", N_("Objectives and points to make"), "textarea"),
        FormField("outcomes", N_("Outcomes"), "textarea"),
    ),
    title=N_("Visits"), new_title=N_("New visit"), edit_title=N_("Edit visit"), new_label=N_("New visit"),
    table="visits/_table.html", filters=("q", "country", "partnership_id", "date"), date_label=N_("Start date"),
    rows=partnership_names,
)

EVENTS = EntityPages(
    entity="event", path="/events", service=events, in_schema=s.EventIn, patch_schema=s.EventPatch,
    fields=(
        FormField("title", N_("Title"), required=True, wide=True),
        FormField("kind", N_("Type"), "select", "enum:event_kind", required=True),
        FormField("partnership_id", N_("Partnership"), "select", "partnerships"),
        FormField("start_date", N_("Start date"), "date"),
        FormField("end_date", N_("End date"), "date"),
        FormField("city", N_("City")),
        FormField("country_code", N_("Country"), "select", "countries"),
        FormField("participants_count", N_("Participants"), "number"),
        FormField("commitment_id", N_("Fulfils commitment"), "select", "commitments"),
        FormField("organizer_ids", N_("Organisers"), "multiselect", "organizations"),
        FormField("description", N_("Description"), "textarea"),
    ),
    title=N_("Events"), new_title=N_("New event"), edit_title=N_("Edit event"), new_label=N_("New event"),
    table="events/_table.html", filters=("q", "country", "partnership_id", "kind", "date"),
    kind_group="event_kind", date_label=N_("Start date"), rows=partnership_names,
)


@router.get("/visits/{record_id:int}", response_class=HTMLResponse)
def visit_detail(record_id: int, request: Request, db: DB) -> HTMLResponse:
    visit = visits.get(db, record_id)
    return render(request, "visits/detail.html", {
        "v": visit, "partnership_name": names(db, Partnership, [visit.partnership_id]).get(visit.partnership_id),
    })


@router.get("/events/{record_id:int}", response_class=HTMLResponse)
def event_detail(record_id: int, request: Request, db: DB) -> HTMLResponse:
    event = events.get(db, record_id)
    return render(request, "events/detail.html", {
        "e": event, "partnership_name": names(db, Partnership, [event.partnership_id]).get(event.partnership_id),
        "commitment_text": names(db, Commitment, [event.commitment_id], "text").get(event.commitment_id),
    })


for _spec in (VISITS, EVENTS):
    add_list_and_form_routes(router, _spec)
