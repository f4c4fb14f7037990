"""Request and response bodies of joint funding calls; each field described once in ``ABOUT``."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from sticoop.calls.models import ApplicantRole, CallStatus, Outcome, ProposalStatus
from sticoop.core.schemas import (
    CodeSet,
    CountryCode,
    CurrencyCode,
    Input,
    LanguageCode,
    LongName,
    Patch,
    RecordIn,
    RecordOut,
    Text,
)

Money = Field(ge=0, max_digits=18, decimal_places=2)

#: the languages an evaluation summary report is written in (the app's locales)
#: the language of a proposal's reports (ISO 639-1; sticoop writes them in en, fr or vi, English for any other)
ReportLanguage = LanguageCode

ABOUT = {
    "title": "Title (1–500 characters)",
    "Call:description": "The call text: scope, conditions (free text, at most 100,000 characters)",
    "programme_id": "The programme the call belongs to (id, GET /api/v1/programmes/{id})",
    "partnership_id": "The call's lead partnership (id): the first of partnership_ids; a project made from a funded "
                      "proposal belongs to it. None: a call bound to no partnership",
    "partnership_id:in": "One partnership (id), the form older scripts send: made the lead, first of "
                         "partnership_ids (null in a change: bound to no partnership)",
    "partnership_ids": "The partnerships the call belongs to (ids, lead first, at most 20): whoever may see one of "
                       "them sees the call and its records; changing them needs access to each. Empty: a call "
                       "bound to no partnership, seen by every signed-in user",
    "topics": "Topics applicants choose from (each 1–300 characters, at most 50)",
    "opens_at": "When submission opens (ISO 8601 date-time; without an offset it is read in `timezone`)",
    "closes_at": "Submission deadline (ISO 8601 date-time; without an offset it is read in `timezone`), after "
                 "opens_at",
    "timezone": "IANA time zone of the call's dates, e.g. Asia/Ho_Chi_Minh, Europe/Brussels (default UTC)",
    "Call:currency": "ISO 4217 currency the call's totals are stated in, e.g. EUR",
    "Call:status": "draft → open → closed → under_evaluation → decided; changed only through "
                   "POST /calls/{id}/transitions",
    "rules": "Eligibility rules as data: [{kind, params}], kinds min_partners {min}, distinct_countries {min}, "
             "region_quota {options: [{REGION: n}], regions?}, coordinator_funded, funded_partner_per_region "
             "{regions?}, trl_range {min, max}, max_budget_per_partner {amount, currency}, max_total_budget "
             "{amount, currency}, deadline, admissibility {max_pages}, funder_rules; default the JFS 2+1 rules. "
             "Versioned with the call",
    "criteria": "Evaluation criteria [{key, name, threshold 0–5 in half points (default 3), weight > 0 for the "
                "ranking only (default 1)}]; default Horizon Europe: excellence, impact, implementation",
    "overall_threshold": "Minimum total of the criteria scores (unweighted) to be ranked (0–1000, default 10)",
    "reviewers_per_proposal": "Reviewers the assignment gives each proposal (1–20, default 3)",
    "tie_break": "Criterion keys breaking ties of the weighted total, higher first (default excellence, impact)",
    "page_limit": "Maximum pages of the proposal PDF (1–1000; none: no limit)",
    "call_id": "The call (id, GET /api/v1/calls/{id})",
    "organization_id": "The organisation (id, GET /api/v1/organizations/{id})",
    "country_code": "ISO 3166-1 alpha-3 country code, e.g. VNM (alpha-2 and any case accepted)",
    "Funder:budget": "What the funder puts into the call, in `currency` units (≥ 0, 2 decimals)",
    "Funder:currency": "ISO 4217 currency of the funder's budget; its applicants' budgets must be in it",
    "funds_own_nationals_only": "True: it funds applicants of its own country only (no money crossing borders)",
    "extra_rules": "The funder's own rules: {trl_min 1–9, trl_max 1–9, max_per_partner amount in its currency}",
    "acronym": "Short name of the proposal, unique within the call (1–40 characters)",
    "topic": "One of the call's topics",
    "abstract": "Summary of the proposal (at most 100,000 characters)",
    "trl": "Technology readiness level aimed at (1–9, EU/Horizon Europe scale)",
    "field_keys": "Fields of science (taxonomy keys, GET /api/v1/fields), matched with reviewers' expertise",
    "Proposal:status": "draft, submitted, withdrawn; funded, reserve, not_funded are set by the decision",
    "submitted_at": "When it was submitted (ISO 8601 date-time with offset); set on submission if not given",
    "document_id": "The proposal PDF (document id, POST /api/v1/documents); its pages are counted",
    "Proposal:language": "The language the applicants chose for their evaluation summary report: en, fr or vi "
                         "(default en); GET /proposals/{id}/summary.pdf uses it unless ?lang= says otherwise",
    "partners": "The consortium, at most 100 members; a PATCH replaces the whole list",
    "role": "coordinator (exactly one) or partner",
    "funder_id": "The call funder this applicant asks for money (call funder id), or none (self-funded)",
    "Partner:budget": "The budget requested from its funder, in the funder's currency (≥ 0, 2 decimals)",
    "Partner:currency": "ISO 4217 currency of the budget; must be its funder's",
    "person_id": "The person (id, GET /api/v1/people/{id})",
    "username": "The account this reviewer signs in with; it then sees only its assigned proposals",
    "expertise": "Fields of expertise (taxonomy keys, GET /api/v1/fields), at most 30",
    "max_load": "Most proposals this reviewer takes (0–1000; none: no maximum)",
    "reviewer_id": "The reviewer (id, GET /api/v1/reviewers/{id})",
    "proposal_id": "The proposal (id, GET /api/v1/proposals/{id})",
    "reason": "Why there is a conflict of interest (1–500 characters)",
    "scores": "Score per criterion key: 0 to 5 in half points (0, 0.5 … 5), every criterion of the call",
    "comments": "The reviewer's comments (at most 100,000 characters)",
    "rapporteur_id": "The reviewer who wrote the consensus (reviewer id)",
    "justification": "Why the consensus differs; required when a score lies outside the reviews' range",
    "expertise_score": "Overlap of the reviewer's expertise with the proposal's fields and topic (count)",
}


class CallIn(RecordIn):
    """A new joint funding call (created as draft)."""

    title: LongName = Field(description=ABOUT["title"])
    description: Text | None = Field(None, description=ABOUT["Call:description"])
    programme_id: int | None = Field(None, description=ABOUT["programme_id"])
    partnership_ids: list[int] = Field(default_factory=list, max_length=20, description=ABOUT["partnership_ids"])
    partnership_id: int | None = Field(None, description=ABOUT["partnership_id:in"])
    topics: list[str] = Field(default_factory=list, max_length=50, description=ABOUT["topics"])
    opens_at: datetime | None = Field(None, description=ABOUT["opens_at"])
    closes_at: datetime | None = Field(None, description=ABOUT["closes_at"])
    timezone: str = Field("UTC", max_length=64, description=ABOUT["timezone"])
    currency: CurrencyCode = Field(description=ABOUT["Call:currency"])
    rules: list[dict[str, Any]] | None = Field(None, max_length=50, description=ABOUT["rules"])
    criteria: list[dict[str, Any]] | None = Field(None, max_length=20, description=ABOUT["criteria"])
    overall_threshold: Decimal = Field(Decimal(10), ge=0, le=1000, description=ABOUT["overall_threshold"])
    reviewers_per_proposal: int = Field(3, ge=1, le=20, description=ABOUT["reviewers_per_proposal"])
    tie_break: list[str] | None = Field(None, max_length=20, description=ABOUT["tie_break"])
    page_limit: int | None = Field(None, ge=1, le=1000, description=ABOUT["page_limit"])


class CallPatch(Patch):
    """Changes to a call (not its status): send only what changes, with the version you read."""

    title: LongName | None = Field(None, description=ABOUT["title"])
    description: Text | None = Field(None, description=ABOUT["Call:description"])
    programme_id: int | None = Field(None, description=ABOUT["programme_id"])
    partnership_ids: list[int] | None = Field(None, max_length=20, description=ABOUT["partnership_ids"])
    partnership_id: int | None = Field(None, description=ABOUT["partnership_id:in"])
    topics: list[str] | None = Field(None, max_length=50, description=ABOUT["topics"])
    opens_at: datetime | None = Field(None, description=ABOUT["opens_at"])
    closes_at: datetime | None = Field(None, description=ABOUT["closes_at"])
    timezone: str | None = Field(None, max_length=64, description=ABOUT["timezone"])
    currency: CurrencyCode | None = Field(None, description=ABOUT["Call:currency"])
    rules: list[dict[str, Any]] | None = Field(None, max_length=50, description=ABOUT["rules"])
    criteria: list[dict[str, Any]] | None = Field(None, max_length=20, description=ABOUT["criteria"])
    overall_threshold: Decimal | None = Field(None, ge=0, le=1000, description=ABOUT["overall_threshold"])
    reviewers_per_proposal: int | None = Field(None, ge=1, le=20, description=ABOUT["reviewers_per_proposal"])
    tie_break: list[str] | None = Field(None, max_length=20, description=ABOUT["tie_break"])
    page_limit: int | None = Field(None, ge=1, le=1000, description=ABOUT["page_limit"])


class CallOut(RecordOut):
    """A joint funding call with its rules and evaluation settings."""

    title: str = Field(description=ABOUT["title"])
    description: str | None = Field(description=ABOUT["Call:description"])
    programme_id: int | None = Field(description=ABOUT["programme_id"])
    partnership_id: int | None = Field(description=ABOUT["partnership_id"])
    partnership_ids: list[int] = Field(description=ABOUT["partnership_ids"])
    topics: list[str] = Field(description=ABOUT["topics"])
    opens_at: datetime | None = Field(description=ABOUT["opens_at"])
    closes_at: datetime | None = Field(description=ABOUT["closes_at"])
    timezone: str = Field(description=ABOUT["timezone"])
    currency: str = Field(description=ABOUT["Call:currency"])
    status: CallStatus = Field(description=ABOUT["Call:status"])
    rules: list[dict[str, Any]] = Field(description=ABOUT["rules"])
    criteria: list[dict[str, Any]] = Field(description=ABOUT["criteria"])
    overall_threshold: Decimal = Field(description=ABOUT["overall_threshold"])
    reviewers_per_proposal: int = Field(description=ABOUT["reviewers_per_proposal"])
    tie_break: list[str] = Field(description=ABOUT["tie_break"])
    page_limit: int | None = Field(description=ABOUT["page_limit"])


class CallTransitionIn(Input):
    """Move a call to its next status."""

    to_status: CallStatus = Field(description="The status to move to: the next one in draft → open → closed → "
                                              "under_evaluation → decided")
    version: int = Field(ge=1, description="The call's version (≥ 1) you read; a stale one gets 409")


class FunderIn(RecordIn):
    """A funder joining a call."""

    call_id: int = Field(description=ABOUT["call_id"])
    organization_id: int = Field(description=ABOUT["organization_id"])
    country_code: CountryCode = Field(description=ABOUT["country_code"])
    budget: Decimal = Field(ge=0, max_digits=18, decimal_places=2, description=ABOUT["Funder:budget"])
    currency: CurrencyCode = Field(description=ABOUT["Funder:currency"])
    funds_own_nationals_only: bool = Field(True, description=ABOUT["funds_own_nationals_only"])
    extra_rules: dict[str, Any] = Field(default_factory=dict, description=ABOUT["extra_rules"])


class CallFunderIn(RecordIn):
    """A funder joining the call named in the path (POST /calls/{id}/funders)."""

    organization_id: int = Field(description=ABOUT["organization_id"])
    country_code: CountryCode = Field(description=ABOUT["country_code"])
    budget: Decimal = Field(ge=0, max_digits=18, decimal_places=2, description=ABOUT["Funder:budget"])
    currency: CurrencyCode = Field(description=ABOUT["Funder:currency"])
    funds_own_nationals_only: bool = Field(True, description=ABOUT["funds_own_nationals_only"])
    extra_rules: dict[str, Any] = Field(default_factory=dict, description=ABOUT["extra_rules"])


class FunderPatch(Patch):
    """Changes to a call funder."""

    budget: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=2, description=ABOUT["Funder:budget"])
    currency: CurrencyCode | None = Field(None, description=ABOUT["Funder:currency"])
    funds_own_nationals_only: bool | None = Field(None, description=ABOUT["funds_own_nationals_only"])
    extra_rules: dict[str, Any] | None = Field(None, description=ABOUT["extra_rules"])


class FunderOut(RecordOut):
    """A funder of a call and its budget."""

    call_id: int = Field(description=ABOUT["call_id"])
    organization_id: int = Field(description=ABOUT["organization_id"])
    country_code: str = Field(description=ABOUT["country_code"])
    budget: Decimal = Field(description=ABOUT["Funder:budget"])
    currency: str = Field(description=ABOUT["Funder:currency"])
    funds_own_nationals_only: bool = Field(description=ABOUT["funds_own_nationals_only"])
    extra_rules: dict[str, Any] = Field(description=ABOUT["extra_rules"])


class PartnerIn(Input):
    """A consortium member."""

    organization_id: int = Field(description=ABOUT["organization_id"])
    country_code: CountryCode = Field(description=ABOUT["country_code"])
    role: ApplicantRole = Field(ApplicantRole.partner, description=ABOUT["role"])
    funder_id: int | None = Field(None, description=ABOUT["funder_id"])
    budget: Decimal = Field(Decimal(0), ge=0, max_digits=18, decimal_places=2, description=ABOUT["Partner:budget"])
    currency: CurrencyCode | None = Field(None, description=ABOUT["Partner:currency"])
    person_id: int | None = Field(None, description=ABOUT["person_id"])


class PartnerOut(BaseModel):
    """A consortium member."""

    model_config = ConfigDict(from_attributes=True)
    organization_id: int = Field(description=ABOUT["organization_id"])
    country_code: str = Field(description=ABOUT["country_code"])
    role: str = Field(description=ABOUT["role"])
    funder_id: int | None = Field(description=ABOUT["funder_id"])
    budget: Decimal = Field(description=ABOUT["Partner:budget"])
    currency: str | None = Field(description=ABOUT["Partner:currency"])
    person_id: int | None = Field(description=ABOUT["person_id"])


class ProposalIn(RecordIn):
    """A new proposal to a call."""

    call_id: int = Field(description=ABOUT["call_id"])
    acronym: str = Field(min_length=1, max_length=40, description=ABOUT["acronym"])
    title: LongName = Field(description=ABOUT["title"])
    topic: str | None = Field(None, max_length=300, description=ABOUT["topic"])
    abstract: Text | None = Field(None, description=ABOUT["abstract"])
    trl: int | None = Field(None, ge=1, le=9, description=ABOUT["trl"])
    field_keys: list[str] = Field(default_factory=list, max_length=30, description=ABOUT["field_keys"])
    status: ProposalStatus = Field(ProposalStatus.draft, description=ABOUT["Proposal:status"])
    submitted_at: datetime | None = Field(None, description=ABOUT["submitted_at"])
    document_id: int | None = Field(None, description=ABOUT["document_id"])
    language: ReportLanguage = Field("en", description=ABOUT["Proposal:language"])
    partners: list[PartnerIn] = Field(default_factory=list, max_length=100, description=ABOUT["partners"])


class ProposalPatch(Patch):
    """Changes to a proposal: send only what changes, with the version you read."""

    acronym: str | None = Field(None, min_length=1, max_length=40, description=ABOUT["acronym"])
    title: LongName | None = Field(None, description=ABOUT["title"])
    topic: str | None = Field(None, max_length=300, description=ABOUT["topic"])
    abstract: Text | None = Field(None, description=ABOUT["abstract"])
    trl: int | None = Field(None, ge=1, le=9, description=ABOUT["trl"])
    field_keys: list[str] | None = Field(None, max_length=30, description=ABOUT["field_keys"])
    status: ProposalStatus | None = Field(None, description=ABOUT["Proposal:status"])
    submitted_at: datetime | None = Field(None, description=ABOUT["submitted_at"])
    document_id: int | None = Field(None, description=ABOUT["document_id"])
    language: ReportLanguage | None = Field(None, description=ABOUT["Proposal:language"])
    partners: list[PartnerIn] | None = Field(None, max_length=100, description=ABOUT["partners"])


class ProposalOut(RecordOut):
    """A proposal with its consortium."""

    call_id: int = Field(description=ABOUT["call_id"])
    acronym: str = Field(description=ABOUT["acronym"])
    title: str = Field(description=ABOUT["title"])
    topic: str | None = Field(description=ABOUT["topic"])
    abstract: str | None = Field(description=ABOUT["abstract"])
    trl: int | None = Field(description=ABOUT["trl"])
    field_keys: list[str] = Field(description=ABOUT["field_keys"])
    status: str = Field(description=ABOUT["Proposal:status"])
    submitted_at: datetime | None = Field(description=ABOUT["submitted_at"])
    document_id: int | None = Field(description=ABOUT["document_id"])
    language: str = Field(description=ABOUT["Proposal:language"])
    partners: list[PartnerOut] = Field(description=ABOUT["partners"])


class ReviewerIn(RecordIn):
    """A person joining a call's pool of reviewers."""

    call_id: int = Field(description=ABOUT["call_id"])
    person_id: int = Field(description=ABOUT["person_id"])
    username: str | None = Field(None, max_length=80, description=ABOUT["username"])
    expertise: CodeSet = Field(default_factory=list, max_length=30, description=ABOUT["expertise"])
    max_load: int | None = Field(None, ge=0, le=1000, description=ABOUT["max_load"])


