"""Scores, consensus, ranking and the funding decision's budget walk: pure functions on plain values.

Scale and defaults after the Horizon Europe evaluation rules (General Annexes, part D): three criteria,
Excellence, Impact and Quality and efficiency of the implementation, each scored 0–5 in half points; threshold 3
per criterion and 10 overall. Weights (optional) change the ranking only, never the thresholds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sticoop.core.errors import ValidationFailed

DEFAULT_CRITERIA: list[dict[str, Any]] = [
    {"key": "excellence", "name": "Excellence", "threshold": 3, "weight": 1},
    {"key": "impact", "name": "Impact", "threshold": 3, "weight": 1},
    {"key": "implementation", "name": "Quality and efficiency of the implementation", "threshold": 3, "weight": 1},
]
DEFAULT_TIE_BREAK = ["excellence", "impact"]
MAX_SCORE = Decimal(5)


def check_score(criterion: str, value: Any, where: str = "scores") -> Decimal:
    """A score as a Decimal, or ValidationFailed naming the half-point rule: 0–5 in steps of 0.5."""
    try:
        score = Decimal(str(value))
    except ArithmeticError:
        score = Decimal(-1)
    if isinstance(value, bool) or not score.is_finite() or not 0 <= score <= MAX_SCORE or (score * 2) % 1:
        raise ValidationFailed(f"{where}.{criterion}: {value} breaks the half-point scale rule: a score is 0 to 5 "
                               "in steps of 0.5", field=where)
    return score


def check_scores(criteria: list[dict[str, Any]], scores: dict[str, Any], where: str = "scores") -> dict[str, float]:
    """Every criterion of the call scored, no other key, each on the half-point scale; as stored."""
    keys = [c["key"] for c in criteria]
    unknown = sorted(set(scores) - set(keys))
    if unknown:
        raise ValidationFailed(f"{where}: unknown criterion {', '.join(unknown)}; the call's criteria are "
                               f"{', '.join(keys)}", field=where)
    missing = [k for k in keys if k not in scores]
    if missing:
        raise ValidationFailed(f"{where}: every criterion must be scored; missing {', '.join(missing)}", field=where)
    return {k: float(check_score(k, scores[k], where)) for k in keys}


def check_criteria(criteria: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Criteria as stored: unique keys, a name, threshold on the half-point scale, weight > 0 (default 1)."""
    seen: set[str] = set()
    out = []
    for i, c in enumerate(criteria):
        key = str(c.get("key") or "").strip()
        if not key or key in seen:
            raise ValidationFailed(f"criteria[{i}]: each criterion needs a unique key", field="criteria")
        seen.add(key)
        threshold = float(check_score(key, c.get("threshold", 3), "criteria"))
        weight = c.get("weight", 1)
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight <= 0:
            raise ValidationFailed(f"criteria[{i}]: weight must be a number above 0", field="criteria")
        out.append({"key": key, "name": str(c.get("name") or key), "threshold": threshold, "weight": weight})
    if not out:
        raise ValidationFailed("criteria: a call needs at least one criterion", field="criteria")
    return out


def justification_needed(final: dict[str, float], individual: Iterable[dict[str, float]]) -> list[str]:
    """Criteria whose consensus score lies outside the range of the individual reviews' scores."""
    reviews = list(individual)
    outside = []
    for key, value in final.items():
        given = [r[key] for r in reviews if key in r]
        if given and not min(given) <= value <= max(given):
            outside.append(key)
    return outside


@dataclass(frozen=True)
class Scored:
    """A proposal with its consensus scores, for the ranking."""

    proposal_id: int
    acronym: str
    scores: dict[str, float]


@dataclass
class Ranked:
    """A ranking line: rank (above threshold) or the failing criteria (below), totals."""

    proposal_id: int
    acronym: str
    scores: dict[str, float]
    total: float
    weighted_total: float
    rank: int | None = None
    failing: list[str] = field(default_factory=list)


def rank(scored: Iterable[Scored], criteria: list[dict[str, Any]], overall_threshold: float,
         tie_break: list[str]) -> tuple[list[Ranked], list[Ranked]]:
    """(ranked above every threshold, below-threshold with the failing criteria). Above: by weighted total,
    ties by ``tie_break`` criteria (higher first), then by acronym so the order is stable."""
    above: list[Ranked] = []
    below: list[Ranked] = []
    for s in scored:
        total = sum(s.scores[c["key"]] for c in criteria)
        weighted = sum(s.scores[c["key"]] * c["weight"] for c in criteria)
        line = Ranked(s.proposal_id, s.acronym, s.scores, total, weighted)
        line.failing = [c["key"] for c in criteria if s.scores[c["key"]] < c["threshold"]]
        if total < overall_threshold:
            line.failing.append("overall")
        (below if line.failing else above).append(line)
    above.sort(key=lambda r: (-r.weighted_total, *(-r.scores.get(k, 0) for k in tie_break), r.acronym))
    for i, line in enumerate(above, 1):
        line.rank = i
    below.sort(key=lambda r: (-r.total, r.acronym))
    return above, below


@dataclass(frozen=True)
class Walked:
    """The budget walk's verdict on one ranked proposal."""

    proposal_id: int
    rank: int
    funded: bool
    #: funder id → amount it pays (or would pay)
    shares: dict[int, Decimal]
    #: funder id → how much it lacked
    shortfalls: dict[int, Decimal]


def budget_walk(ranked: list[tuple[int, int, dict[int, Decimal]]], budgets: dict[int, Decimal]) -> list[Walked]:
    """Walk the ranking ``[(proposal id, rank, {funder id: its applicants' share})]`` in order: a proposal is
    funded only if every funder involved can pay its share from what remains of its budget; else it goes to
    the reserve list with, for each funder short, how much it lacked. No money crosses funders."""
    remaining = dict(budgets)
    out = []
    for proposal_id, position, shares in ranked:
        lacking = {f: amount - remaining.get(f, Decimal(0)) for f, amount in shares.items()
                   if amount > remaining.get(f, Decimal(0))}
        if not lacking:
            for f, amount in shares.items():
                remaining[f] = remaining.get(f, Decimal(0)) - amount
        out.append(Walked(proposal_id, position, not lacking, shares, lacking))
    return out
