from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import Field

from sticoop.core.schemas import Input, RecordOut


class IntakeOut(RecordOut):
    document_id: int
    status: str
    language: str | None
    published: date | None
    title: str | None
    labels: dict[str, Any] | None
    note: str | None
    created_records: list[dict[str, Any]] | None
    decided_at: datetime | None


class DecisionIn(Input):
    version: int = Field(ge=1)
    labels: dict[str, Any] | None = Field(
        default=None, description="The reviewed labels; the extraction if omitted."
    )
