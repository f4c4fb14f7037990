"""Job messages in the reader's language: a job stores a message code (an English msgid) with its arguments
(``jobs.message``/``message_args``, ``jobs.error``/``error_args``), translated when read by the jobs page,
the API and ``sticoop jobs show``. An argument may itself be a message (``{"code", "params"}``, or a list of
them: ``sticoop.core.errors.message_of``), translated in its turn. Rows written before codes existed have no
arguments (NULL): their text is shown as written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sticoop.core.errors import translated
from sticoop.core.labels import N_
from sticoop.jobs.registry import job_kinds

#: what the job machinery itself reports, whatever the kind
REQUEUED = N_("Queued again: its worker stopped")
STALE = N_("Stale: its worker stopped (killed or its machine went down) while the job ran; start it again")
NO_HANDLER = N_("No handler for job kind “%(kind)s”")
#: an unexpected error, as rows stored before error ids existed say it (kept readable)
UNEXPECTED = N_("Unexpected error: %(error)s")
#: an unexpected error: the log holds its traceback under this id, the reader sees no detail of it
FAILED_SEE_LOG = N_("The job failed on an unexpected error; the server log has the details under error "
                    "%(error_id)s")
INTERRUPTED = N_("Interrupted: the worker stopped before the job finished; start it again")
#: a refusal raised without a message code (English text only): said with a translated frame
REFUSED = N_("The job was refused: %(reason)s")
JOB_MESSAGES = frozenset({REQUEUED, STALE, NO_HANDLER, UNEXPECTED, FAILED_SEE_LOG, INTERRUPTED, REFUSED})


def declared(kind: str) -> frozenset[str]:
    """The message codes a job of ``kind`` may store: its own (``register_job_kind(messages=...)``) and the
    machinery's."""
    found = job_kinds().get(kind)
    return JOB_MESSAGES | (found.messages if found else frozenset())


def render(translate: Callable[[str], str], text: str | None, args: Mapping[str, Any] | None) -> str | None:
    """A stored message in the reader's language: the code translated then filled with its arguments (nested
    messages translated too); a message stored without arguments (NULL: a row from before message codes) as
    written."""
    if text is None:
        return None
    if args is None:
        return text
    return translated(translate, text, args)
