"""Record services of joint funding calls: calls (with checked status transitions), funders, proposals,
reviewers, declared conflicts, reviews and consensus reports; and the domain's registration."""

from __future__ import annotations

from contextlib import suppress
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel
from sqlalchemy import Select, false, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from sticoop.calls import scoring
from sticoop.calls.eligibility import check_rule
from sticoop.calls.models import (
    ApplicantRole,
    Assignment,
    Call,
    CallFunder,
    CallStatus,
    ConflictOfInterest,
    Consensus,
    Decision,
    Proposal,
    ProposalPartner,
    ProposalStatus,
    Review,
    Reviewer,
    call_partnerships,
)
from sticoop.core import clock
from sticoop.core.choices import ChoiceSource, register_choice_source
from sticoop.core.crud import RecordService, load_many, touch
from sticoop.core.errors import Conflict, Forbidden, ValidationFailed
from sticoop.core.labels import N_, register_labels, register_navigation
from sticoop.core.principal import Principal, principal_of, require_editor
from sticoop.core.registry import register_kind, register_scope
from sticoop.partners.models import Organization, Person
from sticoop.partnerships.models import Partnership
from sticoop.reference.models import Field

#: the one allowed next status of each call status
NEXT_STATUS = {CallStatus.draft: CallStatus.open, CallStatus.open: CallStatus.closed,
               CallStatus.closed: CallStatus.under_evaluation, CallStatus.under_evaluation: CallStatus.decided}


