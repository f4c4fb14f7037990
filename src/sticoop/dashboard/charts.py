"""The portfolio charts of the home and partnership dashboards: one SQL ``GROUP BY`` per chart, bounded.

Every chart is a table of rows (a partnership, a session, a year, a status…) by series (completion levels, visits
and events, brokerage outcomes); every cell carries its count and the URL of the list page that shows exactly the
records counted (the list's own filters, so the drill-down and the number agree by construction). The statements
are ORM statements on the session of the signed-in user, so ``accounts/scoping.py`` narrows them like any list: a
viewer of one partnership counts only its records.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date as Date
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from pydantic import BaseModel, Field
from sqlalchemy import case, extract, func, select
from sqlalchemy.orm import Session as DbSession

from sticoop.activities.models import Event, Visit
from sticoop.agreements.models import Agreement, past_expiry_clause
from sticoop.commitments.models import Commitment, Completion
from sticoop.core import clock
from sticoop.core.labels import N_
from sticoop.matchmaking.brokerage.models import MeetingRequest
from sticoop.partnerships.models import Committee, CommitteeSession, Partnership
from sticoop.projects.models import Project, project_fields
from sticoop.reference.models import Field as ResearchField

#: rows per chart at most (the largest groups first; the table twin says when rows were left out)
MAX_ROWS = 25
COMPLETIONS = [c.value for c in Completion]
#: brokerage outcomes worth a bar (``none`` is every meeting not yet followed up)
OUTCOMES = ["follow_up", "mou_signed", "contract_signed"]
#: names of the series (the same msgids as the completion labels, record kinds and brokerage outcomes)
SERIES_LABELS = {
    "not_started": N_("Not started"), "limited": N_("Limited"), "substantial": N_("Substantial"),
    "complete": N_("Complete"), "count": N_("Records"), "project": N_("Project"), "visit": N_("Visit"),
    "event": N_("Event"), "follow_up": N_("Follow-up agreed"), "mou_signed": N_("MoU signed"),
    "contract_signed": N_("Contract signed"),
}


class Cell(BaseModel):
    """One mark of a chart: a count and the list of the records behind it."""

    series: str = Field(description="Series code: a completion level, `visits`/`events`, a brokerage outcome, `count`")
    value: int = Field(description="How many records (≥ 0)")
    url: str | None = Field(description="Path of the list page showing exactly these records; null when 0")


class Row(BaseModel):
    """One bar (or group of bars) of a chart."""

    key: str = Field(description="What the row groups by: an id, a status code, a year, a field key")
    label: str = Field(description="Its name as stored (partnership or event name, year); codes are translated "
                                   "by the page through `label_group`")
    cells: list[Cell] = Field(description="One cell per series, in the chart's series order")
    value: Decimal | None = Field(None, description="Brokerage only: the contract value signed (sum, as recorded)")

    @property
    def total(self) -> int:
        return sum(c.value for c in self.cells)


class Chart(BaseModel):
    """One chart of the dashboard and its table twin."""

    key: str = Field(description="Chart code, e.g. `commitments_by_partnership` (also its CSV file name)")
    title: str = Field(description="Title (English msgid; pages translate it)")
    row_title: str = Field(description="Heading of the row column (English msgid)")
    label_group: str | None = Field(description="Labels group translating row keys (e.g. `agreement_status`), "
                                                "or null when rows are names")
    series: list[str] = Field(description="Series codes, in order")
    series_labels: dict[str, str] = Field(description="Series code -> its name (English msgid; pages translate it)")
    rows: list[Row] = Field(description=f"The rows, at most {MAX_ROWS}")
    truncated: bool = Field(False, description=f"True when more than {MAX_ROWS} rows existed (largest kept)")

    def model_post_init(self, _context: Any) -> None:
        """Keep only the names of this chart's series."""
        self.series_labels = {s: self.series_labels[s] for s in self.series}


def _url(path: str, **params: Any) -> str:
    query = urlencode([(k, str(v)) for k, v in params.items() if v is not None])
    return f"{path}?{query}" if query else path


