"""Load test: a mixed workload of many concurrent users against one real ``sticoop serve``, as a user's load test
would measure it (issue 17), with Datasette's JSON API on the same SQLite file as the peer baseline when it is
installed.

Each client loops for ``--seconds``: a list (first page of commitments), a filter (by status and partnership), a
search (``q=``), a detail (one commitment), a derived GET (a partnership's page data), and one in ten a
version-checked PATCH of a commitment it just read (409 on a stale version is an honest answer, not an error).
``--wait`` seconds pass between a client's requests (2 s: "a large ministry at its busiest"; 0: saturation).
Clients sign in with an API token (``--auth token``) or a browser session cookie with its CSRF header
(``--auth cookie``). The data: the demo records plus ``--rows`` synthetic commitments spread over the demo
partnerships. Printed per run: requests/s, p50/p95/p99 latency, and answers by status (timeouts after 30 s
counted apart).

Run: ``.venv/bin/python benchmarks/load.py --clients 1,10,50,200 --seconds 60 [--wait 2] [--workers 4]
[--auth cookie] [--url postgresql+psycopg://…/empty_db] [--rows 10000]``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert, select

from sticoop.composition import bootstrap

bootstrap()

TIMEOUT_S = 30.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(url: str, rows: int) -> tuple[str, str, str]:
    """Migrate, load the demo, add ``rows`` commitments; returns (token, cookie secret, csrf) of an admin."""
    from sticoop.accounts.models import LoginSession, User
    from sticoop.accounts.service import create_token, create_user
    from sticoop.accounts.sessions import start_session
    from sticoop.commitments.models import Commitment
    from sticoop.core.database import get_engine, session_scope
    from sticoop.core.migrate import upgrade
    from sticoop.demo.data import load_demo
    from sticoop.partnerships.models import Partnership
    from sticoop.reference.service import seed_reference

    upgrade(url)
    with session_scope(url) as db:
        seed_reference(db)
    with session_scope(url) as db:
        load_demo(db)
        user = create_user(db, "loadtest", secrets.token_urlsafe(16), role="admin")
        _token, secret = create_token(db, user, "load test")
        db.flush()
        cookie = start_session(db, db.get(User, user.id))
        csrf = db.scalar(select(LoginSession.csrf_token).order_by(LoginSession.id.desc()).limit(1)) or ""
        partnership_ids = list(db.scalars(select(Partnership.id)))
    start = date(2010, 1, 1)
    with get_engine(url).begin() as conn:
        for k in range(0, rows, 10_000):
            conn.execute(insert(Commitment), [
                {"partnership_id": partnership_ids[i % len(partnership_ids)], "text": f"Load commitment {i}",
                 "search_text": f"load commitment {i}", "status": ("planned", "in_progress", "done")[i % 3],
                 "due_date": start + timedelta(days=i % 5000), "confidential": False}
                for i in range(k, min(k + 10_000, rows))])
    return secret, cookie, csrf


def serve(url: str, data_dir: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "STICOOP_DATABASE_URL": url, "STICOOP_DATA_DIR": str(data_dir)}
    process = subprocess.Popen([sys.executable, "-m", "sticoop.cli", "serve", "--port", str(port), "--workers",
                                str(workers)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/login", timeout=1).status_code < 500:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("error: the server did not start")


async def client_loop(base: str, headers: dict[str, str], cookies: dict[str, str], until: float, wait: float,
                      paths: list[str], ids: list[int], patch: bool, out: list[tuple[float, int]]) -> None:
    rng = random.Random()
    async with httpx.AsyncClient(base_url=base, headers=headers, cookies=cookies, timeout=TIMEOUT_S) as http:
        while time.perf_counter() < until:
            began = time.perf_counter()
            try:
                if patch and rng.random() < 0.1:
                    cid = rng.choice(ids)
                    got = await http.get(f"/api/v1/commitments/{cid}")
                    status = got.status_code
                    if got.status_code == 200:
                        change = {"version": got.json()["version"], "text": f"Load commitment {rng.random():.6f}"}
                        status = (await http.patch(f"/api/v1/commitments/{cid}", json=change)).status_code
                else:
                    path = rng.choice(paths).replace("{id}", str(rng.choice(ids)))
                    status = (await http.get(path)).status_code
            except httpx.TimeoutException:
                status = 0
            except httpx.HTTPError:
                status = -1
            out.append(((time.perf_counter() - began) * 1000, status))
            if wait:
                await asyncio.sleep(wait * (0.5 + rng.random()))


def run(base: str, clients: int, seconds: float, wait: float, headers: dict[str, str], cookies: dict[str, str],
        paths: list[str], ids: list[int], patch: bool) -> dict[str, Any]:
    out: list[tuple[float, int]] = []

    async def main() -> None:
        until = time.perf_counter() + seconds
        await asyncio.gather(*(client_loop(base, headers, cookies, until, wait, paths, ids, patch, out)
                               for _ in range(clients)))

    began = time.perf_counter()
    asyncio.run(main())
    elapsed = time.perf_counter() - began
    times = sorted(ms for ms, _ in out) or [0.0]
    q = statistics.quantiles(times, n=100) if len(times) > 1 else [times[0]] * 99
    return {"rps": len(out) / elapsed, "p50": q[49], "p95": q[94], "p99": q[98],
            "statuses": Counter(s for _, s in out)}


def show(name: str, clients: int, r: dict[str, Any]) -> None:
    statuses = ", ".join(f"{'timeout' if s == 0 else 'conn-error' if s == -1 else s}×{n}"
                         for s, n in sorted(r["statuses"].items()))
    print(f"{name:28} {clients:>7} {r['rps']:8.1f} {r['p50']:8.0f} {r['p95']:8.0f} {r['p99']:8.0f}  {statuses}",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", default="1,10,50,200")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--wait", type=float, default=0.0, help="seconds between a client's requests")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--auth", choices=("token", "cookie"), default="token")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--url", help="an empty database (default: a SQLite file in a temporary folder)")
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="sticoop-load-"))
    url = args.url or f"sqlite:///{data_dir / 'sticoop.db'}"
    token, cookie, csrf = prepare(url, args.rows)
    from sticoop.accounts.sessions import SESSION_COOKIE

    headers = {"Authorization": f"Bearer {token}"} if args.auth == "token" else {"X-CSRF-Token": csrf}
    cookies = {SESSION_COOKIE: cookie} if args.auth == "cookie" else {}
    port = free_port()
    server = serve(url, data_dir, port, args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        ids = [c["id"] for c in httpx.get(f"{base}/api/v1/commitments?limit=200", headers=headers,
                                          cookies=cookies).json()["items"]]
        pid = httpx.get(f"{base}/api/v1/partnerships?limit=1", headers=headers, cookies=cookies).json()["items"][0]
        paths = ["/api/v1/commitments?limit=50", f"/api/v1/commitments?status=in_progress&partnership_id={pid['id']}",
                 "/api/v1/commitments?q=commitment%2012", "/api/v1/commitments/{id}",
                 f"/api/v1/partnerships/{pid['id']}", "/api/v1/organizations?limit=50"]
        kind = url.split(":")[0].split("+")[0]
        print(f"sticoop serve --workers {args.workers}, {kind}, {args.auth}, {args.rows:,} extra rows, "
              f"wait {args.wait} s, {args.seconds:.0f} s per run")
        print(f"{'target':28} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  answers")
        for clients in (int(c) for c in args.clients.split(",")):
            show("sticoop (mixed)", clients, run(base, clients, args.seconds, args.wait, headers, cookies, paths,
                                                 ids, True))
        beside = Path(sys.executable).with_name("datasette")
        datasette = str(beside) if beside.exists() else shutil.which("datasette")
        if datasette and kind == "sqlite":
            dport = free_port()
            ds = subprocess.Popen([datasette, "serve", str(data_dir / "sticoop.db"), "-p", str(dport)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(3)
            try:
                dpaths = ["/sticoop/commitments.json?_size=50", "/sticoop/commitments.json?status=in_progress&_size=50",
                          "/sticoop/commitments/{id}.json", "/sticoop/organizations.json?_size=50"]
                for clients in (int(c) for c in args.clients.split(",")):
                    show("datasette (list/detail)", clients, run(f"http://127.0.0.1:{dport}", clients, args.seconds,
                                                                 args.wait, {}, {}, dpaths, ids, False))
            finally:
                ds.terminate()
        else:
            print("(datasette not installed or not SQLite: no peer baseline in this run)")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
