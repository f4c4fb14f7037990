"""`sticoop export` and `sticoop import`."""

from __future__ import annotations

import json
import os
import sys
import time
from enum import StrEnum
from pathlib import Path

import typer

from sticoop.core.cli import cli_errors, fail
from sticoop.core.config import get_settings
from sticoop.core.database import new_session, session_scope
from sticoop.transfer.backup import Target, backup, restore
from sticoop.transfer.service import ACCOUNT_TABLES, export_csv_zip, export_json, export_xlsx, import_json


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    iati = "iati"


@cli_errors
def export(
    format: ExportFormat = typer.Option(ExportFormat.json, "--format", "-f",
                                        help="json, csv (a zip), xlsx, or iati (projects as IATI 2.03 XML)."),
    output: Path = typer.Option(None, "--output", "-o", help="File to write; JSON goes to stdout when omitted."),
    partnership: int = typer.Option(None, "--partnership", help="iati: only this partnership's projects (id)."),
    status: str = typer.Option(None, "--status", help="iati: only projects with this status."),
    field: str = typer.Option(None, "--field", help="iati: only projects of this field (taxonomy key)."),
    country: str = typer.Option(None, "--country", help="iati: only projects with a partner of this country."),
    strict: bool = typer.Option(False, "--strict", help="iati: write nothing if any project is left out."),
) -> None:
    """Export every record (JSON re-imports into an empty database with nothing lost), or the projects as
    IATI 2.03 activities (--format iati: valid ones only, the others named on stderr with their reasons)."""
    if format != ExportFormat.json and output is None:
        raise fail(f"--output is required for --format {format}")
    if format == ExportFormat.iati:
        from sticoop.projects.iati.cli import export_iati

        assert output is not None
        export_iati(output, {"partnership_id": partnership, "status": status, "field": field, "country": country},
                    strict)
        return
    db = new_session()
    # written beside the output and renamed at the end: a failed export never leaves a truncated file
    partial = output.with_name(output.name + ".part") if output is not None else None
    try:
        if format == ExportFormat.json:
            if partial is None:
                counts = export_json(db, sys.stdout)
            else:
                with partial.open("w", encoding="utf-8") as handle:
                    counts = export_json(db, handle)
        elif format == ExportFormat.csv:
            assert partial is not None  # --output is required for csv and xlsx (checked above)
            counts = export_csv_zip(db, partial)
        else:
            assert partial is not None
            counts = export_xlsx(db, partial)
        if partial is not None:
            os.replace(partial, output)
    finally:
        db.close()
        if partial is not None:
            partial.unlink(missing_ok=True)
    if output is not None:
        typer.echo(f"exported {sum(counts.values())} rows from {len(counts)} tables to {output}", err=True)
    typer.echo(f"left out: accounts ({', '.join(sorted(ACCOUNT_TABLES))}) and the stored files (documents, "
               "matching index); `sticoop backup` keeps everything", err=True)


@cli_errors
def import_(path: Path = typer.Argument(..., help="A JSON file made by `sticoop export --format json`.")) -> None:
    """Import a JSON export into an empty database, all or nothing."""
    if not path.is_file():
        raise fail(f"{path}: no such file")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise fail(f"{path}: not valid JSON ({exc})") from None
    with session_scope() as db:
        counts = import_json(db, data)
    typer.echo(f"imported {sum(counts.values())} rows into {len(counts)} tables")


def _target() -> Target:
    settings = get_settings()
    return Target(settings.data_dir, settings.effective_database_url)


@cli_errors
def backup_command(path: Path = typer.Argument(..., help="A new folder to write the backup to.")) -> None:
    """Back up the database and the stored files (documents, matching index) while the server runs."""
    started = time.monotonic()
    manifest = backup(path, _target(), get_settings().pg_bin_dir)
    typer.echo(f"backed up the {manifest['database']['kind']} database (revision {manifest['alembic_revision']}) "
               f"and {len(manifest['files']) - 1} files to {path} in {time.monotonic() - started:.1f} s")


@cli_errors
def restore_command(
    path: Path = typer.Argument(..., help="A folder written by `sticoop backup`."),
    force: bool = typer.Option(False, "--force", help="Replace the records and files the target already holds."),
) -> None:
    """Restore a backup into an empty data dir and database (checksums verified first)."""
    if not path.is_dir():
        raise fail(f"{path}: no such backup folder")
    started = time.monotonic()
    manifest = restore(path, _target(), force=force, pg_bin_dir=get_settings().pg_bin_dir)
    typer.echo(f"restored the {manifest['database']['kind']} database (revision {manifest['alembic_revision']}) "
               f"and {len(manifest['files']) - 1} files from {path} in {time.monotonic() - started:.1f} s; "
               "run `sticoop db upgrade` if this sticoop is newer than the backup")


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("import")(import_)
    app.command("backup")(backup_command)
    app.command("restore")(restore_command)
