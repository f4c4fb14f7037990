"""A profile whose ``valid_until`` has passed is expired when read, and never offered as a match — not even by a
matcher built the day before."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi.testclient import TestClient

from sticoop.core import clock
from sticoop.matchmaking.models import profile_effective_status


def profile(client: TestClient, **kw: Any) -> dict[str, Any]:
    body = {"kind": "technology_offer", "status": "published", "language": "en", **kw}
    r = client.post("/api/v1/profiles", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def matched_ids(client: TestClient, profile_id: int) -> list[int]:
    result = client.get(f"/api/v1/profiles/{profile_id}/matches").json()
    return [m["profile"]["id"] for m in result["complementary"] + result["similar"]]


def test_effective_status_rule() -> None:
    today = date(2026, 6, 15)
    assert profile_effective_status("published", date(2026, 6, 14), today) == "expired"
    assert profile_effective_status("published", date(2026, 6, 15), today) == "published"  # valid through today
    assert profile_effective_status("published", None, today) == "published"
    assert profile_effective_status("draft", date(2020, 1, 1), today) == "draft"
    assert profile_effective_status("withdrawn", date(2020, 1, 1), today) == "withdrawn"


def test_expired_profiles_are_never_matched_and_read_as_expired(client: TestClient) -> None:
    text = {"title": "Membrane bioreactor for industrial wastewater treatment",
            "summary": "Compact membrane bioreactor that treats textile wastewater.", "fields": ["environment"],
            "keywords": ["wastewater", "membrane"]}
    offer = profile(client, **text)
    expired = profile(client, kind="technology_request", valid_until="2026-01-31",
                      title="Looking for a membrane bioreactor for wastewater treatment",
                      summary="A textile company needs a membrane bioreactor to treat its wastewater.",
                      fields=["environment"], keywords=["wastewater", "membrane"])
    valid = profile(client, kind="technology_request", valid_until="2026-12-31",
                    title="Wastewater treatment technology wanted",
                    summary="A food company seeks wastewater treatment with membranes.", fields=["environment"])
    twin = profile(client, **{**text, "title": "Membrane bioreactor for wastewater (old offer)"},
                   valid_from="2020-01-01", valid_until="2021-01-01")
    found = matched_ids(client, offer["id"])
    assert valid["id"] in found
    assert expired["id"] not in found and twin["id"] not in found

    out = client.get(f"/api/v1/profiles/{expired['id']}").json()
    assert (out["status"], out["effective_status"], out["expired_since"]) == ("published", "expired", "2026-01-31")
    listed = {p["id"] for p in client.get("/api/v1/profiles", params={"status": "published"}).json()["items"]}
    assert listed == {offer["id"], valid["id"]}
    gone = {p["id"] for p in client.get("/api/v1/profiles", params={"status": "expired"}).json()["items"]}
    assert gone == {expired["id"], twin["id"]}
    assert 'id="profile-expired"' in client.get(f"/profiles/{expired['id']}").text
    assert 'id="profile-expired"' not in client.get(f"/profiles/{valid['id']}").text
    board = client.get("/api/v1/dashboard").json()
    assert [p["id"] for p in board["profiles_expired"]] == [expired["id"], twin["id"]]
    assert board["profiles_expiring"] == []

    # the matcher built today must not offer the valid one once its day has passed
    with clock.pinned(date(2027, 1, 1)):
        assert valid["id"] not in matched_ids(client, offer["id"])
        assert client.get("/api/v1/dashboard").json()["profiles_expired"][0]["id"] == valid["id"]
    assert valid["id"] in matched_ids(client, offer["id"])
