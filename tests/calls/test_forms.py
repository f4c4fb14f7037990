"""The calls' forms (no API needed): a call with its zoned dates, a funder with its own rules, a proposal with
its consortium rows, a reviewer, a declared conflict and the consensus form — each saved, and each refusal
shown on the form naming the field, with the same rule as the API."""

from __future__ import annotations

import html
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.calls.helpers import consortium, jfs_call, move, org, post, proposal

CALL_FORM = {"title": "JFS 2027", "topics": "Climate\nHealth", "opens_at": "2027-01-15T09:00",
             "closes_at": "2027-05-31T17:00", "timezone": "Asia/Ho_Chi_Minh", "currency": "EUR",
             "page_limit": "20", "reviewers_per_proposal": "3"}


def _refused(response: Any, *words: str) -> None:
    assert response.status_code == 422, response.text[:300]
    text = html.unescape(response.text)
    assert "error-summary" in text
    for word in words:
        assert word in text, word


def test_a_call_is_created_and_edited_in_its_time_zone(client: TestClient) -> None:
    form = client.get("/calls/new")
    assert form.status_code == 200 and 'type="datetime-local"' in form.text
    saved = client.post("/calls/new", data=CALL_FORM, follow_redirects=False)
    assert saved.status_code == 303, saved.text[:500]
    call_id = int(saved.headers["location"].rsplit("/", 1)[1])
    got = client.get(f"/api/v1/calls/{call_id}").json()
    assert got["opens_at"].startswith("2027-01-15T02:00") or got["opens_at"].startswith("2027-01-15T09:00:00+07")
    assert got["topics"] == ["Climate", "Health"] and got["page_limit"] == 20 and got["status"] == "draft"
    edit = client.get(f"/calls/{call_id}/edit").text
    assert 'value="2027-01-15T09:00"' in edit and 'value="2027-05-31T17:00"' in edit
    changed = client.post(f"/calls/{call_id}/edit", data={**CALL_FORM, "title": "JFS 2027 bis",
                                                          "version": str(got["version"])}, follow_redirects=False)
    assert changed.status_code == 303
    assert client.get(f"/api/v1/calls/{call_id}").json()["title"] == "JFS 2027 bis"


@pytest.mark.parametrize(("change", "words"), [
    ({"title": ""}, ["Title", "This field is required."]),
    ({"timezone": "Mars/Olympus"}, ["Time zone", "not an IANA time zone"]),
    ({"closes_at": "2027-01-01T09:00"}, ["closes_at must come after opens_at"]),
    ({"currency": "EURO"}, ["Currency", "ISO 4217"]),
    ({"reviewers_per_proposal": "0"}, ["Reviewers per proposal", "at least 1"]),
    ({"opens_at": "soon"}, ["Submission opens"]),
])
def test_a_bad_call_form_names_the_field(client: TestClient, change: dict[str, str], words: list[str]) -> None:
    _refused(client.post("/calls/new", data={**CALL_FORM, **change}), *words)
    assert client.get("/api/v1/calls").json()["total"] == 0


FUNDER_FORM = {"country_code": "BEL", "budget": "500000", "currency": "EUR", "funds_own_nationals_only": "on",
               "trl_min": "2", "trl_max": "6", "max_per_partner": "150000"}


