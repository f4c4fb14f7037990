"""Documents are stored once per content (sha256) under the data dir and linked to any record."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, exists, func, not_, or_, select, update
from sqlalchemy.orm import Session

from sticoop.core.config import get_settings
from sticoop.core.crud import RecordService, touch
from sticoop.core.errors import Conflict, NotFound, PayloadTooLarge, ValidationFailed
from sticoop.core.hanging import openable_ids
from sticoop.core.labels import N_, register_labels
from sticoop.core.merge import Merge, MergeHook, Moved
from sticoop.core.merge import register as register_merge_hook
from sticoop.core.models import rowcount, table_of
from sticoop.core.registry import register_kind, register_scope, services
from sticoop.documents.models import Document, DocumentLink


class DocumentService(RecordService[Document]):
    model = Document
    entity = "document"
    label = "Document"
    sortable = ("id", "filename", "created_at")
    default_sort = "-id"
    #: a document is identified by its content: storing the same bytes twice gives back the same document
    natural_key = None

    narrow_rule = ("a document attached to records of a kind you may not open (a proposal) is read by who may "
                   "open one of them")

    def narrow_query(self, db: Session, query: Select[Any]) -> Select[Any]:
        """Documents hang off records (``document_links``, or a column of a kind's table naming the document, such
        as a proposal's PDF): one held by records of a kind that narrows for this session (``narrows``) is kept
        only when it is also held by one such record the session may open, or by a record of a kind that does
        not narrow (the call it was also attached to). Documents held by nothing narrowed are untouched (the
        partnership scope alone reads them). Holders are read with Core statements: what the reader may not see
        still holds the document."""
        narrowed: dict[str, list[int]] = {}
        for kind, service in holder_services().items():
            ids = openable_ids(db, service)
            if ids is not None:
                narrowed[kind] = ids
        if not narrowed:
            return query
        links = table_of(DocumentLink)
        held, opened, elsewhere = [], [], [Document.id.in_(select(links.c.document_id).where(
            links.c.entity_type.not_in(sorted(narrowed))))]
        for kind, service in holder_services().items():
            table = table_of(service.model)
            if kind in narrowed:
                ids = narrowed[kind]
                held.append(Document.id.in_(select(links.c.document_id).where(links.c.entity_type == kind)))
                opened.append(Document.id.in_(select(links.c.document_id).where(links.c.entity_type == kind,
                                                                                 links.c.entity_id.in_(ids))))
            for column in document_columns(table):
                named = select(column).where(column.is_not(None))
                if kind in narrowed:
                    held.append(Document.id.in_(named))
                    opened.append(Document.id.in_(named.where(table.c.id.in_(narrowed[kind]))))
                else:
                    elsewhere.append(Document.id.in_(named))
        return query.where(or_(not_(or_(*held)), *opened, *elsewhere))

    def narrows_here(self, db: Session) -> bool:
        """True when a kind that may hold a document narrows for this session (exactly when
        :meth:`narrow_query` adds its condition), without building that condition: that costs the ids every
        narrowed holder may open, statements a search box runs for nothing on every request."""
        return any(service.narrows(db) for service in holder_services().values())

    def path_for(self, sha256: str) -> Path:
        return get_settings().documents_dir / sha256[:2] / sha256

    def store(self, db: Session, content: bytes, filename: str, media_type: str,
              source_url: str | None = None, language: str | None = None, text: str | None = None,
              actor: str = "system") -> tuple[Document, bool]:
        """Store content once; returns (document, created). Same bytes → the existing document."""
        if not content:
            raise ValidationFailed(f"{filename}: the file is empty")
        limit = get_settings().max_upload_bytes
        if len(content) > limit:
            raise PayloadTooLarge(f"{filename}: {len(content):,} bytes is over the limit of {limit:,} bytes")
        digest = hashlib.sha256(content).hexdigest()
        existing = db.scalar(select(Document).where(Document.sha256 == digest))
        if existing is not None:
            return existing, False
        # content is stored once: the same bytes may already be there, out of this user's sight
        if db.scalar(select(Document.__table__.c.id).where(Document.__table__.c.sha256 == digest)):
            raise Conflict(f"{filename}: this file is already stored in sticoop, in a partnership you are not "
                           "assigned to; ask its secretariat to link it")
        path = self.path_for(digest)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():  # write atomically: a crash never leaves half a file under the final name
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
                handle.write(content)
            os.replace(handle.name, path)
        doc = Document(sha256=digest, filename=Path(filename).name[:500] or "document", media_type=media_type,
                       size=len(content), source_url=source_url, language=language, text=text,
                       created_by=actor, updated_by=actor)
        db.add(doc)
        self._flush(db)
        return doc, True

    def content(self, doc: Document) -> bytes:
        path = self.path_for(doc.sha256)
        if not path.exists():
            raise NotFound(f"The file of document {doc.id} is missing from the data directory")
        return path.read_bytes()

    def link(self, db: Session, document_id: int, entity_type: str, entity_id: int,
             relation: str = "attachment", actor: str = "system") -> DocumentLink:
        from sticoop.core.registry import service_for

        document = self.get(db, document_id)
        record = service_for(entity_type).get(db, entity_id)
        link = db.scalar(select(DocumentLink).where(
            DocumentLink.document_id == document_id, DocumentLink.entity_type == entity_type,
            DocumentLink.entity_id == entity_id,
        ))
        if link is None:
            link = DocumentLink(document_id=document_id, entity_type=entity_type, entity_id=entity_id,
                                relation=relation)
            db.add(link)
            self.bind_to(document, record, actor)
            self._flush(db)
        return link

    def bind_to(self, document: Document, record: object, actor: str) -> None:
        """A document is read by exactly those who may read the first partnership-bound record it documents,
        and is confidential when that record is."""
        partnership_id = _partnership_of(record)
        if document.partnership_id is None and partnership_id is not None:
            document.partnership_id = partnership_id
            document.confidential = document.confidential or bool(getattr(record, "confidential", False))
            touch(document, actor)

    def for_record(self, db: Session, entity_type: str, entity_id: int) -> list[Document]:
        return list(db.scalars(
            select(Document).join(DocumentLink, DocumentLink.document_id == Document.id)
            .where(DocumentLink.entity_type == entity_type, DocumentLink.entity_id == entity_id)
            .order_by(Document.id)
        ))


def holder_services() -> dict[str, RecordService[Any]]:
    """Every registered kind that may hold a document (through ``document_links`` or a column), but documents."""
    return {kind: service for kind, service in services().items()
            if service is not None and service is not documents}


def document_columns(table: Any) -> list[Any]:
    """The columns of ``table`` naming a document (a foreign key to ``documents.id``)."""
    return [column for column in table.columns
            if any(fk.column.table.name == Document.__tablename__ for fk in column.foreign_keys)]


def _partnership_of(record: Any) -> int | None:
    if type(record).__tablename__ == "partnerships":
        return record.id
    return getattr(record, "partnership_id", None)  # a session's comes through its committee


class DocumentLinksOnMerge(MergeHook):
    """A document linked to a merged record is linked to the kept one (once: a document already linked to
    both keeps the kept record's link)."""

    def count(self, db: Session, entity: str, record_id: int) -> dict[str, int]:
        links = table_of(DocumentLink)
        count = db.execute(select(func.count()).select_from(links).where(
            links.c.entity_type == entity, links.c.entity_id == record_id)).scalar() or 0
        return {links.name: count}

    def move(self, db: Session, merge: Merge) -> None:
        links = table_of(DocumentLink)
        of_merged = and_(links.c.entity_type == merge.entity, links.c.entity_id == merge.merged_id)
        twin = links.alias()
        duplicate = exists().where(twin.c.document_id == links.c.document_id, twin.c.entity_type == merge.entity,
                                   twin.c.entity_id == merge.kept_id)
        dropped = rowcount(db.execute(links.delete().where(of_merged, duplicate))) or 0
        if dropped:
            merge.dropped[links.name] = merge.dropped.get(links.name, 0) + dropped
        moved = rowcount(db.execute(update(links).where(of_merged).values(entity_id=merge.kept_id))) or 0
        if moved:
            merge.moved.append(Moved(links.name, "entity_id", moved))


documents = DocumentService()
register_merge_hook(DocumentLinksOnMerge())


def register() -> None:
    """Declare this domain's record kinds (called once by :func:`sticoop.composition.bootstrap`)."""
    register_labels("kind", {"document": N_("Document")})
    register_scope(Document)
    register_kind("document", documents, page_prefix=None)  # stored once by content; shown as the Sources of records
