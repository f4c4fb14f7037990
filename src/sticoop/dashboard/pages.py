"""The dashboards' pages: the portfolio part of the home page (``portfolio_context``), one partnership's dashboard
(``/partnerships/{id}/dashboard``), and each chart's CSV and SVG and the map's SVG for downloads and PDFs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session as DbSession

from sticoop.core.api import DB, PathId
from sticoop.core.bounds import DbInt
from sticoop.core.downloads import attachment
from sticoop.dashboard import portfolio
from sticoop.dashboard.svg import chart_svg, map_svg
from sticoop.dashboard.worldmap import MEASURES
from sticoop.web import labels
from sticoop.web.render import formatter, render

router = APIRouter(include_in_schema=False)

Measure = Annotated[str | None, Query(max_length=40)]
PartnershipId = Annotated[DbInt | None, Query()]
SVG = "image/svg+xml"


def _label(request: Request) -> Any:
    fmt = formatter(request)
    return lambda group, value: labels.label(fmt._, group, value, fmt.pgettext)


def portfolio_context(request: Request, db: DbSession, partnership_id: int | None = None) -> dict[str, Any]:
    """What ``dashboard/_portfolio.html`` draws: the map of the chosen measure (``?measure=``) and every chart,
    each with its SVG, for the home page or one partnership's dashboard."""
    fmt = formatter(request)
    world = portfolio.the_map(db, request.query_params.get("measure"), partnership_id,
                              request.query_params.get("currency"))
    charts = portfolio.charts(db, partnership_id)
    label = _label(request)
    suffix = f"?partnership_id={partnership_id}" if partnership_id is not None else ""
    return {
        "world": world,
        "measures": [(m, MEASURES[m]) for m in portfolio.measures(partnership_id)],
        "map_svg": map_svg(world, fmt, MEASURES[world.measure]),
        "charts": [(chart, chart_svg(chart, fmt, label)) for chart in charts],
        "download_suffix": suffix,
        "dashboard_partnership_id": partnership_id,
    }


@router.get("/partnerships/{record_id}/dashboard", response_class=HTMLResponse)
def partnership_dashboard(record_id: PathId, request: Request, db: DB) -> HTMLResponse:
    partnership = portfolio.check_partnership(db, record_id)
    return render(request, "dashboard/partnership.html",
                  {"partnership": partnership, **portfolio_context(request, db, record_id)})


@router.get("/dashboard/charts/{key}.csv")
def chart_download(key: str, request: Request, db: DB, partnership_id: PartnershipId = None) -> Response:
    chart = portfolio.one_chart(db, key, partnership_id)
    text = portfolio.chart_csv(chart, formatter(request)._, _label(request))
    name = f"{key}-{partnership_id}.csv" if partnership_id is not None else f"{key}.csv"
    return Response("\ufeff" + text, media_type="text/csv; charset=utf-8", headers=attachment(name))


@router.get("/dashboard/charts/{key}.svg")
def chart_picture(key: str, request: Request, db: DB, partnership_id: PartnershipId = None) -> Response:
    chart = portfolio.one_chart(db, key, partnership_id)
    return Response(str(chart_svg(chart, formatter(request), _label(request))), media_type=SVG)


@router.get("/dashboard/map.svg")
def map_picture(request: Request, db: DB, measure: Measure = None, partnership_id: PartnershipId = None,
                currency: Annotated[str | None, Query(max_length=3)] = None) -> Response:
    world = portfolio.the_map(db, measure, partnership_id, currency)
    return Response(str(map_svg(world, formatter(request), MEASURES[world.measure])), media_type=SVG)
