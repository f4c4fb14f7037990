"""Per-user calendar subscription tokens, reminder rules and the record of reminders sent."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sticoop.core.models import Base, utcnow


class CalendarToken(Base):
    """The secret of one user's subscription URL to one feed. Only its SHA-256 is stored: the URL is shown
    once, when made or renewed. A token opens its own feed only — never another feed nor the API."""

    __tablename__ = "calendar_tokens"
    __table_args__ = (Index("ix_calendar_tokens_user_feed", "user_id", "feed"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    feed: Mapped[str] = mapped_column(String(40), nullable=False)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    prefix: Mapped[str] = mapped_column(String(16), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ReminderSettings(Base):
    """A user's reminder rules: days before each kind of date, the weekly overdue digest and the language.
    A user without a row has the defaults (:data:`sticoop.calendar.reminders.DEFAULT_DAYS`)."""

    __tablename__ = "reminder_settings"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True,
                                         autoincrement=False)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    language: Mapped[str] = mapped_column(String(8), default="en", nullable=False)
    #: {"commitment": [30, 7, 1], "agreement": [...], "session": [...]}: days before the date
    days_before: Mapped[dict[str, list[int]]] = mapped_column(JSON, nullable=False)
    weekly_digest: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow,
                                                 nullable=False)


class ReminderDelivery(Base):
    """One reminder decided for one user: written in the transaction that decides it, so each is sent once
    (the unique key refuses a second decision, from a second run or a concurrent one)."""

    __tablename__ = "reminder_deliveries"
    __table_args__ = (UniqueConstraint("user_id", "item_uid", "offset_days"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    #: the calendar UID of the item ("commitment-due-12@sticoop"), or "digest-2026-W24@sticoop"
    item_uid: Mapped[str] = mapped_column(String(200), nullable=False)
    #: the rule that fired (days before the date); 0 for a digest
    offset_days: Mapped[int] = mapped_column(Integer, nullable=False)
    item_date: Mapped[str | None] = mapped_column(String(10))
    recipient: Mapped[str] = mapped_column(String(200), nullable=False)
    subject: Mapped[str] = mapped_column(String(300), nullable=False)
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, index=True)
    message_id: Mapped[str | None] = mapped_column(Text)
