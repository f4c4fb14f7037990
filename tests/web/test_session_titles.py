"""Committee sessions are titled in the page's language on the dashboard's "Upcoming sessions" and on a
partnership's timeline ("… — session n° 7" / "… — khóa họp thứ 7"); they read "— session 7" in English on
French and Vietnamese pages. Walks both pages in en, fr and vi with the demo data; the API keeps its English
``title`` and gives the parts (``session``)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from sticoop.core.database import session_scope
from sticoop.core.i18n import translations
from sticoop.demo.data import load_demo
from sticoop.partnerships.models import Committee, CommitteeSession

TITLE = "%(committee)s — session %(number)s"


@pytest.fixture
def demo_client(db_url: str, client: TestClient) -> TestClient:
    with session_scope(db_url) as db:
        load_demo(db)
    return client


@pytest.mark.parametrize("lang", ["en", "fr", "vi"])
def test_sessions_are_titled_in_the_page_language(demo_client: TestClient, db_url: str, lang: str) -> None:
    gettext = translations(lang).gettext
    with session_scope(db_url) as db:
        rows = db.execute(select(Committee.partnership_id, Committee.name, CommitteeSession.number)
                          .join(CommitteeSession, CommitteeSession.committee_id == Committee.id)).all()
    board = demo_client.get("/api/v1/dashboard").json()
    upcoming = board["upcoming_sessions"]
    assert upcoming and all(item["session"]["number"] and item["title"].endswith(f"session {item['session']['number']}")
                            for item in upcoming)
    pages = {"/": [(i["session"]["committee"], i["session"]["number"]) for i in upcoming]}
    for partnership_id, name, number in rows:
        pages.setdefault(f"/partnerships/{partnership_id}", []).append((name, number))
    for path, sessions in pages.items():
        text = " ".join(demo_client.get(path, params={"lang": lang}).text.split())
        for name, number in sessions:
            said = gettext(TITLE) % {"committee": name, "number": number}
            assert said.replace("'", "&#39;") in text, (path, lang, said)
            if lang != "en":
                assert not re.search(rf"— session {number}\b", text), (path, lang, number)
    assert len(pages) >= 2
