from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.jobs.helpers import TEST_KINDS, TEST_MESSAGES

from sticoop.jobs import queue as queue_module
from sticoop.jobs import registry
from sticoop.jobs.queue import Queue, build_huey


@pytest.fixture(autouse=True)
def test_kinds() -> Iterator[None]:
    for name, handler in TEST_KINDS.items():
        registry.register_job_kind(name, handler, label=name, messages=TEST_MESSAGES)
    yield
    for name in TEST_KINDS:
        registry.unregister(name)


@pytest.fixture
def make_queue(db_url: str, tmp_path: Path) -> Iterator[Callable[..., Queue]]:
    """``make_queue()``: a queue on a SQLite file of this test (the same file each call: a "restart" is a new
    huey instance on the same storage), running jobs against the test database, installed as the process's
    queue. ``make_queue(immediate=True)``: huey's immediate mode (tasks run as they are queued)."""
    def make(immediate: bool = False) -> Queue:
        made = Queue(build_huey(None, tmp_path / "queue.db", immediate=immediate), db_url)
        queue_module.install(made)
        return made

    yield make
    queue_module.install(None)  # the next use builds the settings' queue again