def zoned(value: datetime | None, zone: str) -> datetime | None:
    """A date-time with its offset: a naive one is read in the call's time zone (IANA name)."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=ZoneInfo(zone))


def reviewer_ids_of(db: Session) -> list[int] | None:
    """The reviewer records of the signed-in user, or None when the session sees every proposal (operator,
    secretariat, admin)."""
    principal = _narrowed_for_reviewers(db)
    if principal is None:
        return None
    return list(db.scalars(select(Reviewer.id).where(Reviewer.username == principal.username)))


def _narrowed_for_reviewers(db: Session) -> Principal | None:
    """The principal when :func:`reviewer_ids_of` narrows to its reviewer records (everyone but the operator and
    editors), else None; decided from the principal alone: the ``narrows_here`` of the kinds ruled by
    :func:`_mine`, asked by the search box on every request, runs no statement."""
    principal = principal_of(db)
    return principal if principal is not None and not principal.is_editor else None


def _mine(db: Session, query: Select[Any], column: Any, via: Any = None, reviewer: Any = None) -> Select[Any]:
    """``query`` limited, for a signed-in reviewer, to rows whose ``column`` is one of its reviewer ids (or,
    with ``via``/``reviewer``, the ids ``via`` of rows whose ``reviewer`` is one of them)."""
    mine = reviewer_ids_of(db)
    if mine is None:
        return query
    if not mine:
        return query.where(false())
    if via is None or reviewer is None:
        return query.where(column.in_(mine))
    return query.where(column.in_(select(via).where(reviewer.in_(mine))))


def visible_proposals(db: Session, query: Select[Any]) -> Select[Any]:
    """``query`` on proposals limited to what the session's user may see: all for the operator and editors, the
    assigned ones not in conflict for a reviewer, none for other roles (``ProposalService.narrow_query``)."""
    return proposals.narrow_query(db, query)


class CallService(RecordService[Call]):
    model = Call
    entity = "call"
    label = "Call"
    filters = {"partnership_id": lambda v: Call.id.in_(select(call_partnerships.c.call_id).where(
                   call_partnerships.c.partnership_id == v)),
               "status": lambda v: Call.status == v}
    sortable = ("id", "title", "opens_at", "status", "updated_at")
    default_sort = "-id"
    natural_key = None
    relation_inputs = ("partnership_ids",)

    def authorize(self, db: Session, obj: Call, action: str) -> None:
        """Editors who may write in every partnership of the call (see :func:`require_every_partnership`)."""
        require_editor(db, "call records")
        require_every_partnership(db, obj)

    def apply_relations(self, db: Session, obj: Call, relations: dict[str, Any]) -> None:
        """The call's partnerships (each one the user may see, 422 naming ``partnership_ids`` otherwise); the
        first given becomes the lead (``partnership_id``) unless the set is unchanged."""
        given = relations.get("partnership_ids")
        if given is None:
            return
        ids = list(dict.fromkeys(int(i) for i in given))
        same = set(ids) == set(obj.partnership_ids) and obj.partnership_id in ids
        try:
            obj.partnerships = load_many(db, Partnership, ids, "partnership")
        except ValidationFailed as exc:
            raise ValidationFailed(f"partnership_ids: {exc.message}", field="partnership_ids") from None
        if not same:  # the same ones in another order (a form's) keep the lead
            obj.partnership_id = ids[0] if ids else None

    def _assign_values(self, db: Session, obj: Call, values: dict[str, Any]) -> None:
        """An omitted rules, criteria or tie-break list takes the default (none, Horizon Europe's, by
        Excellence then Impact) instead of clearing the column; a single ``partnership_id`` becomes the lead of
        ``partnership_ids``."""
        for name in ("rules", "criteria", "tie_break"):
            if name in values and values[name] is None:
                del values[name]
        if "partnership_id" in values:  # one partnership, as older scripts send it: the lead of the list
            single, given = values.pop("partnership_id"), values.get("partnership_ids")
            if single is not None:
                values["partnership_ids"] = [single, *(i for i in given or [] if i != single)]
            elif given is None:
                values["partnership_ids"] = []
        if values.get("overall_threshold") is not None:  # stored with 2 decimals: 10 is 10.00, no change
            values["overall_threshold"] = Decimal(values["overall_threshold"]).quantize(Decimal("0.01"))
        zone = values.get("timezone") or obj.timezone or "UTC"
        for name in ("opens_at", "closes_at"):  # wall times read in the call's zone now, so that a form posted
            if values.get(name) is not None:    # back unchanged compares equal (no new version, no audit entry)
                with suppress(ZoneInfoNotFoundError, ValueError):  # check() names the bad zone
                    values[name] = zoned(values[name], zone).astimezone(UTC)  # type: ignore[union-attr]
        super()._assign_values(db, obj, values)

    def check(self, db: Session, obj: Call) -> None:
        """A decided call is final: its rules, criteria and dates no longer change (409). Checked only when a
        save changes something (``RecordService.update``): posting its form back unchanged is no change."""
        history = sa_inspect(obj).attrs.status.history
        stored = (history.deleted or history.unchanged or [None])[0]
        if obj.id is not None and stored == CallStatus.decided and changing(obj):
            raise Conflict(f"Call {obj.id} is decided; it can no longer change (rule: decided calls are final)",
                           field="status")
        try:
            ZoneInfo(obj.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValidationFailed(f"'{obj.timezone}' is not an IANA time zone (e.g. Asia/Ho_Chi_Minh)",
                                   field="timezone") from None
        obj.opens_at, obj.closes_at = zoned(obj.opens_at, obj.timezone), zoned(obj.closes_at, obj.timezone)
        if obj.opens_at and obj.closes_at and obj.closes_at <= obj.opens_at:
            raise ValidationFailed("closes_at must come after opens_at", field="closes_at")
        obj.rules = [check_rule(rule, i) for i, rule in enumerate(obj.rules or [])]
        obj.criteria = scoring.check_criteria(obj.criteria or scoring.DEFAULT_CRITERIA)
        keys = [c["key"] for c in obj.criteria]
        if obj.tie_break is None:
            obj.tie_break = [k for k in scoring.DEFAULT_TIE_BREAK if k in keys]
        if obj.rules is None:
            obj.rules = []
        unknown = [k for k in obj.tie_break if k not in keys]
        if unknown:
            raise ValidationFailed(f"tie_break: unknown criterion {', '.join(unknown)}; one of {', '.join(keys)}",
                                   field="tie_break")
        if any(not isinstance(t, str) or not t.strip() or len(t) > 300 for t in obj.topics or []):
            raise ValidationFailed("topics: each topic is 1–300 characters", field="topics")


    def transition(self, db: Session, call_id: int, to_status: str, version: int, actor: str) -> Call:
        """Move the call to its next status; any other move is refused (422 naming the allowed one)."""
        call = self.get(db, call_id)
        self.authorize(db, call, "update")
        self.check_version(call, version)
        allowed = NEXT_STATUS.get(CallStatus(call.status))
        if to_status == CallStatus.decided:
            raise ValidationFailed("A call becomes decided only through its funding decision "
                                   "(POST /calls/{id}/decisions)", field="to_status")
        if to_status != allowed:
            raise ValidationFailed(f"A {call.status} call cannot move to {to_status}; next allowed: "
                                   f"{allowed or 'none'} (rule: draft → open → closed → under_evaluation → decided)",
                                   field="to_status")
        call.status = to_status
        touch(call, actor)
        self._flush(db)
        return call


def every_partnership_of(db: Session, call: Call) -> list[int]:
    """All the partnerships of a call, including those the reader may not see (the ORM relationship lists only
    the visible ones): a Core query of the link table, which the scoping leaves alone; a new call's are its own."""
    if call.id is None:
        return [p.id for p in call.partnerships]
    stored = set(db.scalars(select(call_partnerships.c.partnership_id).where(call_partnerships.c.call_id == call.id)))
    return sorted(stored | {p.id for p in call.partnerships})


