"""A new record's "language" choice (a technology profile's text, a proposal's report) starts at the page's
language: on a French page a profile written in French was saved as English unless the official noticed the
field, and was then matched and searched as English text. Walks every record type whose form chooses a language,
in en, fr and vi, and a link that chooses one itself (``?language=``), which wins."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from sticoop.web.crud_pages import REGISTERED_PAGES


def _chosen(page: str) -> str | None:
    select = re.search(r'<select id="field-language"[^>]*>(.*?)</select>', page, re.S)
    assert select, "no language choice"
    chosen = re.search(r'<option value="([^"]*)" selected', select.group(1))
    return chosen.group(1) if chosen else None


@pytest.mark.parametrize("lang", ["en", "fr", "vi"])
def test_new_records_start_in_the_page_language(client: TestClient, lang: str) -> None:
    walked = []
    for entity, spec in sorted(REGISTERED_PAGES.items()):
        if not any(f.name == "language" and f.kind == "select" for f in spec.fields):
            continue
        page = client.get(f"{spec.path}/new", params={"lang": lang})
        assert page.status_code == 200, entity
        assert _chosen(page.text) == lang, (entity, lang)
        other = "vi" if lang != "vi" else "fr"
        chosen = client.get(f"{spec.path}/new", params={"lang": lang, "language": other})
        assert _chosen(chosen.text) == other, (entity, lang)
        walked.append(entity)
    assert {"profile", "proposal"} <= set(walked)
