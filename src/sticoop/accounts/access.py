"""Who may call which route: authentication (session cookie or API token), CSRF, and route rules.

Every route carries one :class:`Access` (declared where its router is included, in
``sticoop.server.routes``). The app refuses to start while any route lacks one (fail closed), and the
permission-matrix test walks the app's route table with every role, so a new route cannot ship unprotected.

Route rules decide *which roles* may read or write at all; which *records* they may see is decided
below the routes, for every query (``sticoop.accounts.scoping``), and which records a role may change
by the record services (``RecordService.authorize``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile

from sticoop.accounts.models import User
from sticoop.accounts.sessions import SESSION_COOKIE, csrf_matches, session_for
from sticoop.core.access import SAFE_METHODS, RouteAccess, Rule
from sticoop.core.api import DB
from sticoop.core.errors import Forbidden, NotAuthenticated
from sticoop.core.principal import ANONYMOUS, Principal, act_as

CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"


def _user_principal(db: Session, user: User, via: str) -> Principal:
    """The principal of an authenticated user: see :func:`sticoop.accounts.service.principal_for_user`."""
    from sticoop.accounts.service import principal_for_user

    return principal_for_user(db, user, via)


def authenticate_request(request: Request, db: DB) -> Principal:
    """The request's principal from a Bearer token or the session cookie (anonymous if neither), attached to
    the request and to its database session so every query below is scoped to it."""
    from sticoop.accounts.service import user_for_token

    principal = ANONYMOUS
    authorization = request.headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        user = user_for_token(db, authorization[7:].strip())  # a bad token is a 401, never anonymous
        principal = _user_principal(db, user, "token")
    else:
        found = session_for(db, request.cookies.get(SESSION_COOKIE))
        if found is not None:
            login, user = found
            # plain values, not the row: error pages render after the request's session has closed
            request.state.login_session_id = login.id
            request.state.csrf_token = login.csrf_token
            principal = _user_principal(db, user, "cookie")
    request.state.principal = principal
    act_as(db, principal)
    return principal


CurrentPrincipal = Annotated[Principal, Depends(authenticate_request)]


@dataclass(frozen=True)
class Access(RouteAccess):
    """The rule of a group of routes (:class:`~sticoop.core.access.RouteAccess`: one for reading, one for
    changing), used as a FastAPI dependency: it authenticates, checks the role and the CSRF token."""

    async def __call__(self, request: Request, principal: CurrentPrincipal) -> None:
        route = request.scope.get("route")
        rule = self.rule_for(request.method, getattr(route, "path", request.url.path))
        if rule is Rule.public:
            return
        if not principal.signed_in:
            raise NotAuthenticated("Sign in to continue")
        if not rule.allows(principal):
            raise Forbidden(f"Your role ({principal.role}) does not allow this")
        if request.method not in SAFE_METHODS and principal.via == "cookie":
            await check_csrf(request)


async def check_csrf(request: Request) -> None:
    """A browser session's unsafe request must echo its session's CSRF token (header or form field), which a
    page on another site cannot read."""
    expected = getattr(request.state, "csrf_token", None)
    sent: str | UploadFile | None = request.headers.get(CSRF_HEADER)
    if not sent and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        sent = (await request.form()).get(CSRF_FIELD)
    if expected is None or not csrf_matches(expected, sent if isinstance(sent, str) else None):
        raise Forbidden("The form has expired or did not come from sticoop (CSRF check failed); reload the page "
                        "and try again")


PUBLIC = Access(Rule.public, Rule.public)
SIGNED_IN = Access(Rule.signed_in, Rule.signed_in)
READ_EDIT = Access(Rule.signed_in, Rule.editor)
READ_MEMBER_EDIT = Access(Rule.signed_in, Rule.member)
EDITORS = Access(Rule.editor, Rule.editor)
ADMINS = Access(Rule.admin, Rule.admin)
