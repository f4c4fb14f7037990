"""Job kinds for the tests, a real huey consumer in threads, and waiting for a job without the real clock."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sticoop.core.database import session_scope
from sticoop.core.errors import DomainError
from sticoop.jobs.models import FINISHED, Job, JobStatus
from sticoop.jobs.queue import Queue
from sticoop.jobs.service import JobContext

#: released by a test to let a "test.wait" job go on
GATES: dict[int, threading.Event] = {}


#: the messages of the test kinds (message codes, as a domain declares them)
STARTING, STEP = "starting", "step %(step)d"
TEST_MESSAGES = (STARTING, STEP)


def count(ctx: JobContext) -> str:
    """Counts to params["n"], reporting each step."""
    n = int(ctx.params.get("n", 3))
    ctx.progress(0, n, STARTING)
    for step in range(1, n + 1):
        ctx.progress(step, message=STEP, args={"step": step})
    return f"/counted/{n}"


def refuse(ctx: JobContext) -> None:
    ctx.progress(1, 4)
    raise DomainError("The file 'x.pdf' is encrypted")


def crash(ctx: JobContext) -> None:
    raise RuntimeError("disk on fire")


def wait(ctx: JobContext) -> None:
    """Reports step 1, waits for its gate, then reports step 2 (where a cancelled job stops)."""
    ctx.progress(1, 2)
    GATES[ctx.job_id].wait(10)
    ctx.progress(2)


def tick(ctx: JobContext) -> str:
    with ctx.session() as db:
        db.get(Job, ctx.job_id)
    return f"ticked at {ctx.now.isoformat()}"


TEST_KINDS: dict[str, Any] = {"test.count": count, "test.refuse": refuse, "test.crash": crash, "test.wait": wait,
                              "test.tick": tick}


@contextmanager
def consumer(queue: Queue, workers: int = 1) -> Iterator[Any]:
    """huey's own consumer (scheduler and worker threads) on ``queue``, polling often; stopped gracefully at the
    end, and the signal handlers it installs given back to pytest."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    running = queue.consumer(workers, periodic=False, initial_delay=0.01, backoff=1.0, max_delay=0.02,
                             check_worker_health=False)
    running.start()
    try:
        yield running
    finally:
        running.stop(graceful=True)
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def job_row(db_url: str, job_id: int) -> Job:
    with session_scope(db_url) as db:
        job = db.get(Job, job_id)
        assert job is not None
        db.expunge(job)
        return job


def wait_for(db_url: str, job_id: int, statuses: frozenset[JobStatus] = FINISHED, seconds: float = 20) -> Job:
    """The job once its status is one of ``statuses`` (polling; monotonic time, not the clock)."""
    deadline = time.monotonic() + seconds
    while True:
        job = job_row(db_url, job_id)
        if JobStatus(job.status) in statuses or time.monotonic() > deadline:
            return job
        time.sleep(0.02)
