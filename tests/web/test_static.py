"""Static files: everything the layout loads is served from the package (no CDN), and every vendored library
ships with its licence."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from sticoop.server.app import STATIC_DIR


def test_every_vendored_library_carries_its_licence() -> None:
    libraries = [d for d in (STATIC_DIR / "vendor").iterdir() if d.is_dir()]
    assert {d.name for d in libraries} >= {"htmx", "tom-select"}
    for library in libraries:
        assert (library / "LICENSE").stat().st_size > 100, library.name


def test_the_layout_loads_only_local_files(client: TestClient) -> None:
    page = client.get("/").text
    urls = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert len(urls) >= 4 and all(u.startswith("/static/") for u in urls), urls
    for url in urls:
        assert client.get(url).status_code == 200, url
