"""Pages for funding programmes and cooperation projects: lists, forms (a project's partners by role), the
programme page with the projects it funds and the project page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from sticoop.core.api import DB
from sticoop.partners.models import Organization
from sticoop.partnerships.models import Partnership
from sticoop.projects import schemas as s
from sticoop.projects.models import Programme, Project
from sticoop.projects.service import programmes, projects
from sticoop.web.crud_pages import EntityPages, add_list_and_form_routes, default_initial
from sticoop.web.forms import FormField
from sticoop.web.labels import N_
from sticoop.web.lookups import names
from sticoop.web.render import render

router = APIRouter(include_in_schema=False)
DETAIL_LIMIT = 200
ROLE_FIELDS = {"coordinator": "coordinator_id", "partner": "partner_ids", "funder": "funder_ids"}


TRANSLATION_COLUMNS = (
    FormField("language", N_("Language")),
    FormField("title", N_("Title")),
    FormField("description", N_("Description")),
)


def project_convert(db: DbSession, data: dict[str, Any], obj: Any) -> dict[str, Any]:
    """Three organisation pickers (coordinator, partners, funders) become the partners list with roles."""
    coordinator = data.pop("coordinator_id", None)
    partners = [{"organization_id": int(coordinator), "role": "coordinator"}] if coordinator else []
    for role in ("partner", "funder"):
        partners += [{"organization_id": int(x), "role": role} for x in data.pop(ROLE_FIELDS[role], [])
                     if str(x).isdigit()]
    data["partners"] = partners
    return data


def project_initial(obj: Project) -> dict[str, Any]:
    raw = default_initial(PROJECTS, obj)
    coordinators = [str(p.organization_id) for p in obj.partners if p.role == "coordinator"]
    raw["coordinator_id"] = coordinators[0] if coordinators else ""
    for role in ("partner", "funder"):
        raw[ROLE_FIELDS[role]] = [str(p.organization_id) for p in obj.partners if p.role == role]
    raw["translations"] = [{c.name: str(item.get(c.name) or "") for c in TRANSLATION_COLUMNS}
                           for item in obj.translations or []]
    return raw


def project_rows(db: DbSession, items: list[Project]) -> dict[str, Any]:
    return {"partnership_names": names(db, Partnership, [p.partnership_id for p in items]),
            "org_names": names(db, Organization, [x.organization_id for p in items for x in p.partners])}


PROJECTS = EntityPages(
    entity="project", path="/projects", service=projects, in_schema=s.ProjectIn, patch_schema=s.ProjectPatch,
    fields=(
        FormField("title", N_("Title"), required=True, wide=True),
        FormField("partnership_id", N_("Partnership"), "select", "partnerships"),
        FormField("programme_id", N_("Funding programme"), "select", "programmes"),
        FormField("status", N_("Status"), "select", "enum:project_status", required=True),
        FormField("start_date", N_("Start date"), "date"),
        FormField("end_date", N_("End date"), "date"),
        FormField("budget", N_("Budget"), help=N_("Amount, e.g. 250000.00")),
        FormField("currency", N_("Currency"), help=N_("ISO 4217 code, e.g. EUR, VND, USD.")),
        FormField("language", N_("Language of title and description"),
                  help=N_("ISO 639-1 code, e.g. en, fr, vi; the IATI export names it.")),
        FormField("coordinator_id", N_("Coordinator"), "select", "organizations"),
        FormField("partner_ids", N_("Partners"), "multiselect", "organizations"),
        FormField("funder_ids", N_("Funders"), "multiselect", "organizations"),
        FormField("field_keys", N_("Fields"), "multiselect", "fields"),
        FormField("description", N_("Description"), "textarea", help=N_("What the project is about.")),
        FormField("outputs", N_("Outputs"), "textarea"),
        FormField("translations", N_("Title and description in other languages"), "rows",
                  columns=TRANSLATION_COLUMNS,
                  help=N_("One row per language (ISO 639-1 code, e.g. fr, vi); the IATI export publishes each.")),
    ),
    title=N_("Projects"), new_title=N_("New project"), edit_title=N_("Edit project"), new_label=N_("New project"),
    table="projects/_table.html", filters=("q", "country", "partnership_id", "status", "date", "field"),
    status_group="project_status", date_label=N_("Start date"), rows=project_rows,
    convert=project_convert, initial=project_initial, aliases={"partners": "partner_ids"},
    downloads=((N_("Download IATI XML"), "/export.iati.xml"),),
)


# ----- programmes ---------------------------------------------------------------------------------
def programme_rows(db: DbSession, items: list[Programme]) -> dict[str, Any]:
    """Funders' names and how many projects each programme funds: two bounded queries for the page."""
    ids = [p.id for p in items]
    counts = dict(db.execute(select(Project.programme_id, func.count()).where(Project.programme_id.in_(ids))
                             .group_by(Project.programme_id)).all()) if ids else {}
    return {"funder_names": names(db, Organization, [p.funder_id for p in items]), "project_counts": counts}


PROGRAMMES = EntityPages(
    entity="programme", path="/programmes", service=programmes, in_schema=s.ProgrammeIn,
    patch_schema=s.ProgrammePatch,
    fields=(
        FormField("name", N_("Name"), required=True, wide=True),
        FormField("acronym", N_("Acronym")),
        FormField("funder_id", N_("Funder"), "select", "organizations"),
        FormField("website", N_("Website"), "url"),
        FormField("description", N_("Description"), "textarea"),
    ),
    title=N_("Programmes"), new_title=N_("New programme"), edit_title=N_("Edit programme"),
    new_label=N_("New programme"), table="programmes/_table.html", filters=("q", "country"), rows=programme_rows,
)


def programme_projects(db: DbSession, programme_id: int) -> tuple[list[Project], int]:
    """The projects a programme funds, newest first, at most DETAIL_LIMIT, and how many there are in all."""
    query = select(Project).where(Project.programme_id == programme_id)
    total = db.scalar(select(func.count()).select_from(query.subquery())) or 0
    items = list(db.scalars(query.order_by(Project.start_date.desc().nulls_last(), Project.id.desc())
                            .limit(DETAIL_LIMIT)))
    return items, total


@router.get("/programmes/{record_id:int}", response_class=HTMLResponse)
def programme_detail(record_id: int, request: Request, db: DB) -> HTMLResponse:
    programme = programmes.get(db, record_id)
    funded, total = programme_projects(db, record_id)
    return render(request, "programmes/detail.html", {
        "pg": programme, "projects": funded, "project_total": total,
        "funder_name": names(db, Organization, [programme.funder_id]).get(programme.funder_id),
        "partnership_names": names(db, Partnership, [p.partnership_id for p in funded]),
    })


@router.get("/projects/{record_id:int}", response_class=HTMLResponse)
def project_detail(record_id: int, request: Request, db: DB) -> HTMLResponse:
    project = projects.get(db, record_id)
    return render(request, "projects/detail.html", {
        "pr": project, "org_names": names(db, Organization, [x.organization_id for x in project.partners]),
        "partnership_name": names(db, Partnership, [project.partnership_id]).get(project.partnership_id),
        "programme_name": names(db, Programme, [project.programme_id]).get(project.programme_id),
    })


for _spec in (PROGRAMMES, PROJECTS):
    add_list_and_form_routes(router, _spec)
