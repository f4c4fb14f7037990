"""``sticoop ingest --background`` and ``sticoop worker`` as separate processes, as a deployment runs them:
the job goes through the queue file, the worker reports progress, SIGTERM lets the running job finish, SIGINT
stops at once and records the job as interrupted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from tests.conftest import TEST_TODAY
from tests.jobs.helpers import wait_for

from sticoop.core.database import session_scope
from sticoop.ingest.models import Intake
from sticoop.jobs.messages import render
from sticoop.jobs.models import JobStatus
from sticoop.jobs.service import enqueue

TEXTS = {
    "001.txt": "Hanoi, 12 March 2024 — The Ministry of Science and Technology of Viet Nam and the Belgian Science "
               "Policy Office held the 5th session of their Joint Committee on scientific cooperation.",
    "002.txt": "Vientiane, 3 May 2024 — Laos and Viet Nam signed a memorandum of understanding on research "
               "infrastructure and agreed to organise two training courses a year.",
    "003.txt": "",  # an empty file: fails on its own, the others go on
}


def _env(tmp_path: Path, db_url: str) -> dict[str, str]:
    return {**os.environ, "STICOOP_DATA_DIR": str(tmp_path / "data"), "STICOOP_DATABASE_URL": db_url,
            "STICOOP_TODAY": TEST_TODAY.isoformat(), "PYTHONUNBUFFERED": "1"}


def _worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen([sys.executable, "-m", "sticoop.cli", "worker", "--workers", "1", "--no-periodic"],
                                env=env, stdout=out, stderr=subprocess.STDOUT)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in TEXTS.items():
        (docs / name).write_text(text, encoding="utf-8")
    return docs


def test_sigterm_lets_the_running_job_finish(db_url: str, tmp_path: Path, folder: Path) -> None:
    env = _env(tmp_path, db_url)
    queued = subprocess.run([sys.executable, "-m", "sticoop.cli", "ingest", str(folder), "--background"],
                            env=env, capture_output=True, text=True, timeout=120)
    assert queued.returncode == 0, queued.stderr
    job_id = int(queued.stdout.split()[1])
    assert f"job {job_id} queued (3 documents)" in queued.stdout
    log = tmp_path / "worker.log"
    worker = _worker(env, log)
    try:
        running = wait_for(db_url, job_id, frozenset({JobStatus.running}), 60)
        worker.send_signal(signal.SIGTERM)  # while it runs (the first document loads the language models)
        assert worker.wait(60) == 0, log.read_text()
    finally:
        worker.kill()
    job = wait_for(db_url, job_id, seconds=1)
    assert running.status == "running" and running.progress_done < 3  # stopped mid-job, yet it finished
    assert (job.status, job.progress_done, job.progress_total, job.result) == ("succeeded", 3, 3, "/intakes")
    assert render(str, job.message, job.message_args) == "Ingested 2, duplicates 0, failed 1"
    assert "Received SIGTERM" in log.read_text() and "All workers have stopped" in log.read_text()
    with session_scope(db_url) as db:
        assert db.scalar(select(func.count()).select_from(Intake)) == 2


def test_sigint_stops_at_once_and_records_the_job_as_interrupted(db_url: str, tmp_path: Path,
                                                                  folder: Path) -> None:
    from sticoop.ingest.batch import batch_params, files_under
    from sticoop.jobs import queue as queue_module
    from sticoop.jobs.queue import Queue, build_huey

    queue_module.install(Queue(build_huey(None, tmp_path / "data" / "queue.db"), db_url))
    try:
        with session_scope(db_url) as db:
            job_id = enqueue(db, "ingest.batch", batch_params(files_under([folder]), [], None)).id
    finally:
        queue_module.install(None)
    log = tmp_path / "worker.log"
    worker = _worker(_env(tmp_path, db_url), log)
    try:
        assert wait_for(db_url, job_id, frozenset({JobStatus.running}), 60).status == "running"
        worker.send_signal(signal.SIGINT)
        assert worker.wait(60) == 0, log.read_text()
    finally:
        worker.kill()
    job = wait_for(db_url, job_id, seconds=1)
    assert job.status == "failed" and job.error is not None and job.error.startswith("Interrupted")
    assert job.progress_done < 3
