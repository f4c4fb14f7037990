"""`sticoop token create|list|revoke` and `sticoop export --format iati`, run in-process against the test
database (SQLite and PostgreSQL); a created token works against the API, a revoked one does not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result
from fastapi.testclient import TestClient
from lxml import etree
from typer.testing import CliRunner

from sticoop.core.config import get_settings
from sticoop.core.database import session_scope
from sticoop.demo.data import load_demo

REF = "XM-DAC-99999"


@pytest.fixture
def cli(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Run ``sticoop ...`` in this process, on the test database."""
    from sticoop.cli import app

    monkeypatch.setenv("STICOOP_DATABASE_URL", db_url)
    monkeypatch.setenv("STICOOP_IATI_REPORTING_ORG_REF", REF)
    get_settings.cache_clear()
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(app, list(args))

    yield run
    monkeypatch.undo()
    get_settings.cache_clear()


def _one_error_line(result: Result) -> str:
    assert result.exit_code != 0, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_token_create_list_revoke_and_the_token_works_against_the_api(cli, db_url: str) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import make_user

    from sticoop.server.app import create_app

    make_user(db_url, "script", "viewer")
    created = cli("token", "create", "script", "--name", "nightly import", "--days", "30")
    assert created.exit_code == 0, created.output
    secret = created.stdout.strip()
    assert secret.startswith("stc_") and len(created.stdout.strip().splitlines()) == 1
    assert "shown once" in created.stderr
    listed = cli("token", "list", "script")
    assert listed.exit_code == 0 and "nightly import" in listed.stdout and secret not in listed.stdout
    assert secret[:10] in listed.stdout  # its prefix, to tell tokens apart
    with TestClient(create_app(db_url)) as api:
        headers = {"Authorization": f"Bearer {secret}"}
        assert api.get("/api/v1/projects", headers=headers).status_code == 200
        assert api.get("/api/v1/tokens", headers=headers).json()[0]["name"] == "nightly import"
        token_id = api.get("/api/v1/tokens", headers=headers).json()[0]["id"]
        revoked = cli("token", "revoke", str(token_id))
        assert revoked.exit_code == 0 and f"revoked token {token_id}" in revoked.stdout
        assert api.get("/api/v1/projects", headers=headers).status_code == 401
    assert cli("token", "list").exit_code == 0


def test_the_token_is_stored_hashed_and_expires_as_asked(cli, db_url: str) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select
    from tests.conftest import make_user

    from sticoop.accounts.models import ApiToken

    make_user(db_url, "script", "viewer")
    secret = cli("token", "create", "script", "--name", "x", "--days", "7").stdout.strip()
    with session_scope(db_url) as db:
        token = db.scalars(select(ApiToken)).one()
        assert secret not in (token.token_hash, token.prefix) and len(token.token_hash) == 64
        assert token.expires_at is not None and 6 <= (token.expires_at - token.created_at).days <= 7


@pytest.mark.parametrize(("args", "words"), [
    (("token", "create", "nobody", "--name", "x"), "No user 'nobody'"),
    (("token", "create", "script", "--name", "x", "--days", "0"), "--days must be 1–365"),
    (("token", "create", "script", "--name", "x", "--days", "366"), "--days must be 1–365"),
    (("token", "create", "script", "--name", "x", "--days", "-5"), "--days must be 1–365"),
    (("token", "create", "script", "--name", "  "), "--name must be 1–120 characters"),
    (("token", "create", "script", "--name", "n" * 121), "--name must be 1–120 characters"),
    (("token", "list", "nobody"), "No user 'nobody'"),
    (("token", "revoke", "999"), "No token 999"),
])
def test_token_errors_are_one_line_and_non_zero(cli, db_url: str, args: tuple[str, ...], words: str) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import make_user

    make_user(db_url, "script", "viewer")
    assert words in _one_error_line(cli(*args))


def test_a_disabled_user_gets_no_token(cli, db_url: str) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import make_user

    make_user(db_url, "script", "viewer")
    assert cli("user", "disable", "script").exit_code == 0
    assert "disabled" in _one_error_line(cli("token", "create", "script", "--name", "x"))


def test_export_format_iati_writes_the_valid_activities(cli, db_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sticoop.projects.iati.xsd import activity_schema

    with session_scope(db_url) as db:
        load_demo(db)
    target = tmp_path / "out.iati.xml"
    result = cli("export", "--format", "iati", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "exported 1 IATI activities" in result.stderr
    document = etree.parse(str(target)).getroot()
    assert activity_schema().validate(document) and len(document) == 1
    filtered = cli("export", "--format", "iati", "-o", str(tmp_path / "none.xml"), "--status", "completed")
    assert "no project can be exported validly" in _one_error_line(filtered)
    assert not (tmp_path / "none.xml").exists()
    too_long = cli("export", "--format", "iati", "-o", str(tmp_path / "x.xml"), "--status", "s" * 41)
    assert "status: String should have at most 40 characters" in _one_error_line(too_long)
    with_left_out = cli("export", "--format", "iati", "-o", str(tmp_path / "strict.xml"), "--strict")
    assert with_left_out.exit_code == 0  # the demo's one project is valid: --strict has nothing to refuse
    from sticoop.projects.schemas import ProjectIn
    from sticoop.projects.service import projects

    with session_scope(db_url) as db:
        bad = projects.create(db, ProjectIn(title="No description yet")).id
    lenient = cli("export", "--format", "iati", "-o", str(target))
    assert lenient.exit_code == 0 and f"left out: project {bad} (No description yet): " in lenient.stderr
    assert "no description" in lenient.stderr and "(1 left out)" in lenient.stderr
    strict = cli("export", "--format", "iati", "-o", str(tmp_path / "strict2.xml"), "--strict")
    assert "1 project(s) cannot be exported validly (--strict)" in strict.stderr and strict.exit_code == 1
    assert not (tmp_path / "strict2.xml").exists()
