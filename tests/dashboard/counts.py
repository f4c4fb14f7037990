"""An independent count of what each chart and map measure should show, computed in Python from the records
themselves and the scope rule as the docs state it (not through the dashboards' SQL)."""


from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.activities.models import Event, Visit
from sticoop.agreements.models import Agreement
from sticoop.commitments.models import Commitment
from sticoop.matchmaking.brokerage.models import MeetingRequest
from sticoop.partners.models import Organization
from sticoop.partnerships.models import Committee, CommitteeSession, Partnership
from sticoop.projects.models import Project

Cells = dict[tuple[str, str], set[int]]


@dataclass(frozen=True)
class Scope:
    """Who looks: ``None`` partnerships = an administrator (everything)."""

    partnership_ids: frozenset[int] | None

    def sees(self, partnership_id: int | None, confidential: bool = False) -> bool:
        if self.partnership_ids is None:
            return True
        return not confidential and (partnership_id is None or partnership_id in self.partnership_ids)


def _year(value: Any) -> str | None:
    return str(value.year) if value is not None else None


def expected_chart(db: Session, key: str, scope: Scope, partnership_id: int | None) -> Cells:
    """``{(row key, series): ids}`` of every record a chart should count, from the records in Python."""
    cells: Cells = defaultdict(set)
    here = (lambda pid: pid == partnership_id) if partnership_id is not None else (lambda pid: True)
    if key in ("commitments_by_partnership", "commitments_by_session", "completion_over_time"):
        sessions = {s.id: s for s in db.scalars(select(CommitteeSession))}
        committees = {c.id: c for c in db.scalars(select(Committee))}
        for c in db.scalars(select(Commitment)):
            if not scope.sees(c.partnership_id, c.confidential) or not here(c.partnership_id):
                continue
            if key == "commitments_by_partnership":
                cells[(str(c.partnership_id), c.completion)].add(c.id)
            elif key == "commitments_by_session" and c.session_id is not None:
                committee = committees[sessions[c.session_id].committee_id]
                if scope.sees(committee.partnership_id, sessions[c.session_id].confidential):
                    cells[(str(c.session_id), c.completion)].add(c.id)
            elif key == "completion_over_time" and c.due_date is not None:
                cells[(_year(c.due_date), c.completion)].add(c.id)  # type: ignore[index]
    elif key == "agreements_by_status":
        for a in db.scalars(select(Agreement)):
            if scope.sees(a.partnership_id, a.confidential) and here(a.partnership_id):
                cells[(a.effective_status, "count")].add(a.id)
    elif key in ("projects_by_field", "projects_by_year"):
        for p in db.scalars(select(Project)):
            if not scope.sees(p.partnership_id, p.confidential) or not here(p.partnership_id):
                continue
            if key == "projects_by_field":
                for f in p.fields:
                    cells[(f.key, "count")].add(p.id)
            elif p.start_date is not None:
                cells[(_year(p.start_date), "project")].add(p.id)  # type: ignore[index]
    elif key == "activities_by_year":
        for model, series in ((Visit, "visit"), (Event, "event")):
            for r in db.scalars(select(model)):
                if scope.sees(r.partnership_id, r.confidential) and here(r.partnership_id) and r.start_date:
                    cells[(_year(r.start_date), series)].add(r.id)  # type: ignore[index]
    elif key == "brokerage_outcomes":
        events = {e.id: e for e in db.scalars(select(Event))}
        for m in db.scalars(select(MeetingRequest)):
            event = events[m.event_id]
            if m.outcome != "none" and scope.sees(event.partnership_id, event.confidential) \
                    and here(event.partnership_id):
                cells[(str(m.event_id), m.outcome)].add(m.id)
    return dict(cells)


def expected_map(db: Session, measure: str, scope: Scope, partnership_id: int | None) -> dict[str, Any]:
    """``{country: ids}`` of what the map should show for ``measure``; for funding ``{"amounts": {(country,
    currency): sum}, "totals": {currency: (projects, sum)}}`` (each currency on its own; a project counts once in
    its currency's total, and in every partner country's amount)."""
    out: dict[str, Any] = defaultdict(set)
    partnerships = {p.id: p for p in db.scalars(select(Partnership))}
    if measure == "partnerships":
        for p in partnerships.values():
            if scope.sees(p.id, p.confidential):
                for code in p.country_codes:
                    out[code].add(p.id)
    elif measure == "open_commitments":
        for c in db.scalars(select(Commitment)):
            if c.status in ("planned", "in_progress", "overdue") and scope.sees(c.partnership_id, c.confidential) \
                    and (partnership_id is None or c.partnership_id == partnership_id):
                for code in partnerships[c.partnership_id].country_codes:
                    out[code].add(c.id)
    else:
        countries = {o.id: o.country_code for o in db.scalars(select(Organization))}
        sums: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
        totals: dict[str, tuple[int, Decimal]] = {}
        for p in db.scalars(select(Project)):
            if p.status != "running" or not scope.sees(p.partnership_id, p.confidential) \
                    or (partnership_id is not None and p.partnership_id != partnership_id):
                continue
            codes = {countries[pp.organization_id] for pp in p.partners} - {None}
            for code in codes:
                out[code].add(p.id)
                if p.budget is not None and p.currency:
                    sums[(code, p.currency)] += p.budget  # type: ignore[index]
            if codes and p.budget is not None and p.currency:
                n, total = totals.get(p.currency, (0, Decimal(0)))
                totals[p.currency] = (n + 1, total + p.budget)
        if measure == "funding":
            return {"amounts": dict(sums), "totals": totals}
    return dict(out)
