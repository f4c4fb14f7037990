"""Pages for organisations and people: lists, forms, and pages showing who holds which position where."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sticoop.core.api import DB
from sticoop.partners import schemas as s
from sticoop.partners.models import Organization, Person, Position
from sticoop.partners.service import organizations, people
from sticoop.partnerships.models import Committee, Session, SessionDelegate
from sticoop.web.crud_pages import EntityPages, add_list_and_form_routes, default_initial
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
def person_convert(db: DbSession, data: dict[str, Any], obj: Any) -> dict[str, Any]:
    """The form adds one position at a time; the positions already held are kept as they are."""
    title = data.pop("position_title", None)
    org = data.pop("position_organization_id", None)
    start, end = data.pop("position_start", None), data.pop("position_end", None)
    if title:
        kept = [{"title": p.title, "organization_id": p.organization_id, "start_date": p.start_date,
                 "end_date": p.end_date} for p in obj.positions] if obj is not None else []
        data["positions"] = [*kept, {"title": title, "organization_id": int(org) if org else None,
                                     "start_date": start, "end_date": end}]
    return data


def person_initial(obj: Person) -> dict[str, Any]:
    return {**default_initial(PEOPLE, obj), "position_title": "", "position_organization_id": "",
            "position_start": "", "position_end": ""}


PEOPLE = EntityPages(
    entity="person", path="/people", service=people, in_schema=s.PersonIn, patch_schema=s.PersonPatch,
    fields=(
        FormField("name", N_("Name"), required=True, wide=True),
        FormField("country_code", N_("Country"), "select", "countries"),
        FormField("email", N_("Email"), "email"),
        FormField("position_title", N_("Add a position: title"), help=N_("e.g. Director General")),
        FormField("position_organization_id", N_("Position: organisation"), "select", "organizations"),
        FormField("position_start", N_("Position: from"), "date"),
        FormField("position_end", N_("Position: to"), "date"),
        FormField("notes", N_("Notes"), "textarea"),
    ),
    title=N_("People"), new_title=N_("New person"), edit_title=N_("Edit person"), new_label=N_("New person"),
    table="people/_table.html", filters=("q", "country"), convert=person_convert, initial=person_initial,
    rows=lambda db, items: {"org_names": names(db, Organization, [p.organization_id for x in items
                                                                  for p in x.positions])},
    aliases={"positions": "position_title"},
)


def sessions_attended(db: DbSession, person_id: int) -> list[Any]:
    return list(db.execute(
        select(Session.id, Session.number, Session.start_date, Committee.name, SessionDelegate.is_head)
        .join(SessionDelegate, SessionDelegate.session_id == Session.id)
        .join(Committee, Session.committee_id == Committee.id)
        .where(SessionDelegate.person_id == person_id).order_by(Session.start_date.desc().nulls_last())
        .limit(DETAIL_LIMIT)
    ).all())


@router.get("/people/{record_id:int}", response_class=HTMLResponse)
def person_detail(record_id: int, request: Request, db: DB) -> HTMLResponse:
    person = people.get(db, record_id)
    return render(request, "people/detail.html", {
        "person": person, "org_names": names(db, Organization, [p.organization_id for p in person.positions]),
        "attended": sessions_attended(db, record_id),
    })


for _spec in (ORGANIZATIONS, PEOPLE):
    add_list_and_form_routes(router, _spec)
