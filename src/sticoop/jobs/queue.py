"""The job queue: a huey instance chosen by the settings, with sticoop's one task and the periodic schedules.

Where jobs wait (``STICOOP_QUEUE_URL``):

- unset (the default): a SQLite file of its own, ``data_dir/queue.db`` — no server to run; the web app and the
  command line put jobs there and ``sticoop worker`` takes them, on the same machine;
- ``redis://host:6379/0`` (or ``rediss://``): a Redis server (needs the ``redis`` package), for workers on
  several machines;
- ``postgresql://user:password@host/db`` (``postgresql+psycopg://`` is accepted too): huey's PostgreSQL
  storage with psycopg 3, in tables ``sticoop_queue_*`` (use a database or schema of their own, not the
  app's, so that migrations never meet them).

The queue carries only job ids; the ``jobs`` table says what each job is. Every huey instance built here
registers the same task (:data:`TASK_NAME`), which runs :func:`sticoop.jobs.service.run_job`.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from huey import Huey, MemoryHuey, PostgresHuey, RedisHuey, SqliteHuey, crontab, signals
from huey.api import Task, TaskWrapper

from sticoop.core.config import get_settings
from sticoop.jobs import registry

log = logging.getLogger("sticoop.jobs")
QUEUE_NAME = "sticoop"
TASK_NAME = "run_job"
PERIODIC_PREFIX = "sticoop.periodic."
#: the huey periodic task that sweeps stale jobs (every minute, in ``sticoop worker`` with periodic tasks on)
SWEEP_TASK = "sticoop.sweep_stale"
POSTGRES_TABLE_PREFIX = "sticoop_queue"


class QueueConfigError(ValueError):
    """``STICOOP_QUEUE_URL`` names a storage sticoop cannot use (unknown scheme, missing driver)."""


def build_huey(url: str | None, path: Path, *, immediate: bool = False) -> Huey:
    """A huey instance (results not kept: the ``jobs`` table holds them) on the storage ``url`` names, or
    the SQLite file ``path`` when ``url`` is None. ``immediate=True`` runs each task as it is enqueued, in
    memory, for tests only. ``QueueConfigError`` for an unusable URL."""
    options: dict[str, Any] = {"results": False, "utc": True}
    if immediate:
        return MemoryHuey(QUEUE_NAME, immediate=True, **options)
    if not url:
        path.parent.mkdir(parents=True, exist_ok=True)
        return SqliteHuey(QUEUE_NAME, filename=str(path), **options)
    scheme = urlsplit(url).scheme.lower()
    base = scheme.split("+", 1)[0]
    if base in ("redis", "rediss", "unix"):
        try:
            import redis  # noqa: F401
        except ImportError:
            raise QueueConfigError("STICOOP_QUEUE_URL is a Redis URL but the 'redis' package is not installed "
                                   "(pip install redis)") from None
        return RedisHuey(QUEUE_NAME, url=url, **options)
    if base in ("postgresql", "postgres"):
        dsn = urlunsplit(("postgresql", *urlsplit(url)[1:]))
        return PostgresHuey(QUEUE_NAME, dsn=dsn, table_prefix=POSTGRES_TABLE_PREFIX, **options)
    raise QueueConfigError(f"STICOOP_QUEUE_URL: unknown scheme '{scheme}'; use redis://, rediss:// or "
                           "postgresql://, or leave it unset for the embedded SQLite queue")


class Queue:
    """A huey instance with sticoop's task and periodic schedules registered, and the database its jobs
    run against (``database_url`` None: the settings' database)."""

    def __init__(self, huey: Huey, database_url: str | None = None) -> None:
        self.huey = huey
        self.database_url = database_url
        self._task: TaskWrapper = huey.task(name=TASK_NAME)(self._run)
        for periodic in registry.periodic_jobs():
            self._schedule(periodic)
        huey.periodic_task(crontab(minute="*"), name=SWEEP_TASK)(self.sweep_stale)
        huey.signal(signals.SIGNAL_INTERRUPTED)(self._interrupted)

    def _run(self, job_id: int) -> None:
        from sticoop.jobs.service import run_job

        run_job(job_id, self.database_url)

    def _schedule(self, periodic: registry.Periodic) -> None:
        def tick() -> None:
            from sticoop.jobs.service import run_scheduled

            run_scheduled(periodic.kind, self.database_url)

        self.huey.periodic_task(crontab(**periodic.schedule), name=PERIODIC_PREFIX + periodic.kind)(tick)

    def _interrupted(self, _signal: str, task: Task, *_args: Any, **_kwargs: Any) -> None:
        """A worker stopped at once (SIGINT) while running a job: record that it did not finish."""
        if task.name == TASK_NAME and task.args:
            from sticoop.jobs.service import mark_interrupted

            mark_interrupted(int(task.args[0]), self.database_url)

    def sweep_stale(self) -> Any:
        """End the running jobs whose worker stopped beating (``sticoop.jobs.service.sweep_stale``)."""
        from sticoop.jobs.service import sweep_stale

        return sweep_stale(self.database_url)

    def enqueue(self, job_id: int) -> None:
        """Put a job (already committed in the ``jobs`` table) on the queue."""
        self._task(job_id)

    def pending(self) -> int:
        """How many tasks wait in the queue storage."""
        return int(self.huey.pending_count())

    def waiting_job_ids(self) -> set[int]:
        """The ids of the jobs whose task waits in the queue storage (reads the whole queue: for start-up)."""
        return {int(task.args[0]) for task in self.huey.pending() if task.name == TASK_NAME and task.args}

    def requeue_lost(self) -> list[int]:
        """Queue again the jobs the ``jobs`` table says are waiting but the queue does not hold (the queue
        was unreachable when they were committed, or its file was lost). Returns their ids. A job queued
        twice still runs once (:func:`sticoop.jobs.service.run_job` claims it first)."""
        from sticoop.jobs.service import waiting_jobs

        lost = [job_id for job_id in waiting_jobs(self.database_url) if job_id not in self.waiting_job_ids()]
        for job_id in lost:
            self.enqueue(job_id)
        return lost

    def consumer(self, workers: int = 1, *, periodic: bool = True, **options: Any) -> Any:
        """A huey consumer of this queue with ``workers`` threads; SIGTERM stops it gracefully (running jobs
        finish first), SIGINT at once (running jobs are recorded as interrupted)."""
        options = {"initial_delay": 0.1, "max_delay": 2.0, "graceful_signal": "TERM", **options}
        return self.huey.create_consumer(workers=workers, worker_type="thread", periodic=periodic, **options)


_lock = threading.Lock()
_current: Queue | None = None


def current() -> Queue:
    """The process's queue, built from the settings on first use (after the composition root has run, so
    every domain's job kinds and schedules are registered)."""
    global _current
    with _lock:
        if _current is None:
            settings = get_settings()
            _current = Queue(build_huey(settings.queue_url, settings.queue_path))
        return _current


def install(queue: Queue | None) -> Queue | None:
    """Make ``queue`` the process's queue (None: built from the settings again on next use); returns the
    one it replaces. Tests install a queue on their own storage and database."""
    global _current
    with _lock:
        previous, _current = _current, queue
        return previous
