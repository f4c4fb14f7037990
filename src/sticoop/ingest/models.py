"""Intakes: one ingested document awaiting review, with the records its extraction proposes."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sticoop.core.models import Base, Record


class IntakeStatus(StrEnum):
    draft = "draft"  # extracted, waiting for a person
    unsupported = "unsupported"  # stored, but its language is not supported for extraction
    accepted = "accepted"
    rejected = "rejected"


class Intake(Record, Base):
    __tablename__ = "intakes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), unique=True, nullable=False
    )
    status: Mapped[str] = mapped_column(String(20), default=IntakeStatus.draft, nullable=False, index=True)
    language: Mapped[str | None] = mapped_column(String(8))
    published: Mapped[date | None] = mapped_column(Date)
    title: Mapped[str | None] = mapped_column(String(500))
    labels: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
    created_records: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