def require_every_partnership(db: Session, call: Call) -> None:
    """Writing a call, or any record of it, needs access to every one of its partnerships (403 otherwise): a
    joint call's rules, funders and decisions bind all its partnerships, so an officer of one of them alone may
    read it but not change it. Admins and the operator (no principal) may always."""
    principal = principal_of(db)
    if principal is None or principal.sees_everything:
        return
    outside = sorted(set(every_partnership_of(db, call)) - set(principal.partnership_ids))
    if outside:
        raise Forbidden(f"Call {call.id or 'new'} also belongs to partnership(s) {', '.join(map(str, outside))} that "
                        "you do not work in (rule: changing a joint call needs access to each of its partnerships)")


def changing(obj: Any) -> bool:
    """Whether this save creates ``obj`` or changes it (``RecordService.update`` touches a record only when its
    values differ): a form posted back unchanged is no change, so a final record's form still saves."""
    return obj.id is None or sa_inspect(obj).attrs.updated_at.history.has_changes()


def _editable_call(db: Session, obj: Any, what: str) -> Call:
    """The call of ``obj``; 409 when it is decided and this save changes ``obj`` (rule: decided calls are final)."""
    call = calls.get(db, obj.call_id)
    require_every_partnership(db, call)
    if call.status == CallStatus.decided and changing(obj):
        raise Conflict(f"The call is decided; its {what} can no longer change (rule: decided calls are final)",
                       field="call_id")
    return call


class FunderService(RecordService[CallFunder]):
    model = CallFunder
    entity = "call_funder"
    label = "Call funder"
    filters = {"parent_id": lambda v: CallFunder.call_id == v}
    sortable = ("id", "budget")
    default_sort = "id"
    natural_key = None

    def check(self, db: Session, obj: CallFunder) -> None:
        _editable_call(db, obj, "funders")
        extra = obj.extra_rules or {}
        unknown = set(extra) - {"trl_min", "trl_max", "max_per_partner"}
        if unknown:
            raise ValidationFailed(f"extra_rules: unknown rule(s) {', '.join(sorted(unknown))}; allowed trl_min, "
                                   "trl_max, max_per_partner", field="extra_rules")
        for name in ("trl_min", "trl_max"):
            if name in extra and (not isinstance(extra[name], int) or not 1 <= extra[name] <= 9):
                raise ValidationFailed(f"extra_rules.{name} must be a TRL from 1 to 9", field="extra_rules")
        if "max_per_partner" in extra and (not isinstance(extra["max_per_partner"], int | float)
                                           or extra["max_per_partner"] < 0):
            raise ValidationFailed("extra_rules.max_per_partner must be an amount ≥ 0", field="extra_rules")


