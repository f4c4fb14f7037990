"""Every way `sticoop serve` listens keeps TCP_NODELAY on accepted connections (uvicorn issue #3149)."""

from __future__ import annotations

import asyncio
import socket

import pytest

from sticoop.server import cli as server_cli
from sticoop.server import listen
from sticoop.server.listen import TcpConfig


def _nodelay_of_an_accepted_connection(sock: socket.socket) -> int:
    """Serve ``sock`` with asyncio as a uvicorn worker does, connect once, return the accepted socket's TCP_NODELAY."""
    seen: list[int] = []

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            accepted = transport.get_extra_info("socket")
            seen.append(accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    async def main() -> None:
        server = await asyncio.get_running_loop().create_server(Probe, sock=sock)
        host, port = sock.getsockname()[:2]
        _reader, writer = await asyncio.open_connection(host, port)
        for _ in range(100):
            if seen:
                break
            await asyncio.sleep(0.01)
        writer.close()
        server.close()
        await server.wait_closed()

    asyncio.run(main())
    return seen[0]


def _ipv6() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.parametrize("host", ["127.0.0.1", pytest.param("::1", marks=pytest.mark.skipif(
    not _ipv6(), reason="no IPv6 loopback on this machine"))])
def test_a_bound_socket_is_tcp_and_its_connections_get_nodelay(host: str) -> None:
    sock = TcpConfig("sticoop.server.asgi:app", host=host, port=0).bind_socket()
    try:
        assert sock.proto == socket.IPPROTO_TCP
        assert sock.get_inheritable(), "the worker processes inherit the listening socket"
        assert _nodelay_of_an_accepted_connection(sock) != 0
    finally:
        sock.close()


@pytest.mark.parametrize(("reload", "workers", "runner"), [(False, 1, "single"), (False, 3, "workers"),
                                                           (True, 1, "reload")])
def test_serve_uses_the_tcp_config_on_every_path(monkeypatch: pytest.MonkeyPatch, reload: bool, workers: int,
                                                 runner: str) -> None:
    used: list[tuple[str, object]] = []

    class Recorder:
        def __init__(self, config: object, **_: object) -> None:
            self.config = config

        def run(self, sockets: object = None) -> None:
            used.append((self.kind, self.config))

    monkeypatch.setattr(listen, "ChangeReload", type("R", (Recorder,), {"kind": "reload"}))
    monkeypatch.setattr(listen, "Multiprocess", type("M", (Recorder,), {"kind": "workers"}))
    monkeypatch.setattr(listen.uvicorn, "Server", type("S", (Recorder,), {"kind": "single"}))
    monkeypatch.setattr(TcpConfig, "bind_socket", lambda self: None)
    server_cli.serve(host="127.0.0.1", port=8765, reload=reload, workers=workers)
    assert [kind for kind, _ in used] == [runner]
    assert isinstance(used[0][1], TcpConfig)


@pytest.mark.parametrize("seconds", [None, 7, 900])
def test_serve_gives_starting_workers_the_configured_time(monkeypatch: pytest.MonkeyPatch,
                                                          seconds: int | None) -> None:
    """uvicorn kills a worker that does not answer its health check within ``timeout_worker_healthcheck`` (5 s by
    default) and starts another: on a busy machine a worker importing the app and warming the model up took ~40 s,
    so every worker was killed and restarted forever. `sticoop serve` passes STICOOP_WORKER_START_SECONDS."""
    from sticoop.core.config import Settings, get_settings

    if seconds is not None:
        monkeypatch.setenv("STICOOP_WORKER_START_SECONDS", str(seconds))
    get_settings.cache_clear()
    used: list[TcpConfig] = []

    class Recorder:
        def __init__(self, config: TcpConfig, **_: object) -> None:
            used.append(config)

        def run(self) -> None:
            return None

    monkeypatch.setattr(listen, "Multiprocess", Recorder)
    monkeypatch.setattr(TcpConfig, "bind_socket", lambda self: None)
    try:
        server_cli.serve(host="127.0.0.1", port=8765, reload=False, workers=2)
    finally:
        get_settings.cache_clear()
    expected = seconds if seconds is not None else Settings.model_fields["worker_start_seconds"].default
    assert used[0].timeout_worker_healthcheck == expected
    assert expected > 5, "uvicorn's own default is what killed the starting workers"
