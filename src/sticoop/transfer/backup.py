"""`sticoop backup PATH` and `sticoop restore PATH`: a consistent copy of everything a sticoop install holds.

A backup is a folder:

- ``database.sqlite3`` (SQLite: taken with SQLite's online backup API, ``sqlite3.Connection.backup``, which
  copies one consistent state of the database *including what is still in its ``-wal`` file*, while the
  server keeps running) or ``database.pgdump`` (PostgreSQL: ``pg_dump --format=custom``, one consistent
  snapshot by its own transaction);
- ``files/<folder>/...``: the data dir's stored files (:data:`FILE_FOLDERS`: the documents, stored by
  sha256, and the matching index with its manifest), copied after the database snapshot so that every file
  the snapshot names is there;
- ``manifest.json``: format, sticoop version, Alembic revision, database kind, and every file with its size
  and SHA-256. It is written last, and the folder is built under ``PATH.part`` and renamed at the end: a
  failed backup never looks like a finished one.

A restore checks every checksum first (a changed or missing file is refused, named, before anything is
written), refuses a target that already holds records or files unless ``force``, then puts the database and
the files in place. Everything comes back: records, users and their partnership assignments, API tokens,
sign-in sessions, the audit trail, documents and their files, profiles with their vectors, intakes,
brokerage.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL, make_url

import sticoop
from sticoop.core import clock
from sticoop.core.errors import DomainError, Unavailable

FORMAT_NAME = "sticoop-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
#: folders of the data dir that hold state: documents (by sha256), the matching index, the files background
#: jobs made (``jobs/<id>/``, named by the jobs table)
FILE_FOLDERS = ("documents", "matching", "jobs")
#: names of files still being written (never part of a backup)
PARTIAL_SUFFIXES = (".part", ".tmp")
#: tables that only the schema and `db upgrade` fill: a database holding only these counts as empty
SEEDED_TABLES = frozenset({"alembic_version", "countries", "fields"})
#: the matching index's file names start with this and a hash of the database URL (matchmaking.index_store)
INDEX_PREFIX = "profiles-"
CHUNK = 1024 * 1024


class BackupError(DomainError):
    """A backup or restore that cannot be done; the message names the file or the rule."""

    status_code = 422


@dataclass(frozen=True)
class Target:
    """Where a sticoop install keeps its state: its data dir and its database URL."""

    data_dir: Path
    database_url: str

    @property
    def kind(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return make_url(self.database_url).get_backend_name()

    @property
    def sqlite_path(self) -> Path:
        database = make_url(self.database_url).database
        if not database or database == ":memory:":
            raise BackupError("an in-memory SQLite database cannot be backed up or restored")
        return Path(database)


def sha256_of(path: Path) -> str:
    """The hex SHA-256 of a file, read in 1 MB chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def index_key(database_url: str) -> str:
    """The part of the matching index's file names that names the database (see matchmaking.index_store)."""
    return hashlib.sha256(database_url.encode("utf-8")).hexdigest()[:12]


# --- PostgreSQL tools -------------------------------------------------------------------------------------

def pg_tool(name: str, bin_dir: Path | None = None) -> str:
    """The path of ``pg_dump`` or ``pg_restore``: in ``bin_dir`` (the ``STICOOP_PG_BIN_DIR`` setting) when
    given, else on ``PATH``, else the newest of Debian's ``/usr/lib/postgresql/<version>/bin``. Raises
    :class:`Unavailable` (503) naming the tool and the setting when none is found."""
    if bin_dir is not None:
        candidate = bin_dir / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
        raise Unavailable(f"{name} not found in {bin_dir} (STICOOP_PG_BIN_DIR)")
    found = shutil.which(name)
    if found:
        return found
    debian = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
                    key=lambda p: [int(x) for x in p.parts[-3].split(".") if x.isdigit()])
    if debian:
        return str(debian[-1])
    raise Unavailable(f"{name} is needed to back up or restore a PostgreSQL database and was not found: install "
                      "the PostgreSQL client tools (same major version as the server or newer), or set "
                      "STICOOP_PG_BIN_DIR to the folder that holds them")


def _libpq(database_url: str) -> tuple[str, dict[str, str]]:
    """The URL for libpq tools (no driver, no password) and an environment with the password (not on the
    command line, where other users of the machine could read it)."""
    url: URL = make_url(database_url)
    env = {**os.environ}
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        lines = [line for line in (result.stderr or result.stdout).splitlines() if line.strip()]
        raise BackupError(f"{what} failed: {lines[0] if lines else f'exit code {result.returncode}'}")


# --- backup -----------------------------------------------------------------------------------------------

