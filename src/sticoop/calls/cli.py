"""`sticoop calls`: a call's eligibility report, reviewer assignment, ranking and funding decision from the shell.

Each command is one transaction, committed before it prints; wrong input exits 1 with one ``error:`` line."""

from __future__ import annotations

import typer

from sticoop.core.cli import cli_errors
from sticoop.core.database import session_scope

calls_app = typer.Typer(help="Joint funding calls.", no_args_is_help=True)


@calls_app.command("eligibility")
@cli_errors
def eligibility(call_id: int = typer.Argument(..., help="The call (id).")) -> None:
    """Each proposal of the call: eligible or not, and the rules it fails with their reasons."""
    from sqlalchemy import select

    from sticoop.calls.evaluation import call_terms
    from sticoop.calls.evaluation import eligibility as report
    from sticoop.calls.models import Proposal
    from sticoop.calls.service import calls

    with session_scope() as db:
        call = calls.get(db, call_id)
        terms = call_terms(db, call)
        for p in db.scalars(select(Proposal).where(Proposal.call_id == call_id).order_by(Proposal.acronym)):
            found = report(db, p, call, terms)
            failed = "; ".join(f"{r['kind']}: {r['reason']}" for r in found["rules"] if not r["passed"])
            typer.echo(f"{p.acronym}\t{'eligible' if found['eligible'] else 'ineligible'}\t{failed}")


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
def ranking(call_id: int = typer.Argument(..., help="The call (id).")) -> None:
    """The ranking: rank, acronym, weighted total; then the proposals below a threshold."""
    from sticoop.calls.evaluation import ranking as rank

    with session_scope() as db:
        table = rank(db, call_id)
    for line in table["ranked"]:
        typer.echo(f"{line['rank']}\t{line['acronym']}\t{line['weighted_total']}")
    for line in table["below_threshold"]:
        typer.echo(f"-\t{line['acronym']}\tbelow threshold: {', '.join(line['failing'])}")


@calls_app.command("decide")
@cli_errors
def decide(call_id: int = typer.Argument(..., help="The call (id)."),
           version: int = typer.Option(..., help="The call's version you read (sticoop calls ranking shows the "
                                                 "ranking it will walk).")) -> None:
    """Run the funding decision's budget walk on a call under evaluation."""
    from sticoop.calls.evaluation import decide as run

    with session_scope() as db:
        made = run(db, call_id, version, "system")
        lines = [f"{d.rank or '-'}\t{d.proposal_id}\t{d.outcome}\t{d.reason}" for d in made]
    typer.echo("\n".join(lines))


def register(app: typer.Typer) -> None:
    app.add_typer(calls_app, name="calls")
