""""Last used" stamps written off the request path: no write on a read.

Signing in with a token or a session cookie notes the moment (:func:`note`) in this process's memory instead of
updating the row inside the request's transaction (a write lock on SQLite, one hot row every client of a token
waits on under PostgreSQL). The notes are written in batches, in a short transaction of their own on a
connection of their own, at most once per :data:`FLUSH_EVERY` per database (by a background thread, started when
a note finds the last flush older than that), with a conditional ``UPDATE … WHERE stamp IS NULL OR stamp < now``
so a later stamp is never overwritten by an earlier one. A stamp may thus lag by up to a minute, and one noted
just before the process stops may be lost — "last used" is a hint for people, not an audit record (sign-ins
and token creation are audited separately).
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, Table, or_, update
from sqlalchemy.orm import Session

#: at most one batch write per database per this interval
FLUSH_EVERY = timedelta(minutes=1)

_lock = threading.Lock()
#: held while a batch is taken and written, so an explicit flush returns only once a background one is done
_writing = threading.Lock()
#: engine -> {(table name, row id, column): (table, latest moment noted)}
_pending: dict[Engine, dict[tuple[str, int, str], tuple[Table, datetime]]] = {}
_last_flush: dict[Engine, datetime] = {}


def note(db: Session, table: Table, row_id: int, column: str, now: datetime) -> None:
    """Note that row ``row_id`` of ``table`` was used at ``now`` (aware, UTC); written later by :func:`flush`,
    in the background once the last flush of that database is older than :data:`FLUSH_EVERY`."""
    engine = db.info.get("primary_engine") or db.get_bind()  # a replica's session writes to its primary
    if not isinstance(engine, Engine):
        engine = engine.engine
    key = (table.name, row_id, column)
    with _lock:
        pending = _pending.setdefault(engine, {})
        known = pending.get(key)
        if known is None or known[1] < now:
            pending[key] = (table, now)
        due = now - _last_flush.get(engine, datetime.min.replace(tzinfo=now.tzinfo)) >= FLUSH_EVERY
        if due:
            _last_flush[engine] = now
    if due:
        threading.Thread(target=flush, args=(engine,), name="sticoop-touch", daemon=True).start()


def flush(engine: Engine | None = None) -> int:
    """Write the pending stamps (of ``engine``, or of every database) now; returns how many rows were
    updated. Errors are left to the next flush (the notes are put back), never raised to a request."""
    with _writing:
        return _flush(engine)


def _flush(engine: Engine | None) -> int:
    with _lock:
        engines = [engine] if engine is not None else list(_pending)
        batches = {e: _pending.pop(e, {}) for e in engines}
    written = 0
    for target, batch in batches.items():
        if not batch:
            continue
        try:
            with target.begin() as connection:
                for (_name, row_id, column), (table, moment) in batch.items():
                    stamp = table.c[column]
                    result = connection.execute(update(table).where(table.c.id == row_id, or_(
                        stamp.is_(None), stamp < moment)).values({column: moment}))
                    written += result.rowcount or 0
        except Exception:  # noqa: BLE001 - a busy or unreachable database: keep the notes for the next flush
            with _lock:
                pending = _pending.setdefault(target, {})
                for key, value in batch.items():
                    pending.setdefault(key, value)
    return written


def pending_count() -> int:
    """How many stamps wait to be written (all databases)."""
    with _lock:
        return sum(len(batch) for batch in _pending.values())


def forget(engine: Any | None = None) -> None:
    """Drop the pending notes and flush times (of ``engine`` or all): for tests that start afresh."""
    with _lock:
        if engine is None:
            _pending.clear()
            _last_flush.clear()
        else:
            _pending.pop(engine, None)
            _last_flush.pop(engine, None)
