"""What the dashboards' pages, API and downloads share: the scope check of a partnership dashboard, the chart set
and the CSV twin of a chart."""

from __future__ import annotations

import io
from collections.abc import Callable

from sqlalchemy.orm import Session as DbSession

from sticoop.core.errors import NotFound, ValidationFailed
from sticoop.core.spreadsheet import CsvWriter
from sticoop.dashboard.charts import CHARTS, Chart, build, chart_keys
from sticoop.dashboard.worldmap import MEASURES, PARTNERSHIP_MEASURES, WorldMap, world_map
from sticoop.partnerships.models import Partnership


def check_partnership(db: DbSession, partnership_id: int | None) -> Partnership | None:
    """The partnership of a partnership dashboard, read through the user's scope: ``NotFound`` (404) when it does
    not exist or the user may not see it, so its figures never leak."""
    if partnership_id is None:
        return None
    partnership = db.get(Partnership, partnership_id)
    if partnership is None:
        raise NotFound(f"Partnership {partnership_id} does not exist", field="partnership_id")
    return partnership


def charts(db: DbSession, partnership_id: int | None = None) -> list[Chart]:
    """Every chart of the home dashboard (``partnership_id`` None) or of one partnership's dashboard."""
    check_partnership(db, partnership_id)
    return [build(db, key, partnership_id) for key in chart_keys(partnership_id)]


def one_chart(db: DbSession, key: str, partnership_id: int | None = None) -> Chart:
    """One chart by key: ``NotFound`` naming the chart for an unknown key or one not on that dashboard."""
    check_partnership(db, partnership_id)
    if key not in CHARTS or key not in chart_keys(partnership_id):
        raise NotFound(f"No chart {key!r} on this dashboard; charts: {', '.join(chart_keys(partnership_id))}",
                       field="chart")
    return build(db, key, partnership_id)


def measures(partnership_id: int | None) -> list[str]:
    """The map measures a dashboard offers (one partnership's dashboard leaves out ``partnerships``)."""
    return list(MEASURES) if partnership_id is None else list(PARTNERSHIP_MEASURES)


def the_map(db: DbSession, measure: str | None, partnership_id: int | None = None,
            currency: str | None = None) -> WorldMap:
    """The map of ``measure`` (default: the dashboard's first) in ``currency`` for funding (default the most
    common): ``ValidationFailed`` (422) naming ``measure`` for one this dashboard does not offer, or naming
    ``currency`` for one no running project in scope is budgeted in."""
    check_partnership(db, partnership_id)
    offered = measures(partnership_id)
    chosen = measure or offered[0]
    if chosen not in offered:
        raise ValidationFailed(f"measure must be one of {', '.join(offered)}", field="measure")
    try:
        return world_map(db, chosen, partnership_id, currency or None)
    except ValueError as error:
        raise ValidationFailed(f"currency {error} is not a currency of this map's funding", field="currency") from None


def chart_csv(chart: Chart, translate: Callable[[str], str], label: Callable[[str, str], str]) -> str:
    """The table twin of ``chart`` as CSV text: the row heading, one column per series, the total (and the
    contract value for brokerage), one line per row; headings and codes translated."""
    out = io.StringIO()
    writer = CsvWriter(out, bom=False)  # formulas neutralised like every export
    with_value = chart.key == "brokerage_outcomes"
    writer.writerow([translate(chart.row_title), *(translate(chart.series_labels[s]) for s in chart.series),
                     translate("Total"), *([translate("Contract value")] if with_value else [])])
    for row in chart.rows:
        name = label(chart.label_group, row.key) if chart.label_group else row.label
        writer.writerow([name, *(c.value for c in row.cells), row.total,
                         *([row.value if row.value is not None else ""] if with_value else [])])
    return out.getvalue()
