"""Keyboard users reach every mark: in every chart and in the map of every measure, on the home dashboard and on each
partnership's dashboard, in en/fr/vi, each mark with records behind it (a non-zero cell, a country with a figure) is
an ``<a href>`` to exactly the URL the API gives for it, named (``aria-label`` and ``<title>``) by its title and value
in the page's language; the figure is a named group (not an image, whose children assistive technology hides) and
carries a focus style. Checked on the SVG downloads and on the page the SVGs are inlined in."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from lxml import etree
from sqlalchemy import select

from sticoop.core.database import session_scope
from sticoop.core.i18n import Formatter
from sticoop.dashboard.charts import chart_keys
from sticoop.dashboard.worldmap import MEASURES, PARTNERSHIP_MEASURES
from sticoop.partnerships.models import Partnership

SVG = "{http://www.w3.org/2000/svg}"
LANGS = ["en", "fr", "vi"]


def _svg(text: str) -> Any:
    root = etree.fromstring(text.encode())
    assert root.tag == f"{SVG}svg" and root.get("role") == "group"
    title = root.find(f"{SVG}title")
    assert title is not None and title.text and root.get("aria-labelledby") == title.get("id")
    assert ":focus" in "".join(root.find(f"{SVG}style").itertext())
    return root


def _links(root: Any) -> list[Any]:
    return list(root.iter(f"{SVG}a"))


def _named(link: Any) -> str:
    """The link's accessible name, checked to be the same in ``aria-label`` and its ``<title>``; the link wraps
    exactly one shape."""
    name = link.get("aria-label")
    shapes = [child for child in link if child.tag in (f"{SVG}rect", f"{SVG}path")]
    assert len(shapes) == 1, etree.tostring(link)
    assert shapes[0].find(f"{SVG}title").text == name
    assert link.get("href")
    return str(name)


def _dashboards(db_url: str) -> list[int | None]:
    with session_scope(db_url) as db:
        return [None, *db.scalars(select(Partnership.id).order_by(Partnership.id))]


@pytest.mark.parametrize("lang", LANGS)
def test_every_chart_mark_is_a_named_link(board: TestClient, db_url: str, lang: str) -> None:
    fmt = Formatter(lang)
    walked = 0
    for pid in _dashboards(db_url):
        suffix = f"partnership_id={pid}&" if pid is not None else ""
        charts = {c["key"]: c for c in board.get(f"/api/v1/dashboard/charts?{suffix}").json()}
        for key in chart_keys(pid):
            chart = charts[key]
            root = _svg(board.get(f"/dashboard/charts/{key}.svg?{suffix}lang={lang}").text)
            cells = [(row, cell) for row in chart["rows"] for cell in row["cells"] if cell["value"]]
            links = _links(root)
            assert [link.get("href") for link in links] == [cell["url"] for _, cell in cells], key
            for link, (_row, cell) in zip(links, cells, strict=True):
                name = _named(link)
                series = fmt._(chart["series_labels"][cell["series"]])
                assert name.endswith(f"{series}{fmt.colon} {fmt.number(cell['value'])}"), (key, name)
                walked += 1
            # nothing else in the chart is a link, and no mark with a count is left out of the links
            assert len(links) == len(cells)
    assert walked > 50


@pytest.mark.parametrize("lang", LANGS)
def test_every_country_with_a_figure_is_a_named_link(board: TestClient, db_url: str, lang: str) -> None:
    fmt = Formatter(lang)
    walked = 0
    for pid in _dashboards(db_url):
        suffix = f"&partnership_id={pid}" if pid is not None else ""
        for measure in (MEASURES if pid is None else PARTNERSHIP_MEASURES):
            world = board.get(f"/api/v1/dashboard/map?measure={measure}{suffix}").json()
            root = _svg(board.get(f"/dashboard/map.svg?measure={measure}{suffix}&lang={lang}").text)
            links = {link.get("data-code"): link for link in _links(root)}
            assert set(links) == {c["code"] for c in world["countries"]}, measure
            for country in world["countries"]:
                link = links[country["code"]]
                assert link.get("href") == country["url"]
                value = Decimal(str(country["value"]))
                shown = fmt.money(value, world["currency"]) if world["currency"] else fmt.number(value)
                assert _named(link) == f"{fmt.country(country['code'])}{fmt.colon} {shown}"
                walked += 1
    assert walked > 10


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_inlines_the_named_links(board: TestClient, lang: str) -> None:
    """The home page carries the same links (the page is what a keyboard user tabs through)."""
    page = board.get(f"/?lang={lang}").text
    assert 'role="img"' not in page[page.index('id="map"'):]
    fmt = Formatter(lang)
    assert f'aria-label="{fmt.country("LAO")}{fmt.colon} ' in page and 'data-code="LAO"' in page
    assert page.count('<a href="/commitments?partnership_id=') >= 4
