"""Technology profiles (offers, requests, R&D cooperation, business offers) and their stored embeddings."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sticoop.core.models import Base, Record, Searchable

#: allowed status moves: a profile is drafted, published, and ends expired (renewable) or withdrawn
PROFILE_TRANSITIONS: dict[str, frozenset[str]] = {
    "draft": frozenset({"published", "withdrawn"}),
    "published": frozenset({"expired", "withdrawn", "draft"}),
    "expired": frozenset({"published", "withdrawn"}),
    "withdrawn": frozenset(),
}


class TechProfile(Record, Searchable, Base):
    __tablename__ = "tech_profiles"
    search_fields = ("title", "summary", "keywords")

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), nullable=False, index=True)
    status: Mapped[str] = mapped_column(String(20), default="draft", nullable=False, index=True)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    summary: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8), index=True)
    fields: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    trl: Mapped[int | None] = mapped_column(Integer)
    ipr_status: Mapped[str | None] = mapped_column(String(30))
    partner_sought_types: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    partner_sought_role: Mapped[str | None] = mapped_column(String(200))
    partner_sought_countries: Mapped[list[str]] = mapped_column(JSON, default=list, nullable=False)
    owner_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    owner_country_code: Mapped[str | None] = mapped_column(ForeignKey("countries.code"), index=True)
    contact_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date, index=True)


class ProfileEmbedding(Base):
    """One vector per profile version and embedder, computed once and reused by every match query."""

    __tablename__ = "profile_embeddings"
    # derived from the profile's text, not a reference to it: it goes with the profile (see RecordService.dependents)
    __table_args__ = (UniqueConstraint("profile_id", "embedder"), {"info": {"derived": True}})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("tech_profiles.id", ondelete="CASCADE"), index=True)
    embedder: Mapped[str] = mapped_column(String(100), nullable=False)
    fingerprint: Mapped[str] = mapped_column(String(64), nullable=False)
    vector: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
