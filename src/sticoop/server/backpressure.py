"""Back-pressure: when the server is saturated it says so at once (503 + ``Retry-After``) instead of letting
requests queue until they time out.

Each worker process serves at most ``max_concurrent_requests`` HTTP requests at a time (default: what its
database pool can hold, so no request ever waits for a connection while holding a thread). A request that
cannot start within ``queue_wait_ms`` gets ``503 Service Unavailable`` with ``Retry-After`` (seconds) and the
API's error body; nothing was done, so a client may simply retry after that delay. Static files are not
counted (they touch no database). The limits are settings (``STICOOP_MAX_CONCURRENT_REQUESTS``,
``STICOOP_QUEUE_WAIT_MS``, ``STICOOP_RETRY_AFTER_SECONDS``).
"""

from __future__ import annotations

import asyncio
import json

from starlette.types import ASGIApp, Receive, Scope, Send


class BackPressure:
    """ASGI middleware admitting at most ``limit`` concurrent requests; the others wait up to ``wait_s``
    seconds, then get a 503 with ``Retry-After: retry_after_s``."""

    def __init__(self, app: ASGIApp, limit: int, wait_s: float, retry_after_s: int) -> None:
        if limit < 1:
            raise ValueError("max_concurrent_requests must be at least 1")
        self.app = app
        self.limit = limit
        self.wait_s = wait_s
        self.retry_after_s = retry_after_s
        self._slots: asyncio.Semaphore | None = None  # made in the server's event loop, on the first request

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or str(scope.get("path", "")).startswith("/static/"):
            await self.app(scope, receive, send)
            return
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.limit)
        try:
            await asyncio.wait_for(self._slots.acquire(), timeout=self.wait_s)
        except TimeoutError:
            await self._busy(send)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self._slots.release()

    async def _busy(self, send: Send) -> None:
        body = json.dumps({"detail": f"The server is busy; nothing was done. Retry in {self.retry_after_s} s."})
        raw = body.encode()
        await send({"type": "http.response.start", "status": 503, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(raw)).encode()),
            (b"retry-after", str(self.retry_after_s).encode())]})
        await send({"type": "http.response.body", "body": raw})
