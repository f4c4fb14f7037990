"""In headless Debian Chromium, as an official would: merge a duplicate organisation into the one kept from its
page (pick, preview, confirm), find its old address leading to the kept one, and delete a mistaken record."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.web.test_browser import ARGS, CHROMIUM, _require_browser, live_url  # noqa: F401
from tests.web.test_browser_controls import sign_in

pytestmark = pytest.mark.browser


def test_merge_two_organisations_and_delete_a_mistake(live_url: str, tmp_path: Path) -> None:  # noqa: F811
    _require_browser()
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(locale="en-GB")
            page.set_default_timeout(15_000)
            sign_in(page, live_url)

            urls = {}
            for name in ("Ministry of Science and Technology", "Bộ Khoa học và Công nghệ", "Typo Institute"):
                page.goto(live_url + "/organizations/new")
                page.locator("#field-name").fill(name)
                page.get_by_role("button", name="Save").click()
                if name == "Bộ Khoa học và Công nghệ":  # the same name in Vietnamese: linkage flags it, save anyway
                    page.get_by_role("button", name="Create anyway").click()
                expect(page.get_by_role("heading", name=name)).to_be_visible()
                urls[name] = page.url

            # the Vietnamese entry is a duplicate: merge it into the English one
            page.goto(urls["Bộ Khoa học và Công nghệ"])
            page.get_by_role("link", name="Merge into…").click()
            kept_id = urls["Ministry of Science and Technology"].rsplit("/", 1)[1]
            page.get_by_label("Record to keep").select_option(kept_id)
            page.get_by_role("button", name="Show what will move").click()
            expect(page.locator("#preview")).to_contain_text("Kept as other names: Bộ Khoa học và Công nghệ")
            page.get_by_role("button", name="Merge", exact=True).click()
            expect(page.get_by_role("status")).to_contain_text("The records were merged")
            expect(page.get_by_role("heading", name="Ministry of Science and Technology")).to_be_visible()
            expect(page.get_by_text("Bộ Khoa học và Công nghệ").first).to_be_visible()
            page.goto(urls["Bộ Khoa học và Công nghệ"])  # the old address leads to the record kept
            assert page.url == urls["Ministry of Science and Technology"]

            # a mistake is deleted after a confirmation
            page.goto(urls["Typo Institute"])
            page.get_by_role("link", name="Delete").click()
            expect(page.get_by_role("heading", name="Delete “Typo Institute”?")).to_be_visible()
            page.get_by_role("button", name="Delete").click()
            expect(page.get_by_role("status")).to_contain_text("The record was deleted.")
            expect(page.locator("#results")).not_to_contain_text("Typo Institute")
            page.screenshot(path=str(tmp_path / "merged.png"), full_page=True)
        finally:
            browser.close()
