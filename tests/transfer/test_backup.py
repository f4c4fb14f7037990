"""`sticoop backup` / `sticoop restore`: everything comes back (every table, users and their assignments,
tokens, audit, documents and their files, profiles with vectors and the matching index, intakes, brokerage),
a backup taken while another connection writes is one consistent state, and a changed file is refused by name.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import MetaData, create_engine, select, text
from sqlalchemy.engine import make_url
from tests.brokerage.test_brokerage_api import make_fair
from tests.conftest import make_user

from sticoop.core.config import get_settings
from sticoop.core.database import get_engine, new_session, session_scope
from sticoop.transfer.backup import BackupError, Target, backup, pg_tool, read_manifest, restore
from sticoop.transfer.service import export_json

INTAKE_TEXT = ("Hanoi, 12 March 2024 - The Ministry of Science and Technology of Vietnam and the Belgian Science "
               "Policy Office signed a memorandum of understanding on marine science cooperation.")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The source install's own data dir (documents and the matching index are written there)."""
    folder = tmp_path / "source"
    folder.mkdir()
    monkeypatch.setattr(get_settings(), "data_dir", folder)
    return folder


def _empty_database_like(url: str) -> Iterator[str]:
    """A new, empty database of the same kind as ``url`` (dropped afterwards on PostgreSQL)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        yield f"sqlite:///{Path(str(parsed.database)).parent / f'restored-{uuid.uuid4().hex[:8]}.db'}"
        return
    name = f"sticoop_restore_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    new_url = parsed.set(database=name).render_as_string(hide_password=False)
    try:
        yield new_url
    finally:
        get_engine(new_url).dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def empty_url(db_url: str) -> Iterator[str]:
    if make_url(db_url).get_backend_name() == "postgresql":
        try:
            pg_tool("pg_dump")
            pg_tool("pg_restore")
        except Exception as exc:  # noqa: BLE001 - Unavailable: no client tools on this machine
            pytest.skip(str(exc))
    yield from _empty_database_like(db_url)


def dump_tables(url: str) -> dict[str, list[tuple]]:
    """Every row of every table the database has (reflected: accounts, audit, alembic_version included)."""
    engine = create_engine(url)
    try:
        meta = MetaData()
        meta.reflect(engine)
        with engine.connect() as conn:
            return {name: sorted(conn.execute(select(table)).all(), key=repr)
                    for name, table in sorted(meta.tables.items())}
    finally:
        engine.dispose()


def export_of(url: str) -> str:
    buffer = io.StringIO()
    with new_session(url) as db:
        export_json(db, buffer)
    return buffer.getvalue()


def _fill(client: TestClient, db_url: str) -> dict[str, int]:
    """Demo data plus one of everything the demo lacks: users assigned to partnerships, an API token, a
    document with its file, a published profile (its vector), an intake, a brokerage fair with a meeting."""
    from sticoop.accounts.models import User
    from sticoop.accounts.service import create_token
    from sticoop.demo.data import load_demo
    from sticoop.matchmaking import service as matching

    with session_scope(db_url) as db:
        load_demo(db)
    partnerships = client.get("/api/v1/partnerships").json()["items"]
    member = make_user(db_url, "member1", "secretariat", [p["id"] for p in partnerships[:2]])
    with session_scope(db_url) as db:
        create_token(db, db.get(User, member), "backup test")
    document = client.post("/api/v1/documents", files={"file": ("Biên bản họp.txt", b"Minutes of the 9th session",
                                                                "text/plain")})
    assert document.status_code == 201, document.text
    intake = client.post("/api/v1/intakes", files={"file": ("mou.txt", INTAKE_TEXT.encode(), "text/plain")})
    assert intake.status_code == 201, intake.text
    for kind, title in (("technology_offer", "Solar rice dryer"), ("technology_request", "Looking for rice dryers")):
        profile = client.post("/api/v1/profiles", json={"kind": kind, "status": "published", "title": title,
                                                        "summary": "Drying paddy rice with solar heat"})
        assert profile.status_code == 201, profile.text
    event = make_fair(client)
    base = f"/api/v1/events/{event}/brokerage"
    client.post(f"{base}/slots", json=[{"starts_at": "2025-09-10T09:00:00", "ends_at": "2025-09-10T09:30:00"}])
    client.post(f"{base}/tables", json={"names": ["T1"]})
    a, b = (client.post(f"{base}/participants", json={"name": n}).json()["id"] for n in ("A", "B"))
    meeting = client.post(f"{base}/meetings", json={"requester_id": a, "recipient_id": b}).json()
    assert client.post(f"/api/v1/brokerage/meetings/{meeting['id']}/response", json={"accept": True}).status_code == 200
    matching.forget_matchers()
    with new_session(db_url) as db:  # saves the HNSW index under <data dir>/matching
        assert matching.matcher(db, index_kind="usearch").index_source == "built"
    return {"document": document.json()["id"]}


def test_backup_then_restore_into_a_new_install_gives_back_everything(client: TestClient, db_url: str, empty_url: str,
                                                                      data_dir: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from sticoop.matchmaking import service as matching

    _fill(client, db_url)
    before_tables, before_export = dump_tables(db_url), export_of(db_url)
    for table in ("users", "user_partnerships", "api_tokens", "login_sessions", "audit_log", "documents",
                  "profile_embeddings", "intakes", "meeting_requests", "brokerage_participants"):
        assert before_tables.get(table), f"the test data has no {table}"

    (data_dir / "jobs" / "7").mkdir(parents=True)  # a file a background job made, and one being written
    (data_dir / "jobs" / "7" / "export.json").write_text('{"made": "by job 7"}', encoding="utf-8")
    (data_dir / "jobs" / "7" / "export.json.part").write_text("half", encoding="utf-8")
    manifest = backup(tmp_path / "backup", Target(data_dir, db_url))
    restored = Target(tmp_path / "restored", empty_url)
    restore(tmp_path / "backup", restored)

    assert dump_tables(empty_url) == before_tables  # every table, row for row
    assert export_of(empty_url) == before_export
    stored = [(tmp_path / "backup" / f["path"]).relative_to(tmp_path / "backup" / "files").as_posix()
              for f in manifest["files"] if f["path"].startswith("files/documents/")]
    sha_of_documents = {row.sha256 for row in before_tables["documents"]}
    assert {Path(p).name for p in stored} >= sha_of_documents
    for relative in stored:  # every document file, byte for byte
        assert (restored.data_dir / relative).read_bytes() == (data_dir / relative).read_bytes()
    assert (restored.data_dir / "jobs" / "7" / "export.json").read_text(encoding="utf-8") == '{"made": "by job 7"}'
    assert not (restored.data_dir / "jobs" / "7" / "export.json.part").exists()
    # the matching index comes back under the new database's name and is loaded, not rebuilt
    monkeypatch.setattr(get_settings(), "data_dir", restored.data_dir)
    matching.forget_matchers()
    with new_session(empty_url) as db:
        assert matching.matcher(db, index_kind="usearch").index_source == "loaded"
    matching.forget_matchers()


def test_a_changed_or_missing_file_is_refused_by_name_before_anything_is_written(client: TestClient, db_url: str,
                                                                                 empty_url: str, data_dir: Path,
                                                                                 tmp_path: Path) -> None:
    _fill(client, db_url)
    manifest = backup(tmp_path / "backup", Target(data_dir, db_url))
    files = [f["path"] for f in manifest["files"]]
    assert any(p.startswith("database.") for p in files) and any(p.startswith("files/documents/") for p in files)
    assert any(p.startswith("files/matching/") for p in files)
    target = Target(tmp_path / "restored", empty_url)
    for relative in files:  # every file of the backup, one at a time
        path = tmp_path / "backup" / relative
        original = path.read_bytes()
        path.write_bytes(original[:-1] + bytes([original[-1] ^ 1]))
        with pytest.raises(BackupError, match=f"{relative}: checksum mismatch"):
            restore(tmp_path / "backup", target)
        path.unlink()
        with pytest.raises(BackupError, match=f"{relative}: missing"):
            restore(tmp_path / "backup", target)
        path.write_bytes(original)
        assert not (target.data_dir / "documents").exists()
    restore(tmp_path / "backup", target)
    with pytest.raises(BackupError, match="not empty"):  # a second restore over it needs --force
        restore(tmp_path / "backup", target)
    restore(tmp_path / "backup", target, force=True)
    assert dump_tables(empty_url)["users"] == dump_tables(db_url)["users"]
    with pytest.raises(BackupError, match="not an empty folder"):
        backup(tmp_path / "backup", Target(data_dir, db_url))


def test_sqlite_backup_while_another_connection_writes_is_one_consistent_state(tmp_path: Path) -> None:
    """A writer commits pairs of rows (both or neither) as fast as it can; backups taken meanwhile hold
    every pair committed before they started (some still only in the -wal file) and never half a pair."""
    database = tmp_path / "live.db"
    setup = sqlite3.connect(database)
    setup.execute("PRAGMA journal_mode=WAL")
    setup.execute("PRAGMA wal_autocheckpoint=0")  # keep the writes in the -wal file: what a file copy misses
    setup.execute("CREATE TABLE pairs (n INTEGER, side TEXT, filler TEXT)")
    setup.commit()
    stop = threading.Event()
    committed = [0]

    def writer() -> None:
        conn = sqlite3.connect(database, timeout=60)
        n = 0
        while not stop.is_set():
            with conn:
                conn.execute("INSERT INTO pairs VALUES (?, 'a', ?)", (n, "x" * 2000))
                conn.execute("INSERT INTO pairs VALUES (?, 'b', ?)", (n, "y" * 2000))
            n += 1
            committed[0] = n
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        results = []
        for round_ in range(5):
            while committed[0] < 200 * (round_ + 1):
                time.sleep(0.01)
            before = committed[0]
            backup(tmp_path / f"b{round_}", Target(tmp_path / "data", f"sqlite:///{database}"))
            results.append((before, tmp_path / f"b{round_}" / "database.sqlite3"))
    finally:
        stop.set()
        thread.join()
    assert (tmp_path / "live.db-wal").stat().st_size > 0  # the writes were (also) in the -wal file
    for before, copy in results:
        conn = sqlite3.connect(copy)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        sides = dict(conn.execute("SELECT side, COUNT(*) FROM pairs GROUP BY side").fetchall())
        assert sides["a"] == sides["b"] >= before  # whole pairs only, none committed before the start lost
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
        conn.close()


def _sticoop(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "sticoop"
    return subprocess.run([str(script), *args], env=env, capture_output=True, text=True, timeout=300, check=False)


def test_the_commands_back_up_and_restore_the_demo_and_say_what_is_wrong(tmp_path: Path) -> None:
    """`sticoop backup` / `restore` end to end on the demo data; times printed for the record."""
    if not (Path(sys.executable).parent / "sticoop").exists():
        pytest.skip("the sticoop console script is not installed next to this Python")
    source = {**os.environ, "STICOOP_DATA_DIR": str(tmp_path / "src"),
              "STICOOP_DATABASE_URL": f"sqlite:///{tmp_path / 'src' / 'sticoop.db'}"}
    target = {**source, "STICOOP_DATA_DIR": str(tmp_path / "dst"),
              "STICOOP_DATABASE_URL": f"sqlite:///{tmp_path / 'dst' / 'sticoop.db'}"}
    for args in (("db", "upgrade"), ("demo", "load")):
        assert _sticoop(source, *args).returncode == 0
    started = time.monotonic()
    made = _sticoop(source, "backup", str(tmp_path / "bk"))
    backup_seconds = time.monotonic() - started
    assert made.returncode == 0, made.stderr
    started = time.monotonic()
    back = _sticoop(target, "restore", str(tmp_path / "bk"))
    restore_seconds = time.monotonic() - started
    assert back.returncode == 0, back.stderr
    print(f"demo data: backup {backup_seconds:.1f} s, restore {restore_seconds:.1f} s (process start included)")
    exports = [_sticoop(env, "export", "--format", "json") for env in (source, target)]
    assert exports[0].returncode == 0 and exports[0].stdout == exports[1].stdout
    assert "left out: accounts" in exports[0].stderr
    assert json.loads(exports[0].stdout)["left_out"]["tables"]["users"]
    again = _sticoop(target, "restore", str(tmp_path / "bk"))
    assert again.returncode == 1 and again.stderr.startswith("error: the target is not empty")
    document = read_manifest(tmp_path / "bk")["files"][0]["path"]
    (tmp_path / "bk" / document).write_bytes(b"tampered")
    tampered = _sticoop(target, "restore", "--force", str(tmp_path / "bk"))
    assert tampered.returncode == 1
    assert tampered.stderr.strip() == f"error: {document}: checksum mismatch, the file was changed or damaged " \
                                      "since the backup"
