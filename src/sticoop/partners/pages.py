"""Pages for organisations and people: lists, forms, and pages showing who holds which position where."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sticoop.core import clock
from sticoop.core.api import DB
from sticoop.partners import schemas as s
from sticoop.partners.models import Organization, Person, Position
from sticoop.partners.service import current_position, organizations, people
from sticoop.web.crud_pages import EntityPages, add_list_and_form_routes
from sticoop.web.forms import FormField
from sticoop.web.labels import N_
from sticoop.web.lookups import names
from sticoop.web.render import render

router = APIRouter(include_in_schema=False)
DETAIL_LIMIT = 100


def organization_rows(db: DbSession, items: list[Organization]) -> dict[str, Any]:
    return {"parent_names": names(db, Organization, [o.parent_id for o in items])}


ORGANIZATIONS = EntityPages(
    entity="organization", path="/organizations", service=organizations,
    in_schema=s.OrganizationIn, patch_schema=s.OrganizationPatch,
    fields=(
        FormField("name", N_("Name"), required=True, wide=True),
        FormField("acronym", N_("Acronym")),
        FormField("type", N_("Type"), "select", "enum:organization_type", required=True),
        FormField("country_code", N_("Country"), "select", "countries"),
        FormField("parent_id", N_("Parent organisation"), "select", "organizations"),
        FormField("website", N_("Website"), "url"),
        FormField("iati_identifier", N_("IATI organisation identifier"),
                  help=N_("org-id.guide identifier, e.g. XM-DAC-41114 or GB-COH-123456; used by the IATI export.")),
        FormField("aliases", N_("Other names"), "lines",
                  help=N_("One per line, in any language (e.g. the Vietnamese or French name).")),
    ),
    title=N_("Organisations"), new_title=N_("New organisation"), edit_title=N_("Edit organisation"),
    new_label=N_("New organisation"), table="organizations/_table.html", filters=("q", "country", "kind"),
    kind_group="organization_type", rows=organization_rows,
)


def people_at(db: DbSession, organization_id: int) -> list[Any]:
    return list(db.execute(
        select(Person.id, Person.name, Position.title, Position.start_date, Position.end_date)
        .join(Position, Position.person_id == Person.id).where(Position.organization_id == organization_id)
        .order_by(Position.start_date.desc().nulls_last()).limit(DETAIL_LIMIT)
    ).all())


@router.get("/organizations/{record_id:int}", response_class=HTMLResponse)
def organization_detail(record_id: int, request: Request, db: DB) -> HTMLResponse:
    org = organizations.get(db, record_id)
    return render(request, "organizations/detail.html", {
        "o": org, "parent_name": names(db, Organization, [org.parent_id]).get(org.parent_id),
        "people": people_at(db, record_id),
    })


# ----- people -------------------------------------------------------------------------------------
POSITION_COLUMNS = (
    FormField("title", N_("Title")),
    FormField("organization_id", N_("Organisation"), "select", "organizations"),
    FormField("start_date", N_("From"), "date"),
    FormField("end_date", N_("To"), "date"),
)


def people_rows(db: DbSession, items: list[Person]) -> dict[str, Any]:
    """Each person's current position (see partners.service.current_position) and the organisations' names."""
    today = clock.today()
    current = {p.id: current_position(p.positions, today) for p in items}
    return {"current": current,
            "org_names": names(db, Organization, [x.organization_id for x in current.values() if x is not None])}


PEOPLE = EntityPages(
    entity="person", path="/people", service=people, in_schema=s.PersonIn, patch_schema=s.PersonPatch,
    fields=(
        FormField("name", N_("Name"), required=True, wide=True),
        FormField("country_code", N_("Country"), "select", "countries"),
        FormField("email", N_("Email"), "email"),
        FormField("positions", N_("Positions"), "rows", columns=POSITION_COLUMNS,
                  help=N_("Fill the last row to add a position; give a position an end date (To) when the person "
                          "leaves it; tick Remove only for a position recorded by mistake.")),
        FormField("notes", N_("Notes"), "textarea"),
    ),
    title=N_("People"), new_title=N_("New person"), edit_title=N_("Edit person"), new_label=N_("New person"),
    table="people/_table.html", filters=("q", "country"), rows=people_rows,
)


for _spec in (ORGANIZATIONS, PEOPLE):
    add_list_and_form_routes(router, _spec)
