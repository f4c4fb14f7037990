"""Every page renders with data; filters, pagination and the HTMX partial; forms create and edit records;
bad input re-renders the form with a message beside the field and writes nothing."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from tests.web.helpers import seed

LISTS = ("partnerships", "committees", "sessions", "commitments", "agreements", "projects", "organizations", "people",
         "visits", "events")


def count(client: TestClient, path: str, **params: str) -> int:
    return client.get(f"/api/v1/{path}", params=params).json()["total"]


def test_every_list_detail_and_form_page_renders(client: TestClient) -> None:
    d = seed(client)
    home = client.get("/")
    assert home.status_code == 200
    for heading in ("Upcoming sessions", "Overdue commitments", "Agreements awaiting signature", "Recent changes"):
        assert heading in home.text
    assert "Agreement on S&amp;T cooperation with Luxembourg" in home.text
    assert "Organise one or two training courses a year" in home.text  # overdue since 2020
    for name in LISTS:
        page = client.get(f"/{name}")
        assert page.status_code == 200, name
        assert "Showing 1–" in page.text, name
        assert client.get(f"/{name}/new").status_code == 200, name
    details = {"partnerships": ("partnership", "Belgium–Vietnam"), "committees": ("committee", "Joint Committee"),
               "sessions": ("session", "Hanoi"), "commitments": ("commitment", "training courses"),
               "agreements": ("agreement", "Luxembourg"), "projects": ("project", "Mekong"),
               "organizations": ("organization", "MOST"), "people": ("person", "Nguyễn Văn An"),
               "visits": ("visit", "Attend the 6th session"), "events": ("event", "biotechnology")}
    for path, (key, text) in details.items():
        page = client.get(f"/{path}/{d[key]['id']}")
        assert page.status_code == 200 and text in page.text, path
        assert client.get(f"/{path}/{d[key]['id']}/edit").status_code == 200, path


def test_partnership_page_shows_committee_status_anniversary_and_timeline(client: TestClient) -> None:
    d = seed(client)
    page = client.get(f"/partnerships/{d['partnership']['id']}").text
    assert "Belgium" in page and "Vietnam" in page
    assert "55 years of diplomatic relations" in page  # relations of 1973-03-22, today pinned at 2026-06-15
    assert "Joint Committee on S&amp;T" in page and "Overdue" in page  # 24 months since July 2023
    timeline = page.split('id="timeline"')[1]
    for text in ("Session", "Luxembourg", "training courses", "Mekong", "Attend the 6th session", "biotechnology"):
        assert text in timeline
    assert f'/committees/new?partnership_id={d["partnership"]["id"]}' in page


def test_session_page_shows_delegations_agenda_and_implementation_report(client: TestClient) -> None:
    d = seed(client)
    page = client.get(f"/sessions/{d['session6']['id']}").text
    assert "Anne Dupont" in page and "Implementation of the previous session&#39;s conclusions" in page
    assert "Organise one or two training courses a year" in page  # made at the 5th, reviewed at the 6th
    first = client.get(f"/sessions/{d['session']['id']}").text
    assert "Head of delegation" in first and "Review of cooperation" in first


def test_commitment_page_shows_progress_updates_and_assessments(client: TestClient) -> None:
    d = seed(client)
    page = client.get(f"/commitments/{d['commitment']['id']}").text
    assert "First course held in Ghent" in page and "One course a year only" in page
    assert "Limited" in page and "2019" in page


def test_filters_htmx_partial_and_pagination(client: TestClient) -> None:
    seed(client)
    client.post("/api/v1/partnerships", json={"name": "Vietnam–Laos", "country_codes": ["VNM", "LAO"]})
    page = client.get("/partnerships", params={"country": "LAO"})
    assert "Vietnam–Laos" in page.text and "Belgium–Vietnam" not in page.text
    partial = client.get("/partnerships", params={"q": "belgium"},
                         headers={"HX-Request": "true", "HX-Target": "results"})
    assert partial.status_code == 200 and "<html" not in partial.text and 'id="results"' in partial.text
    assert "Belgium–Vietnam" in partial.text and "Vietnam–Laos" not in partial.text
    assert "Nothing matches" in client.get("/commitments", params={"status": "done"}).text
    bad = client.get("/sessions", params={"date_from": "2024-01-01", "date_to": "2023-01-01", "offset": "x"})
    assert bad.status_code == 200 and "before its start" in bad.text
    for i in range(27):
        client.post("/api/v1/organizations", json={"name": f"Institute {i:02d}"})
    first = client.get("/organizations").text
    assert "Showing 1–25 of 29" in first and 'rel="next"' in first
    second = client.get("/organizations", params={"offset": "25"}).text
    assert "Showing 26–29 of 29" in second and 'rel="prev"' in second


def test_forms_create_records_and_prefill_context(client: TestClient) -> None:
    orgs = [client.post("/api/v1/organizations", json={"name": n, "country_code": c}).json()
            for n, c in (("MOST", "VNM"), ("BELSPO", "BEL"))]
    r = client.post("/partnerships/new", data={"name": "Belgium–Vietnam", "country_codes": ["BEL", "VNM"],
                                               "relations_established": "1973-03-22", "status": "active"},
                    follow_redirects=False)
    assert r.status_code == 303
    pid = int(r.headers["location"].rsplit("/", 1)[1])
    new_committee = client.get(f"/committees/new?partnership_id={pid}").text
    assert re.search(rf'<option value="{pid}" selected>', new_committee)
    r = client.post("/committees/new", data={"partnership_id": str(pid), "name": "Joint Committee",
                                             "interval_months": "24", "cochair_ids": [str(o["id"]) for o in orgs]})
    assert r.status_code == 200 and "Joint Committee" in r.text  # followed the redirect to the committee page
    cid = client.get("/api/v1/committees").json()["items"][0]["id"]
    assert sorted(client.get(f"/api/v1/committees/{cid}").json()["cochair_ids"]) == sorted(o["id"] for o in orgs)
    assert 'number=1"' in client.get(f"/committees/{cid}").text
    person = client.post("/api/v1/people", json={"name": "Trần Thị B", "country_code": "VNM"}).json()
    r = client.post("/sessions/new", data={"committee_id": str(cid), "number": "1", "start_date": "2024-05-02",
                                           "end_date": "2024-05-03", "city": "Hanoi", "country_code": "VNM",
                                           "head_ids": [str(person["id"])], "agenda": "Opening\nReview\n"},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    sid = int(r.headers["location"].rsplit("/", 1)[1])
    session = client.get(f"/api/v1/sessions/{sid}").json()
    assert [a["title"] for a in session["agenda_items"]] == ["Opening", "Review"]
    assert session["delegates"] == [{"person_id": person["id"], "country_code": "VNM", "is_head": True,
                                     "role": None}]
    form = client.get(f"/commitments/new?partnership_id={pid}&session_id={sid}").text
    assert re.search(rf'<option value="{sid}" selected>', form)
    r = client.post("/commitments/new", data={"partnership_id": str(pid), "session_id": str(sid),
                                              "text": "Exchange researchers", "status": "planned",
                                              "completion": "not_started", "target_per_year": "2"},
                    follow_redirects=False)
    assert r.status_code == 303
    commitment_id = int(r.headers["location"].rsplit("/", 1)[1])
    r = client.post("/progress-updates/new", data={"commitment_id": str(commitment_id), "date": "2024-06-01",
                                                   "note": "Two researchers exchanged", "count": "2"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/commitments/{commitment_id}"
    assert "Two researchers exchanged" in client.get(f"/commitments/{commitment_id}").text
    for path, data in (
        ("/organizations/new", {"name": "Université de Liège", "type": "university", "country_code": "BEL",
                                "aliases": "ULiège\nUniversity of Liège", "website": "https://www.uliege.be"}),
        ("/people/new", {"name": "Marie Curie", "country_code": "FRA", "position_title": "Professor",
                         "position_organization_id": str(orgs[1]["id"]), "position_start": "2020-01-01"}),
        ("/agreements/new", {"title": "MoU on space", "kind": "mou", "status": "planned",
                             "partnership_id": str(pid), "country_codes": ["BEL", "VNM"]}),
    ):
        r = client.post(path, data=data, follow_redirects=False)
        assert r.status_code == 303, (path, r.text)
    assert client.get("/api/v1/organizations", params={"q": "uliege"}).json()["total"] == 1
    assert client.get("/api/v1/people", params={"q": "curie"}).json()["items"][0]["positions"][0]["title"] == \
        "Professor"


def test_edit_form_updates_and_stale_version_is_409(client: TestClient) -> None:
    d = seed(client)
    pid = d["partnership"]["id"]
    edit = client.get(f"/partnerships/{pid}/edit").text
    assert 'name="version" value="1"' in edit and "Belgium–Vietnam" in edit
    data = {"version": "1", "name": "Belgium–Viet Nam", "country_codes": ["BEL", "VNM"], "status": "active",
            "relations_established": "1973-03-22"}
    assert client.post(f"/partnerships/{pid}/edit", data=data, follow_redirects=False).status_code == 303
    stale = client.post(f"/partnerships/{pid}/edit", data={**data, "name": "Other"})
    assert stale.status_code == 409 and "Someone else changed this record" in stale.text
    assert 'value="Other"' in stale.text  # what the user typed is kept
    assert client.get(f"/api/v1/partnerships/{pid}").json()["name"] == "Belgium–Viet Nam"


@pytest.mark.parametrize("path,data,field,message", [
    ("/partnerships/new", {"name": "Lonely", "country_codes": ["VNM"], "status": "active"}, "country_codes",
     "Choose at least 2"),
    ("/partnerships/new", {"name": "", "country_codes": ["VNM", "LAO"], "status": "active"}, "name",
     "This field is required."),
    ("/organizations/new", {"name": "Bad site", "type": "other", "website": "ftp://x"}, "website",
     "Enter a web address"),
])
def test_bad_input_rerenders_with_inline_message_and_writes_nothing(client: TestClient, path: str, data: dict,
                                                                    field: str, message: str) -> None:
    r = client.post(path, data=data)
    assert r.status_code == 422
    assert f'id="field-{field}-error"' in r.text and message in r.text
    assert f'id="field-{field}"' in r.text and 'aria-invalid="true"' in r.text
    if data.get("name"):
        assert f'value="{data["name"]}"' in r.text
    assert count(client, path.split("/")[1]) == 0


def test_session_date_order_and_duplicate_number_are_shown_beside_the_field(client: TestClient) -> None:
    d = seed(client)
    cid = d["committee"]["id"]
    before = count(client, "sessions")
    r = client.post("/sessions/new", data={"committee_id": str(cid), "number": "7", "start_date": "2024-05-02",
                                           "end_date": "2024-05-01", "city": "Vientiane"})
    assert r.status_code == 422
    assert 'id="field-end_date-error"' in r.text and "The end date is before the start date." in r.text
    assert 'value="Vientiane"' in r.text
    r = client.post("/sessions/new", data={"committee_id": str(cid), "number": "6"})
    assert r.status_code == 409 and 'id="field-number-error"' in r.text and "already has a session number 6" in r.text
    assert count(client, "sessions") == before


def test_agreement_transitions_through_buttons(client: TestClient) -> None:
    d = seed(client)
    aid = d["agreement"]["id"]
    page = client.get(f"/agreements/{aid}").text
    assert 'value="signed"' in page and 'value="in_force"' not in page  # negotiating → signed, not in force
    r = client.post(f"/agreements/{aid}/transition", data={"version": "1", "to_status": "signed",
                                                          "date": "2024-03-01", "note": "Signed in Hanoi"},
                    follow_redirects=False)
    assert r.status_code == 303
    agreement = client.get(f"/api/v1/agreements/{aid}").json()
    assert agreement["status"] == "signed" and agreement["signed_date"] == "2024-03-01"
    assert "Signed in Hanoi" in client.get(f"/agreements/{aid}").text
    wrong = client.post(f"/agreements/{aid}/transition", data={"version": str(agreement["version"]),
                                                              "to_status": "renewed"})
    assert wrong.status_code == 422 and "cannot go from" in wrong.text
    stale = client.post(f"/agreements/{aid}/transition", data={"version": "1", "to_status": "in_force"})
    assert stale.status_code == 409
    assert client.get(f"/api/v1/agreements/{aid}").json()["status"] == "signed"


def test_missing_record_is_an_html_404(client: TestClient) -> None:
    r = client.get("/partnerships/999999")
    assert r.status_code == 404 and "<html" in r.text and "does not exist" in r.text
    assert client.get("/no-such-page").status_code == 404
