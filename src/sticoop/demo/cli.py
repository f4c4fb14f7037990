"""`sticoop demo load`: the bundled demo data."""

from __future__ import annotations

import typer
from sqlalchemy.orm import Session

from sticoop.core.cli import cli_errors
from sticoop.core.database import session_scope

demo_app = typer.Typer(help="Bundled demo data.", no_args_is_help=True)


@demo_app.command("load")
@cli_errors
def load(if_empty: bool = typer.Option(False, "--if-empty", help="Do nothing when records already exist.")) -> None:
    """Load the Belgium–Vietnam, Vietnam–Luxembourg and Vietnam–Laos demo partnerships (one transaction)."""
    from sticoop.demo.data import demo_loaded, load_demo

    with session_scope() as db:
        if demo_loaded(db):
            if if_empty:
                typer.echo("demo data: the database already holds records; nothing loaded")
                return
            raise ValueError("the database already holds partnerships; load the demo into an empty database")
        load_demo(db)
        admin_password = _demo_admin(db)
    typer.echo("demo data loaded: 3 partnerships, 2 committees, 4 sessions, 8 technology profiles "
               "(records marked 'demo')")
    if admin_password:
        typer.echo(f"demo admin account: username 'admin', password '{admin_password}' (change it: "
                   "sticoop user reset-password admin)")


def _demo_admin(db: Session) -> str | None:
    """The first load creates an admin with a random password, printed once; never a fixed default."""
    import secrets

    from sqlalchemy import func, select

    from sticoop.accounts.models import User
    from sticoop.accounts.service import create_user

    if db.scalar(select(func.count()).select_from(User)):
        return None
    password = secrets.token_urlsafe(12)
    create_user(db, "admin", password, role="admin", full_name="Demo administrator")
    return password


def register(app: typer.Typer) -> None:
    app.add_typer(demo_app, name="demo")
