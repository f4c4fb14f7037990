"""The one data structure a briefing pack is rendered from (HTML, PDF and DOCX alike), and a stored pack.

Dates are ISO 8601; statuses are the records' own codes (translated when rendered); money is a decimal with its
ISO 4217 currency. Every row carries ``confidential``: confidential rows are printed apart, under "Background —
not for disclosure", and only ever reach users who may read them (scoping, ``accounts/scoping.py``).
"""

from __future__ import annotations

from datetime import date, datetime
from datetime import date as Date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from sticoop.dashboard.charts import Chart

#: what each field means (OpenAPI descriptions), written once; "Prefix:field" applies to classes named Prefix...
ABOUT = {
    "id": "The record's id",
    "confidential": "True when the record is confidential (printed under 'Background — not for disclosure')",
    "name": "Name as recorded (any script: Vietnamese, Lao, Thai, Khmer, Korean, Chinese, Japanese...)",
    "country_codes": "Countries of the partnership: ISO 3166-1 alpha-3 codes",
    "country_code": "Country: ISO 3166-1 alpha-3 code",
    "relations_established": "Date diplomatic relations were established (ISO 8601), if known",
    "status": "The record's status code as read on the as-of date (an agreement past its expiry reads expired)",
    "summary": "Summary of the partnership (free text)",
    "anniversary_years": "Next round anniversary of diplomatic relations on or after the as-of date (years)",
    "anniversary_date": "Date of that anniversary (ISO 8601)",
    "from_country_code": "Country the delegation comes from: ISO 3166-1 alpha-3 code",
    "to_country_code": "Country visited: ISO 3166-1 alpha-3 code",
    "start_date": "First day (ISO 8601 date), null while undated",
    "end_date": "Last day (ISO 8601 date), if known",
    "purpose": "Why the visit takes place (free text)",
    "objectives": "Objectives of the visit and points to make (free text, edited on the visit)",
    "outcomes": "What came of the visit (free text)",
    "members": "Delegation members (names)",
    "organizations_met": "Organisations to meet (names)",
    "committee": "Name of the committee that held the session",
    "number": "Session number within its committee",
    "city": "City where it was held",
    "conclusions": "Conclusions recorded for the session (free text)",
    "text": "Text of the commitment",
    "completion": "Completion on the OGP IRM scale: not_started, limited, substantial or complete",
    "due_date": "Due date (ISO 8601), if any",
    "overdue": "True when overdue on the as-of date (past due and still open, or marked overdue)",
    "responsible": "Responsible organisations and people (names)",
    "last_update": "Date of the latest progress update on or before the as-of date (ISO 8601)",
    "last_note": "Note of that progress update",
    "title": "Title of the record",
    "kind": "Kind code of the record (agreement: mou, agreement, protocol, action_plan)",
    "signed_date": "Date signed (ISO 8601), if signed",
    "in_force_date": "Date of entry into force (ISO 8601), if any",
    "expiry_date": "Expiry date (ISO 8601), if any",
    "expires_soon": "True when it expires within 180 days after the as-of date",
    "budget": "Budget (decimal amount in the currency given)",
    "currency": "Currency of the budget: ISO 4217 code",
    "programme": "Funding programme (name), if any",
    "funders": "Funding organisations among the project's partners (names)",
    "position": "Current position on the as-of date (title), if recorded",
    "organization": "Organisation of that position (name), if any",
    "why": "Why the person is listed: 'met' (works at an organisation the visit meets), 'delegate' (sat at the "
           "last session) or 'responsible' (responsible for an open commitment)",
    "published": "Publication date of the press item (ISO 8601), if known",
    "source_url": "Web address the item was taken from, if any",
    "language": "Language of the item: ISO 639-1 code",
    "Upcoming:date": "The date (ISO 8601), after the as-of date",
    "Upcoming:kind": "What falls due: session, visit, event, project, commitment (due date), agreement_expiry or "
                     "anniversary",
    "Upcoming:id": "Id of the record (null for the anniversary)",
    "locale": "Language the pack is rendered in: en, fr or vi",
    "as_of": "The day the pack describes (ISO 8601): held/planned, overdue, expiry and latest progress are read as "
             "of that day; press and visits are split by it",
    "prepared_for": "User the pack was prepared for (user name)",
    "partnership": "The partnership",
    "visit": "The visit the pack prepares, when one was given",
    "last_session": "The partnership's last session held on or before the as-of date, if any",
    "conclusions_followup": "Commitments made at that session and where each stands",
    "open_commitments": "Open commitments (planned, in progress or overdue), overdue first, then by due date",
    "agreements": "Agreements of the partnership, with status and expiry",
    "projects": "Projects of the partnership, with funding",
    "people": "People to meet, with their current positions",
    "previous_visits": "Earlier visits of the partnership (before the as-of date), latest first",
    "press": "Recent press: accepted ingested documents of the partnership published up to the as-of date",
    "upcoming": "Upcoming dates within a year after the as-of date, soonest first",
    "figures": "Counts over the whole partnership, whatever the lists' limits: open_commitments, "
               "overdue_commitments (on the as-of date), projects",
    "budgets": "Sum of the partnership's project budgets per currency (ISO 4217 code: decimal amount)",
    "omitted": "Rows left out of a list over its limit, by list name (e.g. open_commitments: 12)",
    "complete_lists": "Where the complete list of each list over its limit is (absolute URL of the record "
                      "list filtered to the partnership), by list name",
    "charts": "The partnership dashboard's charts counted as of the as-of date and as the reader may see them "
              "(completion over time, agreements by status, projects by field and start year, visits and "
              "events per year): rows × series of counts; drawn as SVG in the HTML and PDF, as tables in DOCX",
    "sources": "Records read, by kind: [[id, version], ...] (provenance; stored with each generated pack)",
    "Pack:document_id": "The stored document holding the file (GET /api/v1/documents/{id}/content)",
    "Pack:partnership_id": "The partnership (id)",
    "Pack:visit_id": "The visit (id), if the pack was built for one",
    "format": "File format: pdf, docx or html",
    "user_id": "Id of the user it was built for, if a signed-in user",
    "built_by": "User name it was built for",
    "built_at": "When it was built (UTC timestamp)",
}


