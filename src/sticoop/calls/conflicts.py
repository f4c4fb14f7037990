"""Conflicts of interest, declared and computed.

A reviewer has a conflict with a proposal when (rule names as reported):
- ``declared``: a conflict was declared (by the reviewer or the secretariat);
- ``same_person``: the reviewer is a named person of the consortium;
- ``same_organisation``: the reviewer holds a current position (no end date, or ending today or later) at a
  consortium organisation;
- ``shared_project``: an organisation where the reviewer holds a current position was a partner of a project
  together with a consortium organisation in the last 3 years (the project ended no more than 3 years ago, or
  has no end date).

The projects are read with Core statements, not through the user's scoped view: a conflict must be found even
in a partnership the person asking cannot see.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from sticoop.calls.models import ConflictOfInterest, Proposal, Reviewer
from sticoop.core import clock
from sticoop.core.errors import Forbidden
from sticoop.core.models import table_of
from sticoop.partners.models import Position
from sticoop.projects.models import Project, ProjectPartner

#: how far back a shared project makes a conflict (years)
SHARED_PROJECT_YEARS = 3


@dataclass(frozen=True)
class Found:
    """One conflict: reviewer id, proposal id, rule name and the reason in one sentence."""

    reviewer_id: int
    proposal_id: int
    rule: str
    reason: str


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def reviewer_organisations(db: Session, person_ids: Iterable[int]) -> dict[int, set[int]]:
    """person id → organisations where it holds a current position."""
    ids = list(set(person_ids))
    out: dict[int, set[int]] = {pid: set() for pid in ids}
    if not ids:
        return out
    t = table_of(Position)
    today = clock.today()
    rows = db.execute(select(t.c.person_id, t.c.organization_id).where(
        t.c.person_id.in_(ids), t.c.organization_id.is_not(None),
        or_(t.c.end_date.is_(None), t.c.end_date >= today)))
    for person_id, organization_id in rows:
        out[person_id].add(organization_id)
    return out


def shared_projects(db: Session, ours: set[int], theirs: set[int]) -> dict[tuple[int, int], str]:
    """(one of ``ours``, one of ``theirs``) → title of a project of the last 3 years both were partners of."""
    if not ours or not theirs:
        return {}
    pp = table_of(ProjectPartner)
    a, b = pp.alias("a"), pp.alias("b")
    project = table_of(Project)
    since = _years_before(clock.today(), SHARED_PROJECT_YEARS)
    rows = db.execute(
        select(a.c.organization_id, b.c.organization_id, project.c.title)
        .join(b, and_(a.c.project_id == b.c.project_id, a.c.organization_id != b.c.organization_id))
        .join(project, project.c.id == a.c.project_id)
        .where(a.c.organization_id.in_(ours), b.c.organization_id.in_(theirs),
               or_(project.c.end_date.is_(None), project.c.end_date >= since)))
    return {(mine, other): title for mine, other, title in rows}


def find_conflicts(db: Session, proposals: list[Proposal], reviewers: list[Reviewer]) -> list[Found]:
    """Every conflict between these proposals and reviewers (several rules may hold for one pair)."""
    if not proposals or not reviewers:
        return []
    found: list[Found] = []
    proposal_ids = [p.id for p in proposals]
    reviewer_ids = [r.id for r in reviewers]
    c = aliased(ConflictOfInterest)
    for rid, pid, reason in db.execute(select(c.reviewer_id, c.proposal_id, c.reason).where(
            c.reviewer_id.in_(reviewer_ids), c.proposal_id.in_(proposal_ids))):
        found.append(Found(rid, pid, "declared", f"declared: {reason}"))
    orgs = reviewer_organisations(db, [r.person_id for r in reviewers])
    ours = set().union(*orgs.values()) if orgs else set()
    theirs = {partner.organization_id for p in proposals for partner in p.partners}
    shared = shared_projects(db, ours, theirs)
    for p in proposals:
        partner_orgs = {partner.organization_id for partner in p.partners}
        people = {partner.person_id for partner in p.partners if partner.person_id}
        for r in reviewers:
            if r.person_id in people:
                found.append(Found(r.id, p.id, "same_person", "the reviewer is a named person of the consortium"))
            same = orgs.get(r.person_id, set()) & partner_orgs
            if same:
                found.append(Found(r.id, p.id, "same_organisation",
                                   f"the reviewer works at consortium organisation {min(same)}"))
            for mine in orgs.get(r.person_id, set()):
                hit = next(((mine, o) for o in sorted(partner_orgs) if (mine, o) in shared), None)
                if hit:
                    found.append(Found(r.id, p.id, "shared_project",
                                       f"the reviewer's organisation {hit[0]} and consortium organisation {hit[1]} "
                                       f"were partners of '{shared[hit]}' in the last {SHARED_PROJECT_YEARS} "
                                       "years"))
                    break
    return found


def refuse_conflicted(db: Session, proposal: Proposal, reviewer_ids: list[int]) -> None:
    """Forbidden (403) naming the rule when one of these reviewers has a conflict with the proposal."""
    if not reviewer_ids:
        return
    reviewers = list(db.scalars(select(Reviewer).where(Reviewer.id.in_(reviewer_ids))))
    found = find_conflicts(db, [proposal], reviewers)
    if found:
        first = found[0]
        raise Forbidden(f"Reviewer {first.reviewer_id} has a conflict of interest with proposal {proposal.id} "
                        f"(rule: {first.rule}; {first.reason}); a conflicted reviewer may not open or review it")
