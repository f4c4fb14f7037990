"""Whole-database export (JSON, CSV, XLSX) and JSON import into an empty database.

Export walks the metadata in dependency order, so the JSON file is a faithful copy of every user table;
import inserts it back in the same order inside one transaction, so a failure leaves the database
untouched. Reference tables (countries, fields) are seeded by `db upgrade` and are not exported.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, DateTime, LargeBinary, Numeric, Table, bindparam, func, select, text
from sqlalchemy.orm import Session

import sticoop
import sticoop.models  # noqa: F401  (registers every table)
from sticoop.core.duplicates import rebuild_keys
from sticoop.core.errors import ValidationFailed
from sticoop.core.models import Base
from sticoop.core.serialize import to_jsonable
from sticoop.core.spreadsheet import CsvWriter, xlsx_row
from sticoop.jobs.registry import register_job_kind
from sticoop.linkage.index import rebuild_link_keys

if TYPE_CHECKING:
    from sticoop.jobs.service import JobContext

FORMAT_NAME = "sticoop-export"
FORMAT_VERSION = 1
REFERENCE_TABLES = frozenset({"countries", "fields"})
#: credentials never leave the database in an export file that people pass around
ACCOUNT_TABLES = frozenset({"users", "user_partnerships", "api_tokens", "login_sessions", "login_attempts"})
#: derived from the records (duplicate detection's index): not exported, rebuilt after an import
DERIVED_TABLES = frozenset({"natural_keys", "linkage_keys"})
#: the work log of a running deployment (background jobs, owned by accounts), not records: not exported
OPERATIONAL_TABLES = frozenset({"jobs"})
BATCH = 1000
#: what an export leaves out, and why: written into the JSON export and said by the CLI
LEFT_OUT = {
    "tables": {**{name: "accounts and credentials (never in a file people pass around)" for name in
                  sorted(ACCOUNT_TABLES)},
               **{name: "reference data, seeded by `sticoop db upgrade`" for name in sorted(REFERENCE_TABLES)},
               **{name: "derived, rebuilt by `sticoop import`" for name in sorted(DERIVED_TABLES)}},
    "files": "the stored document files and the matching index (under the data dir): `sticoop backup` keeps them",
}


def user_tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables
            if t.name not in REFERENCE_TABLES | ACCOUNT_TABLES | DERIVED_TABLES | OPERATIONAL_TABLES]


def iter_rows(db: Session, table: Table) -> Iterator[dict[str, Any]]:
    """Rows in primary-key order, streamed in batches so a large table never sits in memory at once."""
    order = list(table.primary_key.columns)
    result = db.execute(select(table).order_by(*order).execution_options(yield_per=BATCH))
    for row in result.mappings():
        yield {key: _exported(value) for key, value in row.items()}


def _exported(value: Any) -> Any:
    """A column value as JSON/CSV/XLSX can hold it: binary columns (profile embeddings) as base64 text."""
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return to_jsonable(value)


def count_rows(db: Session, table: Table) -> int:
    return db.scalar(select(func.count()).select_from(table)) or 0


def export_json(db: Session, out: io.TextIOBase) -> dict[str, int]:
    counts: dict[str, int] = {}
    out.write(json.dumps({"format": FORMAT_NAME, "format_version": FORMAT_VERSION,
                          "sticoop_version": sticoop.__version__, "left_out": LEFT_OUT})[:-1])
    out.write(', "tables": {')
    for t_index, table in enumerate(user_tables()):
        out.write(("," if t_index else "") + f"\n{json.dumps(table.name)}: [")
        n = 0
        for row in iter_rows(db, table):
            out.write(("," if n else "") + "\n  " + json.dumps(row, ensure_ascii=False))
            n += 1
        out.write("]")
        counts[table.name] = n
    out.write("\n}}\n")
    return counts


def export_csv_zip(db: Session, path: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in user_tables():
            buffer = io.StringIO()
            columns = [c.name for c in table.columns]
            writer = CsvWriter(buffer)
            writer.writerow(columns)
            n = 0
            for row in iter_rows(db, table):
                writer.writerow([json.dumps(row[c], ensure_ascii=False) if isinstance(row[c], list | dict) else row[c]
                                 for c in columns])
                n += 1
            archive.writestr(f"{table.name}.csv", buffer.getvalue())
            counts[table.name] = n
    return counts


def export_xlsx(db: Session, path: Path) -> dict[str, int]:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    counts: dict[str, int] = {}
    for table in user_tables():
        sheet = workbook.create_sheet(title=table.name[:31])
        columns = [c.name for c in table.columns]
        sheet.append(xlsx_row(sheet, columns))
        n = 0
        for row in iter_rows(db, table):
            sheet.append(xlsx_row(sheet, [json.dumps(row[c], ensure_ascii=False) if isinstance(row[c], list | dict)
                                          else row[c] for c in columns]))
            n += 1
        counts[table.name] = n
    workbook.save(path)
    return counts


def database_is_empty(db: Session) -> bool:
    return all(db.execute(select(text("1")).select_from(t).limit(1)).first() is None for t in user_tables())


def _coerce(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    unknown = set(row) - set(table.c.keys())
    if unknown:
        raise ValidationFailed(f"Table {table.name}: unknown columns {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    for key, value in row.items():
        column_type = table.c[key].type
        if value is not None and isinstance(value, str):
            try:
                if isinstance(column_type, DateTime):
                    value = datetime.fromisoformat(value)
                elif isinstance(column_type, Date):
                    value = date.fromisoformat(value)
                elif isinstance(column_type, Numeric):
                    value = Decimal(value)
                elif isinstance(column_type, LargeBinary):
                    value = base64.b64decode(value, validate=True)
            except (ValueError, binascii.Error) as exc:
                raise ValidationFailed(f"Table {table.name}, column {key}: bad value {value!r}") from exc
        values[key] = value
    return values


def import_json(db: Session, data: dict[str, Any]) -> dict[str, int]:
    """Insert an export into an empty database; the caller's transaction makes it all-or-nothing."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ValidationFailed("This file is not a sticoop JSON export")
    if data.get("format_version") != FORMAT_VERSION:
        raise ValidationFailed(f"Unsupported export format version {data.get('format_version')!r}")
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise ValidationFailed("The export has no 'tables' section")
    known = {t.name for t in user_tables()}
    unknown = set(tables) - known
    if unknown:
        raise ValidationFailed(f"The export has unknown tables: {', '.join(sorted(unknown))}")
    if not database_is_empty(db):
        raise ValidationFailed("The database already holds records; import only into an empty database")
    counts: dict[str, int] = {}
    for table in user_tables():
        rows = tables.get(table.name) or []
        if not isinstance(rows, list):
            raise ValidationFailed(f"Table {table.name}: expected a list of rows")
        self_refs = [c.name for c in table.columns if any(fk.column.table is table for fk in c.foreign_keys)]
        for start in range(0, len(rows), BATCH):
            batch = [_coerce(table, r) for r in rows[start:start + BATCH]]
            if batch:  # parents may come after their children: link them in a second pass
                db.execute(table.insert(), [{**r, **dict.fromkeys(self_refs)} for r in batch])
        # the second pass keeps columns that change on update (updated_at) as they were exported
        kept = [c.name for c in table.columns if c.onupdate is not None]
        for name in self_refs:
            links = [{"_id": r["id"], "_ref": r[name], **{f"_{k}": _coerce(table, {k: r.get(k)})[k] for k in kept}}
                     for r in rows if r.get(name) is not None]
            if links:
                values: dict[str, Any] = {name: bindparam("_ref"), **{k: bindparam(f"_{k}") for k in kept}}
                db.execute(table.update().where(table.c.id == bindparam("_id")).values(values), links)
        counts[table.name] = len(rows)
    _reset_sequences(db)
    rebuild_keys(db.connection())
    rebuild_link_keys(db.connection())  # record linkage's keys, derived like the natural keys
    return counts


