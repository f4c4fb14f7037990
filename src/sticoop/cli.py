"""The `sticoop` command line: each domain contributes its commands through `register(app)`."""

from __future__ import annotations

import typer

from sticoop.ingest import cli as ingest_cli

app = typer.Typer(help="sticoop: the workspace for international STI cooperation.", no_args_is_help=True)

for module in (ingest_cli,):
    module.register(app)


if __name__ == "__main__":  # pragma: no cover
    app()
