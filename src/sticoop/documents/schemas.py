from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from sticoop.core.schemas import ConfidentialOut, ConfidentialPatch, Input, LanguageCode, Patch, RecordOut

#: what each field means (OpenAPI descriptions), written once for the Patch and Out schemas
ABOUT = {
    "title": "Title of the document (at most 500 characters)",
    "language": "Language of the document: ISO 639-1 code, e.g. en, fr, vi",
    "sha256": "SHA-256 of the file's bytes, 64 hexadecimal characters (identical uploads are one document)",
    "filename": "File name as uploaded",
    "media_type": "MIME type, e.g. application/pdf",
    "size": "Size of the file in bytes",
    "source_url": "Web address the file was taken from, if any",
    "partnership_id": "The partnership it belongs to (id), when linked to one",
    "document_id": "The document (id)",
    "entity_type": "Kind of record linked, e.g. session, agreement, commitment (at most 40 characters)",
    "entity_id": "Id of the record linked",
    "relation": "What the document is to the record, e.g. attachment, minutes, source (at most 40 characters; "
                "default attachment)",
}


class DocumentPatch(Patch, ConfidentialPatch):
    """Changes to a document's title, language or confidentiality, with the version you read."""

    title: str | None = Field(default=None, max_length=500, description=ABOUT["title"])
    language: LanguageCode | None = Field(None, description=ABOUT["language"])


class DocumentOut(RecordOut, ConfidentialOut):
    """An uploaded document (stored once per content)."""

    sha256: str = Field(description=ABOUT["sha256"])
    filename: str = Field(description=ABOUT["filename"])
    title: str | None = Field(description=ABOUT["title"])
    media_type: str = Field(description=ABOUT["media_type"])
    size: int = Field(description=ABOUT["size"])
    source_url: str | None = Field(description=ABOUT["source_url"])
    language: str | None = Field(description=ABOUT["language"])
    partnership_id: int | None = Field(None, description=ABOUT["partnership_id"])


class LinkIn(Input):
    """Link a document to a record."""

    entity_type: str = Field(max_length=40, description=ABOUT["entity_type"])
    entity_id: int = Field(description=ABOUT["entity_id"])
    relation: str = Field(default="attachment", max_length=40, description=ABOUT["relation"])


class LinkOut(BaseModel):
    """A document linked to a record."""

    model_config = ConfigDict(from_attributes=True)
    document_id: int = Field(description=ABOUT["document_id"])
    entity_type: str = Field(description=ABOUT["entity_type"])
    entity_id: int = Field(description=ABOUT["entity_id"])
    relation: str = Field(description=ABOUT["relation"])
