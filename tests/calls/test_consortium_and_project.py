"""A consortium entered and changed in one save of the proposal form (several rows added, one removed, one
changed, all or nothing), and the project a funded proposal becomes recording what each funder pays and each
partner receives as fields of its partners (not in its description), kept when the project form is saved."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.calls.helpers import consortium, jfs_call, move, partner, post, proposal

from sticoop.calls.forms import CONSORTIUM_SPARE_ROWS


def rows(members: list[dict[str, Any]], start: int = 0) -> dict[str, str]:
    return {f"partners-{start + i}-{k}": str(v) for i, m in enumerate(members) for k, v in m.items()
            if k != "currency"}


def test_a_whole_consortium_is_entered_and_changed_in_one_save(client: TestClient) -> None:
    world = jfs_call(client)
    new = client.get("/proposals/new").text
    shown = set(re.findall(r'name="partners-(\d+)-organization_id"', new))
    assert shown == {str(i) for i in range(CONSORTIUM_SPARE_ROWS)}
    members = consortium(world)
    body = {"call_id": str(world["call"]["id"]), "acronym": "RICE", "title": "Rice", "topic": "Climate",
            "status": "draft", **rows(members)}
    saved = client.post("/proposals/new", data=body, follow_redirects=False)
    assert saved.status_code == 303, html.unescape(saved.text)[:1500]
    pid = int(saved.headers["location"].rsplit("/", 1)[1])
    got = client.get(f"/api/v1/proposals/{pid}").json()
    assert len(got["partners"]) == 3
    edit = client.get(f"/proposals/{pid}/edit").text
    assert set(re.findall(r'name="partners-(\d+)-organization_id"', edit)) == {
        str(i) for i in range(3 + CONSORTIUM_SPARE_ROWS)}
    added = [partner(world, "hust", "VNM", 200_000_000), partner(world, "ku", "THA", 400_000)]
    change = {**rows(members), "partners-2-remove": "on", "partners-0-budget": "120000", **rows(added, start=3)}
    saved = client.post(f"/proposals/{pid}/edit", data={
        "acronym": "RICE", "title": "Rice", "topic": "Climate", "status": "draft", "version": str(got["version"]),
        **change}, follow_redirects=False)
    assert saved.status_code == 303, html.unescape(saved.text)[:1500]
    after = client.get(f"/api/v1/proposals/{pid}").json()
    assert [(m["organization_id"], float(m["budget"]), m["currency"]) for m in after["partners"]] == [
        (world["orgs"]["ugent"], 120000, "EUR"), (world["orgs"]["vnu"], 500000000, "VND"),
        (world["orgs"]["hust"], 200000000, "VND"), (world["orgs"]["ku"], 400000, "THB")]
    bad = client.post(f"/proposals/{pid}/edit", data={
        "acronym": "RICE", "title": "Rice", "topic": "Climate", "status": "draft", "version": str(after["version"]),
        **rows(members), **rows(added, start=3), "partners-4-funder_id": "999"})
    assert bad.status_code == 422 and "not a funder of this call" in html.unescape(bad.text)
    assert client.get(f"/api/v1/proposals/{pid}").json() == after  # nothing of the save stayed


def funded_project(client: TestClient) -> tuple[dict[str, Any], int]:
    world = jfs_call(client)
    cid = world["call"]["id"]
    good = proposal(client, world, "GOOD", consortium(world))
    people = [post(client, "/people", {"name": f"Reviewer {i}"})["id"] for i in range(3)]
    for p in people:
        post(client, "/reviewers", {"call_id": cid, "person_id": p})
    move(client, cid, "open", "closed")
    assigned = [a["reviewer_id"] for a in post(client, f"/calls/{cid}/assignments", {}, 200)["items"]]
    move(client, cid, "under_evaluation")
    scores = {"excellence": 4.5, "impact": 4, "implementation": 3.5}
    for rid in assigned:
        post(client, "/reviews", {"proposal_id": good["id"], "reviewer_id": rid, "scores": scores})
    post(client, "/consensus", {"proposal_id": good["id"], "rapporteur_id": assigned[0], "scores": scores})
    version = client.get(f"/api/v1/calls/{cid}").json()["version"]
    decision = next(d for d in post(client, f"/calls/{cid}/decisions", {"version": version}, 200)
                    if d["outcome"] == "funded")
    return world, post(client, f"/funding-decisions/{decision['id']}/project", {})["project_id"]


def test_the_project_records_each_funders_budget_as_fields(client: TestClient) -> None:
    world, project_id = funded_project(client)
    got = client.get(f"/api/v1/projects/{project_id}").json()
    o = world["orgs"]
    assert {(p["organization_id"], p["role"], float(p["amount"]), p["currency"]) for p in got["partners"]} == {
        (o["ugent"], "coordinator", 100000, "EUR"), (o["vnu"], "partner", 500000000, "VND"),
        (o["cu"], "partner", 1000000, "THB"), (o["belspo"], "funder", 100000, "EUR"),
        (o["nafosted"], "funder", 500000000, "VND"), (o["nstda"], "funder", 1000000, "THB")}
    assert "Budget per funder" not in (got["description"] or "") and got["budget"] is None
    page = html.unescape(client.get(f"/projects/{project_id}", params={"lang": "fr"}).text)
    assert re.search(r"500[\s\u202f\u00a0]000[\s\u202f\u00a0]000", page), "the amount, locale-formatted"
    body = {"title": got["title"], "status": "running", "version": str(got["version"]),
            "coordinator_id": str(o["ugent"]), "partner_ids": [str(o["vnu"]), str(o["cu"])],
            "funder_ids": [str(o[k]) for k in ("belspo", "nafosted", "nstda")]}
    saved = client.post(f"/projects/{project_id}/edit", data=body, follow_redirects=False)
    assert saved.status_code == 303, html.unescape(saved.text)[:1500]
    again = client.get(f"/api/v1/projects/{project_id}").json()
    assert again["status"] == "running"
    assert sorted((p["organization_id"], p["amount"]) for p in again["partners"]) == sorted(
        (p["organization_id"], p["amount"]) for p in got["partners"])


@pytest.mark.parametrize("partner_row", [{"amount": "10"}, {"currency": "EUR"}])
def test_a_project_partners_amount_needs_its_currency(client: TestClient, partner_row: dict[str, str]) -> None:
    org = post(client, "/organizations", {"name": "Ghent", "country_code": "BEL", "type": "university"})["id"]
    response = client.post("/api/v1/projects", json={"title": "P", "partners": [
        {"organization_id": org, "role": "funder", **partner_row}]})
    assert response.status_code == 422 and "partners[0]" in response.json()["detail"]


def test_the_call_page_lists_its_documents_for_those_who_may_read_them(
        client: TestClient, client_as: Any) -> None:
    world = jfs_call(client)
    cid = world["call"]["id"]
    assert 'href="/api/v1/documents/' not in client.get(f"/calls/{cid}").text  # the upload form only
    upload = client.post("/api/v1/documents", files={"file": ("call-text.txt", b"The call text.", "text/plain")})
    assert upload.status_code in (200, 201), upload.text
    doc = upload.json()["id"]
    linked = client.post(f"/api/v1/documents/{doc}/links", json={"entity_type": "call", "entity_id": cid})
    assert linked.status_code == 201, linked.text
    page = client.get(f"/calls/{cid}").text
    assert 'id="call-documents"' in page and f'href="/api/v1/documents/{doc}/content"' in page
    viewer = client_as("viewer", partnership_ids=[world["partnership"]])
    assert f"/api/v1/documents/{doc}/content" in viewer.get(f"/calls/{cid}").text
    outsider = client_as("viewer", partnership_ids=[])
    assert outsider.get(f"/calls/{cid}").status_code == 404
    made = proposal(client, world, "DOCS", consortium(world))
    annex = client.post("/api/v1/documents", files={"file": ("annex.txt", b"Letters of support.", "text/plain")})
    annex_id = annex.json()["id"]
    assert 'href="/api/v1/documents/' not in client.get(f"/proposals/{made['id']}").text
    linked = client.post(f"/api/v1/documents/{annex_id}/links", json={"entity_type": "proposal",
                                                                      "entity_id": made["id"]})
    assert linked.status_code == 201, linked.text
    page = client.get(f"/proposals/{made['id']}").text
    assert 'id="proposal-documents"' in page and f'href="/api/v1/documents/{annex_id}/content"' in page
