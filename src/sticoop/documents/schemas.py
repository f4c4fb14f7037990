from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from sticoop.core.schemas import ConfidentialOut, ConfidentialPatch, Input, LanguageCode, Patch, RecordOut


class DocumentPatch(Patch, ConfidentialPatch):
    title: str | None = Field(default=None, max_length=500)
    language: LanguageCode | None = None


class DocumentOut(RecordOut, ConfidentialOut):
    sha256: str
    filename: str
    title: str | None
    media_type: str
    size: int
    source_url: str | None
    language: str | None
    partnership_id: int | None = None


class LinkIn(Input):
    entity_type: str = Field(max_length=40)
    entity_id: int
    relation: str = Field(default="attachment", max_length=40)


class LinkOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    document_id: int
    entity_type: str
    entity_id: int
    relation: str
