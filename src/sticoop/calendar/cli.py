"""`sticoop reminders send`: e-mail the reminders due now (the periodic job calls the same function)."""

from __future__ import annotations

from datetime import UTC, datetime

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from sticoop.core.cli import cli_errors, fail

reminders_app = typer.Typer(help="E-mailed reminders of coming dates.", no_args_is_help=True)


def _instant(text: str | None) -> datetime:
    from sticoop.core import clock

    if not text:
        return clock.now()
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise fail(f"--at: '{text}' is not an ISO 8601 date or date and time") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@reminders_app.command("send")
@cli_errors
def send(at: str = typer.Option(None, "--at", help="Send as of this instant (ISO 8601, UTC if no zone); "
                                                   "default: now (or STICOOP_TODAY).")) -> None:
    """Send every reminder due (each once) through the STICOOP_SMTP_* server, and print what was done."""
    from sticoop.calendar.reminders import send_due_reminders
    from sticoop.core.database import new_session

    now = _instant(at)
    db = new_session()
    try:
        summary = send_due_reminders(db, now)
    finally:
        db.close()
    console = Console()
    table = Table("users", "sent", "already sent", "failed", title=f"Reminders as of {now:%Y-%m-%d %H:%M} UTC")
    table.add_row(str(summary.users), str(summary.sent), str(summary.skipped), str(len(summary.failed)))
    console.print(table)
    for recipient, subject in summary.sent_to:
        console.print(f"sent to {recipient}: {subject}", markup=False, highlight=False)
    for failure in summary.failed:
        console.print(f"[red]failed[/red] {escape(failure)}", highlight=False)
    if summary.failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(reminders_app, name="reminders")
