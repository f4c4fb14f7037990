"""The forms of joint funding calls, on the house's generic record pages (validation summary, CSRF, controls):
a call, a funder with its own rules, a proposal with its consortium rows, a reviewer and a declared conflict of
interest. Each form posts to the same service as the API, so the pages refuse exactly what the API refuses."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import object_session

from sticoop.calls import schemas as s
from sticoop.calls.models import Call, CallFunder, ConflictOfInterest, Proposal
from sticoop.calls.service import calls, conflicts, funders, proposals, reviewers
from sticoop.web.crud_pages import EntityPages, default_initial
from sticoop.web.forms import FormField
from sticoop.web.labels import N_

#: how a date-time input (``datetime-local``) shows a moment: the wall time in the call's zone
LOCAL_INPUT = "%Y-%m-%dT%H:%M"
EXTRA_RULES = ("trl_min", "trl_max", "max_per_partner")


def local_input(value: datetime | None, zone: str) -> str:
    """``value`` as the wall time in ``zone`` (IANA name) for a date-time input, '' for None."""
    if value is None:
        return ""
    if value.tzinfo is None:  # SQLite gives back the UTC instant without its offset
        value = value.replace(tzinfo=ZoneInfo("UTC"))
    return value.astimezone(ZoneInfo(zone)).strftime(LOCAL_INPUT)


def call_initial(obj: Call) -> dict[str, Any]:
    raw = default_initial(CALLS, obj)
    raw["opens_at"] = local_input(obj.opens_at, obj.timezone)
    raw["closes_at"] = local_input(obj.closes_at, obj.timezone)
    return raw


CALLS = EntityPages(
    entity="call", path="/calls", service=calls, in_schema=s.CallIn, patch_schema=s.CallPatch,
    fields=(
        FormField("title", N_("Title"), required=True, wide=True),
        FormField("programme_id", N_("Funding programme"), "select", "programmes"),
        FormField("partnership_ids", N_("Partnerships"), "multiselect", "partnerships",
                  help=N_("Whoever may see one of these partnerships sees the call.")),
        FormField("topics", N_("Topics"), "lines", help=N_("One topic per line; applicants choose one.")),
        FormField("opens_at", N_("Submission opens"), "datetime"),
        FormField("closes_at", N_("Submission closes"), "datetime"),
        FormField("timezone", N_("Time zone"), required=True,
                  help=N_("IANA time zone the dates are read in, e.g. Asia/Ho_Chi_Minh, Europe/Brussels.")),
        FormField("currency", N_("Currency"), required=True, help=N_("ISO 4217 code, e.g. EUR, VND, USD.")),
        FormField("page_limit", N_("Page limit of the proposal PDF"), "number"),
        FormField("reviewers_per_proposal", N_("Reviewers per proposal"), "number", required=True),
        FormField("description", N_("Call text"), "textarea"),
    ),
    title=N_("Funding calls"), new_title=N_("New funding call"), edit_title=N_("Edit funding call"),
    new_label=N_("New funding call"), table="calls/list.html", with_list=False, initial=call_initial,
)


def _number(value: Any) -> Any:
    """A whole number or an amount from a form's text; the text itself when it is neither (the service then
    names the rule it breaks)."""
    if value is None:
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return value
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def funder_convert(db: DbSession, data: dict[str, Any], obj: Any) -> dict[str, Any]:
    """The three rule inputs become the funder's ``extra_rules`` (left out when empty)."""
    extra = {name: _number(data.pop(name, None)) for name in EXTRA_RULES}
    data["extra_rules"] = {k: v for k, v in extra.items() if v is not None}
    return data


def funder_initial(obj: CallFunder) -> dict[str, Any]:
    raw = default_initial(FUNDERS, obj)
    for name in EXTRA_RULES:
        raw[name] = str((obj.extra_rules or {}).get(name, ""))
    raw["funds_own_nationals_only"] = "on" if obj.funds_own_nationals_only else ""
    return raw


FUNDERS = EntityPages(
    entity="call_funder", path="/call-funders", service=funders, in_schema=s.FunderIn, patch_schema=s.FunderPatch,
    fields=(
        FormField("call_id", N_("Funding call"), "select", "calls", required=True, create_only=True),
        FormField("organization_id", N_("Organisation"), "select", "organizations", required=True),
        FormField("country_code", N_("Country"), "select", "countries", required=True),
        FormField("budget", N_("Budget"), required=True, help=N_("Amount, e.g. 250000.00")),
        FormField("currency", N_("Currency"), required=True, help=N_("ISO 4217 code, e.g. EUR, VND, USD.")),
        FormField("funds_own_nationals_only", N_("Funds its own country's applicants only"), "checkbox",
                  help=N_("No money crossing borders: applicants of other countries get nothing from it.")),
        FormField("trl_min", N_("Lowest TRL it funds"), "number", help=N_("1 to 9; empty: no limit.")),
        FormField("trl_max", N_("Highest TRL it funds"), "number", help=N_("1 to 9; empty: no limit.")),
        FormField("max_per_partner", N_("Most it pays one partner"),
                  help=N_("Amount in its currency; empty: no limit.")),
    ),
    title=N_("Call funders"), new_title=N_("New call funder"), edit_title=N_("Edit call funder"),
    new_label=N_("Add a funder"), table="calls/list.html", with_list=False, convert=funder_convert,
    initial=funder_initial, redirect=lambda f: f"/calls/{f.call_id}",
    aliases={"extra_rules": "max_per_partner"},
)

