"""Accounts: argon2 password hashes, lockout after repeated failures, personal access tokens, audit queries."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any, overload

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from sticoop.accounts.models import ApiToken, AuditEntry, LoginAttempt, LoginSession, Role, User, user_partnerships
from sticoop.core import touch
from sticoop.core.config import get_settings
from sticoop.core.crud import flush, load_many
from sticoop.core.errors import Conflict, NotAuthenticated, NotFound, TooManyRequests, ValidationFailed
from sticoop.core.labels import N_, register_labels, register_navigation
from sticoop.core.models import utcnow
from sticoop.core.principal import Principal
from sticoop.partners.models import Organization
from sticoop.partnerships.models import Partnership

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
#: the window in which failed sign-ins from one address are counted
RATE_WINDOW = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 10
TOKEN_PREFIX = "stc_"

_hasher = PasswordHasher()


class LoginFailed(NotAuthenticated):
    """Wrong credentials, a locked account, a bad token: 401 (with WWW-Authenticate on the API)."""


@overload
def aware(value: datetime) -> datetime: ...
@overload
def aware(value: None) -> None: ...
@overload
def aware(value: datetime | None) -> datetime | None: ...
def aware(value: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes; everything here is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed(f"A password needs at least {MIN_PASSWORD_LENGTH} characters", field="password")


def account_snapshot(user: User) -> dict[str, Any]:
    """What the audit log keeps of an account: never its password hash."""
    return {"username": user.username, "role": user.role, "is_active": user.is_active,
            "organization_id": user.organization_id, "full_name": user.full_name, "email": user.email,
            "partnership_ids": sorted(p.id for p in user.partnerships)}


def audit_account(db: Session, actor: str, action: str, user: User, before: dict[str, Any] | None,
                  after: dict[str, Any] | None) -> None:
    """Accounts are not records, but who gave whom which role, or reset whose password, is exactly what an
    audit trail is for: written in the change's own transaction like every other entry."""
    db.add(AuditEntry(actor=actor, action=action, entity_type="user", entity_id=user.id, before=before,
                           after=after))


def create_user(db: Session, username: str, password: str, role: str = Role.viewer,
                full_name: str | None = None, email: str | None = None,
                partnership_ids: list[int] | None = None, organization_id: int | None = None,
                actor: str = "system") -> User:
    username = username.strip().lower()
    if not username or len(username) > 80 or not username.replace(".", "").replace("-", "").replace("_", "").isalnum():
        raise ValidationFailed("A username is letters, digits, '.', '-' or '_' (up to 80)", field="username")
    if role not in Role.__members__:
        raise ValidationFailed(f"Unknown role '{role}'; one of: {', '.join(Role)}", field="role")
    check_password_strength(password)
    if db.scalar(select(User.id).where(User.username == username)):
        raise Conflict(f"User '{username}' already exists", field="username")
    load_many(db, Organization, [organization_id] if organization_id else [], "organization")
    user = User(username=username, password_hash=_hasher.hash(password), role=role, full_name=full_name,
                email=email, organization_id=organization_id)
    user.partnerships = load_many(db, Partnership, partnership_ids or [], "partnership")
    db.add(user)
    flush(db, "Account")
    audit_account(db, actor, "create", user, None, account_snapshot(user))
    flush(db, "Account")
    return user


def update_user(db: Session, user: User, *, role: str, partnership_ids: list[int],
                organization_id: int | None, is_active: bool, full_name: str | None, email: str | None,
                actor: str = "system") -> User:
    """An admin's change to an account. Disabling it ends its sessions and revokes its tokens."""
    before = account_snapshot(user)
    if role not in Role.__members__:
        raise ValidationFailed(f"Unknown role '{role}'; one of: {', '.join(Role)}", field="role")
    load_many(db, Organization, [organization_id] if organization_id else [], "organization")
    user.role, user.organization_id, user.full_name, user.email = role, organization_id, full_name, email
    user.partnerships = load_many(db, Partnership, partnership_ids, "partnership")
    if user.is_active and not is_active:
        disable_user(db, user, actor, audited=False)
    user.is_active = is_active
    after = account_snapshot(user)
    if after != before:
        audit_account(db, actor, "update", user, before, after)
    flush(db, "Account")
    return user


