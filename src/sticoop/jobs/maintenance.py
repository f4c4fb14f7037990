"""Database upkeep run by ``sticoop worker``: the query planner's statistics, every hour
(:mod:`sticoop.core.planner_stats`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sticoop.core.labels import N_
from sticoop.core.planner_stats import analyze
from sticoop.jobs.registry import register_job_kind, register_periodic

if TYPE_CHECKING:
    from sticoop.jobs.service import JobContext

ANALYZE_JOB = "database.analyze"


def run_analyze(ctx: JobContext) -> str | None:
    """Refresh the planner statistics of the job's database; returns None (nothing to download)."""
    analyze(ctx.database_url)
    return None


def register() -> None:
    """Declare the statistics job and its hourly schedule (minute 17, off the quarter hours of the reminders)."""
    register_job_kind(ANALYZE_JOB, run_analyze, label=N_("Database statistics"))
    register_periodic(ANALYZE_JOB, minute="17")