class ReviewerPatch(Patch):
    """Changes to a reviewer."""

    username: str | None = Field(None, max_length=80, description=ABOUT["username"])
    expertise: CodeSet | None = Field(None, max_length=30, description=ABOUT["expertise"])
    max_load: int | None = Field(None, ge=0, le=1000, description=ABOUT["max_load"])


class ReviewerOut(RecordOut):
    """A reviewer of a call."""

    call_id: int = Field(description=ABOUT["call_id"])
    person_id: int = Field(description=ABOUT["person_id"])
    username: str | None = Field(description=ABOUT["username"])
    expertise: list[str] = Field(description=ABOUT["expertise"])
    max_load: int | None = Field(description=ABOUT["max_load"])


class ConflictIn(RecordIn):
    """A declared conflict of interest."""

    reviewer_id: int = Field(description=ABOUT["reviewer_id"])
    proposal_id: int = Field(description=ABOUT["proposal_id"])
    reason: str = Field(min_length=1, max_length=500, description=ABOUT["reason"])


class ConflictPatch(Patch):
    """Changes to a declared conflict of interest."""

    reason: str | None = Field(None, min_length=1, max_length=500, description=ABOUT["reason"])


class ConflictOut(RecordOut):
    """A declared conflict of interest."""

    reviewer_id: int = Field(description=ABOUT["reviewer_id"])
    proposal_id: int = Field(description=ABOUT["proposal_id"])
    reason: str = Field(description=ABOUT["reason"])


