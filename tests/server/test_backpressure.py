"""Back-pressure: a saturated worker answers at once with 503 + Retry-After (and the API's error body) instead
of queueing requests until they time out; requests within the limit, or that find a slot within the wait, are
served; static files are never refused; the app is built with the limit its connection pool can hold."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from starlette.types import Receive, Scope, Send
from typer.testing import CliRunner

from sticoop.server.backpressure import BackPressure


def _held_app(gate: asyncio.Event, started: list[str]):  # type: ignore[no-untyped-def]
    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        started.append(scope["path"])
        if scope["path"] == "/slow":
            await gate.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})
    return app


@pytest.mark.parametrize("limit", [1, 3])
def test_a_full_worker_answers_503_with_retry_after_and_serves_again_once_free(limit: int) -> None:
    async def scenario() -> None:
        gate, started = asyncio.Event(), []
        app = BackPressure(_held_app(gate, started), limit=limit, wait_s=0.05, retry_after_s=2)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            holders = [asyncio.create_task(client.get("/slow")) for _ in range(limit)]
            while len(started) < limit:
                await asyncio.sleep(0.001)
            busy = await client.get("/api/v1/organizations")
            assert busy.status_code == 503
            assert busy.headers["retry-after"] == "2"
            assert "busy" in busy.json()["detail"] and "nothing was done" in busy.json()["detail"]
            assert "/api/v1/organizations" not in started, "a refused request must not reach the app"
            static = await client.get("/static/app.css")
            assert static.status_code == 200, "static files are not counted"
            gate.set()
            assert [r.status_code for r in await asyncio.gather(*holders)] == [200] * limit
            again = await client.get("/api/v1/organizations")
            assert again.status_code == 200
    asyncio.run(scenario())


def test_a_request_that_finds_a_slot_within_the_wait_is_served() -> None:
    async def scenario() -> None:
        gate, started = asyncio.Event(), []
        app = BackPressure(_held_app(gate, started), limit=1, wait_s=5, retry_after_s=1)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            holder = asyncio.create_task(client.get("/slow"))
            while not started:
                await asyncio.sleep(0.001)
            waiting = asyncio.create_task(client.get("/fast"))
            await asyncio.sleep(0.05)
            gate.set()
            assert (await holder).status_code == 200 and (await waiting).status_code == 200
    asyncio.run(scenario())


def test_the_app_limits_requests_to_what_its_pool_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    from sticoop.core.config import get_settings
    from sticoop.server import app as server_app

    # patched where it is read, not through the process-wide settings cache (which other tests would then see)
    settings = get_settings().model_copy(update={"db_pool_size": 7, "db_max_overflow": 2})
    monkeypatch.setattr(server_app, "get_settings", lambda: settings)
    app = server_app.create_app("sqlite://")
    found = [m for m in app.user_middleware if m.cls is BackPressure]
    assert len(found) == 1 and found[0].kwargs["limit"] == 9
    assert [m.cls.__name__ for m in app.user_middleware[:2]] == ["SecurityHeaders", "BackPressure"], \
        "a busy answer costs nothing but the security headers"


def test_serve_refuses_reload_with_several_workers() -> None:
    from sticoop.cli import app

    result = CliRunner().invoke(app, ["serve", "--reload", "--workers", "2"])
    assert result.exit_code == 2
    assert "error:" in result.output
