"""``?as_of=`` replays the partnership record itself: its name, parties, status, summary and the date relations
were established (so the anniversary the pack announces) as they stood at the end of that day, from the audit
log's stored states; today's pack shows them as they are. Walked for every field of the partnership the pack
prints, in the JSON and in the HTML, PDF and DOCX a reader gets."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from tests.briefing.helpers import text_of

from sticoop.accounts.models import AuditEntry
from sticoop.core.database import session_scope
from sticoop.partnerships.service import next_anniversary

CREATED = datetime(2026, 5, 2, 9, 0, tzinfo=UTC)
CHANGED = datetime(2026, 6, 10, 9, 0, tzinfo=UTC)
BEFORE, AFTER = "2026-06-01", "2026-06-12"  # both before the pinned today (2026-06-15): both replayed

#: field → (value the world was made with, value after the change); every field the pack prints
CHANGES: dict[str, tuple[Any, Any]] = {
    "name": ("Belgium–Vietnam", "Belgium–Viet Nam Science Partnership"),
    "country_codes": (["BEL", "VNM"], ["BEL", "LAO", "VNM"]),
    "status": ("active", "dormant"),
    "summary": ("STI cooperation", "Science, technology and innovation cooperation since the 1970s"),
    "relations_established": ("1973-03-22", "1976-07-01"),
}


def _change(client: TestClient, db_url: str, pid: int, field: str, value: Any) -> None:
    current = client.get(f"/api/v1/partnerships/{pid}").json()
    response = client.patch(f"/api/v1/partnerships/{pid}", json={"version": current["version"], field: value})
    assert response.status_code == 200, response.text
    with session_scope(db_url) as db:  # made on CREATED, changed on CHANGED (the log is stamped by the wall clock)
        where = (AuditEntry.entity_type == "partnership", AuditEntry.entity_id == pid)
        db.execute(update(AuditEntry).where(*where).values(at=CHANGED))
        db.execute(update(AuditEntry).where(*where, AuditEntry.action == "create").values(at=CREATED))


def _expected(field: str, value: Any, day: str) -> dict[str, Any]:
    if field != "relations_established":
        return {field: value}
    anniversary = next_anniversary(date.fromisoformat(value), date.fromisoformat(day))
    return {field: value, "anniversary_years": anniversary[0] if anniversary else None,
            "anniversary_date": anniversary[1].isoformat() if anniversary else None}


@pytest.mark.parametrize("field", sorted(CHANGES))
def test_the_partnership_reads_as_it_stood_on_the_day(field: str, world: dict[str, Any], client: TestClient,
                                                       db_url: str) -> None:
    old, new = CHANGES[field]
    pid = world["partnership"]["id"]
    assert client.get(f"/api/v1/partnerships/{pid}").json()[field] == old
    _change(client, db_url, pid, field, new)
    url = f"/api/v1/partnerships/{pid}/briefing"
    for day, value in ((BEFORE, old), (AFTER, new), (None, new)):
        shown = client.get(url, params={"as_of": day} if day else {}).json()["partnership"]
        expected = _expected(field, value, day or "2026-06-15")
        assert {key: shown[key] for key in expected} == expected, (day, shown)


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_each_format_prints_the_name_then_and_now(fmt: str, world: dict[str, Any], client: TestClient,
                                                  db_url: str) -> None:
    old, new = CHANGES["name"]
    pid = world["partnership"]["id"]
    _change(client, db_url, pid, "name", new)
    then = text_of(fmt, client.get(f"/partnerships/{pid}/briefing.{fmt}", params={"as_of": BEFORE}).content)
    now = text_of(fmt, client.get(f"/partnerships/{pid}/briefing.{fmt}").content)
    assert old in then and new not in then
    assert new in now
