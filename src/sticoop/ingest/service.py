"""Ingest: a document becomes an Intake (draft) holding its extraction; a person accepts or rejects it.

Storing the document and creating its Intake is one transaction; so is accepting it, which writes every
proposed record and links each to the source document (provenance). The same bytes (sha256) or the same
URL never make a second Intake.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.core.config import get_settings
from sticoop.core.crud import RecordService, flush
from sticoop.core.errors import Conflict, ValidationFailed
from sticoop.core.labels import N_, register_labels, register_navigation
from sticoop.core.models import utcnow
from sticoop.core.offload import run_limited
from sticoop.core.registry import register_kind, register_scope
from sticoop.core.text import fold
from sticoop.documents.models import Document, DocumentLink
from sticoop.documents.service import documents
from sticoop.ingest.analyse import analyse
from sticoop.ingest.batch import JOB_KIND, JOB_LABEL, JOB_MESSAGES, run_batch_job
from sticoop.ingest.labels import Labels, LabelsError, parse_labels
from sticoop.ingest.models import Intake, IntakeStatus
from sticoop.jobs.registry import register_job_kind

GAZETTEER_LIMIT = 20_000


@dataclass
class IngestResult:
    intake: Intake
    created: bool  # False when the same document was already ingested


class IntakeService(RecordService[Intake]):
    model = Intake
    entity = "intake"
    label = "Intake"
    filters = {"status": lambda v: Intake.status == v}
    sortable = ("id", "status", "published")
    default_sort = "-id"


intakes = IntakeService()


def gazetteer(db: Session) -> Any:
    """Known organisations and committees from the database, so extraction matches what is already there."""
    from sticoop.ingest.extract import Gazetteer, KnownCommittee, KnownOrganization
    from sticoop.partners.models import Organization
    from sticoop.partnerships.models import Committee

    orgs = db.scalars(
        select(Organization).order_by(Organization.updated_at.desc()).limit(GAZETTEER_LIMIT)
    )
    committees = db.scalars(select(Committee).limit(GAZETTEER_LIMIT))
    return Gazetteer(
        organizations=[
            KnownOrganization(
                name=o.name, acronym=o.acronym, aliases=tuple(o.aliases or ()), country=o.country_code
            )
            for o in orgs
        ],
        committees=[
            KnownCommittee(name=c.name, countries=tuple(c.partnership.country_codes)) for c in committees
        ],
    )


def intake_for_url(db: Session, url: str) -> Intake | None:
    """The intake already made from this address, if any: callers check it before fetching, so a page
    ingested once is not downloaded again (and its changed bytes do not make a second intake)."""
    return db.scalar(select(Intake).join(Document).where(Document.source_url == url).limit(1))


def ingest_bytes(
    db: Session,
    content: bytes,
    filename: str,
    source_url: str | None = None,
    published: date | None = None,
    actor: str = "system",
) -> IngestResult:
    """Read, detect the language, extract, and store document + Intake; nothing is written on error.

    Reading and extraction run in a worker process under the time limit (``core.offload.run_limited``):
    the calling thread waits, the server process keeps answering others. Raises ValidationFailed (422)
    for a file that cannot be read or is over a limit (size, parts, pages, characters, time)."""
    if source_url:
        existing = intake_for_url(db, source_url)
        if existing is not None:
            return IngestResult(existing, False)
    max_bytes = get_settings().max_upload_bytes
    analysis = run_limited(analyse, content, filename, max_bytes, published, gazetteer(db),
                           what=Path(filename).name or "the document")
    media_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    stored, created = documents.store(
        db,
        content,
        filename,
        media_type,
        source_url=source_url,
        language=analysis.language,
        text=analysis.text,
        actor=actor,
    )
    if not created:
        existing = db.scalar(select(Intake).where(Intake.document_id == stored.id))
        if existing is not None:
            return IngestResult(existing, False)
    intake = Intake(
        document_id=stored.id,
        language=analysis.language,
        published=analysis.published,
        title=analysis.title,
        created_by=actor,
        updated_by=actor,
    )
    if analysis.labels is None:
        intake.status = IntakeStatus.unsupported
        intake.note = (
            f"Language '{analysis.language or 'unknown'}' is not supported for extraction; the document is kept."
        )
    else:
        intake.labels = analysis.labels
    db.add(intake)
    flush(db, "Intake")
    return IngestResult(intake, True)


def reject(db: Session, intake_id: int, version: int | None, actor: str = "system") -> Intake:
    intake = _pending(db, intake_id, version, allowed=(IntakeStatus.draft, IntakeStatus.unsupported))
    intake.status = IntakeStatus.rejected
    intake.decided_at = utcnow()
    intake.updated_by = actor
    flush(db, "Intake")
    return intake


def _pending(db: Session, intake_id: int, version: int | None,
             allowed: tuple[str, ...] = (IntakeStatus.draft,)) -> Intake:
    """An intake still awaiting a decision; an unsupported-language one can only be rejected. A missing
    ``version`` is a 422, a stale one a 409 (``check_version``)."""
    intake = intakes.get(db, intake_id)
    intakes.check_version(intake, version)
    if intake.status not in allowed:
        raise Conflict(f"Intake {intake_id} is {intake.status}; it cannot be "
                       f"{'rejected' if IntakeStatus.unsupported in allowed else 'accepted'} now")
    return intake


def accept(
    db: Session,
    intake_id: int,
    version: int | None,
    labels: Labels | dict[str, Any] | None = None,
    actor: str = "system",
    links: dict[str, int | None] | None = None,
) -> Intake:
    """Write the proposed records (as reviewed: `labels` replaces the extraction when given), each linked to
    the existing record chosen in ``links`` (proposal key → id, or None for "create new"; see
    :func:`sticoop.ingest.accept.write_records`), in the caller's one transaction."""
    from sticoop.ingest.accept import write_records

    intake = _pending(db, intake_id, version)
    try:  # the labels schema says what fits; a value of the wrong shape is refused naming its field
        checked = parse_labels(labels if labels is not None else (intake.labels or {}))
    except LabelsError as exc:
        raise ValidationFailed(f"The reviewed labels do not fit the labels schema: {exc}") from None
    reviewed = checked.model_dump(exclude_unset=True, mode="json")
    created = write_records(db, reviewed, actor, links)
    for entity_type, entity_id in sorted({(c["type"], c["id"]) for c in created}):
        documents.link(db, intake.document_id, entity_type, entity_id, relation="source", actor=actor)
    intake.labels = reviewed
    intake.created_records = created
    intake.status = IntakeStatus.accepted
    intake.decided_at = utcnow()
    intake.updated_by = actor
    flush(db, "Intake")
    return intake


def sources_of(db: Session, entity_type: str, entity_id: int) -> list[Document]:
    """The documents a record came from (provenance)."""
    return list(
        db.scalars(
            select(Document)
            .join(DocumentLink, DocumentLink.document_id == Document.id)
            .where(
                DocumentLink.entity_type == entity_type,
                DocumentLink.entity_id == entity_id,
                DocumentLink.relation == "source",
            )
        )
    )


def same_name(a: str, b: str) -> bool:
    return fold(a) == fold(b)


def register() -> None:
    """Declare this domain's record kinds (called once by :func:`sticoop.composition.bootstrap`)."""
    register_labels("intake_status", {
        "draft": N_("To review"), "unsupported": N_("Language not supported"), "accepted": N_("Accepted"),
        "rejected": N_("Rejected"),
    })
    register_labels("kind", {"intake": N_("Intake")})
    register_navigation("/intakes", N_("Inbox"), order=140, roles=('admin', 'secretariat'))
    register_scope(Intake, through="document_id", parent=Document)
    register_kind("intake", None, page_prefix="/intakes")  # an ingested document under review; not a RecordService
    register_job_kind(JOB_KIND, run_batch_job, label=JOB_LABEL, messages=JOB_MESSAGES)  # `sticoop ingest --background`
