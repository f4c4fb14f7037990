"""The job kinds and periodic schedules, as the domains declare them; the jobs package imports no domain.

A domain registers its work in its ``service.register()`` (called by the composition root)::

    from sticoop.jobs.registry import register_job_kind, register_periodic

    def _send(ctx: JobContext) -> str | None:
        with ctx.session() as db:
            send_due_reminders(db, ctx.now)
        return None

    register_job_kind("reminders.send", _send, label=N_("Reminders"))
    register_periodic("reminders.send", minute="*/15")  # every 15 minutes, run by `sticoop worker`

A handler receives a :class:`~sticoop.jobs.service.JobContext` (its parameters, ``progress()``, ``session()``,
``now``) and returns a reference to what it made (a page path such as ``/intakes``, a file name) or None.
It raises :class:`JobFailed` (a translatable message and its arguments) or another
:class:`~sticoop.core.errors.DomainError` with a message code (``params=``) for a failure the user can act on
(recorded as the job's error, translated when read; a ``DomainError`` without a code is shown in English inside
a translated "The job was refused: …" and logged); any other exception is recorded as a translated "failed, see
the log" with an error id, the log holding its traceback under that id (its text never reaches the reader).

Messages are stored as a message code (an English msgid marked ``N_()``) with its arguments, and translated
when read (jobs page, API, CLI) into the reader's language: every message a kind reports
(``ctx.progress(..., message=N_("..."), args={...})``) or fails with (``JobFailed``) is declared in
``register_job_kind(..., messages=[...])`` — an undeclared message raises ``ValueError`` — and translated in
fr and vi (``tests/jobs/test_messages.py`` walks every kind).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sticoop.core.errors import DomainError

if TYPE_CHECKING:
    from sticoop.jobs.service import JobContext

#: a job kind's name: dotted lower-case words, "domain.work" (at most 60 characters, the column's width)
KIND_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
Handler = Callable[["JobContext"], "str | None"]


@dataclass(frozen=True)
class JobKind:
    """One kind of background work: its name ("ingest.batch"), the function doing it, a translatable
    label (an ``N_()`` message) the jobs page shows, and ``rerun_stale``: whether a job of this kind whose
    worker died is queued again (work that is safe to repeat from the start) rather than marked failed."""

    name: str
    handler: Handler
    label: str
    rerun_stale: bool = False
    #: the message codes (msgids) it may report or fail with
    messages: frozenset[str] = frozenset()


class JobFailed(DomainError):
    """A job's failure its owner can act on, as a message code (an ``N_()`` msgid with ``%(name)s``
    placeholders, declared in the kind's ``messages``) and its arguments (JSON values); stored as such and
    translated when read. ``message`` is the English text (logs)."""

    def __init__(self, code: str, **args: Any) -> None:
        super().__init__(code, params=args)
        self.args_ = dict(args)


@dataclass(frozen=True)
class Periodic:
    """A job kind run on a schedule, as huey's ``crontab`` fields (strings such as ``"*/15"``, ``"0"``,
    ``"1-5"``; UTC)."""

    kind: str
    schedule: dict[str, str]


_KINDS: dict[str, JobKind] = {}
_PERIODIC: dict[str, Periodic] = {}


def register_job_kind(name: str, handler: Handler, label: str, *, rerun_stale: bool = False,
                      messages: Iterable[str] = ()) -> None:
    """Declare a job kind. The same name with the same handler again is harmless; another handler under a
    taken name, or a name not of the form ``domain.work`` (60 characters at most), raises ``ValueError``.
    ``rerun_stale=True``: a job of this kind whose worker died is queued again by the stale-job sweep (the
    work is idempotent); otherwise it is marked failed, and its owner starts it again. ``messages``: the
    ``N_()`` msgids the kind reports as progress or fails with (:class:`JobFailed`)."""
    if not KIND_NAME.match(name) or len(name) > 60:
        raise ValueError(f"job kind '{name}' must be dotted lower-case words, 60 characters at most")
    known = _KINDS.get(name)
    if known is not None and known.handler is not handler:
        raise ValueError(f"job kind '{name}' is registered twice")
    _KINDS[name] = JobKind(name, handler, label, rerun_stale, frozenset(messages))


def register_periodic(kind: str, *, minute: str = "*", hour: str = "*", day: str = "*", month: str = "*",
                      day_of_week: str = "*") -> None:
    """Run the job kind ``kind`` on a schedule (huey ``crontab`` fields, UTC), in ``sticoop worker``. Each
    run is recorded as a job of the operator ("system"). ``ValueError`` for a kind not registered yet."""
    if kind not in _KINDS:
        raise ValueError(f"register the job kind '{kind}' before its schedule")
    _PERIODIC[kind] = Periodic(kind, {"minute": minute, "hour": hour, "day": day, "month": month,
                                      "day_of_week": day_of_week})


def job_kind(name: str) -> JobKind:
    """The registered kind ``name``; ``KeyError`` when no domain registered it."""
    return _KINDS[name]


def job_kinds() -> dict[str, JobKind]:
    """Every registered job kind, by name."""
    return dict(_KINDS)


def periodic_jobs() -> list[Periodic]:
    """Every scheduled job kind."""
    return list(_PERIODIC.values())


def unregister(name: str) -> None:
    """Forget a kind and its schedule (tests that register kinds of their own clean up with it)."""
    _KINDS.pop(name, None)
    _PERIODIC.pop(name, None)


def describe(kind: str) -> dict[str, Any]:
    """Name and label of a kind for display, also for a kind no longer registered (label = its name)."""
    found = _KINDS.get(kind)
    return {"name": kind, "label": found.label if found else kind}
