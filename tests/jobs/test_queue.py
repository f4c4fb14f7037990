"""The queue end to end with huey's real consumer: enqueue → a worker runs it → status and progress recorded;
failures recorded; nothing queued before commit or after a rollback; jobs survive a restart; cancel."""

from __future__ import annotations

import re
import threading
import time

import pytest
from sqlalchemy import func, select
from tests.jobs.helpers import GATES, consumer, job_row, wait_for

from sticoop.core.database import session_scope
from sticoop.core.errors import Conflict, ValidationFailed
from sticoop.jobs import registry
from sticoop.jobs.messages import render
from sticoop.jobs.models import Job, JobStatus
from sticoop.jobs.service import cancel, enqueue, run_job

RUNNING = frozenset({JobStatus.running})


def _enqueue(db_url: str, kind: str, params: dict | None = None) -> int:
    with session_scope(db_url) as db:
        return enqueue(db, kind, params or {}).id


#: kind, params -> status, progress (done, total), result, error
OUTCOMES = [
    ("test.count", {"n": 0}, JobStatus.succeeded, (0, 0), "/counted/0", None),
    ("test.count", {"n": 1}, JobStatus.succeeded, (1, 1), "/counted/1", None),
    ("test.count", {"n": 5}, JobStatus.succeeded, (5, 5), "/counted/5", None),
    ("test.refuse", {}, JobStatus.failed, (1, 4), None,
     re.escape("The job was refused: The file 'x.pdf' is encrypted")),
    ("test.crash", {}, JobStatus.failed, (0, None), None,
     "The job failed on an unexpected error; the server log has the details under error [0-9a-f]{12}"),
]


@pytest.mark.parametrize(("kind", "params", "status", "progress", "result", "error"), OUTCOMES,
                         ids=[f"{o[0]}-{o[1]}" for o in OUTCOMES])
def test_a_real_consumer_runs_each_job_and_records_how_it_ended(
        db_url: str, make_queue, kind, params, status, progress, result, error) -> None:  # type: ignore[no-untyped-def]
    queue = make_queue()
    job_id = _enqueue(db_url, kind, params)
    assert queue.pending() == 1 and job_row(db_url, job_id).status == "queued"
    with consumer(queue):
        job = wait_for(db_url, job_id)
    assert (JobStatus(job.status), (job.progress_done, job.progress_total), job.result) == (status, progress, result)
    shown = render(str, job.error, job.error_args)
    assert shown == error if error is None else re.fullmatch(error, shown or ""), shown
    assert job.started_at is not None and job.finished_at is not None and job.created_at is not None
    assert all(t.tzinfo is not None for t in (job.created_at, job.started_at, job.finished_at))
    assert job.created_at <= job.started_at <= job.finished_at
    assert queue.pending() == 0


def test_a_job_of_a_kind_no_longer_registered_fails_saying_so(db_url: str, make_queue) -> None:  # type: ignore[no-untyped-def]
    make_queue()
    job_id = _enqueue(db_url, "test.count")
    registry.unregister("test.count")
    assert run_job(job_id, db_url) is JobStatus.failed
    job = job_row(db_url, job_id)
    assert render(str, job.error, job.error_args) == "No handler for job kind “test.count”"


def test_the_task_is_queued_only_when_the_transaction_commits(db_url: str, make_queue) -> None:  # type: ignore[no-untyped-def]
    queue = make_queue()
    with session_scope(db_url) as db:
        job_id = enqueue(db, "test.count", {"n": 2}).id
        assert queue.pending() == 0  # recorded in this transaction, not queued yet
    assert queue.pending() == 1
    with session_scope(db_url) as db:
        assert db.get(Job, job_id) is not None


def test_a_rolled_back_enqueue_leaves_no_job_and_queues_nothing(db_url: str, make_queue) -> None:  # type: ignore[no-untyped-def]
    queue = make_queue()
    with pytest.raises(RuntimeError), session_scope(db_url) as db:
        enqueue(db, "test.count", {"n": 2})
        raise RuntimeError("the request failed after enqueue")
    with session_scope(db_url) as db:
        assert db.scalar(select(func.count()).select_from(Job)) == 0
    assert queue.pending() == 0
    with session_scope(db_url) as db:  # the next transaction of a session starts clean
        enqueue(db, "test.count", {"n": 1})
    assert queue.pending() == 1