class _Row(BaseModel):
    """A row of a briefing pack, read from a record's attributes."""

    model_config = ConfigDict(from_attributes=True)


class PartnershipBrief(_Row):
    """The partnership the pack is about."""

    id: int = Field(description=ABOUT["id"])
    name: str = Field(description=ABOUT["name"])
    country_codes: list[str] = Field(description=ABOUT["country_codes"])
    relations_established: date | None = Field(description=ABOUT["relations_established"])
    status: str = Field(description=ABOUT["status"])
    summary: str | None = Field(description=ABOUT["summary"])
    anniversary_years: int | None = Field(None, description=ABOUT["anniversary_years"])
    anniversary_date: date | None = Field(None, description=ABOUT["anniversary_date"])
    confidential: bool = Field(description=ABOUT["confidential"])


class VisitBrief(_Row):
    """A visit: the one prepared, or an earlier one."""

    id: int = Field(description=ABOUT["id"])
    from_country_code: str = Field(description=ABOUT["from_country_code"])
    to_country_code: str = Field(description=ABOUT["to_country_code"])
    start_date: date | None = Field(description=ABOUT["start_date"])
    end_date: date | None = Field(description=ABOUT["end_date"])
    purpose: str | None = Field(description=ABOUT["purpose"])
    objectives: str | None = Field(None, description=ABOUT["objectives"])
    outcomes: str | None = Field(None, description=ABOUT["outcomes"])
    members: list[str] = Field(default_factory=list, description=ABOUT["members"])
    organizations_met: list[str] = Field(default_factory=list, description=ABOUT["organizations_met"])
    confidential: bool = Field(description=ABOUT["confidential"])


class SessionBrief(_Row):
    """A committee session."""

    id: int = Field(description=ABOUT["id"])
    committee: str = Field(description=ABOUT["committee"])
    number: int = Field(description=ABOUT["number"])
    start_date: date | None = Field(description=ABOUT["start_date"])
    end_date: date | None = Field(description=ABOUT["end_date"])
    city: str | None = Field(description=ABOUT["city"])
    country_code: str | None = Field(description=ABOUT["country_code"])
    conclusions: str | None = Field(description=ABOUT["conclusions"])
    confidential: bool = Field(description=ABOUT["confidential"])


class CommitmentBrief(_Row):
    """A commitment with where it stands on the as-of date."""

    id: int = Field(description=ABOUT["id"])
    text: str = Field(description=ABOUT["text"])
    status: str = Field(description=ABOUT["status"])
    completion: str = Field(description=ABOUT["completion"])
    due_date: date | None = Field(description=ABOUT["due_date"])
    overdue: bool = Field(description=ABOUT["overdue"])
    responsible: list[str] = Field(description=ABOUT["responsible"])
    last_update: date | None = Field(None, description=ABOUT["last_update"])
    last_note: str | None = Field(None, description=ABOUT["last_note"])
    confidential: bool = Field(description=ABOUT["confidential"])


class AgreementBrief(_Row):
    """An agreement with its status as read on the as-of date."""

    id: int = Field(description=ABOUT["id"])
    title: str = Field(description=ABOUT["title"])
    kind: str = Field(description=ABOUT["kind"])
    status: str = Field(description=ABOUT["status"])
    signed_date: date | None = Field(description=ABOUT["signed_date"])
    in_force_date: date | None = Field(description=ABOUT["in_force_date"])
    expiry_date: date | None = Field(description=ABOUT["expiry_date"])
    expires_soon: bool = Field(description=ABOUT["expires_soon"])
    confidential: bool = Field(description=ABOUT["confidential"])


