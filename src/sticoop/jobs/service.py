"""Background jobs: enqueue in the caller's transaction, run in a worker, read by their owner.

- :func:`enqueue` writes the ``jobs`` row in the caller's transaction; the huey task is queued only once that
  transaction has committed (a rolled-back request leaves no job and queues nothing; a worker never looks
  for a row that is not there yet).
- :func:`run_job` is what the worker runs: it claims the job (queued → running, one UPDATE, so a job queued
  twice or cancelled meanwhile runs at most once), calls the kind's handler with a :class:`JobContext`, and
  records how it ended. Progress, status and the outcome are each written in a short transaction of their
  own, never inside the handler's work.
- :func:`job_for` and :func:`jobs_of`: a job is seen by its owner and by admins; for anyone else it does not
  exist (404, not 403: the ids of other people's jobs are not disclosed).
"""

from __future__ import annotations

import json
import logging
import shutil
import threading
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Session

from sticoop.core import clock
from sticoop.core.config import get_settings
from sticoop.core.database import session_scope
from sticoop.core.errors import Conflict, DomainError, NotFound, ValidationFailed
from sticoop.core.labels import N_, register_navigation
from sticoop.core.models import rowcount, utcnow
from sticoop.core.principal import Principal, principal_of
from sticoop.jobs import messages, queue, registry
from sticoop.jobs.models import FINISHED, Job, JobStatus

log = logging.getLogger("sticoop.jobs")
#: ``session.info`` key: ids of jobs written in the session's transaction, queued when it commits
PENDING_KEY = "sticoop.jobs.pending"
#: at most this many jobs per page of the API and the jobs page
PAGE_MAX = 100
MAX_PARAMS_BYTES = 100_000
MAX_ERROR_CHARS = 2_000
SYSTEM = "system"


def output_dir(job_id: int) -> Path:
    """Where the files of job ``job_id`` are kept: ``data_dir/jobs/<id>/``."""
    return get_settings().data_dir / "jobs" / str(job_id)


def output_file(db: Session, job_id: int, actor: Principal | None) -> Path:
    """The file job ``job_id`` made, for its owner or an admin; ``NotFound`` for anyone else, and unless the
    job succeeded and made a file (still there)."""
    job = job_for(db, job_id, actor)
    if job.status != JobStatus.succeeded.value:
        raise NotFound(f"Job {job_id} made no file ({job.status})")
    folder = output_dir(job_id)
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".part")) \
        if folder.is_dir() else []
    if not files:
        raise NotFound(f"Job {job_id} made no file")
    return files[0]


class JobCancelled(Exception):
    """Raised by :meth:`JobContext.progress` when the job was cancelled meanwhile: the handler stops there."""


