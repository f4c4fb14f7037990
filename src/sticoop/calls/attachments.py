"""Documents attached from the call page and the proposal page: an upload form (multipart, the
``max_upload_bytes`` limit, the content checks of ``core.uploads``), a download link, a remove button.

A file uploaded to a call, or to a proposal as an attachment, is stored once (``documents.store``: the same bytes
give the same document) and linked to the record; a file uploaded as the proposal PDF must be a PDF whose pages
pypdf can count (the admissibility rule's page limit reads them) and becomes the proposal's ``document_id``
through the proposal service (a new version, audited). Removing unlinks the document, and deletes it (audited)
when nothing else uses it. Adding or removing needs the right to change the call (an editor with access to each
of its partnerships); bad files get the page back with a 4xx naming ``file``."""

from __future__ import annotations

import io
import mimetypes
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session as DbSession
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from sticoop.calls import schemas as s
from sticoop.calls.models import Call, Proposal
from sticoop.calls.service import calls, proposals, require_every_partnership
from sticoop.core.api import DB, Actor
from sticoop.core.errors import DomainError, ValidationFailed
from sticoop.core.offload import run_limited
from sticoop.core.uploads import check_content, read_limited
from sticoop.documents.models import Document, DocumentLink
from sticoop.documents.service import documents

router = APIRouter(include_in_schema=False)
#: what a proposal's upload is: its PDF (counted against the page limit) or another attachment
PROPOSAL_ROLES = ("attachment", "proposal_pdf")


def count_pdf_pages(content: bytes) -> int:
    """Pages of a PDF (pypdf); ``ValidationFailed`` naming ``file`` when it is not a readable PDF. Run in a
    worker process (``core.offload.run_limited``): parsing an uploaded file never runs in the server."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        return len(PdfReader(io.BytesIO(content)).pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ValidationFailed(f"file: not a readable PDF ({exc}); the proposal PDF must be a PDF (rule: page "
                               "limit counted with pypdf)", field="file") from None


def _store(db: DbSession, content: bytes, filename: str, media_type: str, actor: str,
           pdf: bool = False) -> Document:
    """Check the content (programs, zip bombs, fake PDFs: 422; with ``pdf``, a PDF whose pages pypdf counts) in a
    worker process, then store it once. Run in a thread: the event loop keeps answering others."""
    run_limited(check_content, content, filename, what=filename)
    if pdf:
        run_limited(count_pdf_pages, content, what=filename)
    return documents.store(db, content, filename, media_type, actor=actor)[0]


async def _upload(request: Request) -> tuple[UploadFile, dict[str, str]]:
    """The form's ``file`` (422 naming it when none was chosen) and its other fields."""
    form = await request.form()
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise ValidationFailed("file: choose a file to upload", field="file")
    return upload, {k: v for k, v in form.items() if isinstance(v, str)}


async def _read(upload: UploadFile) -> tuple[bytes, str, str]:
    content = await read_limited(upload)  # 413 over the max_upload_bytes setting
    filename = upload.filename or "document"
    media_type = upload.content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return content, filename, media_type


def _bind(document: Document, call: Call) -> None:
    """A proposal's or call's document is read by whoever may read the call (its lead partnership)."""
    if document.partnership_id is None and call.partnership_id is not None:
        document.partnership_id = call.partnership_id


def attach(db: DbSession, entity_type: str, record: Any, call: Call, document: Document, actor: str) -> None:
    """Link ``document`` to the call or proposal ``record`` (once), readable like the call."""
    _bind(document, call)
    documents.link(db, document.id, entity_type, record.id, actor=actor)


