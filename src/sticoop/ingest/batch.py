"""Ingest of many documents, one transaction per document: the work behind ``sticoop ingest`` (inline, with a
Rich progress bar) and behind the background job ``ingest.batch`` (``sticoop ingest --background``), which
reports its progress on the jobs page instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sticoop.core.config import get_settings
from sticoop.core.database import session_scope
from sticoop.core.errors import DomainError, ValidationFailed, message_of
from sticoop.ingest.fetch import FETCH_ERRORS
from sticoop.ingest.readers import SUFFIXES
from sticoop.jobs.registry import JobFailed

if TYPE_CHECKING:
    from sticoop.jobs.service import JobContext

JOB_KIND = "ingest.batch"
#: called after each source: (sources done so far, outcome "ok" | "duplicate" | "failed", one line saying what)
OnEach = Callable[[int, str, str], None]


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext no-op marker
    return message


JOB_LABEL = N_("Ingest of documents")
#: what an ingest job reports of each source, by outcome, of the whole batch, and its failure (message codes,
#: translated when read; ``detail`` is the outcome line as ``sticoop ingest`` prints it)
SOURCE_DONE = {"ok": N_("Ingested: %(detail)s"), "duplicate": N_("Already in the inbox: %(detail)s"),
               "failed": N_("Not ingested: %(detail)s")}
SUMMARY = N_("Ingested %(ingested)d, duplicates %(duplicates)d, failed %(failed)d")
NONE_INGESTED = N_("No document could be ingested: %(reasons)s")
#: why one source failed (nested in NONE_INGESTED's reasons), and the job's bad parameters
NO_SUCH_FILE = N_("%(source)s: no such file")
FILE_TOO_LARGE = N_("%(source)s: %(size)s MB is over the %(limit)s MB limit")
UNREADABLE = N_("%(source)s: cannot be read (%(reason)s)")
REFUSED_SOURCE = N_("%(source)s: %(reason)s")
BAD_PARAMS = N_("ingest.batch needs paths and urls as lists and published as YYYY-MM-DD")
SOURCE_ERRORS = (NO_SUCH_FILE, FILE_TOO_LARGE, UNREADABLE, REFUSED_SOURCE, *FETCH_ERRORS)
JOB_MESSAGES = (*SOURCE_DONE.values(), SUMMARY, NONE_INGESTED, BAD_PARAMS, *SOURCE_ERRORS)


@dataclass
class BatchOutcome:
    """How a batch went: documents that became new intakes, duplicates of earlier ones, and one line per
    source that failed."""

    ingested: int = 0
    duplicates: int = 0
    failures: list[str] = field(default_factory=list)
    #: the same failures as translatable messages (``core.errors.message_of``), for the job's error
    reasons: list[dict[str, object]] = field(default_factory=list)

    def summary(self) -> str:
        return f"ingested {self.ingested}, duplicates {self.duplicates}, failed {len(self.failures)}"


def files_under(paths: Sequence[Path]) -> list[Path]:
    """The files named, and every readable document under the folders named (recursively, sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            found.append(path)
    return found


def _ingest_one(source: Path | str, published: date | None, database_url: str | None) -> tuple[str, str]:
    """Ingest one file or URL in its own transaction: ("ok" | "duplicate", line). Raises ``DomainError`` or
    ``OSError`` for a source that cannot be read."""
    from sticoop.ingest.fetch import check_url, fetch_url
    from sticoop.ingest.service import ingest_bytes, intake_for_url

    max_bytes = get_settings().max_upload_bytes
    if isinstance(source, Path):
        if not source.is_file():
            raise DomainError(NO_SUCH_FILE, params={"source": str(source)})
        size = source.stat().st_size
        if size > max_bytes:
            raise DomainError(FILE_TOO_LARGE, params={"source": source.name, "size": f"{size / 1048576:.1f}",
                                                      "limit": f"{max_bytes / 1048576:.0f}"})
        content, name, source_url = source.read_bytes(), source.name, None
    else:
        check_url(source)
        with session_scope(database_url) as db:
            known = intake_for_url(db, source)
            known_id = known.id if known is not None else None
        if known_id is not None:
            return "duplicate", f"{source}: already intake {known_id}"
        content, name = fetch_url(source, max_bytes)
        source_url = source
    with session_scope(database_url) as db:  # one transaction per document
        result = ingest_bytes(db, content, name, source_url=source_url, published=published)
        intake_id, created, status = result.intake.id, result.created, result.intake.status
    if created:
        return "ok", f"{source}: intake {intake_id} ({status})"
    return "duplicate", f"{source}: already intake {intake_id}"


def ingest_sources(sources: Sequence[Path | str], published: date | None = None,
                   on_each: OnEach | None = None, database_url: str | None = None,
                   outcome: BatchOutcome | None = None) -> BatchOutcome:
    """Ingest files and URLs one by one (each in its own transaction, so one bad file costs only itself) into
    draft intakes; ``on_each`` hears of every source as it is done (``outcome``, when given, is filled as it
    goes: a failed source's reason is in ``outcome.reasons`` when ``on_each`` hears of it). ``published`` is
    the base for relative dates in the texts."""
    outcome = outcome if outcome is not None else BatchOutcome()
    for done, source in enumerate(sources, start=1):
        try:
            kind, line = _ingest_one(source, published, database_url)
        except DomainError as exc:
            kind, line = "failed", exc.message
            outcome.reasons.append(message_of(exc.code, exc.params) if exc.code is not None
                                   else message_of(REFUSED_SOURCE, {"source": str(source), "reason": exc.message}))
        except OSError as exc:
            kind, line = "failed", f"{source}: {exc.strerror or exc}"
            outcome.reasons.append(message_of(UNREADABLE, {"source": str(source),
                                                           "reason": exc.strerror or type(exc).__name__}))
        if kind == "ok":
            outcome.ingested += 1
        elif kind == "duplicate":
            outcome.duplicates += 1
        else:
            outcome.failures.append(line)
        if on_each is not None:
            on_each(done, kind, line)
    return outcome


def batch_params(files: Sequence[Path], urls: Sequence[str], published: date | None) -> dict[str, object]:
    """The parameters of an ``ingest.batch`` job: absolute file paths (the worker reads them on this
    machine), URLs and the publication date (ISO)."""
    return {"paths": [str(p.resolve()) for p in files], "urls": list(urls),
            "published": published.isoformat() if published else None}


def run_batch_job(ctx: JobContext) -> str:
    """The ``ingest.batch`` job: ingest its sources, reporting each on the jobs page. Fails (``DomainError``
    with the first reasons) only when no source at all could be ingested; returns the inbox page."""
    params = ctx.params
    try:
        published = date.fromisoformat(params["published"]) if params.get("published") else None
        sources: list[Path | str] = [Path(p) for p in params.get("paths") or []]
        sources += [str(u) for u in params.get("urls") or []]
    except (TypeError, ValueError):
        raise ValidationFailed(BAD_PARAMS, params={}) from None
    ctx.progress(0, len(sources))

    outcome = BatchOutcome()

    def each(done: int, kind: str, line: str) -> None:  # a failure's detail as its message code, translated
        detail: object = outcome.reasons[-1] if kind == "failed" and outcome.reasons else line
        ctx.progress(done, message=SOURCE_DONE[kind], args={"source": str(sources[done - 1]), "detail": detail})

    ingest_sources(sources, published, each, ctx.database_url, outcome)
    ctx.progress(len(sources), message=SUMMARY, args={"ingested": outcome.ingested,
                                                      "duplicates": outcome.duplicates,
                                                      "failed": len(outcome.failures)})
    if sources and outcome.failures and not outcome.ingested and not outcome.duplicates:
        raise JobFailed(NONE_INGESTED, reasons=outcome.reasons[:5])
    return "/intakes"
