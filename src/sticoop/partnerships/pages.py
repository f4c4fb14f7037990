"""Pages for partnerships, their committees and sessions: lists, forms and the detail pages officials
open most — the partnership page with its committees' status and timeline, and the session page with the
"implementation of the previous session's conclusions" report."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sticoop.core import clock
from sticoop.core.api import DB
from sticoop.core.errors import ValidationFailed
from sticoop.core.listing import ListParams
from sticoop.partners.models import Person
from sticoop.partnerships import schemas as s
from sticoop.partnerships.models import Partnership
from sticoop.partnerships.service import committees, partnerships, sessions
from sticoop.web.crud_pages import EntityPages, add_list_and_form_routes
from sticoop.web.forms import FormField
from sticoop.web.labels import N_
from sticoop.web.lookups import names
from sticoop.web.render import render

router = APIRouter(include_in_schema=False)


# ----- derived figures for the pages --------------------------------------------------------------
# ----- partnerships -------------------------------------------------------------------------------
PARTNERSHIPS = EntityPages(
    entity="partnership", path="/partnerships", service=partnerships,
    in_schema=s.PartnershipIn, patch_schema=s.PartnershipPatch,
    fields=(
        FormField("name", N_("Name"), required=True, wide=True),
        FormField("country_codes", N_("Countries"), "multiselect", "countries", required=True,
                  help=N_("Two countries for a bilateral partnership, more for a multilateral one.")),
        FormField("relations_established", N_("Diplomatic relations established"), "date"),
        FormField("status", N_("Status"), "select", "enum:partnership_status", required=True),
        FormField("summary", N_("Summary"), "textarea"),
    ),
    title=N_("Partnerships"), new_title=N_("New partnership"), edit_title=N_("Edit partnership"),
    new_label=N_("New partnership"),
    table="partnerships/_table.html", filters=("q", "country", "status", "date"),
    status_group="partnership_status", date_label=N_("Relations established"),
)


# ----- committees ---------------------------------------------------------------------------------
COMMITTEES = EntityPages(
    entity="committee", path="/committees", service=committees,
    in_schema=s.CommitteeIn, patch_schema=s.CommitteePatch,
    fields=(
        FormField("partnership_id", N_("Partnership"), "select", "partnerships", required=True),
        FormField("name", N_("Name"), required=True, wide=True),
        FormField("interval_months", N_("Expected interval between sessions (months)"), "number",
                  help=N_("For example 24 for a session every two years.")),
        FormField("cochair_ids", N_("Co-chairing organisations"), "multiselect", "organizations"),
    ),
    title=N_("Committees"), new_title=N_("New committee"), edit_title=N_("Edit committee"),
    new_label=N_("New committee"), table="committees/_table.html", filters=("q", "partnership_id"),
)


@router.get("/committees/{record_id:int}", response_class=HTMLResponse)
def committee_detail(record_id: int, request: Request, db: DB) -> HTMLResponse:
    committee = committees.get(db, record_id)
    its_sessions, _total = sessions.list(db, ListParams(committee_id=record_id, limit=200, sort="-number"))
    next_number = max((x.number for x in its_sessions), default=0) + 1
    today = clock.today()
    status = committees.status(db, committee, today)
    return render(request, "committees/detail.html", {
        "c": committee, "status": status, "sessions": its_sessions, "warnings": status.warnings,
        "next_number": next_number, "today": today,
    })


# ----- sessions -----------------------------------------------------------------------------------
def session_convert(db: DbSession, data: dict[str, Any], obj: Any) -> dict[str, Any]:
    """Delegates and heads come from two people pickers (each person sits on their country's side);
    agenda items come one per line, keeping the notes of items whose title did not change."""
    person_ids = [int(x) for x in data.pop("delegate_ids", []) if str(x).isdigit()]
    heads = {int(x) for x in data.pop("head_ids", []) if str(x).isdigit()}
    person_ids += [h for h in sorted(heads) if h not in person_ids]
    countries = dict(db.execute(select(Person.id, Person.country_code).where(Person.id.in_(person_ids))).all())
    old_roles = {d.person_id: d.role for d in obj.delegates} if obj is not None else {}
    missing = [pid for pid in person_ids if not countries.get(pid)]
    if missing:
        who = ", ".join(names(db, Person, missing).values()) or ", ".join(map(str, missing))
        raise ValidationFailed(f"{who}: set the person's country first, so they sit on the right side",
                               field="delegate_ids")
    data["delegates"] = [{"person_id": pid, "country_code": countries[pid], "is_head": pid in heads,
                          "role": old_roles.get(pid)} for pid in person_ids]
    old_notes = {a.title: a.notes for a in obj.agenda_items} if obj is not None else {}
    data["agenda_items"] = [{"title": t, "notes": old_notes.get(t)} for t in data.pop("agenda", [])]
    return data


def session_initial(obj: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {f.name: "" for f in SESSIONS.fields}
    for key in ("committee_id", "number", "city", "country_code", "conclusions"):
        value = getattr(obj, key)
        raw[key] = "" if value is None else str(value)
    for key in ("start_date", "end_date"):
        raw[key] = getattr(obj, key).isoformat() if getattr(obj, key) else ""
    raw["delegate_ids"] = [str(d.person_id) for d in obj.delegates if not d.is_head]
    raw["head_ids"] = [str(d.person_id) for d in obj.delegates if d.is_head]
    raw["agenda"] = "\n".join(a.title for a in obj.agenda_items)
    return raw


def session_rows(db: DbSession, items: list[Any]) -> dict[str, Any]:
    return {"partnership_names": names(db, Partnership, [x.committee.partnership_id for x in items])}


SESSIONS = EntityPages(
    entity="session", path="/sessions", service=sessions, in_schema=s.SessionIn, patch_schema=s.SessionPatch,
    fields=(
        FormField("committee_id", N_("Committee"), "select", "committees", required=True),
        FormField("number", N_("Session number"), "number", required=True, help=N_("5 for the 5th session.")),
        FormField("start_date", N_("Start date"), "date"),
        FormField("end_date", N_("End date"), "date"),
        FormField("city", N_("City")),
        FormField("country_code", N_("Host country"), "select", "countries"),
        FormField("head_ids", N_("Heads of delegation"), "multiselect", "people",
                  help=N_("Each person sits on the side of their own country.")),
        FormField("delegate_ids", N_("Other delegates"), "multiselect", "people"),
        FormField("agenda", N_("Agenda"), "lines", help=N_("One agenda item per line.")),
        FormField("conclusions", N_("Conclusions"), "textarea"),
    ),
    title=N_("Sessions"), new_title=N_("New session"), edit_title=N_("Edit session"), new_label=N_("New session"),
    table="sessions/_table.html", filters=("q", "country", "partnership_id", "date"), date_label=N_("Start date"),
    rows=session_rows, convert=session_convert, initial=session_initial,
    aliases={"delegates": "delegate_ids", "agenda_items": "agenda"},
)


for _spec in (PARTNERSHIPS, COMMITTEES, SESSIONS):
    add_list_and_form_routes(router, _spec)
