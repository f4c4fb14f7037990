"""Migrations 0020_search and 0023_search_vectors on a database that already holds records: every one indexed,
with its scope and its vector, and found by the search (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
from sqlalchemy import MetaData, Table, select
from tests.core.test_migration_natural_keys import fresh_url  # noqa: F401  (the fixture)

from sticoop.core.database import get_engine, session_scope
from sticoop.core.migrate import upgrade
from sticoop.reference.service import seed_reference
from sticoop.search import vectors
from sticoop.search.models import SearchEntry
from sticoop.search.service import parse_kinds, search, viewer


def test_0020_indexes_existing_records(fresh_url: str) -> None:  # noqa: F811
    upgrade(fresh_url, "0019_briefing")
    with session_scope(fresh_url) as session:
        seed_reference(session)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    meta = {"created_at": now, "updated_at": now, "created_by": "old", "updated_by": "old", "version": 1}
    engine = get_engine(fresh_url)
    with engine.begin() as conn:
        tables = MetaData()
        table = {name: Table(name, tables, autoload_with=conn)
                 for name in ("organizations", "partnerships", "committees", "sessions")}
        conn.execute(table["organizations"].insert(), [{"id": 1, "name": "Bộ Khoa học và Công nghệ",
                                                        "type": "ministry", "aliases": [], "search_text": "", **meta}])
        conn.execute(table["partnerships"].insert(), [{"id": 7, "name": "Belgium–Vietnam", "status": "active",
                                                       "search_text": "", "confidential": False, **meta}])
        conn.execute(table["committees"].insert(), [{"id": 3, "partnership_id": 7, "name": "Joint Committee",
                                                     "search_text": "", "confidential": True, **meta}])
        conn.execute(table["sessions"].insert(), [{"id": 5, "committee_id": 3, "number": 1, "city": "Đà Nẵng",
                                                   "search_text": "", "confidential": False, **meta}])
    upgrade(fresh_url)
    with session_scope(fresh_url) as db:
        entries = {(e.kind, e.record_id): (e.partnership_id, e.confidential)
                   for e in db.scalars(select(SearchEntry))}
        assert entries == {("organization", 1): (None, False), ("partnership", 7): (7, False),
                           ("committee", 3): (7, True), ("session", 5): (7, True)}
        # 0023_search_vectors: every entry's vector, of its own text
        for entry in db.scalars(select(SearchEntry)):
            assert entry.embedder == vectors.embedder().name
            expected = vectors.embedder().embed([vectors.entry_text(entry.title, entry.body)])[0]
            assert np.allclose(np.frombuffer(entry.embedding or b"", dtype="<f4"), expected, atol=1e-5)
        results = search(db, viewer(db), "da nang", parse_kinds(None), None, 10)
        assert [h.id for h in results.groups["session"]] == [5]
        assert search(db, viewer(db), "bo khoa hoc", ["organization"], None, 10).groups["organization"][0].id == 1
    engine.dispose()


def test_0033_adds_the_word_list_and_the_scoped_index_and_takes_them_back(fresh_url: str) -> None:  # noqa: F811
    from alembic import command
    from sqlalchemy import text

    from sticoop.core.migrate import alembic_config

    engine = get_engine(fresh_url)

    def present() -> int:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                return int(conn.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 'search_fts_words'"))
                           .scalar_one())
            return int(conn.execute(text("SELECT count(*) FROM pg_indexes WHERE indexname IN "
                                         "('ix_search_entries_scoped_fts')")).scalar_one())

    upgrade(fresh_url)
    assert present() == 1
    command.downgrade(alembic_config(fresh_url), "0032_search_1m")
    assert present() == 0
    upgrade(fresh_url)
    assert present() == 1
