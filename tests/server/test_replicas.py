"""Read replicas: with ``STICOOP_DATABASE_REPLICA_URLS`` set, reads are served by a replica and writes by the
primary, and a client that has just written keeps reading from the primary (its own writes stay visible).
The "replica" here is a second database of the same kind holding different rows, so the test sees which one
answered (real replication is the database's business, not sticoop's)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from tests.conftest import _postgres_url, make_user

from sticoop.accounts.models import ApiToken, User
from sticoop.core import replicas
from sticoop.core.database import get_engine, session_scope
from sticoop.core.migrate import upgrade
from sticoop.partners.models import Organization
from sticoop.reference.service import seed_reference


@pytest.fixture
def replica(db_url: str, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'replica.db'}" if db_url.startswith("sqlite") else _postgres_url()
    assert url
    upgrade(url)
    with session_scope(url) as db:
        seed_reference(db)
    yield url
    get_engine(url).dispose()


def _copy_accounts(primary: str, replica: str) -> None:
    """What replication would have brought over: the users and their tokens."""
    for model in (User, ApiToken):
        with get_engine(primary).connect() as source:
            rows = [dict(r._mapping) for r in source.execute(select(model.__table__))]
        with get_engine(replica).begin() as target:
            target.execute(model.__table__.insert(), rows)


def _names(client: TestClient, **headers: str) -> set[str]:
    response = client.get("/api/v1/organizations", headers=headers)
    assert response.status_code == 200, response.text
    return {o["name"] for o in response.json()["items"]}


def test_reads_go_to_a_replica_and_a_writer_reads_its_own_writes(db_url: str, replica: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from sticoop.accounts.service import create_token
    from sticoop.server.app import create_app

    user_id = make_user(db_url, "editor", role="secretariat")
    with session_scope(db_url) as db:
        _token, secret = create_token(db, db.get(User, user_id), "script")
    _copy_accounts(db_url, replica)
    with session_scope(replica) as db:
        db.add(Organization(name="Only on the replica", country_code="VNM"))
    # the replica list is patched where it is read, never through the process-wide settings: a settings cache
    # left holding a replica would send every later test's reads to it
    monkeypatch.setattr(replicas, "replica_urls", lambda: [replica])
    with TestClient(create_app(db_url)) as client:
        client.headers["Authorization"] = f"Bearer {secret}"
        assert _names(client) == {"Only on the replica"}, "a read is served by the replica"
        assert _names(client, **{"X-Sticoop-Read-Primary": "1"}) == set(), "unless the client asks"
        created = client.post("/api/v1/organizations", json={"name": "Written now", "country_code": "BEL"})
        assert created.status_code == 201, created.text
        assert "sticoop_read_primary=" in created.headers["set-cookie"]
        assert _names(client) == {"Written now"}, "after its write, the client reads the primary"
        client.cookies.clear()
        assert _names(client) == {"Only on the replica"}, "others (no cookie) still read the replica"
    with session_scope(replica) as db:
        assert db.scalar(select(Organization).where(Organization.name == "Written now")) is None


def test_without_replicas_nothing_changes(client: TestClient) -> None:
    created = client.post("/api/v1/organizations", json={"name": "Plain", "country_code": "BEL"})
    assert created.status_code == 201
    assert "sticoop_read_primary" not in created.headers.get("set-cookie", "")
