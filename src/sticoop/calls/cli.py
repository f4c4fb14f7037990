"""`sticoop calls`: a call's eligibility report, reviewer assignment, ranking and funding decision from the shell.

Each command is one transaction, committed before it prints; wrong input exits 1 with one ``error:`` line.
Reasons, rule names and outcomes are printed in the user's language: ``--lang en|fr|vi``, else the language of
the shell's locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``) when sticoop speaks it, else the site's
``default_locale`` setting."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import typer
from sqlalchemy.orm import Session as DbSession

from sticoop.core.cli import cli_errors
from sticoop.core.database import session_scope
from sticoop.core.i18n import SUPPORTED_LOCALES, Formatter
from sticoop.core.labels import N_

if TYPE_CHECKING:
    from sticoop.calls.models import Decision

calls_app = typer.Typer(help="Joint funding calls.", no_args_is_help=True)
LANG_HELP = "Language of the reasons: en, fr or vi (default: the shell's locale, else the site's default_locale)."
#: eligible / ineligible, as the CLI prints them
ELIGIBLE = {True: N_("Eligible"), False: N_("Ineligible")}


def formatter_for(lang: str | None) -> Formatter:
    """The formatter of ``--lang`` (en, fr or vi), or of the shell's locale (``fr_FR.UTF-8`` → fr), or of the
    ``default_locale`` setting, else English. ``ValueError`` naming ``--lang`` for a language sticoop lacks."""
    from sticoop.core.config import get_settings

    if lang is not None:
        if lang not in SUPPORTED_LOCALES:
            raise ValueError(f"--lang: unknown language '{lang}'; one of {', '.join(SUPPORTED_LOCALES)}")
        return Formatter(lang)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        code = os.environ.get(name, "").split("_")[0].split(".")[0].lower()
        if code in SUPPORTED_LOCALES:
            return Formatter(code)
    default = get_settings().default_locale
    return Formatter(default if default in SUPPORTED_LOCALES else "en")


@calls_app.command("eligibility")
@cli_errors
def eligibility(call_id: int = typer.Argument(..., help="The call (id)."),
                lang: str | None = typer.Option(None, "--lang", help=LANG_HELP)) -> None:
    """Each proposal of the call: eligible or not, and the rules it fails with their reasons."""
    from sqlalchemy import select

    from sticoop.calls.eligibility import reason_text
    from sticoop.calls.evaluation import call_terms
    from sticoop.calls.evaluation import eligibility as report
    from sticoop.calls.models import Proposal
    from sticoop.calls.service import calls
    from sticoop.core.labels import LABELS

    fmt = formatter_for(lang)
    rule_names = LABELS.get("eligibility_rule", {})
    with session_scope() as db:
        call = calls.get(db, call_id)
        terms = call_terms(db, call)
        for p in db.scalars(select(Proposal).where(Proposal.call_id == call_id).order_by(Proposal.acronym)):
            found = report(db, p, call, terms)
            failed = "; ".join(f"{fmt._(rule_names.get(r['kind'], r['kind']))}: "
                               f"{reason_text(r['code'], r['args'], fmt._, fmt.country)}"
                               for r in found["rules"] if not r["passed"])
            typer.echo(f"{p.acronym}\t{fmt._(ELIGIBLE[bool(found['eligible'])])}\t{failed}")


@calls_app.command("assign")
@cli_errors
def assign(call_id: int = typer.Argument(..., help="The call (id)."),
           time_limit: float = typer.Option(20.0, help="Solver time limit in seconds.")) -> None:
    """Assign reviewers to the call's eligible proposals (CP-SAT), replacing the previous assignment."""
    from sticoop.calls.evaluation import run_assignment

    with session_scope() as db:
        result = run_assignment(db, call_id, time_limit, "system")
    typer.echo(f"{result['assigned']} assignments, max load {result['max_load']}, {result['status']}")
    for pid, why in result["short"].items():
        typer.echo(f"proposal {pid}: {why}")


@calls_app.command("ranking")
@cli_errors
def ranking(call_id: int = typer.Argument(..., help="The call (id)."),
            lang: str | None = typer.Option(None, "--lang", help=LANG_HELP)) -> None:
    """The ranking: rank, acronym, weighted total; then the proposals below a threshold."""
    from sticoop.calls.evaluation import ranking as rank
    from sticoop.calls.reasons import decision_text
    from sticoop.calls.service import calls

    fmt = formatter_for(lang)
    with session_scope() as db:
        table = rank(db, call_id)
        criteria = calls.get(db, call_id).criteria
    for line in table["ranked"]:
        typer.echo(f"{line['rank']}\t{line['acronym']}\t{line['weighted_total']}")
    for line in table["below_threshold"]:
        why = decision_text("below_threshold", {"failing": list(line["failing"])}, fmt, {}, criteria)
        typer.echo(f"-\t{line['acronym']}\t{why}")


@calls_app.command("decide")
@cli_errors
def decide(call_id: int = typer.Argument(..., help="The call (id)."),
           version: int = typer.Option(..., help="The call's version you read (sticoop calls ranking shows the "
                                                 "ranking it will walk)."),
           lang: str | None = typer.Option(None, "--lang", help=LANG_HELP)) -> None:
    """Run the funding decision's budget walk on a call under evaluation."""
    from sticoop.calls.evaluation import decide as run

    fmt = formatter_for(lang)
    with session_scope() as db:
        made = run(db, call_id, version, "system")
        lines = [f"{d.rank or '-'}\t{d.proposal_id}\t{d.outcome}\t{why}"
                 for d, why in zip(made, decision_lines(db, call_id, made, fmt), strict=True)]
    typer.echo("\n".join(lines))


@calls_app.command("decisions")
@cli_errors
def decisions(call_id: int = typer.Argument(..., help="The call (id)."),
              lang: str | None = typer.Option(None, "--lang", help=LANG_HELP)) -> None:
    """The call's funding decisions: rank, acronym, outcome and reason, in the ranking's order."""
    from sqlalchemy import select

    from sticoop.calls.models import Decision, Proposal
    from sticoop.calls.service import calls
    from sticoop.core.labels import LABELS

    fmt = formatter_for(lang)
    outcomes = LABELS.get("decision_outcome", {})
    with session_scope() as db:
        calls.get(db, call_id)
        rows = list(db.execute(select(Decision, Proposal.acronym).join(Proposal, Proposal.id == Decision.proposal_id)
                               .where(Decision.call_id == call_id).order_by(Decision.rank, Proposal.acronym)))
        made = [d for d, _ in rows]
        lines = [f"{d.rank or '-'}\t{acronym}\t{fmt._(outcomes.get(d.outcome, d.outcome))}\t{why}"
                 for (d, acronym), why in zip(rows, decision_lines(db, call_id, made, fmt), strict=True)]
    typer.echo("\n".join(lines))


def decision_lines(db: DbSession, call_id: int, made: list[Decision], fmt: Formatter) -> list[str]:
    """Each decision's reason in ``fmt``'s language (funders by their organisation's name)."""
    from sqlalchemy import select

    from sticoop.calls.models import CallFunder
    from sticoop.calls.reasons import decision_text
    from sticoop.calls.service import calls
    from sticoop.partners.models import Organization

    criteria = calls.get(db, call_id).criteria
    funder_names = {fid: name for fid, name in db.execute(select(CallFunder.id, Organization.name).join(
        Organization, Organization.id == CallFunder.organization_id).where(CallFunder.call_id == call_id))}
    return [decision_text(d.reason_code, d.reason_args, fmt, funder_names, criteria) for d in made]


def register(app: typer.Typer) -> None:
    app.add_typer(calls_app, name="calls")
