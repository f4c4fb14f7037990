"""A failed job says why in its reader's language: every job kind a domain registers × each way it can fail on
a refusal (its own, or a domain error raised deeper: a record that does not exist, a bad parameter, a source
that cannot be read) × en/fr/vi, read from the jobs table (as the jobs page and ``sticoop jobs show`` render
it) and from ``GET /api/v1/jobs/{id}``. The failure is stored as a message code with its arguments, nested
messages included, and each is translated; an unexpected exception is stored as a generic translated
"failed, see the log" with an error id the log repeats with the traceback — never the exception's text."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from tests.web.helpers import post, seed

from sticoop.accounts.models import User
from sticoop.briefing.jobs import OWNER_GONE
from sticoop.briefing.service import BAD_FORMAT, BAD_LOCALE, OTHER_VISIT
from sticoop.core.crud import NO_RECORD
from sticoop.core.database import session_scope
from sticoop.core.errors import is_message
from sticoop.core.i18n import Formatter
from sticoop.ingest.batch import BAD_PARAMS, NO_SUCH_FILE, NONE_INGESTED
from sticoop.ingest.fetch import NOT_HTTP, UNREACHABLE
from sticoop.jobs import messages, registry
from sticoop.jobs.models import Job, JobStatus
from sticoop.jobs.service import run_job
from sticoop.transfer.service import BAD_FORMAT as EXPORT_BAD_FORMAT

LANGS = ("en", "fr", "vi")
#: kinds that can only fail on an unexpected error (no refusal of their own): the generic message covers them
NO_REFUSAL = {"database.analyze", "search.embed", "matchmaking.vectors"}
#: walked by test_reminders_not_sent_read_in_each_language (it needs an SMTP server that refuses)
OWN_TEST = {"reminders.send"}


def _briefing(world: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {"partnership_id": world["partnership"]["id"], "format": "html", "visit_id": None, "as_of": None,
            "locale": "en", **changes}


#: kind, case -> (params made from the test world, the owner: "boss" (admin) or None (a deleted user),
#:                the message code stored, the nested codes among its arguments)
CASES: dict[tuple[str, str], tuple[Callable[[dict[str, Any]], dict[str, Any]], str | None, str, set[str]]] = {
    ("briefing.pack", "unknown partnership"): (
        lambda w: _briefing(w, partnership_id=999_999), "boss", NO_RECORD, {"Partnership"}),
    ("briefing.pack", "visit of another partnership"): (
        lambda w: _briefing(w, partnership_id=w["other"]["id"], visit_id=w["visit"]["id"]), "boss", OTHER_VISIT,
        set()),
    ("briefing.pack", "unknown visit"): (
        lambda w: _briefing(w, visit_id=999_999), "boss", NO_RECORD, {"Visit"}),
    ("briefing.pack", "unsupported language"): (lambda w: _briefing(w, locale="de"), "boss", BAD_LOCALE, set()),
    ("briefing.pack", "unknown format"): (lambda w: _briefing(w, format="odt"), "boss", BAD_FORMAT, set()),
    ("briefing.pack", "owner disabled"): (lambda w: _briefing(w), None, OWNER_GONE, set()),
    ("ingest.batch", "parameters not lists"): (lambda w: {"paths": 5, "urls": []}, "boss", BAD_PARAMS, set()),
    ("ingest.batch", "missing file"): (
        lambda w: {"paths": ["/nonexistent/brief7/a.pdf"], "urls": []}, "boss", NONE_INGESTED, {NO_SUCH_FILE}),
    ("ingest.batch", "not an http URL"): (
        lambda w: {"paths": [], "urls": ["ftp://example.org/a.pdf"]}, "boss", NONE_INGESTED, {NOT_HTTP}),
    ("ingest.batch", "unreachable server"): (
        lambda w: {"paths": [], "urls": ["http://127.0.0.1:9/a.pdf"]}, "boss", NONE_INGESTED, {UNREACHABLE}),
    ("transfer.export", "unknown format"): (lambda w: {"format": "odt"}, "boss", EXPORT_BAD_FORMAT, set()),
}


@pytest.fixture
def world(client_as: Callable[..., TestClient], db_url: str) -> dict[str, Any]:
    client = client_as("admin", username="boss")
    made = seed(client)
    made["other"] = post(client, "/partnerships", {"name": "Belgium–Laos", "country_codes": ["BEL", "LAO"]})
    made["client"] = client
    with session_scope(db_url) as db:
        made["boss_id"] = db.scalar(select(User.id).where(User.username == "boss"))
    return made


def _run(db_url: str, kind: str, params: dict[str, Any], user_id: int | None) -> int:
    with session_scope(db_url) as db:
        job = Job(kind=kind, params=params, status=JobStatus.queued.value, progress_done=0, user_id=user_id,
                  created_by="boss")
        db.add(job)
        db.flush()
        job_id = job.id
    assert run_job(job_id, db_url) is JobStatus.failed
    return job_id


def _nested_codes(args: Any) -> set[str]:
    found: set[str] = set()
    values = args.values() if isinstance(args, dict) and not is_message(args) else [args]
    for value in values:
        for item in value if isinstance(value, list) else [value]:
            if is_message(item):
                found |= {item["code"]} | _nested_codes(item["params"])
    return found


def test_every_kind_is_walked() -> None:
    registered = {name for name in registry.job_kinds() if not name.startswith("test.")}
    assert registered == {kind for kind, _case in CASES} | NO_REFUSAL | OWN_TEST


@pytest.mark.parametrize(("kind", "case"), list(CASES), ids=[f"{k}-{c}" for k, c in CASES])
def test_a_refusal_is_stored_as_a_code_and_read_in_each_language(kind: str, case: str, world: dict[str, Any],
                                                                  db_url: str) -> None:
    make_params, owner, code, nested = CASES[(kind, case)]
    user_id = world["boss_id"]
    if owner is None:  # the owner is disabled between the click and the run
        with session_scope(db_url) as db:
            user_id = db.scalar(select(User.id).where(User.username == "gone"))
            if user_id is None:
                gone = User(username="gone", password_hash="x", role="viewer", is_active=False)
                db.add(gone)
                db.flush()
                user_id = gone.id
            db.execute(update(User).where(User.id == user_id).values(is_active=False))
    job_id = _run(db_url, kind, make_params(world), user_id)
    with session_scope(db_url) as db:
        row = db.get(Job, job_id)
        assert row is not None
        error, args = row.error, row.error_args
    assert error == code and args is not None, (error, args)
    assert error in messages.declared(kind)
    assert nested <= _nested_codes(args)
    english = messages.render(Formatter("en")._, error, args)
    assert english and "%(" not in english and "Traceback" not in english
    for lang in LANGS:
        translate = Formatter(lang)._
        shown = messages.render(translate, error, args)
        assert shown and "%(" not in shown, (lang, shown)
        api = world["client"].get(f"/api/v1/jobs/{job_id}", params={"lang": lang}).json()
        assert api["status"] == "failed" and api["error"] == shown
        if lang != "en":
            assert shown != english, (lang, shown)
            for msgid in {error} | _nested_codes(args):
                assert translate(msgid) != msgid or msgid in {"%(source)s: %(reason)s"}, (lang, msgid)


#: an unexpected error in a handler: the text the reader must never see
SECRET = "disk on fire at /srv/secret/path"


def _crash(_ctx: Any) -> None:
    raise RuntimeError(SECRET)


@pytest.mark.parametrize("lang", LANGS)
def test_an_unexpected_error_reads_failed_see_the_log_with_an_error_id(lang: str, db_url: str,
                                                                       caplog: pytest.LogCaptureFixture) -> None:
    registry.register_job_kind("test.crash_secret", _crash, label="test.crash_secret")
    try:
        with caplog.at_level(logging.ERROR, logger="sticoop.jobs"):
            job_id = _run(db_url, "test.crash_secret", {}, None)
    finally:
        registry.unregister("test.crash_secret")
    with session_scope(db_url) as db:
        row = db.get(Job, job_id)
        assert row is not None
        error, args = row.error, row.error_args
    assert error == messages.FAILED_SEE_LOG and set(args or {}) == {"error_id"}
    error_id = (args or {})["error_id"]
    assert re.fullmatch(r"[0-9a-f]{12}", error_id)
    shown = messages.render(Formatter(lang)._, error, args)
    assert shown is not None and error_id in shown and SECRET not in shown and "RuntimeError" not in shown
    if lang != "en":
        assert shown != messages.render(str, error, args)
    logged = [r for r in caplog.records if error_id in r.getMessage()]
    assert logged and logged[0].exc_info is not None and SECRET in str(logged[0].exc_info[1])


@pytest.mark.parametrize("lang", LANGS)
def test_an_old_row_with_an_english_text_stays_readable(lang: str) -> None:
    assert messages.render(Formatter(lang)._, "Unexpected error: OSError: gone", None) == \
        "Unexpected error: OSError: gone"
    assert messages.render(Formatter(lang)._, messages.UNEXPECTED, {"error": "OSError: gone"}) == \
        Formatter(lang)._(messages.UNEXPECTED) % {"error": "OSError: gone"}


@pytest.mark.parametrize("lang", LANGS)
def test_reminders_not_sent_read_in_each_language(lang: str, client: TestClient, db_url: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.calendar_feeds.helpers import world as calendar_world
    from tests.calendar_feeds.test_reminders import free_port, user_with_email

    from sticoop.calendar import reminders, service
    from sticoop.core.config import get_settings

    calendar_world(client)
    address = user_with_email(db_url, "bao")
    down = get_settings().model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": free_port(),
                                             "smtp_starttls": False})  # no server listens: refused
    for module in (service, reminders):
        monkeypatch.setattr(module, "get_settings", lambda: down)
    job_id = _run(db_url, "reminders.send", {}, None)
    with session_scope(db_url) as db:
        row = db.get(Job, job_id)
        assert row is not None
        error, args = row.error, row.error_args
    assert error == service.NOT_SENT and args is not None and args["count"] >= 1
    translate = Formatter(lang)._
    shown = messages.render(translate, error, args)
    assert shown is not None and address in shown and "%(" not in shown
    if lang != "en":
        assert translate(error) != error and shown != messages.render(str, error, args)


#: pages whose record does not exist: the error page says so in the reader's language (the same message code)
MISSING_PAGES = {"/partnerships/999999": "Partnership", "/visits/999999": "Visit",
                 "/partnerships/999999/briefing.html": "Partnership"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", sorted(MISSING_PAGES))
def test_a_page_refused_with_a_code_reads_in_the_readers_language(path: str, lang: str, client: TestClient) -> None:
    from markupsafe import escape

    from sticoop.core.errors import message_of, translated

    response = client.get(path, params={"lang": lang})
    assert response.status_code == 404 and "<html" in response.text
    expected = translated(Formatter(lang)._, NO_RECORD, {"label": message_of(MISSING_PAGES[path]), "id": 999999})
    assert str(escape(expected)) in response.text, expected
    if lang != "en":
        assert "does not exist" not in response.text
    api = client.get(f"/api/v1{path}", params={"lang": lang})
    assert api.status_code == 404 and api.json()["detail"].endswith("999999 does not exist")  # the API: English


@pytest.mark.parametrize("lang", LANGS)
def test_an_ingest_jobs_progress_on_a_failed_source_reads_in_the_readers_language(
        lang: str, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from sticoop.ingest.batch import SOURCE_DONE
    from sticoop.jobs.service import JobContext

    seen: list[tuple[str | None, Any]] = []
    real = JobContext.progress

    def spy(self: JobContext, done: int, total: int | None = None, message: str | None = None,
            args: Any = None) -> None:
        seen.append((message, args))  # what the jobs page shows while the job runs
        real(self, done, total, message, args)

    monkeypatch.setattr(JobContext, "progress", spy)
    _run(db_url, "ingest.batch", {"paths": ["/nonexistent/brief7/b.pdf"], "urls": []}, None)
    [(message, args)] = [(m, a) for m, a in seen if m == SOURCE_DONE["failed"]]
    assert is_message(args["detail"]) and args["detail"]["code"] == NO_SUCH_FILE
    shown = messages.render(Formatter(lang)._, message, args)
    assert shown is not None and "/nonexistent/brief7/b.pdf" in shown and "%(" not in shown
    if lang != "en":
        assert "no such file" not in shown and shown != messages.render(str, message, args)
