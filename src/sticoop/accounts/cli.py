"""`sticoop user ...` and `sticoop audit export`."""

from __future__ import annotations

import json
import secrets
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import select

from sticoop.core.cli import cli_errors
from sticoop.core.database import new_session, session_scope
from sticoop.core.spreadsheet import CsvWriter

user_app = typer.Typer(help="User accounts.", no_args_is_help=True)
audit_app = typer.Typer(help="The audit trail.", no_args_is_help=True)
token_app = typer.Typer(help="API tokens for scripts (hashed, expiring, revocable; as on the account page).",
                        no_args_is_help=True)


def _new_password() -> str:
    return secrets.token_urlsafe(12)


@user_app.command("create")
@cli_errors
def create(
    username: str,
    role: str = typer.Option("viewer", help="admin, secretariat, member or viewer."),
    password: str = typer.Option(None, help="Initial password; a random one is generated and printed if omitted."),
    full_name: str = typer.Option(None, "--name"),
    email: str = typer.Option(None),
    partnership: list[int] = typer.Option(None, "--partnership", help="Partnership id to assign (repeatable)."),
    organization: int = typer.Option(None, "--organization", help="Organisation id (members edit its commitments)."),
) -> None:
    """Create a user."""
    from sticoop.accounts.service import create_user

    secret = password or _new_password()
    with session_scope() as db:
        user = create_user(db, username, secret, role, full_name, email, partnership or [], organization,
                           actor="cli")
        typer.echo(f"created {user.role} '{user.username}'" + ("" if password else f" with password: {secret}"))


@user_app.command("list")
@cli_errors
def list_() -> None:
    """List users, their role and partnerships."""
    from sticoop.accounts.service import list_users

    db = new_session()
    try:
        table = Table("username", "role", "active", "partnerships", "last login")
        for user in list_users(db):
            table.add_row(user.username, user.role, "yes" if user.is_active else "no",
                          ", ".join(p.name for p in user.partnerships) or "—",
                          f"{user.last_login:%Y-%m-%d %H:%M}" if user.last_login else "never")
        Console().print(table)
    finally:
        db.close()


@user_app.command("disable")
@cli_errors
def disable(username: str) -> None:
    """Disable a user and revoke their tokens."""
    from sticoop.accounts.service import disable_user, get_user

    with session_scope() as db:
        disable_user(db, get_user(db, username), actor="cli")
    typer.echo(f"disabled '{username}' and revoked their tokens")


@user_app.command("reset-password")
@cli_errors
def reset_password(username: str, password: str = typer.Option(None, help="New password; random if omitted.")) -> None:
    """Set a new password (and lift any lockout)."""
    from sticoop.accounts.service import get_user, set_password

    secret = password or _new_password()
    with session_scope() as db:
        set_password(db, get_user(db, username), secret, revoke_tokens=True, actor="cli")
    typer.echo(f"password of '{username}' reset" + ("" if password else f" to: {secret}"))


@audit_app.command("export")
@cli_errors
def export_audit(output: Path = typer.Option(None, "--output", "-o", help="CSV file; stdout when omitted.")) -> None:
    """Export the whole audit log as CSV (oldest first)."""
    from sticoop.accounts.models import AuditEntry

    db = new_session()
    handle = output.open("w", newline="", encoding="utf-8") if output else sys.stdout
    try:
        writer = CsvWriter(handle, bom=output is not None)  # a file gets a BOM; formulas neutralised
        writer.writerow(["id", "at", "actor", "action", "entity_type", "entity_id", "before", "after"])
        rows = db.scalars(select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=1000))
        for e in rows:
            writer.writerow([e.id, e.at.isoformat(), e.actor, e.action, e.entity_type, e.entity_id,
                             json.dumps(e.before, ensure_ascii=False) if e.before is not None else "",
                             json.dumps(e.after, ensure_ascii=False) if e.after is not None else ""])
    finally:
        db.close()
        if output:
            handle.close()


@token_app.command("create")
@cli_errors
def token_create(
    username: str,
    name: str = typer.Option(..., "--name", help="What the token is for, e.g. \"nightly import\" (1–120 characters)."),
    days: int = typer.Option(90, "--days", help="Days until it expires: 1–365 (as on the account page)."),
) -> None:
    """Create an API token for USERNAME and print its secret once (only its SHA-256 is stored)."""
    from sticoop.accounts.api import MAX_TOKEN_DAYS
    from sticoop.accounts.service import create_token, get_user
    from sticoop.core.errors import ValidationFailed

    if not 1 <= days <= MAX_TOKEN_DAYS:
        raise ValidationFailed(f"--days must be 1–{MAX_TOKEN_DAYS}, not {days}", field="days")
    if not name.strip() or len(name.strip()) > 120:
        raise ValidationFailed("--name must be 1–120 characters", field="name")
    with session_scope() as db:
        user = get_user(db, username)
        if not user.is_active:
            raise ValidationFailed(f"User '{user.username}' is disabled", field="username")
        token, secret = create_token(db, user, name, days)
        token_id, expires = token.id, token.expires_at
    typer.echo(f"token {token_id} for '{username}', expires {expires:%Y-%m-%d %H:%M} UTC; shown once:", err=True)
    typer.echo(secret)


@token_app.command("list")
@cli_errors
def token_list(username: str = typer.Argument(None, help="Only this user's tokens.")) -> None:
    """List tokens (never their secrets): id, user, name, prefix, created, expires, revoked, last used."""
    from sticoop.accounts.models import ApiToken, User
    from sticoop.accounts.service import get_user

    db = new_session()
    try:
        query = select(ApiToken, User.username).join(User, User.id == ApiToken.user_id).order_by(ApiToken.id)
        if username:
            query = query.where(ApiToken.user_id == get_user(db, username).id)
        table = Table("id", "user", "name", "prefix", "created", "expires", "revoked", "last used")

        def when(value: object) -> str:
            return f"{value:%Y-%m-%d %H:%M}" if value is not None else "—"

        for token, owner in db.execute(query):
            table.add_row(str(token.id), owner, token.name, token.prefix + "…", when(token.created_at),
                          when(token.expires_at), when(token.revoked_at), when(token.last_used_at))
        Console(width=160).print(table)
    finally:
        db.close()


@token_app.command("revoke")
@cli_errors
def token_revoke(token_id: int = typer.Argument(..., help="The token's id (sticoop token list).")) -> None:
    """Revoke a token: it stops working at once."""
    from sticoop.accounts.service import revoke_token

    with session_scope() as db:
        revoke_token(db, token_id)
    typer.echo(f"revoked token {token_id}")


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
    app.add_typer(audit_app, name="audit")
    app.add_typer(token_app, name="token")
