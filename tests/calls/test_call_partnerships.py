"""A call belongs to one or more partnerships (issue 14): a reader sees a call, and its proposals, ranking and
exports, when they may see at least one of its partnerships; changing it needs access to each of them.

Walks a call of partnership A and a call of A and B × an officer of A, of B, of neither, and an admin × every
surface (list, list filter, detail API and page, proposals list and record, ranking, results CSV, list export)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.calls.helpers import post

READERS = ("admin", "of_a", "of_b", "of_neither")
TITLES = {"one": "Call of A", "two": "Call of A and B"}


def _world(client: TestClient) -> dict[str, Any]:
    ids = {name: post(client, "/partnerships", {"name": name, "country_codes": codes})["id"]
           for name, codes in (("A", ["BEL", "VNM"]), ("B", ["THA", "VNM"]), ("C", ["FRA", "LAO"]))}
    one = post(client, "/calls", {"title": TITLES["one"], "partnership_ids": [ids["A"]], "currency": "EUR"})
    two = post(client, "/calls", {"title": TITLES["two"], "partnership_ids": [ids["B"], ids["A"]],
                                  "currency": "EUR"})
    assert two["partnership_id"] == ids["B"] and two["partnership_ids"] == [ids["B"], ids["A"]]
    proposals = {name: post(client, "/proposals", {"call_id": call["id"], "acronym": f"P-{name}",
                                                   "title": f"Proposal of {name}"})["id"]
                 for name, call in (("one", one), ("two", two))}
    return {"p": ids, "calls": {"one": one["id"], "two": two["id"]}, "proposals": proposals}


def _reader(reader: str, world: dict[str, Any], client: TestClient,
            client_as: Callable[..., TestClient]) -> TestClient:
    partnership = {"of_a": [world["p"]["A"]], "of_b": [world["p"]["B"]], "of_neither": [world["p"]["C"]]}
    return client if reader == "admin" else client_as("secretariat", partnership_ids=partnership[reader])


#: which calls each reader sees: at least one of the call's partnerships
SEES = {"admin": {"one", "two"}, "of_a": {"one", "two"}, "of_b": {"two"}, "of_neither": set()}


@pytest.mark.parametrize("reader", READERS)
def test_a_call_is_seen_through_any_of_its_partnerships_and_nowhere_else(
        client: TestClient, client_as: Callable[..., TestClient], reader: str) -> None:
    world = _world(client)
    who = _reader(reader, world, client, client_as)
    sees = SEES[reader]
    by_id = {v: k for k, v in world["calls"].items()}
    listed = {by_id[c["id"]] for c in who.get("/api/v1/calls").json()["items"]}
    assert listed == sees, reader
    cells = {cell for row in csv.reader(io.StringIO(who.get("/api/v1/calls/export.csv").text)) for cell in row}
    assert cells & set(TITLES.values()) == {TITLES[n] for n in sees}, reader
    proposals = {p["acronym"] for p in who.get("/api/v1/proposals").json()["items"]}
    assert proposals == {f"P-{n}" for n in sees}, reader
    for name, call_id in world["calls"].items():
        expected = 200 if name in sees else 404
        for path in (f"/api/v1/calls/{call_id}", f"/calls/{call_id}", f"/api/v1/calls/{call_id}/ranking",
                     f"/api/v1/calls/{call_id}/results.csv", f"/api/v1/calls/{call_id}/funders",
                     f"/api/v1/proposals/{world['proposals'][name]}", f"/proposals/{world['proposals'][name]}"):
            assert who.get(path).status_code == expected, (reader, name, path)
    for partnership, calls in (("A", {"one", "two"}), ("B", {"two"}), ("C", set())):
        filtered = who.get("/api/v1/calls", params={"partnership_id": world["p"][partnership]}).json()["items"]
        assert {by_id[c["id"]] for c in filtered} == calls & sees, (reader, partnership)


@pytest.mark.parametrize("reader", READERS)
def test_the_call_page_names_only_the_partnerships_the_reader_may_see(
        client: TestClient, client_as: Callable[..., TestClient], reader: str) -> None:
    world = _world(client)
    who = _reader(reader, world, client, client_as)
    call_id = world["calls"]["two"]
    if "two" not in SEES[reader]:
        assert who.get(f"/calls/{call_id}").status_code == 404
        return
    page = who.get(f"/calls/{call_id}").text
    shown = {name for name in ("A", "B") if f'href="/partnerships/{world["p"][name]}"' in page}
    assert shown == ({"A", "B"} if reader == "admin" else {"A"} if reader == "of_a" else {"B"}), reader
    api = who.get(f"/api/v1/calls/{call_id}").json()
    assert set(api["partnership_ids"]) == {world["p"][n] for n in shown}, reader


@pytest.mark.parametrize(("reader", "call", "status"), [
    ("admin", "one", 200), ("admin", "two", 200),
    ("of_a", "one", 200), ("of_a", "two", 403),  # reads the joint call but may not change it alone
    ("of_b", "one", 404), ("of_b", "two", 403),
    ("of_ab", "one", 200), ("of_ab", "two", 200),
])
def test_changing_a_call_needs_access_to_each_of_its_partnerships(
        client: TestClient, client_as: Callable[..., TestClient], reader: str, call: str, status: int) -> None:
    world = _world(client)
    partnerships = {"of_a": ["A"], "of_b": ["B"], "of_ab": ["A", "B"]}
    who = client if reader == "admin" else client_as(
        "secretariat", partnership_ids=[world["p"][n] for n in partnerships[reader]])
    call_id = world["calls"][call]
    version = client.get(f"/api/v1/calls/{call_id}").json()["version"]
    changed = who.patch(f"/api/v1/calls/{call_id}", json={"title": "Renamed", "version": version})
    assert changed.status_code == status, (reader, call, changed.text)
    if status == 403:
        assert "each of its partnerships" in changed.json()["detail"]
        funder = who.post(f"/api/v1/calls/{call_id}/funders", json={
            "organization_id": 1, "country_code": "BEL", "budget": "10", "currency": "EUR"})
        assert funder.status_code in (403, 422), funder.text


def test_partnership_ids_name_only_partnerships_one_may_see(
        client: TestClient, client_as: Callable[..., TestClient]) -> None:
    world = _world(client)
    officer = client_as("secretariat", partnership_ids=[world["p"]["A"]])
    refused = officer.post("/api/v1/calls", json={"title": "Mine and theirs", "currency": "EUR",
                                                  "partnership_ids": [world["p"]["A"], world["p"]["C"]]})
    assert refused.status_code == 422 and "partnership_ids" in refused.json()["detail"], refused.text
    made = post(officer, "/calls", {"title": "Mine", "currency": "EUR", "partnership_ids": [world["p"]["A"]]})
    assert made["partnership_ids"] == [world["p"]["A"]]
    # the older single-partnership input still works and becomes the lead
    older = post(client, "/calls", {"title": "Older script", "currency": "EUR", "partnership_id": world["p"]["C"]})
    assert older["partnership_ids"] == [world["p"]["C"]] and older["partnership_id"] == world["p"]["C"]
    moved = client.patch(f"/api/v1/calls/{older['id']}", json={
        "partnership_ids": [world["p"]["A"], world["p"]["B"]], "version": older["version"]}).json()
    assert moved["partnership_id"] == world["p"]["A"] and moved["partnership_ids"] == [world["p"]["A"],
                                                                                       world["p"]["B"]]
