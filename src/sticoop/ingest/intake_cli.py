"""`sticoop ingest PATH... | --url URL`: documents become Intakes (drafts) for review."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress

from sticoop.core.cli import fail
from sticoop.core.config import get_settings
from sticoop.core.database import session_scope
from sticoop.core.errors import DomainError
from sticoop.ingest.readers import SUFFIXES


def _files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            found.append(path)
    return found


def ingest(
    paths: list[Path] = typer.Argument(None, help="Files or folders (searched recursively)."),
    url: list[str] = typer.Option(None, "--url", help="Fetch and ingest a web page or file (repeatable)."),
    published: str = typer.Option(None, help="Publication date YYYY-MM-DD, the base for relative dates."),
) -> None:
    """Read press releases or minutes, extract what they describe, and store each as a draft Intake."""
    from sticoop.ingest.fetch import check_url, fetch_url
    from sticoop.ingest.service import ingest_bytes, intake_for_url

    try:
        published_on = date.fromisoformat(published) if published else None
    except ValueError:
        raise fail(f"--published '{published}' is not a date YYYY-MM-DD") from None
    files = _files(paths or [])
    urls = list(url or [])
    if not files and not urls:
        raise fail("nothing to ingest: give files, folders or --url")
    console = Console(stderr=True, soft_wrap=True)  # one line per file, however long
    ingested, duplicates, failures = 0, 0, []
    max_bytes = get_settings().max_upload_bytes
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("ingesting", total=len(files) + len(urls))
        sources: list[Path | str] = [*files, *urls]
        for source in sources:
            label = str(source)
            try:
                if isinstance(source, Path):
                    if not source.is_file():
                        raise DomainError(f"{source}: no such file")
                    size = source.stat().st_size
                    if size > max_bytes:
                        raise DomainError(
                            f"{source.name}: {size / 1048576:.1f} MB is over the "
                            f"{max_bytes / 1048576:.0f} MB limit"
                        )
                    content, name, source_url = source.read_bytes(), source.name, None
                else:
                    check_url(source)
                    with session_scope() as session:
                        known = intake_for_url(session, source)
                        known_id = known.id if known is not None else None
                    if known_id is not None:
                        duplicates += 1
                        console.print(f"[yellow]duplicate[/yellow] {label}: already intake {known_id}")
                        progress.advance(task)
                        continue
                    content, name = fetch_url(source, max_bytes)
                    source_url = source
                with session_scope() as session:  # one transaction per document
                    result = ingest_bytes(
                        session, content, name, source_url=source_url, published=published_on
                    )
                    intake_id, created, status = result.intake.id, result.created, result.intake.status
                if created:
                    ingested += 1
                    console.print(f"[green]ok[/green] {label}: intake {intake_id} ({status})")
                else:
                    duplicates += 1
                    console.print(f"[yellow]duplicate[/yellow] {label}: already intake {intake_id}")
            except DomainError as exc:
                failures.append(exc.message)
                console.print(f"[red]failed[/red] {exc.message}", highlight=False)
            except OSError as exc:
                failures.append(f"{label}: {exc.strerror or exc}")
                console.print(f"[red]failed[/red] {label}: {exc.strerror or exc}", highlight=False)
            progress.advance(task)
    typer.echo(f"ingested {ingested}, duplicates {duplicates}, failed {len(failures)}")
    if failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
