"""Signing in and out.

The sign-in form has no session yet to hold a CSRF token, so it uses a double-submit cookie: a random
value both in a short-lived cookie and in the form, which another site can neither read nor set.
"""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sticoop.accounts.access import check_csrf
from sticoop.accounts.service import LoginFailed, authenticate
from sticoop.accounts.sessions import SESSION_COOKIE, csrf_matches, end_session, start_session
from sticoop.core.api import DB
from sticoop.core.config import get_settings
from sticoop.core.errors import TooManyRequests
from sticoop.web.render import formatter, render

router = APIRouter(include_in_schema=False)
LOGIN_CSRF_COOKIE = "sticoop_login_csrf"


def secure_cookies(request: Request) -> bool:
    """Secure cookies over HTTPS (behind a proxy, run uvicorn with --proxy-headers), or when configured."""
    configured = get_settings().secure_cookies
    return configured if configured is not None else request.url.scheme == "https"


def safe_next(target: str | None) -> str:
    """Only a path on this site: never an absolute URL someone slipped into ?next= (open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def _login_form(request: Request, next_path: str, error: str | None = None, username: str = "",
                status: int = 200) -> HTMLResponse:
    token = secrets.token_urlsafe(24)
    response = render(request, "accounts/login.html", {"next_path": next_path, "error": error, "username": username,
                                                        "login_csrf": token}, status=status)
    response.set_cookie(LOGIN_CSRF_COOKIE, token, max_age=3600, httponly=True, samesite="strict",
                        secure=secure_cookies(request), path="/login")
    return response


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    next_path = safe_next(request.query_params.get("next"))
    if getattr(request.state, "principal", None) is not None and request.state.principal.signed_in:
        return RedirectResponse(next_path, status_code=303)
    return _login_form(request, next_path)


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request, db: DB) -> Response:
    _ = formatter(request)._
    form = await request.form()
    username = str(form.get("username", ""))[:80]
    password = str(form.get("password", ""))[:1000]
    next_path = safe_next(str(form.get("next", "")))
    if not csrf_matches(request.cookies.get(LOGIN_CSRF_COOKIE, ""), str(form.get("csrf_token", ""))):
        return _login_form(request, next_path, _("The sign-in form had expired; please try again."), username, 403)
    ip = request.client.host if request.client else "unknown"
    try:
        user = authenticate(db, username, password, ip=ip)
    except TooManyRequests:
        return _login_form(request, next_path, _("Too many failed sign-ins from this address; wait 15 minutes and "
                                                 "try again."), username, 429)
    except LoginFailed as exc:
        message = (_("This account is locked after too many failed attempts; try again in 15 minutes.")
                   if "Too many" in exc.message else _("Wrong username or password."))
        return _login_form(request, next_path, message, username, 401)
    secret = start_session(db, user, ip, request.headers.get("user-agent"))
    response = RedirectResponse(next_path, status_code=303)
    response.set_cookie(SESSION_COOKIE, secret, max_age=get_settings().session_hours * 3600, httponly=True,
                        samesite="lax", secure=secure_cookies(request), path="/")
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
    return response


@router.post("/logout")
async def logout(request: Request, db: DB) -> Response:
    if getattr(request.state, "csrf_token", None):
        await check_csrf(request)  # another site cannot sign people out
    end_session(db, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
