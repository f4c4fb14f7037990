"""``sticoop worker``: the process that runs background jobs and the periodic schedules."""

from __future__ import annotations

import logging

import typer

from sticoop.core.cli import cli_errors, fail
from sticoop.core.warmup import run_warmups
from sticoop.jobs import queue


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
    run_warmups()  # models loaded before the first job, not by it
    swept = jobs_queue.sweep_stale()
    lost = jobs_queue.requeue_lost()
    typer.echo(f"worker: {workers} thread(s) on {type(jobs_queue.huey).__name__}, "
               f"{jobs_queue.pending()} job(s) waiting ({len(lost)} queued again); stale jobs: "
               f"{len(swept.failed)} marked failed, {len(swept.requeued)} queued again", err=True)
    jobs_queue.consumer(workers, periodic=periodic).run()


def register(app: typer.Typer) -> None:
    """Add ``sticoop worker`` to the main CLI."""
    app.command("worker")(worker)
