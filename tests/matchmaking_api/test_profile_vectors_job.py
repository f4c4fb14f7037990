"""Profile vectors are computed outside the writes: an import commits its rows without running the model and
records the job ``matchmaking.vectors``, which fills the vectors (resumably); a save's vector comes after its
commit; meanwhile matching falls back to keywords and fields and says the semantic part is pending."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session
from typer.testing import CliRunner, Result

from sticoop.core.database import get_engine, session_scope
from sticoop.core.models import utcnow
from sticoop.jobs import registry as jobs_registry
from sticoop.jobs.models import Job, JobStatus
from sticoop.jobs.service import run_job, sweep_stale
from sticoop.matchmaking import service
from sticoop.matchmaking import vectors as profile_vectors
from sticoop.matchmaking.engine import HashingEmbedder
from sticoop.matchmaking.engine.notes import MATCH_VECTOR_PENDING, QUERY_VECTOR_PENDING
from sticoop.matchmaking.models import ProfileEmbedding, TechProfile
from sticoop.matchmaking.transfer import import_profiles, import_rows

HEADER = "kind,status,title,summary,language,keywords\n"
OFFER = "technology_offer,published,LoRaWAN soil sensors,LoRaWAN soil moisture sensors for irrigation,en,LoRaWAN"
REQUEST = ("technology_request,published,Capteurs LoRaWAN,Nous cherchons des capteurs LoRaWAN d'humidité du sol,fr,"
           "LoRaWAN")


class GuardedEmbedder(HashingEmbedder):
    """The hashing embedder, recording the texts it embeds; ``forbidden`` makes any call fail the test."""

    def __init__(self) -> None:
        super().__init__(dim=48)
        self.name = "guarded-hashing-48"
        self.languages = frozenset({"en", "fr", "vi"})
        self.texts: list[str] = []
        self.forbidden = False

    def embed(self, texts: list[str]) -> np.ndarray:
        assert not self.forbidden, "the model ran inside a write"
        self.texts.extend(texts)
        return super().embed(texts)


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> GuardedEmbedder:
    made = GuardedEmbedder()
    monkeypatch.setattr(service, "embedder", lambda: made)
    # the search entries' vectors (another package, another job) are not what these tests count
    from sticoop.search import vectors as search_vectors

    monkeypatch.setattr(search_vectors, "embedder", lambda: HashingEmbedder(dim=48), raising=False)
    service.forget_matchers()
    return made


def _csv(tmp_path: Path, rows: list[str], name: str = "p.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def _offers(n: int) -> list[str]:
    return [f"technology_offer,published,Dryer {i},Solar dryer model {i} for cassava chips,en,dryer" for i in range(n)]


def _stored(db: Session) -> int:
    return int(db.scalar(select(func.count()).select_from(ProfileEmbedding)) or 0)


@pytest.mark.parametrize(("rows", "batch_size"), [(1, 1), (7, 1), (7, 500), (130, 50), (130, 500)])
def test_an_import_commits_without_the_model_and_records_its_job(db: Session, tmp_path: Path,
                                                                 model: GuardedEmbedder, rows: int,
                                                                 batch_size: int) -> None:
    model.forbidden = True
    created, job = import_rows(db, _csv(tmp_path, _offers(rows)), batch_size=batch_size)
    db.commit()
    assert len(created) == rows and _stored(db) == 0 and model.texts == []
    assert db.scalar(select(func.count()).select_from(TechProfile)) == rows  # committed, listed at once
    assert job.kind == profile_vectors.JOB_KIND and job.status == JobStatus.queued.value
    assert job.params == {"first_id": min(p.id for p in created), "last_id": max(p.id for p in created)}
    assert profile_vectors.pending_count(db) == rows


@pytest.mark.parametrize("chunk", [1, 3, 256])
def test_the_job_fills_every_vector_and_reports_progress(db: Session, db_url: str, tmp_path: Path,
                                                         model: GuardedEmbedder, chunk: int,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(profile_vectors, "CHUNK", chunk)
    rows = [*_offers(5), OFFER, "technology_offer,published,Lao text,ເຄື່ອງອົບແຫ້ງ,lo,"]  # lo: never a vector
    _, job = import_rows(db, _csv(tmp_path, rows))
    db.commit()
    assert run_job(job.id, db_url) == JobStatus.succeeded
    db.expire_all()
    done = db.get(Job, job.id)
    assert done is not None and done.progress_done == done.progress_total == len(rows)
    assert _stored(db) == len(rows) - 1 and profile_vectors.pending_count(db) == 0
    fingerprints = {pid: fp for pid, fp in db.execute(select(ProfileEmbedding.profile_id,
                                                             ProfileEmbedding.fingerprint))}
    for p in db.scalars(select(TechProfile).where(TechProfile.language != "lo")):
        assert fingerprints[p.id] == service.to_engine(p).fingerprint()  # the vector of its current text
    assert run_job(job.id, db_url) is None  # ran once; a second delivery does nothing


@pytest.mark.parametrize("killed_after", [1, 2, 4])
def test_a_killed_job_is_queued_again_and_resumes_where_it_stopped(db: Session, db_url: str, tmp_path: Path,
                                                                   model: GuardedEmbedder, killed_after: int,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker dies mid-job (no more heartbeats): the sweep queues it again (``rerun_stale``) and the rerun
    embeds only what the first run had not committed — each text goes through the model once."""
    assert jobs_registry.job_kind(profile_vectors.JOB_KIND).rerun_stale
    monkeypatch.setattr(profile_vectors, "CHUNK", 2)
    _, job = import_rows(db, _csv(tmp_path, _offers(9)))
    db.commit()

    class Killed(BaseException):
        """Not an Exception: like SIGKILL, nothing records the job's end."""

    def dies(walked: int, total: int) -> None:
        if walked >= 2 * killed_after:
            raise Killed

    with session_scope(db_url) as s:
        s.execute(update(Job).where(Job.id == job.id).values(status=JobStatus.running.value,
                                                             started_at=utcnow(), heartbeat_at=utcnow()))
    with pytest.raises(Killed):
        profile_vectors.fill(db_url, job.params["first_id"], job.params["last_id"], on_chunk=dies, chunk=2)
    assert _stored(db) == 2 * killed_after  # what was committed before the kill stays
    swept = sweep_stale(db_url, now=utcnow() + timedelta(hours=1))
    assert swept.requeued == [job.id]
    assert run_job(job.id, db_url) == JobStatus.succeeded
    assert _stored(db) == 9 and len(model.texts) == len(set(model.texts)) == 9


