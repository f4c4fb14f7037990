"""Matches an official can trust: never an expired, withdrawn or draft profile; "no good match yet" instead of
noise; imports that embed and write in batches while the app keeps answering; no write on a read."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session
from tests.conftest import TEST_PASSWORD, make_user

from sticoop.accounts import service as accounts
from sticoop.accounts.models import ApiToken, User
from sticoop.core import clock, touch
from sticoop.core.database import SQLITE_BUSY_TIMEOUT_MS, _sqlite_pragmas, get_engine, session_scope
from sticoop.matchmaking import service, vectors
from sticoop.matchmaking.engine import HashingEmbedder
from sticoop.matchmaking.models import ProfileEmbedding, TechProfile
from sticoop.matchmaking.transfer import import_profiles

TODAY = date(2026, 6, 1)
TEXT = {"title": "Membrane bioreactor for textile wastewater",
        "summary": "Compact membrane bioreactor (MBR) that treats dye-house effluent to discharge limits."}


@pytest.fixture
def today() -> Iterator[date]:
    """The day the matching runs, pinned (no test reads the real clock)."""
    with clock.pinned(TODAY):
        yield TODAY


def _profile(client: TestClient, **kw) -> dict:  # type: ignore[no-untyped-def]
    # the same text in several states on purpose: only the state decides whether it is offered
    body = {"kind": "technology_offer", "status": "published", "language": "en", "allow_duplicate": True,
            **TEXT, **kw}
    r = client.post("/api/v1/profiles", json=body)
    assert r.status_code == 201, r.text
    return r.json()


NEVER_OFFERED = {
    "expired": {"valid_until": str(TODAY - timedelta(days=1))},  # still "published", but past its date
    "withdrawn": {"status": "withdrawn"},
    "draft": {"status": "draft"},
}


@pytest.mark.parametrize("state", sorted(NEVER_OFFERED))
def test_expired_withdrawn_and_draft_profiles_are_never_offered(client: TestClient, today: date,
                                                                state: str) -> None:
    request = _profile(client, kind="technology_request", language="fr",
                       title="Recherche un bioréacteur à membrane (MBR)",
                       summary="Notre teinturerie doit traiter ses effluents colorés avant rejet.")
    valid = _profile(client, valid_until=str(TODAY))  # valid through today: offered
    hidden = _profile(client, **NEVER_OFFERED[state])
    found = client.get(f"/api/v1/profiles/{request['id']}/matches", params={"min_score": 0}).json()
    offered = {m["profile"]["id"] for m in found["complementary"] + found["similar"]}
    assert valid["id"] in offered and hidden["id"] not in offered
    # nor among the similar profiles of another offer
    found = client.get(f"/api/v1/profiles/{valid['id']}/matches", params={"min_score": 0}).json()
    assert hidden["id"] not in {m["profile"]["id"] for m in found["similar"]}


def test_no_good_match_yet_instead_of_noise(client: TestClient, today: date) -> None:
    """An unrelated marketplace gives an empty list at the threshold (and the page says so), while every
    candidate is still there for whoever asks for weaker ones; a criterion nobody entered is not shown."""
    vaccine = _profile(client, kind="technology_request", language="fr", title="Vaccins vétérinaires",
                       summary="Nous cherchons un vaccin contre la peste porcine africaine pour les élevages.")
    _profile(client, language="vi", title="Xử lý nước thải dệt nhuộm",
             summary="Bể lọc sinh học xử lý nước thải nhà máy dệt nhuộm đạt chuẩn xả thải.")
    found = client.get(f"/api/v1/profiles/{vaccine['id']}/matches").json()
    assert found["complementary"] == [] and 0 < found["threshold"] < 1
    weak = client.get(f"/api/v1/profiles/{vaccine['id']}/matches", params={"min_score": 0}).json()
    assert len(weak["complementary"]) == 1 and weak["complementary"][0]["score"] < found["threshold"]
    parts = weak["complementary"][0]["explanation"]["parts"]
    assert set(parts) == {"semantic", "keywords"}  # no fields, TRL, countries or partner types were entered
    page = client.get(f"/profiles/{vaccine['id']}")
    assert page.status_code == 200 and "No good match yet" in page.text
    assert "why__part--partner_type" not in page.text


def _csv(rows: int) -> str:
    lines = ["kind,status,title,summary,language,keywords"]
    for i in range(rows):
        lines.append(f"technology_offer,published,Offer {i},Solar dryer model {i} for cassava chips,en,dryer {i}")
    return "\n".join(lines) + "\n"


class CountingEmbedder(HashingEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[int] = []

    def embed(self, texts):  # type: ignore[no-untyped-def]
        self.calls.append(len(texts))
        return super().embed(texts)


def test_import_embeds_and_writes_in_batches(db: Session, db_url: str, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    model = CountingEmbedder()
    monkeypatch.setattr(service, "embedder", lambda: model)
    source = tmp_path / "profiles.csv"
    source.write_text(_csv(150), encoding="utf-8")
    assert import_profiles(db, source, batch_size=40) == 150
    db.commit()
    assert model.calls == []  # the import writes; its vectors job embeds
    vectors.fill(db_url)
    assert model.calls == [64, 64, 22]  # EMBED_BATCH texts per call, not one call per row
    stored = db.scalar(select(func.count()).select_from(ProfileEmbedding)
                       .where(ProfileEmbedding.embedder == model.name))
    assert stored == 150
    # every stored vector is the one of the profile's current text: nothing left to embed
    rows = list(db.scalars(select(TechProfile)))
    assert service.store_embeddings(db, rows) == 0


def test_reads_and_sign_in_keep_answering_while_an_import_writes(
        client: TestClient, anon_client: TestClient, db_url: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The import holds its write transaction open (past SQLite's default 5 s wait) while other requests run:
    reads answer at once (WAL), a sign-in — which writes — waits for the import instead of failing."""
    monkeypatch.setattr(service, "embedder", lambda: HashingEmbedder())
    make_user(db_url, "officer", "viewer")
    writing, release = threading.Event(), threading.Event()
    original = service.ProfileService._flush

    def slow_flush(self, db):  # type: ignore[no-untyped-def]
        original(self, db)
        if not writing.is_set():  # rows written, transaction open: hold it
            writing.set()
            release.wait(timeout=60)

    monkeypatch.setattr(service.ProfileService, "_flush", slow_flush)
    source = tmp_path / "profiles.csv"
    source.write_text(_csv(300), encoding="utf-8")
    outcome: dict[str, object] = {}

    def run_import() -> None:
        try:
            with session_scope(db_url) as db:
                outcome["count"] = import_profiles(db, source, batch_size=100)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            outcome["error"] = exc

    worker = threading.Thread(target=run_import)
    worker.start()
    try:
        assert writing.wait(timeout=120), outcome
        statuses = [client.get(path).status_code for path in ("/api/v1/profiles", "/partnerships", "/profiles")]
        timer = threading.Timer(6.0, release.set)  # the import commits only after SQLite's default wait
        timer.start()
        form = anon_client.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        signed = anon_client.post("/login", data={"username": "officer", "password": TEST_PASSWORD, "next": "/",
                                                  "csrf_token": token})
        statuses.append(client.get("/api/v1/profiles").status_code)
    finally:
        release.set()
        worker.join(timeout=120)
    assert statuses == [200, 200, 200, 200]
    assert signed.status_code == 303 and signed.headers["location"] == "/"
    assert outcome == {"count": 300}