class ProposalService(RecordService[Proposal]):
    model = Proposal
    entity = "proposal"
    label = "Proposal"
    filters = {"parent_id": lambda v: Proposal.call_id == v, "status": lambda v: Proposal.status == v}
    sortable = ("id", "acronym", "title", "status", "updated_at")
    default_sort = "acronym"
    relation_inputs = ("partners", "field_keys")
    natural_key = None

    narrow_rule = ("reviewers see only their assigned proposals, none they are in conflict with; viewers and "
                   "members see none")

    def narrow_query(self, db: Session, query: Select[Any]) -> Select[Any]:
        """A reviewer lists (and exports) only the proposals assigned to it and not in conflict with it (declared or
        computed, ``calls.conflicts``: the rule its page applies); other roles but editors, none."""
        mine = reviewer_ids_of(db)
        if not mine:
            return _mine(db, query, Proposal.id)
        from sticoop.calls.conflicts import find_conflicts

        assigned = list(db.scalars(select(Proposal).where(Proposal.id.in_(
            select(Assignment.proposal_id).where(Assignment.reviewer_id.in_(mine))))))
        conflicted = {found.proposal_id for found in find_conflicts(
            db, assigned, list(db.scalars(select(Reviewer).where(Reviewer.id.in_(mine)))))}
        return query.where(Proposal.id.in_(sorted(p.id for p in assigned if p.id not in conflicted)))

    def narrows_here(self, db: Session) -> bool:
        """Narrowed for everyone but the operator and editors: exactly when :func:`reviewer_ids_of` is not None,
        decided from the principal alone (no statement: the search asks it on every request)."""
        return _narrowed_for_reviewers(db) is not None

    def get(self, db: Session, record_id: int) -> Proposal:
        """As :meth:`RecordService.get` (403 outside :meth:`narrow_query`), the 403 of a reviewer in conflict with
        the proposal naming the conflict's rule."""
        mine = reviewer_ids_of(db)
        found = db.get(Proposal, record_id) if mine else None
        if mine and found is not None:
            from sticoop.calls.conflicts import refuse_conflicted

            refuse_conflicted(db, found, mine)
        return super().get(db, record_id)

    def _assign_values(self, db: Session, obj: Proposal, values: dict[str, Any]) -> None:
        """``submitted_at`` read in the call's zone now (a form posted back unchanged compares equal); no report
        language given keeps the one stored (English for a new proposal)."""
        if "language" in values and values["language"] is None:
            del values["language"]
        call = db.get(Call, values.get("call_id") or obj.call_id) if (values.get("call_id") or obj.call_id) else None
        if call is not None and values.get("submitted_at") is not None:
            values["submitted_at"] = zoned(values["submitted_at"], call.timezone).astimezone(UTC)  # type: ignore[union-attr]
        super()._assign_values(db, obj, values)

    def update(self, db: Session, record_id: int, data: BaseModel, actor: str = "system") -> Proposal:
        """As :meth:`RecordService.update`; a change that only touches the consortium or fields (lists, compared
        after the flush) of a decided call's proposal is refused too (409, rule: decided calls are final)."""
        obj = self.get(db, record_id)
        final, version = calls.get(db, obj.call_id).status == CallStatus.decided, obj.version
        saved = super().update(db, record_id, data, actor)
        if final and saved.version != version:
            raise Conflict("The call is decided; its proposals can no longer change (rule: decided calls are "
                           "final)", field="call_id")
        return saved

    def apply_relations(self, db: Session, obj: Proposal, relations: dict[str, Any]) -> None:
        if relations.get("field_keys") is not None:
            obj.fields = load_many(db, Field, relations["field_keys"], "field")
        if relations.get("partners") is not None:
            partners = relations["partners"]
            load_many(db, Organization, [p["organization_id"] for p in partners], "organization")
            load_many(db, Person, [p["person_id"] for p in partners if p.get("person_id")], "person")
            paid_in = {fid: cur for fid, cur in db.execute(select(CallFunder.id, CallFunder.currency).where(
                CallFunder.call_id == obj.call_id)).all()} if obj.call_id else {}
            # every column set now (a row without a currency is in its funder's), so that a form posted back
            # unchanged compares equal to the stored rows
            obj.partners = [ProposalPartner(**{
                "role": ApplicantRole.partner, **p, "person_id": p.get("person_id"), "funder_id": p.get("funder_id"),
                "currency": p.get("currency") or paid_in.get(p.get("funder_id"))}) for p in partners]

    def check(self, db: Session, obj: Proposal) -> None:
        call = _editable_call(db, obj, "proposals")
        if obj.topic and call.topics and obj.topic not in call.topics:
            raise ValidationFailed(f"topic '{obj.topic}' is not a topic of the call; one of: "
                                   f"{'; '.join(call.topics)}", field="topic")
        obj.submitted_at = zoned(obj.submitted_at, call.timezone)
        if obj.status == ProposalStatus.submitted and obj.submitted_at is None:
            obj.submitted_at = clock.now()
        funders = {f.id: f for f in db.scalars(select(CallFunder).where(CallFunder.call_id == call.id))}
        for i, partner in enumerate(obj.partners):
            where = f"partners[{i}]"
            if partner.funder_id is None:
                continue
            funder = funders.get(partner.funder_id)
            if funder is None:
                raise ValidationFailed(f"{where}.funder_id: {partner.funder_id} is not a funder of this call",
                                       field="partners")
            if partner.currency is None:
                partner.currency = funder.currency
            if partner.currency != funder.currency:
                raise ValidationFailed(f"{where}.currency: the budget is in {partner.currency} but its funder "
                                       f"pays in {funder.currency} (rule: budgets in the funder's currency)",
                                       field="partners")


