"""Engine and session handling. One engine per URL; every write happens inside one transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from sticoop.core import registry
from sticoop.core.config import get_settings

#: how long a SQLite connection waits for another one's write to finish before "database is locked" (ms).
#: With WAL, readers never wait for a writer; writers (a sign-in, a token's first use in a minute) queue behind
#: one, such as a profile import's write phase, instead of failing.
SQLITE_BUSY_TIMEOUT_MS = 60_000


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """Every new SQLite connection: foreign keys enforced, write-ahead log (reads go on during a write), and
    a busy timeout. PostgreSQL connections never see this listener."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _pool_settings(settings: Any) -> dict[str, Any]:
    """The connection pool of each worker process, from settings (``STICOOP_DB_POOL_SIZE``...)."""
    return {"pool_size": settings.db_pool_size, "max_overflow": settings.db_max_overflow,
            "pool_timeout": settings.db_pool_timeout}


def get_engine(url: str | None = None) -> Engine:
    """The engine of ``url`` (default: the settings' database), one per URL. The default is resolved on every
    call, never cached under ``None``: a process whose settings change (tests, the CLI run in-process) must
    not keep the engine of the database it first saw."""
    return _engine_for(url or get_settings().effective_database_url)


@cache
def _engine_for(url: str) -> Engine:
    parsed = make_url(url)
    kwargs: dict[str, Any] = {"echo": get_settings().echo_sql, "future": True}
    settings = get_settings()
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            kwargs.update(_pool_settings(settings))
        kwargs["connect_args"] = {"check_same_thread": False}
    else:
        kwargs["pool_pre_ping"] = True
        kwargs.update(_pool_settings(settings))
    engine = create_engine(url, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


@cache
def _session_factory(url: str) -> sessionmaker[Session]:
    registry.require_bootstrapped()  # every table and session hook is in place before the first session

    return sessionmaker(bind=get_engine(url), expire_on_commit=False)


def new_session(url: str | None = None) -> Session:
    return _session_factory(url or get_settings().effective_database_url)()


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session whose work is committed as one transaction, or rolled back entirely on any error."""
    db = new_session(url)
    try:
        yield db
        db.commit()
    except BaseException:
        db.rollback()
        raise
    finally:
        db.close()