def backup(destination: Path, target: Target, pg_bin_dir: Path | None = None) -> dict[str, Any]:
    """Write a backup of ``target`` to the folder ``destination`` (which must not exist, or be empty) and
    return its manifest. Raises :class:`BackupError` when it cannot (destination not empty, a tool failed)."""
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise BackupError(f"{destination}: already exists and is not an empty folder; choose a new path")
    partial = destination.with_name(destination.name + ".part")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        manifest = _write_backup(partial, target, pg_bin_dir)
        if destination.exists():
            destination.rmdir()
        os.replace(partial, destination)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return manifest


def _write_backup(folder: Path, target: Target, pg_bin_dir: Path | None) -> dict[str, Any]:
    kind = target.kind
    if kind == "sqlite":
        database_file = "database.sqlite3"
        _sqlite_backup(target.sqlite_path, folder / database_file)
    elif kind == "postgresql":
        database_file = "database.pgdump"
        url, env = _libpq(target.database_url)
        _run([pg_tool("pg_dump", pg_bin_dir), "--format=custom", "--no-owner", "--no-privileges",
              f"--file={folder / database_file}", f"--dbname={url}"], env, "pg_dump")
    else:
        raise BackupError(f"backing up a {kind} database is not supported (SQLite and PostgreSQL are)")
    revision = _revision(target.database_url)
    files = [_entry(folder, folder / database_file)]
    for source in _state_files(target.data_dir):
        copy = folder / "files" / source.relative_to(target.data_dir)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, copy)
        files.append(_entry(folder, copy))
    manifest = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "sticoop_version": sticoop.__version__,
                "created_at": clock.wall_clock().isoformat(), "alembic_revision": revision,
                "database": {"kind": kind, "file": database_file}, "index_key": index_key(target.database_url),
                "files": files}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    return manifest


def _sqlite_backup(source: Path, destination: Path) -> None:
    """One consistent copy through SQLite's online backup API: what is committed, WAL included, at one
    instant, while other connections keep reading and writing. The copy is one self-contained file."""
    if not source.is_file():
        raise BackupError(f"{source}: no such SQLite database")
    src = sqlite3.connect(source, timeout=60)
    dst = sqlite3.connect(destination)
    try:
        src.backup(dst)  # all pages in one step: one read transaction, one state
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()


def _revision(database_url: str) -> str | None:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.scalar(text("SELECT version_num FROM alembic_version"))
    finally:
        engine.dispose()


def _state_files(data_dir: Path) -> Iterator[Path]:
    """The stored files of the data dir: finished documents (named by their sha256; a half-written
    temporary file is not one), the matching index's manifests with the files they name, and every finished
    file of the other :data:`FILE_FOLDERS`."""
    documents = data_dir / "documents"
    if documents.is_dir():
        for path in sorted(documents.rglob("*")):
            if path.is_file() and len(path.name) == 64 and all(c in "0123456789abcdef" for c in path.name):
                yield path
    matching = data_dir / "matching"
    if matching.is_dir():
        for manifest in sorted(matching.glob("*.json")):
            try:
                named = matching / str(json.loads(manifest.read_text(encoding="utf-8"))["file"])
            except (OSError, ValueError, KeyError, TypeError):
                continue  # a cache: an unreadable one is rebuilt by the next process anyway
            if named.is_file():
                yield manifest
                yield named
    for folder in FILE_FOLDERS:
        if folder in ("documents", "matching") or not (data_dir / folder).is_dir():
            continue
        for path in sorted((data_dir / folder).rglob("*")):
            if path.is_file() and not path.name.endswith(PARTIAL_SUFFIXES):
                yield path


def _entry(folder: Path, path: Path) -> dict[str, Any]:
    return {"path": path.relative_to(folder).as_posix(), "size": path.stat().st_size, "sha256": sha256_of(path)}


# --- restore ----------------------------------------------------------------------------------------------

