"""The eligibility engine: pure functions, each rule evaluated into pass/fail **with a reason**.

Rules are data (``{"kind": ..., "params": {...}}``, stored on the call and versioned with it). Every kind is
one function ``(params, proposal, call) -> (passed, reason)`` in :data:`RULES`; its parameters are declared in
:data:`PARAMS` and checked when the call is saved (:func:`check_rule`). Three checks apply to every call
whatever its rules: the deadline, admissibility (complete, page limit) and each funder's own terms
(nationals only, TRL range, maximum per partner). Nothing here touches the database: the service builds the
plain values below, so 5,000 proposals are checked in well under a second (``benchmarks/calls.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sticoop.calls.regions import REGIONS, name_regions, region_of
from sticoop.core.errors import ValidationFailed
from sticoop.core.labels import N_


@dataclass(frozen=True)
class Applicant:
    """One consortium member: organisation id, country (ISO 3166-1 alpha-3), role, the call funder it asks
    (id or None), its budget and the budget's currency (ISO 4217)."""

    organization_id: int
    country: str
    role: str
    funder_id: int | None
    budget: Decimal
    currency: str | None


@dataclass(frozen=True)
class FunderTerms:
    """A call funder's terms: its country, currency, whether it funds its own nationals only, and its extra
    rules (``trl_min``, ``trl_max``, ``max_per_partner`` in its currency)."""

    id: int
    name: str
    country: str
    currency: str
    own_nationals_only: bool = True
    extra_rules: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Submission:
    """What the rules read of a proposal: its consortium, TRL (1–9 or None), when it was submitted (aware
    date-time or None), the required items it lacks, and its PDF's page count (None: no PDF)."""

    partners: tuple[Applicant, ...]
    trl: int | None = None
    submitted_at: datetime | None = None
    missing: tuple[str, ...] = ()
    pages: int | None = None


@dataclass(frozen=True)
class CallTerms:
    """What the rules read of a call: its closing instant (aware), funders by id, PDF page limit."""

    closes_at: datetime | None
    funders: dict[int, FunderTerms]
    page_limit: int | None = None


@dataclass(frozen=True)
class RuleResult:
    """One rule's verdict: its kind, parameters, pass/fail, the reason as a code with its arguments (translated at
    the page, see :data:`REASONS`) and the reason in one English sentence (the API's and the CLI's)."""

    kind: str
    params: dict[str, Any]
    passed: bool
    reason: str
    code: str = ""
    args: dict[str, Any] = field(default_factory=dict)


#: reason code → the English sentence with its ``%(name)s`` arguments; the pages translate the same text through
#: gettext (:func:`reason_text`). ``funder_terms_failed`` joins its ``problems`` (each a code and arguments).
REASONS: dict[str, str] = {
    "min_partners": N_("%(have)s partners; at least %(need)s required"),
    "distinct_countries": N_("%(have)s distinct countries; at least %(need)s required"),
    "region_quota_met": N_("countries per region (%(have)s) meet %(wanted)s"),
    "region_quota_failed": N_("countries per region (%(have)s) meet none of: %(options)s"),
    "region_quota_empty": N_("countries per region (no partner in any region) meet none of: %(options)s"),
    "coordinator_count": N_("%(count)s coordinators; exactly one required"),
    "coordinator_funded": N_("the coordinator (%(country)s) asks funder %(funder)s"),
    "coordinator_unfunded": N_("the coordinator (%(country)s) asks no funder of the call that funds %(country)s "
                               "applicants"),
    "region_unfunded": N_("no partner eligible for funding from %(regions)s"),
    "region_funded": N_("a partner eligible for funding from each of %(regions)s"),
    "trl_missing": N_("no TRL given; %(low)s–%(high)s required"),
    "trl": N_("TRL %(trl)s; %(low)s–%(high)s required"),
    "budget_over": N_("%(count)s partner(s) above %(cap)s %(currency)s (highest %(highest)s %(currency)s)"),
    "budget_within": N_("every partner budget in %(currency)s is at most %(cap)s %(currency)s"),
    "total_budget": N_("total %(total)s %(currency)s; at most %(cap)s %(currency)s"),
    "no_close": N_("the call has no closing date"),
    "not_submitted": N_("not submitted"),
    "on_time": N_("submitted %(submitted)s, before the close %(closes)s"),
    "late": N_("submitted %(submitted)s, after the close %(closes)s"),
    "incomplete": N_("incomplete: %(missing)s missing"),
    "no_pdf": N_("no proposal PDF to count against the %(limit)s-page limit"),
    "too_many_pages": N_("the proposal PDF has %(pages)s pages; at most %(limit)s"),
    "pages_ok": N_("complete; %(pages)s pages of at most %(limit)s"),
    "complete": N_("complete"),
    "funder_unknown": N_("a %(country)s partner asks funder %(funder)s, which is not a funder of this call"),
    "funder_nationals": N_("%(funder)s funds %(funder_country)s applicants only, not a %(country)s partner"),
    "funder_currency": N_("a budget for %(funder)s is in %(currency)s, not its currency %(funder_currency)s"),
    "funder_trl": N_("%(funder)s funds TRL %(low)s–%(high)s, not %(trl)s"),
    "funder_max": N_("%(funder)s funds at most %(max)s %(currency)s per partner, not %(budget)s"),
    "funder_terms_met": N_("every funded partner meets its funder's terms"),
    "funder_terms_failed": "%(problems)s",
}


