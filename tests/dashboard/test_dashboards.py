"""The dashboards' charts and map on the demo records: every chart and every map measure against counts computed
independently in Python, walked over roles (administrator, a viewer of each partnership) on the home dashboard
and on each partnership's dashboard; every drill-down link answers and lists exactly the records counted; the
table twin and the CSV say the same; bad parameters answer 4xx naming them."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from tests.dashboard.counts import Scope, expected_chart, expected_map

from sticoop.core.database import session_scope
from sticoop.core.i18n import Formatter
from sticoop.dashboard.charts import CHARTS, chart_keys
from sticoop.dashboard.worldmap import MEASURES, PARTNERSHIP_MEASURES
from sticoop.partnerships.models import Partnership

PARTNERSHIPS = ["Belgium–Vietnam", "Vietnam–Laos", "Vietnam–Luxembourg"]


def _ids(db_url: str) -> dict[str, int]:
    with session_scope(db_url) as db:
        return {p.name: p.id for p in db.scalars(select(Partnership))}


def _viewer(client_as: Callable[..., TestClient], db_url: str, who: str) -> tuple[TestClient, Scope]:
    if who == "admin":
        return client_as("admin"), Scope(None)
    pid = _ids(db_url)[who]
    return client_as("viewer", partnership_ids=[pid]), Scope(frozenset({pid}))


def _listed(client: TestClient, url: str) -> set[int]:
    """The ids a drill-down lists, read through the same list's API (same path and filters), and the same ids on
    the list page the link opens."""
    path, _, query = url.partition("?")
    response = client.get(f"/api/v1{path}?{query}&limit=200")
    assert response.status_code == 200, (url, response.text)
    body = response.json()
    assert body["total"] <= 200
    ids = {item["id"] for item in body["items"]}
    page = client.get(url)  # the list page itself, with the same filters
    assert page.status_code == 200, url
    results = page.text[page.text.index('id="results"'):]
    assert set(map(int, re.findall(rf'href="{re.escape(path)}/(\d+)"', results))) == ids, url
    return ids


WHO = ["admin", *PARTNERSHIPS]
DASHBOARDS = [None, *PARTNERSHIPS]


@pytest.mark.parametrize("who", WHO)
def test_every_chart_counts_exactly_the_records_its_marks_drill_down_to(
        board: TestClient, client_as: Callable[..., TestClient], db_url: str, who: str) -> None:
    viewer, scope = _viewer(client_as, db_url, who)
    ids = _ids(db_url)
    for key, dashboard in ((k, d) for k in CHARTS for d in DASHBOARDS):
        pid = ids[dashboard] if dashboard else None
        if key not in chart_keys(pid):
            continue
        if pid is not None and not scope.sees(pid):
            assert viewer.get(f"/api/v1/dashboard/charts?partnership_id={pid}").status_code == 404
            assert viewer.get(f"/dashboard/charts/{key}.csv?partnership_id={pid}").status_code == 404
            continue
        suffix = f"?partnership_id={pid}" if pid is not None else ""
        charts = viewer.get(f"/api/v1/dashboard/charts{suffix}").json()
        chart = next(c for c in charts if c["key"] == key)
        with session_scope(db_url) as db:
            expected = expected_chart(db, key, scope, pid)
        got = {(row["key"], cell["series"]): cell for row in chart["rows"] for cell in row["cells"]}
        assert {k: c["value"] for k, c in got.items() if c["value"]} == {k: len(v) for k, v in expected.items()}
        for cell_key, cell in got.items():
            if not cell["value"]:
                assert cell["url"] is None
            elif key == "brokerage_outcomes":
                assert viewer.get(cell["url"]).status_code == 200
            else:
                assert _listed(viewer, cell["url"]) == expected[cell_key], cell["url"]
        # the CSV twin: same rows, same figures
        rows = list(csv.reader(io.StringIO(viewer.get(f"/dashboard/charts/{key}.csv{suffix}").text.lstrip("\ufeff"))))
        assert len(rows) == 1 + len(chart["rows"])
        for line, row in zip(rows[1:], chart["rows"], strict=True):
            assert [int(v) for v in line[1:1 + len(chart["series"])]] == [c["value"] for c in row["cells"]]


def test_the_demo_has_something_in_every_chart(board: TestClient) -> None:
    charts = board.get("/api/v1/dashboard/charts").json()
    assert [c["key"] for c in charts] == list(CHARTS)
    assert all(c["rows"] for c in charts), [c["key"] for c in charts if not c["rows"]]


@pytest.mark.parametrize("who", WHO)
def test_every_map_measure_against_independent_counts(
        board: TestClient, client_as: Callable[..., TestClient], db_url: str, who: str) -> None:
    viewer, scope = _viewer(client_as, db_url, who)
    ids = _ids(db_url)
    for measure, dashboard in ((m, d) for m in MEASURES for d in DASHBOARDS):
        pid = ids[dashboard] if dashboard else None
        suffix = f"&partnership_id={pid}" if pid is not None else ""
        response = viewer.get(f"/api/v1/dashboard/map?measure={measure}{suffix}")
        if pid is not None and not scope.sees(pid):
            assert response.status_code == 404
            continue
        if pid is not None and measure not in PARTNERSHIP_MEASURES:
            assert response.status_code == 422 and "measure" in response.text
            continue
        assert response.status_code == 200, response.text
        with session_scope(db_url) as db:
            expected = expected_map(db, measure, scope, pid)
        got = {c["code"]: c for c in response.json()["countries"]}
        if measure == "funding":
            _check_funding(viewer, response.json(), expected, f"/api/v1/dashboard/map?measure=funding{suffix}")
            continue
        assert {k: int(Decimal(str(v["value"]))) for k, v in got.items()} == {k: len(v) for k, v in expected.items()}
        for code, country in got.items():
            assert _listed(viewer, country["url"]) == expected[code], country["url"]


def _check_funding(viewer: TestClient, body: dict[str, Any], expected: dict[str, Any], url: str) -> None:
    """Every currency's total and every country's amount per currency, never added across currencies; the default
    currency is the one most projects are budgeted in (ties: first code); each currency's map on its own."""
    totals = expected["totals"]
    assert {t["currency"]: (t["projects"], Decimal(str(t["total"]))) for t in body["currencies"]} == totals
    assert body["currency"] == (min(totals, key=lambda c: (-totals[c][0], c)) if totals else None)
    assert {(f["code"], c): Decimal(str(v)) for f in body["funding"] for c, v in f["amounts"].items()} \
        == expected["amounts"]
    for currency in totals:
        one = viewer.get(f"{url}&currency={currency}").json()
        assert one["currency"] == currency
        assert {c["code"]: Decimal(str(c["value"])) for c in one["countries"]} == {
            code: v for (code, cur), v in expected["amounts"].items() if cur == currency and v}
    refused = viewer.get(f"{url}&currency=XYZ")
    assert refused.status_code == 422 and "currency" in refused.json()["detail"]


