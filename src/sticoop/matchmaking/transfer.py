"""Technology profiles to and from CSV/XLSX, the formats partnering services and spreadsheets exchange.

Import is all-or-nothing: every row is validated with the same schema as the API, the errors are reported
with their row numbers, and nothing is written unless every row is valid. The rows are written without their
vectors; a background job computes those after the commit (``vectors``).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.core.errors import ValidationFailed
from sticoop.core.spreadsheet import CsvWriter, restore_cell, xlsx_row
from sticoop.matchmaking import vectors
from sticoop.matchmaking.models import TechProfile
from sticoop.matchmaking.schemas import ProfileIn
from sticoop.matchmaking.service import profiles

if TYPE_CHECKING:
    from sticoop.jobs.models import Job

COLUMNS = ("kind", "status", "title", "summary", "description", "language", "fields", "keywords", "trl",
           "ipr_status", "partner_sought_types", "partner_sought_role", "partner_sought_countries",
           "owner_country_code", "valid_from", "valid_until")
LIST_COLUMNS = frozenset({"fields", "keywords", "partner_sought_types", "partner_sought_countries"})
MAX_ROWS = 50_000


def _cell(profile: TechProfile, column: str) -> Any:
    value = getattr(profile, column)
    if column in LIST_COLUMNS:
        return "; ".join(value or [])
    return value.isoformat() if hasattr(value, "isoformat") else value


def export_profiles(db: Session, path: Path) -> int:
    rows = db.scalars(select(TechProfile).order_by(TechProfile.id).execution_options(yield_per=1000))
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("profiles")
        sheet.append(xlsx_row(sheet, COLUMNS))
        count = 0
        for profile in rows:
            sheet.append(xlsx_row(sheet, [_cell(profile, c) for c in COLUMNS]))
            count += 1
        workbook.save(path)
        return count
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = CsvWriter(handle)
        writer.writerow(COLUMNS)
        count = 0
        for profile in rows:
            writer.writerow([_cell(profile, c) for c in COLUMNS])
            count += 1
    return count


def _read_rows(path: Path) -> list[dict[str, Any]]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        from sticoop.core.uploads import check_archive

        check_archive(path.read_bytes(), path.name)  # a zip bomb is refused before openpyxl inflates it
        try:
            sheet = load_workbook(path, read_only=True).worksheets[0]
        except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
            raise ValidationFailed(f"{path.name}: not a readable XLSX file ({type(exc).__name__})") from None
        values = list(sheet.iter_rows(values_only=True))
        if not values:
            return []
        header = [str(h).strip() if h is not None else "" for h in values[0]]
        return [dict(zip(header, row, strict=False)) for row in values[1:] if any(v not in (None, "") for v in row)]
    if suffix == ".csv":
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationFailed(f"{path.name}: not UTF-8 text") from None
        return [{k: restore_cell(v) for k, v in row.items()} for row in csv.DictReader(io.StringIO(text))
                if any((v or "").strip() for v in row.values())]
    raise ValidationFailed(f"{path.name}: use a .csv or .xlsx file")


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for column in COLUMNS:
        value = row.get(column)
        if isinstance(value, str):
            value = value.strip()
        if value in (None, ""):
            continue
        if column in LIST_COLUMNS:
            value = [part.strip() for part in str(value).replace(",", ";").split(";") if part.strip()]
        if column == "trl":
            value = int(float(str(value))) if str(value).replace(".", "", 1).isdigit() else value
        if hasattr(value, "date") and column in ("valid_from", "valid_until"):
            value = value.date()
        data[column] = value
    return data


def import_profiles(db: Session, path: Path, actor: str = "system", batch_size: int = 500) -> int:
    """Import every row of ``path`` or none; returns the count. Rows are validated first, then written
    ``batch_size`` at a time in the caller's transaction — listed and matched on keywords and fields once it
    commits — and their vectors are left to the job :data:`vectors.JOB_KIND`, recorded in the same transaction
    (queued when it commits): the model never runs while the import writes. ValidationFailed lists the bad
    rows by number."""
    return len(import_rows(db, path, actor, batch_size)[0])


def import_rows(db: Session, path: Path, actor: str = "system",
                batch_size: int = 500) -> tuple[list[TechProfile], Job]:
    """:func:`import_profiles`, returning the profiles written and the vectors job recorded for them."""
    inputs = _validated(path)
    try:
        created = profiles.create_many(db, inputs, actor, batch_size)
    except ValidationFailed as exc:  # "item 3: ..." → "row 4: ..." (row 1 is the header)
        found = re.match(r"item (\d+): (.*)", exc.message, re.S)
        if found is None:
            raise
        raise ValidationFailed(f"{path.name}: row {int(found.group(1)) + 1}: {found.group(2)}",
                               field=exc.field) from None
    job = vectors.schedule(db, min(p.id for p in created), max(p.id for p in created))
    return created, job


def _validated(path: Path) -> list[ProfileIn]:
    """Every row of ``path`` as a ``ProfileIn``; ValidationFailed naming the first bad rows (row 1 = header)."""
    rows = _read_rows(path)
    if not rows:
        raise ValidationFailed(f"{path.name}: no rows to import")
    if len(rows) > MAX_ROWS:
        raise ValidationFailed(f"{path.name}: {len(rows):,} rows; import at most {MAX_ROWS:,} at a time")
    missing = {"kind", "title"} - set(rows[0])
    if missing:
        raise ValidationFailed(f"{path.name}: missing column(s) {', '.join(sorted(missing))}")
    inputs: list[ProfileIn] = []
    problems: list[str] = []
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        try:
            inputs.append(ProfileIn(**_clean(row)))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first.get("loc", ()))
            problems.append(f"row {number}: {where + ': ' if where else ''}{first.get('msg')}")
    if problems:
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise ValidationFailed(f"{path.name}: " + "; ".join(problems[:5]) + more)
    return inputs
