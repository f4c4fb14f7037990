"""The evaluation summary report of one proposal as a PDF (WeasyPrint), in English, French or Vietnamese: its
eligibility, the consensus scores against the thresholds, its rank and the funding decision."""

from __future__ import annotations

from html import escape

from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.calls import evaluation, reasons
from sticoop.calls.eligibility import reason_text
from sticoop.calls.models import CallFunder, Consensus, Decision
from sticoop.calls.service import calls, proposals
from sticoop.core.errors import Unavailable, ValidationFailed
from sticoop.core.i18n import SUPPORTED_LOCALES, Formatter
from sticoop.partners.models import Organization


def N_(message: str) -> str:  # noqa: N802 - the gettext no-op marker
    return message


OUTCOMES = {"funded": N_("Funded"), "reserve": N_("Reserve list"), "below_threshold": N_("Below threshold"),
            "ineligible": N_("Ineligible"), "not_evaluated": N_("Not evaluated")}
RULES = {"min_partners": N_("Minimum number of partners"), "distinct_countries": N_("Distinct countries"),
         "region_quota": N_("Regional quota"), "coordinator_funded": N_("Coordinator eligible for funding"),
         "funded_partner_per_region": N_("A funded partner in each region"), "trl_range": N_("TRL range"),
         "max_budget_per_partner": N_("Maximum budget per partner"), "max_total_budget": N_("Maximum total budget"),
         "deadline": N_("Deadline"), "admissibility": N_("Admissibility"), "funder_rules": N_("Funders' own rules")}
STYLE = ("body{font-family:'DejaVu Sans',sans-serif;font-size:10.5pt}table{border-collapse:collapse;width:100%}"
         "td,th{border:1px solid #999;padding:4pt;text-align:left}")


def summary_html(db: Session, proposal_id: int, locale: str) -> str:
    """The report as HTML in ``locale`` (en, fr or vi; ValidationFailed otherwise)."""
    if locale not in SUPPORTED_LOCALES:
        raise ValidationFailed(f"lang must be one of {', '.join(SUPPORTED_LOCALES)}", field="lang")
    fmt = Formatter(locale)
    _ = fmt._
    p = proposals.get(db, proposal_id)
    call = calls.get(db, p.call_id)
    report = evaluation.eligibility(db, p, call)
    agreed = db.scalar(select(Consensus).where(Consensus.proposal_id == p.id))
    decision = db.scalar(select(Decision).where(Decision.proposal_id == p.id))
    words = {"title": _("Evaluation summary report"), "call": _("Funding call"), "eligibility": _("Eligibility"),
             "verdict": _("Eligible") if report["eligible"] else _("Ineligible"), "scores": _("Scores"),
             "criterion": _("Criterion"), "score": _("Score"), "threshold": _("Threshold"), "total": _("Total"),
             "rank": _("Rank"), "decision": _("Decision")}
    w = {k: escape(v) for k, v in words.items()}
    parts = [f"<h1>{w['title']}</h1><h2>{escape(p.acronym)} — {escape(p.title)}</h2>",
             f"<p>{w['call']}{fmt.colon} {escape(call.title)}</p><h3>{w['eligibility']}{fmt.colon} {w['verdict']}</h3>"]
    failed = [r for r in report["rules"] if not r["passed"]]
    if failed:
        items = (f"<li>{escape(_(RULES[r['kind']]))}{fmt.colon} "
                 f"{escape(reason_text(r['code'], r['args'], _, fmt.country))}</li>" for r in failed)
        parts.append("<ul>" + "".join(items) + "</ul>")
    if agreed is not None:
        rows = "".join(
            f"<tr><td>{escape(c['name'])}</td><td>{fmt.number(agreed.scores[c['key']])}</td>"
            f"<td>{fmt.number(c['threshold'])}</td></tr>" for c in call.criteria)
        total = sum(agreed.scores[c["key"]] for c in call.criteria)
        parts.append(f"<h3>{w['scores']}</h3><table><tr><th>{w['criterion']}</th><th>{w['score']}</th>"
                     f"<th>{w['threshold']}</th></tr>{rows}<tr><th>{w['total']}</th><th>{fmt.number(total)}</th>"
                     f"<th>{fmt.number(call.overall_threshold)}</th></tr></table>")
        if agreed.justification:
            parts.append(f"<p>{escape(agreed.justification)}</p>")
    if decision is not None:
        rank = f" — {w['rank']} {decision.rank}" if decision.rank else ""
        parts.append(f"<h3>{w['decision']}{fmt.colon} {escape(_(OUTCOMES[decision.outcome]))}{rank}</h3>")
        funders = {f.id: name for f, name in db.execute(select(CallFunder, Organization.name).join(
            Organization, Organization.id == CallFunder.organization_id).where(CallFunder.call_id == call.id))}
        why = reasons.decision_text(decision.reason_code, decision.reason_args, fmt, funders, call.criteria)
        parts.append(f"<p>{escape(why)}</p>")
    return f"<html><head><meta charset='utf-8'><style>{STYLE}</style></head><body>{''.join(parts)}</body></html>"


def summary_pdf(db: Session, proposal_id: int, locale: str) -> bytes:
    """The report as PDF bytes; 503 when WeasyPrint's Pango library is missing."""
    html = summary_html(db, proposal_id, locale)
    try:
        from weasyprint import HTML
    except OSError as exc:  # WeasyPrint loads Pango at import time
        raise Unavailable("PDF reports need the Pango library (Debian: apt-get install libpango-1.0-0 "
                          "libpangoft2-1.0-0)") from exc
    return bytes(HTML(string=html).write_pdf())
