"""Keyset pagination and bounded totals, walked over every list of the API and every sort it offers: paging
with ``after=`` (the previous page's ``next_after``) gives exactly the records, in the same order, as reading the
whole list at once — ascending and descending, with empty values (sorted last) and ties (broken by id) — and a
count stops at its bound and says so."""

from __future__ import annotations

import pytest
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from sqlalchemy import select

from sticoop.core import keyset
from sticoop.core.database import session_scope
from sticoop.core.registry import services


def _list_paths(client: TestClient) -> dict[str, str]:
    """entity -> its API list path, for every record service with a crud list route."""
    paths = {c.path for c in iter_route_contexts(client.app.routes) if "GET" in (c.methods or ())}
    found = {}
    for entity in services():
        path = f"/api/v1/{entity.replace('_', '-')}s"
        if path in paths:
            found[entity] = path
    return found


def _all_ids(client: TestClient, path: str, sort: str) -> list[int]:
    body = client.get(path, params={"sort": sort, "limit": 200}).json()
    assert body["total"] <= 200, "the walk reads whole lists of the demo data"
    return [item["id"] for item in body["items"]]


def _walk(client: TestClient, path: str, sort: str) -> list[int]:
    ids: list[int] = []
    after: str | None = None
    for _ in range(500):
        params: dict[str, str | int] = {"sort": sort, "limit": 2}
        if after:
            params["after"] = after
        response = client.get(path, params=params)
        assert response.status_code == 200, response.text
        body = response.json()
        ids += [item["id"] for item in body["items"]]
        after = body["next_after"]
        if after is None:
            return ids
    raise AssertionError("the keyset walk does not end")


def test_every_list_pages_by_keyset_as_it_reads_whole(demo: TestClient) -> None:
    lists = _list_paths(demo)
    assert len(lists) >= 12, sorted(lists)
    walked = 0
    for entity, path in sorted(lists.items()):
        service = services()[entity]
        for column in service.sortable:
            for sort in (column, f"-{column}"):
                whole = _all_ids(demo, path, sort)
                assert _walk(demo, path, sort) == whole, (path, sort)
                walked += bool(len(whole) > 2)
    assert walked >= 20, "the walk needs lists longer than one page"


def test_a_cursor_is_bound_to_its_sort_and_cannot_be_forged(demo: TestClient) -> None:
    first = demo.get("/api/v1/organizations", params={"sort": "name", "limit": 1}).json()
    cursor = first["next_after"]
    assert cursor
    for params, rule in (({"sort": "-name", "after": cursor}, "made for sort"),
                         ({"sort": "name", "after": "not-a-cursor"}, "not a cursor"),
                         ({"sort": "name", "after": cursor, "offset": 5}, "either offset or after")):
        refused = demo.get("/api/v1/organizations", params=params)
        assert refused.status_code == 422, (params, refused.text)
        assert rule in refused.json()["detail"], refused.json()


def test_totals_are_exact_up_to_the_bound_and_say_when_they_stop(demo: TestClient, db_url: str,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    exact = demo.get("/api/v1/organizations").json()
    assert exact["total_exact"] is True and exact["total"] > 3
    monkeypatch.setattr(keyset, "COUNT_BOUND", 3)
    monkeypatch.setattr(keyset.count_bounded, "__defaults__", (3,))
    bounded = demo.get("/api/v1/organizations").json()
    assert (bounded["total"], bounded["total_exact"]) == (3, False)
    page = demo.get("/organizations")
    assert page.status_code == 200 and "more than" in page.text
    with session_scope(db_url) as db:
        from sticoop.partners.models import Organization

        counted = keyset.count_bounded(db, select(Organization), bound=1000)
        assert counted == exact["total"] and counted.exact
