"""The commands a user runs, as subprocesses against a fresh data directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = [sys.executable, "-m", "sticoop.cli"]


def run(tmp_path: Path, *args: str, data: str = "data") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STICOOP_DATA_DIR": str(tmp_path / data)}
    env.pop("STICOOP_DATABASE_URL", None)
    return subprocess.run([*SCRIPT, *args], capture_output=True, text=True, env=env, timeout=300)


def test_upgrade_demo_export_import_round_trip(tmp_path: Path) -> None:
    assert run(tmp_path, "db", "upgrade").returncode == 0
    loaded = run(tmp_path, "demo", "load", "--if-empty")
    assert loaded.returncode == 0 and "demo data loaded" in loaded.stdout
    assert "demo admin account: username 'admin', password '" in loaded.stdout
    again = run(tmp_path, "demo", "load", "--if-empty")
    assert again.returncode == 0 and "nothing loaded" in again.stdout
    exported = run(tmp_path, "export", "--format", "json", "-o", str(tmp_path / "all.json"))
    assert exported.returncode == 0, exported.stderr
    for fmt in ("csv", "xlsx"):
        assert run(tmp_path, "export", "--format", fmt, "-o", str(tmp_path / f"all.{fmt}")).returncode == 0

    assert run(tmp_path, "db", "upgrade", data="other").returncode == 0
    imported = run(tmp_path, "import", str(tmp_path / "all.json"), data="other")
    assert imported.returncode == 0, imported.stderr
    stdout_export = run(tmp_path, "export", data="other")
    assert json.loads(stdout_export.stdout) == json.loads((tmp_path / "all.json").read_text())


def test_bad_input_is_one_line_and_non_zero(tmp_path: Path) -> None:
    assert run(tmp_path, "db", "upgrade").returncode == 0
    (tmp_path / "bad.json").write_text("{ not json")
    result = run(tmp_path, "import", str(tmp_path / "bad.json"))
    assert result.returncode == 1
    assert result.stderr.strip().startswith("error:") and len(result.stderr.strip().splitlines()) == 1
    missing = run(tmp_path, "import", str(tmp_path / "nope.json"))
    assert missing.returncode == 1 and "no such file" in missing.stderr
    no_output = run(tmp_path, "export", "--format", "xlsx")
    assert no_output.returncode == 1 and "--output is required" in no_output.stderr
    assert "Traceback" not in result.stderr + missing.stderr + no_output.stderr


def test_user_commands_and_audit_export(tmp_path: Path) -> None:
    assert run(tmp_path, "db", "upgrade").returncode == 0
    created = run(tmp_path, "user", "create", "Secretary", "--role", "secretariat")
    assert created.returncode == 0 and "with password:" in created.stdout
    assert run(tmp_path, "user", "create", "secretary", "--password", "long enough pw").returncode == 1
    assert run(tmp_path, "user", "create", "weak", "--password", "abc").returncode == 1
    listed = run(tmp_path, "user", "list")
    assert "secretary" in listed.stdout and "secretariat" in listed.stdout
    assert run(tmp_path, "user", "reset-password", "secretary").returncode == 0
    assert run(tmp_path, "user", "disable", "secretary").returncode == 0
    missing = run(tmp_path, "user", "disable", "nobody")
    assert missing.returncode == 1 and "No user 'nobody'" in missing.stderr
    assert run(tmp_path, "demo", "load").returncode == 0
    audit = run(tmp_path, "audit", "export")
    lines = audit.stdout.splitlines()
    assert lines[0].startswith("id,at,actor,action") and len(lines) > 40
    # the account changes made from the command line come first, then the demo's records
    assert [line.split(",")[2:5] for line in lines[1:4]] == [["cli", "create", "user"], ["cli", "password", "user"],
                                                              ["cli", "update", "user"]]
    assert ",demo,create," in lines[4] and "password_hash" not in audit.stdout
