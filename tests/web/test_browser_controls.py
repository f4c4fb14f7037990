"""In headless Chromium: the top bar's controls can be read and signing out with them works; an HTMX action
the server refuses shows its message in place and the form goes back to the stored value; a multi-select is
searched and filled with the keyboard alone, and what was chosen is saved.

Uses the live app of tests/web/test_browser.py (uvicorn on a fresh SQLite database, user "officer").
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.web import test_browser as browser

live_url = browser.live_url

#: WCAG 2 contrast ratio of every top-bar control against the colour behind it
CONTRAST_JS = """
() => {
  const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const behind = (el) => {
    for (let node = el; node; node = node.parentElement) {
      const c = rgb(getComputedStyle(node).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  return [...document.querySelectorAll(".topbar a, .topbar button, .topbar summary")]
    .filter((el) => el.offsetParent !== null)
    .map((el) => {
      const fg = luminance(rgb(getComputedStyle(el).color).slice(0, 3)), bg = luminance(behind(el));
      return {text: el.textContent.trim(), ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05)};
    });
}
"""


def sign_in(page: Any, url: str) -> None:
    page.goto(url + "/login")
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill(browser.BROWSER_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Dashboard").wait_for()


def choose(page: Any, label: str, typed: str) -> None:
    """Pick one option of a searchable multi-select with the keyboard: type part of it, Enter."""
    box = page.get_by_role("combobox", name=label)
    box.focus()
    chosen = page.locator(".ts-control .item")
    before = chosen.count()
    page.keyboard.type(typed)
    page.locator(".ts-dropdown .option.active", has_text=re.compile(typed, re.I)).wait_for()
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('.ts-control .item').length > {before}")


def test_top_bar_is_readable_and_signs_out(live_url: str) -> None:
    browser._require_browser()
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(browser.CHROMIUM), args=browser.ARGS)
        try:
            page = chromium.new_page(locale="en-GB")
            page.set_default_timeout(15_000)
            sign_in(page, live_url)
            controls = page.evaluate(CONTRAST_JS)
            names = {c["text"] for c in controls}
            assert {"officer", "Sign out", "Partnerships", "EN"} <= names, names
            low = [c for c in controls if c["ratio"] < 4.5]
            assert not low, low
            sign_out = page.get_by_role("button", name="Sign out")
            expect(sign_out).to_be_visible()
            sign_out.click()
            expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
            page.goto(live_url + "/partnerships")
            expect(page.get_by_role("heading", name="Sign in")).to_be_visible()  # the session is over
        finally:
            chromium.close()


def test_refused_htmx_action_shows_in_place_and_multiselect_by_keyboard(live_url: str, tmp_path: Path) -> None:
    browser._require_browser()
    from playwright.sync_api import expect, sync_playwright
    from sqlalchemy import update

    from sticoop.accounts.models import User
    from sticoop.core.database import session_scope

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(browser.CHROMIUM), args=browser.ARGS)
        try:
            page = chromium.new_page(locale="en-GB")
            page.set_default_timeout(15_000)
            sign_in(page, live_url)

            # a partnership whose countries are chosen with the keyboard in the searchable multi-select
            page.goto(live_url + "/partnerships/new")
            expect(page.locator("#field-country_codes")).to_have_class(re.compile("tomselected"))  # enhanced
            expect(page.get_by_text("Hold Ctrl")).to_be_hidden()
            page.get_by_label("Name").fill("Vietnam–Laos")
            choose(page, "Countries", "viet")
            choose(page, "Countries", "lao")
            choose(page, "Countries", "cambo")
            page.keyboard.press("Backspace")  # takes the last one (Cambodia) out again
            expect(page.locator(".ts-control .item")).to_have_count(2)
            page.get_by_role("button", name="Save").click()
            expect(page.get_by_role("heading", name="Vietnam–Laos")).to_be_visible()
            chips = page.locator(".chip").all_inner_texts()
            assert "Vietnam" in " ".join(chips) and "Laos" in " ".join(chips) and "Cambodia" not in " ".join(chips)

            # a fair with a table, then the officer's role is taken away while the page is open
            token = page.locator('meta[name="csrf-token"]').get_attribute("content")
            event = page.request.post(live_url + "/api/v1/events", headers={"X-CSRF-Token": token}, data={
                "kind": "tech_transfer_fair", "title": "Techmart", "start_date": "2025-09-10"}).json()
            tables = page.request.post(f"{live_url}/api/v1/events/{event['id']}/brokerage/tables",
                                       headers={"X-CSRF-Token": token}, data={"names": ["A"]})
            assert tables.status == 201, tables.text()
            page.goto(f"{live_url}/events/{event['id']}/brokerage")
            name = page.locator("#tables input[name=name]").first
            stored = name.input_value()
            with session_scope(f"sqlite:///{tmp_path / 'browser.db'}") as db:
                db.execute(update(User).where(User.username == "officer").values(role="viewer"))
            name.fill("Renamed")
            page.locator("#tables").get_by_role("button", name="Rename").first.click()
            alert = page.locator("#tables [role=alert]")
            expect(alert).to_contain_text("does not allow")
            expect(name).to_have_value(stored)  # the refused name is not left on screen
            # reloaded, the viewer is offered no rename at all
            page.reload()
            expect(page.locator("#tables").get_by_role("button", name="Rename")).to_have_count(0)
            expect(page.locator("#tables")).to_contain_text(f"Table {stored}")
        finally:
            chromium.close()