def _reset_sequences(db: Session) -> None:
    """PostgreSQL identity sequences must continue after the imported ids."""
    if db.get_bind().dialect.name != "postgresql":
        return
    for table in user_tables():
        if "id" in table.c and table.c.id.primary_key:
            db.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 0) + 1, false)"
            ))


# ----- the export as a background job ------------------------------------------------------------
EXPORT_JOB = "transfer.export"
#: export format -> file suffix
EXPORT_SUFFIX = {"json": ".json", "csv": ".zip", "xlsx": ".xlsx"}


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext no-op marker
    return message


#: what an export job reports (message codes, translated when read)
EXPORTING = N_("Exporting (%(format)s)")
EXPORTED = N_("Exported %(rows)d rows from %(tables)d tables")


#: the refusal of an export job started with another format
BAD_FORMAT = N_("format must be one of %(formats)s")


def run_export_job(ctx: JobContext) -> str:
    """The ``transfer.export`` job (started by an admin from the jobs page): every record as
    ``params["format"]`` (json, csv or xlsx), written beside its final name and renamed at the end; returns
    the link its owner downloads it from. ``ValidationFailed`` for another format."""
    fmt = ctx.params.get("format")
    if fmt not in EXPORT_SUFFIX:
        raise ValidationFailed(BAD_FORMAT, field="format", params={"formats": ", ".join(EXPORT_SUFFIX)})
    target = ctx.output_dir() / f"sticoop-export-{ctx.now:%Y-%m-%d}{EXPORT_SUFFIX[fmt]}"
    partial = target.with_name(target.name + ".part")
    ctx.progress(0, 1, EXPORTING, {"format": fmt})
    try:
        with ctx.session() as db:
            if fmt == "json":
                with partial.open("w", encoding="utf-8") as handle:
                    counts = export_json(db, handle)
            else:
                counts = (export_csv_zip if fmt == "csv" else export_xlsx)(db, partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    ctx.progress(1, 1, EXPORTED, {"rows": sum(counts.values()), "tables": len(counts)})
    return f"/jobs/{ctx.job_id}/file"


def register() -> None:
    """Declare this domain's background work (called once by :func:`sticoop.composition.bootstrap`)."""
    register_job_kind(EXPORT_JOB, run_export_job, label=N_("Export of every record"),
                      messages=(EXPORTING, EXPORTED, BAD_FORMAT))
