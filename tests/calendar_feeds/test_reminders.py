"""Reminders e-mailed to a real SMTP server (aiosmtpd on 127.0.0.1, started here): each sent once even when the
run is repeated, in the user's language, with a link to the record, and only about what the user may see."""

from __future__ import annotations

import email
import email.policy
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from email.message import EmailMessage, Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from tests.calendar_feeds.helpers import post, world
from tests.conftest import make_user

from sticoop.accounts.models import User
from sticoop.calendar.models import ReminderDelivery
from sticoop.calendar.reminders import DEFAULT_DAYS, KINDS, Rules, _rule_for, save_rules, send_due_reminders
from sticoop.core.config import Settings
from sticoop.core.database import new_session, session_scope
from sticoop.core.errors import ValidationFailed

NOW = datetime(2026, 6, 15, 6, 0, tzinfo=UTC)  # the pinned test day, early morning
BASE = "https://sticoop.example.org"


class Inbox:
    """An aiosmtpd handler keeping every message it receives."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's name
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 Message accepted"

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if m["To"] == address]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, Controller]]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield inbox, controller
    finally:
        controller.stop()


def settings_for(controller: Controller) -> Settings:
    return Settings(smtp_host="127.0.0.1", smtp_port=controller.port, smtp_starttls=False,
                    smtp_from="sticoop <reminders@example.org>", base_url=BASE)


def user_with_email(db_url: str, name: str, role: str = "admin", partnership_ids: tuple[int, ...] = (),
                    language: str | None = None) -> str:
    user_id = make_user(db_url, name, role, partnership_ids)
    address = f"{name}@example.org"
    with session_scope(db_url) as db:
        db.get(User, user_id).email = address
        if language:
            save_rules(db, user_id, Rules(True, language, {k: list(v) for k, v in DEFAULT_DAYS.items()}, True))
    return address


def body(message: Message) -> str:
    assert isinstance(message, EmailMessage)
    return str(message.get_content())


def run(db_url: str, controller: Controller) -> Any:
    db = new_session(db_url)
    try:
        return send_due_reminders(db, NOW, settings_for(controller))
    finally:
        db.close()


@pytest.mark.parametrize(("days_left", "offsets", "rule"), [
    (0, [30, 7, 1], 1), (0, [30, 7, 1, 0], 0), (1, [30, 7, 1], 1), (2, [30, 7, 1], 7), (7, [30, 7, 1], 7),
    (8, [30, 7, 1], 30), (30, [30, 7, 1], 30), (31, [30, 7, 1], None), (-1, [30, 7, 1], None), (5, [], None),
])
def test_the_nearest_rule_at_or_above_the_days_left_fires(days_left: int, offsets: list[int], rule: int | None) -> None:
    assert _rule_for(days_left, offsets) == rule


def test_reminders_are_sent_once_even_when_run_twice(client: TestClient, db_url: str,
                                                     smtp: tuple[Inbox, Controller]) -> None:
    inbox, controller = smtp
    records = world(client)
    late = post(client, "/commitments", {"partnership_id": records["partnership"]["id"], "text": "Report on 2025",
                                         "due_date": "2026-05-01"})
    address = user_with_email(db_url, "ana")
    first = run(db_url, controller)
    mails = inbox.to(address)
    # commitment due in 7 days (rule 7), session in 25 days (rule 30), the 50th anniversary of relations in 5 days
    # (rule 30), the overdue digest; the agreement expires in 199 days: no rule reaches it
    subjects = sorted(str(m["Subject"]) for m in mails)
    assert first.sent == 4 and len(mails) == 4, subjects
    assert any("50 years of relations" in s for s in subjects)
    assert any("Open a joint lab" in s for s in subjects) and any("session 7" in s for s in subjects)
    digest = next(m for m in mails if "overdue" in str(m["Subject"]))
    assert f"{BASE}/commitments/{late['id']}" in body(digest)
    due = next(m for m in mails if "joint lab" in str(m["Subject"]))
    assert f"{BASE}/commitments/{records['commitment']['id']}" in body(due) and "in 7 days" in body(due)
    assert due["Message-ID"] and due["From"] == "sticoop <reminders@example.org>"

    second = run(db_url, controller)
    assert second.sent == 0 and second.skipped == 4 and len(inbox.to(address)) == 4
    with session_scope(db_url) as db:
        assert db.scalar(select(func.count()).select_from(ReminderDelivery)) == 4


def test_a_french_user_gets_french_reminders(client: TestClient, db_url: str,
                                             smtp: tuple[Inbox, Controller]) -> None:
    inbox, controller = smtp
    records = world(client)
    address = user_with_email(db_url, "amelie", language="fr")
    run(db_url, controller)
    mails = inbox.to(address)
    due = next(m for m in mails if "joint lab" in str(m["Subject"]))
    subject = str(due["Subject"])
    assert subject.startswith("Rappel : Échéance : Open a joint lab"), subject
    text = body(due)
    assert "22 juin 2026" in text and "dans 7 jours" in text, text
    assert f"Ouvrir la fiche\u00a0: {BASE}/commitments/{records['commitment']['id']}" in text
    assert due["Content-Language"] == "fr"


@pytest.mark.parametrize("role", ["viewer", "member", "secretariat"])
def test_no_reminder_about_what_the_user_may_not_see(role: str, client: TestClient, db_url: str,
                                                     smtp: tuple[Inbox, Controller]) -> None:
    inbox, controller = smtp
    ours = world(client, "Belgium–Vietnam", ("BEL", "VNM"), confidential_commitment=True)
    theirs = world(client, "Vietnam–Laos", ("VNM", "LAO"))
    address = user_with_email(db_url, f"{role}-user", role, (ours["partnership"]["id"],))
    run(db_url, controller)
    text = "\n".join(str(m["Subject"]) + body(m) for m in inbox.to(address))
    assert "Vietnam–Laos" not in text and f"/commitments/{theirs['commitment']['id']}" not in text
    assert "Joint Committee Belgium–Vietnam" in text  # their own session is there
    # the commitment is confidential: the secretariat is reminded of it, viewers and members are not
    assert (f"/commitments/{ours['commitment']['id']}" in text) == (role == "secretariat")


def test_a_failed_send_is_reported_and_sent_at_the_next_run(client: TestClient, db_url: str,
                                                            smtp: tuple[Inbox, Controller]) -> None:
    inbox, controller = smtp
    world(client)
    address = user_with_email(db_url, "bao")
    db = new_session(db_url)
    try:  # a port where no server listens: the connection is refused
        down = send_due_reminders(db, NOW, Settings(smtp_host="127.0.0.1", smtp_port=free_port(),
                                                    smtp_starttls=False, base_url=BASE))
    finally:
        db.close()
    # the commitment (rule 7), the session (rule 30) and the 50th anniversary (rule 30)
    assert down.sent == 0 and len(down.failed) == 3 and address in down.failed[0]
    with session_scope(db_url) as db:
        assert db.scalar(select(func.count()).select_from(ReminderDelivery)) == 0
    again = run(db_url, controller)
    assert again.sent == 3 and len(inbox.to(address)) == 3


def test_no_smtp_server_configured_is_a_clear_error(db: Any) -> None:
    with pytest.raises(ValidationFailed) as raised:
        send_due_reminders(db, NOW, Settings(smtp_host=None))
    assert raised.value.field == "smtp_host"


@pytest.mark.parametrize(("field", "value"), [("days_commitment", "7, x"), ("days_agreement", "400"),
                                              ("days_session", "-1"), ("language", "de")])
def test_reminder_settings_form_refuses_bad_input(field: str, value: str,
                                                  client_as: Callable[..., TestClient]) -> None:
    user = client_as("viewer")
    form = {"enabled": "on", "language": "en", **{f"days_{kind}": "30, 7" for kind, _ in KINDS}, field: value}
    response = user.post("/account/reminders", data=form)
    assert response.status_code == 422 and f'id="{field}"' in response.text
    assert 'aria-invalid="true"' in response.text or field == "language"
    saved = user.post("/account/reminders", data={**form, field: "en" if field == "language" else "14, 2"})
    assert saved.status_code == 303


def test_reminders_send_command(client: TestClient, db_url: str, smtp: tuple[Inbox, Controller]) -> None:
    inbox, controller = smtp
    world(client)
    address = user_with_email(db_url, "cli-user")
    env = {**os.environ, "STICOOP_DATABASE_URL": db_url, "STICOOP_SMTP_HOST": "127.0.0.1",
           "STICOOP_SMTP_PORT": str(controller.port), "STICOOP_SMTP_STARTTLS": "false",
           "STICOOP_TODAY": date(2026, 6, 15).isoformat(), "STICOOP_BASE_URL": BASE}
    command = [sys.executable, "-m", "sticoop.cli", "reminders", "send"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Reminders as of 2026-06-15" in done.stdout and f"sent to {address}" in done.stdout
    assert len(inbox.to(address)) == 3
    again = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert again.returncode == 0 and len(inbox.to(address)) == 3
    no_server = subprocess.run(command, capture_output=True, text=True, timeout=300,
                               env={**env, "STICOOP_SMTP_HOST": ""})
    assert no_server.returncode == 1 and no_server.stderr.startswith("error: STICOOP_SMTP_HOST is not set")
    assert len(no_server.stderr.strip().splitlines()) == 1


def test_reminders_are_a_periodic_job_of_the_worker() -> None:
    from sticoop.calendar.service import REMINDERS_JOB, run_reminders_job
    from sticoop.jobs.registry import job_kinds, periodic_jobs

    assert job_kinds()[REMINDERS_JOB].handler is run_reminders_job
    schedule = {p.kind: p for p in periodic_jobs()}[REMINDERS_JOB]
    assert schedule.schedule["minute"] == "*/15", schedule
