"""What the API says about jobs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from sticoop.jobs.messages import render


class JobOut(BaseModel):
    """One background job, as its owner (or an admin) sees it."""

    model_config = ConfigDict(from_attributes=True)
    id: int = Field(description="The job's id")
    kind: str = Field(description="What it does, as a dotted name, e.g. \"ingest.batch\" (at most 60 characters)")
    params: dict[str, Any] = Field(description="The parameters it was started with (JSON object)")
    status: str = Field(description="queued (waiting for a worker), running, succeeded, failed or cancelled")
    progress_done: int = Field(description="Units of work done so far (≥ 0; files, rows… depending on the kind)")
    progress_total: int | None = Field(description="Units of work in all (≥ 0); null while not known")
    message: str | None = Field(description="The last thing it reported, in the reader's language (?lang=, "
                                            "Accept-Language: en, fr, vi)")
    result: str | None = Field(description="Where to find what it made: a page path such as /intakes, or a file "
                                           "name; null when it made nothing to show")
    error: str | None = Field(description="Why it failed (one message, no traceback), in the reader's language "
                                          "where the job gave a message code; null unless failed")
    created_by: str = Field(description="User name of who started it (\"system\" for the command line and "
                                        "scheduled runs)")
    created_at: datetime = Field(description="When it was recorded (ISO 8601 date-time, UTC)")
    started_at: datetime | None = Field(description="When a worker started it (ISO 8601 date-time, UTC)")
    finished_at: datetime | None = Field(description="When it ended or was cancelled (ISO 8601 date-time, UTC)")


def job_out(job: Any, translate: Callable[[str], str]) -> JobOut:
    """A job as the API shows it, its message and error translated by ``translate`` (``jobs/messages.py``)."""
    out = JobOut.model_validate(job)
    out.message = render(translate, job.message, job.message_args)
    out.error = render(translate, job.error, job.error_args)
    return out


class JobList(BaseModel):
    """A page of your jobs, newest first; ask for the next with ``before=next_before``."""

    items: list[JobOut] = Field(description="Your jobs on this page, newest first")
    next_before: int | None = Field(description="Pass as `before` for the next (older) page; null on the last page")
