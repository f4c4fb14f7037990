"""Job kinds and schedules as domains declare them, the periodic hook, and where the queue lives
(``STICOOP_QUEUE_URL``): the embedded SQLite file, PostgreSQL (a real server), Redis (a real server when one is
installed), and URLs refused with a message."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from huey import Huey, PostgresHuey, RedisHuey, SqliteHuey
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from tests.conftest import TEST_TODAY
from tests.jobs.helpers import consumer, count, wait_for

from sticoop.core.database import session_scope
from sticoop.jobs import registry
from sticoop.jobs.models import Job
from sticoop.jobs.queue import PERIODIC_PREFIX, Queue, QueueConfigError, build_huey
from sticoop.jobs.service import enqueue


@pytest.mark.parametrize("name", ["Ingest", "ingest batch", "ingest..batch", ".x", "x.", "x" * 61, "1x.y"])
def test_job_kind_names_are_dotted_lower_case_words(name: str) -> None:
    with pytest.raises(ValueError, match="dotted lower-case"):
        registry.register_job_kind(name, count, label=name)


def test_a_kind_name_cannot_be_taken_twice_and_schedules_need_a_kind() -> None:
    registry.register_job_kind("test.count", count, label="again")  # same handler: harmless
    with pytest.raises(ValueError, match="registered twice"):
        registry.register_job_kind("test.count", lambda ctx: None, label="other")
    with pytest.raises(ValueError, match="before its schedule"):
        registry.register_periodic("nobody.registered_this", minute="*/15")


def test_the_domains_register_their_kinds() -> None:
    assert registry.job_kind("ingest.batch").label == "Ingest of documents"
    assert registry.job_kind("reminders.send").label == "Reminders"


@pytest.mark.parametrize("minute", range(0, 60, 5))
def test_a_periodic_kind_runs_on_its_schedule_as_a_job_of_the_operator(db_url: str, tmp_path: Path,
                                                                        minute: int) -> None:
    registry.register_periodic("test.tick", minute="*/15")
    queue = Queue(build_huey(None, tmp_path / "queue.db"), db_url)
    due = queue.huey.read_periodic(datetime(2026, 6, 15, 12, minute, tzinfo=UTC).replace(tzinfo=None))
    due = [task for task in due if task.name == PERIODIC_PREFIX + "test.tick"]  # the domains' own (reminders) aside
    assert [task.name for task in due] == ([PERIODIC_PREFIX + "test.tick"] if minute % 15 == 0 else [])
    for task in due:
        queue.huey.execute(task)
    with session_scope(db_url) as db:
        jobs = list(db.scalars(select(Job)))
    if minute % 15:
        assert jobs == []
        return
    [job] = jobs
    assert (job.kind, job.created_by, job.user_id, job.status) == ("test.tick", "system", None, "succeeded")
    assert job.result == f"ticked at {TEST_TODAY.isoformat()}T12:00:00+00:00"  # the pinned clock, not the real one


# ----- storage ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("url", "message"), [
    ("ftp://queue.example.org/x", "unknown scheme 'ftp'"),
    ("sqlite:///queue.db", "unknown scheme 'sqlite'"),
    ("mysql://root@127.0.0.1/q", "unknown scheme 'mysql'"),
])
def test_unusable_queue_urls_are_refused_with_a_message(tmp_path: Path, url: str, message: str) -> None:
    with pytest.raises(QueueConfigError, match=message):
        build_huey(url, tmp_path / "queue.db")
    env = {**os.environ, "STICOOP_DATA_DIR": str(tmp_path), "STICOOP_QUEUE_URL": url}
    result = subprocess.run([sys.executable, "-m", "sticoop.cli", "worker"], env=env, capture_output=True,
                            text=True, timeout=120) if url.startswith("ftp") else None
    if result is not None:  # the command line: one error line, exit 1, no traceback
        assert result.returncode == 1 and result.stderr.startswith("error: STICOOP_QUEUE_URL")
        assert "Traceback" not in result.stderr


def test_the_default_is_a_sqlite_file_under_the_data_dir(tmp_path: Path) -> None:
    huey = build_huey(None, tmp_path / "data" / "queue.db")
    assert isinstance(huey, SqliteHuey) and (tmp_path / "data" / "queue.db").exists()


def _restart_round_trip(db_url: str, make: Callable[[], Huey]) -> None:
    first = Queue(make(), db_url)
    from sticoop.jobs import queue as queue_module

    queue_module.install(first)
    try:
        with session_scope(db_url) as db:
            job_id = enqueue(db, "test.count", {"n": 3}).id
        assert first.pending() == 1
        second = Queue(make(), db_url)  # restart: a new huey instance on the same storage
        assert second.pending() == 1
        with consumer(second):
            job = wait_for(db_url, job_id)
        assert (job.status, job.progress_done, job.progress_total) == ("succeeded", 3, 3)
        assert second.pending() == 0
    finally:
        queue_module.install(None)


@pytest.fixture
def postgres_queue_url() -> Iterator[str]:
    """A database of its own for the queue on the test PostgreSQL server (never the app's database)."""
    base = os.environ.get("STICOOP_TEST_PG_URL")
    if not base:
        pytest.skip("PostgreSQL not configured (set STICOOP_TEST_PG_URL)")
    name = f"sticoop_queue_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(base).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def test_a_postgresql_queue_keeps_jobs_across_a_restart(db_url: str, postgres_queue_url: str,
                                                        tmp_path: Path) -> None:
    assert postgres_queue_url.startswith("postgresql+psycopg://")  # the app's URL form is accepted as is
    huey = build_huey(postgres_queue_url, tmp_path / "unused.db")
    assert isinstance(huey, PostgresHuey)
    _restart_round_trip(db_url, lambda: build_huey(postgres_queue_url, tmp_path / "unused.db"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A Redis server started for this test on 127.0.0.1 (skips where redis-server or the redis package is
    missing)."""
    server = shutil.which("redis-server")
    try:
        import redis
    except ImportError:
        redis = None
    if server is None or redis is None:
        pytest.skip("redis-server or the redis package is not installed")
    port = _free_port()
    process = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while True:
        try:
            redis.Redis(port=port).ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(10)


def test_a_redis_queue_keeps_jobs_across_a_restart(db_url: str, redis_url: str, tmp_path: Path) -> None:
    assert isinstance(build_huey(redis_url, tmp_path / "unused.db"), RedisHuey)
    _restart_round_trip(db_url, lambda: build_huey(redis_url, tmp_path / "unused.db"))


def test_a_job_whose_queue_was_unreachable_is_queued_again_when_a_worker_starts(db_url: str,
                                                                                  tmp_path: Path) -> None:
    pytest.importorskip("redis")
    from sticoop.jobs import queue as queue_module

    unreachable = Queue(build_huey(f"redis://127.0.0.1:{_free_port()}/0", tmp_path / "unused.db"), db_url)
    queue_module.install(unreachable)
    try:
        with session_scope(db_url) as db:  # the commit succeeds; queueing fails (logged), the job stays waiting
            lost_id = enqueue(db, "test.count", {"n": 2}).id
        worker_queue = Queue(build_huey(None, tmp_path / "queue.db"), db_url)
        queue_module.install(worker_queue)
        with session_scope(db_url) as db:
            kept_id = enqueue(db, "test.count", {"n": 1}).id
        assert worker_queue.waiting_job_ids() == {kept_id}
        assert worker_queue.requeue_lost() == [lost_id]  # what `sticoop worker` does at start
        assert worker_queue.requeue_lost() == []  # and only once
        with consumer(worker_queue):
            jobs = [wait_for(db_url, job_id) for job_id in (lost_id, kept_id)]
        assert [(j.status, j.progress_done) for j in jobs] == [("succeeded", 2), ("succeeded", 1)]
    finally:
        queue_module.install(None)
