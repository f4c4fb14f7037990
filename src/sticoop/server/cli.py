"""`sticoop serve`: the web application."""

from __future__ import annotations

import typer

from sticoop.core.config import get_settings


def serve(
    host: str = typer.Option(None, help="Interface to listen on (default STICOOP_HOST or 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default STICOOP_PORT or 8000)."),
    reload: bool = typer.Option(False, help="Reload on code changes (development)."),
    workers: int = typer.Option(None, min=1, max=64,
                                help="Worker processes (default STICOOP_WORKERS or 1); each has its own "
                                     "connection pool and request limit. Not with --reload."),
) -> None:
    """Serve the web app and the REST API (docs at /docs)."""
    from sticoop.core.warmup import ConfigurationError, check_configuration
    from sticoop.server.listen import TcpConfig, run

    settings = get_settings()
    host = host or settings.host
    port = port or settings.port
    workers = workers or settings.workers
    if reload and workers > 1:
        typer.echo("error: --reload serves one process; drop --workers or --reload", err=True)
        raise typer.Exit(2)
    try:
        check_configuration()  # e.g. STICOOP_EMBEDDER naming a missing or uncalibrated model: say so, do not start
    except ConfigurationError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"sticoop on http://{host}:{port} with {workers} worker(s)  (API docs: http://{host}:{port}/docs)")
    run(TcpConfig("sticoop.server.asgi:app", host=host, port=port, reload=reload, workers=workers,
                  log_level="info", timeout_worker_healthcheck=settings.worker_start_seconds))


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
