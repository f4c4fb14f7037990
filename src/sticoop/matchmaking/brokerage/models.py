"""Brokerage events (b2match-style techmarts): participants, time slots, tables, meeting requests and outcomes.

A brokerage belongs to an Event of kind tech_transfer_fair. Outcomes are recorded per meeting (follow-up,
MoU signed, contract signed with its value) because fairs are judged by what they produce.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sticoop.core.models import Base, Record

OUTCOMES = ("none", "follow_up", "mou_signed", "contract_signed")


class BrokerageParticipant(Record, Base):
    __tablename__ = "brokerage_participants"
    __table_args__ = (UniqueConstraint("event_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True, nullable=False)
    name: Mapped[str] = mapped_column(String(300), nullable=False)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id", ondelete="SET NULL"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    profile_ids: Mapped[list[int]] = mapped_column(JSON, default=list, nullable=False)
    #: slot ids the participant can attend; empty means every slot
    availability: Mapped[list[int]] = mapped_column(JSON, default=list, nullable=False)


class BrokerageSlot(Base):
    __tablename__ = "brokerage_slots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True, nullable=False)
    starts_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    ends_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class BrokerageTable(Base):
    __tablename__ = "brokerage_tables"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True, nullable=False)
    name: Mapped[str] = mapped_column(String(60), nullable=False)


class MeetingRequest(Record, Base):
    __tablename__ = "meeting_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True, nullable=False)
    requester_id: Mapped[int] = mapped_column(ForeignKey("brokerage_participants.id", ondelete="CASCADE"),
                                              index=True, nullable=False)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("brokerage_participants.id", ondelete="CASCADE"),
                                              index=True, nullable=False)
    message: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="requested", nullable=False, index=True)
    slot_id: Mapped[int | None] = mapped_column(ForeignKey("brokerage_slots.id", ondelete="SET NULL"))
    table_id: Mapped[int | None] = mapped_column(ForeignKey("brokerage_tables.id", ondelete="SET NULL"))
    unplaced_reason: Mapped[str | None] = mapped_column(String(300))
    outcome: Mapped[str] = mapped_column(String(20), default="none", nullable=False)
    contract_value: Mapped[Decimal | None] = mapped_column(Numeric(18, 2))
    currency: Mapped[str | None] = mapped_column(String(3))
    outcome_note: Mapped[str | None] = mapped_column(Text)