def test_sqlite_waits_for_a_writer_and_postgresql_is_untouched(db_url: str) -> None:
    engine = get_engine(db_url)
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() == SQLITE_BUSY_TIMEOUT_MS
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        else:
            assert not event.contains(engine, "connect", _sqlite_pragmas)
            assert connection.execute(text("SELECT 1")).scalar() == 1


def test_token_use_is_written_at_most_once_a_minute_and_never_in_the_request(db: Session) -> None:
    user = User(username="script", password_hash="x", role="viewer")
    db.add(user)
    db.flush()
    token, secret = accounts.create_token(db, user, "cron")
    db.commit()
    touch.forget()
    start = accounts.aware(token.created_at)
    engine = db.get_bind()

    def stored() -> object:
        with engine.connect() as connection:
            return connection.execute(select(ApiToken.last_used_at).where(ApiToken.id == token.id)).scalar()

    accounts.user_for_token(db, secret, now=start)
    assert not db.new and not db.dirty, "the request's transaction writes nothing"
    touch.flush()
    assert accounts.aware(stored()) == start  # type: ignore[arg-type]
    db.expire_all()
    accounts.user_for_token(db, secret, now=start + timedelta(seconds=59))
    assert touch.pending_count() == 0, "within the minute nothing is even noted"
    accounts.user_for_token(db, secret, now=start + timedelta(seconds=61))
    assert not db.dirty
    touch.flush()
    assert accounts.aware(stored()) == start + timedelta(seconds=61)  # type: ignore[arg-type]