class ReviewIn(RecordIn):
    """A reviewer's scores for an assigned proposal."""

    proposal_id: int = Field(description=ABOUT["proposal_id"])
    reviewer_id: int = Field(description=ABOUT["reviewer_id"])
    scores: dict[str, Any] = Field(description=ABOUT["scores"])
    comments: Text | None = Field(None, description=ABOUT["comments"])


class ReviewPatch(Patch):
    """Changes to a review."""

    scores: dict[str, Any] | None = Field(None, description=ABOUT["scores"])
    comments: Text | None = Field(None, description=ABOUT["comments"])


class ReviewOut(RecordOut):
    """A reviewer's scores."""

    proposal_id: int = Field(description=ABOUT["proposal_id"])
    reviewer_id: int = Field(description=ABOUT["reviewer_id"])
    scores: dict[str, float] = Field(description=ABOUT["scores"])
    comments: str | None = Field(description=ABOUT["comments"])


class ConsensusIn(RecordIn):
    """The consensus report of a proposal."""

    proposal_id: int = Field(description=ABOUT["proposal_id"])
    rapporteur_id: int = Field(description=ABOUT["rapporteur_id"])
    scores: dict[str, Any] = Field(description=ABOUT["scores"])
    justification: Text | None = Field(None, description=ABOUT["justification"])


