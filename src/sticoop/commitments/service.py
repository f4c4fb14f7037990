"""Commitments, progress updates, working groups and assessments, with their derived figures."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import and_, func, inspect, or_, select
from sqlalchemy.orm import Session as DbSession

from sticoop.commitments.models import (
    COMPLETION_SCORE,
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
    YearProgress,
)
from sticoop.core.crud import RecordService, load_many
from sticoop.core.duplicates import N_, key
from sticoop.core.errors import Forbidden, ValidationFailed
from sticoop.core.principal import Role, principal_of
from sticoop.partners.models import Organization
from sticoop.partnerships.models import Committee, Session

OPEN_STATUSES = (CommitmentStatus.planned, CommitmentStatus.in_progress, CommitmentStatus.overdue)


def overdue_clause(today: date) -> Any:
    """Open and past its due date, or explicitly marked overdue."""
    return or_(
        Commitment.status == CommitmentStatus.overdue,
        and_(Commitment.due_date < today,
             Commitment.status.in_([CommitmentStatus.planned, CommitmentStatus.in_progress])),
    )


def is_overdue(commitment: Commitment, today: date | None = None) -> bool:
    today = today or date.today()
    if commitment.status == CommitmentStatus.overdue:
        return True
    return bool(commitment.due_date and commitment.due_date < today and commitment.status in OPEN_STATUSES)


class CommitmentService(RecordService[Commitment]):
    model = Commitment
    entity = "commitment"
    label = "Commitment"
    filters = {
        "partnership_id": lambda v: Commitment.partnership_id == v,
        "session_id": lambda v: Commitment.session_id == v,
        "parent_id": lambda v: Commitment.parent_id == v,
        "status": lambda v: overdue_clause(date.today()) if v == "overdue" else Commitment.status == v,
    }
    date_column = "due_date"
    sortable = ("id", "due_date", "status", "updated_at")
    default_sort = "due_date"
    relation_inputs = ("responsible_ids",)
    natural_key = ("same text (folded) and parent at the same session, or in the same partnership when it "
                   "belongs to no session")

    def natural_keys(self, obj: Any) -> dict[str, str]:
        if obj.session_id is not None:
            return {key("text", "session", obj.session_id, obj.parent_id, obj.text):
                    N_("same text at the same session")}
        return {key("text", "partnership", obj.partnership_id, obj.parent_id, obj.text):
                N_("same text in the same partnership")}

    def authorize(self, session: DbSession, obj: Commitment, action: str) -> None:
        """Members may change (not create or delete) the commitments their organisation is responsible for."""
        principal = principal_of(session)
        if principal is not None and principal.role == Role.member:
            if action != "update":
                raise Forbidden("Members can change their organisation's commitments, not create or delete them")
            _require_own_organisation(principal.organization_id, obj)
            if inspect(obj).attrs.confidential.history.has_changes():
                raise Forbidden("Only the secretariat marks records confidential")
            return
        super().authorize(session, obj, action)

    def apply_relations(self, session: DbSession, obj: Commitment, relations: dict[str, Any]) -> None:
        if relations.get("responsible_ids") is not None:
            obj.responsible = load_many(session, Organization, relations["responsible_ids"], "organization")

    def check(self, session: DbSession, obj: Commitment) -> None:
        super().check(session, obj)
        if obj.session_id is not None:
            committee_partnership = session.scalar(
                select(Committee.partnership_id).join(Session, Session.committee_id == Committee.id)
                .where(Session.id == obj.session_id)
            )
            if committee_partnership != obj.partnership_id:
                raise ValidationFailed("The session belongs to another partnership", field="session_id")
        if obj.parent_id is not None:
            if obj.id is not None and obj.parent_id == obj.id:
                raise ValidationFailed("A commitment cannot be its own sub-commitment", field="parent_id")
            parent = session.get(Commitment, obj.parent_id)
            if parent is not None and parent.partnership_id != obj.partnership_id:
                raise ValidationFailed("A sub-commitment must belong to its parent's partnership", field="parent_id")
            ancestor = parent
            while ancestor is not None and ancestor.parent_id is not None:
                if ancestor.parent_id == obj.id:
                    raise ValidationFailed("That parent would create a cycle of sub-commitments", field="parent_id")
                ancestor = session.get(Commitment, ancestor.parent_id)

    def progress(self, session: DbSession, obj: Commitment, today: date | None = None) -> CommitmentProgress:
        today = today or date.today()
        children = list(session.scalars(select(Commitment.completion).where(Commitment.parent_id == obj.id)))
        rolled = (sum(COMPLETION_SCORE[Completion(c)] for c in children) / len(children)) if children else None
        per_year = session.execute(
            select(ProgressUpdate.date, ProgressUpdate.count).where(ProgressUpdate.commitment_id == obj.id)
        ).all()
        counts: Counter[int] = Counter()
        for day, count in per_year:
            counts[day.year] += count if count is not None else 0
        years = sorted(set(counts) | ({today.year} if obj.target_per_year else set()))
        return CommitmentProgress(
            commitment_id=obj.id,
            overdue=is_overdue(obj, today),
            completion=obj.completion,
            rolled_up_completion=rolled,
            sub_commitments=len(children),
            years=[YearProgress(year=y, done=counts[y], target=obj.target_per_year) for y in years],
            last_update=max((d for d, _ in per_year), default=None),
        )

    def implementation_report(self, session: DbSession, session_id: int,
                              today: date | None = None) -> ImplementationReport:
        """For a session: every commitment made at the previous session, and where it stands now."""
        from sticoop.partnerships.service import sessions

        today = today or date.today()
        current = sessions.get(session, session_id)
        previous = sessions.previous(session, current)
        rows: list[ImplementationRow] = []
        if previous is not None:
            commitments = list(session.scalars(
                select(Commitment).where(Commitment.session_id == previous.id).order_by(Commitment.id)
            ))
            latest = _latest_updates(session, [c.id for c in commitments])
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


def _latest_updates(session: DbSession, commitment_ids: list[int]) -> dict[int, tuple[date, str]]:
    """The newest progress update per commitment, in one query (no N+1)."""
    if not commitment_ids:
        return {}
    newest = (
        select(ProgressUpdate.commitment_id, func.max(ProgressUpdate.id).label("last_id"))
        .where(ProgressUpdate.commitment_id.in_(commitment_ids))
        .group_by(ProgressUpdate.commitment_id)
        .subquery()
    )
    rows = session.execute(
        select(ProgressUpdate.commitment_id, ProgressUpdate.date, ProgressUpdate.note)
        .join(newest, ProgressUpdate.id == newest.c.last_id)
    ).all()
    return {cid: (day, note) for cid, day, note in rows}


def _require_own_organisation(organization_id: int | None, commitment: Commitment) -> None:
    if organization_id is None or organization_id not in commitment.responsible_ids:
        raise Forbidden(f"Commitment {commitment.id} is not one your organisation is responsible for")


class ProgressUpdateService(RecordService[ProgressUpdate]):
    model = ProgressUpdate
    entity = "progress_update"
    label = "Progress update"
    filters = {"commitment_id": lambda v: ProgressUpdate.commitment_id == v}
    date_column = "date"
    sortable = ("id", "date")
    default_sort = "-date"
    #: a commitment is followed by a series of updates, several on one day being normal
    natural_key = None

    def authorize(self, session: DbSession, obj: ProgressUpdate, action: str) -> None:
        """Members report progress on the commitments their organisation is responsible for."""
        principal = principal_of(session)
        if principal is not None and principal.role == Role.member:
            commitment = session.get(Commitment, obj.commitment_id) if obj.commitment_id else None
            if commitment is None:
                raise ValidationFailed(f"Unknown commitment '{obj.commitment_id}' for commitment_id",
                                       field="commitment_id")
            _require_own_organisation(principal.organization_id, commitment)
            return
        super().authorize(session, obj, action)

    def check(self, session: DbSession, obj: ProgressUpdate) -> None:
        super().check(session, obj)
        if obj.date and obj.date > date.today():
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


class AssessmentService(RecordService[Assessment]):
    model = Assessment
    entity = "assessment"
    label = "Assessment"
    filters = {"commitment_id": lambda v: Assessment.commitment_id == v}
    date_column = "date"
    sortable = ("id", "date")
    default_sort = "-date"
    #: assessments are a series over time; two on one day (by two groups) are legitimate
    natural_key = None

    def after_write(self, session: DbSession, obj: Assessment, values: dict[str, Any], created: bool) -> None:
        """The latest assessment sets the commitment's completion, as in OGP's mid-term reviews."""
        commitment = session.get(Commitment, obj.commitment_id)
        if commitment is None:
            return
        newer = session.scalar(
            select(func.count()).where(
                Assessment.commitment_id == obj.commitment_id, Assessment.date > obj.date, Assessment.id != obj.id
            )
        )
        if not newer:
            commitment.completion = obj.rating


commitments = CommitmentService()
progress_updates = ProgressUpdateService()
working_groups = WorkingGroupService()
assessments = AssessmentService()