def test_a_save_commits_before_its_vector_is_computed(client: TestClient, db_url: str,
                                                      model: GuardedEmbedder, monkeypatch: pytest.MonkeyPatch) -> None:
    """Over the API: when the model runs, the profile is already committed (another connection sees it) and its
    vector is stored right after."""
    seen: list[int] = []
    original = model.embed

    def embed(texts: list[str]) -> np.ndarray:
        with get_engine(db_url).connect() as other:  # a separate connection sees only committed rows
            seen.append(other.execute(text("SELECT count(*) FROM tech_profiles")).scalar_one())
        return original(texts)

    monkeypatch.setattr(model, "embed", embed)
    r = client.post("/api/v1/profiles", json={"kind": "technology_offer", "status": "published", "language": "en",
                                              "title": "Solar dryer", "summary": "Solar dryer for cassava"})
    assert r.status_code == 201, r.text
    assert seen == [1]
    with session_scope(db_url) as db:
        assert _stored(db) == 1 and profile_vectors.pending_count(db) == 0


def _pending_flags(found: dict) -> list[tuple[bool, list[str]]]:
    return [(m["semantic_pending"], [n["code"] for n in m["explanation"]["notes"]]) for m in found["complementary"]]


@pytest.mark.parametrize("pending", ["both", "candidate", "query"])
def test_matching_says_the_semantic_part_is_pending_until_the_job_ran(db: Session, db_url: str, tmp_path: Path,
                                                                       model: GuardedEmbedder, pending: str) -> None:
    """Before the vectors: the pair is still found (a shared term, LoRaWAN), scored on keywords and fields,
    marked pending with the note of the side that lacks its vector; after the job: the semantic part is back."""
    rows = {"both": [OFFER, REQUEST], "candidate": [OFFER], "query": [REQUEST]}[pending]
    if pending != "both":  # the other side was saved earlier and has its vector
        other = REQUEST if pending == "candidate" else OFFER
        import_profiles(db, _csv(tmp_path, [other], "other.csv"))
        db.commit()
        profile_vectors.fill(db_url)
    model.forbidden = True  # matching never runs the model: pending profiles wait for the job
    _, job = import_rows(db, _csv(tmp_path, rows))
    db.commit()
    request_id = db.scalar(select(TechProfile.id).where(TechProfile.kind == "technology_request"))
    assert request_id is not None
    before = service.matches(db, request_id)
    expected_notes = {"both": [QUERY_VECTOR_PENDING], "candidate": [MATCH_VECTOR_PENDING],
                      "query": [QUERY_VECTOR_PENDING]}[pending]
    assert before["semantic_pending"] is (pending != "candidate")
    assert before["keywords_only"] is False  # the language is read; only the vector is missing
    assert _pending_flags(before) == [(True, expected_notes)]
    assert before["complementary"][0]["explanation"]["parts"]["semantic"]["value"] is None
    model.forbidden = False
    assert run_job(job.id, db_url) == JobStatus.succeeded
    after = service.matches(db, request_id, min_score=0)
    assert after["semantic_pending"] is False
    assert [f for f, _ in _pending_flags(after)] == [False]
    assert after["complementary"][0]["explanation"]["parts"]["semantic"]["value"] is not None
    assert all(n not in (QUERY_VECTOR_PENDING, MATCH_VECTOR_PENDING) for _, ns in _pending_flags(after) for n in ns)


