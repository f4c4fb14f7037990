"""`sticoop profiles import|export`: technology profiles as CSV or XLSX."""

from __future__ import annotations

from pathlib import Path

import typer

from sticoop.core.cli import cli_errors, fail
from sticoop.core.database import new_session, session_scope

profiles_app = typer.Typer(help="Technology offers and requests (CSV/XLSX).", no_args_is_help=True)


@profiles_app.command("import")
@cli_errors
def import_(path: Path) -> None:
    """Import profiles from .csv or .xlsx; all rows or none."""
    from sticoop.matchmaking.transfer import import_profiles

    if not path.is_file():
        raise fail(f"{path}: no such file")
    with session_scope() as db:
        count = import_profiles(db, path)
    typer.echo(f"imported {count} profiles")


@profiles_app.command("export")
@cli_errors
def export(output: Path = typer.Option(..., "--output", "-o", help="A .csv or .xlsx file.")) -> None:
    """Export every profile."""
    from sticoop.matchmaking.transfer import export_profiles

    if output.suffix.lower() not in (".csv", ".xlsx"):
        raise fail(f"{output.name}: use a .csv or .xlsx file")
    db = new_session()
    try:
        count = export_profiles(db, output)
    finally:
        db.close()
    typer.echo(f"exported {count} profiles to {output}")


def register(app: typer.Typer) -> None:
    app.add_typer(profiles_app, name="profiles")
