"""A joint call is found everywhere through ANY of its partnerships, not only its lead (issue 14).

Walks every surface that carries a call's partnership outside the calls' own tables — keyword search, semantic
search, the call's document, a proposal's document, the call's deadline in the calendar feed, and the
cancellation of a deleted call's deadline — × a call of one partnership (A) and a call of two (lead A, second B)
× an officer of the lead (A), of the second partnership (B), a viewer of B, an officer of neither (C), and an
admin. Each reader finds exactly
what they should: the second partnership's officer finds the joint call as its lead's does, and nothing leaks to
the officer of neither."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar
from tests.calls.helpers import post

from sticoop.core.database import session_scope
from sticoop.search import vectors

READERS = ("admin", "of_lead", "of_second", "viewer_of_second", "of_neither")
CALLS = ("one", "two")
SURFACES = ("search_keyword", "search_semantic", "call_document", "proposal_document", "calendar_deadline",
            "calendar_cancelled")
#: the calls' titles, worded in Vietnamese so that an English query finds them by meaning alone
TITLES = {"one": "Xử lý nước thải công nghiệp bằng màng lọc sinh học (một)",
          "two": "Xử lý nước thải công nghiệp bằng màng lọc sinh học (hai)"}
#: which calls each reader should find: those with at least one partnership the reader works in
SEES = {"admin": {"one", "two"}, "of_lead": {"one", "two"}, "of_second": {"two"}, "viewer_of_second": {"two"},
        "of_neither": set()}


pytestmark = pytest.mark.usefixtures("fresh_search_vectors")


def _world(client: TestClient) -> dict[str, Any]:
    ids = {name: post(client, "/partnerships", {"name": name, "country_codes": codes})["id"]
           for name, codes in (("A", ["BEL", "VNM"]), ("B", ["THA", "VNM"]), ("C", ["FRA", "LAO"]))}
    calls: dict[str, dict[str, Any]] = {}
    for name, partnerships in (("one", [ids["A"]]), ("two", [ids["A"], ids["B"]])):
        calls[name] = post(client, "/calls", {
            "title": TITLES[name], "partnership_ids": partnerships, "currency": "EUR",
            "timezone": "Asia/Ho_Chi_Minh", "opens_at": "2026-06-01T09:00:00", "closes_at": "2026-09-30T17:00:00"})
    assert calls["two"]["partnership_id"] == ids["A"] and calls["two"]["partnership_ids"] == [ids["A"], ids["B"]]
    proposals = {name: post(client, "/proposals", {"call_id": call["id"], "acronym": f"P-{name}",
                                                   "title": f"Proposal {name}"})["id"]
                 for name, call in calls.items()}
    return {"p": ids, "calls": calls, "proposals": proposals}


def _reader(reader: str, world: dict[str, Any], client: TestClient,
            client_as: Callable[..., TestClient]) -> TestClient:
    partnership = {"of_lead": "A", "of_second": "B", "viewer_of_second": "B", "of_neither": "C"}
    if reader == "admin":
        return client
    role = "viewer" if reader.startswith("viewer") else "secretariat"
    return client_as(role, partnership_ids=[world["p"][partnership[reader]]])


def _upload(client: TestClient, page: str, name: str) -> int:
    sent = client.post(f"{page}/documents", files={"file": (f"{name}.txt", f"Terms of {page}".encode(), "text/plain")},
                       data={"role": "attachment"}, follow_redirects=False)
    assert sent.status_code == 303, sent.text
    return int(client.get(page).text.split('href="/api/v1/documents/')[1].split("/content")[0])


def _search(who: TestClient, q: str, mode: str) -> set[int]:
    answer = who.get("/api/v1/search", params={"q": q, "kinds": "call", "limit": 50, "mode": mode})
    assert answer.status_code == 200, answer.text
    return {hit["id"] for group in answer.json()["groups"] for hit in group["hits"]}


def _feed(who: TestClient, anon: TestClient) -> set[str]:
    page = who.post("/account/calendar/calls/link")
    assert page.status_code == 200, page.text
    url = re.search(r'id="new-link">([^<]+)<', page.text)
    assert url is not None
    response = anon.get(url.group(1).replace("http://127.0.0.1:8000", "").replace("&amp;", "&"))
    assert response.status_code == 200, response.text
    return {f"{e['UID']} {e['STATUS']}" for e in Calendar.from_ical(response.content).walk("VEVENT")}


def _found(surface: str, world: dict[str, Any], who: TestClient, client: TestClient, anon: TestClient,
           db_url: str) -> set[str]:
    """The calls (by name) the reader finds on ``surface``."""
    by_id = {call["id"]: name for name, call in world["calls"].items()}
    if surface == "search_keyword":
        return {by_id[i] for i in _search(who, "nước thải", "keyword") if i in by_id}
    if surface == "search_semantic":
        with session_scope(db_url) as db:
            vectors.backfill(db)
        return {by_id[i] for i in _search(who, "wastewater treatment", "fused") if i in by_id}
    if surface in ("call_document", "proposal_document"):
        pages = {name: (f"/calls/{call['id']}" if surface == "call_document"
                        else f"/proposals/{world['proposals'][name]}") for name, call in world["calls"].items()}
        documents = {name: _upload(client, page, name) for name, page in pages.items()}
        found = {name for name, d in documents.items() if who.get(f"/api/v1/documents/{d}").status_code == 200}
        listed = {name for name, page in pages.items() if f"/api/v1/documents/{documents[name]}/content"
                  in who.get(page).text}
        assert listed == found & {n for n in pages if who.get(pages[n]).status_code == 200}, surface
        return found
    feed_names = {f"call-deadline-{call['id']}@sticoop": name for name, call in world["calls"].items()}
    if surface == "calendar_deadline":
        return {feed_names[uid.split()[0]] for uid in _feed(who, anon) if uid.split()[0] in feed_names}
    for name, call in world["calls"].items():  # calendar_cancelled: both calls deleted, then the feed read
        proposal = client.get(f"/api/v1/proposals/{world['proposals'][name]}").json()
        assert client.delete(f"/api/v1/proposals/{proposal['id']}",
                             params={"version": proposal["version"]}).status_code == 204
        call = client.get(f"/api/v1/calls/{call['id']}").json()
        assert client.delete(f"/api/v1/calls/{call['id']}", params={"version": call["version"]}).status_code == 204
    return {feed_names[uid.split()[0]] for uid in _feed(who, anon)
            if uid.split()[0] in feed_names and uid.endswith("CANCELLED")}


@pytest.mark.parametrize("surface", SURFACES)
@pytest.mark.parametrize("reader", READERS)
def test_a_joint_call_is_found_through_each_of_its_partnerships_on_every_surface(
        client: TestClient, client_as: Callable[..., TestClient], anon_client: TestClient, db_url: str,
        reader: str, surface: str) -> None:
    world = _world(client)
    who = _reader(reader, world, client, client_as)
    # a proposal's document is read like the proposal: by the call's secretariat, not by a viewer (who reads the
    # call, not its proposals: tests/access/test_hanging_off.py)
    expected = set() if surface == "proposal_document" and reader.startswith("viewer") else SEES[reader]
    assert _found(surface, world, who, client, anon_client, db_url) == expected, (reader, surface)


#: the calls listed by ``partnership_id=`` of each partnership, for a reader who may see them all
OF_PARTNERSHIP = {"A": {"one", "two"}, "B": {"two"}, "C": set()}


@pytest.mark.parametrize("mode", ["keyword", "fused"])
@pytest.mark.parametrize("partnership", sorted(OF_PARTNERSHIP))
def test_the_search_filter_by_partnership_lists_a_joint_call_of_any_of_its_partnerships(
        client: TestClient, db_url: str, partnership: str, mode: str) -> None:
    world = _world(client)
    if mode == "fused":
        with session_scope(db_url) as db:
            vectors.backfill(db)
    by_id = {call["id"]: name for name, call in world["calls"].items()}
    q = "nước thải" if mode == "keyword" else "wastewater treatment"
    answer = client.get("/api/v1/search", params={"q": q, "kinds": "call", "limit": 50, "mode": mode,
                                                  "partnership_id": world["p"][partnership]})
    assert answer.status_code == 200, answer.text
    found = {by_id[hit["id"]] for group in answer.json()["groups"] for hit in group["hits"] if hit["id"] in by_id}
    assert found == OF_PARTNERSHIP[partnership], (partnership, mode)
