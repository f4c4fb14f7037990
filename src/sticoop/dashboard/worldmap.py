"""The world map of the dashboards: one figure per country (ISO 3166-1 alpha-3) for a measure the user picks.

Measures (each one ``GROUP BY`` on the scoped session, so a viewer sees only the numbers of their partnerships):
- ``partnerships``: partnerships the country belongs to (drill-down: ``/partnerships?country=``);
- ``active_projects``: running projects with a partner organisation from the country
  (``/projects?country=&status=running``);
- ``funding``: the budgets of those running projects, summed per currency; the map shows the most common
  currency (same drill-down);
- ``open_commitments``: commitments planned, in progress or overdue in the country's partnerships
  (``/commitments?country=&status=open``).
The geometry (``web/static/map/world-110m.json``) is projected once at build time by ``build_map.cjs``.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pycountry
from pydantic import BaseModel, Field
from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session as DbSession

from sticoop.commitments.models import Commitment
from sticoop.commitments.service import OPEN_STATUSES
from sticoop.core.labels import N_
from sticoop.partners.models import Organization
from sticoop.partnerships.models import Partnership, partnership_countries
from sticoop.projects.models import Project, ProjectPartner

GEOMETRY = Path(__file__).resolve().parent.parent / "web" / "static" / "map" / "world-110m.json"
MEASURES = {
    "partnerships": N_("Partnerships"),
    "active_projects": N_("Active projects"),
    "funding": N_("Funding of active projects"),
    "open_commitments": N_("Open commitments"),
}
#: measures that make sense on one partnership's dashboard (a partnership counts only itself)
PARTNERSHIP_MEASURES = ("active_projects", "funding", "open_commitments")


class CountryValue(BaseModel):
    """One country's figure on the map."""

    code: str = Field(description="ISO 3166-1 alpha-3 country code")
    value: Decimal = Field(description="The measure's figure: a count, or a sum of budgets in `currency`")
    url: str = Field(description="Path of the list page showing the records behind the figure")


class WorldMap(BaseModel):
    """The figures of one measure, per country."""

    measure: str = Field(description="partnerships, active_projects, funding or open_commitments")
    currency: str | None = Field(None, description="funding only: the ISO 4217 currency summed (the most common)")
    countries: list[CountryValue] = Field(description="Countries with a figure above 0, largest first")


@cache
def geometry() -> dict[str, Any]:
    """The projected world: ``{"width", "height", "sphere", "countries": [{"code", "name", "d"}]}``, ``code`` the
    ISO alpha-3 of the world-atlas numeric id (None for the few features without one: Kosovo, N. Cyprus,
    Somaliland, drawn without a figure)."""
    raw = json.loads(GEOMETRY.read_text(encoding="utf-8"))
    for country in raw["countries"]:
        found = pycountry.countries.get(numeric=country["id"]) if country["id"] else None
        country["code"] = found.alpha_3 if found else None
    return raw


def _url(path: str, **params: Any) -> str:
    return f"{path}?{urlencode([(k, str(v)) for k, v in params.items() if v is not None])}"


def _partnerships(db: DbSession) -> list[CountryValue]:
    code = partnership_countries.c.country_code
    rows = db.execute(select(code, func.count(distinct(Partnership.id)))
                      .join(Partnership, Partnership.id == partnership_countries.c.partnership_id)
                      .group_by(code)).all()
    return [CountryValue(code=c, value=n, url=_url("/partnerships", country=c)) for c, n in rows]


def _project_rows(db: DbSession, partnership_id: int | None, value: Any) -> list[Any]:
    # one (country, project) pair per project and partner country, then counted or summed per country
    pairs = (select(Organization.country_code.label("code"), Project.id.label("pid"),
                    Project.budget.label("budget"), Project.currency.label("currency"))
             .join(ProjectPartner, ProjectPartner.project_id == Project.id)
             .join(Organization, Organization.id == ProjectPartner.organization_id)
             .where(Project.status == "running", Organization.country_code.is_not(None))
             .distinct())
    if partnership_id is not None:
        pairs = pairs.where(Project.partnership_id == partnership_id)
    sub = pairs.subquery()
    return list(db.execute(select(sub.c.code, sub.c.currency, value(sub)).group_by(sub.c.code, sub.c.currency)))


def _active_projects(db: DbSession, partnership_id: int | None) -> list[CountryValue]:
    counts: dict[str, int] = {}
    for code, _, n in _project_rows(db, partnership_id, lambda sub: func.count(sub.c.pid)):
        counts[code] = counts.get(code, 0) + n
    return [CountryValue(code=c, value=n, url=_url("/projects", country=c, status="running",
                                                   partnership_id=partnership_id)) for c, n in counts.items()]


def _funding(db: DbSession, partnership_id: int | None) -> tuple[list[CountryValue], str | None]:
    rows = [r for r in _project_rows(db, partnership_id, lambda sub: func.sum(sub.c.budget))
            if r[1] and r[2] is not None]
    totals: dict[str, Decimal] = {}
    for _, currency, amount in rows:
        totals[currency] = totals.get(currency, Decimal(0)) + Decimal(amount)
    if not totals:
        return [], None
    currency = max(sorted(totals), key=lambda c: totals[c])
    return [CountryValue(code=c, value=Decimal(amount), url=_url("/projects", country=c, status="running",
                                                                 partnership_id=partnership_id))
            for c, cur, amount in rows if cur == currency], currency


def _open_commitments(db: DbSession, partnership_id: int | None) -> list[CountryValue]:
    code = partnership_countries.c.country_code
    statement = (select(code, func.count(Commitment.id))
                 .join(Commitment, Commitment.partnership_id == partnership_countries.c.partnership_id)
                 .where(Commitment.status.in_(OPEN_STATUSES)).group_by(code))
    if partnership_id is not None:
        statement = statement.where(Commitment.partnership_id == partnership_id)
    return [CountryValue(code=c, value=n, url=_url("/commitments", country=c, status="open",
                                                   partnership_id=partnership_id))
            for c, n in db.execute(statement).all()]


def world_map(db: DbSession, measure: str, partnership_id: int | None = None) -> WorldMap:
    """The figures of ``measure`` per country (``KeyError`` for an unknown measure; ``partnerships`` is for the
    home dashboard only)."""
    if measure not in MEASURES or (partnership_id is not None and measure not in PARTNERSHIP_MEASURES):
        raise KeyError(measure)
    currency = None
    if measure == "partnerships":
        values = _partnerships(db)
    elif measure == "active_projects":
        values = _active_projects(db, partnership_id)
    elif measure == "funding":
        values, currency = _funding(db, partnership_id)
    else:
        values = _open_commitments(db, partnership_id)
    values = sorted((v for v in values if v.value > 0), key=lambda v: (-v.value, v.code))
    return WorldMap(measure=measure, currency=currency, countries=values)
