"""Work done once when a process starts serving, so that no request pays for it (loading a model: ≈1–2 s).

Domains register a hook in their ``service.register()``::

    from sticoop.core.warmup import register_warmup

    register_warmup("matchmaking.embedder", warm_embedder)

and the processes that serve run them before taking work: each ``sticoop serve`` worker process at its
start-up (the app's start-up event, ``server.app``), ``sticoop worker`` before it consumes the queue. A hook
runs once per process (a second app in the same process, as tests make, finds it done); a failing hook is
logged and does not stop the process — the first request then pays instead.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger("sticoop.warmup")
_HOOKS: dict[str, Callable[[], None]] = {}
_CHECKS: dict[str, Callable[[], None]] = {}


class ConfigurationError(ValueError):
    """A setting the process cannot start with; the message names it and says what to do."""

_done: set[str] = set()
_lock = threading.Lock()


def register_warmup(name: str, hook: Callable[[], None]) -> None:
    """Declare a start-up hook under ``name`` ("domain.what"). A name declared again keeps its first hook (the
    composition root runs every registration again when a process builds a second app)."""
    _HOOKS.setdefault(name, hook)


def register_check(name: str, check: Callable[[], None]) -> None:
    """Declare a configuration check under ``name``: a function that raises ValueError, with a message naming
    the setting at fault, when the process must not start (e.g. ``STICOOP_EMBEDDER`` names a missing model)."""
    _CHECKS.setdefault(name, check)


def check_configuration() -> None:
    """Run every registered check; the first failure is raised as :class:`ConfigurationError` (its message is the
    check's). Run by ``sticoop serve`` and ``sticoop worker`` before they start, and by :func:`run_warmups`."""
    for check in list(_CHECKS.values()):
        try:
            check()
        except ValueError as exc:
            raise ConfigurationError(str(exc)) from None


def warmups() -> dict[str, Callable[[], None]]:
    """Every registered hook, by name."""
    return dict(_HOOKS)


def run_warmups() -> dict[str, float]:
    """Run the hooks not yet run in this process, in registration order; returns the seconds each took (the
    ones that ran now). A hook that raises is logged (and counted as run: it is not retried per request). The
    configuration checks run first: a failed one raises :class:`ConfigurationError` and the process does not
    start (a web worker's start-up fails with that message)."""
    check_configuration()
    took: dict[str, float] = {}
    with _lock:
        for name, hook in list(_HOOKS.items()):
            if name in _done:
                continue
            _done.add(name)
            start = time.perf_counter()
            try:
                hook()
            except Exception:  # noqa: BLE001 - a warm-up is an optimisation; the process serves anyway
                log.warning("warm-up %s failed; the first request that needs it pays instead", name, exc_info=True)
            took[name] = time.perf_counter() - start
    if took:
        log.info("warm-up: %s", ", ".join(f"{n} {s:.2f} s" for n, s in took.items()))
    return took


def forget() -> None:
    """Mark every hook as not run (tests)."""
    with _lock:
        _done.clear()
