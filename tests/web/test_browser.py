"""Drives the pages in headless Debian Chromium, as an official would: create a partnership, a committee,
a session and a commitment through the forms, meet one inline validation message on the way, and find
all of them on the partnership's timeline.

Runs the real app with uvicorn in a thread against a fresh migrated SQLite database. Skipped when
/usr/bin/chromium is missing, unless STICOOP_REQUIRE_BROWSER=1 (CI), where that is a failure.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
BROWSER_PASSWORD = "a long browser password"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

pytestmark = pytest.mark.browser


def _require_browser() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("STICOOP_REQUIRE_BROWSER") == "1":
        pytest.fail(f"STICOOP_REQUIRE_BROWSER=1 but {CHROMIUM} is missing (apt-get install chromium)")
    pytest.skip(f"{CHROMIUM} is missing; install Debian's chromium to run the browser test")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]

@contextmanager
def served(url: str) -> Iterator[str]:
    """The app on the database ``url`` served by uvicorn in a thread on a free port of 127.0.0.1; yields its base
    URL, stops it and releases the database's connections afterwards."""
    import uvicorn

    from sticoop.core.database import get_engine
    from sticoop.server.app import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the app did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        get_engine(url).dispose()


@pytest.fixture
def live_url(tmp_path: Path) -> Iterator[str]:

    from sticoop.accounts.service import create_user
    from sticoop.core.database import session_scope
    from sticoop.core.migrate import upgrade
    from sticoop.reference.service import seed_reference

    url = f"sqlite:///{tmp_path / 'browser.db'}"
    upgrade(url)
    with session_scope(url) as db:
        seed_reference(db)
        create_user(db, "officer", BROWSER_PASSWORD, "secretariat")
    with served(url) as base:
        yield base


def test_create_partnership_committee_session_commitment_and_see_timeline(live_url: str, tmp_path: Path) -> None:
    _require_browser()
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(locale="en-GB")
            page.set_default_timeout(15_000)
            # not signed in: the dashboard sends the official to the sign-in page, then back
            page.goto(live_url + "/")
            expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
            page.get_by_label("Username").fill("officer")
            page.get_by_label("Password").fill("wrong password")
            page.get_by_role("button", name="Sign in").click()
            expect(page.get_by_role("alert")).to_contain_text("Wrong username or password")
            page.get_by_label("Password").fill(BROWSER_PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()

            # a partnership
            page.get_by_role("link", name="+ New partnership").click()
            page.get_by_label("Name").fill("Vietnam–Laos")
            for typed in ("Vietnam", "Laos"):  # the searchable multi-select, by keyboard
                page.get_by_role("combobox", name="Countries").fill(typed)
                page.locator(".ts-dropdown .option.active", has_text=typed).wait_for()
                page.keyboard.press("Enter")
            page.get_by_label("Diplomatic relations established").fill("1962-09-05")
            page.get_by_role("button", name="Save").click()
            expect(page.get_by_role("heading", name="Vietnam–Laos")).to_be_visible()
            expect(page.get_by_text("years of diplomatic relations")).to_be_visible()
            partnership_url = page.url

            # a committee, pre-filled with the partnership
            page.get_by_role("link", name="+ Add a committee").click()
            expect(page.get_by_label("Partnership")).to_have_value(partnership_url.rsplit("/", 1)[1])
            page.locator("#field-name").fill("Vietnam–Laos Joint Committee on S&T")
            page.get_by_label("Expected interval between sessions (months)").fill("12")
            page.get_by_role("button", name="Save").click()
            expect(page.get_by_role("heading", name="Vietnam–Laos Joint Committee on S&T")).to_be_visible()

            # a session: first with the end before the start, which the form refuses beside the field
            page.get_by_role("link", name="+ Add a session").click()
            expect(page.get_by_label("Session number")).to_have_value("1")
            page.get_by_label("Start date").fill("2024-05-02")
            page.get_by_label("End date").fill("2024-05-01")
            page.get_by_label("City").fill("Vientiane")
            page.get_by_role("button", name="Save").click()
            error = page.locator("#field-end_date-error")
            expect(error).to_have_text("⚠ The end date is before the start date.".removeprefix("⚠ "))
            expect(page.get_by_label("End date")).to_have_attribute("aria-invalid", "true")
            expect(page.get_by_label("City")).to_have_value("Vientiane")
            page.get_by_label("End date").fill("2024-05-03")
            page.get_by_role("button", name="Save").click()
            expect(page.get_by_role("heading", name="Session 1")).to_be_visible()

            # a commitment made at that session
            page.get_by_role("link", name="+ Add a commitment").first.click()
            page.locator("#field-text").fill("Train 50 Lao researchers in remote sensing")
            page.get_by_role("button", name="Save").click()
            expect(page.get_by_text("Train 50 Lao researchers in remote sensing").first).to_be_visible()

            # all of them on the partnership's timeline
            page.goto(partnership_url)
            timeline = page.locator("#timeline")
            expect(timeline).to_contain_text("Vietnam–Laos Joint Committee on S&T — session 1, Vientiane")
            # the commitment has no due date: it is listed apart as undated, never at the day it was typed
            expect(page.locator("#timeline-undated")).to_contain_text("Train 50 Lao researchers in remote sensing")
            expect(timeline).not_to_contain_text("Train 50 Lao researchers in remote sensing")
            expect(page.get_by_role("cell", name="Vietnam–Laos Joint Committee on S&T")).to_be_visible()
            page.screenshot(path=str(tmp_path / "partnership.png"), full_page=True)

            # the list filters through HTMX without a full reload
            page.goto(live_url + "/partnerships")
            page.locator("#f-q").fill("laos")  # the list's own filter (the header box searches everything)
            expect(page.locator("#results")).to_contain_text("Vietnam–Laos")
            page.locator("#f-q").fill("belgium")
            expect(page.locator("#results")).to_contain_text("Nothing matches")
        finally:
            browser.close()
