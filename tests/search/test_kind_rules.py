"""Search and the dashboard's recent changes never list a record its own page refuses (issue 16: no leak through
results or counts).

A kind may narrow who sees it beyond the partnership scope — proposals are read by the call's secretariat and by
the reviewers assigned to them (not when in conflict), not by a viewer or a member of the partnership. Walks every
reader (admin, secretariat, viewer, the assigned reviewer with one proposal in conflict, a member who reviews
nothing) × both search modes × all kinds and proposals alone: the proposals found are exactly those the reader can
open, their count is no more than that, and every hit of every kind opens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.calls.helpers import consortium, jfs_call, move, post, proposal

from sticoop.core.database import session_scope
from sticoop.search import vectors

READERS = ("admin", "secretariat", "viewer", "reviewer", "member")
#: the proposals (by acronym) each reader may open: the reviewer is assigned both, in conflict with MINE
OPENS = {"admin": {"MINE", "OTHER"}, "secretariat": {"MINE", "OTHER"}, "viewer": set(), "reviewer": {"OTHER"},
         "member": set()}


pytestmark = pytest.mark.usefixtures("fresh_search_vectors")


def _world(client: TestClient) -> dict[str, Any]:
    world = jfs_call(client, reviewers_per_proposal=1)
    cid = world["call"]["id"]
    ids = {name: proposal(client, world, name, consortium(world))["id"] for name in ("MINE", "OTHER")}
    person = post(client, "/people", {"name": "Reviewer One"})["id"]
    reviewer = post(client, "/reviewers", {"call_id": cid, "person_id": person, "username": "rev1"})["id"]
    move(client, cid, "open", "closed")
    assert post(client, f"/calls/{cid}/assignments", {}, 200)["assigned"] == 2
    post(client, "/conflicts-of-interest", {"reviewer_id": reviewer, "proposal_id": ids["MINE"],
                                            "reason": "former student"})
    return {**world, "proposals": ids}


def _reader(reader: str, world: dict[str, Any], client: TestClient,
            client_as: Callable[..., TestClient]) -> TestClient:
    if reader == "admin":
        return client
    role = {"secretariat": "secretariat", "viewer": "viewer"}.get(reader, "member")
    return client_as(role, partnership_ids=[world["partnership"]],
                     username="rev1" if reader == "reviewer" else None)


@pytest.mark.parametrize("kinds", ["proposal", ""])
@pytest.mark.parametrize("mode", ["keyword", "fused"])
@pytest.mark.parametrize("reader", READERS)
def test_search_lists_only_what_the_reader_may_open(client: TestClient, client_as: Callable[..., TestClient],
                                                    db_url: str, reader: str, mode: str, kinds: str) -> None:
    world = _world(client)
    if mode == "fused":
        with session_scope(db_url) as db:
            vectors.backfill(db)
    who = _reader(reader, world, client, client_as)
    opens = {name for name, pid in world["proposals"].items()
             if who.get(f"/api/v1/proposals/{pid}").status_code == 200}
    assert opens == OPENS[reader]  # the rule the search must follow, as the API applies it
    answer = who.get("/api/v1/search", params={"q": "Project", "kinds": kinds, "limit": 50, "mode": mode})
    assert answer.status_code == 200, answer.text
    groups = {g["kind"]: g for g in answer.json()["groups"]}
    by_id = {pid: name for name, pid in world["proposals"].items()}
    found = {by_id[h["id"]] for h in groups.get("proposal", {"hits": []})["hits"]}
    assert found == opens, (reader, mode)
    if "proposal" in groups:
        assert groups["proposal"]["count"] == len(found)
    for group in groups.values():  # every hit of every kind opens for this reader
        for hit in group["hits"]:
            if hit["url"]:
                assert who.get(hit["url"]).status_code == 200, (reader, hit)


@pytest.mark.parametrize("reader", READERS)
def test_recent_changes_list_only_what_the_reader_may_open(client: TestClient, client_as: Callable[..., TestClient],
                                                           reader: str) -> None:
    world = _world(client)
    who = _reader(reader, world, client, client_as)
    answer = who.get("/api/v1/dashboard")
    assert answer.status_code == 200, answer.text
    recent = answer.json()["recent_changes"]
    by_id = {pid: name for name, pid in world["proposals"].items()}
    assert {by_id[r["id"]] for r in recent if r["kind"] == "proposal"} == OPENS[reader], reader
    for change in recent:  # every recent change of every kind opens for this reader
        if change["url"]:
            assert who.get(change["url"]).status_code == 200, (reader, change)
