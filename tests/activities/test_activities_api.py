from __future__ import annotations

from fastapi.testclient import TestClient


def test_visits_and_events(client: TestClient) -> None:
    p = client.post("/api/v1/partnerships", json={"name": "Belgium–Vietnam", "country_codes": ["BEL", "VNM"]})
    pid = p.json()["id"]
    person = client.post("/api/v1/people", json={"name": "Ly Hoang Tung", "country_code": "VNM"}).json()
    v = client.post("/api/v1/visits", json={"partnership_id": pid, "from_country_code": "VNM",
                                            "to_country_code": "BEL", "start_date": "2023-07-26",
                                            "end_date": "2023-07-30", "member_ids": [person["id"]]})
    assert v.status_code == 201 and v.json()["member_ids"] == [person["id"]]
    same = client.post("/api/v1/visits", json={"from_country_code": "VNM", "to_country_code": "VNM"})
    assert same.status_code == 422
    e = client.post("/api/v1/events", json={"kind": "training_course", "title": "Innovation management course",
                                            "partnership_id": pid, "start_date": "2024-10-14",
                                            "participants_count": 32})
    assert e.status_code == 201
    assert client.post("/api/v1/events", json={"kind": "party", "title": "x"}).status_code == 422
    assert client.get("/api/v1/events", params={"kind": "training_course"}).json()["total"] == 1
    timeline = client.get(f"/api/v1/partnerships/{pid}/timeline").json()
    assert [t["kind"] for t in timeline] == ["event", "visit"]
    assert client.delete(f"/api/v1/events/{e.json()['id']}", params={"version": 1}).status_code == 204
    assert client.get("/api/v1/events").json()["total"] == 0
