"""In headless Debian Chromium, as a user would: from the account page to the calendar page, make a subscription
link, open it as a calendar program does, save reminders in French, revoke the link."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from icalendar import Calendar
from tests.calendar_feeds.helpers import validate
from tests.web.test_browser import ARGS, BROWSER_PASSWORD, CHROMIUM, _require_browser, live_url  # noqa: F401

pytestmark = pytest.mark.browser


def test_subscribe_set_reminders_and_revoke(live_url: str, tmp_path: Path) -> None:  # noqa: F811
    _require_browser()
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(locale="en-GB")
            page.set_default_timeout(15_000)
            page.goto(live_url + "/login")
            page.get_by_label("Username").fill("officer")
            page.get_by_label("Password").fill(BROWSER_PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
            page.goto(live_url + "/account")
            page.get_by_role("link", name="Calendar feeds and reminders").click()
            expect(page.get_by_role("heading", name="Calendar feeds and reminders")).to_be_visible()

            page.locator("#feed-sessions").get_by_role("button", name="Make a link").click()
            link = page.locator("#new-link").inner_text().strip()
            assert link.startswith("http://127.0.0.1:8000/calendar/sessions.ics?token=")  # STICOOP_BASE_URL
            feed_url = live_url + link.removeprefix("http://127.0.0.1:8000")
            served = httpx.get(feed_url)  # a calendar program: no cookie, only the link
            assert served.status_code == 200 and served.headers["content-type"].startswith("text/calendar")
            validate(Calendar.from_ical(served.content))
            expect(page.locator("#feed-sessions")).to_contain_text("subscribed since")

            page.get_by_label("Commitment due dates — days before (comma-separated)").fill("14, 3")
            page.get_by_label("Language of reminders and feeds").select_option("fr")
            page.get_by_role("button", name="Save reminders").click()
            expect(page.get_by_role("status")).to_contain_text("Your reminder settings were saved.")
            expect(page.get_by_label("Commitment due dates — days before (comma-separated)")).to_have_value("14, 3")
            page.screenshot(path=str(tmp_path / "calendar.png"), full_page=True)

            page.locator("#feed-sessions").get_by_role("button", name="Revoke").click()
            expect(page.get_by_role("status")).to_contain_text("revoked")
            assert httpx.get(feed_url).status_code == 404
        finally:
            browser.close()
