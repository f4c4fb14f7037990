"""Dates, contexts and record-type names in every language.

Walks every list and record page (the demo-like data of tests/web/helpers.py) in English, French and
Vietnamese: no numeric short date ("11/30/26") anywhere, dates in the locale's medium form with a four-digit
year. Status words that are also date labels ("Published") translate by context; every registered record
type has a translated name, and the dashboard's "Recent changes" uses it.
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient
from tests.web.helpers import seed
from tests.web.test_controls import make_fair, pages_of

from sticoop.core.i18n import LOCALE_DIR, Formatter
from sticoop.core.registry import PAGE_PREFIX, services
from sticoop.web.labels import LABEL_CONTEXT, LABELS

SHORT_DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{2,4}(?![\d/])")
#: session 5 of the seed starts on 2016-05-10: the locale's medium form
MEDIUM = {"en": "May 10, 2016", "fr": "10 mai 2016", "vi": "10 thg 5, 2016"}


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html))


def catalogue(locale: str):  # type: ignore[no-untyped-def]
    with (LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=locale)


@pytest.mark.parametrize("locale", ["en", "fr", "vi"])
def test_no_numeric_short_date_on_any_page(client: TestClient, locale: str) -> None:
    records = seed(client)
    pages = pages_of(records, make_fair(client))
    for page in pages:
        html = client.get(page, params={"lang": locale}).text
        text = visible_text(html)
        assert not SHORT_DATE.search(text), (locale, page, SHORT_DATE.findall(text))
    session = client.get(f"/sessions/{records['session']['id']}", params={"lang": locale}).text
    assert MEDIUM[locale] in visible_text(session)
    # a date with its time (the record's history) keeps the four-digit year too
    history = visible_text(client.get(f"/partnerships/{records['partnership']['id']}",
                                      params={"lang": locale}).text)
    assert re.search(r"\b20\d\d\b.{0,12}\d{1,2}[:h]\d\d|\d{1,2}[:h]\d\d.{0,20}\b20\d\d\b", history), history[-800:]


def test_formatter_never_gives_a_two_digit_year() -> None:
    from datetime import date, datetime

    for locale in ("en", "fr", "vi"):
        fmt = Formatter(locale)
        for value in (date(2026, 11, 30), datetime(2026, 11, 30, 14, 5)):
            for form in ("short", "medium", "long"):
                text = fmt.date(value, form)
                assert "2026" in text and not SHORT_DATE.search(text), (locale, form, text)


@pytest.mark.parametrize("locale", ["fr", "vi"])
def test_status_words_translate_by_context(locale: str) -> None:
    fmt = Formatter(locale)
    assert fmt.pgettext("status", "Published") != fmt.pgettext("date", "Published")
    assert fmt.pgettext("status", "Published") != "Published" and fmt.pgettext("date", "Published") != "Published"
    entries = {(m.context, m.id): m.string for m in catalogue(locale) if m.id}
    for group, context in LABEL_CONTEXT.items():
        for message in LABELS[group].values():
            assert entries.get((context, message)), (locale, group, message)


def test_a_profile_status_and_a_publication_date_read_differently_in_french(client: TestClient) -> None:
    profile = client.post("/api/v1/profiles", json={"kind": "technology_offer", "status": "published",
                                                     "language": "en", "title": "Solar dryer",
                                                     "summary": "Solar dryer for cassava."}).json()
    page = visible_text(client.get(f"/profiles/{profile['id']}", params={"lang": "fr"}).text)
    assert "Publié" in page and "Publié le" not in page
    upload = client.post("/api/v1/intakes", files={"file": ("note.txt", b"Hanoi, 3 May 2024. A short note.")},
                         data={"published": "2024-05-03"})
    assert upload.status_code == 201, upload.text
    inbox = visible_text(client.get("/intakes", params={"lang": "fr"}).text)
    assert "Publié le" in inbox


@pytest.mark.parametrize("locale", ["fr", "vi"])
def test_every_record_type_has_a_translated_name(locale: str) -> None:
    entries = {m.id: m.string for m in catalogue(locale) if m.id and not m.context}
    kinds = set(services()) | set(PAGE_PREFIX)
    for entity in kinds:
        message = LABELS["kind"].get(entity)
        assert message, f"no label for record type {entity!r} in LABELS['kind']"
        assert entries.get(message), (locale, entity, message)


def test_recent_changes_name_record_types_in_the_pages_language(client: TestClient) -> None:
    seed(client)
    make_fair(client)  # an event and a technology profile among the changes
    kinds = {item["kind"] for item in client.get("/api/v1/dashboard").json()["recent_changes"]}
    assert {"commitment", "profile", "event"} <= kinds, kinds
    for locale in ("fr", "vi"):
        home = client.get("/", params={"lang": locale}).text
        section = home.split('id="h-recent"')[1]
        tags = set(re.findall(r'<span class="tag">([^<]+)</span>', section))
        fmt = Formatter(locale)
        assert tags == {unescape_label(fmt._(LABELS["kind"][k])) for k in kinds}, (locale, tags)


def unescape_label(text: str) -> str:
    return text.replace("&", "&amp;").replace("'", "&#39;")
