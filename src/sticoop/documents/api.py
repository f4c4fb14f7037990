import mimetypes
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Response, UploadFile
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session

from sticoop.core.api import DB, Actor
from sticoop.core.downloads import attachment, download_responses
from sticoop.core.errors import ValidationFailed
from sticoop.core.listing import ListParams, page_of
from sticoop.core.offload import run_limited
from sticoop.core.uploads import check_content, read_limited
from sticoop.documents import schemas as s
from sticoop.documents.models import Document
from sticoop.documents.service import documents

router = APIRouter(prefix="/documents", tags=["documents"])


@router.get("", summary="List documents")
def list_documents(db: DB, limit: Annotated[int, Query(ge=1, le=200)] = 50,
                   offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
                   q: Annotated[str | None, Query(max_length=200)] = None,
                   after: Annotated[str | None, Query(max_length=400)] = None) -> dict:
    """Bounded like every list (``limit`` 1-200, ``offset`` up to 10,000,000: else 422; ``after``: the keyset
    cursor ``next_after`` of the previous page)."""
    if after and offset:
        raise ValidationFailed("after: send either offset or after, not both", field="after")
    params = ListParams(limit=limit, offset=offset, q=q, after=after)
    items, total = documents.list(db, params)
    next_after = documents.cursor_after(params.sort, items[-1]) if len(items) == params.limit else None
    return page_of([s.DocumentOut.model_validate(d) for d in items], total, params, next_after)


@router.post("", response_model=s.DocumentOut, status_code=201, summary="Upload a document (stored once by sha256)")
async def upload(db: DB, actor: Actor,
                 file: Annotated[UploadFile, File(description="The file (multipart upload, size-limited)")],
                 source_url: Annotated[str | None, Form(description="Web address it was taken from")] = None,
                 ) -> s.DocumentOut:
    content = await read_limited(file)
    filename = file.filename or "document"
    media_type = file.content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    doc = await run_in_threadpool(_check_and_store, db, content, filename, media_type, source_url, actor)
    return s.DocumentOut.model_validate(doc)


def _check_and_store(db: Session, content: bytes, filename: str, media_type: str, source_url: str | None,
                     actor: str) -> Document:
    """Check (``core.uploads.check_content``: 422 for programs, zip bombs, fake PDFs) and store; run off the
    event loop so other users are answered meanwhile."""
    run_limited(check_content, content, filename, what=filename)  # parsing (a PDF's) in a worker process
    return documents.store(db, content, filename, media_type, source_url=source_url, actor=actor)[0]


@router.get("/{record_id}", response_model=s.DocumentOut, summary="Document metadata")
def get_document(record_id: int, db: DB) -> s.DocumentOut:
    return s.DocumentOut.model_validate(documents.get(db, record_id))


@router.get("/{record_id}/content", summary="Download the stored file", response_class=Response,
            responses=download_responses("*/*", "The file as stored, with its own media type"))
def download(record_id: int, db: DB) -> Response:
    doc = documents.get(db, record_id)
    return Response(documents.content(doc), media_type=doc.media_type, headers=attachment(doc.filename))


@router.post("/{record_id}/links", response_model=s.LinkOut, status_code=201, summary="Attach to a record")
def link(record_id: int, payload: s.LinkIn, db: DB, actor: Actor) -> s.LinkOut:
    return s.LinkOut.model_validate(
        documents.link(db, record_id, payload.entity_type, payload.entity_id, payload.relation, actor)
    )
