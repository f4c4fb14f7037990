"""The query planner's statistics are refreshed after a migration, on demand and every hour by the worker."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import insert, text

from sticoop.commitments.models import Commitment
from sticoop.core.database import get_engine
from sticoop.core.planner_stats import analyze
from sticoop.jobs.maintenance import ANALYZE_JOB, run_analyze
from sticoop.jobs.registry import job_kind, periodic_jobs
from sticoop.partnerships.models import Partnership


def _rows_the_planner_knows(url: str) -> int:
    """The commitments table's row count as the planner's statistics state it (0 when none are kept)."""
    with get_engine(url).connect() as conn:
        if conn.dialect.name == "sqlite":
            stat = conn.execute(text("SELECT stat FROM sqlite_stat1 WHERE tbl = 'commitments' "
                                     "AND idx = 'ix_commitments_partnership_id_status_due_date'")).scalar()
            return int(stat.split()[0]) if stat else 0
        return int(conn.execute(text("SELECT reltuples FROM pg_class WHERE relname = 'commitments'")).scalar() or 0)


def _fill(url: str, rows: int) -> None:
    with get_engine(url).begin() as conn:
        conn.execute(insert(Partnership), [{"id": 1, "name": "P", "search_text": "p"}])
        conn.execute(insert(Commitment), [{"partnership_id": 1, "text": f"C {i}", "search_text": "",
                                           "status": "planned"} for i in range(rows)])


def test_analyze_states_the_rows_loaded_since(db_url: str) -> None:
    _fill(db_url, 500)
    assert _rows_the_planner_knows(db_url) != 500, "statistics already current: the test would prove nothing"
    ran = analyze(db_url)
    assert ran.startswith("ANALYZE")
    assert _rows_the_planner_knows(db_url) == 500


def test_the_worker_refreshes_them_every_hour(db_url: str) -> None:
    from datetime import UTC, datetime

    from sticoop.jobs.service import JobContext

    assert job_kind(ANALYZE_JOB).handler is run_analyze
    schedule = {p.kind: p.schedule for p in periodic_jobs()}[ANALYZE_JOB]
    assert schedule["minute"].isdigit() and schedule["hour"] == "*", "once an hour, at a fixed minute"
    _fill(db_url, 300)
    context = JobContext(job_id=1, kind=ANALYZE_JOB, params={}, user_id=None, actor="system",
                         now=datetime(2026, 1, 1, tzinfo=UTC), database_url=db_url)
    assert run_analyze(context) is None
    assert _rows_the_planner_knows(db_url) == 300


def test_db_analyze_and_db_upgrade_refresh_them(tmp_path: Path) -> None:
    env = {**os.environ, "STICOOP_DATA_DIR": str(tmp_path)}
    env.pop("STICOOP_DATABASE_URL", None)
    command = [sys.executable, "-m", "sticoop.cli", "db"]
    assert subprocess.run([*command, "upgrade"], env=env, capture_output=True, timeout=300).returncode == 0
    url = f"sqlite:///{tmp_path / 'sticoop.db'}"
    _fill(url, 200)
    done = subprocess.run([*command, "analyze"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "planner statistics refreshed" in done.stdout, done.stderr
    assert _rows_the_planner_knows(url) == 200
