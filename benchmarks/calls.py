"""Joint-call benchmark: eligibility of 5,000 proposals and the CP-SAT assignment of 2,000 proposals to 300
reviewers (3 each).

1. Eligibility, engine only: 5,000 generated consortia (2–6 partners from Belgium, France, Vietnam, Thailand,
   the USA; one coordinator), the JFS rules plus a TRL range, per-partner and total caps, the deadline,
   admissibility and the funders' own rules — 11 rules per proposal.
2. Eligibility through the database: the same proposals stored in a fresh SQLite file, then the call's report
   (``sticoop.calls.evaluation`` building each proposal's values from the ORM and evaluating them), as the
   ranking and the assignment do.
3. Assignment: 2,000 proposals with 1–3 of 20 fields, 300 reviewers with 2–4 fields, 1 % of the pairs in conflict;
   each proposal keeps its best 40 candidates. Reported: solver status (OPTIMAL, or FEASIBLE when stopped by the
   time limit), the largest load against its lower bound ceil(6,000 / 300) = 20, the total expertise overlap
   against the upper bound (each proposal's 3 best candidates, loads ignored), and wall time.

Run: ``nice -n 10 .venv/bin/python benchmarks/calls.py [--time-limit 60] [--skip db]``.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sticoop.calls import assignment as solver
from sticoop.calls import eligibility as e

COUNTRIES = ["BEL", "BEL", "FRA", "VNM", "VNM", "THA", "THA", "USA"]
FUNDERS = {1: e.FunderTerms(1, "BELSPO", "BEL", "EUR"), 2: e.FunderTerms(2, "NAFOSTED", "VNM", "VND"),
           3: e.FunderTerms(3, "NSTDA", "THA", "THB", extra_rules={"trl_min": 3, "trl_max": 6})}
FUNDER_OF = {"BEL": (1, "EUR"), "VNM": (2, "VND"), "THA": (3, "THB")}
CLOSE = datetime(2026, 5, 31, 15, tzinfo=UTC)
RULES = [*e.JFS_RULES, {"kind": "trl_range", "params": {"min": 2, "max": 7}},
         {"kind": "max_budget_per_partner", "params": {"amount": 250000, "currency": "EUR"}},
         {"kind": "max_total_budget", "params": {"amount": 400000, "currency": "EUR"}}]


def consortia(n: int, seed: int = 0) -> list[tuple[list[tuple[str, int | None, str | None, int]], int, datetime]]:
    """n consortia: [(country, funder id, currency, budget)], TRL, submission instant."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        members = []
        for _ in range(rng.randint(2, 6)):
            country = rng.choice(COUNTRIES)
            fid, cur = FUNDER_OF.get(country, (None, None))
            members.append((country, fid, cur, rng.randint(10, 300) * 1000))
        out.append((members, rng.randint(1, 9), CLOSE - timedelta(hours=rng.randint(-5, 500))))
    return out


def engine(data: list[tuple[list[tuple[str, int | None, str | None, int]], int, datetime]]) -> tuple[float, int]:
    terms = e.CallTerms(CLOSE, FUNDERS)
    start = time.perf_counter()
    eligible = 0
    for i, (members, trl, at) in enumerate(data):
        partners = tuple(e.Applicant(i * 10 + j, c, "coordinator" if j == 0 else "partner", f, Decimal(b), cur)
                         for j, (c, f, cur, b) in enumerate(members))
        eligible += e.eligible(e.evaluate(RULES, e.Submission(partners, trl, at), terms))
    return time.perf_counter() - start, eligible