def reason_text(code: str, args: dict[str, Any], translate: Callable[[str], str] = str,
                country: Callable[[str], str] | None = None) -> str:
    """The reason sentence of ``code`` with ``args``, through ``translate`` (gettext; identity: English). A
    ``problems`` argument (a list of ``{"code", "args"}``) becomes its sentences joined by "; ". ``country`` names a
    country code in the reader's language (``Formatter.country``; default: the code as stored); region codes
    (``SEA``, ``EUROPE``) become their names through ``translate`` (:func:`sticoop.calls.regions.name_regions`)."""
    values = dict(args)
    if "problems" in values:
        values["problems"] = "; ".join(reason_text(x["code"], x["args"], translate, country)
                                       for x in values["problems"])
    if country is not None:
        for key in COUNTRY_ARGS:
            if isinstance(values.get(key), str):
                values[key] = country(values[key])
    for key in REGION_ARGS:
        if isinstance(values.get(key), str):
            values[key] = name_regions(values[key], translate)
    return translate(REASONS[code]) % values


#: the reason arguments that hold an ISO 3166 alpha-3 country code
COUNTRY_ARGS = ("country", "funder_country")
#: the reason arguments that hold region codes (``SEA``, ``EUROPE``), shown as the regions' names
REGION_ARGS = ("have", "wanted", "options", "regions")


Verdict = tuple[bool, str, dict[str, Any]]
Rule = Callable[[dict[str, Any], "Submission", "CallTerms"], Verdict]


def is_funded(applicant: Applicant, call: CallTerms) -> bool:
    """Can the applicant be funded: it asks a funder of the call that funds applicants of its country."""
    funder = call.funders.get(applicant.funder_id) if applicant.funder_id is not None else None
    return funder is not None and (not funder.own_nationals_only or funder.country == applicant.country)


def _regions(params: dict[str, Any]) -> dict[str, frozenset[str]]:
    table = params.get("regions")
    return {k: frozenset(v) for k, v in table.items()} if table else REGIONS


def min_partners(params: dict[str, Any], p: Submission, call: CallTerms) -> Verdict:
    need, have = int(params["min"]), len(p.partners)
    return have >= need, "min_partners", {"have": have, "need": need}


def distinct_countries(params: dict[str, Any], p: Submission, call: CallTerms) -> Verdict:
    need, have = int(params["min"]), len({a.country for a in p.partners})
    return have >= need, "distinct_countries", {"have": have, "need": need}


def region_quota(params: dict[str, Any], p: Submission, call: CallTerms) -> Verdict:
    """Any one option is met: each region of the option has at least that many partners from as many distinct
    countries (the JFS "2+1": ``[{"SEA": 2, "EUROPE": 1}, {"EUROPE": 2, "SEA": 1}]``)."""
    table = _regions(params)
    countries: dict[str, set[str]] = {}
    for a in p.partners:
        region = region_of(a.country, table)
        if region:
            countries.setdefault(region, set()).add(a.country)
    have = ", ".join(f"{r}: {len(c)}" for r, c in sorted(countries.items()))
    for option in params["options"]:
        if all(len(countries.get(region, ())) >= int(n) for region, n in option.items()):
            wanted = " + ".join(f"{n} {r}" for r, n in option.items())
            return True, "region_quota_met", {"have": have, "wanted": wanted}
    options = " / ".join(" + ".join(f"{n} {r}" for r, n in o.items()) for o in params["options"])
    return False, "region_quota_failed" if have else "region_quota_empty", {"have": have, "options": options}


def coordinator_funded(params: dict[str, Any], p: Submission, call: CallTerms) -> Verdict:
    coordinators = [a for a in p.partners if a.role == "coordinator"]
    if len(coordinators) != 1:
        return False, "coordinator_count", {"count": len(coordinators)}
    c = coordinators[0]
    if is_funded(c, call):
        return True, "coordinator_funded", {"country": c.country,
                                            "funder": call.funders[c.funder_id].name}  # type: ignore[index]
    return False, "coordinator_unfunded", {"country": c.country}


