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
from sticoop.core.errors import DomainError, ValidationFailed
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
JOB_MESSAGES = (*SOURCE_DONE.values(), SUMMARY, NONE_INGESTED)


@dataclass
class BatchOutcome:
    """How a batch went: documents that became new intakes, duplicates of earlier ones, and one line per
    source that failed."""

    ingested: int = 0
    duplicates: int = 0
    failures: list[str] = field(default_factory=list)

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
            raise DomainError(f"{source}: no such file")
        size = source.stat().st_size
        if size > max_bytes:
            raise DomainError(f"{source.name}: {size / 1048576:.1f} MB is over the {max_bytes / 1048576:.0f} MB limit")
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
                   on_each: OnEach | None = None, database_url: str | None = None) -> BatchOutcome:
    """Ingest files and URLs one by one (each in its own transaction, so one bad file costs only itself) into
    draft intakes; ``on_each`` hears of every source as it is done. ``published`` is the base for relative
    dates in the texts."""
    outcome = BatchOutcome()
    for done, source in enumerate(sources, start=1):
        try:
            kind, line = _ingest_one(source, published, database_url)
        except DomainError as exc:
            kind, line = "failed", exc.message
        except OSError as exc:
            kind, line = "failed", f"{source}: {exc.strerror or exc}"
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
        raise ValidationFailed("ingest.batch needs paths and urls as lists and published as YYYY-MM-DD") from None
    ctx.progress(0, len(sources))

    def each(done: int, kind: str, line: str) -> None:
        ctx.progress(done, message=SOURCE_DONE[kind], args={"source": str(sources[done - 1]), "detail": line})

    outcome = ingest_sources(sources, published, each, ctx.database_url)
    ctx.progress(len(sources), message=SUMMARY, args={"ingested": outcome.ingested,
                                                      "duplicates": outcome.duplicates,
                                                      "failed": len(outcome.failures)})
    if sources and outcome.failures and not outcome.ingested and not outcome.duplicates:
        raise JobFailed(NONE_INGESTED, reasons="; ".join(outcome.failures[:5]))
    return "/intakes"