class ProposalConsensusIn(RecordIn):
    """The consensus report of the proposal named in the path (POST /proposals/{id}/consensus)."""

    rapporteur_id: int = Field(description=ABOUT["rapporteur_id"])
    scores: dict[str, Any] = Field(description=ABOUT["scores"])
    justification: Text | None = Field(None, description=ABOUT["justification"])


class ConsensusPatch(Patch):
    """Changes to a consensus report."""

    rapporteur_id: int | None = Field(None, description=ABOUT["rapporteur_id"])
    scores: dict[str, Any] | None = Field(None, description=ABOUT["scores"])
    justification: Text | None = Field(None, description=ABOUT["justification"])


class ConsensusOut(RecordOut):
    """The consensus report of a proposal."""

    proposal_id: int = Field(description=ABOUT["proposal_id"])
    rapporteur_id: int = Field(description=ABOUT["rapporteur_id"])
    scores: dict[str, float] = Field(description=ABOUT["scores"])
    justification: str | None = Field(description=ABOUT["justification"])


class AssignmentOut(RecordOut):
    """A reviewer assigned to a proposal."""

    call_id: int = Field(description=ABOUT["call_id"])
    proposal_id: int = Field(description=ABOUT["proposal_id"])
    reviewer_id: int = Field(description=ABOUT["reviewer_id"])
    expertise_score: int = Field(description=ABOUT["expertise_score"])


