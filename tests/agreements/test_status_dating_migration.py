"""Migration 0012 on both databases: initial statuses dated at typing time after a later change of the same
agreement get the agreement's own date for that status, or none; the others keep theirs."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from tests.conftest import _postgres_url

from sticoop.core.migrate import upgrade


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migration_redates_initial_statuses_typed_after_later_changes(backend: str, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}" if backend == "sqlite" else _postgres_url()
    if url is None:
        pytest.skip("PostgreSQL not configured (set STICOOP_TEST_PG_URL)")
    upgrade(url, "0008")
    engine = create_engine(url)
    columns = ("created_at, updated_at, created_by, updated_by, version, search_text, confidential, kind")
    values = "'2026-01-01', '2026-01-01', 't', 't', 1, '', false, 'mou'"
    with engine.begin() as conn:
        for aid, status, signed in ((1, "in_force", "'2019-05-01'"), (2, "negotiating", "NULL"),
                                    (3, "signed", "'2018-01-01'")):
            conn.execute(text(f"INSERT INTO agreements (id, title, status, signed_date, in_force_date, {columns}) "
                              f"VALUES ({aid}, 'A{aid}', '{status}', {signed}, '2019-07-01', {values})"))
        changes = [  # id, agreement, from, to, date: 1 and 3 were typed after their later moves; 5 is fine
            (1, 1, None, "signed", "2026-01-01"), (2, 1, "signed", "in_force", "2019-07-01"),
            (3, 2, None, "planned", "2026-01-01"), (4, 2, "planned", "negotiating", "2024-05-28"),
            (5, 3, None, "signed", "2018-01-01")]
        for cid, aid, frm, to, day in changes:
            conn.execute(text("INSERT INTO agreement_status_changes (id, agreement_id, from_status, to_status, date) "
                              "VALUES (:i, :a, :f, :t, :d)"), {"i": cid, "a": aid, "f": frm, "t": to, "d": day})
    upgrade(url)
    with engine.connect() as conn:
        dates = dict(conn.execute(text("SELECT id, date FROM agreement_status_changes ORDER BY id")).all())
    engine.dispose()
    assert {k: (str(v) if v else None) for k, v in dates.items()} == {
        1: "2019-05-01", 2: "2019-07-01", 3: None, 4: "2024-05-28", 5: "2018-01-01"}
