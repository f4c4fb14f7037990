"""The briefing pack: what it holds for whom, in which language and as of which day, in which fonts, and the
document it is stored as."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy import func, select
from tests.briefing.helpers import NAMES, SECRETS, backdate_log, docx_xml, text_of

from sticoop.briefing.layout import BACKGROUND, HEADINGS, PEOPLE_WHY, UPCOMING_KIND, lay_out
from sticoop.briefing.models import BriefingPack
from sticoop.briefing.schemas import Briefing
from sticoop.core.database import session_scope
from sticoop.core.i18n import LOCALE_DIR, Formatter, translations
from sticoop.documents.models import Document

FORMATS = ("pdf", "docx", "html")


def pack(client: TestClient, world: dict[str, Any], fmt: str, **params: Any) -> bytes:
    response = client.get(f"/partnerships/{world['partnership']['id']}/briefing.{fmt}", params=params)
    assert response.status_code == 200, response.text
    return response.content


# ----- who sees what ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_confidential_record_reaches_a_viewer_and_the_secretariat_reads_them_apart(
        fmt: str, world: dict[str, Any], reader: Callable[[str], TestClient]) -> None:
    visit = {"visit_id": world["trip"]["id"]}
    viewer = text_of(fmt, pack(reader("viewer"), world, fmt, **visit))
    secretariat = text_of(fmt, pack(reader("secretariat"), world, fmt, **visit))
    assert "Open a joint laboratory in Cần Thơ" in viewer and "Open a joint laboratory in Cần Thơ" in secretariat
    for kind, secret in SECRETS.items():
        assert secret not in viewer, f"the confidential {kind} reached the viewer's {fmt}"
    assert BACKGROUND not in viewer and "Confidential — not for disclosure" not in viewer
    background = secretariat.index(BACKGROUND)
    for kind, secret in SECRETS.items():
        assert secret in secretariat, f"the secretariat's {fmt} lacks the confidential {kind}"
        assert secretariat.index(secret) > background, f"the confidential {kind} is outside the background"


def test_a_member_sees_what_a_viewer_sees(world: dict[str, Any], reader: Callable[[str], TestClient]) -> None:
    data = reader("member").get(f"/api/v1/partnerships/{world['partnership']['id']}/briefing").json()
    assert not any(row["confidential"] for key in ("open_commitments", "agreements", "projects", "press",
                                                    "previous_visits", "upcoming") for row in data[key])
    assert data["last_session"]["number"] == 6  # the confidential 7th is not the member's last session


# ----- contents ---------------------------------------------------------------------------------------------
def test_pdf_holds_the_open_commitments_and_vietnamese_names_intact(world: dict[str, Any],
                                                                  client: TestClient) -> None:
    text = text_of("pdf", pack(client, world, "pdf", visit_id=world["trip"]["id"]))
    for expected in ("Open a joint laboratory in Cần Thơ", "Organise one or two training courses a year",
                     "Site chosen in March", "Raise the delay of the training courses", "Nguyễn Văn An",
                     NAMES["vi"][0], "Prepare the 8th session", "MoU on remote sensing", "Minister visits Ghent"):
        assert expected in text, expected
    # in the order a ministry brief uses
    positions = [text.index(heading) for heading in HEADINGS.values()]
    assert positions == sorted(positions)


def _fonts_of_runs(content: bytes) -> list[tuple[str, str]]:
    """(text, base font name) of every text run of the PDF."""
    runs: list[tuple[str, str]] = []

    def visit(text: str, _cm: Any, _tm: Any, font: Any, _size: Any) -> None:
        if text.strip() and font is not None:
            runs.append((text, str(font.get("/BaseFont", ""))))

    for page in PdfReader(io.BytesIO(content)).pages:
        page.extract_text(visitor_text=visit)
    return runs


@pytest.mark.parametrize("lang", sorted(NAMES))
def test_every_script_is_drawn_with_a_font_that_has_it(lang: str, world: dict[str, Any],
                                                       client: TestClient) -> None:
    """Empty boxes come from a font without the glyphs: the run holding the name must use the Noto font of
    its script (embedded subset ``ABCDEF+Noto-Sans-CJK-KR``), and extract back to the name itself (a .notdef
    box extracts to nothing). Fails when fonts-noto-core / fonts-noto-cjk are not installed."""
    name, font = NAMES[lang]
    runs = _fonts_of_runs(pack(client, world, "pdf", visit_id=world["trip"]["id"]))
    holding = [base for text, base in runs if name in text]
    assert holding, f"{name} is not in the PDF's text"
    assert all(base.split("+")[-1] == font for base in holding), (name, holding)


@pytest.mark.parametrize("lang", sorted(NAMES))
def test_docx_names_the_font_word_needs_for_each_script(lang: str, world: dict[str, Any],
                                                        client: TestClient) -> None:
    name, _font = NAMES[lang]
    xml = docx_xml(pack(client, world, "docx", visit_id=world["trip"]["id"]))
    run = re.search(r"<w:r>(?:(?!</w:r>).)*<w:t[^>]*>" + re.escape(name) + "</w:t>", xml, re.S)
    assert run is not None, name
    expected = {"ko": 'w:eastAsia="Noto Sans CJK KR"', "zh": 'w:eastAsia="Noto Sans CJK SC"',
                "ja": 'w:eastAsia="Noto Sans CJK JP"', "lo": 'w:cs="Noto Sans Lao"', "th": 'w:cs="Noto Sans Thai"',
                "km": 'w:cs="Noto Sans Khmer"', "vi": "<w:t"}[lang]
    assert expected in run.group(0)
    if lang == "vi":  # Latin: the document default (Noto Sans), no override
        assert "w:rFonts" not in run.group(0)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("locale", ["fr", "vi"])
def test_headings_and_dates_in_the_users_language(fmt: str, locale: str, world: dict[str, Any],
                                                  client: TestClient) -> None:
    text = text_of(fmt, pack(client, world, fmt, visit_id=world["trip"]["id"], lang=locale))
    gettext = translations(locale).gettext
    for heading in HEADINGS.values():
        assert gettext(heading) != heading and gettext(heading) in text, (locale, heading)
    assert {"fr": "15 juin 2026", "vi": "15 tháng 6, 2026"}[locale] in text
    assert "Purpose and logistics of the visit" not in text


def test_every_message_of_the_pack_is_translated(world: dict[str, Any], client: TestClient) -> None:
    """Lay a full pack out with a translator that records what it is asked: each message is in fr and vi."""
    data = Briefing.model_validate(
        client.get(f"/api/v1/partnerships/{world['partnership']['id']}/briefing",
                   params={"visit_id": world["trip"]["id"]}).json())
    asked: set[str] = {BACKGROUND, *HEADINGS.values(), *UPCOMING_KIND.values(), *PEOPLE_WHY.values()}
    fmt = Formatter("en")
    plain = fmt._
    fmt._ = lambda message: asked.add(message) or plain(message)  # type: ignore[method-assign]
    lay_out(data, fmt)
    for locale in ("fr", "vi"):
        with (LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
            catalogue = read_po(handle, locale=locale)
        missing = sorted(m for m in asked if not (catalogue.get(m) and catalogue.get(m).string))
        assert missing == [], (locale, missing)


# ----- as of a day ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("as_of", "last_session", "progress", "press", "upcoming_session"), [
    ("2026-06-15", 7, "Site chosen in March", ["Minister visits Ghent laboratory", SECRETS["press"]], True),
    ("2026-08-25", 7, "Equipment delivered in August",
     ["Joint laboratory opens", "Minister visits Ghent laboratory", SECRETS["press"]], True),
    ("2025-01-01", 6, None, [], False),
    ("2026-10-02", 8, "Equipment delivered in August",
     ["Joint laboratory opens", "Minister visits Ghent laboratory", SECRETS["press"]], False),
])
def test_as_of_decides_last_session_progress_press_expiry_and_upcoming(
        as_of: str, last_session: int, progress: str | None, press: list[str], upcoming_session: bool,
        world: dict[str, Any], client: TestClient) -> None:
    data = client.get(f"/api/v1/partnerships/{world['partnership']['id']}/briefing", params={"as_of": as_of}).json()
    assert data["as_of"] == as_of
    assert data["last_session"]["number"] == last_session
    row = next(c for c in data["open_commitments"] if c["id"] == world["open"]["id"])
    assert row["last_note"] == progress
    assert row["overdue"] is (as_of > "2026-12-31")
    assert [p["title"] for p in data["press"]] == press
    assert all(p["published"] <= as_of for p in data["press"])
    assert all(as_of < u["date"] for u in data["upcoming"])
    assert any(u["kind"] == "session" and u["id"] == world["session8"]["id"] for u in data["upcoming"]) \
        is upcoming_session
    assert all(v["start_date"] < as_of for v in data["previous_visits"])
    mou = next(a for a in data["agreements"] if a["title"] == "MoU on remote sensing")
    assert mou["status"] == ("expired" if as_of > "2026-10-01" else "in_force")


# ----- stored as a document ---------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_each_pack_is_stored_as_a_document_with_its_provenance(fmt: str, world: dict[str, Any], db_url: str,
                                                               reader: Callable[[str], TestClient]) -> None:
    secretariat, viewer = reader("secretariat"), reader("viewer")
    version = secretariat.get(f"/api/v1/commitments/{world['open']['id']}").json()["version"]
    params = {"visit_id": world["trip"]["id"], "as_of": "2026-06-15", "lang": "fr"}
    response = secretariat.get(f"/partnerships/{world['partnership']['id']}/briefing.{fmt}", params=params)
    assert response.status_code == 200
    pack_id = int(response.headers["X-Briefing-Pack"])
    with session_scope(db_url) as db:
        stored = db.get(BriefingPack, pack_id)
        assert stored is not None
        document = db.get(Document, stored.document_id)
        assert document is not None
        assert (stored.partnership_id, stored.visit_id, stored.as_of.isoformat(), stored.format, stored.locale) \
            == (world["partnership"]["id"], world["trip"]["id"], "2026-06-15", fmt, "fr")
        assert stored.built_by.startswith("secretariat") and stored.user_id is not None
        assert stored.confidential and document.confidential  # it holds the background
        assert document.partnership_id == world["partnership"]["id"]
        assert [world["open"]["id"], version] in stored.sources["commitment"]  # id and the version read
        assert [world["trip"]["id"], 1] in stored.sources["visit"]
        document_id, before = document.id, db.scalar(select(func.count()).select_from(BriefingPack))
    # the download is the stored document
    assert secretariat.get(f"/api/v1/documents/{document_id}/content").content == response.content
    # asked again with nothing changed: the same document and row, nothing written
    again = secretariat.get(f"/partnerships/{world['partnership']['id']}/briefing.{fmt}", params=params)
    assert again.content == response.content and again.headers["X-Briefing-Pack"] == str(pack_id)
    with session_scope(db_url) as db:
        assert db.scalar(select(func.count()).select_from(BriefingPack)) == before
    # the secretariat's pack is confidential: a viewer can neither download it nor see its provenance
    assert viewer.get(f"/api/v1/documents/{document_id}/content").status_code == 404
    listed = viewer.get(f"/api/v1/partnerships/{world['partnership']['id']}/briefings").json()
    assert pack_id not in [p["id"] for p in listed]
    mine = viewer.get(f"/partnerships/{world['partnership']['id']}/briefing.{fmt}", params=params)
    listed = viewer.get(f"/api/v1/partnerships/{world['partnership']['id']}/briefings").json()
    assert [p["id"] for p in listed] == [int(mine.headers["X-Briefing-Pack"])]
    assert listed[0]["confidential"] is False


# ----- refusals ---------------------------------------------------------------------------------------------
ROUTES = ("/partnerships/{id}/briefing.pdf", "/partnerships/{id}/briefing.docx", "/partnerships/{id}/briefing.html",
          "/api/v1/partnerships/{id}/briefing", "/api/v1/partnerships/{id}/briefing.pdf",
          "/api/v1/partnerships/{id}/briefings")


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("role", ["viewer", "member", "secretariat"])
def test_a_partnership_out_of_sight_is_404(route: str, role: str, world: dict[str, Any], client: TestClient,
                                           client_as: Callable[..., TestClient]) -> None:
    other = client.post("/api/v1/partnerships", json={"name": "Vietnam–Laos", "country_codes": ["VNM", "LAO"]})
    outsider = client_as(role, partnership_ids=[other.json()["id"]])
    response = outsider.get(route.format(id=world["partnership"]["id"]))
    assert response.status_code == 404
    assert SECRETS["commitment"] not in response.text and "Cần Thơ" not in response.text


@pytest.mark.parametrize(("params", "field"), [
    ({"visit_id": "other"}, "visit_id"), ({"as_of": "2026-02-30"}, "as_of"), ({"visit_id": "x"}, "visit_id"),
])
def test_bad_parameters_are_422_naming_the_field(params: dict[str, str], field: str, world: dict[str, Any],
                                                 client: TestClient) -> None:
    if params.get("visit_id") == "other":
        other = client.post("/api/v1/partnerships", json={"name": "Vietnam–Laos", "country_codes": ["VNM", "LAO"]})
        visit = client.post("/api/v1/visits", json={"partnership_id": other.json()["id"], "from_country_code": "VNM",
                                                    "to_country_code": "LAO"})
        params = {"visit_id": str(visit.json()["id"])}
    for route in ("/api/v1/partnerships/{id}/briefing.pdf", "/api/v1/partnerships/{id}/briefing"):
        response = client.get(route.format(id=world["partnership"]["id"]), params=params)
        assert response.status_code == 422 and field in response.text, response.text
    assert client.get(f"/api/v1/partnerships/{world['partnership']['id']}/briefing.odt").status_code == 422


def test_objectives_are_edited_on_the_visit_and_the_pages_offer_the_pack(world: dict[str, Any],
                                                                          client: TestClient) -> None:
    trip = world["trip"]
    changed = client.patch(f"/api/v1/visits/{trip['id']}", json={"version": trip["version"],
                                                                   "objectives": "Ask for a second laboratory"})
    assert changed.status_code == 200 and changed.json()["objectives"] == "Ask for a second laboratory"
    page = client.get(f"/visits/{trip['id']}").text
    assert "Ask for a second laboratory" in page
    brief = f"/partnerships/{world['partnership']['id']}/briefing"
    assert f'action="{brief}/job"' in page and f'name="visit_id" value="{trip["id"]}"' in page  # a background job
    assert f"{brief}.html?visit_id={trip['id']}" in page
    partnership_page = client.get(f"/partnerships/{world['partnership']['id']}").text
    assert f'action="{brief}/job"' in partnership_page and 'name="format" value="docx"' in partnership_page
    form = client.get(f"/visits/{trip['id']}/edit").text
    assert 'name="objectives"' in form
    assert "Ask for a second laboratory" in text_of("html", pack(client, world, "html", visit_id=trip["id"]))


# ----- long lists -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["open_commitments", "agreements", "projects", "people", "conclusions_followup"])
def test_a_list_over_its_limit_keeps_the_most_pressing_rows_and_says_how_many_are_left_out(
        name: str, world: dict[str, Any], client: TestClient, monkeypatch: pytest.MonkeyPatch,
        db_url: str) -> None:
    from sticoop.briefing import service

    url = f"/api/v1/partnerships/{world['partnership']['id']}/briefing"
    params = {"visit_id": world["trip"]["id"], "as_of": "2021-06-01"}  # the 5th session is the last one then
    client.post("/api/v1/commitments", json={"partnership_id": world["partnership"]["id"], "due_date": "2020-06-30",
                                             "session_id": world["session"]["id"], "text": "Exchange two experts"})
    backdate_log(db_url)
    full = client.get(url, params=params).json()
    assert len(full[name]) >= 2, name
    monkeypatch.setitem(service.LIMITS, name, 1)
    cut = client.get(url, params=params).json()
    assert len(cut[name]) == 1 and cut["omitted"] == {name: len(full[name]) - 1}
    assert cut[name][0] == full[name][0]
    if name == "open_commitments":  # overdue first, and the counts stay those of the whole partnership
        assert cut[name][0]["overdue"] and cut["figures"] == full["figures"]
        assert cut["figures"]["open_commitments"] == len(full[name])
    page = client.get(f"/partnerships/{world['partnership']['id']}/briefing.html", params=params).text
    if name != "conclusions_followup" or cut["last_session"]:
        assert f"{len(full[name]) - 1} more row" in page
        link = cut["complete_lists"][name]  # nothing dropped silently: the pack says where the whole list is
        assert link.startswith(("http://", "https://")) and f"The complete list: {link}" in page
        path = link.split("://", 1)[1].split("/", 1)[1]
        assert client.get("/" + path).status_code == 200
