"""Assignment of reviewers to proposals as a CP-SAT model (Google OR-Tools).

Variables x[p, r] ∈ {0, 1} for every pair without a conflict of interest (and within each proposal's best
``candidates`` reviewers by expertise, to keep large calls tractable). Constraints: each proposal gets exactly
``min(n, its candidates)`` reviewers; each reviewer at most its ``max_load`` and at most the load L. Objective:
lexicographically, first the smallest L (balanced load), then the largest total expertise (overlap between
the reviewer's expertise fields and the proposal's fields and topic). Proposals that cannot get N reviewers are
named with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from sticoop.core.errors import ValidationFailed


@dataclass(frozen=True)
class Candidate:
    """A reviewer: id, expertise keywords and its maximum number of proposals (None: no maximum)."""

    id: int
    expertise: frozenset[str]
    max_load: int | None = None


@dataclass(frozen=True)
class Paper:
    """A proposal: id, its fields/topic keywords, and the reviewers it may not get (conflicts)."""

    id: int
    keywords: frozenset[str]
    conflicted: frozenset[int] = frozenset()


@dataclass
class Solution:
    """Pairs (proposal id, reviewer id, expertise overlap), the shortfalls {proposal id: reason}, the solver's
    status name, maximum load and wall time in seconds."""

    pairs: list[tuple[int, int, int]] = field(default_factory=list)
    short: dict[int, str] = field(default_factory=dict)
    status: str = ""
    max_load: int = 0
    seconds: float = 0.0


def solve(papers: list[Paper], reviewers: list[Candidate], n: int = 3, candidates: int = 40,
          time_limit: float = 30.0, workers: int = 2) -> Solution:
    """Assign ``n`` reviewers to each paper (see the module docstring). ``time_limit`` in seconds: the best
    solution found by then is returned (status FEASIBLE rather than OPTIMAL). ValidationFailed when there is
    no reviewer at all or the loads make it impossible."""
    if n < 1:
        raise ValidationFailed("reviewers per proposal must be at least 1", field="reviewers_per_proposal")
    solution = Solution()
    model = cp_model.CpModel()
    by_reviewer: dict[int, list[cp_model.IntVar]] = {r.id: [] for r in reviewers}
    weights: dict[tuple[int, int], int] = {}
    xs: dict[tuple[int, int], cp_model.IntVar] = {}
    slots = 0
    for p in papers:
        allowed = [r for r in reviewers if r.id not in p.conflicted and r.max_load != 0]
        scored = sorted(((len(r.expertise & p.keywords), r.id) for r in allowed), key=lambda t: (-t[0], t[1]))
        scored = scored[:max(candidates, n)]
        if len(scored) < n:
            excluded = len(reviewers) - len(allowed)
            solution.short[p.id] = (f"only {len(scored)} of the {n} reviewers required are available: "
                                    f"{excluded} of {len(reviewers)} have a conflict of interest or no capacity")
        if not scored:
            continue
        row = []
        for w, rid in scored:
            x = model.new_bool_var(f"x{p.id}_{rid}")
            xs[p.id, rid] = x
            weights[p.id, rid] = w
            by_reviewer[rid].append(x)
            row.append(x)
        model.add(sum(row) == min(n, len(scored)))
        slots += min(n, len(scored))
    low = -(-slots // max(len(reviewers), 1))
    load = model.new_int_var(low, max(len(papers), low), "load")
    for r in reviewers:
        if by_reviewer[r.id]:
            model.add(sum(by_reviewer[r.id]) <= load)
            if r.max_load is not None:
                model.add(sum(by_reviewer[r.id]) <= r.max_load)
    top = max(weights.values(), default=0)
    big = top * slots + 1
    model.minimize(big * load - sum(w * xs[k] for k, w in weights.items() if w))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    status = solver.solve(model)
    solution.status = solver.status_name(status)
    solution.seconds = solver.wall_time
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise ValidationFailed(f"No assignment satisfies the reviewers' maximum loads ({solution.status}); raise "
                               "max_load or add reviewers", field="reviewers")
    solution.max_load = int(solver.value(load))
    solution.pairs = [(pid, rid, weights[pid, rid]) for (pid, rid), x in xs.items() if solver.boolean_value(x)]
    return solution
