"""The reminder kinds beyond dated records: round anniversaries of relations and a committee's next session due by
its usual interval (issue 15: "nothing reminds anyone of a committee past its usual interval … or the 50th
anniversary of relations"). Each case walks one kind on its own partnership, e-mailed to a real SMTP server."""

from __future__ import annotations

from typing import Any

import pytest
from aiosmtpd.controller import Controller
from fastapi.testclient import TestClient
from tests.calendar_feeds.helpers import post
from tests.calendar_feeds.test_reminders import Inbox, body, run, smtp, user_with_email  # noqa: F401
from tests.conftest import make_user

from sticoop.accounts.models import User
from sticoop.calendar.reminders import DEFAULT_DAYS, KINDS, Rules, save_rules
from sticoop.core.database import session_scope

# the pinned day is 2026-06-15 (tests/calendar_feeds/test_reminders.NOW)
ANNIVERSARIES = [  # relations established, what the reminder says (None: no reminder)
    pytest.param("1976-06-20", "50 years of relations", id="50th-in-5-days"),
    pytest.param("2001-09-01", "25 years of relations", id="25th-in-78-days"),
    pytest.param("1977-06-20", None, id="49th-is-not-round"),
    pytest.param("1936-10-01", None, id="90th-beyond-the-90-day-rule"),
    pytest.param("2026-06-20", None, id="established-this-week"),
]
COMMITTEES = [  # interval (months), sessions (start, end), reminder subject part, digest part (None: nothing)
    pytest.param(12, [("2025-07-01", "2025-07-02")], "due (every 12 months)", None, id="due-in-17-days"),
    pytest.param(24, [("2024-06-15", None)], "due (every 24 months)", None, id="due-today"),
    pytest.param(12, [("2025-01-10", "2025-01-11")], None, "past its usual interval", id="overdue-in-the-digest"),
    pytest.param(12, [("2025-01-10", None), ("2026-09-01", None)], None, None, id="overdue-but-next-planned"),
    pytest.param(12, [("2025-10-01", None)], None, None, id="due-beyond-the-60-day-rule"),
    pytest.param(None, [("2024-01-10", None)], None, None, id="no-usual-interval"),
    pytest.param(12, [], None, None, id="never-met"),
]


def only(db_url: str, address_name: str, kind: str, digest: bool = False) -> None:
    """Keep only ``kind``'s default rule for the user (and the digest when asked)."""
    with session_scope(db_url) as db:
        user = db.query(User).filter_by(username=address_name).one()
        days = {k: (list(DEFAULT_DAYS[k]) if k == kind else []) for k, _ in KINDS}
        save_rules(db, user.id, Rules(True, "en", days, digest))


@pytest.mark.parametrize(("established", "says"), ANNIVERSARIES)
def test_round_anniversaries_are_reminded(client: TestClient, db_url: str, smtp: tuple[Inbox, Controller],  # noqa: F811
                                          established: str, says: str | None) -> None:
    inbox, controller = smtp
    p = post(client, "/partnerships", {"name": "Canada–Korea", "country_codes": ["CAN", "KOR"],
                                       "relations_established": established})
    address = user_with_email(db_url, "ana")
    only(db_url, "ana", "anniversary")
    stranger = user_with_email(db_url, "bo", role="viewer", partnership_ids=())
    only(db_url, "bo", "anniversary")
    run(db_url, controller)
    mails = inbox.to(address)
    assert not inbox.to(stranger), "a viewer of no partnership hears nothing of this one"
    if says is None:
        assert mails == []
        return
    assert len(mails) == 1 and says in str(mails[0]["Subject"]), [m["Subject"] for m in mails]
    assert f"/partnerships/{p['id']}" in body(mails[0])
    run(db_url, controller)
    assert len(inbox.to(address)) == 1, "sent once"


@pytest.mark.parametrize(("interval", "sessions", "reminder", "digest"), COMMITTEES)
def test_a_committee_past_its_usual_interval_is_reminded(client: TestClient, db_url: str,
                                                         smtp: tuple[Inbox, Controller],  # noqa: F811
                                                         interval: int | None,
                                                         sessions: list[tuple[str, str | None]],
                                                         reminder: str | None, digest: str | None) -> None:
    inbox, controller = smtp
    p = post(client, "/partnerships", {"name": "Canada–Korea", "country_codes": ["CAN", "KOR"]})
    committee: dict[str, Any] = {"partnership_id": p["id"], "name": "Canada–Korea Joint Committee on S&T"}
    c = post(client, "/committees", {**committee, **({"interval_months": interval} if interval else {})})
    for number, (start, end) in enumerate(sessions, 1):
        post(client, "/sessions", {"committee_id": c["id"], "number": number, "start_date": start,
                                   **({"end_date": end} if end else {})})
    address = user_with_email(db_url, "ana")
    only(db_url, "ana", "committee", digest=True)
    other = make_user(db_url, "bo", "viewer", ())
    with session_scope(db_url) as db:
        db.get(User, other).email = "bo@example.org"
    only(db_url, "bo", "committee", digest=True)
    run(db_url, controller)
    subjects = [str(m["Subject"]) for m in inbox.to(address)]
    assert not inbox.to("bo@example.org"), "a viewer of no partnership hears nothing of this committee"
    expected = [s for s in (reminder, digest) if s]
    assert len(subjects) == len(expected), subjects
    for part in expected:
        mail = next(m for m in inbox.to(address) if part in str(m["Subject"]))
        assert "Canada–Korea Joint Committee on S&T" in body(mail) or part == digest
        assert f"/committees/{c['id']}" in body(mail)
