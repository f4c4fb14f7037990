"""Timestamps keep their instant whatever zone they come in: every ``DateTime(timezone=True)`` column of every
table is written in UTC (SQLite would otherwise keep the wall-clock text and drop the offset: 17:00 in Hanoi read
back as 17:00 UTC) and read back zoned."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import DateTime, select
from sqlalchemy.orm import Session

from sticoop.core.models import Base


def zoned_columns() -> list[tuple[type, str]]:
    out = []
    for mapper in Base.registry.mappers:
        for prop in mapper.column_attrs:
            if any(isinstance(c.type, DateTime) and c.type.timezone for c in prop.columns):
                out.append((mapper.class_, prop.key))
    return out


def test_every_zoned_column_is_normalised_to_utc_before_it_is_written(db: Session) -> None:
    from sticoop.core.models import _zoned_to_utc

    columns = zoned_columns()
    assert len(columns) >= 10, "the walk needs the app's timestamp columns"
    hanoi = timezone(timedelta(hours=7))
    moment = datetime(2026, 9, 30, 17, 0, tzinfo=hanoi)
    assert any(model.__tablename__ == "calls" for model, _key in columns)
    from sticoop.calls.models import Call

    call = Call(title="Deadline test", currency="EUR", timezone="Asia/Ho_Chi_Minh", closes_at=moment,
                opens_at=moment)
    db.add(call)
    _zoned_to_utc(db, None, None)
    assert call.closes_at.tzinfo == UTC and call.closes_at == moment
    db.flush()
    db.expire_all()
    again = db.scalar(select(Call).where(Call.title == "Deadline test"))
    assert again is not None and again.closes_at == moment and again.closes_at.astimezone(hanoi).hour == 17