def signed_in_user(db: Session, principal: Any) -> User:
    """The user behind a signed-in principal (sign-in already checked the account exists and is active; one
    deleted since answers 401)."""
    user = db.get(User, principal.user_id)
    if user is None:
        raise NotAuthenticated("This account no longer exists; sign in again")
    return user


def principal_for_user(db: Session, user: User, via: str) -> Principal:
    """The principal of an authenticated user (``via``: "cookie", "token", "calendar"...). For viewers and
    members, confidential partnerships are left out of their partnership ids here, once, so that everything
    scoped under them disappears as well."""
    role = Role(user.role)
    ids: frozenset[int] = frozenset()
    if role != Role.admin:
        query = select(Partnership.id).join(user_partnerships, user_partnerships.c.partnership_id == Partnership.id)
        query = query.where(user_partnerships.c.user_id == user.id)
        if role != Role.secretariat:
            query = query.where(Partnership.confidential.is_(False))
        ids = frozenset(db.scalars(query))
    return Principal(user_id=user.id, username=user.username, role=role, partnership_ids=ids,
                     organization_id=user.organization_id, via=via)


def get_user(db: Session, username: str) -> User:
    user = db.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        raise NotFound(f"No user '{username}'")
    return user


def list_users(db: Session) -> list[User]:
    return list(db.scalars(select(User).order_by(User.username)))


def authenticate(db: Session, username: str, password: str, now: datetime | None = None,
                 ip: str = "unknown") -> User:
    """Check a password; after MAX_FAILED_LOGINS failures the account is locked for LOCKOUT, and an address
    with too many recent failures must wait.

    The same message for unknown users and wrong passwords, so the login form does not reveal who exists.
    Failures are flushed in the caller's session before LoginFailed is raised: the caller must commit them
    (the sign-in page does), or the lockout is rolled back with the request.
    """
    now = now or utcnow()
    username = username.strip().lower()[:80]
    recent_failures = db.scalar(select(func.count()).select_from(LoginAttempt).where(
        LoginAttempt.ip == ip, LoginAttempt.at > now - RATE_WINDOW, LoginAttempt.succeeded.is_(False))) or 0
    if recent_failures >= get_settings().login_attempts_per_ip:
        raise TooManyRequests("Too many failed sign-ins from this address; wait 15 minutes and try again")
    user = db.scalar(select(User).where(User.username == username))
    if user is None or not user.is_active:
        _hasher.hash(password)  # spend the same time as a real check
        _record_failure(db, None, username, ip, now)
        raise LoginFailed("Wrong username or password")
    locked_until = aware(user.locked_until)
    if locked_until and locked_until > now:
        _record_failure(db, None, username, ip, now)
        raise LoginFailed(f"Too many failed attempts; try again after {locked_until:%H:%M} UTC")
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        _record_failure(db, user.id, username, ip, now)
        raise LoginFailed("Wrong username or password") from None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.failed_logins = 0
    user.locked_until = None
    user.last_login = now
    db.add(LoginAttempt(at=now, ip=ip[:64], username=username, succeeded=True))
    flush(db, "Account")
    return user


def _record_failure(db: Session, user_id: int | None, username: str, ip: str, now: datetime) -> None:
    """Count a failed sign-in, and lock the account at the limit, with atomic UPDATEs so that parallel
    attempts cannot each read the same count. It is written in the caller's transaction: the sign-in page
    answers the failure with a page (not an exception) and commits it."""
    db.add(LoginAttempt(at=now, ip=ip[:64], username=username, succeeded=False))
    if user_id is not None:
        db.execute(update(User).where(User.id == user_id).values(failed_logins=User.failed_logins + 1))
        db.execute(update(User).where(User.id == user_id, User.failed_logins >= MAX_FAILED_LOGINS)
                        .values(locked_until=now + LOCKOUT, failed_logins=0))
        db.expire(db.get(User, user_id))
    flush(db, "Account")


def change_password(db: Session, user: User, current: str, new: str, keep_session_id: int | None = None) -> None:
    """A user's own password change: the current password proves it is them; their other sessions end."""
    try:
        _hasher.verify(user.password_hash, current)
    except (VerificationError, InvalidHashError):
        raise ValidationFailed("The current password is not right", field="current_password") from None
    if new == current:
        raise ValidationFailed("The new password must differ from the current one", field="new_password")
    set_password(db, user, new, keep_session_id=keep_session_id, actor=user.username)


