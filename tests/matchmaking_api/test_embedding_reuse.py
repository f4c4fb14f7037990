"""Each text goes through the model once: an import's vectors job embeds every distinct text once, and a text whose
vector the database already holds (same embedder, same fingerprint) is not embedded again — on import or on a
save."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sticoop.matchmaking import service
from sticoop.matchmaking import vectors as profile_vectors
from sticoop.matchmaking.engine import HashingEmbedder
from sticoop.matchmaking.models import ProfileEmbedding, TechProfile
from sticoop.matchmaking.schemas import ProfileIn, ProfilePatch
from sticoop.matchmaking.transfer import import_profiles

HEADER = "kind,status,title,summary,language\n"


class CountingEmbedder(HashingEmbedder):
    """The hashing embedder, counting the texts it is asked to embed."""

    def __init__(self) -> None:
        super().__init__(dim=32)
        self.name = "counting-hashing-32"
        self.languages = frozenset({"en", "fr", "vi"})
        self.texts: list[str] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.texts.extend(texts)
        return super().embed(texts)


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> CountingEmbedder:
    model = CountingEmbedder()
    monkeypatch.setattr(service, "embedder", lambda: model)
    return model


def _csv(tmp_path: Path, rows: list[str], name: str = "p.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


ROW_A = "technology_offer,published,Solar dryer,Solar dryer for cassava,en"
ROW_B = "technology_request,published,Máy sấy,Cần máy sấy sắn,vi"
ROW_LO = "technology_offer,published,ເຄື່ອງອົບແຫ້ງ,ເຄື່ອງອົບແຫ້ງແສງຕາເວັນ,lo"


@pytest.mark.parametrize(("rows", "embedded"), [
    ([ROW_A], 1),  # one text, once
    ([ROW_A, ROW_A, ROW_A], 1),  # the same text three times in one file: once
    ([ROW_A, ROW_B, ROW_A, ROW_B], 2),  # two distinct texts, each once
    ([ROW_A, ROW_LO], 1),  # a language the model does not read: no vector, no model call
])
def test_an_import_embeds_each_distinct_text_once(db: Session, db_url: str, tmp_path: Path,
                                                  counting: CountingEmbedder, rows: list[str], embedded: int) -> None:
    assert import_profiles(db, _csv(tmp_path, rows)) == len(rows)
    db.commit()
    assert counting.texts == []  # the import itself never runs the model
    profile_vectors.fill(db_url)
    assert len(counting.texts) == embedded
    stored = db.scalar(select(func.count()).select_from(ProfileEmbedding))
    assert stored == sum(1 for r in rows if not r.endswith(",lo"))  # every readable profile has its vector


def test_a_text_already_stored_is_not_embedded_again(db: Session, db_url: str, tmp_path: Path,
                                                     counting: CountingEmbedder) -> None:
    import_profiles(db, _csv(tmp_path, [ROW_A, ROW_B]))
    db.commit()
    profile_vectors.fill(db_url)
    first = list(counting.texts)
    import_profiles(db, _csv(tmp_path, [ROW_B, ROW_A, ROW_A], "again.csv"))
    db.commit()
    profile_vectors.fill(db_url)
    assert counting.texts == first  # the second file's texts were all known: the model did not run
    vectors = {bytes(v) for v in db.scalars(select(ProfileEmbedding.vector))}
    assert len(vectors) == 2  # and they got the very vectors the first import stored


@pytest.mark.parametrize("edit", ["new text", "back to a known text"])
def test_a_save_reuses_a_known_vector_and_embeds_a_new_text(db: Session, db_url: str, tmp_path: Path,
                                                            counting: CountingEmbedder, edit: str) -> None:
    import_profiles(db, _csv(tmp_path, [ROW_A, ROW_B]))
    db.commit()
    profile_vectors.fill(db_url)
    before = len(counting.texts)
    created = service.profiles.create(db, ProfileIn(kind="technology_offer", status="published", title="Dryer",
                                                    summary="Another dryer" if edit == "new text"
                                                    else "Solar dryer for cassava", language="en"))
    db.commit()  # its vector comes once the save has committed
    if edit == "back to a known text":
        service.profiles.update(db, created.id, ProfilePatch(title="Solar dryer", version=created.version))
        db.commit()
    # the new profile's first text was new: one model call; going back to ROW_A's text costs none
    assert len(counting.texts) - before == 1 and counting.texts[-1].startswith("Dryer")
    if edit == "back to a known text":
        row = db.scalar(select(ProfileEmbedding).where(ProfileEmbedding.profile_id == created.id))
        known = db.scalar(select(ProfileEmbedding.vector).join(TechProfile)
                          .where(TechProfile.title == "Solar dryer", TechProfile.id != created.id))
        assert row is not None and row.vector == known
