"""ASGI entry point for servers: `uvicorn sticoop.web.asgi:app`."""

from sticoop.web.app import create_app

app = create_app()
