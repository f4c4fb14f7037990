"""A joint call end to end over the REST API: eligibility, conflicts, assignment, reviews, ranking, decision."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.calls.helpers import consortium, jfs_call, move, partner, post, proposal


def test_call_to_decision(client: TestClient) -> None:
    world = jfs_call(client)
    cid = world["call"]["id"]
    good = proposal(client, world, "GOOD", consortium(world))
    bad = proposal(client, world, "BAD", [partner(world, "ugent", "BEL", role="coordinator"),
                                           partner(world, "uclouvain", "BEL")])
    report = client.get(f"/api/v1/proposals/{good['id']}/eligibility").json()
    assert report["eligible"], report
    report = client.get(f"/api/v1/proposals/{bad['id']}/eligibility").json()
    assert not report["eligible"]
    failed = {r["kind"] for r in report["rules"] if not r["passed"]}
    assert failed == {"min_partners", "distinct_countries", "region_quota", "funded_partner_per_region"}
    people = [post(client, "/people", {"name": f"Reviewer {i}"})["id"] for i in range(4)]
    reviewers = [post(client, "/reviewers", {"call_id": cid, "person_id": p})["id"] for p in people]
    move(client, cid, "open", "closed")
    run = post(client, f"/calls/{cid}/assignments", {}, 200)
    assert run["assigned"] == 3 and bad["id"] in {int(k) for k in run["excluded"]}
    assigned = [a["reviewer_id"] for a in run["items"]]
    move(client, cid, "under_evaluation")
    for rid in assigned:
        post(client, "/reviews", {"proposal_id": good["id"], "reviewer_id": rid,
                                  "scores": {"excellence": 4.5, "impact": 4, "implementation": 3.5}})
    post(client, "/consensus", {"proposal_id": good["id"], "rapporteur_id": assigned[0],
                                "scores": {"excellence": 4.5, "impact": 4, "implementation": 3.5}})
    ranking = client.get(f"/api/v1/calls/{cid}/ranking").json()
    assert [r["acronym"] for r in ranking["ranked"]] == ["GOOD"]
    call = client.get(f"/api/v1/calls/{cid}").json()
    made = post(client, f"/calls/{cid}/decisions", {"version": call["version"]}, 200)
    funded = [d for d in made if d["outcome"] == "funded"]
    assert [d["proposal_id"] for d in funded] == [good["id"]]
    project = post(client, f"/funding-decisions/{funded[0]['id']}/project", {})
    got = client.get(f"/api/v1/projects/{project['project_id']}").json()
    assert got["title"] == "Project GOOD" and len(got["partners"]) == 6
    assert client.get(f"/api/v1/calls/{cid}").json()["status"] == "decided"
    assert reviewers


def test_a_decided_call_is_final_and_bad_references_are_named(client: TestClient) -> None:
    world = jfs_call(client)
    cid = world["call"]["id"]
    body = {"call_id": cid, "acronym": "X", "title": "X",
            "partners": [{**partner(world, "vnu", "VNM"), "person_id": 999}]}
    response = client.post("/api/v1/proposals", json=body)
    assert response.status_code == 422 and "Unknown person: 999" in response.json()["detail"]
    body["partners"] = [{**partner(world, "vnu", "VNM"), "funder_id": 999}]
    response = client.post("/api/v1/proposals", json=body)
    assert response.status_code == 422 and "not a funder of this call" in response.json()["detail"]
    good = proposal(client, world, "GOOD", consortium(world))
    people = [post(client, "/people", {"name": f"Reviewer {i}"})["id"] for i in range(3)]
    for person in people:
        post(client, "/reviewers", {"call_id": cid, "person_id": person})
    move(client, cid, "open", "closed")
    run = post(client, f"/calls/{cid}/assignments", {}, 200)
    move(client, cid, "under_evaluation")
    scores = {"excellence": 4, "impact": 4, "implementation": 4}
    for item in run["items"]:
        post(client, "/reviews", {"proposal_id": good["id"], "reviewer_id": item["reviewer_id"], "scores": scores})
    post(client, "/consensus", {"proposal_id": good["id"], "rapporteur_id": run["items"][0]["reviewer_id"],
                                "scores": scores})
    call = client.get(f"/api/v1/calls/{cid}").json()
    post(client, f"/calls/{cid}/decisions", {"version": call["version"]}, 200)
    call = client.get(f"/api/v1/calls/{cid}").json()
    changed = client.patch(f"/api/v1/calls/{cid}", json={"version": call["version"], "title": "Other"})
    assert changed.status_code == 409 and "decided calls are final" in changed.json()["detail"]
    funder = client.get(f"/api/v1/calls/{cid}/funders").json()[0]
    changed = client.patch(f"/api/v1/call-funders/{funder['id']}", json={"version": funder["version"], "budget": 1})
    assert changed.status_code == 409 and "decided calls are final" in changed.json()["detail"]
