"""The demo data lets a newcomer try matching: its requests find the offer on their own problem written in other
words (across languages too) above the "no good match yet" threshold, never the draft, and an unrelated offer
stays under the threshold."""

from __future__ import annotations

from fastapi.testclient import TestClient

from sticoop.core.database import session_scope
from sticoop.demo.data import load_demo
from sticoop.demo.profiles import PROFILES


def _ids(client: TestClient) -> dict[str, int]:
    rows = client.get("/api/v1/profiles", params={"limit": 50, "status": "draft,published"}).json()["items"]
    return {row["title"]: row["id"] for row in rows}


def test_each_demo_request_finds_its_offer_and_never_the_draft(db_url: str, client: TestClient) -> None:
    with session_scope(db_url) as db:
        made = load_demo(db)
    assert made["profiles"] == len(PROFILES) == 8
    ids = _ids(client)
    assert len(ids) == len(PROFILES)
    pairs = [(PROFILES[0][2], PROFILES[1][2]), (PROFILES[2][2], PROFILES[3][2]), (PROFILES[4][2], PROFILES[5][2])]
    draft = next(p[2] for p in PROFILES if p[9] == "draft")
    unrelated = PROFILES[6][2]
    for request, offer in pairs:
        body = client.get(f"/api/v1/profiles/{ids[request]}/matches").json()
        found = [m["profile"]["title"] for m in body["complementary"]]
        assert found and found[0] == offer, (request, found)
        assert body["complementary"][0]["score"] >= body["threshold"]
        assert draft not in found
    air = client.get(f"/api/v1/profiles/{ids[PROFILES[4][2]]}/matches").json()
    assert unrelated not in [m["profile"]["title"] for m in air["complementary"]]
