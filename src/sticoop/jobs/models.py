"""The ``jobs`` table: one row per piece of background work, read by its owner on the jobs page and the API."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sticoop.core.models import Base, utcnow


class JobStatus(StrEnum):
    queued = "queued"  # recorded, waiting for a worker
    running = "running"  # a worker claimed it
    succeeded = "succeeded"
    failed = "failed"  # the error says why
    cancelled = "cancelled"  # stopped by its owner or an admin before it finished


#: statuses after which nothing changes any more
FINISHED = frozenset({JobStatus.succeeded, JobStatus.failed, JobStatus.cancelled})


class Job(Base):
    """One background job. ``progress_done`` of ``progress_total`` units (None: unknown yet); ``result`` is a
    reference to what it made (a page path such as ``/intakes``, or a file name), never the data itself."""

    __tablename__ = "jobs"
    __table_args__ = (
        # a user's jobs, newest first (keyset pagination on id)
        Index("ix_jobs_user_id_id", "user_id", "id"),
        Index("ix_jobs_status", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(60), nullable=False)
    params: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=JobStatus.queued.value)
    progress_done: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    progress_total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: the last progress message: a message code (English msgid) filled with ``message_args`` when read,
    #: translated (``jobs/messages.py``); ``message_args`` NULL: a text stored as written (older rows)
    message: Mapped[str | None] = mapped_column(String(500), nullable=True)
    message_args: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    result: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    #: why it failed: a message code with ``error_args``, or (``error_args`` NULL) a text as written
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    error_args: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    #: the owner (None: started by the operator from the command line or by the scheduler)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    created_by: Mapped[str] = mapped_column(String(120), nullable=False, default="system")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    #: last sign of life of the worker running the job (every ``HEARTBEAT_SECONDS``); a running job whose
    #: heartbeat is older than ``job_stale_minutes`` lost its worker and is swept (``service.sweep_stale``)
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
