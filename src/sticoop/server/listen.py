"""Listening sockets that keep ``TCP_NODELAY`` on every worker process.

uvicorn binds the listening socket itself when it runs several workers (or reloads) and creates it with
``proto`` 0; accepted sockets inherit that, and asyncio sets ``TCP_NODELAY`` only on sockets whose ``proto`` is
``IPPROTO_TCP``. Nagle's algorithm then holds every keep-alive response until the client's delayed ACK: about 40 ms
per request on Linux (measured here: 1.7 ms with one worker, 44 ms with two). Source: uvicorn issue #3149
("--workers N loses TCP_NODELAY"). :class:`TcpConfig` re-wraps the bound descriptor with ``IPPROTO_TCP`` (same
descriptor, address and inheritance), so the workers' connections get ``TCP_NODELAY`` like the single-process path.
"""

from __future__ import annotations

import socket

import uvicorn
from uvicorn.supervisors import ChangeReload, Multiprocess


class TcpConfig(uvicorn.Config):
    """uvicorn's configuration whose bound TCP sockets report ``IPPROTO_TCP`` (Unix sockets are left alone)."""

    def bind_socket(self) -> socket.socket:
        """Bind as uvicorn does, then re-wrap an IPv4/IPv6 stream socket with ``proto=IPPROTO_TCP``."""
        sock = super().bind_socket()
        if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto != socket.IPPROTO_TCP:
            sock = socket.socket(sock.family, socket.SOCK_STREAM, socket.IPPROTO_TCP, fileno=sock.detach())
            sock.set_inheritable(True)
        return sock


def run(config: TcpConfig) -> None:
    """Serve ``config`` as ``uvicorn.run`` would (reloader, several workers or one process), with its sockets.

    The application must be an import string when ``config.workers > 1`` or ``config.reload`` (uvicorn's rule).
    """
    server = uvicorn.Server(config=config)
    if config.should_reload:
        ChangeReload(config, target=server.run, sockets=[config.bind_socket()]).run()
    elif config.workers > 1:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
    else:
        server.run()
