"""``sticoop search``: rebuild the search index, or search from the shell (as the operator: every record)."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.progress import Progress

from sticoop.core.cli import cli_errors
from sticoop.core.database import session_scope

search_app = typer.Typer(help="The search box's index.", no_args_is_help=True)


@search_app.command("reindex")
@cli_errors
def reindex(batch: int = typer.Option(500, min=1, max=10_000, help="Records read per query: 1–10000.")) -> None:
    """Rebuild the whole search index from the records with their vectors, in one transaction (searches keep
    the old index until it commits), then the HNSW graph of the vectors (in the data folder)."""
    from sticoop.search.index import count_records, rebuild
    from sticoop.search.vectors import rebuild_graph

    with session_scope() as db:
        totals = count_records(db)
        with Progress(console=Console(stderr=True), transient=True) as progress:
            tasks = {kind: progress.add_task(kind, total=n) for kind, n in totals.items()}
            written = rebuild(db, batch, lambda kind, done: progress.advance(tasks[kind], done))
    with session_scope() as db:
        graphed = rebuild_graph(db)
    typer.echo(f"{written} records indexed, {graphed} vectors in the graph")


@search_app.command("embed")
@cli_errors
def embed(batch: int = typer.Option(256, min=1, max=10_000, help="Entries per transaction: 1–10000.")) -> None:
    """Compute the vectors of the entries written since the last run (what the worker's ``search.embed`` job
    does every minute) and bring the graph up to date."""
    from sticoop.search.vectors import embed_waiting

    done = embed_waiting(session_scope, batch)
    typer.echo(f"{done} vectors computed")


@search_app.command("query")
@cli_errors
def query(q: str = typer.Argument(..., help="Words to find."),
          kinds: str = typer.Option("", help="Comma-separated record kinds (default: all)."),
          limit: int = typer.Option(20, min=1, max=50, help="Results in all: 1–50.")) -> None:
    """Print the best matches: kind, id, title and page."""
    from sticoop.search.service import parse_kinds, search, viewer

    with session_scope() as db:
        results = search(db, viewer(db), q, parse_kinds(kinds), None, limit)
        for hits in results.groups.values():
            for hit in hits:
                typer.echo(f"{hit.kind}\t{hit.id}\t{hit.title}\t{hit.url or ''}")


def register(app: typer.Typer) -> None:
    """Add ``sticoop search`` to the main CLI."""
    app.add_typer(search_app, name="search")