def funded_partner_per_region(params: dict[str, Any], p: Submission, call: CallTerms) -> Verdict:
    table = _regions(params)
    wanted = params.get("regions") and list(params["regions"]) or list(table)
    funded = {region_of(a.country, table) for a in p.partners if is_funded(a, call)}
    missing = [r for r in wanted if r not in funded]
    if missing:
        return False, "region_unfunded", {"regions": ", ".join(missing)}
    return True, "region_funded", {"regions": ", ".join(wanted)}


def trl_range(params: dict[str, Any], p: Submission, call: CallTerms) -> Verdict:
    low, high = int(params.get("min", 1)), int(params.get("max", 9))
    if p.trl is None:
        return False, "trl_missing", {"low": low, "high": high}
    return low <= p.trl <= high, "trl", {"trl": p.trl, "low": low, "high": high}


def max_budget_per_partner(params: dict[str, Any], p: Submission, call: CallTerms) -> Verdict:
    cap, currency = Decimal(str(params["amount"])), params["currency"]
    over = [a for a in p.partners if a.currency == currency and a.budget > cap]
    if over:
        worst = max(over, key=lambda a: a.budget)
        return False, "budget_over", {"count": len(over), "cap": str(cap), "currency": currency,
                                      "highest": str(worst.budget)}
    return True, "budget_within", {"cap": str(cap), "currency": currency}


def max_total_budget(params: dict[str, Any], p: Submission, call: CallTerms) -> Verdict:
    cap, currency = Decimal(str(params["amount"])), params["currency"]
    total = sum((a.budget for a in p.partners if a.currency == currency), Decimal(0))
    return total <= cap, "total_budget", {"total": str(total), "cap": str(cap), "currency": currency}


def deadline(params: dict[str, Any], p: Submission, call: CallTerms) -> Verdict:
    if call.closes_at is None:
        return True, "no_close", {}
    if p.submitted_at is None:
        return False, "not_submitted", {}
    on_time = p.submitted_at <= call.closes_at
    return on_time, "on_time" if on_time else "late", {"submitted": p.submitted_at.isoformat(),
                                                         "closes": call.closes_at.isoformat()}


def admissibility(params: dict[str, Any], p: Submission, call: CallTerms) -> Verdict:
    if p.missing:
        return False, "incomplete", {"missing": ", ".join(p.missing)}
    limit = params.get("max_pages", call.page_limit)
    if limit is not None:
        if p.pages is None:
            return False, "no_pdf", {"limit": limit}
        if p.pages > int(limit):
            return False, "too_many_pages", {"pages": p.pages, "limit": limit}
        return True, "pages_ok", {"pages": p.pages, "limit": limit}
    return True, "complete", {}


def _funder_problems(a: Applicant, f: FunderTerms, trl: int | None) -> list[dict[str, Any]]:
    """What breaks funder ``f``'s terms for applicant ``a``: ``[{"code", "args"}]``, empty when nothing."""
    problems: list[dict[str, Any]] = []
    if f.own_nationals_only and f.country != a.country:
        problems.append({"code": "funder_nationals", "args": {"funder": f.name, "funder_country": f.country,
                                                              "country": a.country}})
    if a.currency != f.currency:
        problems.append({"code": "funder_currency", "args": {"funder": f.name, "currency": a.currency,
                                                             "funder_currency": f.currency}})
    extra = f.extra_rules
    low, high = int(extra.get("trl_min", 1)), int(extra.get("trl_max", 9))
    if trl is not None and not low <= trl <= high:
        problems.append({"code": "funder_trl", "args": {"funder": f.name, "low": low, "high": high, "trl": trl}})
    if "max_per_partner" in extra and a.budget > Decimal(str(extra["max_per_partner"])):
        problems.append({"code": "funder_max", "args": {"funder": f.name, "max": extra["max_per_partner"],
                                                        "currency": f.currency, "budget": str(a.budget)}})
    return problems


def funder_rules(params: dict[str, Any], p: Submission, call: CallTerms) -> Verdict:
    """Each partner asking a funder meets that funder's terms: nationals only, its currency, TRL range,
    maximum per partner."""
    problems: list[dict[str, Any]] = []
    for a in p.partners:
        if a.funder_id is None:
            continue
        f = call.funders.get(a.funder_id)
        if f is None:
            problems.append({"code": "funder_unknown", "args": {"country": a.country, "funder": a.funder_id}})
            continue
        problems += _funder_problems(a, f, p.trl)
    if problems:
        return False, "funder_terms_failed", {"problems": problems}
    return True, "funder_terms_met", {}


