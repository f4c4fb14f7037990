"""The header search box in headless Debian Chromium: type a folded query, see the results grouped by kind, find
a Vietnamese record with an English query (by meaning), and click through to the record's page.

Runs the real app with uvicorn in a thread against a fresh migrated SQLite database (``live_url`` of
``tests/web/test_browser.py``); skipped without /usr/bin/chromium unless STICOOP_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.web.test_browser import ARGS, BROWSER_PASSWORD, CHROMIUM, _require_browser, live_url  # noqa: F401

from sticoop.core.database import session_scope
from sticoop.jobs.models import JobStatus
from sticoop.jobs.service import run_scheduled
from sticoop.partners.models import Organization, Person
from sticoop.projects.models import Project

pytestmark = pytest.mark.browser


def _fill(db_file: Path) -> dict[str, int]:
    with session_scope(f"sqlite:///{db_file}") as db:
        ministry = Organization(name="Bộ Khoa học và Công nghệ", type="ministry")
        person = Person(name="Khoa Nguyễn")
        water = Project(partnership_id=None, title="Xử lý nước thải công nghiệp tại khu chế xuất",
                        description="Hệ thống lọc sinh học cho nước thải của các nhà máy dệt nhuộm.")
        rice = Project(partnership_id=None, title="Riz tolérant au sel",
                       description="Sélection de lignées de riz pour les provinces côtières.")
        db.add_all([ministry, person, water, rice])
        db.flush()
        ids = {"ministry": ministry.id, "person": person.id, "water": water.id}
    # the vectors are computed after the commit by the search.embed job, as the worker runs it
    assert run_scheduled("search.embed", f"sqlite:///{db_file}") == JobStatus.succeeded
    return ids


def test_header_search_box_groups_by_kind_and_clicks_through(live_url: str, tmp_path: Path) -> None:  # noqa: F811
    _require_browser()
    from playwright.sync_api import expect, sync_playwright

    ids = _fill(tmp_path / "browser.db")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(locale="en-GB")
            page.set_default_timeout(20_000)
            page.goto(live_url + "/")
            page.get_by_label("Username").fill("officer")
            page.get_by_label("Password").fill(BROWSER_PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()

            # a folded query (no accents, lower case) in the header box: an organisation and a person, grouped
            box = page.locator("#search-box-q")
            box.fill("bo khoa hoc")
            box.press("Enter")
            expect(page.get_by_role("heading", name="Search", exact=True)).to_be_visible()
            organisations = page.locator("section[aria-labelledby='h-organization']")
            expect(organisations.get_by_role("link", name="Bộ Khoa học và Công nghệ")).to_be_visible()
            expect(organisations.locator("mark").first).to_have_text("Bộ")
            page.locator("#search-box-q").fill("khoa")
            page.locator("#search-box-q").press("Enter")
            expect(page.locator("section[aria-labelledby='h-person']")
                   .get_by_role("link", name="Khoa Nguyễn")).to_be_visible()
            expect(page.locator("section[aria-labelledby='h-organization']")).to_be_visible()

            # an English query finds the Vietnamese project by meaning; the keyword-only box does not
            page.locator("#search-box-q").fill("wastewater treatment")
            page.locator("#search-box-q").press("Enter")
            projects = page.locator("section[aria-labelledby='h-project']")
            link = projects.get_by_role("link", name="Xử lý nước thải công nghiệp tại khu chế xuất")
            expect(link).to_be_visible()
            assert projects.locator("mark").count() == 0
            page.get_by_label("These words only (no records found by meaning in other languages)").check()
            page.locator("#search-q").press("Enter")
            expect(page.get_by_text("Nothing found.")).to_be_visible()
            page.go_back()

            # click through to the record's page
            page.locator("section[aria-labelledby='h-project']").get_by_role(
                "link", name="Xử lý nước thải công nghiệp tại khu chế xuất").click()
            expect(page).to_have_url(f"{live_url}/projects/{ids['water']}")
            expect(page.get_by_role("heading", name="Xử lý nước thải công nghiệp tại khu chế xuất")).to_be_visible()
        finally:
            browser.close()
