"""``/api/v1/jobs``: your background jobs and their progress."""

from typing import Annotated

from fastapi import APIRouter, Query, Request

from sticoop.core.api import DB, PathId
from sticoop.core.bounds import INT_MAX
from sticoop.jobs.schemas import JobList, JobOut, job_out
from sticoop.jobs.service import PAGE_MAX, cancel, job_for, jobs_of
from sticoop.web.render import formatter

router = APIRouter(prefix="/jobs", tags=["jobs"])


@router.get("", response_model=JobList, summary="Your jobs, newest first (keyset pages)")
def my_jobs(request: Request, db: DB,
            before: Annotated[int | None, Query(ge=1, le=INT_MAX,
                                                description="Only jobs with a smaller id (the previous page's "
                                                            "`next_before`)")] = None,
            limit: Annotated[int, Query(ge=1, le=PAGE_MAX, description=f"Jobs per page: 1–{PAGE_MAX}")] = 25,
            ) -> dict:
    items = jobs_of(db, request.state.principal, before, limit + 1)
    more = len(items) > limit
    items = items[:limit]
    translate = formatter(request)._
    return {"items": [job_out(job, translate) for job in items], "next_before": items[-1].id if more else None}


@router.get("/{job_id}", response_model=JobOut, summary="One job with its progress (yours, or any for an admin)")
def one_job(job_id: PathId, request: Request, db: DB) -> object:
    return job_out(job_for(db, job_id, request.state.principal), formatter(request)._)


@router.post("/{job_id}/cancel", response_model=JobOut,
             summary="Cancel a queued or running job (a running one stops at its next progress report)")
def cancel_job(job_id: PathId, request: Request, db: DB) -> object:
    return job_out(cancel(db, job_id, request.state.principal), formatter(request)._)
