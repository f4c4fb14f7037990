"""The `sticoop` command line: each domain contributes its commands through `register(app)`."""

from __future__ import annotations

import typer

from sticoop import db_cli
from sticoop.accounts import cli as accounts_cli
from sticoop.calendar import cli as calendar_cli
from sticoop.calls import cli as calls_cli
from sticoop.composition import bootstrap
from sticoop.demo import cli as demo_cli
from sticoop.ingest import cli as ingest_cli
from sticoop.ingest import intake_cli
from sticoop.jobs import cli as jobs_cli
from sticoop.matchmaking import cli as matchmaking_cli
from sticoop.search import cli as search_cli
from sticoop.server import cli as web_cli
from sticoop.transfer import cli as transfer_cli

bootstrap()  # the CLI is an entry point: compose the app before any command opens a session

app = typer.Typer(help="sticoop: the workspace for international STI cooperation.", no_args_is_help=True)

for module in (web_cli, db_cli, demo_cli, transfer_cli, accounts_cli, intake_cli, ingest_cli, matchmaking_cli,
               jobs_cli, calendar_cli, calls_cli, search_cli):
    module.register(app)


if __name__ == "__main__":  # pragma: no cover
    app()
