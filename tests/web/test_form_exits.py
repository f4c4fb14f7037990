"""Every way out of a record form leads to a page that exists: the "Cancel" of its new, edit, delete and merge
pages. Walks every registered record type (with the demo data, so each has records) — a record type shown only
inside another's page (a call's funders and reviewers, a commitment's progress updates) must send the official
back to that page, not to a record page it does not have (it was a 404)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from sticoop.core.database import session_scope
from sticoop.demo.data import load_demo
from sticoop.web.crud_pages import REGISTERED_PAGES, EntityPages

CANCEL = re.compile(r'<a class="button button--quiet" href="([^"]*)">')


@pytest.fixture
def demo_client(db_url: str, client: TestClient) -> TestClient:
    with session_scope(db_url) as db:
        load_demo(db)
    return client


def _first_id(db_url: str, spec: EntityPages) -> int | None:
    model = spec.service.model
    with session_scope(db_url) as db:
        return db.scalar(select(model.id).order_by(model.id).limit(1))


def _exits(client: TestClient, page: str) -> list[str]:
    response = client.get(page)
    assert response.status_code == 200, (page, response.status_code)
    found = [h.replace("&amp;", "&") for h in CANCEL.findall(response.text)]
    assert found, f"{page} has no Cancel link"
    return found


def test_every_cancel_of_every_record_form_opens_a_page(demo_client: TestClient, db_url: str) -> None:
    client = demo_client
    walked: set[str] = set()
    broken: list[tuple[str, str, int]] = []
    for entity, spec in sorted(REGISTERED_PAGES.items()):
        record_id = _first_id(db_url, spec)
        pages = [f"{spec.path}/new"]
        if record_id is not None:
            pages += [f"{spec.path}/{record_id}/edit", f"{spec.path}/{record_id}/delete"]
            if spec.service.mergeable:
                pages.append(f"{spec.path}/{record_id}/merge")
        for page in pages:
            for target in _exits(client, page):
                status = client.get(target).status_code
                if status != 200:
                    broken.append((page, target, status))
        walked.add(entity)
    assert not broken, broken
    assert {"call_funder", "reviewer", "progress_update", "assessment", "commitment", "session"} <= walked


def test_a_refused_new_record_still_cancels_to_where_it_came_from(demo_client: TestClient) -> None:
    """Opened with ``?back=`` (every "+ Add" link of a record page), saved empty (refused, 422 naming the fields),
    the form's Cancel still goes back there — the failed save kept ``back`` (it went to the list, a 404 for a
    call's funders)."""
    client = demo_client
    back = "/account"
    refused: set[str] = set()
    for entity, spec in sorted(REGISTERED_PAGES.items()):
        opened = client.get(f"{spec.path}/new", params={"back": back})
        assert _exits(client, f"{spec.path}/new?back={back}") == [back], entity
        token = re.search(r'name="csrf_token" value="([^"]+)"', opened.text)
        assert token, entity
        action = re.search(r'<form class="card form" method="post" action="([^"]+)"', opened.text)
        assert action, entity
        saved = client.post(action.group(1).replace("&amp;", "&"), data={"csrf_token": token.group(1)},
                            follow_redirects=False)
        if saved.status_code == 303:  # a record type that needs nothing (none today): nothing to cancel
            continue
        assert saved.status_code == 422, (entity, saved.status_code)
        assert [h.replace("&amp;", "&") for h in CANCEL.findall(saved.text)] == [back], entity
        refused.add(entity)
    assert {"call_funder", "reviewer", "progress_update", "assessment", "commitment", "partnership"} <= refused


def test_records_without_pages_can_be_edited_and_deleted_where_they_are_shown(demo_client: TestClient,
                                                                              db_url: str) -> None:
    """A record type without a page of its own (a commitment's progress updates and assessments, a call's funders
    and reviewers, a proposal's declared conflicts) is changed from the page that shows it: that page links its
    Edit and Delete forms (progress updates and assessments had Delete only: a wrong count could not be
    corrected, only deleted and typed again)."""
    from sticoop.core.registry import PAGE_PREFIX

    client = demo_client
    walked = set()
    for entity, spec in sorted(REGISTERED_PAGES.items()):
        if PAGE_PREFIX.get(entity):
            continue
        record_id = _first_id(db_url, spec)
        assert record_id is not None, f"the demo has no {entity}"
        with session_scope(db_url) as db:
            shown_on = spec.redirect(db.get(spec.service.model, record_id)) if spec.redirect else None
        assert shown_on, entity
        page = client.get(shown_on).text.replace("&amp;", "&")
        for action in ("edit", "delete"):
            assert re.search(rf'href="{spec.path}/{record_id}/{action}[?"]', page), (entity, shown_on, action)
        walked.add(entity)
    assert {"progress_update", "assessment", "call_funder", "reviewer", "conflict_of_interest"} <= walked
