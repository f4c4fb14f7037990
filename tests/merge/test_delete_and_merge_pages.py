"""Delete and "Merge into…" in the web UI, walked over every record type that has pages.

The record types come from the app's own route table (every ``…/{id}/delete`` page), so a new type with pages
is walked too — and fails here until the test knows how to create a free record of it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from sqlalchemy import select
from tests.merge.test_merge import API, BUILDERS, KINDS
from tests.web.helpers import post, seed

from sticoop.accounts.models import AuditEntry
from sticoop.core.database import session_scope
from sticoop.core.i18n import Formatter
from sticoop.core.registry import PAGE_PREFIX, services
from sticoop.server.app import create_app
from sticoop.web.record_actions import describe_counts

#: how to create a record that nothing refers to, per type with pages: (API path, body from the seed)
FREE: dict[str, tuple[str, Callable[[dict[str, Any]], dict[str, Any]]]] = {
    "partnership": ("/partnerships", lambda d: {"name": "Vietnam–Cambodia", "country_codes": ["KHM", "VNM"]}),
    "committee": ("/committees", lambda d: {"partnership_id": d["partnership"]["id"], "name": "Sub-committee"}),
    "session": ("/sessions", lambda d: {"committee_id": d["committee"]["id"], "number": 40}),
    "commitment": ("/commitments", lambda d: {"partnership_id": d["partnership"]["id"], "text": "Typo"}),
    "agreement": ("/agreements", lambda d: {"title": "Draft MoU", "partnership_id": d["partnership"]["id"]}),
    "project": ("/projects", lambda d: {"title": "Mistake", "partnership_id": d["partnership"]["id"]}),
    "visit": ("/visits", lambda d: {"from_country_code": "VNM", "to_country_code": "BEL",
                                    "partnership_id": d["partnership"]["id"], "start_date": "2024-01-10"}),
    "event": ("/events", lambda d: {"kind": "workshop", "title": "Cancelled workshop",
                                    "partnership_id": d["partnership"]["id"]}),
    "organization": ("/organizations", lambda d: {"name": "Typo Institute"}),
    "person": ("/people", lambda d: {"name": "Nobody"}),
    "programme": ("/programmes", lambda d: {"name": "Programme typed twice"}),
    "working_group": ("/working-groups", lambda d: {"partnership_id": d["partnership"]["id"],
                                                     "name": "Group of a typo"}),
    "profile": ("/profiles", lambda d: {"kind": "technology_offer", "title": "Old offer", "summary": "Gone"}),
    "progress_update": ("/progress-updates", lambda d: {"commitment_id": d["commitment"]["id"],
                                                         "date": "2024-01-01", "note": "Wrong commitment"}),
    "assessment": ("/assessments", lambda d: {"commitment_id": d["commitment"]["id"], "date": "2024-02-01",
                                              "rating": "limited"}),
    "call": ("/calls", lambda d: {"title": "Call typed twice", "partnership_id": d["partnership"]["id"],
                                  "currency": "EUR"}),
    "call_funder": ("/call-funders", lambda d: {"call_id": d["call"]["id"], "organization_id": d["organization"]["id"],
                                                "country_code": "BEL", "budget": 1000, "currency": "EUR"}),
    "reviewer": ("/reviewers", lambda d: {"call_id": d["call"]["id"], "person_id": d["other_person"]["id"]}),
    "proposal": ("/proposals", lambda d: {"call_id": d["call"]["id"], "acronym": "TYPO", "title": "Typed twice"}),
    "conflict_of_interest": ("/conflicts-of-interest", lambda d: {
        "reviewer_id": d["reviewer"]["id"], "proposal_id": d["proposal"]["id"], "reason": "Declared by mistake"}),
}
#: types whose seed record is referred to by others, so deleting it must be refused
REFERRED = {"partnership", "committee", "session", "commitment", "agreement", "organization", "person"}


#: kinds whose records are listed inside a parent's page, which carries their delete control: (d) -> that page.
#: A call's funders, reviewers and proposals are on the call page; a proposal's declared conflicts on the proposal
#: page (which a viewer may not open: secretariat and assigned reviewers only, tests/calls)
SHOWN_IN_PARENT: dict[str, Callable[[dict[str, Any]], str]] = {
    "call_funder": lambda d: f"/calls/{d['call']['id']}",
    "reviewer": lambda d: f"/calls/{d['call']['id']}",
    "proposal": lambda d: f"/calls/{d['call']['id']}",
    "conflict_of_interest": lambda d: f"/proposals/{d['proposal']['id']}",
}


@cache
def page_types() -> dict[str, str]:
    """entity -> page path, for every record type the app offers a delete page for."""
    found = {}
    for route in iter_route_contexts(create_app("sqlite://").routes):
        if isinstance(route.original_route, APIRoute) and route.name.endswith("_delete") and "GET" in route.methods:
            found[route.name.removesuffix("_delete")] = route.path_format.removesuffix("/{record_id}/delete")
    return found


def test_every_record_type_with_pages_has_delete_and_the_six_have_merge() -> None:
    types = page_types()
    assert set(types) == set(FREE), f"add a free record of {set(types) - set(FREE)} to FREE"
    merge_pages = {r.name.removesuffix("_merge") for r in iter_route_contexts(create_app("sqlite://").routes)
                   if isinstance(r.original_route, APIRoute) and r.name.endswith("_merge") and "GET" in r.methods}
    assert merge_pages == set(KINDS)
    assert {e for e, s in services().items() if s.mergeable} == set(KINDS)


def audit_actions(db_url: str, entity: str, record_id: int) -> set[tuple[str, str]]:
    with session_scope(db_url) as db:
        return set(tuple(row) for row in db.execute(select(AuditEntry.action, AuditEntry.actor).where(
            AuditEntry.entity_type == entity, AuditEntry.entity_id == record_id)).all())


@pytest.mark.parametrize("entity", sorted(FREE))
def test_delete_from_the_record_page(client: TestClient, client_as: Callable[..., TestClient], db_url: str,
                                     entity: str) -> None:
    d = seed(client)
    post(client, "/commitments", {"partnership_id": d["partnership"]["id"], "agreement_id": d["agreement"]["id"],
                                  "text": "Carry out the agreement"})
    d["call"] = post(client, "/calls", {"title": "Joint call", "partnership_id": d["partnership"]["id"],
                                        "currency": "EUR"})  # the parent of the calls' records
    d["reviewer"] = post(client, "/reviewers", {"call_id": d["call"]["id"], "person_id": d["person"]["id"]})
    d["proposal"] = post(client, "/proposals", {"call_id": d["call"]["id"], "acronym": "REAL", "title": "Real"})
    d["other_person"] = post(client, "/people", {"name": "Second reader"})
    path, body = FREE[entity]
    page = page_types()[entity]
    free = post(client, path, body(d))
    own = [d["partnership"]["id"], *([free["id"]] if entity == "partnership" else [])]
    viewer = client_as("viewer", partnership_ids=own)
    detail = PAGE_PREFIX.get(entity)
    if entity in SHOWN_IN_PARENT:  # the control is on its parent's page, for the secretariat and admins only
        parent = SHOWN_IN_PARENT[entity](d)
        assert f'href="{page}/{free["id"]}/delete"' in client.get(parent).text, parent
        seen = viewer.get(parent)
        assert seen.status_code in (200, 403) and f"{page}/{free['id']}/delete" not in seen.text
        if detail:
            assert f'href="{page}/{free["id"]}/delete"' in client.get(f"{detail}/{free['id']}").text
    elif detail:  # a page of its own: the buttons are there for the secretariat and admins only
        assert f'href="{page}/{free["id"]}/delete"' in client.get(f"{detail}/{free['id']}").text
        seen = viewer.get(f"{detail}/{free['id']}")
        assert seen.status_code == 200 and "/delete" not in seen.text and "/merge" not in seen.text
    else:  # listed on its commitment's page
        assert f'href="{page}/{free["id"]}/delete"' in client.get(f"/commitments/{d['commitment']['id']}").text
        assert "/delete" not in viewer.get(f"/commitments/{d['commitment']['id']}").text
    assert viewer.get(f"{page}/{free['id']}/delete").status_code == 403
    assert viewer.post(f"{page}/{free['id']}/delete", data={"version": "1"}).status_code == 403

    confirm = client.get(f"{page}/{free['id']}/delete")
    assert confirm.status_code == 200 and 'name="version"' in confirm.text and 'name="csrf_token"' in confirm.text
    stale = client.post(f"{page}/{free['id']}/delete", data={"version": str(free["version"] + 1)})
    assert stale.status_code == 409 and "Someone else changed this record" in stale.text
    done = client.post(f"{page}/{free['id']}/delete", data={"version": str(free["version"])},
                       follow_redirects=False)
    assert done.status_code == 303
    target = done.headers["location"]
    assert target == f"{page}?notice=deleted" if detail else target.endswith("?notice=deleted")
    assert "was deleted" in client.get(target).text
    assert client.get(f"/api/v1{path}/{free['id']}").status_code == 404
    assert ("delete", "admin") in audit_actions(db_url, entity, free["id"])

    if entity in REFERRED:
        kept = d[entity]
        with session_scope(db_url) as db:
            service = services()[entity]
            blocking = service.dependents(db, service.get(db, kept["id"]))
        assert blocking
        current = client.get(f"/api/v1{path}/{kept['id']}").json()["version"]
        refused = client.post(f"{page}/{kept['id']}/delete", data={"version": str(current)})
        assert refused.status_code == 409
        for phrase in describe_counts(Formatter("en"), blocking, services()[entity].model.__tablename__):
            assert phrase in refused.text, (phrase, blocking)
        assert client.get(f"/api/v1{path}/{kept['id']}").status_code == 200  # nothing deleted


def test_a_refused_delete_names_the_dependents_in_the_users_language(client: TestClient) -> None:
    d = seed(client)
    org = d["organization"]["id"]
    assert "Still referred to by: 1 position, partner in 1 project" in client.get(f"/organizations/{org}/delete").text
    french = client.post(f"/organizations/{org}/delete?lang=fr", data={"version": "1"})
    assert french.status_code == 409 and "1 fonction, partenaire de 1 projet" in french.text
    vietnamese = client.post(f"/organizations/{org}/delete?lang=vi", data={"version": "1"})
    assert vietnamese.status_code == 409 and "1 chức vụ, đối tác trong 1 dự án" in vietnamese.text
    committee = client.get(f"/committees/{d['committee']['id']}/delete?lang=en").text
    assert "2 sessions" in committee


@pytest.mark.parametrize("kind", KINDS)
def test_merge_from_the_record_page(client: TestClient, client_as: Callable[..., TestClient], db_url: str,
                                    kind: str) -> None:
    d = seed(client)
    a, b = BUILDERS[kind](client, db_url, d)
    page = PAGE_PREFIX[kind]
    assert f'href="{page}/{b}/merge"' in client.get(f"{page}/{b}").text
    viewer = client_as("viewer", partnership_ids=[d["partnership"]["id"]])
    assert viewer.get(f"{page}/{b}/merge").status_code == 403

    choose = client.get(f"{page}/{b}/merge")
    assert choose.status_code == 200 and f'<option value="{a}"' in choose.text
    preview = client.get(f"{page}/{b}/merge", params={"into": a})
    assert preview.status_code == 200 and "Will move to the record kept" in preview.text
    with session_scope(db_url) as db:
        moves = services()[kind].merge_preview(db, b, a)["moves"]
    for phrase in describe_counts(Formatter("en"), moves, services()[kind].model.__tablename__):
        assert phrase in preview.text

    version = client.get(f"/api/v1{API[kind]}/{b}").json()["version"]
    stale = client.post(f"{page}/{b}/merge", data={"into": str(a), "version": str(version + 1)})
    assert stale.status_code == 409 and "Someone else changed this record" in stale.text
    done = client.post(f"{page}/{b}/merge", data={"into": str(a), "version": str(version)}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"{page}/{a}?notice=merged"
    kept_page = client.get(done.headers["location"]).text
    assert "The records were merged" in kept_page and "merged" in kept_page
    assert f"record #{b}, merged into this one" in kept_page  # the duplicate's history shows on the kept record
    assert client.get(f"{page}/{b}", follow_redirects=False).headers["location"] == f"{page}/{a}"


def test_a_refused_merge_is_said_in_place(client: TestClient) -> None:
    d = seed(client)
    other = post(client, "/partnerships", {"name": "Vietnam–Laos", "country_codes": ["LAO", "VNM"]})
    stranger = post(client, "/commitments", {"partnership_id": other["id"], "text": "Elsewhere"})
    page = client.get(f"/commitments/{d['commitment']['id']}/merge", params={"into": stranger["id"]})
    assert page.status_code == 422 and "different partnership id" in page.text and "Will move" not in page.text
    choose = client.get(f"/commitments/{d['commitment']['id']}/merge").text
    assert f'<option value="{stranger["id"]}"' not in choose  # only records of the same partnership are offered
    twin = post(client, "/commitments", {"partnership_id": d["partnership"]["id"], "text": "Train researchers"})
    found = client.get(f"/commitments/{d['commitment']['id']}/merge", params={"q": "researchers", "search": "1",
                                                                             "into": str(twin["id"])}).text
    assert f'<option value="{twin["id"]}"' in found and "Will move" not in found
    missing = client.post(f"/commitments/{d['commitment']['id']}/merge", data={"version": "1"})
    assert missing.status_code == 422 and "Choose the record to keep" in missing.text
