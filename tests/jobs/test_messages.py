"""Job messages in the reader's language: every job kind the domains register declares the messages it can
report or fail with, each is translated in fr and vi with the same placeholders; the jobs page, ``GET
/api/v1/jobs/{id}`` and ``sticoop jobs show`` print a stored message code in the reader's language, a row
from before message codes as it was written, and a kind that reports an undeclared message fails saying so."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from click.testing import Result
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from sticoop.accounts.models import User
from sticoop.composition import bootstrap
from sticoop.core.config import get_settings
from sticoop.core.database import session_scope
from sticoop.core.i18n import Formatter
from sticoop.jobs import messages, registry
from sticoop.jobs.models import Job, JobStatus
from sticoop.jobs.service import JobContext, run_job
from sticoop.transfer.service import EXPORTED

bootstrap()
#: every job kind a domain registers (the test kinds of this folder aside), and "" for the machinery's own
KINDS = sorted(name for name in registry.job_kinds() if not name.startswith("test.")) + [""]
LOCALES = ("fr", "vi")
LOCALE_DIR = __import__("pathlib").Path(__file__).parents[2] / "src" / "sticoop" / "locale"
PLACEHOLDER = re.compile(r"%\((\w+)\)([sd])")


@cache
def _catalogue(locale: str) -> Catalog:
    with (LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=locale)


def _sample_args(msgid: str) -> dict[str, Any]:
    return {name: 7 if kind == "d" else f"<{name}>" for name, kind in PLACEHOLDER.findall(msgid)}


def test_the_registered_kinds_are_the_domains_work() -> None:
    assert {"briefing.pack", "ingest.batch", "transfer.export", "reminders.send", "database.analyze"} <= set(KINDS)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_message_a_kind_can_emit_is_translated(kind: str, locale: str) -> None:
    found = messages.JOB_MESSAGES if not kind else registry.job_kind(kind).messages
    translate = Formatter(locale)._
    for msgid in sorted(found):
        entry = _catalogue(locale).get(msgid)
        assert entry is not None and entry.string, (kind, locale, msgid)
        assert sorted(PLACEHOLDER.findall(entry.string)) == sorted(PLACEHOLDER.findall(msgid)), (locale, msgid)
        args = _sample_args(msgid)
        shown = messages.render(translate, msgid, args)
        assert shown == entry.string % args and "%(" not in str(shown), (locale, msgid)


def _shout(ctx: JobContext) -> None:
    ctx.progress(1, 1, "an undeclared sentence")


def test_a_kind_reporting_an_undeclared_message_fails_saying_so(db_url: str, caplog: pytest.LogCaptureFixture
                                                                  ) -> None:
    registry.register_job_kind("test.shout", _shout, label="test.shout")
    try:
        with session_scope(db_url) as db:
            job = Job(kind="test.shout", params={}, status=JobStatus.queued.value)
            db.add(job)
            db.flush()
            job_id = job.id
        assert run_job(job_id, db_url) is JobStatus.failed
        with session_scope(db_url) as db:
            row = db.get(Job, job_id)
            assert row is not None
            error, args = row.error, row.error_args
        assert error == messages.FAILED_SEE_LOG and args is not None  # a programming error: logged, not shown
        logged = [r for r in caplog.records if args["error_id"] in r.getMessage()]
        assert logged and "did not declare the message 'an undeclared sentence'" in str(logged[0].exc_info)
    finally:
        registry.unregister("test.shout")


#: a job stored with a message code and arguments, and what each language shows of it
CODED = {"en": "Exported 12 rows from 3 tables", "fr": "12 lignes exportées de 3 tables",
         "vi": "Đã xuất 12 dòng từ 3 bảng"}
LEGACY = "exported 5 rows from 2 tables"


@pytest.fixture
def jobs(db_url: str, client_as: Callable[..., TestClient]) -> tuple[TestClient, int, int]:
    """An admin's client, a finished export job with a message code, and an older row with a plain text."""
    client = client_as("admin", username="boss")
    with session_scope(db_url) as db:
        user_id = db.scalar(select(User.id).where(User.username == "boss"))
        coded = Job(kind="transfer.export", params={}, status="succeeded", progress_done=1, progress_total=1,
                    message=EXPORTED, message_args={"rows": 12, "tables": 3}, user_id=user_id, created_by="boss")
        legacy = Job(kind="transfer.export", params={}, status="failed", message=LEGACY, user_id=user_id,
                     created_by="boss", error=messages.STALE, error_args={})
        db.add_all([coded, legacy])
        db.flush()
        return client, coded.id, legacy.id


@pytest.mark.parametrize("lang", ["en", "fr", "vi"])
def test_the_api_and_the_page_show_messages_in_the_readers_language(lang: str, jobs: tuple[TestClient, int, int]
                                                                    ) -> None:
    client, coded, legacy = jobs
    stale = Formatter(lang)._(messages.STALE)
    one = client.get(f"/api/v1/jobs/{coded}", params={"lang": lang}).json()
    assert one["message"] == CODED[lang]
    old = client.get(f"/api/v1/jobs/{legacy}", headers={"Accept-Language": lang}).json()
    assert (old["message"], old["error"]) == (LEGACY, stale)  # an old row's text as written
    listed = {j["id"]: j for j in client.get("/api/v1/jobs", params={"lang": lang}).json()["items"]}
    assert listed[coded]["message"] == CODED[lang]
    page = client.get("/jobs", params={"lang": lang}).text
    assert CODED[lang] in page and LEGACY in page and stale in page


@pytest.fixture
def cli(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Result]]:
    from sticoop.cli import app

    monkeypatch.setenv("STICOOP_DATABASE_URL", db_url)
    get_settings.cache_clear()
    runner = CliRunner()
    yield lambda *args, **env: runner.invoke(app, list(args), env=env or None)
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.mark.parametrize("lang", ["en", "fr", "vi"])
def test_the_cli_shows_messages_in_the_readers_language(lang: str, jobs: tuple[TestClient, int, int],
                                                       cli: Callable[..., Result]) -> None:
    _client, coded, legacy = jobs
    shown = cli("jobs", "show", str(coded), "--lang", lang)
    assert shown.exit_code == 0, shown.output
    assert CODED[lang] in shown.output
    by_env = cli("jobs", "show", str(legacy), LANG={"en": "C.UTF-8", "fr": "fr_FR.UTF-8", "vi": "vi_VN.UTF-8"}[lang])
    assert LEGACY in by_env.output and Formatter(lang)._(messages.STALE) in by_env.output


@pytest.mark.parametrize("args", [("jobs", "show", "999999"), ("jobs", "show", "1", "--lang", "de"),
                                  ("jobs", "show", "x")])
def test_the_cli_refuses_bad_input_with_one_error_line(args: tuple[str, ...], cli: Callable[..., Result]) -> None:
    result = cli(*args)
    assert result.exit_code != 0
    assert "Traceback" not in result.output
