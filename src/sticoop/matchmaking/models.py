"""Technology profiles (offers, requests, R&D cooperation, business offers) and their stored embeddings."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint, and_, or_
from sqlalchemy.orm import Mapped, mapped_column

from sticoop.core.models import Base, Record, Searchable

#: allowed status moves: a profile is drafted, published, and ends expired (renewable) or withdrawn
PROFILE_TRANSITIONS: dict[str, frozenset[str]] = {
    "draft": frozenset({"published", "withdrawn"}),
    "published": frozenset({"expired", "withdrawn", "draft"}),
    "expired": frozenset({"published", "withdrawn"}),
    "withdrawn": frozenset(),
}


def profile_expired_since(status: str, valid_until: date | None, today: date) -> date | None:
    """``valid_until`` when a published profile has passed it (it is then expired, and never matched)."""
    if status == "published" and valid_until is not None and valid_until < today:
        return valid_until
    return None


def profile_effective_status(status: str, valid_until: date | None, today: date) -> str:
    """The status as read today: ``expired`` for a published profile past its ``valid_until``."""
    return "expired" if profile_expired_since(status, valid_until, today) else status


def profile_expired_clause(today: date) -> Any:
    """Published profiles past ``valid_until`` (SQL twin of :func:`profile_expired_since`; indexed)."""
    return and_(TechProfile.status == "published", TechProfile.valid_until < today)


def matchable_clause(today: date) -> Any:
    """Profiles that may be offered as matches: published and still valid today."""
    return and_(TechProfile.status == "published",
                or_(TechProfile.valid_until.is_(None), TechProfile.valid_until >= today))


def profile_status_clause(statuses: list[str], today: date) -> Any:
    """``status=published`` lists the still-valid ones, ``status=expired`` adds those past ``valid_until``."""
    clauses = []
    for status in statuses:
        if status == "published":
            clauses.append(matchable_clause(today))
        elif status == "expired":
            clauses.append(or_(TechProfile.status == "expired", profile_expired_clause(today)))
        else:
            clauses.append(TechProfile.status == status)
    return or_(*clauses)


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

    @property
    def expired_since(self) -> date | None:
        """``valid_until`` once a published profile has passed it (as of ``clock.today()``)."""
        from sticoop.core import clock

        return profile_expired_since(self.status, self.valid_until, clock.today())

    @property
    def effective_status(self) -> str:
        from sticoop.core import clock

        return profile_effective_status(self.status, self.valid_until, clock.today())


class ProfileEmbedding(Base):
    """One vector per profile version and embedder, computed once and reused by every match query."""

    __tablename__ = "profile_embeddings"
    # derived from the profile's text, not a reference to it: it goes with the profile (see RecordService.dependents)
    # (embedder, fingerprint): the vector already computed for a text is found by the text's hash (reuse on import)
    __table_args__ = (UniqueConstraint("profile_id", "embedder"),
                      Index("ix_profile_embeddings_embedder_fingerprint", "embedder", "fingerprint"),
                      {"info": {"derived": True}})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("tech_profiles.id", ondelete="CASCADE"), index=True)
    embedder: Mapped[str] = mapped_column(String(100), nullable=False)
    fingerprint: Mapped[str] = mapped_column(String(64), nullable=False)
    vector: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
