"""Who is acting: the signed-in user's role and partnerships, carried on the database session.

The web layer authenticates the request and puts a :class:`Principal` in ``session.info``; everything
downstream (record services, the scoping of every ORM query) reads it from there, so no service signature
has to carry the user. A session without a principal is the operator's (CLI, migrations, demo loader)
and sees everything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy.orm import Session

from sticoop.core.errors import Forbidden

PRINCIPAL_KEY = "principal"


class Role(StrEnum):
    admin = "admin"  # everything, in every partnership
    secretariat = "secretariat"  # edits everything in the partnerships assigned to it
    member = "member"  # edits its organisation's commitments and progress, reads its partnerships
    viewer = "viewer"  # reads its partnerships


#: what each role may do, from least to most
ROLE_RANK = {Role.viewer: 1, Role.member: 2, Role.secretariat: 3, Role.admin: 4}


@dataclass(frozen=True)
class Principal:
    user_id: int | None
    username: str
    role: Role | None  # None: not signed in
    partnership_ids: frozenset[int] = field(default_factory=frozenset)
    organization_id: int | None = None
    #: "cookie" (a browser session: unsafe requests need the CSRF token), "token" (an API token) or ""
    via: str = ""

    @property
    def signed_in(self) -> bool:
        return self.role is not None

    @property
    def sees_everything(self) -> bool:
        return self.role == Role.admin

    @property
    def sees_confidential(self) -> bool:
        return self.role in (Role.admin, Role.secretariat)

    @property
    def is_editor(self) -> bool:
        return self.role in (Role.admin, Role.secretariat)

    def at_least(self, role: Role) -> bool:
        return self.role is not None and ROLE_RANK[self.role] >= ROLE_RANK[role]

    def can_see_partnership(self, partnership_id: int | None) -> bool:
        return self.sees_everything or partnership_id is None or partnership_id in self.partnership_ids


ANONYMOUS = Principal(user_id=None, username="anonymous", role=None)


def principal_of(db: Session) -> Principal | None:
    """The principal acting through this session, or None for the operator (CLI), who sees everything."""
    return db.info.get(PRINCIPAL_KEY)


def act_as(db: Session, principal: Principal | None) -> None:
    if principal is None:
        db.info.pop(PRINCIPAL_KEY, None)
    else:
        db.info[PRINCIPAL_KEY] = principal


def require_editor(db: Session, what: str, action: str = "change") -> None:
    """Writes to records need the secretariat or admin role, unless a service grants members more; so does
    reading what only editors read (a call's ranking: ``action="see"``, which the 403's message says).
    Raises ``Forbidden`` (403) "Your role (viewer) cannot <action> <what>"."""
    principal = principal_of(db)
    if principal is not None and not principal.is_editor:
        raise Forbidden(f"Your role ({principal.role or 'not signed in'}) cannot {action} {what}")


PartnershipOpened = Callable[[Session, Principal, int], None]
_partnership_opened: list[PartnershipOpened] = []


def on_partnership_opened(hook: PartnershipOpened) -> None:
    """Register what happens when a signed-in user who does not see everything opens a partnership (the
    accounts domain assigns it to them, so it does not vanish from their lists the moment it is saved)."""
    if hook not in _partnership_opened:
        _partnership_opened.append(hook)


def partnership_opened(db: Session, partnership_id: int) -> None:
    """Called by the partnership service after creating one, in the same transaction."""
    principal = principal_of(db)
    if principal is None or not principal.user_id or principal.sees_everything:
        return
    for hook in _partnership_opened:
        hook(db, principal, partnership_id)
