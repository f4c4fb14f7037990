"""Commitments, progress updates, working groups and assessments, with their derived figures."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import and_, extract, func, inspect, literal, or_, select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import aliased

from sticoop.commitments.models import (
    COMPLETION_SCORE,
    NOT_COUNTED_STATUSES,
    Assessment,
    Commitment,
    CommitmentStatus,
    Completion,
    ProgressUpdate,
    WorkingGroup,
)
from sticoop.commitments.schemas import (
    CommitmentProgress,
    ImplementationReport,
    ImplementationRow,
    SubCommitmentRollUp,
    YearProgress,
)
from sticoop.core import clock
from sticoop.core.choices import ChoiceSource, register_choice_source
from sticoop.core.crud import RecordService, load_many
from sticoop.core.duplicates import N_, key
from sticoop.core.errors import Forbidden, ValidationFailed
from sticoop.core.labels import register_labels, register_navigation
from sticoop.core.principal import Role, principal_of
from sticoop.core.registry import register_kind, register_scope
from sticoop.partners.models import Organization, Person
from sticoop.partnerships.models import Committee, CommitteeSession, partnership_countries

OPEN_STATUSES = (CommitmentStatus.planned, CommitmentStatus.in_progress, CommitmentStatus.overdue)


def overdue_clause(today: date) -> Any:
    """Open and past its due date, or explicitly marked overdue."""
    return or_(
        Commitment.status == CommitmentStatus.overdue,
        and_(Commitment.due_date < today,
             Commitment.status.in_([CommitmentStatus.planned, CommitmentStatus.in_progress])),
    )


def is_overdue(commitment: Commitment, today: date | None = None) -> bool:
    today = today or clock.today()
    if commitment.status == CommitmentStatus.overdue:
        return True
    return bool(commitment.due_date and commitment.due_date < today and commitment.status in OPEN_STATUSES)


def status_filter(value: str) -> Any:
    """``status=overdue`` reads the due date as well (past due counts); ``status=open`` is every commitment
    planned, in progress or overdue (``OPEN_STATUSES``, the dashboards' "open commitments"); any other value is
    the stored status."""
    if value == "overdue":
        return overdue_clause(clock.today())
    if value == "open":
        return Commitment.status.in_(OPEN_STATUSES)
    return Commitment.status == value


class CommitmentService(RecordService[Commitment]):
    model = Commitment
    entity = "commitment"
    label = "Commitment"
    filters = {
        "partnership_id": lambda v: Commitment.partnership_id == v,
        "session_id": lambda v: Commitment.session_id == v,
        "parent_id": lambda v: Commitment.parent_id == v,
        "status": lambda v: status_filter(v),
        "completion": lambda v: Commitment.completion == v,
        # the countries of its partnership (the dashboards' map drills down here)
        "country": lambda v: Commitment.partnership_id.in_(
            select(partnership_countries.c.partnership_id).where(partnership_countries.c.country_code == v)),
    }
    date_column = "due_date"
    sortable = ("id", "due_date", "status", "updated_at")
    default_sort = "due_date"
    relation_inputs = ("responsible_ids", "responsible_people_ids")
    mergeable = True
    merge_same = ("partnership_id",)
    natural_key = ("same text (folded) and parent at the same session, or in the same partnership when it "
                   "belongs to no session")

    def natural_keys(self, obj: Any) -> dict[str, str]:
        if obj.session_id is not None:
            return {key("text", "session", obj.session_id, obj.parent_id, obj.text):
                    N_("same text at the same session")}
        return {key("text", "partnership", obj.partnership_id, obj.parent_id, obj.text):
                N_("same text in the same partnership")}

    def authorize(self, db: DbSession, obj: Commitment, action: str) -> None:
        """Members may change (not create or delete) the commitments their organisation is responsible for."""
        principal = principal_of(db)
        if principal is not None and principal.role == Role.member:
            if action != "update":
                raise Forbidden("Members can change their organisation's commitments, not create or delete them")
            _require_own_organisation(principal.organization_id, obj)
            if inspect(obj).attrs.confidential.history.has_changes():
                raise Forbidden("Only the secretariat marks records confidential")
            return
        super().authorize(db, obj, action)

    def apply_relations(self, db: DbSession, obj: Commitment, relations: dict[str, Any]) -> None:
        if relations.get("responsible_ids") is not None:
            obj.responsible = load_many(db, Organization, relations["responsible_ids"], "organization")
        if relations.get("responsible_people_ids") is not None:
            obj.responsible_people = load_many(db, Person, relations["responsible_people_ids"], "person")

    def check(self, db: DbSession, obj: Commitment) -> None:
        super().check(db, obj)
        if obj.id is not None and inspect(obj).attrs.completion.history.has_changes():
            source = _completion_source(db, obj.id)
            if source is not None and source[2] != obj.completion:
                what = "assessment" if source[0] == "assessment" else "progress update"
                raise ValidationFailed(
                    f"The completion is set by the latest {what} ({source[1].isoformat()}): record a new "
                    "assessment or progress update with the level reached instead", field="completion")
        if obj.session_id is not None:
            committee_partnership = db.scalar(
                select(Committee.partnership_id).join(CommitteeSession, CommitteeSession.committee_id == Committee.id)
                .where(CommitteeSession.id == obj.session_id)
            )
            if committee_partnership != obj.partnership_id:
                raise ValidationFailed("The session belongs to another partnership", field="session_id")
        if obj.parent_id is not None:
            if obj.id is not None and obj.parent_id == obj.id:
                raise ValidationFailed("A commitment cannot be its own sub-commitment", field="parent_id")
            parent = db.get(Commitment, obj.parent_id)
            if parent is not None and parent.partnership_id != obj.partnership_id:
                raise ValidationFailed("A sub-commitment must belong to its parent's partnership", field="parent_id")
            ancestor = parent
            while ancestor is not None and ancestor.parent_id is not None:
                if ancestor.parent_id == obj.id:
                    raise ValidationFailed("That parent would create a cycle of sub-commitments", field="parent_id")
                ancestor = db.get(Commitment, ancestor.parent_id)

    def progress(self, db: DbSession, obj: Commitment, today: date | None = None) -> CommitmentProgress:
        """Roll-up of the sub-commitment tree, the yearly table against the target, overdue, and where the
        completion comes from. The API route and the commitment page both show this one result."""
        today = today or clock.today()
        tree = commitment_tree(db, obj.id)
        rolled = roll_up(tree, obj.id)
        counts, last_update = _yearly_counts(db, obj.id)
        source = _completion_source(db, obj.id)
        period = commitment_period(db, obj, counts, today)
        return CommitmentProgress(
            commitment_id=obj.id,
            overdue=is_overdue(obj, today),
            completion=obj.completion,
            rolled_up_completion=rolled.score,
            sub_commitments=len(rolled.children),
            counted=sum(1 for c in rolled.children if c.counted),
            dropped=sum(1 for c in rolled.children if not c.counted),
            descendants=len(tree.nodes) - 1,
            depth_limited=tree.depth_limited,
            children=rolled.children,
            period=period,
            years=yearly_table(counts, obj.target_per_year, period, today),
            last_update=last_update,
            completion_source=source[0] if source else None,
            completion_source_date=source[1] if source else None,
        )

    def implementation_report(self, db: DbSession, session_id: int,
                              today: date | None = None) -> ImplementationReport:
        """For a session: every commitment made at the previous session, and where it stands now."""
        from sticoop.partnerships.service import sessions

        today = today or clock.today()
        current = sessions.get(db, session_id)
        previous = sessions.previous(db, current)
        rows: list[ImplementationRow] = []
        if previous is not None:
            commitments = list(db.scalars(
                select(Commitment).where(Commitment.session_id == previous.id).order_by(Commitment.id)
            ))
            latest = _latest_updates(db, [c.id for c in commitments])
            for c in commitments:
                last = latest.get(c.id)
                rows.append(ImplementationRow(
                    commitment_id=c.id, text=c.text, status=c.status, completion=c.completion,
                    overdue=is_overdue(c, today), last_update=last[0] if last else None,
                    last_note=last[1] if last else None,
                ))
        summary = Counter(r.completion for r in rows)
        return ImplementationReport(
            session_id=current.id,
            previous_session_id=previous.id if previous else None,
            previous_session_number=previous.number if previous else None,
            rows=rows,
            summary={c.value: summary.get(c.value, 0) for c in Completion},
        )


#: how deep a roll-up looks below a commitment, and how many commitments it reads at most
MAX_DEPTH = 10
MAX_TREE_NODES = 5000
#: the longest period the yearly table spans (years)
MAX_PERIOD_YEARS = 50


class TreeNode(NamedTuple):
    id: int
    parent_id: int | None
    status: str
    completion: str
    depth: int


@dataclass
class CommitmentTree:
    """A commitment and everything below it, read in one recursive query."""

    root_id: int
    nodes: dict[int, TreeNode]
    children: dict[int, list[int]]
    depth_limited: bool


@dataclass
class RollUp:
    score: float | None
    children: list[SubCommitmentRollUp] = field(default_factory=list)


def commitment_tree(db: DbSession, root_id: int) -> CommitmentTree:
    """The sub-tree under ``root_id`` in ONE recursive CTE, at most ``MAX_DEPTH`` levels and ``MAX_TREE_NODES``
    rows. A cycle (which ``check`` refuses, but old data or a direct SQL edit may hold) stops at the depth
    bound in SQL and is cut in Python: a commitment is kept once, at its shallowest place."""
    root = (select(Commitment.id, Commitment.parent_id, Commitment.status, Commitment.completion,
                   literal(0).label("depth"))
            .where(Commitment.id == root_id).cte("commitment_tree", recursive=True))
    child = aliased(Commitment)
    tree = root.union_all(
        select(child.id, child.parent_id, child.status, child.completion, root.c.depth + 1)
        .join(root, child.parent_id == root.c.id).where(root.c.depth < MAX_DEPTH)
    )
    rows = db.execute(select(tree).order_by(tree.c.depth, tree.c.id).limit(MAX_TREE_NODES + 1)).all()
    nodes: dict[int, TreeNode] = {}
    children: dict[int, list[int]] = {}
    limited = len(rows) > MAX_TREE_NODES
    for row in rows[:MAX_TREE_NODES]:
        node = TreeNode(*row)
        if node.id in nodes:  # reached again: a cycle
            limited = True
            continue
        nodes[node.id] = node
        if node.depth > 0 and node.parent_id is not None:
            children.setdefault(node.parent_id, []).append(node.id)
    deepest = [n.id for n in nodes.values() if n.depth == MAX_DEPTH]
    if deepest and not limited:  # one more query: is there anything below the last level read?
        limited = bool(db.scalar(select(func.count()).where(Commitment.parent_id.in_(deepest[:1000]))))
    return CommitmentTree(root_id=root_id, nodes=nodes, children=children, depth_limited=limited)


def roll_up(tree: CommitmentTree, node_id: int) -> RollUp:
    """The roll-up of ``node_id`` in ``tree``: the mean of its counted sub-commitments' own roll-ups, dropped
    ones left out of the denominator (and listed with ``counted=False``); a commitment without counted
    sub-commitments has none (``score`` None) and counts, in its parent's, by its own completion."""
    children: list[SubCommitmentRollUp] = []
    for child_id in tree.children.get(node_id, []):
        node = tree.nodes[child_id]
        below = roll_up(tree, child_id).score
        own = COMPLETION_SCORE[Completion(node.completion)]
        children.append(SubCommitmentRollUp(
            commitment_id=child_id, status=node.status, completion=node.completion,
            rolled_up=below if below is not None else own, counted=node.status not in NOT_COUNTED_STATUSES))
    counted = [c.rolled_up for c in children if c.counted and c.rolled_up is not None]
    return RollUp(score=sum(counted) / len(counted) if counted else None, children=children)


def _yearly_counts(db: DbSession, commitment_id: int) -> tuple[Counter[int], date | None]:
    """Counts reported per year and the latest update's date, in one grouped query."""
    year = extract("year", ProgressUpdate.date)
    rows = db.execute(
        select(year, func.coalesce(func.sum(ProgressUpdate.count), 0), func.max(ProgressUpdate.date))
        .where(ProgressUpdate.commitment_id == commitment_id).group_by(year)
    ).all()
    counts: Counter[int] = Counter({int(y): int(n or 0) for y, n, _last in rows})
    return counts, max((last for _y, _n, last in rows), default=None)


def commitment_period(db: DbSession, obj: Commitment, counts: Counter[int],
                      today: date) -> tuple[int, int] | None:
    """First and last year of a commitment's yearly table: from the session (or agreement) that made it, or
    its first report, to its due year — or this year when it has none, or to its last report if later.
    None when there is nothing to show (no target and nothing counted)."""
    if not obj.target_per_year and not counts:
        return None
    made = None
    if obj.session_id is not None:
        made = db.scalar(select(CommitteeSession.start_date).where(CommitteeSession.id == obj.session_id))
    if made is None and obj.agreement_id is not None:
        from sticoop.agreements.models import Agreement

        dates = db.execute(select(Agreement.in_force_date, Agreement.signed_date)
                                .where(Agreement.id == obj.agreement_id)).first()
        made = next((d for d in dates or () if d is not None), None)
    starts = [y for y in (made.year if made else None, min(counts, default=None)) if y is not None]
    first = min(starts) if starts else today.year
    last = max([obj.due_date.year if obj.due_date else today.year, max(counts, default=first), first])
    return first, min(last, first + MAX_PERIOD_YEARS - 1)


def yearly_table(counts: Counter[int], target: int | None, period: tuple[int, int] | None,
                 today: date) -> list[YearProgress]:
    """Every year of ``period``, zero years included (a missed year is the row that matters), each marked
    past, current or future; a past year under its target is ``missed``."""
    if period is None:
        return []
    rows = []
    for year in range(period[0], period[1] + 1):
        when = "past" if year < today.year else "current" if year == today.year else "future"
        done = counts.get(year, 0)
        rows.append(YearProgress(year=year, done=done, target=target, when=when,
                                 missed=bool(target and when == "past" and done < target)))
    return rows


def _completion_source(db: DbSession, commitment_id: int) -> tuple[str, date, str] | None:
    """``(kind, date, level)`` of the record that sets a commitment's completion: the latest dated assessment
    or progress update that states a level (on the same day, an assessment wins over a progress update; then
    the latest entered).
    None when neither states one: the completion is then the one set by hand on the commitment."""
    assessment = db.execute(
        select(Assessment.date, Assessment.id, Assessment.rating).where(Assessment.commitment_id == commitment_id)
        .order_by(Assessment.date.desc(), Assessment.id.desc()).limit(1)
    ).first()
    update = db.execute(
        select(ProgressUpdate.date, ProgressUpdate.id, ProgressUpdate.completion)
        .where(ProgressUpdate.commitment_id == commitment_id, ProgressUpdate.completion.is_not(None))
        .order_by(ProgressUpdate.date.desc(), ProgressUpdate.id.desc()).limit(1)
    ).first()
    candidates = [(a[0], 1, a[1], "assessment", a[2]) for a in [assessment] if a] + \
                 [(u[0], 0, u[1], "progress_update", u[2]) for u in [update] if u]
    if not candidates:
        return None
    day, _rank, _id, kind, level = max(candidates)
    return (kind, day, level) if level is not None else None  # (a progress update's level is never None here)


def sync_completion(db: DbSession, commitment_id: int | None) -> None:
    """THE rule for a commitment's completion, applied after any assessment or progress update is written or
    deleted: the latest dated one that states a level sets it (see ``_completion_source``). When none states
    one, the completion set by hand stays."""
    if commitment_id is None:
        return
    source = _completion_source(db, commitment_id)
    level = source[2] if source else None
    commitment = db.get(Commitment, commitment_id)
    if level is not None and commitment is not None and commitment.completion != level:
        commitment.completion = level


def _latest_updates(db: DbSession, commitment_ids: list[int]) -> dict[int, tuple[date, str]]:
    """The newest progress update per commitment, in one query (no N+1)."""
    if not commitment_ids:
        return {}
    newest = (
        select(ProgressUpdate.commitment_id, func.max(ProgressUpdate.id).label("last_id"))
        .where(ProgressUpdate.commitment_id.in_(commitment_ids))
        .group_by(ProgressUpdate.commitment_id)
        .subquery()
    )
    rows = db.execute(
        select(ProgressUpdate.commitment_id, ProgressUpdate.date, ProgressUpdate.note)
        .join(newest, ProgressUpdate.id == newest.c.last_id)
    ).all()
    return {cid: (day, note) for cid, day, note in rows}


def _require_own_organisation(organization_id: int | None, commitment: Commitment) -> None:
    if organization_id is None or organization_id not in commitment.responsible_ids:
        raise Forbidden(f"Commitment {commitment.id} is not one your organisation is responsible for")


class MovesCompletion(RecordService[Any]):
    """A report on a commitment (a progress update stating a level, an assessment): writing or deleting one
    recomputes the commitment's completion by the one rule, :func:`sync_completion` (the latest dated report
    that states a level wins; on the same day the assessment)."""

    def after_write(self, db: DbSession, obj: Any, values: dict[str, Any], created: bool) -> None:
        sync_completion(db, obj.commitment_id)

    def delete(self, db: DbSession, record_id: int, version: int | None = None, actor: str = "system") -> None:
        commitment_id = self.get(db, record_id).commitment_id
        super().delete(db, record_id, version, actor)
        sync_completion(db, commitment_id)
        self._flush(db)


class ProgressUpdateService(MovesCompletion):
    model = ProgressUpdate
    entity = "progress_update"
    label = "Progress update"
    filters = {"commitment_id": lambda v: ProgressUpdate.commitment_id == v}
    date_column = "date"
    sortable = ("id", "date")
    default_sort = "-date"
    #: a commitment is followed by a series of updates, several on one day being normal
    natural_key = None

    def authorize(self, db: DbSession, obj: ProgressUpdate, action: str) -> None:
        """Members report progress on the commitments their organisation is responsible for."""
        principal = principal_of(db)
        if principal is not None and principal.role == Role.member:
            commitment = db.get(Commitment, obj.commitment_id) if obj.commitment_id else None
            if commitment is None:
                raise ValidationFailed(f"Unknown commitment '{obj.commitment_id}' for commitment_id",
                                       field="commitment_id")
            _require_own_organisation(principal.organization_id, commitment)
            return
        super().authorize(db, obj, action)

    def check(self, db: DbSession, obj: ProgressUpdate) -> None:
        super().check(db, obj)
        if obj.date and obj.date > clock.today():
            raise ValidationFailed("A progress update cannot be dated in the future", field="date")



class WorkingGroupService(RecordService[WorkingGroup]):
    model = WorkingGroup
    entity = "working_group"
    label = "Working group"
    filters = {"partnership_id": lambda v: WorkingGroup.partnership_id == v}
    sortable = ("id", "name")
    default_sort = "name"
    natural_key = "same name (folded) in the same partnership"

    def natural_keys(self, obj: Any) -> dict[str, str]:
        return {key("name", obj.partnership_id, obj.name): N_("same name in the same partnership")}


class AssessmentService(MovesCompletion):
    model = Assessment
    entity = "assessment"
    label = "Assessment"
    filters = {"commitment_id": lambda v: Assessment.commitment_id == v}
    date_column = "date"
    sortable = ("id", "date")
    default_sort = "-date"
    #: assessments are a series over time; two on one day (by two groups) are legitimate
    natural_key = None



commitments = CommitmentService()
progress_updates = ProgressUpdateService()
working_groups = WorkingGroupService()
assessments = AssessmentService()


def register() -> None:
    """Declare this domain's record kinds (called once by :func:`sticoop.composition.bootstrap`)."""
    register_labels("commitment_status", {
        "planned": N_("Planned"), "in_progress": N_("In progress"), "done": N_("Done"), "overdue": N_("Overdue"),
        "dropped": N_("Dropped"),
    })
    register_labels("completion", {
        "not_started": N_("Not started"), "limited": N_("Limited"), "substantial": N_("Substantial"),
        "complete": N_("Complete"),
    })
    register_labels("kind", {
        "commitment": N_("Commitment"), "working_group": N_("Working group"), "progress_update": N_("Progress update"),
        "assessment": N_("Assessment"),
    })
    register_navigation("/commitments", N_("Commitments"), order=40)
    register_navigation("/working-groups", N_("Working groups"), order=50)
    register_scope(Commitment)
    register_scope(WorkingGroup)
    register_scope(ProgressUpdate, through="commitment_id", parent=Commitment)
    register_scope(Assessment, through="commitment_id", parent=Commitment)
    register_kind("commitment", commitments, page_prefix="/commitments")
    register_kind("progress_update", progress_updates, page_prefix=None)  # shown on its commitment's page
    register_kind("working_group", working_groups, page_prefix="/working-groups")
    register_kind("assessment", assessments, page_prefix=None)  # shown on its commitment's page
    register_choice_source(ChoiceSource(
        "commitments", lambda: select(Commitment.id, Commitment.text).order_by(Commitment.id.desc()),
        Commitment.id, lambda row, fmt: f"#{row.id} {row.text[:90]}", partnership_column=Commitment.partnership_id,
        form_key="commitment_id",
        partnership_of=lambda key: select(Commitment.partnership_id).where(Commitment.id == key)))
    register_choice_source(ChoiceSource(
        "working_groups", lambda: select(WorkingGroup.id, WorkingGroup.name).order_by(WorkingGroup.name),
        WorkingGroup.id, lambda row, fmt: str(row.name), partnership_column=WorkingGroup.partnership_id))