class AssignmentRunIn(Input):
    """Options of an assignment run."""

    time_limit: float = Field(20.0, gt=0, le=600, description="Solver time limit in seconds (0–600, default 20); "
                                                             "the best assignment found by then is kept")


class AssignmentRunOut(BaseModel):
    """What an assignment run did."""

    status: str = Field(description="The CP-SAT status: OPTIMAL, or FEASIBLE when stopped by the time limit")
    assigned: int = Field(description="Number of (proposal, reviewer) pairs assigned")
    max_load: int = Field(description="The largest number of proposals one reviewer got")
    seconds: float = Field(description="Solver wall time in seconds")
    short: dict[int, str] = Field(description="Proposal id → why it could not get the required reviewers")
    excluded: dict[int, str] = Field(description="Proposal id → why it was not assigned at all (not submitted, "
                                                 "ineligible)")
    items: list[AssignmentOut] = Field(description="The assignments made")


class RuleOut(BaseModel):
    """One eligibility rule's verdict."""

    kind: str = Field(description="The rule kind (see a call's `rules`)")
    params: dict[str, Any] = Field(description="Its parameters as set on the call")
    passed: bool = Field(description="True when the proposal meets it")
    reason: str = Field(description="Why it passed or failed, in one sentence")
    code: str = Field(description="The reason as a code (e.g. min_partners, late, funder_terms_failed); the pages "
                                  "translate it with `args`")
    args: dict[str, Any] = Field(description="The reason's arguments (counts, countries, amounts as strings; "
                                             "funder_terms_failed: problems, a list of {code, args})")


