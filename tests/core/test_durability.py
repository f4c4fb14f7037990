"""A 2xx means committed: kill the real server (``sticoop serve``, uvicorn) with SIGKILL the moment each
acknowledgement arrives, start it again, and find every acknowledged record.

Runs a real server process on a SQLite file (the database a single-machine install uses). Writes through
the API (201) and through the pages (303 after the form) are both checked.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, select, text

ROUNDS = 6


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _sticoop() -> str:
    script = Path(sys.executable).parent / "sticoop"
    if not script.exists():
        pytest.skip("the sticoop console script is not installed next to this Python")
    return str(script)


class Server:
    """``sticoop serve`` on a free port of 127.0.0.1, against ``data_dir``."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.port = _free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = {**os.environ, "STICOOP_DATA_DIR": str(self.data_dir),
               "STICOOP_DATABASE_URL": f"sqlite:///{self.data_dir / 'sticoop.db'}"}
        self.proc = subprocess.Popen([_sticoop(), "serve", "--port", str(self.port)], env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/login", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        self.kill()
        raise RuntimeError("sticoop serve did not start")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        self.proc = None


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[tuple[Path, str, str, str]]:
    """A migrated SQLite data dir with an administrator: (dir, API token, session cookie, CSRF token)."""
    from sticoop.accounts.models import LoginSession
    from sticoop.accounts.service import create_token, create_user
    from sticoop.accounts.sessions import start_session
    from sticoop.core.database import get_engine, session_scope
    from sticoop.core.migrate import upgrade
    from sticoop.reference.service import seed_reference

    url = f"sqlite:///{tmp_path / 'sticoop.db'}"
    upgrade(url)
    with session_scope(url) as db:
        seed_reference(db)
        user = create_user(db, "admin", "a long admin password 1234", "admin")
        _token, secret = create_token(db, user, "durability")
        cookie = start_session(db, user)
        csrf = db.scalar(select(LoginSession.csrf_token).order_by(LoginSession.id.desc()).limit(1))
    get_engine(url).dispose()
    yield tmp_path, secret, cookie, str(csrf)


def _names_in(database: Path) -> set[str]:
    engine = create_engine(f"sqlite:///{database}")
    try:
        with engine.connect() as conn:
            return set(conn.scalars(text("SELECT name FROM organizations")))
    finally:
        engine.dispose()


def test_every_acknowledged_write_survives_a_kill(data_dir: tuple[Path, str, str, str]) -> None:
    from sticoop.accounts.sessions import SESSION_COOKIE

    directory, token, cookie, csrf = data_dir
    server = Server(directory)
    acknowledged: list[str] = []
    try:
        for round_ in range(ROUNDS):
            server.start()
            api_name = f"Durability API organisation {round_}"
            response = httpx.post(f"{server.url}/api/v1/organizations", timeout=30,
                                  headers={"Authorization": f"Bearer {token}"},
                                  json={"name": api_name, "type": "agency", "country_code": "VNM"})
            if response.status_code == 201:
                server.kill()  # the moment the acknowledgement is in
                acknowledged.append(api_name)
            else:
                pytest.fail(f"{response.status_code}: {response.text}")
            server.start()
            page_name = f"Durability page organisation {round_}"
            response = httpx.post(f"{server.url}/organizations/new", timeout=30,
                                  cookies={SESSION_COOKIE: cookie}, headers={"X-CSRF-Token": csrf},
                                  data={"name": page_name, "type": "agency", "country_code": "VNM",
                                        "csrf_token": csrf})
            if response.status_code == 303:
                server.kill()
                acknowledged.append(page_name)
            else:
                pytest.fail(f"{response.status_code}: {response.text[:500]}")
        server.start()  # and the restarted server still answers
        assert httpx.get(f"{server.url}/login", timeout=5).status_code == 200
    finally:
        server.kill()
    assert len(acknowledged) == 2 * ROUNDS
    missing = set(acknowledged) - _names_in(directory / "sticoop.db")
    assert not missing, f"acknowledged but lost after kill -9: {sorted(missing)}"
