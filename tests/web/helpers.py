"""Builds a small but complete set of records through the REST API, so every page has something to show."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def post(client: TestClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post(f"/api/v1{path}", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def seed(client: TestClient) -> dict[str, Any]:
    most = post(client, "/organizations", {"name": "Ministry of Science and Technology", "acronym": "MOST",
                                           "type": "ministry", "country_code": "VNM"})
    belspo = post(client, "/organizations", {"name": "Belgian Science Policy Office", "acronym": "BELSPO",
                                             "type": "agency", "country_code": "BEL"})
    person = post(client, "/people", {"name": "Nguyễn Văn An", "country_code": "VNM",
                                      "positions": [{"title": "Director", "organization_id": most["id"],
                                                     "start_date": "2020-01-01"}]})
    guest = post(client, "/people", {"name": "Anne Dupont", "country_code": "BEL"})
    p = post(client, "/partnerships", {"name": "Belgium–Vietnam", "country_codes": ["BEL", "VNM"],
                                       "relations_established": "1973-03-22", "summary": "STI cooperation"})
    c = post(client, "/committees", {"partnership_id": p["id"], "name": "Joint Committee on S&T",
                                     "interval_months": 24, "cochair_ids": [most["id"], belspo["id"]]})
    s5 = post(client, "/sessions", {"committee_id": c["id"], "number": 5, "start_date": "2016-05-10",
                                    "city": "Hanoi", "country_code": "VNM", "conclusions": "Train researchers.",
                                    "delegates": [{"person_id": person["id"], "country_code": "VNM",
                                                   "is_head": True}],
                                    "agenda_items": [{"title": "Review of cooperation"}]})
    s6 = post(client, "/sessions", {"committee_id": c["id"], "number": 6, "start_date": "2023-07-26",
                                    "end_date": "2023-07-30", "city": "Brussels", "country_code": "BEL",
                                    "delegates": [{"person_id": guest["id"], "country_code": "BEL"}]})
    cm = post(client, "/commitments", {"partnership_id": p["id"], "session_id": s5["id"],
                                       "text": "Organise one or two training courses a year",
                                       "target_per_year": 2, "due_date": "2020-12-31",
                                       "responsible_ids": [most["id"]]})
    post(client, "/progress-updates", {"commitment_id": cm["id"], "date": "2019-06-01",
                                       "note": "First course held in Ghent", "count": 1})
    post(client, "/assessments", {"commitment_id": cm["id"], "date": "2021-01-15", "rating": "limited",
                                  "findings": "One course a year only"})
    a = post(client, "/agreements", {"title": "Agreement on S&T cooperation with Luxembourg",
                                     "kind": "agreement", "status": "negotiating", "partnership_id": p["id"],
                                     "country_codes": ["BEL", "VNM"], "organization_ids": [most["id"]]})
    pr = post(client, "/projects", {"title": "Remote sensing for the Mekong delta", "partnership_id": p["id"],
                                    "start_date": "2022-01-01", "budget": "250000", "currency": "EUR",
                                    "status": "running", "partners": [{"organization_id": most["id"],
                                                                        "role": "coordinator"}]})
    v = post(client, "/visits", {"partnership_id": p["id"], "from_country_code": "VNM", "to_country_code": "BEL",
                                 "start_date": "2023-07-25", "purpose": "Attend the 6th session",
                                 "member_ids": [person["id"]], "organization_met_ids": [belspo["id"]]})
    e = post(client, "/events", {"kind": "training_course", "title": "Training on biotechnology",
                                 "partnership_id": p["id"], "start_date": "2019-06-01", "city": "Ghent",
                                 "country_code": "BEL", "participants_count": 25, "commitment_id": cm["id"]})
    return {"organization": most, "organization2": belspo, "person": person, "person2": guest, "partnership": p,
            "committee": c, "session": s5, "session6": s6, "commitment": cm, "agreement": a, "project": pr,
            "visit": v, "event": e}
