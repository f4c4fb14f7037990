"""Migration 0011 on a database that already holds records: keys built, search_text refolded (SQLite and
PostgreSQL)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import MetaData, Table, create_engine, select, text
from sqlalchemy.engine import make_url

from sticoop.core.database import get_engine, session_scope
from sticoop.core.migrate import upgrade
from sticoop.reference.service import seed_reference


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'm.db'}"
        return
    base = os.environ.get("STICOOP_TEST_PG_URL")
    if not base:
        pytest.skip("PostgreSQL not configured (set STICOOP_TEST_PG_URL)")
    name = f"sticoop_mig_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    yield url
    get_engine(url).dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


def test_0011_builds_keys_and_refolds_existing_rows(fresh_url: str) -> None:
    upgrade(fresh_url, "0008")
    with session_scope(fresh_url) as db:
        seed_reference(db)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    meta = {"created_at": now, "updated_at": now, "created_by": "old", "updated_by": "old", "version": 1}
    engine = get_engine(fresh_url)
    with engine.begin() as conn:
        tables = MetaData()
        orgs = Table("organizations", tables, autoload_with=conn)
        partnerships = Table("partnerships", tables, autoload_with=conn)
        links = Table("partnership_countries", tables, autoload_with=conn)
        conn.execute(orgs.insert(), [{"id": 1, "name": "Œuvre d’Orient", "aliases": ["Bộ KH–CN"], "type": "other",
                                      "search_text": "œuvre d’orient bo kh–cn", **meta}])
        conn.execute(partnerships.insert(), [{"id": 1, "name": "Belgium–Vietnam", "status": "active",
                                              "search_text": "belgium–vietnam", "confidential": False, **meta}])
        conn.execute(links.insert(), [{"partnership_id": 1, "country_code": "BEL"},
                                      {"partnership_id": 1, "country_code": "VNM"}])
    upgrade(fresh_url)
    with engine.connect() as conn:
        tables = MetaData()
        keys = Table("natural_keys", tables, autoload_with=conn)
        orgs = Table("organizations", tables, autoload_with=conn)
        found = set(conn.execute(select(keys.c.entity, keys.c.key, keys.c.record_id)).all())
        assert ("organization", "name:oeuvre d'orient", 1) in found
        assert ("organization", "name:bo kh-cn", 1) in found
        assert ("partnership", "countries:bel,vnm:belgium-vietnam", 1) in found
        assert conn.scalar(select(orgs.c.search_text)) == "oeuvre d'orient bo kh-cn"
    engine.dispose()
