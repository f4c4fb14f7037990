"""Streamed CSV exports, walked over every list's export.csv: read and written in keyset batches (here of 2
rows, so every demo list spans several), the file is exactly the one written in one batch — same header once,
same rows in the list's order, one BOM — and a bad sort is still a 422 before any byte is sent."""

from __future__ import annotations

import pytest
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from sticoop.core import api


def test_every_export_streams_in_batches_the_file_it_writes_whole(demo: TestClient,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted(c.path for c in iter_route_contexts(demo.app.routes) if c.path.endswith("/export.csv")
                   and c.path.startswith("/api/v1/"))
    assert len(paths) >= 15
    whole = {p: demo.get(p, params={"lang": "fr"}) for p in paths}
    monkeypatch.setattr(api, "EXPORT_BATCH", 2)
    several = 0
    for path in paths:
        streamed = demo.get(path, params={"lang": "fr"})
        assert streamed.status_code == 200 and whole[path].status_code == 200, path
        assert streamed.text == whole[path].text, path
        assert streamed.text.count("\ufeff") == 1, path
        several += len(streamed.text.strip().splitlines()) - 1 > 2  # rows over more than one batch
    assert several >= 4, f"the walk needs lists longer than one batch (found {several})"


def test_an_export_stops_at_its_bound_and_says_so(demo: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "EXPORT_BATCH", 2)
    monkeypatch.setattr(api, "EXPORT_MAX_ROWS", 3)
    response = demo.get("/api/v1/organizations/export.csv")
    assert response.status_code == 200
    assert "first 3 rows" in response.headers["x-export-truncated"]
    assert len(response.text.strip().splitlines()) == 1 + 3


def test_a_bad_sort_is_refused_before_the_download_starts(demo: TestClient) -> None:
    response = demo.get("/api/v1/organizations/export.csv", params={"sort": "password"})
    assert response.status_code == 422 and "sort" in response.json()["detail"].lower()


def test_a_bad_cursor_is_refused_before_the_download_starts(demo: TestClient) -> None:
    response = demo.get("/api/v1/organizations/export.csv", params={"after": "Ó"})
    assert response.status_code == 422 and "after" in response.json()["detail"]
