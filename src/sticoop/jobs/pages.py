"""The jobs page: a signed-in user's background jobs with their progress, refreshed by HTMX polling while any
of them is still queued or running (no script of its own, no CDN)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from sticoop.core.api import DB, PathId
from sticoop.core.downloads import attachment
from sticoop.jobs.messages import render as render_message
from sticoop.jobs.models import FINISHED, Job, JobStatus
from sticoop.jobs.registry import describe
from sticoop.jobs.service import cancel, jobs_of, output_file
from sticoop.web.labels import N_
from sticoop.web.render import formatter, render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 25
#: seconds between two refreshes of the list while a job is open
POLL_SECONDS = 2
STATUS_LABELS = {JobStatus.queued: N_("Waiting"), JobStatus.running: N_("Running"),
                 JobStatus.succeeded: N_("Succeeded"), JobStatus.failed: N_("Failed"),
                 JobStatus.cancelled: N_("Cancelled")}
STATUS_TONE = {JobStatus.queued: "muted", JobStatus.running: "info", JobStatus.succeeded: "good",
               JobStatus.failed: "bad", JobStatus.cancelled: "muted"}


def _row(job: Job, translate: Callable[[str], str]) -> dict[str, object]:
    status = JobStatus(job.status)
    total = job.progress_total
    percent = min(100, round(100 * job.progress_done / total)) if total else (100 if status in FINISHED else 0)
    return {"job": job, "kind_label": describe(job.kind)["label"], "status_label": STATUS_LABELS[status],
            "tone": STATUS_TONE[status], "percent": percent, "open": status not in FINISHED,
            "message": render_message(translate, job.message, job.message_args),
            "error": render_message(translate, job.error, job.error_args)}


def _before(request: Request) -> int | None:
    value = request.query_params.get("before", "")
    return int(value) if value.isdigit() and 0 < int(value) < 2**31 else None


def _context(request: Request, db: DB) -> dict[str, object]:
    before = _before(request)
    jobs = jobs_of(db, request.state.principal, before, PAGE_SIZE + 1)
    translate = formatter(request)._
    rows = [_row(job, translate) for job in jobs[:PAGE_SIZE]]
    return {"rows": rows, "before": before, "poll": any(r["open"] for r in rows), "poll_seconds": POLL_SECONDS,
            "next_before": jobs[PAGE_SIZE - 1].id if len(jobs) > PAGE_SIZE else None}


@router.get("/jobs", response_class=HTMLResponse)
def jobs_page(request: Request, db: DB) -> HTMLResponse:
    return render(request, "jobs/list.html", _context(request, db))


@router.get("/jobs/rows", response_class=HTMLResponse)
def jobs_rows(request: Request, db: DB) -> HTMLResponse:
    """The list alone, for the page's polling."""
    return render(request, "jobs/_rows.html", _context(request, db))


@router.get("/jobs/{job_id}/file")
def job_file(job_id: PathId, request: Request, db: DB) -> Response:
    """The file a job made (an export…), for its owner or an admin."""
    path = output_file(db, job_id, request.state.principal)
    return FileResponse(path, headers=attachment(path.name))


@router.post("/jobs/{job_id}/cancel")
def cancel_job(job_id: PathId, request: Request, db: DB) -> Response:
    cancel(db, job_id, request.state.principal)
    return RedirectResponse("/jobs", status_code=303)
