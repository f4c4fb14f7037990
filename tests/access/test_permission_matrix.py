"""The permission matrix: every route of the app's own route table, called as every role.

A route without an explicit Access rule fails here (and the app refuses to start with one), so a new
route cannot ship unprotected. For each route and role the test checks what the rule promises at the
route level: refused roles get 401 (API) or a redirect to the sign-in page (pages) when not signed in,
and 403 with the role message when signed in; allowed roles are never refused by the route rule (the
request may still fail for its own reasons: an empty body is a 422, a missing record a 404).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient

from sticoop.core.access import Rule, access_of
from sticoop.core.principal import ANONYMOUS, Principal, Role
from sticoop.server.app import API_PREFIX, create_app

ROLES: tuple[Role | None, ...] = (None, Role.viewer, Role.member, Role.secretariat, Role.admin)
ROUTE_REFUSAL = "does not allow this"
#: signing out would end the session the rest of the walk uses; it is tested on its own
SKIPPED = {("POST", "/logout")}


def _routes() -> list[tuple[str, str, Rule]]:
    app = create_app("sqlite://")
    found = []
    for context in iter_route_contexts(app.routes):
        if not isinstance(context.original_route, APIRoute):
            continue
        access = access_of(context)
        assert access is not None, f"{context.path} has no access rule"
        for method in sorted(context.methods or ()):
            if method == "HEAD" or (method, context.path) in SKIPPED:
                continue
            found.append((method, context.path, access.rule_for(method, context.path)))
    return found


def test_every_route_has_an_explicit_rule_and_nothing_is_open_by_accident() -> None:
    routes = _routes()
    assert len(routes) > 150
    public = {(m, p) for m, p, rule in routes if rule is Rule.public}
    # calendar feeds are opened by calendar programs: the feed's own token authenticates (tests/calendar_feeds)
    assert public == {("GET", "/login"), ("POST", "/login"), ("GET", "/calendar/{feed}.ics")}
    # writes are never open to viewers (but for their own account, tokens and background jobs — a briefing pack
    # of what they may read is one), and the audit trail and accounts are admin-only
    viewer = Principal(1, "v", Role.viewer)
    assert not [p for m, p, rule in routes if m != "GET" and rule is not Rule.public and rule.allows(viewer)
                and not p.startswith(
        ("/account", f"{API_PREFIX}/tokens", "/jobs", f"{API_PREFIX}/jobs")) and not p.endswith("/briefing/job")]
    assert all(rule is Rule.admin for m, p, rule in routes if p.startswith((f"{API_PREFIX}/audit", "/admin", "/audit")))
    assert not Rule.signed_in.allows(ANONYMOUS)


def test_each_role_gets_what_the_rule_of_each_route_promises(
        anon_client: TestClient, client_as: Callable[..., TestClient]) -> None:
    clients = {None: anon_client}
    for role in ROLES[1:]:
        clients[role] = client_as(role.value)
    problems = []
    for method, path, rule in _routes():
        url = re.sub(r"\{[^}]+\}", "999999", path)  # no such record: the walk changes nothing real
        for role, test_client in clients.items():
            response = test_client.request(method, url)
            principal = Principal(1, "x", role) if role else ANONYMOUS
            allowed = rule.allows(principal)
            refused_by_route = (response.status_code == 401
                                or (response.status_code == 303 and response.headers["location"].startswith(
                                    "/login?next="))
                                or (response.status_code == 403 and ROUTE_REFUSAL in response.text))
            if allowed == refused_by_route:
                problems.append(f"{method} {url} as {role or 'anonymous'}: rule {rule}, got {response.status_code}")
            if not allowed and role is None:
                expected = 401 if path.startswith(API_PREFIX) else 303
                if response.status_code != expected:
                    problems.append(f"{method} {url} anonymous: expected {expected}, got {response.status_code}")
    assert not problems, "\n".join(problems[:40])


def test_the_only_routes_outside_the_rules_are_documentation_and_static_files(anon_client: TestClient) -> None:
    app = create_app("sqlite://")
    others = {c.path for c in iter_route_contexts(app.routes) if not isinstance(c.original_route, APIRoute)}
    assert others == {f"{API_PREFIX}/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc", "/static"}
    for path in (f"{API_PREFIX}/openapi.json", "/docs", "/static/sticoop.css"):
        assert anon_client.get(path).status_code == 200
