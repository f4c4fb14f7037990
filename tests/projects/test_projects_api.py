from __future__ import annotations

from fastapi.testclient import TestClient


def test_project_with_partners_fields_and_budget(client: TestClient) -> None:
    ugent = client.post("/api/v1/organizations", json={"name": "Ghent University", "country_code": "BEL"}).json()
    prog = client.post("/api/v1/programmes", json={"name": "Southeast Asia-Europe Joint Funding Scheme",
                                                    "acronym": "JFS"}).json()
    r = client.post("/api/v1/projects", json={
        "title": "Wastewater treatment", "programme_id": prog["id"], "budget": "450000.00", "currency": "EUR",
        "start_date": "2022-01-01", "end_date": "2025-12-31", "field_keys": ["environment", "water_resources"],
        "partners": [{"organization_id": ugent["id"], "role": "coordinator"}]})
    assert r.status_code == 201, r.text
    project = r.json()
    assert project["field_keys"] == ["environment", "water_resources"] and project["budget"] == "450000.00"
    assert client.get("/api/v1/projects", params={"field": "environment"}).json()["total"] == 1
    assert client.get("/api/v1/projects", params={"field": "space"}).json()["total"] == 0
    assert client.get("/api/v1/projects", params={"country": "BEL"}).json()["total"] == 1
    no_currency = client.post("/api/v1/projects", json={"title": "X", "budget": "10"})
    assert no_currency.status_code == 422 and "currency" in no_currency.json()["detail"]
    bad_field = client.post("/api/v1/projects", json={"title": "X", "field_keys": ["astrology"]})
    assert bad_field.status_code == 422 and "astrology" in bad_field.json()["detail"]
    assert client.get("/api/v1/projects").json()["total"] == 1
