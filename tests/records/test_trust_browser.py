"""Issue 9 end to end in headless Debian Chromium, on the demo data, as an official would in the first hour:
open a session's edit form and save it (once unchanged, once with a change), meet the duplicate notice when
typing an organisation that exists, create it anyway, merge it back into the one kept, and sign out with the
control of the top bar, which can be read against the bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from tests.web.test_browser import ARGS, CHROMIUM, _require_browser, live_url  # noqa: F401
from tests.web.test_browser_controls import CONTRAST_JS, sign_in

from sticoop.accounts.models import User, user_partnerships
from sticoop.core.database import session_scope
from sticoop.demo.data import load_demo
from sticoop.partnerships.models import CommitteeSession, Partnership

pytestmark = pytest.mark.browser


def test_edit_a_session_merge_two_organisations_and_sign_out(live_url: str, tmp_path: Path) -> None:  # noqa: F811
    _require_browser()
    from playwright.sync_api import expect, sync_playwright

    url = f"sqlite:///{tmp_path / 'browser.db'}"  # the live app's database (tests/web/test_browser.live_url)
    with session_scope(url) as db:
        load_demo(db)
        session_id = db.scalars(select(CommitteeSession.id).order_by(CommitteeSession.id.desc())).first()
        officer = db.scalars(select(User.id).where(User.username == "officer")).one()
        for pid in db.scalars(select(Partnership.id)):  # the secretariat of every demo partnership
            db.execute(user_partnerships.insert().values(user_id=officer, partnership_id=pid))

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(locale="en-GB")
            page.set_default_timeout(15_000)
            sign_in(page, live_url)

            # a session's edit form saves unchanged, then with a change
            page.goto(f"{live_url}/sessions/{session_id}/edit")
            page.get_by_role("button", name="Save", exact=True).click()
            expect(page).to_have_url(f"{live_url}/sessions/{session_id}")
            page.goto(f"{live_url}/sessions/{session_id}/edit")
            page.locator("#field-city").fill("Vientiane (changed)")
            page.get_by_role("button", name="Save", exact=True).click()
            expect(page).to_have_url(f"{live_url}/sessions/{session_id}")
            expect(page.get_by_text("Vientiane (changed)").first).to_be_visible()

            # an organisation typed again: the duplicate notice, create anyway, then merge it back
            page.goto(live_url + "/organizations/new")
            page.locator("#field-name").fill("Viện Hàn lâm Khoa học và Công nghệ Việt Nam")
            page.get_by_role("button", name="Save", exact=True).click()
            notice = page.locator("#duplicates")
            expect(notice).to_contain_text("Vietnam Academy of Science and Technology")
            kept_url = notice.get_by_role("link", name="open it").first.get_attribute("href")
            page.get_by_role("button", name="Create anyway").click()
            expect(page.get_by_role("heading", name="Viện Hàn lâm Khoa học và Công nghệ Việt Nam")).to_be_visible()
            duplicate_url = page.url
            page.get_by_role("link", name="Merge into…").click()
            page.get_by_label("Record to keep").select_option(kept_url.rsplit("/", 1)[1])
            page.get_by_role("button", name="Show what will move").click()
            page.get_by_role("button", name="Merge", exact=True).click()
            expect(page.get_by_role("status")).to_contain_text("The records were merged")
            expect(page.get_by_role("heading", name="Vietnam Academy of Science and Technology")).to_be_visible()
            page.goto(duplicate_url)
            assert page.url.endswith(kept_url), (page.url, kept_url)

            # sign out with the visible control of the top bar
            low = [c for c in page.evaluate(CONTRAST_JS) if c["ratio"] < 4.5]
            assert not low, low
            sign_out = page.get_by_role("button", name="Sign out")
            expect(sign_out).to_be_visible()
            sign_out.click()
            expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
            page.screenshot(path=str(tmp_path / "signed-out.png"))
        finally:
            browser.close()
