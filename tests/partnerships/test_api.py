from __future__ import annotations

from fastapi.testclient import TestClient


def make_partnership(client: TestClient, name: str = "Belgium–Vietnam", codes=("BEL", "VNM")) -> dict:
    r = client.post("/api/v1/partnerships", json={"name": name, "country_codes": list(codes)})
    assert r.status_code == 201, r.text
    return r.json()


def test_partnership_crud_and_filters(client: TestClient) -> None:
    p = make_partnership(client)
    assert p["country_codes"] == ["BEL", "VNM"] and p["kind"] == "bilateral" and p["version"] == 1
    make_partnership(client, "Vietnam–Laos", ("VNM", "LAO"))
    r = client.get("/api/v1/partnerships", params={"country": "lao"})
    assert r.json()["total"] == 1 and r.json()["items"][0]["name"] == "Vietnam–Laos"
    r = client.patch(f"/api/v1/partnerships/{p['id']}", json={"version": 1, "summary": "Hợp tác khoa học"})
    assert r.status_code == 200 and r.json()["version"] == 2
    # diacritics-insensitive search
    assert client.get("/api/v1/partnerships", params={"q": "hop tac"}).json()["total"] == 1
    assert client.get("/api/v1/partnerships", params={"q": "Hợp tác"}).json()["total"] == 1


def test_stale_version_is_409_and_nothing_lost(client: TestClient) -> None:
    p = make_partnership(client)
    assert client.patch(f"/api/v1/partnerships/{p['id']}", json={"version": 1, "name": "A"}).status_code == 200
    r = client.patch(f"/api/v1/partnerships/{p['id']}", json={"version": 1, "name": "B"})
    assert r.status_code == 409 and "changed by someone else" in r.json()["detail"]
    assert client.get(f"/api/v1/partnerships/{p['id']}").json()["name"] == "A"


def test_invalid_iso_code_is_422_and_nothing_written(client: TestClient) -> None:
    r = client.post("/api/v1/partnerships", json={"name": "X", "country_codes": ["VNM", "XYZ"]})
    assert r.status_code == 422 and "XYZ" in r.json()["detail"]
    r = client.post("/api/v1/partnerships", json={"name": "X", "country_codes": ["VNM", "VIETNAM"]})
    assert r.status_code == 422
    assert client.get("/api/v1/partnerships").json()["total"] == 0


def test_session_rules(client: TestClient) -> None:
    p = make_partnership(client)
    c = client.post("/api/v1/committees", json={"partnership_id": p["id"], "name": "Joint Committee",
                                                "interval_months": 24}).json()
    s5 = client.post("/api/v1/sessions", json={"committee_id": c["id"], "number": 5, "start_date": "2016-05-10",
                                               "city": "Hanoi", "country_code": "VNM"})
    assert s5.status_code == 201, s5.text
    s6 = client.post("/api/v1/sessions", json={"committee_id": c["id"], "number": 6, "start_date": "2023-07-26",
                                               "end_date": "2023-07-30", "country_code": "BEL"}).json()
    assert s6["previous_session_id"] == s5.json()["id"] and s6["days_since_previous"] == 2633
    dup = client.post("/api/v1/sessions", json={"committee_id": c["id"], "number": 6})
    assert dup.status_code == 409 and "already has a session number 6" in dup.json()["detail"]
    bad = client.post("/api/v1/sessions", json={"committee_id": c["id"], "number": 7, "start_date": "2024-05-02",
                                                "end_date": "2024-05-01"})
    assert bad.status_code == 422 and "before" in bad.json()["detail"]
    assert client.get("/api/v1/sessions", params={"committee_id": c["id"]}).json()["total"] == 2
    status = client.get(f"/api/v1/committees/{c['id']}/status").json()
    assert status["last_session_number"] == 6 and status["next_due"] == "2025-07-30" and status["overdue"] is True


def test_oversized_and_malformed_json(client: TestClient) -> None:
    r = client.post("/api/v1/partnerships", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and "JSON" in r.json()["detail"]
    big = b'{"name": "' + b"x" * 3_000_000 + b'", "country_codes": ["VNM", "LAO"]}'
    r = client.post("/api/v1/partnerships", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413

    def chunked(body: bytes):  # no Content-Length: sent with chunked transfer encoding
        for start in range(0, len(body), 65_536):
            yield body[start:start + 65_536]

    r = client.post("/api/v1/partnerships", content=chunked(big), headers={"content-type": "application/json"})
    assert r.status_code == 413 and "limit" in r.json()["detail"]
    assert client.get("/api/v1/partnerships").json()["total"] == 0
    small = b'{"name": "Laos-Vietnam", "country_codes": ["VNM", "LAO"]}'
    r = client.post("/api/v1/partnerships", content=chunked(small), headers={"content-type": "application/json"})
    assert r.status_code == 201, r.text


def test_next_round_anniversary_of_relations() -> None:
    from datetime import date

    from sticoop.partnerships.service import next_anniversary

    assert next_anniversary(date(1973, 3, 22), today=date(2023, 1, 1)) == (50, date(2023, 3, 22))
    assert next_anniversary(date(1973, 3, 22), today=date(2023, 3, 23)) == (55, date(2028, 3, 22))
    assert next_anniversary(None) is None


def test_partnership_out_carries_next_anniversary(client: TestClient) -> None:
    r = client.post("/api/v1/partnerships", json={"name": "Vietnam–Laos", "country_codes": ["VNM", "LAO"],
                                                  "relations_established": "1962-09-05"})
    upcoming = r.json()["next_anniversary"]
    assert upcoming["years"] % 5 == 0 and upcoming["date"].endswith("-09-05")


def test_link_only_changes_bump_and_check_the_version(client: TestClient) -> None:
    p = make_partnership(client)
    first = client.patch(f"/api/v1/partnerships/{p['id']}", json={"version": 1, "country_codes": ["VNM", "FRA"]})
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = client.patch(f"/api/v1/partnerships/{p['id']}", json={"version": 1, "country_codes": ["VNM", "LAO"]})
    assert stale.status_code == 409
    assert client.get(f"/api/v1/partnerships/{p['id']}").json()["country_codes"] == ["FRA", "VNM"]


def test_delete_needs_the_version_and_no_dependents(client: TestClient) -> None:
    p = make_partnership(client)
    c = client.post("/api/v1/committees", json={"partnership_id": p["id"], "name": "JC"}).json()
    assert client.delete(f"/api/v1/partnerships/{p['id']}").status_code == 422
    blocked = client.delete(f"/api/v1/partnerships/{p['id']}", params={"version": 1})
    assert blocked.status_code == 409 and "1 committees" in blocked.json()["detail"]
    assert client.delete(f"/api/v1/committees/{c['id']}", params={"version": c["version"]}).status_code == 204
    assert client.delete(f"/api/v1/partnerships/{p['id']}", params={"version": 1}).status_code == 204


def test_required_field_set_to_null_is_422(client: TestClient) -> None:
    p = make_partnership(client)
    r = client.patch(f"/api/v1/partnerships/{p['id']}", json={"version": 1, "name": None})
    assert r.status_code == 422 and "name cannot be empty" in r.json()["detail"]