def _year_range(year: Any) -> dict[str, str]:
    return {"date_from": f"{int(year):04d}-01-01", "date_to": f"{int(year):04d}-12-31"}


def _grid(keyed: dict[tuple[str, str], int], rows: list[tuple[str, str]], series: list[str],
          url: Callable[[str, str], str]) -> list[Row]:
    """Rows × series from ``{(row key, series): count}``; a zero cell links nowhere."""
    return [Row(key=key, label=label, cells=[
        Cell(series=s, value=keyed.get((key, s), 0), url=url(key, s) if keyed.get((key, s)) else None)
        for s in series]) for key, label in rows]


def _top(rows: list[Row]) -> tuple[list[Row], bool]:
    return rows[:MAX_ROWS], len(rows) > MAX_ROWS


def _partnership_clause(column: Any, partnership_id: int | None) -> Any:
    return column == partnership_id if partnership_id is not None else True


# ----- commitments ------------------------------------------------------------------------------------------------
def commitments_by_partnership(db: DbSession, partnership_id: int | None = None) -> Chart:
    """Commitments of each partnership by completion level (OGP IRM scale); the largest partnerships first."""
    rows = db.execute(
        select(Partnership.id, Partnership.name, Commitment.completion, func.count(Commitment.id))
        .join(Partnership, Commitment.partnership_id == Partnership.id)
        .where(_partnership_clause(Commitment.partnership_id, partnership_id))
        .group_by(Partnership.id, Partnership.name, Commitment.completion)
    ).all()
    keyed = {(str(pid), completion): n for pid, _, completion, n in rows}
    names = sorted({(str(pid), name) for pid, name, _, _ in rows}, key=lambda r: r[1])
    built = sorted(_grid(keyed, names, COMPLETIONS, lambda k, s: _url("/commitments", partnership_id=k,
                                                                          completion=s)),
                   key=lambda r: -r.total)
    kept, cut = _top(built)
    return Chart(key="commitments_by_partnership", title=N_("Commitments by completion, per partnership"),
                 row_title=N_("Partnership"), label_group=None, series=COMPLETIONS, series_labels=SERIES_LABELS,
                 rows=kept, truncated=cut)


def commitments_by_session(db: DbSession, partnership_id: int | None = None) -> Chart:
    """Commitments agreed at each committee session by completion level: the latest sessions first."""
    latest = (select(CommitteeSession.id).join(Committee, CommitteeSession.committee_id == Committee.id)
              .where(_partnership_clause(Committee.partnership_id, partnership_id),
                     CommitteeSession.id.in_(select(Commitment.session_id)))
              .order_by(CommitteeSession.start_date.desc().nulls_last(), CommitteeSession.id.desc())
              .limit(MAX_ROWS + 1))
    session_ids = list(db.scalars(latest))
    rows = db.execute(
        select(CommitteeSession.id, Committee.name, CommitteeSession.number, CommitteeSession.start_date,
               Commitment.completion, func.count(Commitment.id))
        .join(CommitteeSession, Commitment.session_id == CommitteeSession.id)
        .join(Committee, CommitteeSession.committee_id == Committee.id)
        .where(CommitteeSession.id.in_(session_ids[:MAX_ROWS]))
        .group_by(CommitteeSession.id, Committee.name, CommitteeSession.number, CommitteeSession.start_date,
                  Commitment.completion)
    ).all()
    keyed = {(str(sid), completion): n for sid, _, _, _, completion, n in rows}
    order = {sid: i for i, sid in enumerate(session_ids)}
    labels = sorted({(str(sid), f"{number} — {name}") for sid, name, number, _, _, _ in rows},
                    key=lambda r: order[int(r[0])])
    return Chart(key="commitments_by_session", title=N_("Commitments by completion, per session"),
                 row_title=N_("Session"), label_group=None, series=COMPLETIONS, series_labels=SERIES_LABELS,
                 rows=_grid(keyed, labels, COMPLETIONS, lambda k, s: _url("/commitments", session_id=k,
                                                                          completion=s)),
                 truncated=len(session_ids) > MAX_ROWS)


