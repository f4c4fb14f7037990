"""A joint call in headless Debian Chromium, from its creation to the project: the officer creates the call, its
funders, a proposal with its consortium and a reviewer in the pages' forms (refusals shown on the form), moves the
call on its page, assigns the reviewer; the reviewer scores in the inbox's form; the officer writes the consensus
in its form, decides and turns the funded proposal into a project. Skipped without /usr/bin/chromium (unless
STICOOP_REQUIRE_BROWSER=1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.web.test_browser import ARGS, BROWSER_PASSWORD, CHROMIUM, _require_browser, served

pytestmark = pytest.mark.browser


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[str, int]]:

    from sticoop.accounts.service import create_user
    from sticoop.core.database import session_scope
    from sticoop.core.migrate import upgrade
    from sticoop.partnerships.models import Partnership
    from sticoop.reference.service import seed_reference

    url = f"sqlite:///{tmp_path / 'calls-browser.db'}"
    upgrade(url)
    with session_scope(url) as db:
        seed_reference(db)
        partnership = Partnership(name="Belgium–Vietnam")
        db.add(partnership)
        db.flush()
        create_user(db, "officer", BROWSER_PASSWORD, "admin")
        create_user(db, "rev1", BROWSER_PASSWORD, "member", partnership_ids=[partnership.id])
        partnership_id = partnership.id
    with served(url) as base:
        yield base, partnership_id


def _sign_in(page: Any, base: str, username: str) -> None:
    from playwright.sync_api import expect

    page.goto(base + "/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(BROWSER_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()


def test_call_from_creation_to_project(live: tuple[str, int]) -> None:
    _require_browser()
    from playwright.sync_api import expect, sync_playwright

    base, _ = live
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            officer = browser.new_context(locale="en-GB").new_page()
            officer.set_default_timeout(20_000)
            _sign_in(officer, base, "officer")
            token = officer.locator('meta[name="csrf-token"]').get_attribute("content")

            def api(path: str, body: dict[str, Any]) -> dict[str, Any]:
                response = officer.request.post(base + "/api/v1" + path, data=body, headers={"X-CSRF-Token": token})
                assert response.status == 201, response.text()
                return response.json()

            # organisations and people belong to other domains; the call and all its records are made in forms
            for c in ("BEL", "VNM", "THA"):
                api("/organizations", {"name": f"University {c}", "country_code": c})
            api("/people", {"name": "Reviewer One"})

            officer.goto(base + "/calls")
            officer.get_by_role("link", name="New funding call").click()
            officer.get_by_label("Title").fill("JFS browser call")
            officer.locator("#field-partnership_ids").select_option(label="Belgium–Vietnam", force=True)
            officer.get_by_label("Topics").fill("Climate\nHealth")
            officer.get_by_label("Submission opens").fill("2026-01-15T09:00")
            officer.get_by_label("Submission closes").fill("2026-01-01T17:00")
            officer.get_by_label("Time zone").fill("Asia/Ho_Chi_Minh")
            officer.get_by_label("Currency").fill("EUR")
            officer.get_by_label("Reviewers per proposal").fill("1")
            officer.get_by_role("button", name="Save").click()
            expect(officer.locator("[data-error-summary]")).to_contain_text("closes_at must come after opens_at")
            officer.get_by_label("Submission closes").fill("2026-05-31T17:00")
            officer.get_by_role("button", name="Save").click()
            expect(officer.get_by_role("heading", name="JFS browser call")).to_be_visible()
            expect(officer.locator(".timeline")).to_contain_text("Asia/Ho_Chi_Minh")

            for c, budget, cur in (("BEL", "500000", "EUR"), ("VNM", "10000000000", "VND"), ("THA", "10000000", "THB")):
                officer.get_by_role("link", name="Add a funder").click()
                officer.get_by_label("Organisation").select_option(label=f"University {c}")
                officer.locator("#field-country_code").select_option(value=c)
                officer.get_by_label("Budget").fill(budget)
                officer.get_by_label("Currency").fill(cur)
                if c == "THA":
                    officer.get_by_label("Lowest TRL it funds").fill("12")
                    officer.get_by_role("button", name="Save").click()
                    expect(officer.locator("[data-error-summary]")).to_contain_text("TRL from 1 to 9")
                    officer.get_by_label("Lowest TRL it funds").fill("2")
                officer.get_by_role("button", name="Save").click()
                expect(officer.locator("#funders")).to_contain_text(f"University {c}")

            # the evaluation set-up form: a bad parameter is named, then thresholds saved (no API needed)
            officer.get_by_role("link", name="Rules, criteria and thresholds").click()
            officer.locator("#rule-min_partners").check()
            officer.locator("#rule-min_partners-min").fill("three")
            officer.get_by_role("button", name="Save the evaluation set-up").click()
            expect(officer.locator("[data-error-summary]")).to_contain_text("rule-min_partners-min")
            officer.locator("#rule-min_partners-min").fill("3")
            officer.locator("#rule-distinct_countries").check()
            officer.locator("#rule-distinct_countries-min").fill("3")
            officer.locator("#rule-region_quota").check()
            officer.locator("#rule-region_quota-options").fill("SEA=2, EUROPE=1\nEUROPE=2, SEA=1")
            officer.locator("#overall_threshold").fill("9")
            officer.get_by_role("button", name="Save the evaluation set-up").click()
            expect(officer.get_by_role("heading", name="JFS browser call")).to_be_visible()
            expect(officer.get_by_text("Overall threshold: 9")).to_be_visible()
            expect(officer.locator("#rules")).to_contain_text("Regional quota")

            officer.get_by_role("link", name="New proposal").click()
            officer.get_by_label("Acronym").fill("GOOD")
            officer.get_by_label("Title").fill("A good proposal")
            officer.get_by_label("Topic", exact=True).fill("Climate")
            officer.get_by_label("Status").select_option(value="submitted")
            officer.get_by_label("Submitted at").fill("2026-05-30T10:00")
            officer.get_by_label("Abstract").fill("Why.")
            currencies = {"BEL": "EUR", "VNM": "VND", "THA": "THB"}
            for i, (c, amount, role) in enumerate((("BEL", "100000", "coordinator"), ("VNM", "1000000000", "partner"),
                                                   ("THA", "1000000", "partner"))):
                row = f"partners-{i}-"
                officer.locator(f'select[name="{row}organization_id"]').select_option(label=f"University {c}")
                officer.locator(f'select[name="{row}country_code"]').select_option(value=c)
                officer.locator(f'select[name="{row}role"]').select_option(value=role)
                officer.locator(f'select[name="{row}funder_id"]').select_option(
                    label=f"University {c} ({currencies[c]}) — JFS browser call")
                officer.locator(f'input[name="{row}budget"]').fill(amount)
            officer.get_by_role("button", name="Save").click()  # the whole consortium in one save
            for c in currencies:
                expect(officer.locator("#consortium")).to_contain_text(f"University {c}")
            expect(officer.locator("#eligibility")).to_be_visible()
            expect(officer.get_by_text("Ineligible")).to_have_count(0)
            officer.get_by_role("link", name="JFS browser call").click()

            officer.get_by_role("link", name="Add a reviewer").click()
            officer.get_by_label("Person").select_option(label="Reviewer One")
            officer.get_by_label("Account").fill("rev1")
            officer.get_by_role("button", name="Save").click()
            expect(officer.get_by_role("heading", name="JFS browser call")).to_be_visible()

            expect(officer.locator("#funders")).to_contain_text("University VNM")
            officer.get_by_role("button", name="→ Open").click()
            officer.get_by_role("button", name="→ Closed").click()
            officer.get_by_role("button", name="Assign reviewers").click()
            expect(officer.locator("#assignment-result")).to_contain_text("1 assignments made")
            officer.get_by_role("button", name="→ Under evaluation").click()
            expect(officer.get_by_role("button", name="Decide funding (budget walk)")).to_be_visible()

            page = browser.new_context(locale="en-GB").new_page()
            page.set_default_timeout(20_000)
            _sign_in(page, base, "rev1")
            page.goto(base + "/reviews/inbox")
            page.get_by_role("link", name="Score").click()
            for name, value in (("Excellence", "4.5"), ("Impact", "4"),
                                ("Quality and efficiency of the implementation", "3.5")):
                page.get_by_label(name).select_option(value)
            page.get_by_role("button", name="Save my scores").click()
            expect(page.get_by_role("link", name="Change my scores")).to_be_visible()

            officer.get_by_role("link", name="GOOD").click()
            officer.get_by_role("link", name="Consensus report").click()
            officer.get_by_label("Rapporteur").select_option(label="Reviewer One")
            for name, value in (("Excellence", "5"), ("Impact", "4"),
                                ("Quality and efficiency of the implementation", "3.5")):
                officer.get_by_label(name).select_option(value)
            officer.get_by_role("button", name="Save the consensus").click()
            expect(officer.locator("#error-summary")).to_contain_text("justification is required")
            officer.get_by_label("Justification").fill("The panel found the excellence outstanding.")
            officer.get_by_role("button", name="Save the consensus").click()
            expect(officer.locator("#consensus")).to_contain_text("Reviewer One")
            officer.get_by_role("link", name="JFS browser call").click()
            officer.get_by_role("button", name="Decide funding (budget walk)").click()
            expect(officer.locator("#budget-walk")).to_contain_text("Funded")
            officer.get_by_role("button", name="Create the project").click()
            expect(officer.get_by_role("heading", name="A good proposal")).to_be_visible()
            expect(officer.locator("body")).to_contain_text("1,000,000,000")  # what the Vietnamese funder pays
        finally:
            browser.close()
