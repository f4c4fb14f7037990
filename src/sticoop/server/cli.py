"""`sticoop serve`: the web application."""

from __future__ import annotations

import typer

from sticoop.core.config import get_settings


def serve(
    host: str = typer.Option(None, help="Interface to listen on (default STICOOP_HOST or 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default STICOOP_PORT or 8000)."),
    reload: bool = typer.Option(False, help="Reload on code changes (development)."),
) -> None:
    """Serve the web app and the REST API (docs at /docs)."""
    import uvicorn

    settings = get_settings()
    host = host or settings.host
    port = port or settings.port
    typer.echo(f"sticoop on http://{host}:{port}  (API docs: http://{host}:{port}/docs)")
    uvicorn.run("sticoop.server.asgi:app", host=host, port=port, reload=reload, log_level="info")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