@dataclass
class JobContext:
    """What a job handler gets: its parameters, who started it, "now" (``sticoop.core.clock``, read when the
    job started), and the means to report progress and to open database sessions."""

    job_id: int
    kind: str
    params: dict[str, Any]
    user_id: int | None
    actor: str
    now: datetime
    database_url: str | None = None
    last: tuple[int, int | None] = field(default=(0, None), repr=False)
    output_ready: bool = field(default=False, repr=False)

    def output_dir(self) -> Path:
        """The folder for the files this job makes (``data_dir/jobs/<id>/``, created empty the first time it is
        asked for), which its owner downloads from ``/jobs/<id>/file`` once the job has succeeded."""
        folder = output_dir(self.job_id)
        if not self.output_ready:
            shutil.rmtree(folder, ignore_errors=True)  # nothing left by an earlier job of the same id
            folder.mkdir(parents=True)
            self.output_ready = True
        return folder

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A database session committed as one transaction at the end of the block (the operator's: it sees
        every record; a handler acting for a user checks that user's rights itself)."""
        with session_scope(self.database_url) as db:
            yield db

    def progress(self, done: int, total: int | None = None, message: str | None = None,
                 args: Mapping[str, Any] | None = None) -> None:
        """Record ``done`` of ``total`` units (``total`` None: keep the last one given) and an optional
        message: a message code (an ``N_()`` msgid of at most 500 characters, declared in the kind's
        ``messages``) and its ``args`` (JSON values), translated when read (``jobs/messages.py``). In a
        transaction of its own. Raises :class:`JobCancelled` when the job is no longer running (cancelled
        meanwhile), ``ValueError`` for a message its kind did not declare."""
        total = self.last[1] if total is None else total
        values: dict[str, Any] = {"progress_done": max(0, done), "progress_total": total}
        if message is not None:
            if message not in messages.declared(self.kind):
                raise ValueError(f"job kind '{self.kind}' did not declare the message {message!r}")
            values["message"], values["message_args"] = message[:500], dict(args or {})
        with session_scope(self.database_url) as db:
            changed = rowcount(db.execute(update(Job).where(Job.id == self.job_id,
                                                            Job.status == JobStatus.running.value)
                                          .values(**values)))
        if changed == 0:
            raise JobCancelled(self.job_id)
        self.last = (done, total)


# ----- enqueue ------------------------------------------------------------------------------------
def enqueue(db: Session, kind: str, params: dict[str, Any], actor: Principal | None = None) -> Job:
    """Record a job of a registered ``kind`` with JSON ``params`` (at most 100 kB) in ``db``'s transaction,
    owned by ``actor`` (None: the principal acting through ``db``, or else the operator, "system"); it is queued
    when that transaction commits.
    ``ValidationFailed`` for an unknown kind or parameters that are not a JSON object."""
    if kind not in registry.job_kinds():
        known = ", ".join(sorted(registry.job_kinds())) or "none"
        raise ValidationFailed(f"Unknown job kind '{kind}'; one of: {known}", field="kind")
    try:
        encoded = json.dumps(params)
    except (TypeError, ValueError):
        raise ValidationFailed("Job parameters must be a JSON object", field="params") from None
    if not isinstance(params, dict) or len(encoded) > MAX_PARAMS_BYTES:
        raise ValidationFailed(f"Job parameters must be a JSON object of at most {MAX_PARAMS_BYTES} bytes",
                               field="params")
    actor = actor if actor is not None else principal_of(db)
    job = Job(kind=kind, params=params, status=JobStatus.queued.value, progress_done=0,
              user_id=actor.user_id if actor is not None else None,
              created_by=actor.username if actor is not None else SYSTEM, created_at=utcnow())
    db.add(job)
    db.flush()
    db.info.setdefault(PENDING_KEY, []).append(job.id)
    return job


@event.listens_for(Session, "after_commit")
def _queue_committed_jobs(db: Session) -> None:
    for job_id in db.info.pop(PENDING_KEY, []):
        try:
            queue.current().enqueue(job_id)
        except Exception:  # the job stays "queued" in the table; the log says why it never ran
            log.exception("job %s was recorded but could not be queued", job_id)


@event.listens_for(Session, "after_rollback")
def _forget_rolled_back_jobs(db: Session) -> None:
    db.info.pop(PENDING_KEY, None)


# ----- run ----------------------------------------------------------------------------------------
def _claim(job_id: int, database_url: str | None) -> JobContext | None:
    """queued → running in one UPDATE; None when the job is missing, cancelled or already claimed."""
    with session_scope(database_url) as db:
        started = utcnow()
        claimed = rowcount(db.execute(update(Job).where(Job.id == job_id, Job.status == JobStatus.queued.value)
                                      .values(status=JobStatus.running.value, started_at=started,
                                              heartbeat_at=started)))
        if not claimed:
            return None
        job = db.get(Job, job_id)
        assert job is not None  # just claimed in this transaction
        return JobContext(job_id=job.id, kind=job.kind, params=dict(job.params or {}), user_id=job.user_id,
                          actor=job.created_by, now=clock.now(), database_url=database_url)


def _finish(job_id: int, database_url: str | None, status: JobStatus, **values: Any) -> None:
    """running → a final status (a job cancelled meanwhile stays cancelled)."""
    with session_scope(database_url) as db:
        db.execute(update(Job).where(Job.id == job_id, Job.status == JobStatus.running.value)
                   .values(status=status.value, finished_at=utcnow(), **values))


def run_job(job_id: int, database_url: str | None = None) -> JobStatus | None:
    """Run one job (what the worker's huey task does): claim it, call its kind's handler, record the outcome.
    Returns the final status, or None when there was nothing to run (missing, cancelled, claimed already).
    Never raises for a failure of the handler: it is recorded as the job's error."""
    ctx = _claim(job_id, database_url)
    if ctx is None:
        return None
    try:
        handler = registry.job_kind(ctx.kind).handler
    except KeyError:
        _finish(job_id, database_url, JobStatus.failed, error=messages.NO_HANDLER, error_args={"kind": ctx.kind})
        return JobStatus.failed
    try:
        with heartbeat(job_id, database_url):
            result = handler(ctx)
    except JobCancelled:
        return JobStatus.cancelled
    except DomainError as exc:  # JobFailed and every refusal: its message code and arguments
        _finish(job_id, database_url, JobStatus.failed, **refusal(ctx.kind, exc))
        return JobStatus.failed
    except Exception:
        error_id = uuid.uuid4().hex[:12]
        log.exception("job %s (%s) failed: error %s", job_id, ctx.kind, error_id)
        _finish(job_id, database_url, JobStatus.failed, error=messages.FAILED_SEE_LOG,
                error_args={"error_id": error_id})
        return JobStatus.failed
    values: dict[str, Any] = {"result": result[:1000] if result else None}
    if ctx.last[1] is not None:  # a job that counted its units ends with all of them done
        values["progress_done"] = ctx.last[1]
    _finish(job_id, database_url, JobStatus.succeeded, **values)
    return JobStatus.succeeded


def refusal(kind: str, exc: DomainError) -> dict[str, Any]:
    """The ``error``/``error_args`` columns for a job of ``kind`` that stopped on ``exc``: its message code
    and arguments when it has them (translated when read); otherwise the English text framed by
    :data:`~sticoop.jobs.messages.REFUSED` (logged: such a refusal should get a code)."""
    if exc.code is not None:
        if exc.code not in messages.declared(kind):
            log.warning("job kind %s failed with the undeclared message %r", kind, exc.code)
        return {"error": exc.code[:MAX_ERROR_CHARS], "error_args": exc.params or {}}
    log.warning("job kind %s failed with a message that has no code: %s", kind, exc.message)
    return {"error": messages.REFUSED, "error_args": {"reason": exc.message[:MAX_ERROR_CHARS]}}


@contextmanager
def heartbeat(job_id: int, database_url: str | None = None, seconds: float | None = None) -> Iterator[None]:
    """While the block runs, a thread records every ``seconds`` (default: the ``job_heartbeat_seconds``
    setting) that job ``job_id`` is alive (``jobs.heartbeat_at``, wall clock, one short transaction each). A
    worker killed with ``kill -9`` stops beating, and :func:`sweep_stale` finds the job."""
    interval = seconds if seconds is not None else get_settings().job_heartbeat_seconds
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(interval):
            try:
                with session_scope(database_url) as db:
                    db.execute(update(Job).where(Job.id == job_id, Job.status == JobStatus.running.value)
                               .values(heartbeat_at=utcnow()))
            except Exception:  # a missed beat is not the job's failure; the next one tries again
                log.warning("job %s: heartbeat not recorded", job_id, exc_info=True)

    thread = threading.Thread(target=beat, name=f"job-{job_id}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(interval + 5)


#: the error of a job swept because its worker stopped beating (a message code: ``jobs/messages.py``)
STALE_ERROR = messages.STALE


@dataclass(frozen=True)
class Sweep:
    """What :func:`sweep_stale` did: ids of the jobs marked failed and of those queued again."""

    failed: list[int]
    requeued: list[int]


def sweep_stale(database_url: str | None = None, now: datetime | None = None,
                stale_minutes: float | None = None) -> Sweep:
    """Find running jobs whose last heartbeat (or start, for a job claimed before heartbeats existed) is
    older than ``stale_minutes`` (default: the ``job_stale_minutes`` setting) before ``now`` (default: the
    wall clock — heartbeats are real instants, never the pinned day) and end them: a kind registered with
    ``rerun_stale=True`` is queued again (status queued, progress reset, put on the queue after the commit),
    any other kind is marked failed with :data:`STALE_ERROR`. One transaction; each UPDATE re-checks the
    job is still running with the same old heartbeat, so a job that beat meanwhile is left alone."""
    minutes = stale_minutes if stale_minutes is not None else get_settings().job_stale_minutes
    cutoff = (now or utcnow()) - timedelta(minutes=minutes)
    last_sign = func.coalesce(Job.heartbeat_at, Job.started_at)
    failed: list[int] = []
    requeued: list[int] = []
    with session_scope(database_url) as db:
        stale = db.execute(select(Job.id, Job.kind).where(Job.status == JobStatus.running.value,
                                                          last_sign < cutoff).order_by(Job.id)).all()
        kinds = registry.job_kinds()
        for job_id, kind in stale:
            still_stale = update(Job).where(Job.id == job_id, Job.status == JobStatus.running.value,
                                            last_sign < cutoff)
            if kind in kinds and kinds[kind].rerun_stale:
                if rowcount(db.execute(still_stale.values(status=JobStatus.queued.value, started_at=None,
                                                          heartbeat_at=None, progress_done=0,
                                                          message=messages.REQUEUED, message_args={}))):
                    db.info.setdefault(PENDING_KEY, []).append(job_id)
                    requeued.append(job_id)
            elif rowcount(db.execute(still_stale.values(status=JobStatus.failed.value, finished_at=utcnow(),
                                                        error=STALE_ERROR, error_args={}))):
                failed.append(job_id)
    if failed or requeued:
        log.warning("stale jobs swept: failed %s, queued again %s", failed, requeued)
    return Sweep(failed, requeued)


def run_scheduled(kind: str, database_url: str | None = None) -> JobStatus | None:
    """A periodic tick (in the worker): record a job of ``kind`` owned by the operator and run it at once."""
    with session_scope(database_url) as db:
        job = Job(kind=kind, params={}, status=JobStatus.queued.value, progress_done=0, created_by=SYSTEM,
                  created_at=utcnow())
        db.add(job)
        db.flush()
        job_id = job.id
    return run_job(job_id, database_url)


def waiting_jobs(database_url: str | None = None) -> list[int]:
    """Ids of the jobs recorded as queued, oldest first (on the ``status`` index)."""
    with session_scope(database_url) as db:
        return list(db.scalars(select(Job.id).where(Job.status == JobStatus.queued.value).order_by(Job.id)))


def mark_interrupted(job_id: int, database_url: str | None = None) -> None:
    """The worker stopped while the job ran: record it as failed, saying so."""
    _finish(job_id, database_url, JobStatus.failed, error=messages.INTERRUPTED, error_args={})


# ----- read and cancel ----------------------------------------------------------------------------
def _visible(job: Job | None, actor: Principal | None) -> bool:
    if job is None:
        return False
    if actor is None or actor.sees_everything:
        return True
    return actor.user_id is not None and job.user_id == actor.user_id


def job_for(db: Session, job_id: int, actor: Principal | None) -> Job:
    """The job ``job_id`` if ``actor`` owns it or is an admin (None: the operator); ``NotFound`` otherwise,
    the same answer as for a job that does not exist."""
    job = db.get(Job, job_id)
    if not _visible(job, actor):
        raise NotFound(f"No job {job_id}")
    assert job is not None
    return job


def jobs_of(db: Session, actor: Principal, before: int | None = None, limit: int = 25) -> list[Job]:
    """``actor``'s own jobs, newest first: at most ``limit`` (1 to one more than a page, to tell whether
    another page follows) with ids below ``before`` (keyset pagination on the ``(user_id, id)`` index)."""
    if actor.user_id is None:
        return []
    query = select(Job).where(Job.user_id == actor.user_id)
    if before is not None:
        query = query.where(Job.id < before)
    return list(db.scalars(query.order_by(Job.id.desc()).limit(max(1, min(limit, PAGE_MAX + 1)))))


def cancel(db: Session, job_id: int, actor: Principal | None) -> Job:
    """Cancel a queued or running job of ``actor`` (or any, for an admin): a queued job never runs, a
    running one stops at its next progress report. ``NotFound`` as in :func:`job_for`; ``Conflict`` for a
    job already finished."""
    job = job_for(db, job_id, actor)
    open_statuses = [s.value for s in JobStatus if s not in FINISHED]
    changed = rowcount(db.execute(update(Job).where(Job.id == job_id, Job.status.in_(open_statuses))
                                  .values(status=JobStatus.cancelled.value, finished_at=utcnow())
                                  .execution_options(synchronize_session=False)))
    db.refresh(job)
    if not changed:
        raise Conflict(f"Job {job_id} has already finished ({job.status})", field="status")
    return job


def register() -> None:
    """Declare this domain's labels and navigation entries, and the database upkeep job (called by the
    composition root)."""
    from sticoop.jobs import maintenance

    register_navigation("/jobs", N_("Jobs"), order=170)
    maintenance.register()
