"""The pages in French and Vietnamese: translated navigation, headings, labels and messages; dates,
numbers and country names in the page's locale; the choice remembered in a cookie."""

from __future__ import annotations

from babel.messages.pofile import read_po
from fastapi.testclient import TestClient
from tests.web.helpers import seed

from sticoop.core.i18n import LOCALE_DIR, SUPPORTED_LOCALES, translations
from sticoop.web.labels import LABELS, NAVIGATION


def test_french_pages_and_locale_dates(client: TestClient) -> None:
    d = seed(client)
    home = client.get("/?lang=fr")
    assert home.status_code == 200 and '<html lang="fr">' in home.text
    for text in ("Tableau de bord", "Partenariats", "Engagements en retard", "Accords en attente de signature",
                 "Modifications récentes", "Sessions à venir"):
        assert text in home.text
    assert home.cookies.get("sticoop_lang") == "fr"
    page = client.get(f"/partnerships/{d['partnership']['id']}").text  # the cookie keeps French
    assert "22 mars 1973" in page and "Belgique" in page and "Chronologie" in page
    assert "ans de relations diplomatiques" in page and "Ajouter une commission" in page
    form = client.post("/sessions/new", data={"committee_id": str(d["committee"]["id"]), "number": "9",
                                              "start_date": "2024-05-02", "end_date": "2024-05-01"})
    assert form.status_code == 422 and "La date de fin est antérieure à la date de début." in form.text
    assert "Enregistrer" in form.text and "Numéro de session" in form.text
    budget = client.get(f"/projects/{d['project']['id']}").text
    assert "250\u202f000,00\u00a0€" in budget or "250 000,00 €" in budget


def test_vietnamese_pages_and_locale_dates(client: TestClient) -> None:
    d = seed(client)
    page = client.get(f"/sessions/{d['session6']['id']}", params={"lang": "vi"}).text
    for text in ("Khóa họp thứ 6", "Tình hình thực hiện kết luận của khóa họp trước", "Các đoàn", "Bỉ",
                 "Quan hệ đối tác", "Cam kết"):
        assert text in page
    assert "26 thg 7, 2023" in page or "26 tháng 7, 2023" in page
    listing = client.get("/commitments", headers={"accept-language": "vi-VN,vi;q=0.9"}).text
    assert "Cam kết mới" in listing and "Quá hạn" in listing


def test_every_catalogue_message_is_translated_and_covers_navigation_and_labels() -> None:
    messages = {text for _, text in NAVIGATION} | {m for group in LABELS.values() for m in group.values()}
    for locale in SUPPORTED_LOCALES:
        if locale == "en":
            continue
        with (LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
            catalogue = read_po(handle, locale=locale)
        ids = {m.id for m in catalogue if m.id}
        assert messages <= ids, (locale, messages - ids)
        empty = [m.id for m in catalogue if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)]
        assert empty == [], (locale, empty)
        assert translations(locale).gettext("Dashboard") != "Dashboard"
