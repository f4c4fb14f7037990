"""Start an export of every record as a background job (admins); it is then followed and downloaded on the
jobs page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from sticoop.core.api import DB
from sticoop.core.errors import ValidationFailed
from sticoop.jobs.service import enqueue
from sticoop.transfer.service import EXPORT_JOB, EXPORT_SUFFIX

router = APIRouter(include_in_schema=False)


@router.post("/export")
async def start_export(request: Request, db: DB) -> Response:
    """Queue a ``transfer.export`` job in the format of the form (json, csv or xlsx) and show the jobs page."""
    fmt = str((await request.form()).get("format", ""))
    if fmt not in EXPORT_SUFFIX:
        raise ValidationFailed(f"format must be one of {', '.join(EXPORT_SUFFIX)}", field="format")
    enqueue(db, EXPORT_JOB, {"format": fmt}, request.state.principal)
    return RedirectResponse("/jobs", status_code=303)