def completion_over_time(db: DbSession, partnership_id: int | None = None) -> Chart:
    """Commitments by the year they fall due and their completion level (undated ones are left out)."""
    year = extract("year", Commitment.due_date)
    rows = db.execute(
        select(year, Commitment.completion, func.count(Commitment.id))
        .where(Commitment.due_date.is_not(None), _partnership_clause(Commitment.partnership_id, partnership_id))
        .group_by(year, Commitment.completion).order_by(year.desc()).limit(MAX_ROWS * len(COMPLETIONS) + 1)
    ).all()
    keyed = {(str(int(y)), completion): n for y, completion, n in rows}
    years = sorted({str(int(y)) for y, _, _ in rows}, reverse=True)
    cut = len(years) > MAX_ROWS
    kept = sorted(years[:MAX_ROWS])
    return Chart(key="completion_over_time", title=N_("Completion over time (commitments by year due)"),
                 row_title=N_("Year"), label_group=None, series=COMPLETIONS, series_labels=SERIES_LABELS,
                 rows=_grid(keyed, [(y, y) for y in kept], COMPLETIONS,
                            lambda k, s: _url("/commitments", partnership_id=partnership_id, completion=s,
                                              **_year_range(k))),
                 truncated=cut)


# ----- agreements and projects ------------------------------------------------------------------------------------
def agreements_by_status(db: DbSession, partnership_id: int | None = None, today: Date | None = None) -> Chart:
    """Agreements by their status as read today (a live agreement past expiry counts as expired, like the list)."""
    status = case((past_expiry_clause(today or clock.today()), "expired"), else_=Agreement.status)
    rows = db.execute(select(status, func.count(Agreement.id))
                      .where(_partnership_clause(Agreement.partnership_id, partnership_id))
                      .group_by(status)).all()
    keyed = {(code, "count"): n for code, n in rows}
    ordered = sorted(rows, key=lambda r: -r[1])
    return Chart(key="agreements_by_status", title=N_("Agreements by status"), row_title=N_("Status"),
                 label_group="agreement_status", series=["count"], series_labels=SERIES_LABELS,
                 rows=_grid(keyed, [(code, code) for code, _ in ordered], ["count"],
                            lambda k, _s: _url("/agreements", partnership_id=partnership_id, status=k)))


def projects_by_field(db: DbSession, partnership_id: int | None = None) -> Chart:
    """Projects by field of science (a project in two fields counts in both); the largest fields first."""
    rows = db.execute(
        select(ResearchField.key, ResearchField.name, func.count(Project.id))
        .join(project_fields, project_fields.c.project_id == Project.id)
        .join(ResearchField, ResearchField.key == project_fields.c.field_key)
        .where(_partnership_clause(Project.partnership_id, partnership_id))
        .group_by(ResearchField.key, ResearchField.name).order_by(func.count(Project.id).desc(), ResearchField.key)
        .limit(MAX_ROWS + 1)
    ).all()
    keyed = {(key, "count"): n for key, _, n in rows}
    return Chart(key="projects_by_field", title=N_("Projects by field"), row_title=N_("Field"),
                 label_group="tech_field",
                 series=["count"], series_labels=SERIES_LABELS,
                 rows=_grid(keyed, [(k, name) for k, name, _ in rows[:MAX_ROWS]], ["count"],
                            lambda k, _s: _url("/projects", partnership_id=partnership_id, field=k)),
                 truncated=len(rows) > MAX_ROWS)


def _per_year(db: DbSession, model: Any, partnership_id: int | None) -> dict[str, int]:
    year = extract("year", model.start_date)
    statement = (select(year, func.count(model.id))
                 .where(model.start_date.is_not(None), _partnership_clause(model.partnership_id, partnership_id))
                 .group_by(year).order_by(year.desc()).limit(MAX_ROWS + 1))
    return {str(int(y)): int(n) for y, n in db.execute(statement).all()}


