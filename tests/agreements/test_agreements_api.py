from __future__ import annotations

from fastapi.testclient import TestClient


def test_status_transitions_are_checked_and_dated(client: TestClient) -> None:
    a = client.post("/api/v1/agreements", json={"title": "S&T cooperation agreement Vietnam–Luxembourg",
                                                "kind": "agreement", "country_codes": ["VNM", "LUX"]}).json()
    assert a["status"] == "planned" and a["country_codes"] == ["LUX", "VNM"]
    assert [h["to_status"] for h in a["history"]] == ["planned"]
    bad = client.post(f"/api/v1/agreements/{a['id']}/transitions", json={"version": a["version"],
                                                                          "to_status": "in_force"})
    assert bad.status_code == 422 and "cannot go from 'planned' to 'in_force'" in bad.json()["detail"]
    signed = client.post(f"/api/v1/agreements/{a['id']}/transitions",
                         json={"version": a["version"], "to_status": "signed", "date": "2025-03-10"}).json()
    assert signed["status"] == "signed" and signed["signed_date"] == "2025-03-10"
    stale = client.post(f"/api/v1/agreements/{a['id']}/transitions", json={"version": a["version"],
                                                                            "to_status": "in_force"})
    assert stale.status_code == 409
    # a PATCH that changes the status goes through the same rules
    patched = client.patch(f"/api/v1/agreements/{a['id']}", json={"version": signed["version"],
                                                                   "status": "expired"})
    assert patched.status_code == 422
    ok = client.patch(f"/api/v1/agreements/{a['id']}", json={"version": signed["version"], "status": "in_force"})
    assert ok.status_code == 200 and [h["to_status"] for h in ok.json()["history"]] == [
        "planned", "signed", "in_force"]
    awaiting = client.get("/api/v1/agreements", params={"status": "planned,negotiating"}).json()
    assert awaiting["total"] == 0


def test_agreement_dates_in_order(client: TestClient) -> None:
    r = client.post("/api/v1/agreements", json={"title": "MoU", "kind": "mou", "signed_date": "2024-05-01",
                                                "expiry_date": "2023-05-01"})
    assert r.status_code == 422 and "before" in r.json()["detail"]
    assert client.get("/api/v1/agreements").json()["total"] == 0
