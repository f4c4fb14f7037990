"""A user's own account: password change and personal access tokens for the API."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from sticoop.accounts.models import ApiToken
from sticoop.accounts.service import change_password, create_token, revoke_own_token, signed_in_user
from sticoop.core.api import DB
from sticoop.core.errors import DomainError
from sticoop.web.render import formatter, render

router = APIRouter(include_in_schema=False)
TOKEN_DAYS = (30, 90, 365)


def _account(request: Request, db: DB, errors: dict[str, str] | None = None, notice: str | None = None,
             new_secret: str | None = None, status: int = 200) -> HTMLResponse:
    user = signed_in_user(db, request.state.principal)
    tokens = list(db.scalars(select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id.desc())
                             .limit(100)))
    return render(request, "accounts/account.html", {
        "user": user, "tokens": tokens, "errors": errors or {}, "notice": notice, "new_secret": new_secret,
        "token_days": TOKEN_DAYS}, status=status)


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, db: DB) -> HTMLResponse:
    notice = {"password": formatter(request)._("Your password was changed; other sessions were signed out."),
              "revoked": formatter(request)._("The token was revoked.")}.get(request.query_params.get("notice", ""))
    return _account(request, db, notice=notice)


@router.post("/account/password", response_class=HTMLResponse)
async def password(request: Request, db: DB) -> Response:
    _ = formatter(request)._
    form = await request.form()
    current, new, again = (str(form.get(k, ""))[:1000] for k in ("current_password", "new_password", "confirm"))
    user = signed_in_user(db, request.state.principal)
    if new != again:
        return _account(request, db, {"confirm": _("The two new passwords differ.")}, status=422)
    try:
        change_password(db, user, current, new, keep_session_id=getattr(request.state, "login_session_id", None))
    except DomainError as exc:
        db.rollback()
        return _account(request, db, {exc.field or "new_password": _(exc.message)}, status=exc.status_code)
    return RedirectResponse("/account?notice=password", status_code=303)


@router.post("/account/tokens", response_class=HTMLResponse)
async def new_token(request: Request, db: DB) -> Response:
    form = await request.form()
    days = str(form.get("days", "90"))
    user = signed_in_user(db, request.state.principal)
    _token, secret = create_token(db, user, str(form.get("name", "")),
                                  days=int(days) if days.isdigit() and int(days) in TOKEN_DAYS else 90)
    return _account(request, db, new_secret=secret)


@router.post("/account/tokens/{token_id:int}/revoke")
def revoke(token_id: int, request: Request, db: DB) -> Response:
    revoke_own_token(db, request.state.principal.user_id, token_id)
    return RedirectResponse("/account?notice=revoked", status_code=303)
