"""In headless Debian Chromium: the home dashboard's world map renders (one path per country, Laos among the
countries with a figure), and a click on Laos drills down to the Vietnam–Laos records; the same for the open
commitments measure, which lists Vietnam–Laos commitments only. Real app (uvicorn in a thread) on a fresh
migrated SQLite database with the demo records. Skipped without /usr/bin/chromium unless STICOOP_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.web.test_browser import ARGS, BROWSER_PASSWORD, CHROMIUM, _require_browser, served

pytestmark = pytest.mark.browser

#: a point of the element's shape where it is the topmost element (viewport CSS px), or null
INSIDE = """path => {
  const box = path.getBoundingClientRect(), svg = path.ownerSVGElement, ctm = path.getScreenCTM().inverse();
  for (let fy = 0.05; fy < 1; fy += 0.05) for (let fx = 0.05; fx < 1; fx += 0.05) {
    const x = box.left + fx * box.width, y = box.top + fy * box.height;
    const p = svg.createSVGPoint(); p.x = x; p.y = y;
    if (path.isPointInFill(p.matrixTransform(ctm)) && document.elementFromPoint(x, y) === path)
      return {x: x, y: y};
  }
  return null;
}"""


@pytest.fixture
def demo_url(tmp_path: Path) -> Iterator[str]:

    from sticoop.accounts.service import create_user
    from sticoop.core.database import session_scope
    from sticoop.core.migrate import upgrade
    from sticoop.demo.data import load_demo
    from sticoop.reference.service import seed_reference

    url = f"sqlite:///{tmp_path / 'map.db'}"
    upgrade(url)
    with session_scope(url) as db:
        seed_reference(db)
        load_demo(db)
        create_user(db, "officer", BROWSER_PASSWORD, "admin")
    with served(url) as base:
        yield base


@pytest.mark.parametrize("measure,heading,expected,absent", [
    ("partnerships", "Partnerships", "Vietnam–Laos", "Belgium–Vietnam"),
    ("open_commitments", "Commitments", "Vietnam–Laos", "Belgium–Vietnam"),
])
def test_click_on_laos_drills_down_to_vietnam_laos(demo_url: str, measure: str, heading: str, expected: str,
                                                   absent: str) -> None:
    _require_browser()
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(locale="en-GB", viewport={"width": 1600, "height": 1200})
            page.set_default_timeout(15_000)
            page.goto(demo_url + "/login")
            page.get_by_label("Username").fill("officer")
            page.get_by_label("Password").fill(BROWSER_PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
            # the measure is picked with the select (its script submits the form; the button works without)
            if measure != "partnerships":  # the home dashboard's first measure
                page.get_by_label("Measure").select_option(measure)
                page.wait_for_url(f"**measure={measure}**")
            world = page.locator("svg.worldmap")
            expect(world).to_be_visible()
            assert world.locator("path").count() > 170  # every country of the 1:110m geometry, and the sphere
            laos = world.locator('a[data-code="LAO"] path')
            expect(laos).to_be_visible()
            box = laos.bounding_box()
            assert box is not None and box["width"] > 5 and box["height"] > 5
            # Laos is a thin diagonal: the middle of its box lies in Thailand. Click a point inside its shape that
            # the browser itself says is Laos (the topmost element there), as an official's pointer would.
            laos.scroll_into_view_if_needed()
            spot = laos.evaluate(INSIDE)
            assert spot is not None, "no visible point of Laos on the map"
            page.mouse.click(spot["x"], spot["y"])
            page.wait_for_url("**country=LAO**")
            expect(page.get_by_role("heading", name=heading).first).to_be_visible()
            rows = page.locator("main table tbody")  # the list itself (its filter box names every partnership)
            expect(rows).to_contain_text(expected)
            expect(rows).not_to_contain_text(absent)
        finally:
            browser.close()


#: what has the keyboard focus: the map country's code, or the tag of whatever else is focused
FOCUSED = """() => {
  const el = document.activeElement;
  return el && el.closest && el.closest('svg.worldmap') ? 'map:' + (el.getAttribute('data-code') || '') : el.tagName;
}"""


@pytest.mark.parametrize("lang,heading", [("en", "Partnerships"), ("fr", "Partenariats"), ("vi", None)])
def test_keyboard_tabs_to_laos_and_enter_drills_down(demo_url: str, lang: str, heading: str | None) -> None:
    """Tab from the top of the dashboard reaches Laos on the map (each country with a figure is one Tab stop, named
    by its name and figure in the page's language); Enter opens the Vietnam–Laos partnerships."""
    _require_browser()
    from playwright.sync_api import expect, sync_playwright

    from sticoop.core.i18n import Formatter

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(locale="en-GB", viewport={"width": 1600, "height": 1200})
            page.set_default_timeout(15_000)
            page.goto(demo_url + "/login")
            page.get_by_label("Username").fill("officer")
            page.get_by_label("Password").fill(BROWSER_PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(demo_url + "/")
            page.goto(f"{demo_url}/?lang={lang}")
            world = page.locator("svg.worldmap")
            expect(world).to_be_visible()
            laos = world.locator('a[data-code="LAO"]')
            name = laos.get_attribute("aria-label")
            assert name is not None and name.startswith(Formatter(lang).country("LAO") + Formatter(lang).colon + " ")
            # the accessibility tree exposes the country as a link of that name (not hidden inside an image)
            expect(page.get_by_role("link", name=name, exact=True)).to_have_count(1)
            countries: list[str] = []
            for _ in range(400):
                page.keyboard.press("Tab")
                focused = page.evaluate(FOCUSED)
                if focused.startswith("map:"):
                    countries.append(focused[4:])
                    if focused == "map:LAO":
                        break
            assert countries and countries[-1] == "LAO", countries
            assert all(countries), countries  # every Tab stop in the map is a country with a figure
            # the focus is visible: the focused country's outline is drawn
            stroke = laos.locator("path").evaluate("p => getComputedStyle(p).strokeWidth")
            assert stroke == "2px", stroke
            page.keyboard.press("Enter")
            page.wait_for_url("**country=LAO**")
            if heading:
                expect(page.get_by_role("heading", name=heading).first).to_be_visible()
            rows = page.locator("main table tbody")
            expect(rows).to_contain_text("Vietnam–Laos")
            expect(rows).not_to_contain_text("Belgium–Vietnam")
        finally:
            browser.close()
