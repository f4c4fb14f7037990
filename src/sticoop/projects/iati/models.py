"""The field → DAC 5 sector mapping an admin may change (defaults in :mod:`sticoop.projects.iati.sectors`)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from sticoop.core.models import Base


class IatiSector(Base):
    """One admin's choice of DAC 5-digit purpose code (IATI sector vocabulary 1) for a sticoop field; a field
    without a row takes its default (``sectors.DEFAULT_DAC``)."""

    __tablename__ = "iati_sectors"

    field_key: Mapped[str] = mapped_column(ForeignKey("fields.key", ondelete="CASCADE"), primary_key=True)
    dac_code: Mapped[str] = mapped_column(String(5), nullable=False)
