"""The partnership dashboard's charts in a briefing pack, counted as of the pack's day and as its reader may
see them: the same charts (``dashboard/charts.py``: keys, titles, series, at most ``MAX_ROWS`` rows) drawn
by the same SVG writer (``dashboard/svg.py``), but each count is a ``replay.tally`` — the records unchanged
since the day by one ``GROUP BY``, those changed since from the audit log — on the reader's scoped session,
so a viewer's chart counts no confidential record. Cells link nowhere: a pack is a document of its day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import case, extract, select

from sticoop.activities.models import Event, Visit
from sticoop.agreements.models import Agreement, effective_status, past_expiry_clause
from sticoop.briefing.replay import Listing, tally
from sticoop.briefing.sections import Reading
from sticoop.commitments.models import Commitment
from sticoop.core.labels import N_
from sticoop.dashboard.charts import COMPLETIONS, MAX_ROWS, SERIES_LABELS, Cell, Chart, Row
from sticoop.projects.models import Project, project_fields
from sticoop.reference.models import Field as ResearchField


def _rows(counts: Counter[Any], series: list[str], order: Callable[[list[str]], list[str]],
          labels: dict[str, str] | None = None) -> tuple[list[Row], bool]:
    """Rows × series from ``{(row key, series): count}``, rows in ``order``, at most ``MAX_ROWS``."""
    keys = order(sorted({str(k) for k, _s in counts}))
    rows = [Row(key=k, label=(labels or {}).get(k, k),
                cells=[Cell(series=s, value=counts.get((k, s), 0), url=None) for s in series]) for k in keys]
    return rows[:MAX_ROWS], len(rows) > MAX_ROWS


def _latest_years(keys: list[str]) -> list[str]:
    return sorted(sorted(keys, reverse=True)[:MAX_ROWS])


def completion_over_time(reading: Reading, partnership_id: int) -> Chart:
    """Commitments by the year they fall due and their completion level on the day (undated left out)."""
    year = extract("year", Commitment.due_date)
    listing = Listing(Commitment, "commitment", [Commitment.partnership_id == partnership_id,
                                                 Commitment.due_date.is_not(None)],
                      lambda c: c.partnership_id == partnership_id and c.due_date is not None, "chart")
    counted = tally(reading.db, listing, reading.day, [year, Commitment.completion],
                    lambda c: [(c.due_date.year, c.completion)])
    counts = Counter({(str(int(y)), s): n for (y, s), n in counted.items()})
    rows, cut = _rows(counts, COMPLETIONS, _latest_years)
    return Chart(key="completion_over_time", title=N_("Completion over time (commitments by year due)"),
                 row_title=N_("Year"), label_group=None, series=COMPLETIONS, series_labels=SERIES_LABELS,
                 rows=rows, truncated=cut)


def agreements_by_status(reading: Reading, partnership_id: int) -> Chart:
    """Agreements by their status as read on the day (past expiry reads expired), the largest first."""
    day = reading.day
    status = case((past_expiry_clause(day), "expired"), else_=Agreement.status)
    listing = Listing(Agreement, "agreement", [Agreement.partnership_id == partnership_id],
                      lambda a: a.partnership_id == partnership_id, "chart")
    counted = tally(reading.db, listing, day, [status], lambda a: [effective_status(a.status, a.expiry_date, day)])
    counts = Counter({(str(k), "count"): n for k, n in counted.items() if k})
    rows, cut = _rows(counts, ["count"], lambda keys: sorted(keys, key=lambda k: (-counts[(k, "count")], k)))
    return Chart(key="agreements_by_status", title=N_("Agreements by status"), row_title=N_("Status"),
                 label_group="agreement_status", series=["count"], series_labels=SERIES_LABELS, rows=rows,
                 truncated=cut)


def projects_by_field(reading: Reading, partnership_id: int) -> Chart:
    """Projects by field of science on the day (a project in two fields counts in both), the largest first."""
    listing = Listing(Project, "project", [Project.partnership_id == partnership_id,
                                           project_fields.c.project_id == Project.id],
                      lambda p: p.partnership_id == partnership_id, "chart")
    counted = tally(reading.db, listing, reading.day, [project_fields.c.field_key], lambda p: p.fields_ids)
    counts = Counter({(str(k), "count"): n for k, n in counted.items()})
    names = dict(reading.db.execute(select(ResearchField.key, ResearchField.name)
                                    .where(ResearchField.key.in_([k for k, _s in counts]))).all())
    rows, cut = _rows(counts, ["count"], lambda keys: sorted(keys, key=lambda k: (-counts[(k, "count")], k)), names)
    return Chart(key="projects_by_field", title=N_("Projects by field"), row_title=N_("Field"),
                 label_group="tech_field",
                 series=["count"], series_labels=SERIES_LABELS, rows=rows, truncated=cut)


def _per_year(reading: Reading, model: Any, kind: str, partnership_id: int, series: str) -> Counter[Any]:
    year = extract("year", model.start_date)
    listing = Listing(model, kind, [model.partnership_id == partnership_id, model.start_date.is_not(None)],
                      lambda r: r.partnership_id == partnership_id and r.start_date is not None, "chart")
    counted = tally(reading.db, listing, reading.day, [year], lambda r: [r.start_date.year])
    return Counter({(str(int(y)), series): n for y, n in counted.items()})


def projects_by_year(reading: Reading, partnership_id: int) -> Chart:
    """Projects by the year they started, as recorded on the day (undated left out)."""
    rows, cut = _rows(_per_year(reading, Project, "project", partnership_id, "project"), ["project"], _latest_years)
    return Chart(key="projects_by_year", title=N_("Projects by start year"), row_title=N_("Year"), label_group=None,
                 series=["project"], series_labels=SERIES_LABELS, rows=rows, truncated=cut)


def activities_by_year(reading: Reading, partnership_id: int) -> Chart:
    """Visits and events by the year they started, as recorded on the day (undated left out)."""
    counts = _per_year(reading, Visit, "visit", partnership_id, "visit") + \
        _per_year(reading, Event, "event", partnership_id, "event")
    rows, cut = _rows(counts, ["visit", "event"], _latest_years)
    return Chart(key="activities_by_year", title=N_("Visits and events per year"), row_title=N_("Year"),
                 label_group=None, series=["visit", "event"], series_labels=SERIES_LABELS, rows=rows, truncated=cut)


#: the charts of a pack, in the order printed
CHARTS: dict[str, Callable[[Reading, int], Chart]] = {
    "completion_over_time": completion_over_time, "agreements_by_status": agreements_by_status,
    "projects_by_field": projects_by_field, "projects_by_year": projects_by_year,
    "activities_by_year": activities_by_year,
}


def pack_charts(reading: Reading, partnership_id: int) -> list[Chart]:
    """Every chart of the pack, counted as of ``reading.day`` on the reader's scoped session (one or two
    ``GROUP BY`` queries each, plus the audit log for a past day)."""
    return [build(reading, partnership_id) for build in CHARTS.values()]


