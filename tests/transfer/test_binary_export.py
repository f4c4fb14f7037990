"""Binary columns (profile embeddings) survive every export: base64 in JSON, CSV and XLSX, decoded on import."""

from __future__ import annotations

import io
import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.core.database import new_session
from sticoop.matchmaking.models import ProfileEmbedding, TechProfile
from sticoop.transfer.service import export_csv_zip, export_json, export_xlsx, import_json

VECTOR = bytes(range(256)) * 3  # every byte value, NULs included


def test_embeddings_round_trip_through_json_and_export_everywhere(db: Session, db_url: str, wipe,  # type: ignore[no-untyped-def]
                                                                 tmp_path: Path) -> None:
    profile = TechProfile(kind="technology_offer", title="Solar dryers", summary="Drying rice with the sun")
    db.add(profile)
    db.flush()
    db.add(ProfileEmbedding(profile_id=profile.id, embedder="test", fingerprint="f" * 64, vector=VECTOR))
    db.commit()
    buffer = io.StringIO()
    export_json(db, buffer)
    export_csv_zip(db, tmp_path / "all.zip")  # neither crashes on the binary column
    export_xlsx(db, tmp_path / "all.xlsx")
    data = json.loads(buffer.getvalue())
    assert data["tables"]["profile_embeddings"][0]["vector"]
    db.close()
    wipe()
    with new_session(db_url) as target_db:
        import_json(target_db, data)
        target_db.commit()
        assert target_db.scalar(select(ProfileEmbedding.vector)) == VECTOR
