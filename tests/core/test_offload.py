"""``core.offload.run_limited``: work runs in another process; past its time limit the worker is killed and the
caller gets a 422 naming the limit; a dead worker is a 503; a full queue is a 503 at once; an error the work
raises comes back as itself. Every outcome is walked, and the pool answers again after each one."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from sticoop.core import offload
from sticoop.core.config import get_settings
from sticoop.core.errors import DomainError, Unavailable, ValidationFailed
from sticoop.core.offload import WorkTimedOut, run_limited
from sticoop.core.uploads import check_content

#: a task that overruns its limit: writes its process id to ``path``, then sleeps (run by the builtin ``exec``,
#: which a spawned worker can unpickle: a test module's own functions are not importable there)
PID_THEN_SLEEP = "import os, time, pathlib; pathlib.Path(path).write_text(str(os.getpid())); time.sleep(seconds)"


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in state  # a zombie is dead, waiting to be reaped


@pytest.fixture(autouse=True)
def fresh_pool() -> None:
    offload.shutdown()
    yield
    offload.shutdown()


def _overrun(tmp_path: Path) -> tuple[type[DomainError], str]:
    started = time.monotonic()
    with pytest.raises(WorkTimedOut) as info:
        run_limited(exec, PID_THEN_SLEEP, {"path": str(tmp_path / "pid"), "seconds": 60}, timeout=2, what="big.txt")
    assert time.monotonic() - started < 30  # not the 60 s the work wanted
    pid = int((tmp_path / "pid").read_text())
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(pid), "the overrunning worker is still running"
    return WorkTimedOut, str(info.value)


def _dies(tmp_path: Path) -> tuple[type[DomainError], str]:
    with pytest.raises(Unavailable) as info:
        run_limited(os._exit, 3, timeout=30, what="crash.docx")
    return Unavailable, str(info.value)


def _refused(tmp_path: Path) -> tuple[type[DomainError], str]:
    with pytest.raises(ValidationFailed) as info:
        run_limited(check_content, b"MZ\x90\x00" + bytes(100), "report.pdf", what="report.pdf")
    assert info.value.field == "file" and info.value.status_code == 422  # the error as raised, field included
    return ValidationFailed, str(info.value)


def _busy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[type[DomainError], str]:
    monkeypatch.setattr(get_settings(), "work_queue", 1)
    offload.shutdown()
    occupant = threading.Thread(target=run_limited, args=(time.sleep, 3), kwargs={"timeout": 30})
    occupant.start()
    time.sleep(0.5)
    try:
        started = time.monotonic()
        with pytest.raises(Unavailable) as info:
            run_limited(os.getpid, timeout=30, what="second.txt")
        assert time.monotonic() - started < 1  # refused at once, not queued
    finally:
        occupant.join()
    monkeypatch.undo()
    offload.shutdown()
    return Unavailable, str(info.value)


CASES = {
    "over the time limit: the worker is killed, 422 naming the limit": (_overrun, 422, "limit of 2 s"),
    "the worker dies: 503": (_dies, 503, "crash.docx: the worker process stopped"),
    "the work refuses the input: its own error, 422": (_refused, 422, "programs are not accepted"),
    "the queue is full: 503 at once": (_busy, 503, "busy"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_outcome_is_a_clear_error_and_the_pool_answers_again(case: str, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    run, status, message = CASES[case]
    kind, text = run(tmp_path, monkeypatch) if run is _busy else run(tmp_path)  # type: ignore[operator]
    assert kind.status_code == status and message in text
    assert run_limited(os.getpid, timeout=60) != os.getpid()  # still working, in another process
