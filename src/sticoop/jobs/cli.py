"""``sticoop worker``: the process that runs background jobs and the periodic schedules; ``sticoop jobs show``:
one job with its progress, message and error in the reader's language."""

from __future__ import annotations

import logging
import os

import typer

from sticoop.core.cli import cli_errors, fail
from sticoop.core.warmup import ConfigurationError, run_warmups
from sticoop.jobs import queue
from sticoop.jobs.models import JobStatus


@cli_errors
def worker(
    workers: int = typer.Option(2, "--workers", "-w", min=1, max=32,
                                help="Jobs run at the same time (threads): 1–32."),
    periodic: bool = typer.Option(True, "--periodic/--no-periodic",
                                  help="Also run the scheduled jobs (reminders…); one worker per deployment."),
) -> None:
    """Run background jobs from the queue until stopped: SIGTERM lets running jobs finish, Ctrl-C stops at once.

    At start, running jobs whose worker died (no heartbeat for ``STICOOP_JOB_STALE_MINUTES``) are swept —
    marked failed, or queued again for kinds safe to re-run; with ``--periodic`` the sweep runs every minute —
    and jobs recorded as waiting that the queue lost (unreachable when they were committed) are queued
    again."""
    try:
        jobs_queue = queue.current()
    except queue.QueueConfigError as exc:
        raise fail(str(exc)) from None
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        run_warmups()  # models loaded before the first job, not by it
    except ConfigurationError as exc:  # e.g. STICOOP_EMBEDDER naming a missing or uncalibrated model
        raise fail(str(exc)) from None
    swept = jobs_queue.sweep_stale()
    lost = jobs_queue.requeue_lost()
    typer.echo(f"worker: {workers} thread(s) on {type(jobs_queue.huey).__name__}, "
               f"{jobs_queue.pending()} job(s) waiting ({len(lost)} queued again); stale jobs: "
               f"{len(swept.failed)} marked failed, {len(swept.requeued)} queued again", err=True)
    jobs_queue.consumer(workers, periodic=periodic).run()


jobs_app = typer.Typer(help="Background jobs.", no_args_is_help=True)


def _locale(lang: str | None) -> str:
    """``--lang``, else the language of ``LANG`` (``fr_FR.UTF-8`` → fr) when supported, else en."""
    from sticoop.core.i18n import SUPPORTED_LOCALES

    code = (lang or os.environ.get("LANG") or "en")[:2].lower()
    if lang and code not in SUPPORTED_LOCALES:
        raise fail(f"--lang must be one of {', '.join(SUPPORTED_LOCALES)}")
    return code if code in SUPPORTED_LOCALES else "en"


@jobs_app.command("show")
@cli_errors
def show(job_id: int = typer.Argument(..., min=1, max=2**31 - 1, help="The job's id."),
         lang: str = typer.Option(None, "--lang", help="Language of the messages: en, fr or vi (default: LANG).")
         ) -> None:
    """Print one job: kind, status, progress, its last message, result and error, translated."""
    from sticoop.core.database import session_scope
    from sticoop.core.i18n import Formatter
    from sticoop.jobs.messages import render
    from sticoop.jobs.models import Job
    from sticoop.jobs.pages import STATUS_LABELS
    from sticoop.jobs.registry import describe

    _ = Formatter(_locale(lang))._
    with session_scope() as db:
        job = db.get(Job, job_id)
        if job is None:
            raise fail(f"no job {job_id}")
        total = "?" if job.progress_total is None else str(job.progress_total)
        lines = [f"{job.id}  {_(describe(job.kind)['label'])}  {_(STATUS_LABELS[JobStatus(job.status)])}  "
                 f"{job.progress_done}/{total}"]
        for name, text in ((_("Message"), render(_, job.message, job.message_args)), (_("Result"), job.result),
                           (_("Error"), render(_, job.error, job.error_args))):
            if text:
                lines.append(f"{name}: {text}")
    typer.echo("\n".join(lines))


def register(app: typer.Typer) -> None:
    """Add ``sticoop worker`` and ``sticoop jobs`` to the main CLI."""
    app.command("worker")(worker)
    app.add_typer(jobs_app, name="jobs")
