"""`sticoop db ...`: schema migrations and reference data."""

from __future__ import annotations

import typer

from sticoop.core.cli import cli_errors
from sticoop.core.config import get_settings
from sticoop.core.database import session_scope
from sticoop.core.migrate import upgrade
from sticoop.core.planner_stats import analyze

db_app = typer.Typer(help="Database schema and reference data.", no_args_is_help=True)


@db_app.command("upgrade")
@cli_errors
def db_upgrade() -> None:
    """Create or migrate the database to the latest schema and refresh countries and fields."""
    from sticoop.reference.service import seed_reference

    settings = get_settings()
    upgrade()
    with session_scope() as db:
        countries, fields = seed_reference(db)
    analyze()
    typer.echo(f"database ready: {_safe_url(settings.effective_database_url)} "
               f"({countries} countries, {fields} fields)")


@db_app.command("analyze")
@cli_errors
def db_analyze() -> None:
    """Refresh the query planner's statistics (after a bulk load; `sticoop worker` also does it every hour)."""
    ran = analyze()
    typer.echo(f"planner statistics refreshed: {ran}")


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
