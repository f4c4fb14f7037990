from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sticoop.core.errors import ValidationFailed
from sticoop.matchmaking.models import TechProfile
from sticoop.matchmaking.transfer import export_profiles, import_profiles

CSV = """kind,status,title,summary,language,fields,keywords,trl,partner_sought_countries,valid_until
technology_offer,published,Solar dryer,Solar dryer for cassava,en,energy; agriculture,solar; dryer,7,LAO,2027-12-31
technology_request,draft,Máy sấy nông sản,Cần công nghệ sấy sắn bằng năng lượng mặt trời,vi,agriculture,sấy,,,
"""


def test_csv_import_and_xlsx_round_trip(db: Session, tmp_path: Path) -> None:
    source = tmp_path / "profiles.csv"
    source.write_text(CSV, encoding="utf-8")
    assert import_profiles(db, source) == 2
    offer = db.scalar(select(TechProfile).where(TechProfile.title == "Solar dryer"))
    assert offer.fields == ["agriculture", "energy"] and offer.trl == 7 and offer.partner_sought_countries == ["LAO"]
    xlsx = tmp_path / "out.xlsx"
    assert export_profiles(db, xlsx) == 2
    db.execute(TechProfile.__table__.delete())
    db.expunge_all()
    assert import_profiles(db, xlsx) == 2
    again = db.scalar(select(TechProfile).where(TechProfile.title == "Máy sấy nông sản"))
    assert again.language == "vi" and again.status == "draft"


def test_import_is_all_or_nothing_with_row_numbers(db: Session, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(CSV + "technology_offer,published,No text,,en,,,,,\ntechnology_offer,published,X,Y,en,,,15,,\n",
                   encoding="utf-8")
    with pytest.raises(ValidationFailed, match=r"row 4: .*summary or a description.*row 5: trl"):
        import_profiles(db, bad)
    assert db.scalar(select(func.count()).select_from(TechProfile)) == 0
    wrong = tmp_path / "x.txt"
    wrong.write_text("hello")
    with pytest.raises(ValidationFailed, match="csv or .xlsx"):
        import_profiles(db, wrong)
