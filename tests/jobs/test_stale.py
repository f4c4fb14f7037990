"""Stale jobs: a worker killed with ``kill -9`` leaves its job "running"; its heartbeat stops, and the sweep
(at worker start and every minute in the worker) marks the job failed — or queues it again for kinds
registered as safe to re-run. A real worker process killed with SIGKILL, and every case of the sweep."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from tests.conftest import TEST_TODAY
from tests.jobs.helpers import TEST_MESSAGES, count, job_row, wait_for

from sticoop.core.database import session_scope
from sticoop.core.models import utcnow
from sticoop.jobs import registry
from sticoop.jobs.models import Job, JobStatus
from sticoop.jobs.queue import Queue
from sticoop.jobs.service import STALE_ERROR, enqueue, heartbeat, sweep_stale

TEXTS = {f"{i:03}.txt": f"Hanoi, {i} March 2024 — The Ministry of Science and Technology of Viet Nam and the "
                        f"Belgian Science Policy Office held session {i} of their Joint Committee." for i in range(6)}


def _env(tmp_path: Path, db_url: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "STICOOP_DATA_DIR": str(tmp_path / "data"), "STICOOP_DATABASE_URL": db_url,
            "STICOOP_TODAY": TEST_TODAY.isoformat(), "PYTHONUNBUFFERED": "1", **extra}


def _worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen([sys.executable, "-m", "sticoop.cli", "worker", "--workers", "1", "--no-periodic"],
                                env=env, stdout=out, stderr=subprocess.STDOUT)


def _heartbeat_of(db_url: str, job_id: int) -> datetime | None:
    return job_row(db_url, job_id).heartbeat_at


def test_a_worker_killed_with_sigkill_leaves_a_stale_job_the_next_worker_fails(db_url: str, tmp_path: Path) -> None:
    from sticoop.ingest.batch import batch_params, files_under
    from sticoop.jobs import queue as queue_module
    from sticoop.jobs.queue import build_huey

    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in TEXTS.items():
        (docs / name).write_text(text, encoding="utf-8")
    queue_module.install(Queue(build_huey(None, tmp_path / "data" / "queue.db"), db_url))
    try:
        with session_scope(db_url) as db:
            job_id = enqueue(db, "ingest.batch", batch_params(files_under([docs]), [], None)).id
    finally:
        queue_module.install(None)
    log = tmp_path / "worker.log"
    worker = _worker(_env(tmp_path, db_url, STICOOP_JOB_HEARTBEAT_SECONDS="0.2"), log)
    try:
        running = wait_for(db_url, job_id, frozenset({JobStatus.running}), 90)
        assert running.status == "running", log.read_text()
        first = _heartbeat_of(db_url, job_id)
        deadline = time.monotonic() + 20
        while _heartbeat_of(db_url, job_id) == first and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _heartbeat_of(db_url, job_id) != first, "the running job's heartbeat never moved"
        os.kill(worker.pid, signal.SIGKILL)
        assert worker.wait(30) == -signal.SIGKILL
    finally:
        worker.kill()
    killed = job_row(db_url, job_id)
    assert killed.status == "running"  # nobody is left to say otherwise
    assert sweep_stale(db_url).failed == []  # a fresh heartbeat: not stale yet under the 10-minute default
    time.sleep(1.5)
    log.write_bytes(b"")
    restarted = _worker(_env(tmp_path, db_url, STICOOP_JOB_STALE_MINUTES="0.02"), log)  # 1.2 s without a beat
    try:
        job = wait_for(db_url, job_id, frozenset({JobStatus.failed}), 60)
        deadline = time.monotonic() + 60  # the worker reports the sweep, then starts consuming
        while "stale jobs:" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        restarted.send_signal(signal.SIGTERM)
        restarted.wait(60)
    assert (job.status, job.error) == ("failed", STALE_ERROR), log.read_text()
    assert job.finished_at is not None
    assert "stale jobs: 1 marked failed, 0 queued again" in log.read_text()


def _running_job(db_url: str, kind: str, heartbeat_at: datetime | None, started_at: datetime,
                 status: JobStatus = JobStatus.running) -> int:
    with session_scope(db_url) as db:
        job = Job(kind=kind, params={"n": 2}, status=status.value, progress_done=1, progress_total=2,
                  created_by="system", created_at=started_at, started_at=started_at, heartbeat_at=heartbeat_at)
        db.add(job)
        db.flush()
        return job.id


NOW = datetime(2026, 6, 15, 12, 0, tzinfo=utcnow().tzinfo)
OLD = NOW - timedelta(minutes=11)
FRESH = NOW - timedelta(minutes=2)
#: (status, heartbeat, started, kind may re-run) → what the sweep leaves
CASES = [
    (JobStatus.running, OLD, OLD, False, "failed"),
    (JobStatus.running, OLD, OLD, True, "queued"),
    (JobStatus.running, None, OLD, False, "failed"),  # claimed before heartbeats existed: its start counts
    (JobStatus.running, None, OLD, True, "queued"),
    (JobStatus.running, FRESH, OLD, False, "running"),  # long job, live worker
    (JobStatus.running, FRESH, OLD, True, "running"),
    (JobStatus.running, None, FRESH, False, "running"),
    (JobStatus.queued, None, OLD, False, "queued"),  # only running jobs are swept
    (JobStatus.succeeded, OLD, OLD, False, "succeeded"),
    (JobStatus.cancelled, OLD, OLD, True, "cancelled"),
]


@pytest.mark.parametrize(("status", "beat", "started", "rerun", "expected"), CASES)
def test_the_sweep_ends_exactly_the_jobs_whose_worker_stopped(
        db_url: str, make_queue: Callable[..., Queue], status: JobStatus, beat: datetime | None,
        started: datetime, rerun: bool, expected: str) -> None:
    queue = make_queue()
    registry.register_job_kind("test.rerun", count, label="test.rerun", rerun_stale=True, messages=TEST_MESSAGES)
    try:
        job_id = _running_job(db_url, "test.rerun" if rerun else "test.count", beat, started, status)
        swept = sweep_stale(db_url, now=NOW, stale_minutes=10)
    finally:
        registry.unregister("test.rerun")
    job = job_row(db_url, job_id)
    assert job.status == expected
    assert (job_id in swept.failed, job_id in swept.requeued) == (
        status == JobStatus.running and expected == "failed", status == JobStatus.running and expected == "queued")
    if job_id in swept.failed:
        assert job.error == STALE_ERROR and job.finished_at is not None
    if job_id in swept.requeued:
        assert (job.progress_done, job.started_at, job.heartbeat_at) == (0, None, None)
        assert job_id in queue.waiting_job_ids()  # on the queue again, after the sweep's commit
    else:
        assert job_id not in queue.waiting_job_ids()


def test_the_heartbeat_moves_while_the_block_runs_and_stops_after(db_url: str) -> None:
    job_id = _running_job(db_url, "test.count", OLD, OLD)
    with heartbeat(job_id, db_url, seconds=0.05):
        deadline = time.monotonic() + 10
        while _heartbeat_of(db_url, job_id) == OLD.replace(tzinfo=None) or \
                _heartbeat_of(db_url, job_id) == OLD:
            assert time.monotonic() < deadline, "no heartbeat recorded"
            time.sleep(0.02)
    after = _heartbeat_of(db_url, job_id)
    time.sleep(0.2)
    assert _heartbeat_of(db_url, job_id) == after  # the thread has stopped
    assert sweep_stale(db_url, stale_minutes=10).failed == []


def test_a_job_run_by_the_worker_records_a_heartbeat_from_its_claim(db_url: str,
                                                                    make_queue: Callable[..., Queue]) -> None:
    make_queue(immediate=True)
    with session_scope(db_url) as db:
        job_id = enqueue(db, "test.count", {"n": 2}).id
    job = job_row(db_url, job_id)
    assert job.status == "succeeded" and job.heartbeat_at is not None and job.started_at is not None
