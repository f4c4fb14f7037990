"""Which controls a page may show: the server's own access rules, asked before a button is drawn.

Templates call ``may(path, method="GET", record=None)`` for every control that changes something (a link
to ``/new`` or ``/edit``, a form that posts, an ``hx-post``). The answer comes from the same two places the
server enforces:

1. the route's :class:`~sticoop.core.access.RouteAccess` rule, found by matching ``method path`` against the
   app's route table (``server/routes.py``), exactly as a request would be routed;
2. for routes whose rule lets members write (commitments and their progress), the record service's
   ``authorize`` (``RecordService.authorize``) on the record the route would change: the one given, the
   one named by the path's id, or a new one filled from the link's query string (``?commitment_id=5``).

A path that no route serves is refused, so a control cannot point at a page that does not exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from fastapi import Request
from fastapi.routing import APIRoute, iter_route_contexts
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from sticoop.core.access import RouteAccess, Rule, access_of
from sticoop.core.errors import DomainError
from sticoop.core.principal import ANONYMOUS, Principal

API_PREFIX = "/api/v1"


@dataclass(frozen=True)
class RouteRule:
    """One served route: its path template, compiled pattern, methods and access rule."""

    path: str
    pattern: re.Pattern[str]
    methods: frozenset[str]
    access: RouteAccess


def route_table(app: Any) -> list[RouteRule]:
    """Every API and page route of ``app`` with its rule, built once per app and kept on ``app.state``."""
    table = getattr(app.state, "route_rules", None)
    if table is None:
        table = []
        for context in iter_route_contexts(app.routes):
            access = access_of(context)
            if isinstance(context.original_route, APIRoute) and access is not None and context.path:
                table.append(RouteRule(context.path, context.path_regex, frozenset(context.methods or ()), access))
        app.state.route_rules = table
    return table


def route_for(app: Any, method: str, path: str) -> RouteRule | None:
    """The route a request ``method path`` (query string ignored) would reach, or None. Answers are kept
    per path shape (ids replaced by 0), so a page asking for its 300 rows' buttons scans the table once."""
    method = method.upper()
    shape = re.sub(r"/\d+(?=/|$)", "/0", urlsplit(path).path)
    cache: dict[tuple[str, str], RouteRule | None] | None = getattr(app.state, "route_rule_cache", None)
    if cache is None:
        cache = app.state.route_rule_cache = {}
    key = (method, shape)
    if key not in cache:
        cache[key] = next((rule for rule in route_table(app)
                           if method in rule.methods and rule.pattern.match(shape)), None)
    return cache[key]


def rule_for(app: Any, method: str, path: str) -> Rule | None:
    """The access rule the server applies to ``method path``; None when no route serves it."""
    route = route_for(app, method, path)
    return None if route is None else route.access.rule_for(method.upper(), route.path)


def _service_for_path(path: str) -> Any | None:
    """The record service whose records live under the path's first segment (``/commitments/5/edit``,
    ``/api/v1/progress-updates``), if any."""
    from sticoop.core.registry import PAGE_PREFIX, services

    bare = urlsplit(path).path.removeprefix(API_PREFIX)
    segment = "/" + bare.strip("/").split("/")[0]
    for entity, service in services().items():
        if segment in (PAGE_PREFIX.get(entity), "/" + entity.replace("_", "-") + "s"):
            return service
    return None


def _action(method: str, path: str) -> str:
    bare = urlsplit(path).path.rstrip("/")
    if method.upper() == "DELETE" or bare.endswith(("/delete", "/remove")):
        return "delete"
    if bare.endswith("/new") or not re.search(r"/\d+(/|$)", bare):
        return "create"
    return "update"


def _record(db: Session, service: Any, action: str, path: str, record: Any) -> Any:
    """The record the route would change: given (a model or a dict of values), named by the path's id,
    or a new one holding the link's query values."""
    model = service.model
    if isinstance(record, model):
        return record
    columns = sa_inspect(model).columns
    values = dict(record or {}) if isinstance(record, dict) else {}
    if action == "create":
        for key, value in parse_qsl(urlsplit(path).query):
            if key in columns and key not in values:
                values[key] = int(value) if value.isdigit() else value
        return model(**{k: v for k, v in values.items() if k in columns})
    found = re.search(r"/(\d+)(/|$)", urlsplit(path).path)
    return db.get(model, int(found.group(1))) if found else None


def record_allows(db: Session, path: str, method: str, record: Any = None) -> bool:
    """Does the record service let the session's principal make the change ``method path`` would make?"""
    service = _service_for_path(path)
    if service is None:
        return True
    action = _action(method, path)
    try:
        obj = _record(db, service, action, path, record)
        if obj is None:
            return False
        service.authorize(db, obj, action)
    except DomainError:
        return False
    return True


def allowed(app: Any, principal: Principal, method: str, path: str, record: Any = None,
            db: Session | None = None) -> bool:
    """Would the server accept ``method path`` from ``principal``? The route rule decides for every role;
    where the rule lets members write, the record service decides which records (needs ``session``)."""
    rule = rule_for(app, method, path)
    if rule is None or not rule.allows(principal):
        return False
    if rule is Rule.member and not principal.is_editor:
        return db is not None and record_allows(db, path, method, record)
    return True


class Permissions:
    """The ``may`` of one request's templates. Opens a scoped read session only when a member's rights
    on a record must be asked of its service; :meth:`close` ends it after rendering."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.principal: Principal = getattr(request.state, "principal", ANONYMOUS)
        self._session: Session | None = None

    def __call__(self, path: str, method: str = "GET", record: Any = None) -> bool:
        rule = rule_for(self.request.app, method, path)
        if rule is Rule.member and not self.principal.is_editor and self._session is None:
            from sticoop.core.api import request_session

            self._session = request_session(self.request)
        return allowed(self.request.app, self.principal, method, path, record, self._session)

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None