#: blank consortium rows on the proposal form: a JFS consortium (3 members or more) is entered in one save
CONSORTIUM_SPARE_ROWS = 4
PARTNER_COLUMNS = (
    FormField("organization_id", N_("Organisation"), "select", "organizations"),
    FormField("country_code", N_("Country"), "select", "countries"),
    FormField("role", N_("Role"), "select", "enum:applicant_role"),
    FormField("funder_id", N_("Funder requested"), "select", "call_funders"),
    FormField("budget", N_("Budget")),
)


def proposal_convert(db: DbSession, data: dict[str, Any], obj: Any) -> dict[str, Any]:
    """Consortium rows: ids as numbers, and an empty cell left out so the schema's default applies."""
    rows = data.get("partners") or []
    data["partners"] = [{k: (int(v) if k.endswith("_id") and str(v).isdigit() else v)
                         for k, v in row.items() if v is not None} for row in rows]
    return data


def proposal_initial(obj: Proposal) -> dict[str, Any]:
    raw = default_initial(PROPOSALS, obj)
    db = object_session(obj)
    call = db.get(Call, obj.call_id) if db is not None else None
    raw["submitted_at"] = local_input(obj.submitted_at, call.timezone if call else "UTC")
    return raw


PROPOSALS = EntityPages(
    entity="proposal", path="/proposals", service=proposals, in_schema=s.ProposalIn, patch_schema=s.ProposalPatch,
    fields=(
        FormField("call_id", N_("Funding call"), "select", "calls", required=True, create_only=True),
        FormField("acronym", N_("Acronym"), required=True),
        FormField("title", N_("Title"), required=True, wide=True),
        FormField("topic", N_("Topic"), help=N_("One of the call's topics.")),
        FormField("trl", N_("Technology readiness level"), "number", help=N_("1 to 9.")),
        FormField("status", N_("Status"), "select", "enum:proposal_status", required=True),
        FormField("submitted_at", N_("Submitted at"), "datetime",
                  help=N_("In the call's time zone; set on submission when empty.")),
        FormField("field_keys", N_("Fields"), "multiselect", "fields"),
        FormField("partners", N_("Consortium"), "rows", columns=PARTNER_COLUMNS, spare_rows=CONSORTIUM_SPARE_ROWS,
                  help=N_("One row per member: exactly one coordinator; the budget is in its funder's currency.")),
        FormField("abstract", N_("Abstract"), "textarea"),
        FormField("language", N_("Report language"), "select", "enum:report_language",
                  help=N_("The language of the evaluation summary report the applicants receive.")),
    ),
    title=N_("Proposals"), new_title=N_("New proposal"), edit_title=N_("Edit proposal"),
    new_label=N_("New proposal"), table="calls/proposals.html", with_list=False, convert=proposal_convert,
    initial=proposal_initial,
)

REVIEWERS = EntityPages(
    entity="reviewer", path="/reviewers", service=reviewers, in_schema=s.ReviewerIn, patch_schema=s.ReviewerPatch,
    fields=(
        FormField("call_id", N_("Funding call"), "select", "calls", required=True, create_only=True),
        FormField("person_id", N_("Person"), "select", "people", required=True),
        FormField("username", N_("Account"), help=N_("The user name this reviewer signs in with.")),
        FormField("expertise", N_("Fields of expertise"), "multiselect", "fields"),
        FormField("max_load", N_("Most proposals"), "number", help=N_("Empty: no maximum.")),
    ),
    title=N_("Reviewers"), new_title=N_("New reviewer"), edit_title=N_("Edit reviewer"),
    new_label=N_("Add a reviewer"), table="calls/list.html", with_list=False,
    redirect=lambda r: f"/calls/{r.call_id}",
)


def _conflict_target(obj: ConflictOfInterest) -> str:
    return f"/proposals/{obj.proposal_id}"


CONFLICTS = EntityPages(
    entity="conflict_of_interest", path="/conflicts-of-interest", service=conflicts, in_schema=s.ConflictIn,
    patch_schema=s.ConflictPatch,
    fields=(
        FormField("proposal_id", N_("Proposal"), "select", "proposals", required=True, create_only=True),
        FormField("reviewer_id", N_("Reviewer"), "select", "call_reviewers", required=True, create_only=True),
        FormField("reason", N_("Reason"), "textarea", required=True),
    ),
    title=N_("Conflicts of interest"), new_title=N_("Declare a conflict of interest"),
    edit_title=N_("Edit conflict of interest"), new_label=N_("Declare a conflict"), table="calls/list.html",
    with_list=False, redirect=_conflict_target,
)

ALL = (CALLS, FUNDERS, PROPOSALS, REVIEWERS, CONFLICTS)
