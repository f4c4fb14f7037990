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
    start = greedy(papers, reviewers, weights, n)
    for key, x in xs.items():
        model.add_hint(x, key in start)
    # lexicographic: first the smallest maximum load (a third of the time), then, with the load held there,
    # the largest expertise overlap, starting from the first phase's assignment
    model.minimize(load)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    solver.parameters.max_time_in_seconds = time_limit / 3
    status = solver.solve(model)
    spent = solver.wall_time
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        model.add(load <= int(solver.value(load)))
        model.clear_hints()
        for x in xs.values():
            model.add_hint(x, solver.boolean_value(x))
        model.maximize(sum(w * xs[k] for k, w in weights.items() if w))
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = workers
        solver.parameters.max_time_in_seconds = max(time_limit - spent, 1.0)
        status = solver.solve(model)
    solution.status = solver.status_name(status)
    solution.seconds = spent + solver.wall_time
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        solution.pairs = [(pid, rid, weights[pid, rid]) for (pid, rid), x in xs.items() if solver.boolean_value(x)]
        solution.max_load = _max_load(solution.pairs)
        return solution
    if status == cp_model.INFEASIBLE or not _within_limits(start, reviewers):
        raise ValidationFailed(f"No assignment satisfies the reviewers' maximum loads ({solution.status}); raise "
                               "max_load or add reviewers", field="reviewers")
    # the time limit came before CP-SAT's first solution: keep the greedy one, and say so
    solution.status = "GREEDY"
    solution.pairs = [(pid, rid, weights[pid, rid]) for pid, rid in sorted(start)]
    solution.max_load = _max_load(solution.pairs)
    return solution


def _max_load(pairs: list[tuple[int, int, int]]) -> int:
    counts: dict[int, int] = {}
    for _, rid, _ in pairs:
        counts[rid] = counts.get(rid, 0) + 1
    return max(counts.values(), default=0)


def greedy(papers: list[Paper], reviewers: list[Candidate], weights: dict[tuple[int, int], int],
           n: int) -> set[tuple[int, int]]:
    """A quick assignment to start CP-SAT from: proposals with the fewest candidates first, each taking the
    candidates with the lowest load so far (below the even share first), then the best expertise."""
    candidates: dict[int, list[int]] = {}
    for pid, rid in weights:
        candidates.setdefault(pid, []).append(rid)
    limit = {r.id: r.max_load if r.max_load is not None else len(papers) for r in reviewers}
    share = -(-sum(min(n, len(c)) for c in candidates.values()) // max(len(reviewers), 1))
    load: dict[int, int] = {}
    chosen: set[tuple[int, int]] = set()
    for pid in sorted(candidates, key=lambda p: (len(candidates[p]), p)):
        free = [r for r in candidates[pid] if load.get(r, 0) < limit[r]]
        free.sort(key=lambda r: (load.get(r, 0) >= share, -weights[pid, r], load.get(r, 0), r))
        for rid in free[:min(n, len(candidates[pid]))]:
            chosen.add((pid, rid))
            load[rid] = load.get(rid, 0) + 1
    _rebalance(chosen, candidates, weights, load, share, limit)
    return chosen


def _rebalance(chosen: set[tuple[int, int]], candidates: dict[int, list[int]], weights: dict[tuple[int, int], int],
               load: dict[int, int], share: int, limit: dict[int, int]) -> None:
    """Move pairs from reviewers above the even share to a candidate below it (best expertise first)."""
    for pid, rid in sorted(chosen, key=lambda pair: -load.get(pair[1], 0)):
        if load[rid] <= share:
            continue
        spare = [r for r in candidates[pid] if (pid, r) not in chosen and load.get(r, 0) < min(share, limit[r])]
        if spare:
            best = max(spare, key=lambda r: (weights[pid, r], -load.get(r, 0)))
            chosen.discard((pid, rid))
            chosen.add((pid, best))
            load[rid] -= 1
            load[best] = load.get(best, 0) + 1


def _within_limits(chosen: set[tuple[int, int]], reviewers: list[Candidate]) -> bool:
    counts: dict[int, int] = {}
    for _, rid in chosen:
        counts[rid] = counts.get(rid, 0) + 1
    return all(r.max_load is None or counts.get(r.id, 0) <= r.max_load for r in reviewers)