def _year_chart(key: str, title: str, paths: dict[str, str], counts: dict[str, dict[str, int]],
                partnership_id: int | None) -> Chart:
    years = sorted({y for per in counts.values() for y in per}, reverse=True)
    kept = sorted(years[:MAX_ROWS])
    keyed = {(y, s): n for s, per in counts.items() for y, n in per.items()}
    return Chart(key=key, title=title, row_title=N_("Year"), label_group=None, series=list(paths),
                 series_labels=SERIES_LABELS,
                 rows=_grid(keyed, [(y, y) for y in kept], list(paths),
                            lambda k, s: _url(paths[s], partnership_id=partnership_id, **_year_range(k))),
                 truncated=len(years) > MAX_ROWS)


def projects_by_year(db: DbSession, partnership_id: int | None = None) -> Chart:
    """Projects by the year they started (undated ones are left out)."""
    return _year_chart("projects_by_year", N_("Projects by start year"), {"project": "/projects"},
                       {"project": _per_year(db, Project, partnership_id)}, partnership_id)


def activities_by_year(db: DbSession, partnership_id: int | None = None) -> Chart:
    """Visits and events by the year they started (undated ones are left out)."""
    return _year_chart("activities_by_year", N_("Visits and events per year"),
                       {"visit": "/visits", "event": "/events"},
                       {"visit": _per_year(db, Visit, partnership_id), "event": _per_year(db, Event, partnership_id)},
                       partnership_id)


def brokerage_outcomes(db: DbSession, partnership_id: int | None = None) -> Chart:
    """Brokerage meetings of each event by outcome (follow-up, MoU signed, contract signed) and the contract value
    signed (sum of ``contract_value`` as recorded, whatever its currency); drills down to the event's brokerage."""
    rows = db.execute(
        select(Event.id, Event.title, MeetingRequest.outcome, func.count(MeetingRequest.id),
               func.sum(MeetingRequest.contract_value))
        .join(Event, MeetingRequest.event_id == Event.id)
        .where(MeetingRequest.outcome.in_(OUTCOMES), _partnership_clause(Event.partnership_id, partnership_id))
        .group_by(Event.id, Event.title, MeetingRequest.outcome)
    ).all()
    keyed = {(str(eid), outcome): n for eid, _, outcome, n, _ in rows}
    values: dict[str, Decimal] = {}
    for eid, _, _, _, value in rows:
        if value is not None:
            values[str(eid)] = values.get(str(eid), Decimal(0)) + Decimal(value)
    names = sorted({(str(eid), title) for eid, title, _, _, _ in rows}, key=lambda r: r[1])
    built = _grid(keyed, names, OUTCOMES, lambda k, _s: f"/events/{k}/brokerage")
    for row in built:
        row.value = values.get(row.key)
    kept, cut = _top(sorted(built, key=lambda r: -r.total))
    return Chart(key="brokerage_outcomes", title=N_("Brokerage outcomes (MoUs, contracts, value)"),
                 row_title=N_("Event"), label_group=None, series=OUTCOMES, series_labels=SERIES_LABELS,
                 rows=kept, truncated=cut)


#: every chart, in page order: key -> builder(db, partnership_id)
CHARTS: dict[str, Callable[..., Chart]] = {
    "commitments_by_partnership": commitments_by_partnership,
    "commitments_by_session": commitments_by_session,
    "completion_over_time": completion_over_time,
    "agreements_by_status": agreements_by_status,
    "projects_by_field": projects_by_field,
    "projects_by_year": projects_by_year,
    "activities_by_year": activities_by_year,
    "brokerage_outcomes": brokerage_outcomes,
}
#: charts that make no sense inside one partnership
HOME_ONLY = frozenset({"commitments_by_partnership"})


def chart_keys(partnership_id: int | None) -> list[str]:
    """The charts of the home dashboard (``partnership_id`` None) or of one partnership's dashboard."""
    return [k for k in CHARTS if partnership_id is None or k not in HOME_ONLY]


def build(db: DbSession, key: str, partnership_id: int | None = None) -> Chart:
    """One chart by key (``KeyError`` for an unknown key: callers answer 404)."""
    return CHARTS[key](db, partnership_id)
