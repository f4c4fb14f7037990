"""The briefing pack from the partnership and visit pages.

- ``POST /partnerships/{id}/briefing/job`` (the pages' buttons; form fields ``format`` pdf/docx/html,
  optionally ``visit_id`` and ``as_of``): queues the pack as a background job and shows the jobs page, which
  follows its progress and links the result;
- ``GET /briefings/{pack_id}``: a stored pack's file (the job's result), for whoever may see that pack;
- ``GET /partnerships/{id}/briefing.pdf|.docx|.html`` (optionally ``?visit_id=`` and ``?as_of=``): the pack
  built in the request, in the page's language, for links and small packs.
"""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy import select

from sticoop.briefing.api import AsOf, PackFormat, VisitId, pack_response, principal_of_request
from sticoop.briefing.jobs import queue_pack
from sticoop.briefing.models import BriefingPack
from sticoop.briefing.render import generate
from sticoop.core.api import DB, PathId
from sticoop.core.bounds import INT_MAX
from sticoop.core.errors import NotFound, ValidationFailed
from sticoop.web.render import request_locale

router = APIRouter(include_in_schema=False)
#: the job button: any signed-in reader may ask for a pack of what they may see (checked when queued and run)
job_router = APIRouter(include_in_schema=False)


@router.get("/partnerships/{record_id}/briefing.{fmt}")
def briefing_download(record_id: PathId, fmt: PackFormat, request: Request, db: DB, visit_id: VisitId = None,
                      as_of: AsOf = None) -> Response:
    pack = generate(db, principal_of_request(request), record_id, fmt.value, visit_id, as_of,
                    request_locale(request))
    return pack_response(db, pack)


@router.get("/briefings/{pack_id}")
def stored_pack(pack_id: PathId, db: DB) -> Response:
    """A stored pack's file; 404 for a pack out of the user's sight (scoped like its partnership)."""
    pack = db.scalar(select(BriefingPack).where(BriefingPack.id == pack_id))
    if pack is None:
        raise NotFound(f"No briefing pack {pack_id}")
    return pack_response(db, pack)


def _optional_id(value: object, field: str) -> int | None:
    text = str(value or "").strip()
    if not text:
        return None
    if not text.isdigit() or not 0 < int(text) <= INT_MAX:
        raise ValidationFailed(f"{field}: must be a record id (a positive whole number)", field=field)
    return int(text)


def _optional_date(value: object, field: str) -> date | None:
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationFailed(f"{field}: must be a date (YYYY-MM-DD), not '{text[:20]}'", field=field) from None


@job_router.post("/partnerships/{record_id}/briefing/job")
async def briefing_job(record_id: PathId, request: Request, db: DB) -> Response:
    """Queue the pack (form: ``format``, ``visit_id``, ``as_of``) and show the jobs page."""
    form = await request.form()
    fmt = str(form.get("format", "pdf"))
    queue_pack(db, principal_of_request(request), record_id, fmt, _optional_id(form.get("visit_id"), "visit_id"),
               _optional_date(form.get("as_of"), "as_of"), request_locale(request))
    return RedirectResponse("/jobs", status_code=303)
