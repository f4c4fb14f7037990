"""Heavy work (reading an uploaded document, extracting it) in worker processes, with a time limit.

One function, :func:`run_limited`: it runs ``fn(*args)`` in a pool of spawned worker processes (pebble's
``ProcessPool``: ``STICOOP_WORK_PROCESSES`` workers, each replaced after 100 tasks, run at a lower CPU
priority than the server) and waits for the answer
in the calling thread. The event loop never runs that work, and neither does the server process's GIL: a
route calls the service through ``run_in_threadpool`` (anyio), the service calls :func:`run_limited`, and the
server keeps answering everyone else meanwhile.

- A task over its time limit (``STICOOP_WORK_TIMEOUT_SECONDS``) has its worker process killed (and
  replaced) and is answered :class:`WorkTimedOut` (422) naming the limit.
- A worker that dies (out of memory, killed) is answered 503, naming the work.
- At most ``STICOOP_WORK_QUEUE`` tasks wait or run at once; one more is answered 503 ("busy") at once
  instead of queueing without bound.
- An error the function raises (a :class:`~sticoop.core.errors.DomainError` such as a refused file) comes
  back as itself, with its message and field.

``fn`` and its arguments cross a process boundary: ``fn`` must be a module-level function and its arguments
and result picklable. A background job queue may take this over later; callers only know this function.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from pebble import ProcessExpired, ProcessPool

from sticoop.core.config import get_settings
from sticoop.core.errors import Unavailable, ValidationFailed

T = TypeVar("T")
#: a worker process is replaced after this many tasks (memory a parser kept is given back)
TASKS_PER_WORKER = 100
#: workers run this much nicer than the server (POSIX nice increment): on a busy machine the CPU goes to
#: answering requests first, to reading documents next
WORKER_NICENESS = 10

_lock = threading.Lock()
_pool: ProcessPool | None = None
_slots: threading.BoundedSemaphore | None = None


class WorkTimedOut(ValidationFailed):
    """The work took longer than its time limit; its worker process was stopped (422)."""


def _get_pool() -> tuple[ProcessPool, threading.BoundedSemaphore]:
    global _pool, _slots
    with _lock:
        if _pool is None or not _pool.active:
            settings = get_settings()
            _pool = ProcessPool(max_workers=settings.work_processes, max_tasks=TASKS_PER_WORKER,
                                initializer=os.nice, initargs=(WORKER_NICENESS,),
                                context=multiprocessing.get_context("spawn"))
            _slots = threading.BoundedSemaphore(settings.work_queue)
        assert _slots is not None
        return _pool, _slots


def run_limited(fn: Callable[..., T], *args: Any, timeout: float | None = None, what: str = "this work") -> T:
    """``fn(*args)`` run in a worker process, at most ``timeout`` seconds (default: the
    ``work_timeout_seconds`` setting); blocks the calling thread (call it from a worker thread or the CLI,
    never from the event loop). ``what`` names the work in messages ("minutes.docx").

    Raises :class:`WorkTimedOut` (422) past the limit (the worker is killed and replaced),
    :class:`Unavailable` (503) when ``work_queue`` tasks are already waiting or when the worker died, and
    whatever ``fn`` raised."""
    limit = timeout if timeout is not None else get_settings().work_timeout_seconds
    pool, slots = _get_pool()
    if not slots.acquire(blocking=False):
        raise Unavailable(f"The server is busy reading other documents; try {what} again in a minute")
    try:
        future = pool.schedule(fn, args=args, timeout=limit)
        try:
            return future.result()
        except FutureTimeout:
            raise WorkTimedOut(f"{what}: reading and extracting took longer than the limit of {limit:g} s and was "
                               "stopped; split the document or shorten it", field="file") from None
        except ProcessExpired as exc:
            raise Unavailable(f"{what}: the worker process stopped ({exc}); nothing was saved") from None
    finally:
        slots.release()


def shutdown() -> None:
    """Stop the worker processes (the next :func:`run_limited` starts new ones)."""
    global _pool
    with _lock:
        if _pool is not None:
            _pool.stop()  # type: ignore[no-untyped-call]  # pebble leaves it unannotated
            _pool.join(timeout=10)
            _pool = None