def test_a_funder_is_added_and_edited_with_its_own_rules(client: TestClient) -> None:
    world = jfs_call(client)
    cid = world["call"]["id"]
    page = client.get(f"/calls/{cid}").text
    assert f"/call-funders/new?call_id={cid}" in html.unescape(page)
    body = {**FUNDER_FORM, "call_id": str(cid), "organization_id": str(org(client, "FWO", "BEL"))}
    saved = client.post("/call-funders/new", data=body, follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"] == f"/calls/{cid}"
    funder = client.get(f"/api/v1/calls/{cid}/funders").json()[-1]
    assert funder["extra_rules"] == {"trl_min": 2, "trl_max": 6, "max_per_partner": 150000}
    assert funder["funds_own_nationals_only"] is True
    edit = client.get(f"/call-funders/{funder['id']}/edit").text
    assert 'name="organization_id"' not in edit and 'value="150000"' in edit
    changed = client.post(f"/call-funders/{funder['id']}/edit", data={
        "budget": "600000", "currency": "EUR", "trl_min": "3", "version": str(funder["version"])},
        follow_redirects=False)
    assert changed.status_code == 303
    funder = client.get(f"/api/v1/call-funders/{funder['id']}").json()
    assert funder["budget"] == "600000.00" and funder["extra_rules"] == {"trl_min": 3}
    assert funder["funds_own_nationals_only"] is False


@pytest.mark.parametrize(("change", "words"), [
    ({"trl_min": "12"}, ["trl_min must be a TRL from 1 to 9"]),
    ({"trl_max": "x"}, ["trl_max must be a TRL from 1 to 9"]),
    ({"max_per_partner": "-5"}, ["max_per_partner must be an amount"]),
    ({"budget": "lots"}, ["Budget", "Enter a number."]),
    ({"country_code": ""}, ["Country", "This field is required."]),
    ({"currency": "E"}, ["Currency"]),
])
def test_a_bad_funder_form_names_the_rule(client: TestClient, change: dict[str, str], words: list[str]) -> None:
    world = jfs_call(client)
    body = {**FUNDER_FORM, "call_id": str(world["call"]["id"]),
            "organization_id": str(org(client, "FWO", "BEL")), **change}
    _refused(client.post("/call-funders/new", data=body), *words)
    assert len(client.get(f"/api/v1/calls/{world['call']['id']}/funders").json()) == 3


def _rows(partners: list[dict[str, Any]]) -> dict[str, str]:
    out = {}
    for i, row in enumerate(partners):
        for key, value in row.items():
            if key != "currency":
                out[f"partners-{i}-{key}"] = str(value)
    return out


def test_a_proposal_is_added_with_its_consortium(client: TestClient) -> None:
    world = jfs_call(client)
    cid = world["call"]["id"]
    members = consortium(world)
    body = {"call_id": str(cid), "acronym": "RICE", "title": "Rice resilience", "topic": "Climate", "trl": "4",
            "status": "submitted", "submitted_at": "2026-05-30T10:00", "abstract": "What it does.",
            **_rows(members)}
    saved = client.post("/proposals/new", data=body, follow_redirects=False)
    assert saved.status_code == 303, html.unescape(saved.text)[:2000]
    pid = int(saved.headers["location"].rsplit("/", 1)[1])
    got = client.get(f"/api/v1/proposals/{pid}").json()
    assert [(m["organization_id"], m["role"], m["funder_id"]) for m in got["partners"]] == [
        (m["organization_id"], m["role"], m["funder_id"]) for m in members]
    assert got["partners"][1]["currency"] == "VND"
    assert client.get(f"/api/v1/proposals/{pid}/eligibility").json()["eligible"]
    edit = client.get(f"/proposals/{pid}/edit").text
    assert 'value="2026-05-30T10:00"' in edit and 'name="partners-3-organization_id"' in edit
    dropped = client.post(f"/proposals/{pid}/edit", data={
        "acronym": "RICE", "title": "Rice resilience", "status": "submitted", "version": str(got["version"]),
        **_rows(members), "partners-2-remove": "on"}, follow_redirects=False)
    assert dropped.status_code == 303
    assert len(client.get(f"/api/v1/proposals/{pid}").json()["partners"]) == 2


@pytest.mark.parametrize(("change", "words"), [
    ({"topic": "Space"}, ["topic 'Space' is not a topic of the call"]),
    ({"partners-1-funder_id": "999"}, ["not a funder of this call"]),
    ({"partners-0-country_code": ""}, ["Consortium"]),
    ({"partners-2-budget": "much"}, ["Consortium"]),
    ({"acronym": ""}, ["Acronym", "This field is required."]),
])
def test_a_bad_proposal_form_names_the_rule(client: TestClient, change: dict[str, str], words: list[str]) -> None:
    world = jfs_call(client)
    body = {"call_id": str(world["call"]["id"]), "acronym": "RICE", "title": "Rice", "topic": "Climate",
            "status": "draft", **_rows(consortium(world)), **change}
    _refused(client.post("/proposals/new", data=body), *words)
    assert client.get("/api/v1/proposals").json()["total"] == 0


def test_reviewer_conflict_and_consensus_forms(client: TestClient) -> None:
    world = jfs_call(client)
    cid = world["call"]["id"]
    good = proposal(client, world, "GOOD", consortium(world))
    people = [post(client, "/people", {"name": f"Reviewer {i}"})["id"] for i in range(4)]
    for person in people:
        saved = client.post("/reviewers/new", data={"call_id": str(cid), "person_id": str(person),
                                                    "max_load": "5"}, follow_redirects=False)
        assert saved.status_code == 303 and saved.headers["location"] == f"/calls/{cid}"
    reviewers = client.get("/api/v1/reviewers").json()["items"]
    assert {r["person_id"] for r in reviewers} == set(people)
    _refused(client.post("/reviewers/new", data={"call_id": str(cid), "person_id": ""}), "Person")
    conflicted = reviewers[-1]["id"]
    form = client.get(f"/conflicts-of-interest/new?proposal_id={good['id']}").text
    assert "Reviewer 3" in form
    _refused(client.post("/conflicts-of-interest/new", data={"proposal_id": str(good["id"]),
                                                             "reviewer_id": str(conflicted)}), "Reason")
    saved = client.post("/conflicts-of-interest/new", data={"proposal_id": str(good["id"]),
                                                            "reviewer_id": str(conflicted),
                                                            "reason": "Former PhD supervisor"},
                        follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"] == f"/proposals/{good['id']}"
    move(client, cid, "open", "closed")
    run = post(client, f"/calls/{cid}/assignments", {}, 200)
    assert conflicted not in {a["reviewer_id"] for a in run["items"]}
    move(client, cid, "under_evaluation")
    for item, excellence in zip(run["items"], (3, 4, 4), strict=True):
        post(client, "/reviews", {"proposal_id": good["id"], "reviewer_id": item["reviewer_id"],
                                  "scores": {"excellence": excellence, "impact": 4, "implementation": 4}})
    page = client.get(f"/proposals/{good['id']}/consensus")
    assert page.status_code == 200 and "3 to 4" in html.unescape(page.text)
    rapporteur = str(run["items"][0]["reviewer_id"])
    body = {"rapporteur_id": rapporteur, "excellence": "5", "impact": "4", "implementation": "4"}
    _refused(client.post(f"/proposals/{good['id']}/consensus", data=body), "Justification",
             "justification is required")
    _refused(client.post(f"/proposals/{good['id']}/consensus", data={**body, "rapporteur_id": ""}), "Rapporteur")
    _refused(client.post(f"/proposals/{good['id']}/consensus", data={**body, "impact": "5.5"}), "impact")
    saved = client.post(f"/proposals/{good['id']}/consensus", data={**body, "justification": "Panel agreed."},
                        follow_redirects=False)
    assert saved.status_code == 303
    got = client.get(f"/api/v1/proposals/{good['id']}/consensus").json()
    assert got["scores"]["excellence"] == 5 and got["justification"] == "Panel agreed."
    edited = client.post(f"/proposals/{good['id']}/consensus", data={**body, "excellence": "4",
                                                                     "version": str(got["version"])},
                         follow_redirects=False)
    assert edited.status_code == 303
    assert client.get(f"/api/v1/proposals/{good['id']}/consensus").json()["scores"]["excellence"] == 4


@pytest.mark.parametrize("lang", ["en", "fr", "vi"])
def test_the_forms_speak_each_language(client: TestClient, lang: str) -> None:
    world = jfs_call(client)
    cid = world["call"]["id"]
    words = {"en": ["New funding call", "Time zone"], "fr": ["Nouvel appel", "Fuseau horaire"],
             "vi": ["Đợt kêu gọi mới", "Múi giờ"]}[lang]
    page = html.unescape(client.get("/calls/new", params={"lang": lang}).text)
    for word in words:
        assert word in page, (lang, word)
    for path in (f"/call-funders/new?call_id={cid}", f"/proposals/new?call_id={cid}", f"/reviewers/new?call_id={cid}"):
        assert client.get(path, params={"lang": lang}).status_code == 200
