"""The nested paths of issue 14 (``/calls/{id}/funders``, ``/calls/{id}/rules``, ``/proposals/{id}/consensus``)
beside the flat ones scripts already use: same services, same answers, same errors."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.calls.helpers import JFS_RULES, consortium, jfs_call, move, org, post, proposal


def _add_funder(client: TestClient, path: str, call_id: int, body: dict[str, Any]) -> Any:
    if path == "nested":
        return client.post(f"/api/v1/calls/{call_id}/funders", json=body)
    return client.post("/api/v1/call-funders", json={"call_id": call_id, **body})


@pytest.mark.parametrize("path", ["nested", "flat"])
@pytest.mark.parametrize(("change", "status", "named"), [
    ({}, 201, None),
    ({"country_code": "XXX"}, 422, "country_code"),
    ({"budget": -1}, 422, "budget"),
    ({"currency": "EURO"}, 422, "currency"),
    ({"extra_rules": {"trl_min": 12}}, 422, "trl_min"),
    ({"extra_rules": {"colour": 1}}, 422, "colour"),
])
def test_funders_by_either_path(client: TestClient, path: str, change: dict[str, Any], status: int,
                                named: str | None) -> None:
    world = jfs_call(client)
    cid = world["call"]["id"]
    body = {"organization_id": org(client, "FWO", "BEL"), "country_code": "BEL", "budget": 1000, "currency": "EUR",
            **change}
    response = _add_funder(client, path, cid, body)
    assert response.status_code == status, response.text
    listed = client.get(f"/api/v1/calls/{cid}/funders").json()
    if named is None:
        assert response.json()["call_id"] == cid and response.json()["id"] in {f["id"] for f in listed}
        assert len(listed) == 4
    else:
        assert named in response.text and len(listed) == 3


def test_funder_of_an_unknown_call_is_404(client: TestClient) -> None:
    body = {"organization_id": org(client, "FWO", "BEL"), "country_code": "BEL", "budget": 1, "currency": "EUR"}
    assert client.post("/api/v1/calls/999/funders", json=body).status_code == 404


@pytest.mark.parametrize(("rules", "status", "named"), [
    ([{"kind": "min_partners", "params": {"min": 2}}], 200, None),
    ([], 200, None),
    ([{"kind": "quorum", "params": {}}], 422, "rules[0]: unknown rule kind 'quorum'"),
    ([{"kind": "min_partners", "params": {}}], 422, "rules[0] (min_partners): parameter 'min' is required"),
    ([JFS_RULES[0], {"kind": "trl_range", "params": {"min": "one"}}], 422, "rules[1] (trl_range)"),
    ([{"kind": "region_quota", "params": {"options": [{"MARS": 1}]}}], 422, "unknown region(s) MARS"),
])
def test_rules_are_replaced_with_the_call_version(client: TestClient, rules: list[dict[str, Any]], status: int,
                                                  named: str | None) -> None:
    world = jfs_call(client)
    cid, version = world["call"]["id"], world["call"]["version"]
    response = client.put(f"/api/v1/calls/{cid}/rules", json={"version": version, "rules": rules})
    assert response.status_code == status, response.text
    got = client.get(f"/api/v1/calls/{cid}/rules").json()
    if named is None:
        assert [{"kind": r["kind"], "params": r["params"]} for r in got] == rules
        assert all(r["call_version"] == version + 1 for r in response.json())
        assert client.get(f"/api/v1/calls/{cid}").json()["version"] == version + 1
    else:
        assert named in response.json()["detail"]
        assert [{"kind": r["kind"], "params": r["params"]} for r in got] == JFS_RULES
        assert all(r["call_version"] == version for r in got)


def test_a_stale_rules_version_is_409(client: TestClient) -> None:
    world = jfs_call(client)
    cid, version = world["call"]["id"], world["call"]["version"]
    post(client, f"/calls/{cid}/rules", {}, 405)
    assert client.put(f"/api/v1/calls/{cid}/rules", json={"version": version, "rules": []}).status_code == 200
    stale = client.put(f"/api/v1/calls/{cid}/rules", json={"version": version, "rules": JFS_RULES})
    assert stale.status_code == 409
    assert client.get(f"/api/v1/calls/{cid}/rules").json() == []
    missing = client.put(f"/api/v1/calls/{cid}/rules", json={"rules": []})
    assert missing.status_code == 422 and "version" in missing.text


def _evaluated(client: TestClient) -> tuple[int, list[int]]:
    world = jfs_call(client)
    cid = world["call"]["id"]
    good = proposal(client, world, "GOOD", consortium(world))
    for i in range(3):
        post(client, "/reviewers", {"call_id": cid, "person_id": post(client, "/people", {"name": f"R {i}"})["id"]})
    move(client, cid, "open", "closed")
    run = post(client, f"/calls/{cid}/assignments", {}, 200)
    move(client, cid, "under_evaluation")
    for item, excellence in zip(run["items"], (3, 4, 4), strict=True):
        post(client, "/reviews", {"proposal_id": good["id"], "reviewer_id": item["reviewer_id"],
                                  "scores": {"excellence": excellence, "impact": 4, "implementation": 4}})
    return good["id"], [a["reviewer_id"] for a in run["items"]]


def _add_consensus(client: TestClient, path: str, proposal_id: int, body: dict[str, Any]) -> Any:
    if path == "nested":
        return client.post(f"/api/v1/proposals/{proposal_id}/consensus", json=body)
    return client.post("/api/v1/consensus", json={"proposal_id": proposal_id, **body})


@pytest.mark.parametrize("path", ["nested", "flat"])
@pytest.mark.parametrize(("scores", "justification", "status", "named"), [
    ({"excellence": 3.5, "impact": 4, "implementation": 4}, None, 201, None),
    ({"excellence": 5, "impact": 4, "implementation": 4}, None, 422, "justification is required"),
    ({"excellence": 5, "impact": 4, "implementation": 4}, "The panel agreed.", 201, None),
    ({"excellence": 5.5, "impact": 4, "implementation": 4}, None, 422, "excellence"),
    ({"excellence": 4, "impact": 4}, None, 422, "implementation"),
])
def test_consensus_by_either_path(client: TestClient, path: str, scores: dict[str, float],
                                  justification: str | None, status: int, named: str | None) -> None:
    proposal_id, reviewers = _evaluated(client)
    body = {"rapporteur_id": reviewers[0], "scores": scores, "justification": justification}
    response = _add_consensus(client, path, proposal_id, body)
    assert response.status_code == status, response.text
    got = client.get(f"/api/v1/proposals/{proposal_id}/consensus")
    if named is None:
        assert got.status_code == 200 and got.json()["scores"] == scores
        again = _add_consensus(client, path, proposal_id, body)
        assert again.status_code == 409, again.text
    else:
        assert named in response.json()["detail"] and got.status_code == 404