@pytest.fixture
def cli(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Result]]:
    """``sticoop ...`` in this process, on the test database, its queue a file of this test."""
    from sticoop.cli import app
    from sticoop.core.config import get_settings
    from sticoop.jobs import queue

    monkeypatch.setenv("STICOOP_DATABASE_URL", db_url)
    monkeypatch.setenv("STICOOP_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    previous = queue.install(None)
    runner = CliRunner()
    yield lambda *args: runner.invoke(app, list(args))
    queue.install(previous)
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.mark.parametrize("wait", [False, True])
def test_the_import_command_commits_then_waits_for_the_vectors_on_request(
        cli: Callable[..., Result], db_url: str, tmp_path: Path, model: GuardedEmbedder, wait: bool) -> None:
    result = cli("profiles", "import", str(_csv(tmp_path, _offers(6))), *(["--wait"] if wait else []))
    assert result.exit_code == 0, result.output
    assert "imported 6 profiles; vectors: job" in result.stdout
    with session_scope(db_url) as db:
        job = db.scalar(select(Job).where(Job.kind == profile_vectors.JOB_KIND))
        assert job is not None
        assert job.status == (JobStatus.succeeded.value if wait else JobStatus.queued.value)
        assert _stored(db) == (6 if wait else 0)
    if not wait:  # later: the catch-up command computes what is missing
        caught = cli("profiles", "vectors", "--wait")
        assert caught.exit_code == 0 and "vectors ready" in caught.stdout, caught.output
        with session_scope(db_url) as db:
            assert _stored(db) == 6


@pytest.mark.parametrize("content", ["", "kind,title\ntechnology_offer,\n"])
def test_a_bad_import_file_is_one_error_line_and_records_no_job(cli: Callable[..., Result], db_url: str,
                                                                tmp_path: Path, model: GuardedEmbedder,
                                                                content: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    result = cli("profiles", "import", str(path), "--wait")
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "Traceback" not in result.output
    with session_scope(db_url) as db:
        assert db.scalar(select(func.count()).select_from(Job)) == 0


@pytest.mark.parametrize("job_running", [True, False])
def test_the_matcher_waits_for_the_job_to_end_before_taking_its_vectors(db: Session, db_url: str, tmp_path: Path,
                                                                         model: GuardedEmbedder,
                                                                         job_running: bool) -> None:
    """While the vectors job runs, its chunks' vectors do not rebuild the matcher each time (minutes at 100,000
    profiles); once it has ended (or when only a save's vector came), the next query takes them."""
    _, job = import_rows(db, _csv(tmp_path, _offers(4)))
    db.commit()
    before = service.matcher(db)
    assert before.pending and len(before.pending) == 4
    if job_running:
        db.execute(update(Job).where(Job.id == job.id).values(status=JobStatus.running.value))
        db.commit()
    profile_vectors.fill(db_url)
    db.commit()  # a fresh snapshot of the database
    during = service.matcher(db)
    assert (during is before) is job_running
    db.execute(update(Job).where(Job.id == job.id).values(status=JobStatus.succeeded.value))
    db.commit()
    after = service.matcher(db)
    assert after is not before and after.pending == frozenset()
