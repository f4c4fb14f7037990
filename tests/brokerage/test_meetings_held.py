"""'Meetings held' counts only meetings whose slot has ended (or that have an outcome), never those scheduled for
later: the same fair read on three days."""

from __future__ import annotations

from datetime import datetime

import pytest
from fastapi.testclient import TestClient

from sticoop.core import clock


@pytest.mark.parametrize(("now", "held"), [
    (datetime(2026, 9, 9, 12), 0),  # the day before the fair
    (datetime(2026, 9, 10, 9, 45), 1),  # between the two slots
    (datetime(2026, 9, 11, 8), 2),  # the day after
])
def test_meetings_held_are_past_meetings(client: TestClient, now: datetime, held: int) -> None:
    event = client.post("/api/v1/events", json={"kind": "tech_transfer_fair", "title": "Techmart",
                                                "start_date": "2026-09-10"}).json()["id"]
    base = f"/api/v1/events/{event}/brokerage"
    client.post(f"{base}/slots", json=[{"starts_at": "2026-09-10T09:00:00", "ends_at": "2026-09-10T09:30:00"},
                                       {"starts_at": "2026-09-10T09:30:00", "ends_at": "2026-09-10T10:00:00"}])
    client.post(f"{base}/tables", json={"names": ["T1"]})
    ids = [client.post(f"{base}/participants", json={"name": n}).json()["id"] for n in ("A", "B", "C")]
    for requester, recipient in ((ids[0], ids[1]), (ids[0], ids[2])):
        m = client.post(f"{base}/meetings", json={"requester_id": requester, "recipient_id": recipient}).json()
        assert client.post(f"/api/v1/brokerage/meetings/{m['id']}/response", json={"accept": True}).status_code == 200
    assert client.post(f"{base}/schedule").json()["scheduled"] == 2
    with clock.pinned(now):
        counts = client.get(f"{base}/outcomes").json()["counts"]
        page = client.get(f"/events/{event}/brokerage").text
    assert counts["meetings_scheduled"] == 2 and counts.get("meetings_held", 0) == held
    shown = page.split('id="meetings-held"')[1].split("</dd>")[0]
    assert shown.startswith(f">{held}")
    assert ("more scheduled" in shown) is (held < 2)
