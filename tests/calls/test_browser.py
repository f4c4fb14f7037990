"""A joint call in headless Debian Chromium, from its creation to the project: the officer creates the call, its
funders, a proposal and a reviewer with the browser's session (API), moves the call on its page, assigns the
reviewer; the reviewer scores in the inbox's form; the officer decides and turns the funded proposal into a
project. Skipped without /usr/bin/chromium (unless STICOOP_REQUIRE_BROWSER=1)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.web.test_browser import ARGS, BROWSER_PASSWORD, CHROMIUM, _free_port, _require_browser

pytestmark = pytest.mark.browser


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[str, int]]:
    import uvicorn

    from sticoop.accounts.service import create_user
    from sticoop.core.database import get_engine, session_scope
    from sticoop.core.migrate import upgrade
    from sticoop.partnerships.models import Partnership
    from sticoop.reference.service import seed_reference
    from sticoop.server.app import create_app

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
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the app did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", partnership_id
    server.should_exit = True
    thread.join(timeout=10)
    get_engine(url).dispose()


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

    base, partnership_id = live
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

            call = api("/calls", {"title": "JFS browser call", "partnership_id": partnership_id, "currency": "EUR",
                                  "topics": ["Climate"], "reviewers_per_proposal": 1,
                                  "rules": [{"kind": "min_partners", "params": {"min": 3}}]})
            orgs = {c: api("/organizations", {"name": f"University {c}", "country_code": c})["id"]
                    for c in ("BEL", "VNM", "THA")}
            funders = {c: api("/call-funders", {"call_id": call["id"], "organization_id": orgs[c], "country_code": c,
                                                "budget": budget, "currency": cur})["id"]
                       for c, budget, cur in (("BEL", 500000, "EUR"), ("VNM", 10**10, "VND"), ("THA", 10**7, "THB"))}
            partners = [{"organization_id": orgs[c], "country_code": c, "funder_id": funders[c], "budget": b,
                         "role": "coordinator" if c == "BEL" else "partner"}
                        for c, b in (("BEL", 100000), ("VNM", 10**9), ("THA", 10**6))]
            proposal = api("/proposals", {"call_id": call["id"], "acronym": "GOOD", "title": "A good proposal",
                                          "topic": "Climate", "abstract": "Why.", "status": "submitted",
                                          "partners": partners})
            person = api("/people", {"name": "Reviewer One"})
            reviewer = api("/reviewers", {"call_id": call["id"], "person_id": person["id"], "username": "rev1"})

            officer.goto(base + "/calls")
            officer.get_by_role("link", name="JFS browser call").click()
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

            api("/consensus", {"proposal_id": proposal["id"], "rapporteur_id": reviewer["id"],
                               "scores": {"excellence": 4.5, "impact": 4, "implementation": 3.5}})
            officer.reload()
            officer.get_by_role("button", name="Decide funding (budget walk)").click()
            expect(officer.locator("#budget-walk")).to_contain_text("Funded")
            officer.get_by_role("button", name="Create the project").click()
            expect(officer.get_by_role("heading", name="A good proposal")).to_be_visible()
        finally:
            browser.close()
