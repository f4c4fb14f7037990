"""What the candidate tests share (``test_candidates.py``, ``test_pgplan.py``): the roles, the kind filters, the
principals, and the hits as keys; the ``world`` fixture they search is in ``conftest.py``."""

from __future__ import annotations

from sqlalchemy.orm import Session

from sticoop.core.principal import Principal, Role
from sticoop.search.backend import Found, backend_for

ROLES = ("admin", "secretariat", "member", "viewer of one", "viewer of none", "not signed in")
KIND_FILTERS = {"every kind": None, "projects": ["project"], "documents and sessions": ["document", "session"]}


def principal(who: str, a: int) -> Principal:
    """The principal named ``who``; the partnership ones are of partnership ``a``."""
    return {
        "admin": Principal(user_id=1, username="a", role=Role.admin),
        "secretariat": Principal(user_id=2, username="s", role=Role.secretariat, partnership_ids=frozenset({a})),
        "member": Principal(user_id=3, username="m", role=Role.member, partnership_ids=frozenset({a})),
        "viewer of one": Principal(user_id=4, username="v", role=Role.viewer, partnership_ids=frozenset({a})),
        "viewer of none": Principal(user_id=5, username="n", role=Role.viewer),
        "not signed in": Principal(user_id=None, username="", role=None),
    }[who]


def keys_of(found: Found) -> list[tuple[str, int]]:
    """The hits as (kind, record id), in order."""
    return [(h.kind, h.record_id) for h in found.hits]


def in_scope(db: Session, person: Principal, asked: list[str], partnership: int | None) -> list[tuple[str, int]]:
    """Every match of ``commonword`` the principal may find, best first (the reference's order)."""
    return keys_of(backend_for(db).reference(db, person, ["commonword"], asked,  # type: ignore[attr-defined]
                                           partnership, 10_000))