class ReviewerService(RecordService[Reviewer]):
    model = Reviewer
    entity = "reviewer"
    label = "Reviewer"
    filters = {"parent_id": lambda v: Reviewer.call_id == v}
    sortable = ("id", "updated_at")
    default_sort = "id"
    natural_key = None

    def _assign_values(self, db: Session, obj: Reviewer, values: dict[str, Any]) -> None:
        """Expertise is a set of field keys: the same keys in another order (a form lists them its own way) are no
        change."""
        given = values.get("expertise")
        if given is not None and set(given) == set(obj.expertise or []) and len(given) == len(obj.expertise or []):
            values["expertise"] = list(obj.expertise or [])
        super()._assign_values(db, obj, values)

    def check(self, db: Session, obj: Reviewer) -> None:
        require_every_partnership(db, calls.get(db, obj.call_id))
        if obj.expertise:
            load_many(db, Field, obj.expertise, "field")


class ConflictService(RecordService[ConflictOfInterest]):
    model = ConflictOfInterest
    entity = "conflict_of_interest"
    label = "Conflict of interest"
    filters = {"parent_id": lambda v: ConflictOfInterest.proposal_id == v}
    sortable = ("id",)
    default_sort = "id"
    natural_key = None

    narrow_rule = "reviewers see only their own conflicts"

    def narrows_here(self, db: Session) -> bool:
        """As :func:`_narrowed_for_reviewers` (no statement)."""
        return _narrowed_for_reviewers(db) is not None

    def narrow_query(self, db: Session, query: Select[Any]) -> Select[Any]:
        """Editors read every conflict; a reviewer its own, of the proposals it may open (none it is in conflict
        with: a conflict names a proposal and why, and is read like it); viewers and members none."""
        return _mine(db, query, ConflictOfInterest.reviewer_id)

    def authorize(self, db: Session, obj: ConflictOfInterest, action: str) -> None:
        """Editors, and a reviewer declaring its own conflict."""
        _own_or_editor(db, obj.reviewer_id, "conflicts of interest")

    def check(self, db: Session, obj: ConflictOfInterest) -> None:
        _same_call(db, obj.reviewer_id, obj.proposal_id)


def _own_or_editor(db: Session, reviewer_id: int, what: str) -> None:
    mine = reviewer_ids_of(db)
    if mine is not None and reviewer_id not in mine:
        require_editor(db, what)


def _same_call(db: Session, reviewer_id: int, proposal_id: int) -> tuple[Reviewer, Proposal]:
    reviewer = reviewers.get(db, reviewer_id)
    proposal = db.get(Proposal, proposal_id)
    if proposal is None:
        raise ValidationFailed(f"Unknown proposal '{proposal_id}' for proposal_id", field="proposal_id")
    if reviewer.call_id != proposal.call_id:
        raise ValidationFailed(f"Reviewer {reviewer_id} reviews call {reviewer.call_id}, not the proposal's call "
                               f"{proposal.call_id}", field="reviewer_id")
    return reviewer, proposal


