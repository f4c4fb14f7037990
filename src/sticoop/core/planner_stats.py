"""Planner statistics: the row counts and value spreads the database's query planner chooses indexes by.

Without them SQLite guesses: at a million commitments a viewer's search walked the partnership index into
the table row by row (686 ms) where a scan stops early (17 ms once analysed). SQLite keeps statistics only when
told (``ANALYZE``; ``PRAGMA optimize`` refreshes the tables whose size changed a lot, per the SQLite
documentation "The Query Optimizer Overview" §9 and "PRAGMA optimize"); PostgreSQL's autovacuum analyses by
itself, and an explicit ``ANALYZE`` after a migration or a bulk load helps it too.

When they are refreshed: ``sticoop db upgrade`` (after the migration and the reference data), ``sticoop db
analyze`` (after a bulk load), and every hour in ``sticoop worker`` (the ``database.analyze`` job).
"""

from __future__ import annotations

from sqlalchemy import text

from sticoop.core.database import get_engine


def analyze(url: str | None = None) -> str:
    """Refresh the planner statistics of the database at ``url`` (default: the configured one) in a
    transaction of its own. Returns what was run (``"ANALYZE"``, plus ``"PRAGMA optimize"`` on SQLite).
    Takes about half a second per million rows on SQLite; PostgreSQL samples a fixed number of rows per table."""
    engine = get_engine(url)
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))
        if engine.dialect.name == "sqlite":
            conn.execute(text("PRAGMA optimize"))
            return "ANALYZE; PRAGMA optimize"
    return "ANALYZE"