class EligibilityOut(BaseModel):
    """A proposal's eligibility report."""

    proposal_id: int = Field(description=ABOUT["proposal_id"])
    call_version: int = Field(description="The version of the call whose rules were applied")
    eligible: bool = Field(description="True when every rule passed")
    rules: list[RuleOut] = Field(description="Each rule with pass/fail and its reason")


class ConflictFound(BaseModel):
    """A conflict of interest, declared or computed."""

    reviewer_id: int = Field(description=ABOUT["reviewer_id"])
    proposal_id: int = Field(description=ABOUT["proposal_id"])
    rule: str = Field(description="declared, same_organisation, shared_project or same_person")
    reason: str = Field(description="Why, in one sentence")


class RankLine(BaseModel):
    """A ranking line."""

    proposal_id: int = Field(description=ABOUT["proposal_id"])
    acronym: str = Field(description=ABOUT["acronym"])
    rank: int | None = Field(description="Position among the proposals above every threshold (1 = best)")
    scores: dict[str, float] = Field(description="Consensus score per criterion")
    total: float = Field(description="Sum of the criteria scores (compared with the overall threshold)")
    weighted_total: float = Field(description="Sum of the scores times the criteria weights (orders the ranking)")
    failing: list[str] = Field(description="Criteria below their threshold, and 'overall' below the overall one")


