"""Load test: a mixed workload of many concurrent users against one real ``sticoop serve``, as a user's load test
would measure it (issue 17), with Datasette's JSON API on the same SQLite file as the peer baseline when it is
installed.

Each client loops for ``--seconds``: a list (first page of commitments), a filter (by status and partnership), a
search (``q=``), a detail (one commitment), a derived GET (a partnership's page data), and one in ten a
version-checked PATCH of a commitment it just read (409 on a stale version is an honest answer, not an error).
``--wait`` seconds pass between a client's requests on average (uniform between half and one and a half times it;
2 s: "a large ministry at its busiest"; 0: saturation); with a wait, clients start spread over one wait.
Clients sign in with an API token (``--auth token``) or a browser session cookie with its CSRF header
(``--auth cookie``). The data: the demo records plus ``--rows`` synthetic commitments spread over the demo
partnerships. Printed per run: requests/s, p50/p95/p99 latency, and answers by status (timeouts after 30 s
counted apart).

``--role viewer`` signs the clients in as a viewer assigned to 3 of the partnerships (the scoping criteria on every
statement) instead of an admin. ``--mix peer`` sends only the list, filter, search and detail requests that
Datasette's JSON API answers too (the same queries on both sides: saturation and 1 M-row comparisons);
``--by-kind`` prints p50/p95 per request kind under each run. ``--reuse DIR`` keeps the prepared database in DIR
and reuses it on the next run (a million rows take minutes to write).

Run: ``.venv/bin/python benchmarks/load.py --clients 1,10,50,200 --seconds 60 [--wait 2] [--workers 4]
[--auth cookie] [--role viewer] [--mix peer] [--by-kind] [--url postgresql+psycopg://…/empty_db] [--rows 10000]``.
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


def sign_in(url: str, role: str) -> tuple[str, str, str]:
    """A new user of ``role`` (a viewer gets 3 partnerships); returns (token, cookie secret, csrf)."""
    from sticoop.accounts.models import LoginSession
    from sticoop.accounts.service import create_token, create_user
    from sticoop.accounts.sessions import start_session
    from sticoop.core.database import session_scope
    from sticoop.partnerships.models import Partnership

    with session_scope(url) as db:
        partnership_ids = list(db.scalars(select(Partnership.id).order_by(Partnership.id).limit(3)))
        user = create_user(db, f"load{secrets.token_hex(4)}", secrets.token_urlsafe(16), role=role,
                           partnership_ids=partnership_ids if role == "viewer" else None)
        _token, secret = create_token(db, user, "load test")
        db.flush()
        cookie = start_session(db, user)
        csrf = db.scalar(select(LoginSession.csrf_token).order_by(LoginSession.id.desc()).limit(1)) or ""
    return secret, cookie, csrf


def prepare(url: str, rows: int) -> None:
    """Migrate, load the demo, add ``rows`` commitments (spread over the partnerships, a third in progress)."""
    from sticoop.commitments.models import Commitment
    from sticoop.core.database import get_engine, session_scope
    from sticoop.core.migrate import upgrade
    from sticoop.core.planner_stats import analyze
    from sticoop.demo.data import load_demo
    from sticoop.partnerships.models import Partnership
    from sticoop.reference.service import seed_reference

    upgrade(url)
    with session_scope(url) as db:
        seed_reference(db)
    with session_scope(url) as db:
        load_demo(db)
        partnership_ids = list(db.scalars(select(Partnership.id)))
    start = date(2010, 1, 1)
    with get_engine(url).begin() as conn:
        for k in range(0, rows, 10_000):
            conn.execute(insert(Commitment), [
                {"partnership_id": partnership_ids[i % len(partnership_ids)], "text": f"Load commitment {i}",
                 "search_text": f"load commitment {i}", "status": ("planned", "in_progress", "done")[i // 7 % 3],
                 "due_date": start + timedelta(days=i % 5000), "confidential": False}
                for i in range(k, min(k + 10_000, rows))])
    analyze(url)  # as an operator does after a bulk load (`sticoop db analyze`)


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


Sample = tuple[float, int, str]


async def client_loop(base: str, headers: dict[str, str], cookies: dict[str, str], until: float, wait: float,
                      paths: dict[str, str], ids: list[int], patch: bool, out: list[Sample]) -> None:
    rng = random.Random()
    async with httpx.AsyncClient(base_url=base, headers=headers, cookies=cookies, timeout=TIMEOUT_S) as http:
        if wait:  # users arrive spread over one wait, not all in the same millisecond
            await asyncio.sleep(wait * rng.random())
        while time.perf_counter() < until:
            began = time.perf_counter()
            kind = "patch"
            try:
                if patch and rng.random() < 0.1:
                    cid = rng.choice(ids)
                    got = await http.get(f"/api/v1/commitments/{cid}")
                    status = got.status_code
                    if got.status_code == 200:
                        change = {"version": got.json()["version"], "text": f"Load commitment {rng.random():.6f}"}
                        status = (await http.patch(f"/api/v1/commitments/{cid}", json=change)).status_code
                else:
                    kind = rng.choice(list(paths))
                    path = paths[kind].replace("{id}", str(rng.choice(ids)))
                    status = (await http.get(path)).status_code
            except httpx.TimeoutException:
                status = 0
            except httpx.HTTPError:
                status = -1
            out.append(((time.perf_counter() - began) * 1000, status, kind))
            if wait:
                await asyncio.sleep(wait * (0.5 + rng.random()))


def run(base: str, clients: int, seconds: float, wait: float, headers: dict[str, str], cookies: dict[str, str],
        paths: dict[str, str], ids: list[int], patch: bool) -> dict[str, Any]:
    out: list[Sample] = []

    async def main() -> None:
        until = time.perf_counter() + seconds
        await asyncio.gather(*(client_loop(base, headers, cookies, until, wait, paths, ids, patch, out)
                               for _ in range(clients)))

    began = time.perf_counter()
    asyncio.run(main())
    elapsed = time.perf_counter() - began
    q = quantiles([ms for ms, _, _ in out])
    kinds = {kind: quantiles([ms for ms, _, k in out if k == kind]) for kind in sorted({k for _, _, k in out})}
    return {"rps": len(out) / elapsed, "p50": q[49], "p95": q[94], "p99": q[98],
            "statuses": Counter(s for _, s, _ in out),
            "kinds": {kind: (len([1 for _, _, k in out if k == kind]), v[49], v[94]) for kind, v in kinds.items()}}


def quantiles(values: list[float]) -> list[float]:
    """The 99 percentiles of ``values`` in ms (all equal for one value, zeros for none)."""
    times = sorted(values) or [0.0]
    return statistics.quantiles(times, n=100) if len(times) > 1 else [times[0]] * 99


def show(name: str, clients: int, r: dict[str, Any], by_kind: bool = False) -> None:
    statuses = ", ".join(f"{'timeout' if s == 0 else 'conn-error' if s == -1 else s}×{n}"
                         for s, n in sorted(r["statuses"].items()))
    print(f"{name:28} {clients:>7} {r['rps']:8.1f} {r['p50']:8.0f} {r['p95']:8.0f} {r['p99']:8.0f}  {statuses}",
          flush=True)
    if by_kind:
        for kind, (count, p50, p95) in r["kinds"].items():
            print(f"{'  · ' + kind:28} {count:>7} {'':8} {p50:8.0f} {p95:8.0f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", default="1,10,50,200")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--wait", type=float, default=0.0, help="seconds between a client's requests")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--auth", choices=("token", "cookie"), default="token")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--url", help="an empty database (default: a SQLite file in a temporary folder)")
    parser.add_argument("--role", choices=("admin", "viewer"), default="admin")
    parser.add_argument("--mix", choices=("mixed", "peer"), default="mixed",
                        help="peer: only the list/filter/search/detail requests Datasette answers too")
    parser.add_argument("--no-peer", action="store_true", help="skip the Datasette baseline")
    parser.add_argument("--by-kind", action="store_true", help="p50/p95 per request kind")
    parser.add_argument("--reuse", help="a folder for the prepared database, kept and reused (SQLite; with --url: "
                                        "the database of --url is prepared once, marked by a file in the folder)")
    args = parser.parse_args()
    data_dir = Path(args.reuse) if args.reuse else Path(tempfile.mkdtemp(prefix="sticoop-load-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    url = args.url or f"sqlite:///{data_dir / 'sticoop.db'}"
    marker = data_dir / f"prepared-{args.rows}"
    if not (args.reuse and marker.exists()):
        prepare(url, args.rows)
        marker.touch()
    token, cookie, csrf = sign_in(url, args.role)
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
        paths = {"list": "/api/v1/commitments?limit=50",
                 "filter": f"/api/v1/commitments?status=in_progress&partnership_id={pid['id']}&limit=50",
                 "search": "/api/v1/commitments?q=commitment%2012&limit=50", "detail": "/api/v1/commitments/{id}",
                 "derived": f"/api/v1/partnerships/{pid['id']}", "organizations": "/api/v1/organizations?limit=50"}
        if args.mix == "peer":
            paths = {k: v for k, v in paths.items() if k in ("list", "filter", "search", "detail")}
        kind = url.split(":")[0].split("+")[0]
        print(f"sticoop serve --workers {args.workers}, {kind}, {args.auth}, {args.role}, {args.rows:,} extra rows, "
              f"wait {args.wait} s, {args.seconds:.0f} s per run, {args.mix} requests")
        print(f"{'target':28} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  answers")
        for clients in (int(c) for c in args.clients.split(",")):
            show(f"sticoop ({args.mix}, {args.role})", clients,
                 run(base, clients, args.seconds, args.wait, headers, cookies, paths, ids, args.mix == "mixed"),
                 args.by_kind)
        beside = Path(sys.executable).with_name("datasette")
        datasette = str(beside) if beside.exists() else shutil.which("datasette")
        if datasette and kind == "sqlite" and not args.no_peer:
            dport = free_port()
            ds = subprocess.Popen([datasette, "serve", str(data_dir / "sticoop.db"), "-p", str(dport)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(3)
            try:
                dpaths = {"list": "/sticoop/commitments.json?_size=50",
                          "filter": f"/sticoop/commitments.json?status=in_progress&partnership_id={pid['id']}&_size=50",
                          "search": "/sticoop/commitments.json?search_text__contains=commitment+12&_size=50",
                          "detail": "/sticoop/commitments/{id}.json"}
                if args.mix == "mixed":
                    dpaths["organizations"] = "/sticoop/organizations.json?_size=50"
                for clients in (int(c) for c in args.clients.split(",")):
                    show("datasette (same queries)", clients, run(f"http://127.0.0.1:{dport}", clients, args.seconds,
                                                                  args.wait, {}, {}, dpaths, ids, False), args.by_kind)
            finally:
                ds.terminate()
        else:
            print("(datasette not installed or not SQLite: no peer baseline in this run)")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