def through_database(data: list[tuple[list[tuple[str, int | None, str | None, int]], int, datetime]]) -> float:
    from sqlalchemy import select

    from sticoop.calls import evaluation
    from sticoop.calls.models import Call, CallFunder, Proposal, ProposalPartner
    from sticoop.composition import bootstrap
    from sticoop.core.database import session_scope
    from sticoop.core.migrate import upgrade
    from sticoop.partners.models import Organization
    from sticoop.reference.service import seed_reference

    bootstrap()
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'calls.db'}"
    upgrade(url)
    with session_scope(url) as db:
        seed_reference(db)
        orgs = {c: Organization(name=f"Org {c}", country_code=c) for c in set(COUNTRIES)}
        db.add_all(orgs.values())
        call = Call(title="Benchmark call", currency="EUR", rules=RULES, criteria=[], tie_break=[], topics=[],
                    status="closed", closes_at=CLOSE)
        db.add(call)
        db.flush()
        for fid, f in FUNDERS.items():
            db.add(CallFunder(id=fid, call_id=call.id, organization_id=orgs[f.country].id, country_code=f.country,
                              budget=10**12, currency=f.currency, extra_rules=f.extra_rules))
        db.flush()
        for i, (members, trl, at) in enumerate(data):
            db.add(Proposal(call_id=call.id, acronym=f"P{i}", title=f"Proposal {i}", topic="T", abstract="A",
                            trl=trl, status="submitted", submitted_at=at, partners=[
                                ProposalPartner(organization_id=orgs[c].id, country_code=c,
                                                role="coordinator" if j == 0 else "partner", funder_id=f,
                                                budget=b, currency=cur) for j, (c, f, cur, b) in enumerate(members)]))
        call_id = call.id
    with session_scope(url) as db:
        call = db.get(Call, call_id)
        start = time.perf_counter()
        kept, excluded = evaluation._eligible(db, call)  # noqa: SLF001  (the report the ranking builds)
        seconds = time.perf_counter() - start
        assert len(kept) + len(excluded) == len(data)
        assert db.scalar(select(Proposal.id).limit(1)) is not None
    return seconds


def assignment(n_papers: int, n_reviewers: int, n: int, time_limit: float, seed: int = 0) -> None:
    rng = random.Random(seed)
    fields = [f"f{i}" for i in range(20)]
    pool = [solver.Candidate(r, frozenset(rng.sample(fields, rng.randint(2, 4)))) for r in range(n_reviewers)]
    papers = [solver.Paper(p, frozenset(rng.sample(fields, rng.randint(1, 3))),
                           frozenset(r for r in range(n_reviewers) if rng.random() < 0.01)) for p in range(n_papers)]
    bound = sum(sum(sorted((len(c.expertise & p.keywords) for c in pool if c.id not in p.conflicted),
                           reverse=True)[:n]) for p in papers)
    start = time.perf_counter()
    found = solver.solve(papers, pool, n=n, time_limit=time_limit)
    total = time.perf_counter() - start
    overlap = sum(w for _, _, w in found.pairs)
    print(f"assignment {n_papers} proposals x {n_reviewers} reviewers, {n} each: {found.status}, "
          f"{len(found.pairs)} pairs, max load {found.max_load} (lower bound {-(-n_papers * n // n_reviewers)}), "
          f"expertise {overlap} of at most {bound} ({overlap / bound:.1%}), solver {found.seconds:.1f} s, "
          f"total {total:.1f} s (model building included)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--time-limit", type=float, default=60.0, help="CP-SAT time limit in seconds")
    ap.add_argument("--skip", action="append", default=[], choices=["engine", "db", "assignment"])
    args = ap.parse_args()
    data = consortia(5000)
    if "engine" not in args.skip:
        seconds, eligible = engine(data)
        print(f"eligibility, engine: 5000 proposals x {len(RULES) + 3} rules in {seconds:.2f} s "
              f"({seconds / 5000 * 1e6:.0f} µs each), {eligible} eligible")
    if "db" not in args.skip:
        seconds = through_database(data)
        print(f"eligibility, through SQLite (ORM load + rules): 5000 proposals in {seconds:.2f} s")
    if "assignment" not in args.skip:
        assignment(2000, 300, 3, args.time_limit)


if __name__ == "__main__":
    main()