def test_the_funding_fixture_spans_currencies_and_scopes(board: TestClient) -> None:
    """The walk above is not vacuous: the administrator sees three currencies, with a tie broken by code."""
    body = board.get("/api/v1/dashboard/map?measure=funding").json()
    assert [(t["currency"], t["projects"]) for t in body["currencies"]] == [("USD", 3), ("EUR", 2), ("VND", 2)]


@pytest.mark.parametrize("who", WHO)
def test_the_funding_table_twin_lists_every_currency(
        board: TestClient, client_as: Callable[..., TestClient], db_url: str, who: str) -> None:
    viewer, scope = _viewer(client_as, db_url, who)
    with session_scope(db_url) as db:
        totals = expected_map(db, "funding", scope, None)["totals"]
    page = viewer.get("/?measure=funding").text
    twin = page[page.index('id="funding-twin"'):]
    twin = twin[:twin.index("</table>")]
    fmt = Formatter("en")
    for currency, (_n, total) in totals.items():
        assert f'data-currency="{currency}">{fmt.money(total, currency)}<' in twin
        if len(totals) > 1:
            assert f'<option value="{currency}"' in page
    assert twin.count("data-currency=") == len(totals)


@pytest.mark.parametrize("who", WHO)
def test_pages_show_the_scoped_figures_with_their_table_twins(
        board: TestClient, client_as: Callable[..., TestClient], db_url: str, who: str) -> None:
    viewer, scope = _viewer(client_as, db_url, who)
    home = viewer.get("/")
    assert home.status_code == 200
    assert home.text.count('role="group"') >= 1 + len(chart_keys(None))
    for key in chart_keys(None):
        assert f'href="/dashboard/charts/{key}.csv"' in home.text
    # the map's links and the table twin list only countries the viewer's records involve
    laos = 'data-code="LAO"' in home.text
    assert laos == (who in ("admin", "Vietnam–Laos"))
    for name, pid in _ids(db_url).items():
        page = viewer.get(f"/partnerships/{pid}/dashboard")
        if not scope.sees(pid):
            assert page.status_code == 404
            assert name not in page.text
            continue
        assert page.status_code == 200
        assert page.text.count("<svg") >= 1 + len(chart_keys(pid))
        for key in chart_keys(pid):
            svg = viewer.get(f"/dashboard/charts/{key}.svg?partnership_id={pid}")
            assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")


@pytest.mark.parametrize("path,field", [
    ("/api/v1/dashboard/map?measure=planets", "measure"),
    ("/api/v1/dashboard/map?measure=funding&currency=XYZ", "currency"),
    ("/api/v1/dashboard/map?measure=funding&currency=EURO", "currency"),
    ("/dashboard/map.svg?measure=funding&currency=XYZ", "currency"),
    ("/dashboard/map.svg?measure=planets", "measure"),
    ("/dashboard/charts/planets.csv", "chart"),
    ("/dashboard/charts/planets.svg", "chart"),
    ("/api/v1/dashboard/charts?partnership_id=999999", "partnership_id"),
    ("/api/v1/dashboard/charts?partnership_id=abc", "partnership_id"),
    ("/dashboard/charts/agreements_by_status.csv?partnership_id=99999999999", "partnership_id"),
    ("/partnerships/999999/dashboard", None),
])
def test_bad_parameters_answer_4xx_naming_them(board: TestClient, path: str, field: str | None) -> None:
    response = board.get(path, headers={"accept": "application/json"})
    assert 400 <= response.status_code < 500, response.text
    if field:
        assert field in response.text


@pytest.mark.parametrize("lang", ["fr", "vi"])
def test_the_dashboards_speak_the_page_language(board: TestClient, lang: str) -> None:
    page = board.get(f"/?lang={lang}").text
    english = ["Where we cooperate", "Agreements by status", "Visits and events per year", "Download CSV"]
    assert not [s for s in english if s in page]
    csv_text = board.get(f"/dashboard/charts/agreements_by_status.csv?lang={lang}").text
    assert "Status" not in csv_text.splitlines()[0]


