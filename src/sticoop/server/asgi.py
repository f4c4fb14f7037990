"""ASGI entry point for servers: `uvicorn sticoop.server.asgi:app`."""

from sticoop.server.app import create_app

app = create_app()
