"""Reference tables: countries and the field taxonomy, seeded from libraries, never typed by users."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from sticoop.core.models import Base


class Country(Base):
    __tablename__ = "countries"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)  # ISO 3166-1 alpha-3
    alpha2: Mapped[str] = mapped_column(String(2), nullable=False, unique=True)
    name_en: Mapped[str] = mapped_column(String(200), nullable=False)
    name_fr: Mapped[str | None] = mapped_column(String(200))
    name_vi: Mapped[str | None] = mapped_column(String(200))
    name_lo: Mapped[str | None] = mapped_column(String(200))

    def name_in(self, locale: str) -> str:
        return getattr(self, f"name_{locale.split('_')[0]}", None) or self.name_en


class Field(Base):
    __tablename__ = "fields"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    ford_code: Mapped[str | None] = mapped_column(String(8))
    ford_name: Mapped[str | None] = mapped_column(String(200))
