"""Every record type with pages: its edit form, posted back unchanged, saves (303) and changes nothing — no
new version, no audit entry; posted back with one field changed, it saves that change. Walks every registered
record type and every demo record of it, so a form that asks for a field its edit schema does not take
(a committee's partnership, a session's committee) is caught wherever it appears."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, inspect, select
from tests.records.formparse import form_values

from sticoop.accounts.models import AuditEntry
from sticoop.core.database import session_scope
from sticoop.demo.data import load_demo
from sticoop.web.crud_pages import REGISTERED_PAGES, EntityPages, form_fields

MAX_RECORDS_PER_KIND = 8


def _audit_count(db_url: str) -> int:
    with session_scope(db_url) as db:
        return db.scalar(select(func.count()).select_from(AuditEntry)) or 0


def _record_ids(db_url: str, spec: EntityPages) -> list[int]:
    model = spec.service.model
    with session_scope(db_url) as db:
        return list(db.scalars(select(model.id).order_by(model.id).limit(MAX_RECORDS_PER_KIND)))


def _text_field(spec: EntityPages, obj_columns: set[str], record: object) -> str | None:
    """A free-text field of the edit form that is a plain column (to change it and see the change)."""
    for f in form_fields(spec, record):
        if f.kind in ("text", "textarea") and f.name in obj_columns and f.name not in ("website",):
            return f.name
    return None


@pytest.fixture
def demo_client(db_url: str, client: TestClient) -> TestClient:
    with session_scope(db_url) as db:
        load_demo(db)
    return client


def test_every_record_type_with_pages_is_walked() -> None:
    from sticoop.server.app import create_app

    create_app("sqlite://")  # importing the pages registers them
    assert {"partnership", "committee", "session", "commitment", "agreement", "project", "organization",
            "person", "visit", "event"} <= set(REGISTERED_PAGES)


#: a decided call, its funders and its proposals are final (rule, tests/calls): their forms still save when posted
#: back unchanged, and a change gets 409. Its reviewers and declared conflicts stay editable (a conflict learned
#: after the decision is still recorded), so they are walked like any record.
FINAL_WHEN_DECIDED = {"call", "call_funder", "proposal"}
#: the change posted to a final record: (field, new value); the others get " (checked)" after their text field
FINAL_CHANGE = {"call_funder": ("budget", "1")}


def _of_a_decided_call(db_url: str, model: type, record_id: int) -> bool:
    from sticoop.calls.models import Call, Proposal

    with session_scope(db_url) as db:
        obj = db.get(model, record_id)
        if obj is not None and not isinstance(obj, Call) and getattr(obj, "proposal_id", None) is not None:
            obj = db.get(Proposal, obj.proposal_id)
        call = obj if isinstance(obj, Call) else (db.get(Call, obj.call_id) if getattr(obj, "call_id", None) else None)
        return call is not None and call.status == "decided"


def test_edit_forms_post_back_unchanged_and_changed(demo_client: TestClient, db_url: str) -> None:
    client = demo_client
    walked: list[str] = []
    walked_final: list[str] = []
    for entity, spec in sorted(REGISTERED_PAGES.items()):
        ids = _record_ids(db_url, spec)
        if not ids:
            continue
        for record_id in ids:
            final = entity in FINAL_WHEN_DECIDED and _of_a_decided_call(db_url, spec.service.model, record_id)
            action = f"{spec.path}/{record_id}/edit"
            page = client.get(action)
            assert page.status_code == 200, (action, page.status_code)
            values = form_values(page.text, action)
            before = _audit_count(db_url)
            with session_scope(db_url) as db:
                version = db.get(spec.service.model, record_id).version
            # the choices of a multi-select come back in the order of its options, which is the order of their
            # labels in the page's language: posted in reverse, they are still the same choices
            saved = client.post(action, data=_as_data(values, reverse_lists=True), follow_redirects=False)
            assert saved.status_code == 303, (action, saved.status_code, _errors_of(saved.text))
            assert _audit_count(db_url) == before, f"{action}: an unchanged save wrote to the audit log"
            with session_scope(db_url) as db:
                record = db.get(spec.service.model, record_id)
                assert record.version == version, f"{action}: an unchanged save made a new version"
                columns = {c.key for c in inspect(spec.service.model).column_attrs}
                field = _text_field(spec, columns, record)
            walked.append(entity)
            if final:  # a valid change (a budget for a funder, whose text fields are codes) still gets 409
                field, new = FINAL_CHANGE.get(entity, (field, None))
                changed = [(k, (new or v + " (checked)") if k == field else v) for k, v in values]
                saved = client.post(action, data=_as_data(changed), follow_redirects=False)
                assert saved.status_code == 409 and "decided calls are final" in saved.text, (action, saved.status_code)
                with session_scope(db_url) as db:
                    assert db.get(spec.service.model, record_id).version == version, action
                walked_final.append(entity)
                continue
            if field is None:
                continue
            changed = [(k, (v + " (checked)") if k == field else v) for k, v in values]
            if field not in dict(values):
                changed.append((field, "Checked"))
            saved = client.post(action, data=_as_data(changed), follow_redirects=False)
            assert saved.status_code == 303, (action, saved.status_code, _errors_of(saved.text))
            with session_scope(db_url) as db:
                record = db.get(spec.service.model, record_id)
                assert "hecked" in str(getattr(record, field)), (action, field)
                entry = db.scalars(select(AuditEntry).where(AuditEntry.entity_id == record_id)
                                        .order_by(AuditEntry.id.desc()).limit(1)).one()
                assert entry.action in ("update", "status") and entry.actor == "admin", (action, entry.action)
    assert {"committee", "session", "commitment", "partnership", "organization"} <= set(walked)
    assert set(walked_final) == FINAL_WHEN_DECIDED  # the demo call is decided
    assert {"reviewer", "conflict_of_interest"} <= set(walked)


def _as_data(pairs: list[tuple[str, str]], reverse_lists: bool = False) -> dict[str, list[str]]:
    data: dict[str, list[str]] = {}
    for key, value in pairs:
        data.setdefault(key, []).append(value)
    return {k: v[::-1] for k, v in data.items()} if reverse_lists else data


def _errors_of(html: str) -> str:
    start = html.find("error-summary")
    return html[start:start + 600] if start >= 0 else html[:300]


@pytest.mark.parametrize("entity", ["committee", "session", "commitment"])
def test_error_summary_names_each_field_and_links_to_it(demo_client: TestClient, db_url: str,
                                                        entity: str) -> None:
    from sticoop.server.app import create_app

    create_app("sqlite://")
    spec = REGISTERED_PAGES[entity]
    record_id = _record_ids(db_url, spec)[0]
    action = f"{spec.path}/{record_id}/edit"
    values = form_values(demo_client.get(action).text, action)
    required = next(f for f in form_fields(spec, object()) if f.required and f.kind in ("text", "number",
                                                                                     "textarea"))
    emptied = [(k, "" if k == required.name else v) for k, v in values]
    page = demo_client.post(action, data=_as_data(emptied), follow_redirects=False)
    assert page.status_code == 422
    assert f'href="#field-{required.name}"' in page.text and "data-error-summary" in page.text


ErrorCheck = Callable[[str], None]
