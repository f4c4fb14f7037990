"""What each generated briefing pack was built from (its provenance), beside the stored document itself."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from sticoop.core.models import Base, utcnow


class BriefingPack(Base):
    """One generated pack: the stored file (a document) and what it was built from — partnership, visit,
    as-of date, user, language, format and every record read, each with the version read.

    Written once, never changed; ``confidential`` (the pack holds a "not for disclosure" section, or its
    partnership or visit is confidential) hides it from viewers and members like any confidential record."""

    __tablename__ = "briefing_packs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True,
                                             nullable=False)
    partnership_id: Mapped[int] = mapped_column(ForeignKey("partnerships.id", ondelete="CASCADE"), index=True,
                                                nullable=False)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id", ondelete="SET NULL"), index=True)
    as_of: Mapped[date] = mapped_column(Date, nullable=False)
    format: Mapped[str] = mapped_column(String(8), nullable=False)
    locale: Mapped[str] = mapped_column(String(8), nullable=False)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    built_by: Mapped[str] = mapped_column(String(120), nullable=False)
    built_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), nullable=False)
    #: the records read: {"commitment": [[id, version], ...], "partnership": [[id, version]], ...}
    sources: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
