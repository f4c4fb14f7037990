from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from sticoop.partners.service import organizations


def test_organizations_people_and_search_without_diacritics(client: TestClient, db: Session) -> None:
    most = client.post("/api/v1/organizations", json={
        "name": "Ministry of Science and Technology", "acronym": "MOST", "type": "ministry", "country_code": "vnm",
        "aliases": ["Bộ Khoa học và Công nghệ"]}).json()
    assert most["country_code"] == "VNM"
    assert client.get("/api/v1/organizations", params={"q": "bo khoa hoc"}).json()["total"] == 1
    assert organizations.find_by_name(db, "MOST").id == most["id"]
    assert organizations.find_by_name(db, "Bo Khoa hoc va Cong nghe").id == most["id"]
    person = client.post("/api/v1/people", json={
        "name": "Huỳnh Thành Đạt", "country_code": "VNM",
        "positions": [{"title": "Minister of Science and Technology", "organization_id": most["id"],
                       "start_date": "2021-04-08"}]}).json()
    assert person["positions"][0]["organization_id"] == most["id"]
    assert client.get("/api/v1/people", params={"q": "huynh thanh dat"}).json()["total"] == 1
    bad = client.post("/api/v1/people", json={"name": "X", "positions": [
        {"title": "t", "start_date": "2022-01-01", "end_date": "2021-01-01"}]})
    assert bad.status_code == 422
    unknown = client.post("/api/v1/organizations", json={"name": "X", "type": "spaceship"})
    assert unknown.status_code == 422
    assert client.get("/api/v1/organizations").json()["total"] == 1


def test_sorting_and_pagination_bounds(client: TestClient) -> None:
    for name in ("B org", "A org", "C org"):
        client.post("/api/v1/organizations", json={"name": name})
    page = client.get("/api/v1/organizations", params={"sort": "name", "limit": 2}).json()
    assert [o["name"] for o in page["items"]] == ["A org", "B org"] and page["total"] == 3
    page2 = client.get("/api/v1/organizations", params={"sort": "-name", "limit": 2, "offset": 2}).json()
    assert [o["name"] for o in page2["items"]] == ["A org"]
    assert client.get("/api/v1/organizations", params={"limit": 5000}).status_code == 422
    assert client.get("/api/v1/organizations", params={"sort": "password"}).status_code == 422


def test_an_organisation_cannot_sit_under_its_own_sub_organisation(client: TestClient) -> None:
    most = client.post("/api/v1/organizations", json={"name": "Ministry of Science and Technology"}).json()
    nasati = client.post("/api/v1/organizations", json={"name": "NASATI", "parent_id": most["id"]}).json()
    centre = client.post("/api/v1/organizations", json={"name": "Information centre",
                                                        "parent_id": nasati["id"]}).json()
    loop = client.patch(f"/api/v1/organizations/{most['id']}", json={"parent_id": centre["id"],
                                                                     "version": most["version"]})
    assert loop.status_code == 422 and "sub-organisation" in loop.json()["detail"]
    assert client.get(f"/api/v1/organizations/{most['id']}").json()["parent_id"] is None