class RankingOut(BaseModel):
    """A call's ranking."""

    call_id: int = Field(description=ABOUT["call_id"])
    tie_break: list[str] = Field(description=ABOUT["tie_break"])
    ranked: list[RankLine] = Field(description="Proposals above every threshold, best first")
    below_threshold: list[RankLine] = Field(description="Proposals below a threshold, with the failing criteria")
    not_ranked: dict[int, str] = Field(description="Proposal id → why it is not ranked (ineligible, no consensus)")


class DecisionOut(RecordOut):
    """The funding decision on a proposal."""

    call_id: int = Field(description=ABOUT["call_id"])
    proposal_id: int = Field(description=ABOUT["proposal_id"])
    outcome: Outcome = Field(description="funded, reserve, below_threshold, ineligible or not_evaluated")
    rank: int | None = Field(description="Its rank in the ranking walked")
    shares: list[dict[str, Any]] = Field(description="[{funder_id, amount, currency}]: what each funder pays "
                                                     "(or would pay)")
    shortfalls: list[dict[str, Any]] = Field(description="[{funder_id, lacking, currency}]: which funder lacked "
                                                         "how much (reserve)")
    reason: str = Field(description="The decision explained in one English sentence")
    reason_code: str = Field(description="The reason as a code: funded, reserve, below_threshold, ineligible, "
                                         "not_submitted, no_consensus (legacy: a sentence not read as data)")
    reason_args: dict[str, Any] = Field(description="The reason's arguments (see sticoop.calls.reasons); the pages "
                                                    "and exports render code + arguments in the reader's language")
    project_id: int | None = Field(description="The project it became (id), once created")


class DecisionRunIn(Input):
    """Confirms the budget walk on the call as read."""

    version: int = Field(ge=1, description="The call's version (≥ 1) you read; a stale one gets 409")


class RuleSpecOut(BaseModel):
    """An eligibility rule as set on a call."""

    kind: str = Field(description="The rule kind (see a call's `rules`)")
    params: dict[str, Any] = Field(description="Its parameters")
    call_version: int = Field(description="The call version these rules belong to (rules are versioned with it)")


class RulesIn(Patch):
    """A call's whole list of eligibility rules, replacing the current one (a new call version)."""

    rules: list[dict[str, Any]] = Field(max_length=50, description=ABOUT["rules"])


class ProjectMadeOut(BaseModel):
    """The project a funded proposal became."""

    project_id: int = Field(description="The new project (id, GET /api/v1/projects/{id})")
    decision_id: int = Field(description="The funding decision (id)")
