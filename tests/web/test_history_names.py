"""A record page's History names the fields a change touched as its form names them, in the page's language
("modifié : Réalisation", not "modifié: completion"). Walks every record type with a page of its own: one field
changed through its edit form, then the page read in en, fr and vi."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html
from sqlalchemy import inspect, select
from tests.records.formparse import form_values

from sticoop.core.database import session_scope
from sticoop.core.i18n import translations
from sticoop.core.registry import PAGE_PREFIX
from sticoop.demo.data import load_demo
from sticoop.web.crud_pages import REGISTERED_PAGES, form_fields


@pytest.fixture
def demo_client(db_url: str, client: TestClient) -> TestClient:
    with session_scope(db_url) as db:
        load_demo(db)
    return client


def _history_text(page: str) -> str:
    tree = lxml_html.fromstring(page)
    box = tree.xpath('//section[contains(concat(" ", @class, " "), " history ")]')
    assert box, "the page has no History box"
    return " ".join(box[0].text_content().split())


def _change_a_text_field(client: TestClient, db_url: str, entity: str) -> tuple[str, str, str] | None:
    """Changes one plain text column of the first record of ``entity`` through its edit form; (record page,
    column, its form label) or None when the form has no such field."""
    spec = REGISTERED_PAGES[entity]
    model = spec.service.model
    with session_scope(db_url) as db:
        record = db.scalars(select(model).order_by(model.id).limit(1)).first()
        if record is None:
            return None
        columns = {c.key for c in inspect(model).column_attrs}
        fields = [f for f in form_fields(spec, record) if f.kind in ("text", "textarea") and f.name in columns
                  and f.name != "website"]
        record_id = record.id
    if not fields:
        return None
    field = fields[0]
    action = f"{spec.path}/{record_id}/edit"
    values = form_values(client.get(action).text, action)
    data: dict[str, list[str]] = {}
    for key, value in values:
        data.setdefault(key, []).append(value + " (revised)" if key == field.name else value)
    if field.name not in data:
        data[field.name] = ["Revised"]
    saved = client.post(action, data=data, follow_redirects=False)
    if saved.status_code != 303:  # a decided call's records are final (tests/records/test_edit_forms.py)
        return None
    return f"{spec.path}/{record_id}", field.name, field.label


@pytest.mark.parametrize("lang", ["en", "fr", "vi"])
def test_history_names_changed_fields_in_the_page_language(demo_client: TestClient, db_url: str, lang: str) -> None:
    gettext = translations(lang).gettext
    walked = []
    for entity in sorted(REGISTERED_PAGES):
        if not PAGE_PREFIX.get(entity):
            continue
        changed = _change_a_text_field(demo_client, db_url, entity)
        if changed is None:
            continue
        page, column, label = changed
        response = demo_client.get(page, params={"lang": lang})
        assert response.status_code == 200, (page, response.status_code)
        history = _history_text(response.text)
        assert gettext(label) in history, (page, lang, gettext(label), history[:300])
        if "_" in column or column != gettext(label).lower():
            assert f": {column}" not in history and f", {column}" not in history, (page, lang, column, history[:300])
        walked.append(entity)
    assert {"commitment", "session", "partnership", "agreement", "project"} <= set(walked)