def read_manifest(source: Path) -> dict[str, Any]:
    """The manifest of the backup folder ``source``; raises :class:`BackupError` when it is not one."""
    path = source / MANIFEST
    if not path.is_file():
        raise BackupError(f"{source}: not a sticoop backup (no {MANIFEST})")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BackupError(f"{path}: unreadable ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise BackupError(f"{path}: not a sticoop backup manifest")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(f"{path}: unsupported backup format version {manifest.get('format_version')!r}")
    return manifest


def verify(source: Path, manifest: dict[str, Any]) -> None:
    """Check every file of the backup against the manifest's size and SHA-256; raises :class:`BackupError`
    naming the first file that is missing or changed."""
    for entry in manifest.get("files") or []:
        relative = str(entry.get("path", ""))
        path = (source / relative).resolve()
        if not path.is_relative_to(source.resolve()) or relative.startswith("/"):
            raise BackupError(f"{relative}: a path outside the backup folder; refused")
        if not path.is_file():
            raise BackupError(f"{relative}: missing from the backup")
        if path.stat().st_size != entry.get("size") or sha256_of(path) != entry.get("sha256"):
            raise BackupError(f"{relative}: checksum mismatch, the file was changed or damaged since the backup")


def restore(source: Path, target: Target, force: bool = False, pg_bin_dir: Path | None = None) -> dict[str, Any]:
    """Restore the backup folder ``source`` into ``target`` and return its manifest. Refuses (BackupError,
    nothing written) a backup whose files do not match their checksums, a database of another kind than the
    target's, and a target that holds records or stored files unless ``force`` (which replaces them)."""
    manifest = read_manifest(source)
    verify(source, manifest)
    database = manifest.get("database") or {}
    if database.get("kind") != target.kind:
        raise BackupError(f"this backup holds a {database.get('kind')} database; the target database is "
                          f"{target.kind} ({_safe(target.database_url)})")
    if not force:
        held = _what_target_holds(target)
        if held:
            raise BackupError(f"the target is not empty ({held}); restore into an empty data dir and database, "
                              "or use --force to replace what is there")
    dump = source / str(database.get("file"))
    if target.kind == "sqlite":
        _sqlite_restore(dump, target.sqlite_path)
    else:
        _pg_restore(dump, target.database_url, pg_bin_dir)
    _restore_files(source, manifest, target)
    return manifest


def _safe(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _what_target_holds(target: Target) -> str | None:
    """A short description of what the target already holds (records, files), or None when it is empty."""
    for folder in FILE_FOLDERS:
        path = target.data_dir / folder
        if path.is_dir() and any(p.is_file() for p in path.rglob("*")):
            return f"{path} holds files"
    if target.kind == "sqlite" and not target.sqlite_path.exists():
        return None
    engine = create_engine(target.database_url)
    try:
        with engine.connect() as conn:
            for table in inspect(conn).get_table_names():
                if table in SEEDED_TABLES:
                    continue
                if conn.execute(text(f'SELECT 1 FROM "{table}" LIMIT 1')).first() is not None:
                    return f"table {table} has rows"
    finally:
        engine.dispose()
    return None


def _sqlite_restore(dump: Path, database: Path) -> None:
    """Put the backed-up database in place: copied beside the target, then renamed over it, the target's
    old ``-wal``/``-shm`` removed first (they belong to the file being replaced)."""
    database.parent.mkdir(parents=True, exist_ok=True)
    incoming = database.with_name(database.name + ".restoring")
    shutil.copyfile(dump, incoming)
    for suffix in ("-wal", "-shm", "-journal"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    os.replace(incoming, database)


def _pg_restore(dump: Path, database_url: str, pg_bin_dir: Path | None) -> None:
    """Empty the target database's ``public`` schema and restore the dump into it in one transaction."""
    tool = pg_tool("pg_restore", pg_bin_dir)
    engine = create_engine(database_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()
    url, env = _libpq(database_url)
    _run([tool, "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
          f"--dbname={url}", str(dump)], env, "pg_restore")


def _restore_files(source: Path, manifest: dict[str, Any], target: Target) -> None:
    """Copy the stored files into the data dir (replacing its file folders). The matching index is named
    after the database URL: its files are renamed for the target's, so the restored install loads it."""
    for folder in FILE_FOLDERS:
        shutil.rmtree(target.data_dir / folder, ignore_errors=True)
    old_key = f"{INDEX_PREFIX}{manifest.get('index_key')}-"
    new_key = f"{INDEX_PREFIX}{index_key(target.database_url)}-"
    for entry in manifest.get("files") or []:
        relative = Path(str(entry["path"]))
        if relative.parts[0] != "files":
            continue
        inside = Path(*relative.parts[1:])
        if inside.parts[0] == "matching" and inside.name.startswith(old_key):
            inside = inside.with_name(new_key + inside.name[len(old_key):])
        destination = target.data_dir / inside
        destination.parent.mkdir(parents=True, exist_ok=True)
        if destination.suffix == ".json" and inside.parts[0] == "matching":
            index_manifest = json.loads((source / relative).read_text(encoding="utf-8"))
            index_manifest["file"] = str(index_manifest.get("file", "")).replace(old_key, new_key, 1)
            destination.write_text(json.dumps(index_manifest), encoding="utf-8")
        else:
            shutil.copy2(source / relative, destination)