def test_immediate_mode_runs_the_job_at_commit(db_url: str, make_queue) -> None:  # type: ignore[no-untyped-def]
    make_queue(immediate=True)
    with session_scope(db_url) as db:
        job_id = enqueue(db, "test.count", {"n": 3}).id
        assert db.get(Job, job_id).status == "queued"  # type: ignore[union-attr]
    job = job_row(db_url, job_id)
    assert (job.status, job.progress_done, job.progress_total) == ("succeeded", 3, 3)


@pytest.mark.parametrize(("kind", "params", "field"), [
    ("nope.unknown", {}, "kind"), ("test.count", {"n": object()}, "params"), ("test.count", [1, 2], "params"),
    ("test.count", {"blob": "x" * 100_001}, "params"),
])
def test_enqueue_refuses_unknown_kinds_and_bad_params(db_url: str, make_queue, kind, params, field) -> None:  # type: ignore[no-untyped-def]
    make_queue()
    with pytest.raises(ValidationFailed) as raised, session_scope(db_url) as db:
        enqueue(db, kind, params)
    assert raised.value.field == field


def test_queued_jobs_survive_a_restart(db_url: str, make_queue) -> None:  # type: ignore[no-untyped-def]
    before = make_queue()
    job_ids = [_enqueue(db_url, "test.count", {"n": n}) for n in (2, 3)]
    assert before.pending() == 2
    del before  # the server stops with the jobs still queued: nothing consumed them
    after = make_queue()  # "restart": a new huey instance on the same storage
    assert after.pending() == 2
    with consumer(after, workers=2):
        jobs = [wait_for(db_url, job_id) for job_id in job_ids]
    assert [(j.status, j.progress_done) for j in jobs] == [("succeeded", 2), ("succeeded", 3)]


def test_a_cancelled_queued_job_never_runs(db_url: str, make_queue) -> None:  # type: ignore[no-untyped-def]
    queue = make_queue()
    job_id = _enqueue(db_url, "test.count", {"n": 2})
    with session_scope(db_url) as db:
        assert cancel(db, job_id, None).status == "cancelled"
    with consumer(queue):
        deadline = time.monotonic() + 10
        while queue.pending() and time.monotonic() < deadline:
            time.sleep(0.02)
    # the consumer stopped gracefully: the task it took off the queue has run (and found nothing to do)
    assert queue.pending() == 0
    job = job_row(db_url, job_id)
    assert (job.status, job.started_at, job.progress_done) == ("cancelled", None, 0)


def test_a_cancelled_running_job_stops_at_its_next_progress_report(db_url: str, make_queue) -> None:  # type: ignore[no-untyped-def]
    queue = make_queue()
    job_id = _enqueue(db_url, "test.wait")
    GATES[job_id] = threading.Event()
    with consumer(queue):
        assert wait_for(db_url, job_id, RUNNING).status == "running"
        deadline = time.monotonic() + 20  # its first progress report is in: it now waits at its gate
        while job_row(db_url, job_id).progress_done < 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        with session_scope(db_url) as db:
            cancel(db, job_id, None)
        GATES[job_id].set()
        job = wait_for(db_url, job_id)
    assert (job.status, job.progress_done, job.progress_total) == ("cancelled", 1, 2)
    with pytest.raises(Conflict), session_scope(db_url) as db:
        cancel(db, job_id, None)  # finished: nothing to cancel


def test_jobs_are_not_part_of_an_export(db_url: str, make_queue) -> None:  # type: ignore[no-untyped-def]
    import io
    import json

    from sticoop.transfer.service import export_json

    make_queue()
    _enqueue(db_url, "test.count")
    out = io.StringIO()
    with session_scope(db_url) as db:
        export_json(db, out)  # type: ignore[arg-type]
    assert "jobs" not in json.loads(out.getvalue())["tables"]