def detach(db: DbSession, entity_type: str, record_id: int, document_id: int, actor: str) -> None:
    """Unlink a document from the record (404 when it is not attached to it) and delete the document, audited,
    when no other record links to it and no proposal names it as its PDF."""
    document = documents.get(db, document_id)
    found = db.scalar(select(DocumentLink.id).where(DocumentLink.document_id == document.id,
                                                    DocumentLink.entity_type == entity_type,
                                                    DocumentLink.entity_id == record_id))
    if found is None:
        raise ValidationFailed(f"document_id: document {document_id} is not attached to this {entity_type}",
                               field="document_id")
    db.execute(delete(DocumentLink).where(DocumentLink.id == found))
    others = db.scalar(select(func.count()).select_from(DocumentLink).where(DocumentLink.document_id == document.id))
    named = db.scalar(select(func.count()).select_from(Proposal).where(Proposal.document_id == document.id))
    if not others and not named:
        documents.delete(db, document.id, document.version, actor)


def _editable(db: DbSession, call: Call) -> None:
    calls.authorize(db, call, "update")  # an editor with access to each of the call's partnerships
    require_every_partnership(db, call)


@router.post("/calls/{record_id:int}/documents")
async def call_document_upload(record_id: int, request: Request, db: DB, actor: Actor) -> Response:
    from sticoop.calls.pages import refused

    try:
        call = calls.get(db, record_id)
        _editable(db, call)
        upload, _fields = await _upload(request)
        content, filename, media_type = await _read(upload)
        document = await run_in_threadpool(_store, db, content, filename, media_type, actor)
        attach(db, "call", call, call, document, actor)
    except DomainError as exc:
        return refused(request, db, record_id, exc)
    return RedirectResponse(f"/calls/{record_id}#call-documents", status_code=303)


@router.post("/calls/{record_id:int}/documents/{document_id:int}/remove")
async def call_document_remove(record_id: int, document_id: int, request: Request, db: DB, actor: Actor) -> Response:
    from sticoop.calls.pages import refused

    await request.form()
    try:
        call = calls.get(db, record_id)
        _editable(db, call)
        detach(db, "call", call.id, document_id, actor)
    except DomainError as exc:
        return refused(request, db, record_id, exc)
    return RedirectResponse(f"/calls/{record_id}#call-documents", status_code=303)


@router.post("/proposals/{record_id:int}/documents")
async def proposal_document_upload(record_id: int, request: Request, db: DB, actor: Actor) -> Response:
    from sticoop.calls.pages import proposal_refused

    try:
        proposal = proposals.get(db, record_id)
        call = calls.get(db, proposal.call_id)
        _editable(db, call)
        upload, fields = await _upload(request)
        role = fields.get("role") or "attachment"
        if role not in PROPOSAL_ROLES:
            raise ValidationFailed(f"role: '{role}' is not one of {', '.join(PROPOSAL_ROLES)}", field="role")
        content, filename, media_type = await _read(upload)
        document = await run_in_threadpool(_store, db, content, filename, media_type, actor, role == "proposal_pdf")
        if role == "proposal_pdf":
            _bind(document, call)
            proposals.update(db, proposal.id, s.ProposalPatch(document_id=document.id, version=proposal.version),
                             actor)
        else:
            attach(db, "proposal", proposal, call, document, actor)
    except DomainError as exc:
        return proposal_refused(request, db, record_id, exc)
    return RedirectResponse(f"/proposals/{record_id}#h-documents", status_code=303)


@router.post("/proposals/{record_id:int}/documents/{document_id:int}/remove")
async def proposal_document_remove(record_id: int, document_id: int, request: Request, db: DB,
                                   actor: Actor) -> Response:
    from sticoop.calls.pages import proposal_refused

    await request.form()
    try:
        proposal = proposals.get(db, record_id)
        _editable(db, calls.get(db, proposal.call_id))
        if proposal.document_id == document_id:
            proposals.update(db, proposal.id, s.ProposalPatch(document_id=None, version=proposal.version), actor)
            if not db.scalar(select(func.count()).select_from(DocumentLink)
                             .where(DocumentLink.document_id == document_id)):
                document = documents.get(db, document_id)
                documents.delete(db, document.id, document.version, actor)
        else:
            detach(db, "proposal", proposal.id, document_id, actor)
    except DomainError as exc:
        return proposal_refused(request, db, record_id, exc)
    return RedirectResponse(f"/proposals/{record_id}#h-documents", status_code=303)
