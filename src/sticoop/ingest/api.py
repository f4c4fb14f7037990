"""REST API of ingest: upload a document to get a draft Intake, list and read intakes, accept or reject one."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.concurrency import run_in_threadpool

from sticoop.core.api import DB, Actor
from sticoop.core.errors import ValidationFailed
from sticoop.core.listing import ListParams, Page, page_of
from sticoop.core.uploads import read_limited
from sticoop.ingest import schemas as s
from sticoop.ingest.accept import preview
from sticoop.ingest.service import accept, ingest_bytes, intakes, reject

router = APIRouter(prefix="/intakes", tags=["ingest"])


@router.get("", response_model=Page[s.IntakeOut], summary="List intakes (ingested documents awaiting review)")
def list_intakes(db: DB, params: Annotated[ListParams, Query()]) -> dict:
    """Same list parameters as every other list (filters, sort, bounded limit/offset, 422 when out of range)."""
    items, total = intakes.list(db, params)
    next_after = intakes.cursor_after(params.sort, items[-1]) if len(items) == params.limit else None
    return page_of([s.IntakeOut.model_validate(i) for i in items], total, params, next_after)


@router.post(
    "",
    response_model=s.IntakeOut,
    status_code=201,
    summary="Upload a press release or minutes (.txt .md .html .pdf .docx) and extract it",
)
async def upload(
    db: DB, actor: Actor,
    file: Annotated[UploadFile, File(description="The press release or minutes: .txt .md .html .pdf .docx")],
    published: Annotated[str | None, Form(description="Publication date, ISO 8601 YYYY-MM-DD")] = None,
) -> s.IntakeOut:
    content = await read_limited(file)
    try:
        published_on = date.fromisoformat(published) if published else None
    except ValueError:
        raise ValidationFailed(
            f"published '{published}' is not a date YYYY-MM-DD", field="published"
        ) from None
    # off the event loop (like the upload page): other users keep being answered while this one is read
    result = await run_in_threadpool(ingest_bytes, db, content, file.filename or "document.txt",
                                     published=published_on, actor=actor)
    return s.IntakeOut.model_validate(result.intake)


@router.get("/{record_id}", response_model=s.IntakeOut, summary="One intake with its proposed records")
def get_intake(record_id: int, db: DB) -> s.IntakeOut:
    return s.IntakeOut.model_validate(intakes.get(db, record_id))


@router.post(
    "/{record_id}/accept",
    response_model=s.IntakeOut,
    summary="Write the proposed records (as reviewed) in one transaction, linked to the document",
)
def accept_intake(record_id: int, payload: s.DecisionIn, db: DB, actor: Actor) -> s.IntakeOut:
    return s.IntakeOut.model_validate(accept(db, record_id, payload.version, payload.labels, actor, payload.links))


@router.get("/{record_id}/proposals", response_model=list[s.ProposalOut],
            summary="The records accepting would write, each with its candidates among existing records")
def intake_proposals(record_id: int, db: DB) -> list[dict[str, Any]]:
    """For every proposed record: its key (for ``links`` in accept), kind, title, up to five candidates
    (id, name, reason, score in [0, 1]) and the default choice. Read-only."""
    return preview(db, intakes.get(db, record_id).labels or {})


@router.post("/{record_id}/reject", response_model=s.IntakeOut, summary="Reject; the document is kept")
def reject_intake(record_id: int, payload: s.DecisionIn, db: DB, actor: Actor) -> s.IntakeOut:
    return s.IntakeOut.model_validate(reject(db, record_id, payload.version, actor))