RULES: dict[str, Rule] = {
    "min_partners": min_partners,
    "distinct_countries": distinct_countries,
    "region_quota": region_quota,
    "coordinator_funded": coordinator_funded,
    "funded_partner_per_region": funded_partner_per_region,
    "trl_range": trl_range,
    "max_budget_per_partner": max_budget_per_partner,
    "max_total_budget": max_total_budget,
    "deadline": deadline,
    "admissibility": admissibility,
    "funder_rules": funder_rules,
}
#: rules every call applies even when its own list does not name them
ALWAYS = ("deadline", "admissibility", "funder_rules")
#: each kind's parameters: name → (required, type)
PARAMS: dict[str, dict[str, tuple[bool, type | tuple[type, ...]]]] = {
    "min_partners": {"min": (True, int)},
    "distinct_countries": {"min": (True, int)},
    "region_quota": {"options": (True, list), "regions": (False, dict)},
    "coordinator_funded": {},
    "funded_partner_per_region": {"regions": (False, dict)},
    "trl_range": {"min": (False, int), "max": (False, int)},
    "max_budget_per_partner": {"amount": (True, (int, float, str)), "currency": (True, str)},
    "max_total_budget": {"amount": (True, (int, float, str)), "currency": (True, str)},
    "deadline": {},
    "admissibility": {"max_pages": (False, int)},
    "funder_rules": {},
}

#: the JFS "2+1" rule as data: at least 3 partners from 3 countries, two SEA + one European or the reverse
JFS_RULES: list[dict[str, Any]] = [
    {"kind": "min_partners", "params": {"min": 3}},
    {"kind": "distinct_countries", "params": {"min": 3}},
    {"kind": "region_quota", "params": {"options": [{"SEA": 2, "EUROPE": 1}, {"EUROPE": 2, "SEA": 1}]}},
    {"kind": "coordinator_funded", "params": {}},
    {"kind": "funded_partner_per_region", "params": {}},
]


def check_rule(rule: Any, index: int) -> dict[str, Any]:
    """A rule as stored (``{"kind", "params"}``), or ValidationFailed naming the rule and what is wrong."""
    where = f"rules[{index}]"
    if not isinstance(rule, dict) or rule.get("kind") not in RULES:
        kind = rule.get("kind") if isinstance(rule, dict) else rule
        raise ValidationFailed(f"{where}: unknown rule kind '{kind}'; one of: {', '.join(RULES)}", field="rules")
    params = rule.get("params") or {}
    spec = PARAMS[rule["kind"]]
    unknown = set(params) - set(spec)
    if unknown:
        raise ValidationFailed(f"{where} ({rule['kind']}): unknown parameter(s) {', '.join(sorted(unknown))}",
                               field="rules")
    for name, (required, kind) in spec.items():
        if name not in params:
            if required:
                raise ValidationFailed(f"{where} ({rule['kind']}): parameter '{name}' is required", field="rules")
        elif not isinstance(params[name], kind) or isinstance(params[name], bool):
            raise ValidationFailed(f"{where} ({rule['kind']}): parameter '{name}' has the wrong type",
                                   field="rules")
    if rule["kind"] == "region_quota":
        options = params["options"]
        if not options or not all(isinstance(o, dict) and o and all(isinstance(n, int) and n >= 0
                                                                      for n in o.values()) for o in options):
            raise ValidationFailed(f"{where} (region_quota): options must be a non-empty list of "
                                   "{region: count} objects", field="rules")
        known = _regions(params)
        bad = sorted({r for o in options for r in o if r not in known})
        if bad:
            raise ValidationFailed(f"{where} (region_quota): unknown region(s) {', '.join(bad)}; one of: "
                                   f"{', '.join(known)}", field="rules")
    return {"kind": rule["kind"], "params": params}


def evaluate(rules: list[dict[str, Any]], proposal: Submission, call: CallTerms) -> list[RuleResult]:
    """Every rule of the call (plus :data:`ALWAYS`), in order, each with pass/fail and its reason."""
    named = Counter(r["kind"] for r in rules)
    ordered = list(rules) + [{"kind": k, "params": {}} for k in ALWAYS if not named[k]]
    results = []
    for rule in ordered:
        params = rule.get("params") or {}
        passed, code, args = RULES[rule["kind"]](params, proposal, call)
        results.append(RuleResult(rule["kind"], params, passed, reason_text(code, args), code, args))
    return results


def eligible(results: list[RuleResult]) -> bool:
    """True when every rule passed."""
    return all(r.passed for r in results)