class ReviewService(RecordService[Review]):
    model = Review
    entity = "review"
    label = "Review"
    filters = {"parent_id": lambda v: Review.proposal_id == v}
    sortable = ("id", "updated_at")
    default_sort = "id"
    natural_key = None

    def authorize(self, db: Session, obj: Review, action: str) -> None:
        """Editors, and the reviewer itself (a reviewer signs in with its account's username)."""
        _own_or_editor(db, obj.reviewer_id, "reviews")

    narrow_rule = "reviewers see only their own reviews"

    def narrows_here(self, db: Session) -> bool:
        """As :func:`_narrowed_for_reviewers` (no statement)."""
        return _narrowed_for_reviewers(db) is not None

    def narrow_query(self, db: Session, query: Select[Any]) -> Select[Any]:
        """A reviewer lists (and exports) only its own reviews (of the proposals it may open: ``core.hanging``)."""
        return _mine(db, query, Review.reviewer_id)

    def check(self, db: Session, obj: Review) -> None:
        from sticoop.calls.conflicts import refuse_conflicted

        reviewer, proposal = _same_call(db, obj.reviewer_id, obj.proposal_id)
        call = calls.get(db, proposal.call_id)
        refuse_conflicted(db, proposal, [reviewer.id])
        assigned = db.scalar(select(Assignment.id).where(Assignment.proposal_id == proposal.id,
                                                              Assignment.reviewer_id == reviewer.id))
        if assigned is None:
            raise Forbidden(f"Reviewer {reviewer.id} is not assigned to proposal {proposal.id} (rule: only "
                            "assigned reviewers review)")
        if call.status not in (CallStatus.closed, CallStatus.under_evaluation):
            raise Conflict(f"The call is {call.status}; reviews are written while it is closed or under evaluation",
                           field="proposal_id")
        obj.scores = scoring.check_scores(call.criteria, obj.scores or {})


class ConsensusService(RecordService[Consensus]):
    model = Consensus
    entity = "consensus"
    label = "Consensus"
    filters = {"parent_id": lambda v: Consensus.proposal_id == v}
    sortable = ("id",)
    default_sort = "id"
    natural_key = None

    def check(self, db: Session, obj: Consensus) -> None:
        reviewer, proposal = _same_call(db, obj.rapporteur_id, obj.proposal_id)
        call = calls.get(db, proposal.call_id)
        if call.status not in (CallStatus.closed, CallStatus.under_evaluation):
            raise Conflict(f"The call is {call.status}; consensus is reached while it is closed or under "
                           "evaluation", field="proposal_id")
        assigned = db.scalar(select(Assignment.id).where(Assignment.proposal_id == proposal.id,
                                                              Assignment.reviewer_id == reviewer.id))
        if assigned is None:
            raise ValidationFailed(f"The rapporteur (reviewer {reviewer.id}) must be one of the proposal's "
                                   "assigned reviewers", field="rapporteur_id")
        obj.scores = scoring.check_scores(call.criteria, obj.scores or {})
        individual = list(db.scalars(select(Review.scores).where(Review.proposal_id == proposal.id)))
        outside = scoring.justification_needed(obj.scores, individual)
        if outside and not (obj.justification or "").strip():
            raise ValidationFailed(f"justification is required: the consensus score of {', '.join(outside)} lies "
                                   "outside the range of the individual reviews (rule: justify scores outside the "
                                   "reviews' range)", field="justification")


class AssignmentService(RecordService[Assignment]):
    model = Assignment
    entity = "review_assignment"
    label = "Assignment"
    filters = {"parent_id": lambda v: Assignment.call_id == v}
    sortable = ("id", "proposal_id", "reviewer_id")
    default_sort = "id"
    natural_key = None


class DecisionService(RecordService[Decision]):
    model = Decision
    entity = "funding_decision"
    label = "Funding decision"
    filters = {"parent_id": lambda v: Decision.call_id == v, "status": lambda v: Decision.outcome == v}
    sortable = ("id", "rank")
    default_sort = "id"
    natural_key = None


calls = CallService()
funders = FunderService()
proposals = ProposalService()
reviewers = ReviewerService()
conflicts = ConflictService()
reviews = ReviewService()
consensus = ConsensusService()
assignments = AssignmentService()
decisions = DecisionService()

