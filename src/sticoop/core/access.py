"""Route access rules as the UI kit and the app share them: which role may read, which may change.

A route group carries one :class:`RouteAccess` (read rule, write rule). The accounts domain's ``Access`` is the
FastAPI dependency that enforces it (authentication, role, CSRF); the UI kit only reads rules
(:mod:`sticoop.web.permissions` asks them before drawing a control), so both meet here, in the kit, and the UI
kit imports no domain.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from fastapi.routing import APIRoute, iter_route_contexts
from starlette.routing import BaseRoute

from sticoop.core.principal import Principal, Role

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: pages that show a form changing a record: they follow the write rule, like the POST they lead to
WRITE_PAGES = ("/new", "/edit", "/delete", "/merge")


class Rule(StrEnum):
    public = "public"  # anyone, signed in or not (sign-in page)
    signed_in = "signed_in"  # any role; what they see is scoped to their partnerships
    member = "member"  # member, secretariat, admin (members only for their organisation's records)
    editor = "editor"  # secretariat and admin
    admin = "admin"

    def allows(self, principal: Principal) -> bool:
        if self is Rule.public:
            return True
        minimum = {Rule.signed_in: Role.viewer, Rule.member: Role.member, Rule.editor: Role.secretariat,
                   Rule.admin: Role.admin}[self]
        return principal.at_least(minimum)


@dataclass(frozen=True)
class RouteAccess:
    """The rule of a group of routes: one for reading (GET, and the pages showing a form), one for changing."""

    read: Rule
    write: Rule

    def rule_for(self, method: str, path: str) -> Rule:
        if method in SAFE_METHODS and not path.endswith(WRITE_PAGES):
            return self.read
        return self.write


def access_of(route: object) -> RouteAccess | None:
    """The Access rule of a route as the app serves it (a RouteContext from ``iter_route_contexts``, which
    carries the dependencies of the include), if any."""
    for dependency in getattr(route, "dependencies", []) or []:
        if isinstance(dependency.dependency, RouteAccess):
            return dependency.dependency
    return None


def unprotected_routes(routes: list[Any]) -> list[str]:
    """Every API or page route of the app without an Access rule ("GET /path"). The app refuses to start
    when there is one, so a route cannot be served unprotected.

    Walks the included routers as declared (a router included with an Access dependency protects all its
    routes) instead of FastAPI's effective route contexts: building those makes a pydantic schema for every
    route (≈ 2 s for sticoop's 450 routes at each app creation), work FastAPI otherwise does only for the routes
    a request reaches. A route FastAPI presents in another shape falls back to ``iter_route_contexts``.
    """
    missing: list[str] = []

    def walk(items: list[Any], protected: bool, prefix: str) -> None:
        for route in items:
            context = getattr(route, "include_context", None)
            router = getattr(route, "original_router", None)
            if context is not None and router is not None:
                guarded = protected or any(isinstance(d.dependency, RouteAccess) for d in context.dependencies)
                walk(list(router.routes), guarded, prefix + context.prefix)
            elif isinstance(route, APIRoute):
                if not protected and access_of(route) is None:
                    missing.append(f"{','.join(sorted(route.methods or []))} {prefix}{route.path}")
            elif not isinstance(route, BaseRoute):
                missing.extend(unprotected_routes_slow([route]))

    walk(list(routes), False, "")
    return missing


def unprotected_routes_slow(routes: list[Any]) -> list[str]:
    """:func:`unprotected_routes` through FastAPI's public ``iter_route_contexts`` (every route's effective
    context built): the reference the fast walk is tested against."""
    missing = []
    for context in iter_route_contexts(routes):
        if isinstance(context.original_route, APIRoute) and access_of(context) is None:
            missing.append(f"{','.join(sorted(context.methods or []))} {context.path}")
    return missing
