"""The world map of the dashboards: one figure per country (ISO 3166-1 alpha-3) for a measure the user picks.

Measures (each one ``GROUP BY`` on the scoped session, so a viewer sees only the numbers of their partnerships):
- ``partnerships``: partnerships the country belongs to (drill-down: ``/partnerships?country=``);
- ``active_projects``: running projects with a partner organisation from the country
  (``/projects?country=&status=running``);
- ``funding``: the budgets of those running projects, summed per currency and never across currencies (no
  exchange rate is fetched or assumed); the map shows one currency (``currency=``, default the most common: the one
  most running projects are budgeted in, ties to the first code) and ``funding``/``currencies`` give every
  currency's figures for the table twin (same drill-down);
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


class CurrencyTotal(BaseModel):
    """Funding in one currency: what the running projects budgeted in it add up to (each project once)."""

    currency: str = Field(description="ISO 4217 currency code, as recorded on the projects")
    projects: int = Field(description="Running projects budgeted in this currency with a partner country (≥ 1)")
    total: Decimal = Field(description="Sum of their budgets, in this currency (each project counted once)")


class CountryFunding(BaseModel):
    """One country's funding in every currency (the table twin of the funding map)."""

    code: str = Field(description="ISO 3166-1 alpha-3 country code")
    amounts: dict[str, Decimal] = Field(description="Currency (ISO 4217) -> sum of the budgets of the running "
                                                    "projects with a partner from the country, in that currency")
    url: str = Field(description="Path of the list page showing those projects")


class WorldMap(BaseModel):
    """The figures of one measure, per country."""

    measure: str = Field(description="partnerships, active_projects, funding or open_commitments")
    currency: str | None = Field(None, description="funding only: the ISO 4217 currency the map shows (asked with "
                                                   "`currency=`, default the most common)")
    countries: list[CountryValue] = Field(description="Countries with a figure above 0, largest first")
    currencies: list[CurrencyTotal] = Field([], description="funding only: every currency's total, most common "
                                                            "first (never added together)")
    funding: list[CountryFunding] = Field([], description="funding only: every country's amount in every "
                                                          "currency, by country code")


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


def _currency_totals(db: DbSession, partnership_id: int | None) -> list[CurrencyTotal]:
    """Per currency: the running projects with a budget and a partner country, counted and summed once each."""
    with_country = (select(ProjectPartner.project_id)
                    .join(Organization, Organization.id == ProjectPartner.organization_id)
                    .where(ProjectPartner.project_id == Project.id, Organization.country_code.is_not(None)).exists())
    statement = (select(Project.currency, func.count(Project.id), func.sum(Project.budget))
                 .where(Project.status == "running", Project.currency.is_not(None), Project.budget.is_not(None),
                        with_country)
                 .group_by(Project.currency))
    if partnership_id is not None:
        statement = statement.where(Project.partnership_id == partnership_id)
    totals = [CurrencyTotal(currency=c, projects=n, total=Decimal(t or 0)) for c, n, t in db.execute(statement)]
    return sorted(totals, key=lambda t: (-t.projects, t.currency))


def _funding(db: DbSession, partnership_id: int | None,
             currency: str | None) -> tuple[list[CountryValue], str | None, list[CurrencyTotal], list[CountryFunding]]:
    totals = _currency_totals(db, partnership_id)
    if currency is not None and currency not in {t.currency for t in totals}:
        raise ValueError(currency)
    chosen = currency or (totals[0].currency if totals else None)
    amounts: dict[str, dict[str, Decimal]] = {}
    for code, cur, amount in _project_rows(db, partnership_id, lambda sub: func.sum(sub.c.budget)):
        if cur and amount is not None:
            amounts.setdefault(code, {})[cur] = Decimal(amount)

    def url(code: str) -> str:
        return _url("/projects", country=code, status="running", partnership_id=partnership_id)

    values = [CountryValue(code=c, value=per[chosen], url=url(c)) for c, per in amounts.items() if chosen in per]
    table = [CountryFunding(code=c, amounts=dict(sorted(per.items())), url=url(c))
             for c, per in sorted(amounts.items())]
    return values, chosen, totals, table


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


def world_map(db: DbSession, measure: str, partnership_id: int | None = None,
              currency: str | None = None) -> WorldMap:
    """The figures of ``measure`` per country (``KeyError`` for an unknown measure; ``partnerships`` is for the
    home dashboard only). ``currency`` (ISO 4217) picks the funding map's currency (default the most common;
    ``ValueError`` when no running project in scope is budgeted in it); other measures ignore it."""
    if measure not in MEASURES or (partnership_id is not None and measure not in PARTNERSHIP_MEASURES):
        raise KeyError(measure)
    totals: list[CurrencyTotal] = []
    table: list[CountryFunding] = []
    if measure == "partnerships":
        values = _partnerships(db)
    elif measure == "active_projects":
        values = _active_projects(db, partnership_id)
    elif measure == "funding":
        values, currency, totals, table = _funding(db, partnership_id, currency)
    else:
        values = _open_commitments(db, partnership_id)
    if measure != "funding":
        currency = None
    values = sorted((v for v in values if v.value > 0), key=lambda v: (-v.value, v.code))
    return WorldMap(measure=measure, currency=currency, countries=values, currencies=totals, funding=table)
