"""The jobs page in headless Chromium: it follows a job from waiting to succeeded by itself (HTMX polling under
the app's Content-Security-Policy), with no reload, while huey's consumer runs the job."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.jobs.helpers import GATES, consumer
from tests.web.test_browser import ARGS, BROWSER_PASSWORD, CHROMIUM, _require_browser, live_url  # noqa: F401

from sticoop.accounts.models import User
from sticoop.core.database import session_scope
from sticoop.core.principal import Principal, Role
from sticoop.jobs import queue as queue_module
from sticoop.jobs.queue import Queue, build_huey
from sticoop.jobs.service import enqueue

pytestmark = pytest.mark.browser


def test_the_jobs_page_follows_a_job_to_the_end_by_itself(live_url: str, tmp_path: Path) -> None:  # noqa: F811
    _require_browser()
    from playwright.sync_api import expect, sync_playwright

    db_url = f"sqlite:///{tmp_path / 'browser.db'}"  # the live app's database (tests/web/test_browser.py)
    queue = Queue(build_huey(None, tmp_path / "queue.db"), db_url)
    queue_module.install(queue)
    try:
        with session_scope(db_url) as db:
            officer = db.scalar(select(User).where(User.username == "officer"))
            assert officer is not None
            job_id = enqueue(db, "test.wait", {}, Principal(officer.id, "officer", Role.secretariat)).id
        GATES[job_id] = threading.Event()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            try:
                page = browser.new_page(locale="en-GB")
                page.set_default_timeout(15_000)
                errors: list[str] = []  # script errors (a CSP refusal included) and failed requests but the favicon
                page.on("pageerror", lambda error: errors.append(str(error)))
                page.on("console", lambda message: errors.append(message.text) if message.type == "error"
                        and not message.text.startswith("Failed to load resource") else None)
                page.on("response", lambda response: errors.append(f"{response.status} {response.url}")
                        if response.status >= 400 and not response.url.endswith("/favicon.ico") else None)
                page.goto(live_url + "/login?next=/jobs")
                page.get_by_label("Username").fill("officer")
                page.get_by_label("Password").fill(BROWSER_PASSWORD)
                page.get_by_role("button", name="Sign in").click()
                row = page.locator(f"#job-{job_id}")
                expect(row).to_contain_text("Waiting")
                with consumer(queue):
                    expect(row).to_contain_text("Running")  # polled, not reloaded
                    expect(row.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "50")
                    GATES[job_id].set()
                    expect(row).to_contain_text("Succeeded")
                expect(row.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
                assert page.url.endswith("/jobs") and errors == []
            finally:
                browser.close()
    finally:
        queue_module.install(None)