def _register_choices() -> None:
    """The select boxes of the calls' forms: calls, their funders, reviewers and proposals (each limited to the
    form's partnership when it has one, through the call's indexed partnership column)."""
    register_choice_source(ChoiceSource(
        "calls", lambda: select(Call.id, Call.title).order_by(Call.id.desc()), Call.id,
        lambda row, fmt: str(row.title), form_key="call_id",
        partnership_of=lambda key: select(Call.partnership_id).where(Call.id == key),
        partnership_column=Call.partnership_id))
    register_choice_source(ChoiceSource(
        "call_funders", lambda: (select(CallFunder.id, Organization.name, CallFunder.currency, Call.title)
                                 .join(Organization, Organization.id == CallFunder.organization_id)
                                 .join(Call, Call.id == CallFunder.call_id).order_by(Call.id.desc(), CallFunder.id)),
        CallFunder.id, lambda row, fmt: f"{row.name} ({row.currency}) — {row.title}",
        partnership_column=Call.partnership_id))
    register_choice_source(ChoiceSource(
        "call_reviewers", lambda: (select(Reviewer.id, Person.name, Call.title)
                                   .join(Person, Person.id == Reviewer.person_id)
                                   .join(Call, Call.id == Reviewer.call_id).order_by(Call.id.desc(), Person.name)),
        Reviewer.id, lambda row, fmt: f"{row.name} — {row.title}", form_key="reviewer_id",
        partnership_of=lambda key: select(Call.partnership_id).join(Reviewer, Reviewer.call_id == Call.id)
        .where(Reviewer.id == key),
        partnership_column=Call.partnership_id))
    register_choice_source(ChoiceSource(
        "proposals", lambda: (select(Proposal.id, Proposal.acronym, Call.title).join(Call, Call.id == Proposal.call_id)
                              .order_by(Call.id.desc(), Proposal.acronym)),
        Proposal.id, lambda row, fmt: f"{row.acronym} — {row.title}", form_key="proposal_id",
        partnership_of=lambda key: select(Call.partnership_id).join(Proposal, Proposal.call_id == Call.id)
        .where(Proposal.id == key),
        partnership_column=Call.partnership_id))


def register() -> None:
    """Declare this domain's record kinds (called once by :func:`sticoop.composition.bootstrap`)."""
    register_labels("call_status", {
        "draft": N_("Draft"), "open": N_("Open"), "closed": N_("Closed"), "under_evaluation": N_("Under evaluation"),
        "decided": N_("Decided"),
    })
    register_labels("proposal_status", {
        "draft": N_("Draft"), "submitted": N_("Submitted"), "withdrawn": N_("Withdrawn"), "funded": N_("Funded"),
        "reserve": N_("Reserve list"), "not_funded": N_("Not funded"),
    })
    register_labels("report_language", {"en": N_("English"), "fr": N_("French"), "vi": N_("Vietnamese")})
    register_labels("decision_outcome", {
        "funded": N_("Funded"), "reserve": N_("Reserve list"), "below_threshold": N_("Below threshold"),
        "ineligible": N_("Ineligible"), "not_evaluated": N_("Not evaluated"),
    })
    register_labels("eligibility_rule", {
        "min_partners": N_("Minimum number of partners"), "distinct_countries": N_("Distinct countries"),
        "region_quota": N_("Regional quota"), "coordinator_funded": N_("Coordinator eligible for funding"),
        "funded_partner_per_region": N_("A funded partner in each region"), "trl_range": N_("TRL range"),
        "max_budget_per_partner": N_("Maximum budget per partner"), "max_total_budget": N_("Maximum total budget"),
        "deadline": N_("Deadline"), "admissibility": N_("Admissibility"), "funder_rules": N_("Funders' own rules"),
    })
    register_labels("kind", {
        "call": N_("Funding call"), "call_funder": N_("Call funder"), "proposal": N_("Proposal"),
        "reviewer": N_("Reviewer"), "conflict_of_interest": N_("Conflict of interest"), "review": N_("Review"),
        "consensus": N_("Consensus report"), "review_assignment": N_("Review assignment"),
        "funding_decision": N_("Funding decision"),
    })
    register_labels("applicant_role", {"coordinator": N_("Coordinator"), "partner": N_("Partner")})
    register_navigation("/calls", N_("Funding calls"), order=90)
    _register_choices()
    register_scope(Call, links=call_partnerships, links_key="call_id")
    for of_call in (CallFunder, Proposal, Reviewer, Assignment, Decision):
        register_scope(of_call, through="call_id", parent=Call)
    for of_proposal in (ConflictOfInterest, Review, Consensus):
        register_scope(of_proposal, through="proposal_id", parent=Proposal)
    register_kind("call", calls, page_prefix="/calls")
    register_kind("call_funder", funders, page_prefix=None)
    register_kind("proposal", proposals, page_prefix="/proposals")
    register_kind("reviewer", reviewers, page_prefix=None)
    register_kind("conflict_of_interest", conflicts, page_prefix=None)
    register_kind("review", reviews, page_prefix=None)
    register_kind("consensus", consensus, page_prefix=None)
    register_kind("review_assignment", assignments, page_prefix=None)
    register_kind("funding_decision", decisions, page_prefix=None)
    from sticoop.calls import feed  # the feed reads the models only; imported here to keep service import-light

    feed.register()
