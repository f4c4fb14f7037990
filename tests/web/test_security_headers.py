"""Every response carries the security headers: walks every GET route of the app (pages, API, downloads,
documentation), plus static files, errors and refusals."""

from __future__ import annotations

import re

from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient

from sticoop.server.app import CSP

EXPECTED = {"x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "same-origin"}


def _check(response, where: str) -> list[str]:  # type: ignore[no-untyped-def]
    problems = [f"{where}: {name} is {response.headers.get(name)!r}" for name, value in EXPECTED.items()
                if response.headers.get(name) != value]
    csp = response.headers.get("content-security-policy", "")
    if "frame-ancestors 'none'" not in csp or "object-src 'none'" not in csp:
        problems.append(f"{where}: CSP {csp!r}")
    return problems


def test_every_get_route_answers_with_the_security_headers(client: TestClient, anon_client: TestClient) -> None:
    paths = sorted({re.sub(r"\{[^}]+\}", "1", c.path) for c in iter_route_contexts(client.app.routes)
                    if isinstance(c.original_route, APIRoute) and "GET" in (c.methods or ())})
    assert len(paths) > 50
    problems = []
    for path in paths:
        problems += _check(client.get(path, follow_redirects=False), f"GET {path}")
        problems += _check(anon_client.get(path), f"anonymous GET {path}")
    for path in ("/static/sticoop.js", "/docs", "/api/v1/openapi.json", "/no-such-page", "/api/v1/no-such"):
        problems += _check(anon_client.get(path), path)
    problems += _check(client.post("/api/v1/organizations", content=b"{" * (64 * 2**20), headers={
        "content-type": "application/json"}), "413")
    assert not problems, "\n".join(problems[:30])


def test_the_pages_csp_allows_no_inline_script_and_no_eval() -> None:
    script_src = next(part for part in CSP.split(";") if part.strip().startswith("script-src"))
    assert script_src.split() == ["script-src", "'self'"]


def test_no_template_has_inline_script_or_event_handler() -> None:
    """The page CSP blocks inline scripts and hx-on/on* handlers: none may come back into the templates."""
    from pathlib import Path

    templates = Path(__file__).resolve().parents[2] / "src" / "sticoop" / "web" / "templates"
    offenders = []
    for path in templates.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text) or re.search(r"\s(hx-on[:-]|on[a-z]+=)", text) \
                or "javascript:" in text:
            offenders.append(path.name)
    assert not offenders
