from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session

from sticoop.core.database import new_session
from sticoop.core.errors import ValidationFailed
from sticoop.demo.data import load_demo
from sticoop.transfer.service import export_csv_zip, export_json, export_xlsx, import_json


def _export(url: str) -> dict:
    db = new_session(url)
    try:
        buffer = io.StringIO()
        export_json(db, buffer)
        return json.loads(buffer.getvalue())
    finally:
        db.close()




def test_json_export_reimports_with_nothing_lost(db: Session, db_url: str, wipe) -> None:  # type: ignore[no-untyped-def]
    load_demo(db)
    db.commit()
    first = _export(db_url)
    assert len(first["tables"]["commitments"]) >= 10
    db.close()
    wipe()
    with new_session(db_url) as target_db:
        counts = import_json(target_db, first)
        target_db.commit()
    assert counts["sessions"] == 4
    second = _export(db_url)
    assert second == first
    # ids continue after the imported ones (PostgreSQL sequences are reset)
    from sticoop.partnerships import schemas as pas
    from sticoop.partnerships.service import partnerships

    with new_session(db_url) as target_db:
        created = partnerships.create(target_db, pas.PartnershipIn(name="New", country_codes=["FRA", "VNM"]))
        target_db.commit()
        assert created.id > max(row["id"] for row in first["tables"]["partnerships"])
    # duplicate detection's index is not exported but rebuilt by the import
    from sticoop.core.duplicates import find_duplicates

    assert "natural_keys" not in first["tables"]
    with new_session(db_url) as target_db:
        demo = partnerships.get(target_db, first["tables"]["partnerships"][0]["id"])
        same = SimpleNamespace(id=None, name=demo.name.upper(), country_codes=demo.country_codes)
        assert [c.id for c in find_duplicates(target_db, partnerships, same)] == [demo.id]
    # so is record linkage's (an organisation typed in another spelling is found after the import)
    from sqlalchemy import func, select

    from sticoop.linkage.index import LinkKey
    from sticoop.linkage.rank import rank_organizations

    assert "linkage_keys" not in first["tables"]
    with new_session(db_url) as target_db:
        assert (target_db.scalar(select(func.count()).select_from(LinkKey)) or 0) > 0
        org = first["tables"]["organizations"][0]
        assert org["id"] in [m.id for m in rank_organizations(target_db, org["name"].upper(), org["country_code"])]


def test_import_refuses_non_empty_database_and_writes_nothing(db: Session, db_url: str) -> None:
    load_demo(db)
    db.commit()
    exported = _export(db_url)
    with new_session(db_url) as target_db, pytest.raises(ValidationFailed, match="already holds records"):
        import_json(target_db, exported)
    assert _export(db_url) == exported


def test_import_rejects_foreign_files(db: Session) -> None:
    with pytest.raises(ValidationFailed, match="not a sticoop JSON export"):
        import_json(db, {"hello": 1})
    with pytest.raises(ValidationFailed, match="unknown tables"):
        import_json(db, {"format": "sticoop-export", "format_version": 1, "tables": {"users_x": []}})


def test_csv_and_xlsx_exports(db: Session, tmp_path: Path) -> None:
    load_demo(db)
    db.flush()
    counts = export_csv_zip(db, tmp_path / "x.zip")
    with zipfile.ZipFile(tmp_path / "x.zip") as archive:
        rows = archive.read("sessions.csv").decode().splitlines()
    assert len(rows) == counts["sessions"] + 1 == 5
    export_xlsx(db, tmp_path / "x.xlsx")
    sheet = load_workbook(tmp_path / "x.xlsx", read_only=True)["partnerships"]
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Vietnam–Laos" in names


def test_parents_after_children_and_no_credentials(db: Session, db_url: str, wipe) -> None:  # type: ignore[no-untyped-def]
    from sticoop.accounts.service import create_user
    from sticoop.partners import schemas as par
    from sticoop.partners.service import organizations

    child = organizations.create(db, par.OrganizationIn(name="Institute"))
    parent = organizations.create(db, par.OrganizationIn(name="Academy"))
    child.parent_id = parent.id
    create_user(db, "officer", "a long enough password")
    db.commit()
    exported = _export(db_url)
    assert "users" not in exported["tables"] and "password_hash" not in json.dumps(exported)
    db.close()
    wipe()
    with new_session(db_url) as target_db:
        import_json(target_db, exported)
        target_db.commit()
    assert _export(db_url) == exported