def set_password(db: Session, user: User, password: str, keep_session_id: int | None = None,
                 revoke_tokens: bool = False, actor: str = "system") -> None:
    """Set a password and end the user's sessions (but the one they are using to change it). An admin's reset
    is for an account that may be in the wrong hands: it revokes the user's API tokens too."""
    try:
        check_password_strength(password)
    except ValidationFailed as exc:
        raise ValidationFailed(exc.message, field="new_password") from None
    user.password_hash = _hasher.hash(password)
    user.failed_logins = 0
    user.locked_until = None
    ending = delete(LoginSession).where(LoginSession.user_id == user.id)
    if keep_session_id is not None:
        ending = ending.where(LoginSession.id != keep_session_id)
    db.execute(ending)
    if revoke_tokens:
        db.execute(update(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
                        .values(revoked_at=utcnow()))
    audit_account(db, actor, "password", user, None, {"sessions_ended": True, "tokens_revoked": revoke_tokens})
    flush(db, "Account")


def disable_user(db: Session, user: User, actor: str = "system", audited: bool = True) -> None:
    if audited:
        audit_account(db, actor, "update", user, account_snapshot(user),
                      {**account_snapshot(user), "is_active": False})
    user.is_active = False
    for token in db.scalars(select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))):
        token.revoked_at = utcnow()
    db.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
    flush(db, "Account")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(db: Session, user: User, name: str, days: int | None = 90) -> tuple[ApiToken, str]:
    """Returns the stored token row and the secret, which is never stored and cannot be shown again."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=name.strip()[:120] or "token", token_hash=_token_hash(secret),
                     prefix=secret[:10], expires_at=utcnow() + timedelta(days=days) if days else None)
    db.add(token)
    flush(db, "Account")
    return token, secret


#: ``last_used_at`` of an API token is written at most this often
TOKEN_TOUCH_EVERY = timedelta(minutes=1)


def user_for_token(db: Session, secret: str, now: datetime | None = None) -> User:
    now = now or utcnow()
    found = db.execute(select(ApiToken, User).join(User, User.id == ApiToken.user_id)
                       .where(ApiToken.token_hash == _token_hash(secret))).one_or_none()  # one query per request
    if found is None or found[0].revoked_at is not None:
        raise LoginFailed("Invalid or revoked token")
    token, user = found
    expires = aware(token.expires_at)
    if expires is not None and expires <= now:
        raise LoginFailed("This token has expired")
    if not user.is_active:
        raise LoginFailed("Invalid or revoked token")
    last = aware(token.last_used_at)
    if last is None or now - last >= TOKEN_TOUCH_EVERY:  # a read writes nothing: noted, written in a batch
        touch.note(db, ApiToken.__table__, token.id, "last_used_at", now)  # type: ignore[arg-type]
    return user


def revoke_token(db: Session, token_id: int) -> None:
    token = db.get(ApiToken, token_id)
    if token is None:
        raise NotFound(f"No token {token_id}")
    token.revoked_at = token.revoked_at or utcnow()
    flush(db, "Account")


def revoke_own_token(db: Session, user_id: int, token_id: int) -> ApiToken:
    """Revoke one of the user's own tokens; another user's token is 'not found', not 'forbidden'."""
    token = db.get(ApiToken, token_id)
    if token is None or token.user_id != user_id:
        raise NotFound(f"You have no token {token_id}")
    token.revoked_at = token.revoked_at or utcnow()
    flush(db, "Account")
    return token


def history(db: Session, entity_type: str, entity_id: int, limit: int = 200) -> list[AuditEntry]:
    """The record's audit entries, newest first, with those of the records merged into it (their own ids)."""
    from sticoop.core.merge import merged_from

    ids = [entity_id, *merged_from(db, entity_type, entity_id)]
    return list(db.scalars(
        select(AuditEntry).where(AuditEntry.entity_type == entity_type, AuditEntry.entity_id.in_(ids))
        .order_by(AuditEntry.id.desc()).limit(limit)
    ))


def register() -> None:
    """Declare this domain's labels and navigation entries (called by the composition root)."""
    register_labels("role", {
        "admin": N_("Administrator"), "secretariat": N_("Secretariat"), "member": N_("Member"), "viewer": N_("Viewer"),
    })
    register_labels("audit_action", {
        "create": N_("created"), "update": N_("changed"), "status": N_("status changed"), "delete": N_("deleted"),
        "merge": N_("merged"),
    })
    register_navigation("/admin/users", N_("Users"), order=160, roles=('admin',))
