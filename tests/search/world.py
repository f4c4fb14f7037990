"""One record of every searchable kind, in two partnerships (and general ones), for the search tests.

``BUILDERS`` must name every kind the registry indexes: a new searchable kind fails
``test_every_searchable_kind_has_a_builder`` until it gets one here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from sticoop.activities.models import Event, Visit
from sticoop.agreements.models import Agreement
from sticoop.calls.models import Call, Proposal
from sticoop.commitments.models import Commitment, WorkingGroup
from sticoop.documents.models import Document
from sticoop.matchmaking.models import TechProfile
from sticoop.partners.models import Organization, Person
from sticoop.partnerships.models import Committee, CommitteeSession, Partnership
from sticoop.projects.models import Programme, Project


@dataclass
class Ctx:
    """Where a record goes: its partnership (None: general), whether confidential, and the parents made."""

    db: Session
    partnership_id: int | None
    confidential: bool
    parents: dict[str, Any] = field(default_factory=dict)


def _parent(ctx: Ctx, kind: str, make: Callable[[], Any]) -> Any:
    if kind not in ctx.parents:
        ctx.parents[kind] = make()
        ctx.db.add(ctx.parents[kind])
        ctx.db.flush()
    return ctx.parents[kind]


def _committee(ctx: Ctx) -> Committee:
    return _parent(ctx, "committee", lambda: Committee(partnership_id=ctx.partnership_id, name="Parent committee",
                                                      confidential=ctx.confidential))


def _call(ctx: Ctx) -> Call:
    return _parent(ctx, "call", lambda: Call(partnership_id=ctx.partnership_id, title="Parent call", currency="EUR"))


_seq = iter(range(1, 10**6))

#: kind → (does it belong to a partnership, can it be confidential, builder(ctx, text) → unsaved record)
BUILDERS: dict[str, tuple[bool, bool, Callable[[Ctx, str], Any]]] = {
    "partnership": (True, True, lambda c, t: Partnership(name=t)),
    "committee": (True, True, lambda c, t: Committee(partnership_id=c.partnership_id, name=t,
                                                     confidential=c.confidential)),
    "session": (True, True, lambda c, t: CommitteeSession(committee_id=_committee(c).id, number=next(_seq),
                                                          conclusions=t, confidential=c.confidential)),
    "organization": (False, False, lambda c, t: Organization(name=t)),
    "person": (False, False, lambda c, t: Person(name=t)),
    "commitment": (True, True, lambda c, t: Commitment(partnership_id=c.partnership_id, text=t,
                                                       confidential=c.confidential)),
    "working_group": (True, True, lambda c, t: WorkingGroup(partnership_id=c.partnership_id, name=t,
                                                            confidential=c.confidential)),
    "agreement": (True, True, lambda c, t: Agreement(partnership_id=c.partnership_id, title=t,
                                                     confidential=c.confidential)),
    "programme": (False, False, lambda c, t: Programme(name=t)),
    "project": (True, True, lambda c, t: Project(partnership_id=c.partnership_id, title=t,
                                                 confidential=c.confidential)),
    "visit": (True, True, lambda c, t: Visit(partnership_id=c.partnership_id, from_country_code="VNM",
                                             to_country_code="BEL", purpose=t, confidential=c.confidential)),
    "event": (True, True, lambda c, t: Event(partnership_id=c.partnership_id, kind="workshop", title=t,
                                             confidential=c.confidential)),
    # the text is only in the document's extracted text (index_fields), not its title
    "document": (True, True, lambda c, t: Document(partnership_id=c.partnership_id, sha256=f"{next(_seq):064d}",
                                                   filename="minutes.pdf", media_type="application/pdf", size=1,
                                                   text=f"Page one.\n{t}\nPage two.", confidential=c.confidential)),
    "profile": (False, False, lambda c, t: TechProfile(kind="technology_offer", title=t)),
    "call": (True, False, lambda c, t: Call(partnership_id=c.partnership_id, title=t, currency="EUR")),
    "proposal": (True, False, lambda c, t: Proposal(call_id=_call(c).id, acronym=f"P{next(_seq)}", title=t)),
}


@dataclass(frozen=True)
class Made:
    """A record made for a test: kind, id, partnership (None: general) and confidentiality."""

    kind: str
    id: int
    partnership_id: int | None
    confidential: bool


def make(db: Session, kind: str, text: str, partnership_id: int | None, confidential: bool = False) -> Made:
    """Add one record of ``kind`` carrying ``text`` in a searched field, flushed (the caller commits). A
    partnership record is its own partnership (``partnership_id`` is ignored for it)."""
    _bound, _conf, build = BUILDERS[kind]
    obj = build(Ctx(db, partnership_id, confidential), text)
    if hasattr(obj, "confidential"):
        obj.confidential = confidential
    db.add(obj)
    db.flush()
    return Made(kind, obj.id, obj.id if kind == "partnership" else partnership_id,
                confidential and hasattr(obj, "confidential"))


def may_see(role: str, made: Made, partnership_ids: tuple[int | None, ...]) -> bool:
    """Whether a user of ``role`` working in ``partnership_ids`` may find ``made`` in search: the rule of every
    scope test of this folder (admins everything; confidential records and general documents for editors only;
    proposals for the call's secretariat and assigned reviewers only; bound records within the user's
    partnerships)."""
    editor = role in ("secretariat", "admin")
    if role == "admin":
        return True
    if made.confidential and not editor:
        return False
    if made.kind == "proposal" and not editor:
        return False
    if made.partnership_id is None:
        return made.kind != "document" or editor
    return made.partnership_id in partnership_ids
