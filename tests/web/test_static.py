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


def test_every_page_declares_an_icon_that_exists(client: TestClient, anon_client: TestClient) -> None:
    """Without one, browsers asked for /favicon.ico on every page and logged a 404 in the console — the first
    thing a newcomer opening the developer tools saw. The sign-in page, a signed-in page and an error page."""
    pages = [(anon_client, "/login"), (client, "/"), (client, "/partnerships/999999")]
    for reader, path in pages:
        icons = re.findall(r'<link rel="icon" href="([^"]+)"', reader.get(path).text)
        assert icons == ["/static/favicon.svg"], (path, icons)
        served = reader.get(icons[0])
        assert served.status_code == 200 and served.headers["content-type"].startswith("image/svg+xml"), path