class ProjectBrief(_Row):
    """A project and its funding."""

    id: int = Field(description=ABOUT["id"])
    title: str = Field(description=ABOUT["title"])
    status: str = Field(description=ABOUT["status"])
    start_date: date | None = Field(description=ABOUT["start_date"])
    end_date: date | None = Field(description=ABOUT["end_date"])
    budget: Decimal | None = Field(description=ABOUT["budget"])
    currency: str | None = Field(description=ABOUT["currency"])
    programme: str | None = Field(description=ABOUT["programme"])
    funders: list[str] = Field(description=ABOUT["funders"])
    confidential: bool = Field(description=ABOUT["confidential"])


class PersonBrief(_Row):
    """Someone to meet, with the position held on the as-of date."""

    id: int = Field(description=ABOUT["id"])
    name: str = Field(description=ABOUT["name"])
    country_code: str | None = Field(description=ABOUT["country_code"])
    position: str | None = Field(description=ABOUT["position"])
    organization: str | None = Field(description=ABOUT["organization"])
    why: str = Field(description=ABOUT["why"])


class PressBrief(_Row):
    """An ingested press item of the partnership."""

    id: int = Field(description=ABOUT["id"])
    title: str = Field(description=ABOUT["title"])
    published: date | None = Field(description=ABOUT["published"])
    source_url: str | None = Field(description=ABOUT["source_url"])
    language: str | None = Field(description=ABOUT["language"])
    confidential: bool = Field(description=ABOUT["confidential"])


class UpcomingDate(_Row):
    """A date ahead: a session, visit, event or project start, a commitment due, an agreement expiring, an
    anniversary."""

    date: Date = Field(description=ABOUT["Upcoming:date"])
    kind: str = Field(description=ABOUT["Upcoming:kind"])
    id: int | None = Field(description=ABOUT["Upcoming:id"])
    title: str = Field(description=ABOUT["title"])
    confidential: bool = Field(description=ABOUT["confidential"])


class Briefing(BaseModel):
    """Everything a briefing pack says, in the order a ministry brief uses; rendered as HTML, PDF or DOCX."""

    locale: str = Field(description=ABOUT["locale"])
    as_of: date = Field(description=ABOUT["as_of"])
    prepared_for: str = Field(description=ABOUT["prepared_for"])
    partnership: PartnershipBrief = Field(description=ABOUT["partnership"])
    visit: VisitBrief | None = Field(description=ABOUT["visit"])
    last_session: SessionBrief | None = Field(description=ABOUT["last_session"])
    conclusions_followup: list[CommitmentBrief] = Field(description=ABOUT["conclusions_followup"])
    open_commitments: list[CommitmentBrief] = Field(description=ABOUT["open_commitments"])
    agreements: list[AgreementBrief] = Field(description=ABOUT["agreements"])
    projects: list[ProjectBrief] = Field(description=ABOUT["projects"])
    people: list[PersonBrief] = Field(description=ABOUT["people"])
    previous_visits: list[VisitBrief] = Field(description=ABOUT["previous_visits"])
    press: list[PressBrief] = Field(description=ABOUT["press"])
    upcoming: list[UpcomingDate] = Field(description=ABOUT["upcoming"])
    figures: dict[str, int] = Field(default_factory=dict, description=ABOUT["figures"])
    budgets: dict[str, Decimal] = Field(default_factory=dict, description=ABOUT["budgets"])
    omitted: dict[str, int] = Field(default_factory=dict, description=ABOUT["omitted"])
    complete_lists: dict[str, str] = Field(default_factory=dict, description=ABOUT["complete_lists"])
    charts: list[Chart] = Field(default_factory=list, description=ABOUT["charts"])
    sources: dict[str, list[list[int]]] = Field(default_factory=dict, description=ABOUT["sources"])

    @property
    def confidential(self) -> bool:
        """True when the pack holds anything confidential (then it is stored as a confidential document)."""
        rows: list[_Row | None] = [self.partnership, self.visit, self.last_session, *self.conclusions_followup,
                                   *self.open_commitments, *self.agreements, *self.projects, *self.previous_visits,
                                   *self.press, *self.upcoming]
        return any(getattr(row, "confidential", False) for row in rows if row is not None)


class BriefingPackOut(BaseModel):
    """A generated briefing pack: the stored document and what it was built from."""

    model_config = ConfigDict(from_attributes=True)
    id: int = Field(description=ABOUT["id"])
    document_id: int = Field(description=ABOUT["Pack:document_id"])
    partnership_id: int = Field(description=ABOUT["Pack:partnership_id"])
    visit_id: int | None = Field(description=ABOUT["Pack:visit_id"])
    as_of: date = Field(description=ABOUT["as_of"])
    format: str = Field(description=ABOUT["format"])
    locale: str = Field(description=ABOUT["locale"])
    user_id: int | None = Field(description=ABOUT["user_id"])
    built_by: str = Field(description=ABOUT["built_by"])
    built_at: datetime = Field(description=ABOUT["built_at"])
    confidential: bool = Field(description=ABOUT["confidential"])
    sources: dict[str, list[list[int]]] = Field(description=ABOUT["sources"])
