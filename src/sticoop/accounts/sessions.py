"""Browser sessions: a random secret in an HttpOnly cookie, its SHA-256 in ``login_sessions``.

Server-side sessions (rather than a signed cookie) so that signing out, disabling a user or changing a
password ends every session at once. Each session carries its own CSRF token, which every form and
HTMX request must send back.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sticoop.accounts.models import LoginSession, User
from sticoop.accounts.service import aware
from sticoop.core import touch
from sticoop.core.config import get_settings
from sticoop.core.models import utcnow

SESSION_COOKIE = "sticoop_session"
#: note ``last_seen_at`` at most this often; the note is written off the request path (``core/touch.py``)
TOUCH_EVERY = timedelta(minutes=1)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def start_session(db: Session, user: User, ip: str | None = None, user_agent: str | None = None) -> str:
    """Open a session for a user who just proved who they are; returns the cookie value (shown only here)."""
    secret = secrets.token_urlsafe(32)
    now = utcnow()
    db.add(LoginSession(user_id=user.id, secret_hash=_hash(secret), csrf_token=secrets.token_urlsafe(32),
                        created_at=now, last_seen_at=now,
                        expires_at=now + timedelta(hours=get_settings().session_hours),
                        ip=(ip or "")[:64] or None, user_agent=(user_agent or "")[:300] or None))
    db.flush()
    return secret


def session_for(db: Session, secret: str | None) -> tuple[LoginSession, User] | None:
    """The live session behind a cookie and its (active) user, or None."""
    if not secret:
        return None
    row = db.scalar(select(LoginSession).where(LoginSession.secret_hash == _hash(secret)))
    now = utcnow()
    if row is None or aware(row.expires_at) <= now:
        return None
    user = db.get(User, row.user_id)
    if user is None or not user.is_active:
        return None
    if now - aware(row.last_seen_at) > TOUCH_EVERY:  # a read writes nothing: noted, written in a batch
        touch.note(db, LoginSession.__table__, row.id, "last_seen_at", now)  # type: ignore[arg-type]
    return row, user


def end_session(db: Session, secret: str | None) -> None:
    if secret:
        db.execute(delete(LoginSession).where(LoginSession.secret_hash == _hash(secret)))


def csrf_matches(expected: str, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(expected.encode(), str(sent).encode())
