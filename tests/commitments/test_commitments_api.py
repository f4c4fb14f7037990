from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient


def setup_partnership(client: TestClient) -> tuple[int, int, int, int]:
    p = client.post("/api/v1/partnerships", json={"name": "Vietnam–Laos", "country_codes": ["VNM", "LAO"]}).json()
    c = client.post("/api/v1/committees", json={"partnership_id": p["id"], "name": "Cooperation Committee"}).json()
    s1 = client.post("/api/v1/sessions", json={"committee_id": c["id"], "number": 1, "start_date": "2024-05-28"})
    s2 = client.post("/api/v1/sessions", json={"committee_id": c["id"], "number": 2, "start_date": "2025-06-02"})
    return p["id"], c["id"], s1.json()["id"], s2.json()["id"]


def test_commitment_lifecycle_progress_and_rollup(client: TestClient, pinned_today: date) -> None:
    pid, _cid, s1, s2 = setup_partnership(client)
    org = client.post("/api/v1/organizations", json={"name": "Ministry of Science and Technology",
                                                     "acronym": "MOST", "type": "ministry",
                                                     "country_code": "VNM"}).json()
    training = client.post("/api/v1/commitments", json={
        "text": "Organise one or two training courses a year", "partnership_id": pid, "session_id": s1,
        "target_per_year": 2, "responsible_ids": [org["id"]]}).json()
    assert training["responsible_ids"] == [org["id"]] and training["status"] == "planned"
    for completion in ("complete", "limited"):
        r = client.post("/api/v1/commitments", json={"text": f"course ({completion})", "partnership_id": pid,
                                                     "parent_id": training["id"], "completion": completion})
        assert r.status_code == 201, r.text
    year = pinned_today.year
    r = client.post("/api/v1/progress-updates", json={"commitment_id": training["id"], "date": f"{year}-01-02",
                                                      "note": "Course held in Hanoi", "count": 1})
    assert r.status_code == 201, r.text
    progress = client.get(f"/api/v1/commitments/{training['id']}/progress").json()
    assert progress["sub_commitments"] == 2
    assert abs(progress["rolled_up_completion"] - (1 + 1 / 3) / 2) < 1e-9
    assert {"year": year, "done": 1, "target": 2, "when": "current", "missed": False} in progress["years"]
    assert [y["year"] for y in progress["years"]] == list(range(2024, year + 1))  # from the 1st session's year

    # the 2nd session reviews what became of the 1st session's conclusions
    report = client.get(f"/api/v1/sessions/{s2}/implementation").json()
    assert report["previous_session_id"] == s1
    assert [row["commitment_id"] for row in report["rows"]] == [training["id"]]
    assert report["rows"][0]["last_note"] == "Course held in Hanoi"


def test_overdue_commitments_filter_and_dashboard(client: TestClient) -> None:
    pid, *_ = setup_partnership(client)
    late = client.post("/api/v1/commitments", json={"text": "Mid-term assessment", "partnership_id": pid,
                                                    "due_date": "2020-01-01"}).json()
    client.post("/api/v1/commitments", json={"text": "Done already", "partnership_id": pid,
                                             "due_date": "2020-01-01", "status": "done"})
    client.post("/api/v1/commitments", json={"text": "Future", "partnership_id": pid, "due_date": "2999-01-01"})
    assert late["overdue"] is True
    overdue = client.get("/api/v1/commitments", params={"status": "overdue"}).json()
    assert [c["id"] for c in overdue["items"]] == [late["id"]]
    dash = client.get("/api/v1/dashboard").json()
    assert [c["id"] for c in dash["overdue_commitments"]] == [late["id"]]


def test_assessment_sets_completion_and_rejects_bad_rating(client: TestClient) -> None:
    pid, *_ = setup_partnership(client)
    c = client.post("/api/v1/commitments", json={"text": "Share experiences", "partnership_id": pid}).json()
    wg = client.post("/api/v1/working-groups", json={"partnership_id": pid, "name": "Joint WG"}).json()
    r = client.post("/api/v1/assessments", json={"commitment_id": c["id"], "working_group_id": wg["id"],
                                                 "date": "2025-05-20", "rating": "substantial"})
    assert r.status_code == 201, r.text
    assert client.get(f"/api/v1/commitments/{c['id']}").json()["completion"] == "substantial"
    bad = client.post("/api/v1/assessments", json={"commitment_id": c["id"], "date": "2025-05-21",
                                                   "rating": "excellent"})
    assert bad.status_code == 422
    assert client.get("/api/v1/assessments", params={"commitment_id": c["id"]}).json()["total"] == 1


def test_commitment_rules(client: TestClient) -> None:
    pid, _cid, s1, _s2 = setup_partnership(client)
    other = client.post("/api/v1/partnerships", json={"name": "Other", "country_codes": ["FRA", "VNM"]}).json()
    wrong = client.post("/api/v1/commitments", json={"text": "x", "partnership_id": other["id"], "session_id": s1})
    assert wrong.status_code == 422 and "another partnership" in wrong.json()["detail"]
    missing = client.post("/api/v1/commitments", json={"text": "x", "partnership_id": 9999})
    assert missing.status_code == 422 and "Unknown partnership" in missing.json()["detail"]
    future = client.post("/api/v1/commitments", json={"text": "x", "partnership_id": pid}).json()
    r = client.post("/api/v1/progress-updates", json={"commitment_id": future["id"], "date": "2999-01-01",
                                                      "note": "later"})
    assert r.status_code == 422 and "future" in r.json()["detail"]
    assert client.get("/api/v1/commitments").json()["total"] == 1
    assert client.get("/api/v1/commitments/12345").status_code == 404


def test_dashboard_recent_changes_link_to_pages(client: TestClient) -> None:
    person = client.post("/api/v1/people", json={"name": "Boviengkham Vongdara"}).json()
    client.post("/api/v1/visits", json={"from_country_code": "VNM", "to_country_code": "LAO",
                                        "purpose": "Ministerial visit"})
    recent = client.get("/api/v1/dashboard").json()["recent_changes"]
    by_kind = {r["kind"]: r for r in recent}
    assert by_kind["person"]["url"] == f"/people/{person['id']}"
    assert by_kind["visit"]["title"] == "Ministerial visit"


def test_commitments_filter_by_session_and_parent(client: TestClient) -> None:
    pid, _cid, s1, s2 = setup_partnership(client)
    parent = client.post("/api/v1/commitments", json={"text": "A", "partnership_id": pid, "session_id": s1}).json()
    client.post("/api/v1/commitments", json={"text": "B", "partnership_id": pid, "session_id": s2})
    client.post("/api/v1/commitments", json={"text": "A.1", "partnership_id": pid, "parent_id": parent["id"]})
    assert [c["text"] for c in client.get("/api/v1/commitments", params={"session_id": s1}).json()["items"]] == ["A"]
    children = client.get("/api/v1/commitments", params={"parent_id": parent["id"]}).json()["items"]
    assert [c["text"] for c in children] == ["A.1"]
