"""A newcomer's first hour, in headless Debian Chromium against the demo data: the ways out of forms, the
correction of a progress update, fields of science in the page's language, and a console without errors.

Each step was a defect found by driving the pages as an official would: "Cancel" on a call funder's form opened a
404, a progress update could only be deleted (not corrected), the French dashboard named fields in English, and
every page logged a 404 for /favicon.ico."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.web.test_browser import ARGS, BROWSER_PASSWORD, CHROMIUM, _require_browser, served

from sticoop.core.i18n import labelled

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_url(tmp_path: Path) -> Iterator[str]:
    from sticoop.accounts.service import create_user
    from sticoop.core.database import session_scope
    from sticoop.core.migrate import upgrade
    from sticoop.demo.data import load_demo
    from sticoop.reference.service import seed_reference

    url = f"sqlite:///{tmp_path / 'newcomer.db'}"
    upgrade(url)
    with session_scope(url) as db:
        seed_reference(db)
        load_demo(db)
        create_user(db, "officer", BROWSER_PASSWORD, "admin")
    with served(url) as base:
        yield base


@pytest.mark.parametrize("lang", ["en", "fr", "vi"])
def test_a_newcomers_first_hour(demo_url: str, tmp_path: Path, lang: str) -> None:
    _require_browser()
    from playwright.sync_api import expect, sync_playwright

    from sticoop.core.i18n import translations

    _ = translations(lang).gettext
    failures: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(locale={"en": "en-GB", "fr": "fr-FR", "vi": "vi-VN"}[lang])
            page.set_default_timeout(15_000)
            page.on("console", lambda m: failures.append(m.text) if m.type == "error" else None)
            page.on("response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)
            page.goto(f"{demo_url}/login?lang={lang}")
            page.locator("#username").fill("officer")
            page.locator("#password").fill(BROWSER_PASSWORD)
            page.locator("form button[type=submit]").click()
            expect(page.get_by_role("heading", name=_("Dashboard"))).to_be_visible()
            # fields of science in the page's language on the dashboard's chart
            chart = page.locator("#chart-projects_by_field")
            expect(chart).to_contain_text(_("Water resources"))
            if lang != "en":
                expect(chart).not_to_contain_text("Water resources")

            # a call funder: Edit from the call page, then Cancel goes back to the call (was a 404)
            page.goto(f"{demo_url}/calls/1")
            call_heading = page.locator("h1").inner_text()
            page.locator('a[href^="/call-funders/"][href$="/edit"]').first.click()
            page.get_by_role("link", name=_("Cancel")).click()
            expect(page).to_have_url(f"{demo_url}/calls/1")
            expect(page.locator("h1")).to_have_text(call_heading)

            # a progress update is corrected in place: Edit, change the count, save, back on the commitment
            page.goto(f"{demo_url}/commitments/1")
            page.locator('a[href^="/progress-updates/"][href*="/edit"]').first.click()
            page.locator("#field-count").fill("3")
            page.locator("form.card button[type=submit]").first.click()
            expect(page).to_have_url(f"{demo_url}/commitments/1")
            expect(page.locator("#h-updates").locator("..").locator("..")).to_contain_text(labelled(_, _("count"), "3"))
            page.screenshot(path=str(tmp_path / f"commitment-{lang}.png"), full_page=True)
        finally:
            browser.close()
    assert not failures, failures
