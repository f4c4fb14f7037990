"""Read replicas: a deployment that outgrows one PostgreSQL server sends read-only requests to replicas.

With ``STICOOP_DATABASE_REPLICA_URLS`` set (comma-separated SQLAlchemy URLs), a GET/HEAD request is served from
a replica (chosen at random per request) unless the client has written within the last
``STICOOP_REPLICA_LAG_SECONDS``: every successful write answers with a ``sticoop_read_primary`` cookie holding
that deadline, so a user's own writes stay visible to them on the next pages (read-your-writes) while everyone
else reads from the replicas. A client may also ask for the primary with the header ``X-Sticoop-Read-Primary: 1``.
Writes, and everything a read must write (the "last used" stamps of :mod:`sticoop.core.touch`), go to the primary.
"""

from __future__ import annotations

import random

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sticoop.core import clock
from sticoop.core.access import SAFE_METHODS
from sticoop.core.config import get_settings

PRIMARY_COOKIE = "sticoop_read_primary"
PRIMARY_HEADER = "x-sticoop-read-primary"


def replica_urls() -> list[str]:
    """The configured replica URLs (empty: every request uses the primary)."""
    raw = get_settings().database_replica_urls or ""
    return [url.strip() for url in raw.split(",") if url.strip()]


def replica_for(method: str, headers: dict[str, str], cookies: dict[str, str]) -> str | None:
    """The replica URL a request may read from, or None for the primary (a write, no replica configured, the
    client asked for the primary, or it wrote within the lag)."""
    urls = replica_urls()
    if not urls or method.upper() not in SAFE_METHODS or headers.get(PRIMARY_HEADER) == "1":
        return None
    until = cookies.get(PRIMARY_COOKIE, "")
    try:
        if until and float(until) > clock.now().timestamp():
            return None
    except ValueError:
        pass
    return random.choice(urls)  # noqa: S311 - load spreading, not security


class ReadYourWrites:
    """ASGI middleware: a successful write (2xx/3xx to a non-safe method) sets the cookie that keeps the
    client's reads on the primary for ``STICOOP_REPLICA_LAG_SECONDS``. Does nothing without replicas."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method", "GET") in SAFE_METHODS or not replica_urls():
            await self.app(scope, receive, send)
            return

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and message.get("status", 500) < 400:
                lag = get_settings().replica_lag_seconds
                until = f"{clock.now().timestamp() + lag:.0f}"
                cookie = f"{PRIMARY_COOKIE}={until}; Path=/; Max-Age={lag}; HttpOnly; SameSite=Lax"
                message = {**message, "headers": [*message.get("headers", []), (b"set-cookie", cookie.encode())]}
            await send(message)

        await self.app(scope, receive, send_with_cookie)
