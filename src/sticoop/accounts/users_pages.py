"""Admins manage accounts: role, assigned partnerships, organisation, active, and a password reset."""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from sticoop.accounts.models import User
from sticoop.accounts.service import create_user, set_password, update_user
from sticoop.core.api import DB
from sticoop.core.errors import DomainError, NotFound
from sticoop.core.principal import Role
from sticoop.web import choices
from sticoop.web.forms import FormField, domain_errors, raw_values, typed_values
from sticoop.web.labels import N_
from sticoop.web.render import formatter, render

router = APIRouter(include_in_schema=False)
FIELDS = (
    FormField("username", N_("Username"), required=True),
    FormField("full_name", N_("Full name")),
    FormField("email", N_("E-mail"), "email"),
    FormField("role", N_("Role"), "select", "enum:role", required=True,
              help=N_("Admin: everything. Secretariat: edits its partnerships. Member: edits its organisation's "
                      "commitments. Viewer: reads its partnerships.")),
    FormField("partnership_ids", N_("Partnerships"), "multiselect", "partnerships"),
    FormField("organization_id", N_("Organisation"), "select", "organizations"),
    FormField("is_active", N_("Active"), "checkbox"),
)


def _user(db: DB, user_id: int) -> User:
    user = db.get(User, user_id)
    if user is None:
        raise NotFound(f"No user {user_id}")
    return user


def _form(request: Request, db: DB, raw: dict[str, Any], errors: dict[str, str], user: User | None = None,
          status: int = 200) -> HTMLResponse:
    fmt = formatter(request)
    fields = [f for f in FIELDS if not (user is not None and f.name == "username")]
    options = {f.name: choices.load(db, fmt, f.source, raw[f.name] if isinstance(raw.get(f.name), list)
                                    else [raw.get(f.name) or ""]) for f in fields if f.source}
    return render(request, "accounts/user_form.html", {
        "fields": fields, "raw": raw, "errors": errors, "options": options, "user": user,
        "action": f"/admin/users/{user.id}/edit" if user else "/admin/users/new"}, status=status)


@router.get("/admin/users", response_class=HTMLResponse)
def users(request: Request, db: DB) -> HTMLResponse:
    rows = list(db.scalars(select(User).options(selectinload(User.partnerships)).order_by(User.username)
                           .limit(1000)))
    secret = request.query_params.get("password_for")
    return render(request, "accounts/users.html", {"users": rows, "password_for": secret})


@router.get("/admin/users/new", response_class=HTMLResponse)
def new_user(request: Request, db: DB) -> HTMLResponse:
    return _form(request, db, {"role": Role.viewer, "is_active": "on", "partnership_ids": []}, {})


@router.post("/admin/users/new", response_class=HTMLResponse)
async def create(request: Request, db: DB) -> Response:
    _ = formatter(request)._
    raw = raw_values(FIELDS, await request.form())
    data, errors = typed_values(FIELDS, raw, _)
    if errors:
        return _form(request, db, raw, errors, status=422)
    password = secrets.token_urlsafe(12)
    try:
        user = create_user(db, data["username"], password, data["role"], data["full_name"], data["email"],
                           [int(i) for i in data["partnership_ids"]],
                           int(data["organization_id"]) if data["organization_id"] else None,
                           actor=request.state.principal.username)
        user.is_active = bool(data["is_active"])
    except DomainError as exc:
        db.rollback()
        return _form(request, db, raw, domain_errors(exc, _), status=exc.status_code)
    return render(request, "accounts/password_shown.html", {"user": user, "password": password}, status=201)


@router.get("/admin/users/{user_id:int}/edit", response_class=HTMLResponse)
def edit(user_id: int, request: Request, db: DB) -> HTMLResponse:
    user = _user(db, user_id)
    raw = {"full_name": user.full_name or "", "email": user.email or "", "role": user.role,
           "partnership_ids": [str(p.id) for p in user.partnerships],
           "organization_id": str(user.organization_id or ""), "is_active": "on" if user.is_active else ""}
    return _form(request, db, raw, {}, user)


@router.post("/admin/users/{user_id:int}/edit", response_class=HTMLResponse)
async def update(user_id: int, request: Request, db: DB) -> Response:
    _ = formatter(request)._
    user = _user(db, user_id)
    fields = [f for f in FIELDS if f.name != "username"]
    raw = raw_values(fields, await request.form())
    data, errors = typed_values(fields, raw, _)
    if errors:
        return _form(request, db, raw, errors, user, status=422)
    try:
        update_user(db, user, role=data["role"], partnership_ids=[int(i) for i in data["partnership_ids"]],
                    organization_id=int(data["organization_id"]) if data["organization_id"] else None,
                    is_active=bool(data["is_active"]), full_name=data["full_name"], email=data["email"],
                    actor=request.state.principal.username)
    except DomainError as exc:
        db.rollback()
        return _form(request, db, raw, domain_errors(exc, _), _user(db, user_id), status=exc.status_code)
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/admin/users/{user_id:int}/reset-password", response_class=HTMLResponse)
def reset(user_id: int, request: Request, db: DB) -> HTMLResponse:
    user = _user(db, user_id)
    password = secrets.token_urlsafe(12)
    set_password(db, user, password, revoke_tokens=True, actor=request.state.principal.username)
    return render(request, "accounts/password_shown.html", {"user": user, "password": password})
