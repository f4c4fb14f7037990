"""Pages for agreements: list, form, and the agreement page with its dated status history and one button
per allowed transition (the service refuses any other move)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session as DbSession

from sticoop.agreements import schemas as s
from sticoop.agreements.models import TRANSITIONS, Agreement, AgreementStatus
from sticoop.agreements.service import agreements
from sticoop.core import clock
from sticoop.core.api import DB, Actor
from sticoop.core.errors import DomainError
from sticoop.partnerships.models import Partnership
from sticoop.web.crud_pages import EntityPages, add_list_and_form_routes
from sticoop.web.forms import FormField, domain_errors
from sticoop.web.labels import N_
from sticoop.web.lookups import names
from sticoop.web.render import formatter, render

router = APIRouter(include_in_schema=False)


def agreement_rows(db: DbSession, items: list[Agreement]) -> dict[str, Any]:
    return {"partnership_names": names(db, Partnership, [a.partnership_id for a in items])}


AGREEMENTS = EntityPages(
    entity="agreement", path="/agreements", service=agreements,
    in_schema=s.AgreementIn, patch_schema=s.AgreementPatch,
    fields=(
        FormField("title", N_("Title"), required=True, wide=True),
        FormField("kind", N_("Type"), "select", "enum:agreement_kind", required=True),
        FormField("status", N_("Status"), "select", "enum:agreement_status", required=True, create_only=True,
                  help=N_("Where it stands today; later changes go through the status buttons.")),
        FormField("partnership_id", N_("Partnership"), "select", "partnerships"),
        FormField("signed_date", N_("Signed on"), "date"),
        FormField("in_force_date", N_("In force from"), "date"),
        FormField("expiry_date", N_("Expires on"), "date"),
        FormField("country_codes", N_("Countries (parties)"), "multiselect", "countries"),
        FormField("organization_ids", N_("Organisations (parties)"), "multiselect", "organizations"),
        FormField("summary", N_("Summary"), "textarea"),
    ),
    title=N_("Agreements"), new_title=N_("New agreement"), edit_title=N_("Edit agreement"),
    new_label=N_("New agreement"), table="agreements/_table.html",
    filters=("q", "country", "partnership_id", "status", "kind", "date"), status_group="agreement_status",
    kind_group="agreement_kind", date_label=N_("Signed on"), rows=agreement_rows,
)


def detail_page(request: Request, db: DbSession, agreement: Agreement, errors: dict[str, str] | None = None,
                status: int = 200) -> HTMLResponse:
    allowed = sorted(TRANSITIONS[AgreementStatus(agreement.status)], key=[s.value for s in AgreementStatus].index)
    return render(request, "agreements/detail.html", {
        "a": agreement, "allowed": allowed, "errors": errors or {}, "today": clock.today(),
        "partnership_name": names(db, Partnership, [agreement.partnership_id]).get(agreement.partnership_id),
    }, status=status)


@router.get("/agreements/{record_id:int}", response_class=HTMLResponse)
def agreement_detail(record_id: int, request: Request, db: DB) -> HTMLResponse:
    return detail_page(request, db, agreements.get(db, record_id))


@router.post("/agreements/{record_id:int}/transition", response_class=HTMLResponse)
async def agreement_transition(record_id: int, request: Request, db: DB, actor: Actor) -> Response:
    form = await request.form()
    _ = formatter(request)._
    version, to_status = str(form.get("version", "")), str(form.get("to_status", ""))
    on_text, note = str(form.get("date", "")).strip(), str(form.get("note", "")).strip() or None
    try:
        on = date.fromisoformat(on_text) if on_text else None
    except ValueError:
        return detail_page(request, db, agreements.get(db, record_id), {"date": _("Enter a valid date.")}, 422)
    if to_status not in AgreementStatus.__members__ or not version.isdigit():
        return detail_page(request, db, agreements.get(db, record_id),
                           {"status": _("Choose one of the options.")}, 422)
    try:
        agreements.transition(db, record_id, to_status, int(version), on, note, actor)
    except DomainError as exc:
        db.rollback()
        return detail_page(request, db, agreements.get(db, record_id), domain_errors(exc, _), exc.status_code)
    return RedirectResponse(f"/agreements/{record_id}", status_code=303)


add_list_and_form_routes(router, AGREEMENTS)
