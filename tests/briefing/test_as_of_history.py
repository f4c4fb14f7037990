"""``?as_of=`` replays history: a pack of an earlier day shows commitments and agreements as they stood at the end
of that day, from the audit log's stored states — not today's values with a date filter. Each case makes a
record, dates its audit entries (the log is stamped by the wall clock; the test says when each change happened),
changes it after the as-of day, and reads the pack of the day before and after the change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from tests.briefing.helpers import text_of
from tests.web.helpers import post

from sticoop.accounts.models import AuditEntry
from sticoop.core.database import session_scope

CREATED = datetime(2026, 5, 2, 9, 0, tzinfo=UTC)
CHANGED = datetime(2026, 6, 10, 9, 0, tzinfo=UTC)
BEFORE, AFTER = "2026-06-01", "2026-06-12"  # both before the pinned today (2026-06-15): both replayed


def _date_log(db_url: str, kind: str, record_id: int) -> None:
    """The record's creation on CREATED, every later entry on CHANGED."""
    with session_scope(db_url) as db:
        where = (AuditEntry.entity_type == kind, AuditEntry.entity_id == record_id)
        db.execute(update(AuditEntry).where(*where).values(at=CHANGED))
        db.execute(update(AuditEntry).where(*where, AuditEntry.action == "create").values(at=CREATED))


def _commitment(client: TestClient, pid: int, **fields: Any) -> dict[str, Any]:
    return post(client, "/commitments", {"partnership_id": pid, "due_date": "2026-12-31", **fields})


def _patch(client: TestClient, kind: str, record: dict[str, Any], **fields: Any) -> None:
    response = client.patch(f"/api/v1/{kind}/{record['id']}", json={"version": record["version"], **fields})
    assert response.status_code == 200, response.text


#: case → (what the record is made with, the change after the as-of day, the row seen before, the row after);
#: a row is (status, text) of the open commitment, or None when the pack does not list it
COMMITMENT_CASES: dict[str, tuple[dict[str, Any], Callable[[TestClient, dict[str, Any]], None], Any, Any]] = {
    "status planned → in progress": (
        {"text": "Train 4 hydrologists", "status": "planned"},
        lambda c, r: _patch(c, "commitments", r, status="in_progress"),
        ("planned", "Train 4 hydrologists"), ("in_progress", "Train 4 hydrologists")),
    "status in progress → done (no longer open)": (
        {"text": "Open a joint lab", "status": "in_progress"},
        lambda c, r: _patch(c, "commitments", r, status="done"),
        ("in_progress", "Open a joint lab"), None),
    "status done → in progress (open again)": (
        {"text": "Publish the survey", "status": "done"},
        lambda c, r: _patch(c, "commitments", r, status="in_progress"),
        None, ("in_progress", "Publish the survey")),
    "text reworded": (
        {"text": "Exchange 2 experts", "status": "planned"},
        lambda c, r: _patch(c, "commitments", r, text="Exchange 6 experts"),
        ("planned", "Exchange 2 experts"), ("planned", "Exchange 6 experts")),
    "deleted": (
        {"text": "Host a summer school", "status": "planned"},
        lambda c, r: _assert_deleted(c, r),
        ("planned", "Host a summer school"), None),
}


def _assert_deleted(client: TestClient, record: dict[str, Any]) -> None:
    response = client.delete(f"/api/v1/commitments/{record['id']}", params={"version": record["version"]})
    assert response.status_code == 204, response.text


def _row(pack: dict[str, Any], record_id: int) -> tuple[str, str] | None:
    found = [(c["status"], c["text"]) for c in pack["open_commitments"] if c["id"] == record_id]
    return found[0] if found else None


@pytest.mark.parametrize("case", sorted(COMMITMENT_CASES))
def test_a_commitment_changed_after_the_day_shows_as_it_stood(case: str, world: dict[str, Any],
                                                             client: TestClient, db_url: str) -> None:
    make, change, before, after = COMMITMENT_CASES[case]
    pid = world["partnership"]["id"]
    record = _commitment(client, pid, **make)
    change(client, record)
    _date_log(db_url, "commitment", record["id"])
    url = f"/api/v1/partnerships/{pid}/briefing"
    assert _row(client.get(url, params={"as_of": BEFORE}).json(), record["id"]) == before
    assert _row(client.get(url, params={"as_of": AFTER}).json(), record["id"]) == after
    today = client.get(url).json()  # today's pack: the records as they are
    assert _row(today, record["id"]) == after
    html = text_of("html", client.get(f"/partnerships/{pid}/briefing.html", params={"as_of": BEFORE}).content)
    assert (before is not None and before[1] in html) or (before is None and make["text"] not in html)


@pytest.mark.parametrize("role", ["viewer", "secretariat"])
def test_a_commitment_confidential_then_stays_out_of_a_viewers_past_pack(
        role: str, world: dict[str, Any], client: TestClient, reader: Callable[[str], TestClient],
        db_url: str) -> None:
    pid = world["partnership"]["id"]
    record = _commitment(client, pid, text="Share the satellite codes", status="planned", confidential=True)
    _patch(client, "commitments", record, confidential=False)  # made public after the day
    _date_log(db_url, "commitment", record["id"])
    url = f"/api/v1/partnerships/{pid}/briefing"
    past = _row(reader(role).get(url, params={"as_of": BEFORE}).json(), record["id"])
    assert past == (("planned", "Share the satellite codes") if role == "secretariat" else None)
    assert _row(reader(role).get(url, params={"as_of": AFTER}).json(), record["id"]) is not None


@pytest.mark.parametrize(("then", "now"), [("negotiating", "signed"), ("in_force", "terminated")])
def test_an_agreement_changed_after_the_day_shows_its_status_then(then: str, now: str, world: dict[str, Any],
                                                                 client: TestClient, db_url: str) -> None:
    pid = world["partnership"]["id"]
    record = post(client, "/agreements", {"title": f"Agreement {then}", "partnership_id": pid, "status": then,
                                          "country_codes": ["BEL", "VNM"], "signed_date": "2025-01-10"})
    _patch(client, "agreements", record, status=now)
    _date_log(db_url, "agreement", record["id"])
    url = f"/api/v1/partnerships/{pid}/briefing"

    def status_on(day: str) -> str:
        [row] = [a for a in client.get(url, params={"as_of": day}).json()["agreements"] if a["id"] == record["id"]]
        return str(row["status"])

    assert (status_on(BEFORE), status_on(AFTER)) == (then, now)
