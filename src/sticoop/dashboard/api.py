from typing import Annotated

from fastapi import APIRouter, Query

from sticoop.core.api import DB
from sticoop.core.bounds import DbInt
from sticoop.dashboard.charts import Chart
from sticoop.dashboard.portfolio import charts, the_map
from sticoop.dashboard.service import Dashboard, dashboard
from sticoop.dashboard.worldmap import WorldMap

router = APIRouter(tags=["dashboard"])


@router.get("/dashboard", response_model=Dashboard, summary="Upcoming sessions, overdue commitments, "
            "agreements awaiting signature, recent changes")
def get_dashboard(db: DB) -> Dashboard:
    return dashboard(db)


@router.get("/dashboard/charts", response_model=list[Chart], summary="The portfolio charts (home dashboard, or one "
            "partnership's with partnership_id), each row and cell with the list URL of its records")
def get_charts(db: DB, partnership_id: Annotated[DbInt | None, Query(
        description="One partnership's dashboard (id); without it, the home dashboard")] = None) -> list[Chart]:
    return charts(db, partnership_id)


@router.get("/dashboard/map", response_model=WorldMap, summary="The world map's figures per country (ISO alpha-3) "
            "for one measure, each with the list URL of its records")
def get_map(db: DB, measure: Annotated[str | None, Query(
        max_length=40, description="partnerships (home only), active_projects, funding or open_commitments; "
                                   "default: the first")] = None,
            partnership_id: Annotated[DbInt | None, Query(
                description="One partnership's dashboard (id); without it, the home dashboard")] = None,
            currency: Annotated[str | None, Query(
                max_length=3, description="funding only: the ISO 4217 currency the map shows (one of `currencies`); "
                                          "default the most common")] = None) -> WorldMap:
    return the_map(db, measure, partnership_id, currency)
