"""`sticoop ingest PATH... | --url URL`: documents become Intakes (drafts) for review.

Inline by default, with a progress bar; ``--background`` records an ``ingest.batch`` job instead, which
``sticoop worker`` runs (its progress on the jobs page and at ``GET /api/v1/jobs/{id}``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress

from sticoop.core.cli import cli_errors, fail
from sticoop.core.database import session_scope
from sticoop.ingest.batch import JOB_KIND, batch_params, files_under, ingest_sources

STYLE = {"ok": "green", "duplicate": "yellow", "failed": "red"}


def _enqueue(files: list[Path], urls: list[str], published_on: date | None) -> None:
    from sticoop.jobs.service import enqueue

    with session_scope() as db:
        job_id = enqueue(db, JOB_KIND, batch_params(files, urls, published_on)).id
    typer.echo(f"job {job_id} queued ({len(files) + len(urls)} documents): `sticoop worker` runs it; "
               f"progress on the jobs page or at /api/v1/jobs/{job_id}")


@cli_errors
def ingest(
    paths: list[Path] = typer.Argument(None, help="Files or folders (searched recursively)."),
    url: list[str] = typer.Option(None, "--url", help="Fetch and ingest a web page or file (repeatable)."),
    published: str = typer.Option(None, help="Publication date YYYY-MM-DD, the base for relative dates."),
    background: bool = typer.Option(False, "--background",
                                    help="Queue the work as a background job for `sticoop worker`."),
) -> None:
    """Read press releases or minutes, extract what they describe, and store each as a draft Intake."""
    try:
        published_on = date.fromisoformat(published) if published else None
    except ValueError:
        raise fail(f"--published '{published}' is not a date YYYY-MM-DD") from None
    files = files_under(paths or [])
    urls = list(url or [])
    if not files and not urls:
        raise fail("nothing to ingest: give files, folders or --url")
    if background:
        _enqueue(files, urls, published_on)
        return
    console = Console(stderr=True, soft_wrap=True)  # one line per file, however long
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("ingesting", total=len(files) + len(urls))

        def report(_done: int, kind: str, line: str) -> None:
            console.print(f"[{STYLE[kind]}]{kind}[/{STYLE[kind]}] {line}", highlight=False)
            progress.advance(task)

        outcome = ingest_sources([*files, *urls], published_on, report)
    typer.echo(outcome.summary())
    if outcome.failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
