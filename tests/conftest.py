"""Test fixtures: real databases, migrated with Alembic — SQLite always, PostgreSQL when configured.

Every test that uses ``database_url`` runs once per backend. Set ``STICOOP_TEST_PG_URL`` to a PostgreSQL
server URL (CI does); with ``STICOOP_REQUIRE_PG=1`` a missing server is an error, not a skip.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

_DATA_DIR = Path(tempfile.mkdtemp(prefix="sticoop-test-data-"))
os.environ["STICOOP_DATA_DIR"] = str(_DATA_DIR)
os.environ.pop("STICOOP_DATABASE_URL", None)

import pytest  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import create_engine, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from sticoop.composition import bootstrap  # noqa: E402
from sticoop.core import clock  # noqa: E402
from sticoop.core.database import get_engine, new_session, session_scope  # noqa: E402
from sticoop.core.migrate import upgrade  # noqa: E402
from sticoop.core.models import Base  # noqa: E402
from sticoop.reference.service import seed_reference  # noqa: E402

bootstrap()
REPO_ROOT = Path(__file__).resolve().parents[1]
REFERENCE_TABLES = {"countries", "fields", "alembic_version"}

#: the day every test runs on, whatever the real date: no test reads the real clock (tests/test_clock.py)
TEST_TODAY = date(2026, 6, 15)


@pytest.fixture(autouse=True)
def pinned_today() -> Iterator[date]:
    """Pin ``sticoop.core.clock.today()`` to ``TEST_TODAY`` for every test; a test that needs another day
    uses ``with clock.pinned(day):`` (or ``clock.pin``, undone here after the test)."""
    clock.pin(TEST_TODAY)
    try:
        yield TEST_TODAY
    finally:
        clock.pin(None)


def _postgres_url() -> str | None:
    base = os.environ.get("STICOOP_TEST_PG_URL")
    if not base:
        if os.environ.get("STICOOP_REQUIRE_PG") == "1":
            pytest.fail("STICOOP_REQUIRE_PG=1 but STICOOP_TEST_PG_URL is not set")
        return None
    name = f"sticoop_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(base).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    else:
        url = _postgres_url()
        if url is None:
            pytest.skip("PostgreSQL not configured (set STICOOP_TEST_PG_URL)")
    upgrade(url)
    with session_scope(url) as db:
        seed_reference(db)
    yield url
    get_engine(url).dispose()


def _wipe(url: str) -> None:
    engine = get_engine(url)
    tables = [t for t in reversed(Base.metadata.sorted_tables) if t.name not in REFERENCE_TABLES]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(table.delete())


@pytest.fixture
def db_url(database_url: str) -> Iterator[str]:
    """A migrated database, empty of user records at the start of each test."""
    _wipe(database_url)
    yield database_url


@pytest.fixture
def db(db_url: str) -> Iterator[Session]:
    db = new_session(db_url)
    try:
        yield db
    finally:
        db.rollback()
        db.close()


TEST_PASSWORD = "test password 1234"


@functools.cache
def _test_password_hash() -> str:
    """argon2 is slow on purpose; hash the test password once per run, not once per test."""
    from argon2 import PasswordHasher

    return PasswordHasher().hash(TEST_PASSWORD)


def make_user(db_url: str, username: str, role: str = "admin", partnership_ids: Iterable[int] = (),
              organization_id: int | None = None) -> int:
    """A user straight in the database (the sign-in flow itself is tested over HTTP in tests/accounts)."""
    from sticoop.accounts.models import User, user_partnerships

    with session_scope(db_url) as db:
        user = User(username=username, password_hash=_test_password_hash(), role=role,
                    organization_id=organization_id)
        db.add(user)
        db.flush()
        for pid in partnership_ids:
            db.execute(user_partnerships.insert().values(user_id=user.id, partnership_id=pid))
        return user.id


def signed_in(test_client: TestClient, db_url: str, user_id: int) -> TestClient:
    """Give a test client a live browser session of the user: its cookie, and the CSRF header that the
    pages' script sends with every form and HTMX request."""
    from sticoop.accounts.models import LoginSession, User
    from sticoop.accounts.sessions import SESSION_COOKIE, start_session

    with session_scope(db_url) as db:
        secret = start_session(db, db.get(User, user_id))
        csrf = db.scalar(select(LoginSession.csrf_token).order_by(LoginSession.id.desc()).limit(1))
    test_client.cookies.set(SESSION_COOKIE, secret)
    test_client.headers["X-CSRF-Token"] = csrf
    return test_client


@pytest.fixture
def anon_client(db_url: str) -> Iterator[TestClient]:
    """A client that has not signed in."""
    from sticoop.server.app import create_app

    with TestClient(create_app(db_url), follow_redirects=False) as test_client:
        yield test_client


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    """A client signed in as an administrator (every route open, every record visible)."""
    from sticoop.server.app import create_app

    with TestClient(create_app(db_url)) as test_client:
        yield signed_in(test_client, db_url, make_user(db_url, "admin", "admin"))


@pytest.fixture
def client_as(db_url: str) -> Iterator[Callable[..., TestClient]]:
    """Make clients signed in with a given role: ``client_as("viewer", partnership_ids=[1])``."""
    from sticoop.server.app import create_app

    app = create_app(db_url)
    opened: list[TestClient] = []

    def make(role: str, partnership_ids: Iterable[int] = (), organization_id: int | None = None,
             username: str | None = None) -> TestClient:
        test_client = TestClient(app, follow_redirects=False)
        opened.append(test_client)
        name = username or f"{role}{len(opened)}"
        return signed_in(test_client, db_url, make_user(db_url, name, role, partnership_ids, organization_id))

    yield make
    for test_client in opened:
        test_client.close()


@pytest.fixture
def wipe(db_url: str):  # type: ignore[no-untyped-def]
    """Call to empty the test database of user records again, mid-test."""
    return lambda: _wipe(db_url)


@pytest.fixture
def fresh_search_vectors() -> Iterator[None]:
    """Each test's database starts empty: no process matrix nor graph of an earlier test's search entries is
    kept (``sticoop.search.vectors``), before and after the test."""
    from sticoop.core.config import get_settings
    from sticoop.search import vectors

    vectors.reset()
    yield
    vectors.reset()
    shutil.rmtree(get_settings().data_dir / "search", ignore_errors=True)
