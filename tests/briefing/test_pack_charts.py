"""The partnership dashboard's charts in the pack: drawn as SVG in the HTML and the PDF (pypdf reads their titles
and row labels), as the same drawing in PNG with its table twin below in the DOCX (tables alone without cairo);
counted as the reader may see (a viewer's counts leave out every confidential record) and as of the pack's day (a
record changed since counts as it stood)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from tests.briefing.helpers import backdate_log, text_of
from tests.web.helpers import post

from sticoop.accounts.models import AuditEntry
from sticoop.core.database import session_scope
from sticoop.dashboard.svg import SERIES_COLOURS

#: every chart of a pack, and a label one of its rows carries in the test world (English)
CHART_TITLES = {
    "completion_over_time": ("Completion over time (commitments by year due)", "2026"),
    "agreements_by_status": ("Agreements by status", "In force"),
    "projects_by_field": ("Projects by field", "Environment"),
    "projects_by_year": ("Projects by start year", "2025"),
    "activities_by_year": ("Visits and events per year", "2023"),
}


def _totals(pack: dict[str, Any]) -> dict[str, int]:
    return {c["key"]: sum(cell["value"] for row in c["rows"] for cell in row["cells"]) for c in pack["charts"]}


def _confidential_records(client: TestClient, pid: int) -> None:
    """One more confidential record in each chart the test world has none in (the world holds a confidential
    agreement and a confidential visit of 2024)."""
    post(client, "/commitments", {"partnership_id": pid, "text": "Hidden due commitment", "due_date": "2026-11-30",
                                  "confidential": True})
    post(client, "/projects", {"title": "Hidden project", "partnership_id": pid, "start_date": "2025-02-01",
                               "field_keys": ["environment"], "confidential": True})


#: how many confidential records each chart counts for the secretariat (and not for a viewer)
CONFIDENTIAL_COUNTED = {"completion_over_time": 1, "agreements_by_status": 1, "projects_by_field": 1,
                        "projects_by_year": 1, "activities_by_year": 1}


def _world_charts(client: TestClient, world: dict[str, Any]) -> None:
    pid = world["partnership"]["id"]
    post(client, "/projects", {"title": "Mekong water sensors", "partnership_id": pid, "start_date": "2025-03-01",
                               "field_keys": ["environment"]})


@pytest.mark.parametrize("chart", sorted(CHART_TITLES))
def test_a_viewers_chart_counts_leave_out_every_confidential_record(
        chart: str, world: dict[str, Any], client: TestClient, reader: Callable[[str], TestClient]) -> None:
    pid = world["partnership"]["id"]
    _world_charts(client, world)
    _confidential_records(client, pid)
    url = f"/api/v1/partnerships/{pid}/briefing"
    viewer, secretariat = (_totals(reader(role).get(url).json()) for role in ("viewer", "secretariat"))
    assert set(viewer) == set(secretariat) == set(CHART_TITLES)
    assert secretariat[chart] - viewer[chart] == CONFIDENTIAL_COUNTED[chart], (viewer, secretariat)
    assert viewer[chart] > 0


@pytest.mark.parametrize("fmt", ["pdf", "html", "docx"])
@pytest.mark.parametrize("role", ["viewer", "secretariat"])
def test_every_chart_is_in_each_format_with_its_labels(fmt: str, role: str, world: dict[str, Any],
                                                       client: TestClient,
                                                       reader: Callable[[str], TestClient]) -> None:
    _world_charts(client, world)
    response = reader(role).get(f"/partnerships/{world['partnership']['id']}/briefing.{fmt}")
    assert response.status_code == 200, response.text
    text = text_of(fmt, response.content)
    assert "The partnership in charts" in text
    for title, row_label in CHART_TITLES.values():
        assert title in text and row_label in text, (title, row_label)
    if fmt == "html":  # drawn, not only tabulated
        assert text.count("<svg") >= len(CHART_TITLES)


def test_charts_in_french(world: dict[str, Any], client: TestClient) -> None:
    page = client.get(f"/partnerships/{world['partnership']['id']}/briefing.html", params={"lang": "fr"}).text
    assert "Accords par statut" in page and "En vigueur" in page


CHANGED = datetime(2026, 6, 10, 9, 0, tzinfo=UTC)


def _agreement_cells(pack: dict[str, Any]) -> dict[str, int]:
    chart = next(c for c in pack["charts"] if c["key"] == "agreements_by_status")
    return {row["key"]: row["cells"][0]["value"] for row in chart["rows"]}


def test_charts_count_as_of_the_day(world: dict[str, Any], client: TestClient, db_url: str) -> None:
    pid = world["partnership"]["id"]
    record = post(client, "/agreements", {"title": "MoU on flood data", "partnership_id": pid,
                                          "status": "negotiating", "country_codes": ["BEL", "VNM"]})
    backdate_log(db_url)
    response = client.patch(f"/api/v1/agreements/{record['id']}", json={"version": record["version"],
                                                                          "status": "terminated"})
    assert response.status_code == 200, response.text
    with session_scope(db_url) as db:
        db.execute(update(AuditEntry).where(AuditEntry.entity_type == "agreement",
                                            AuditEntry.entity_id == record["id"], AuditEntry.action != "create")
                   .values(at=CHANGED))
    url = f"/api/v1/partnerships/{pid}/briefing"
    before = _agreement_cells(client.get(url, params={"as_of": "2026-06-01"}).json())
    after = _agreement_cells(client.get(url, params={"as_of": "2026-06-12"}).json())
    assert before.get("terminated", 0) == after.get("terminated", 0) - 1
    assert before["negotiating"] == after.get("negotiating", 0) + 1
    added = post(client, "/agreements", {"title": "Late MoU", "partnership_id": pid, "status": "planned",
                                         "country_codes": ["BEL", "VNM"]})  # created after both days
    assert added and _agreement_cells(client.get(url, params={"as_of": "2026-06-12"}).json()) == after


def _docx_parts(content: bytes) -> tuple[list[bytes], str]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        images = [archive.read(n) for n in sorted(archive.namelist()) if n.startswith("word/media/")]
        return images, archive.read("word/document.xml").decode("utf-8")


#: the colours the dashboard's SVG fills the bars of each series with, as RGB
SERIES_RGB = {tuple(int(h[i:i + 2], 16) for i in (1, 3, 5)) for h in SERIES_COLOURS.values()} - {(0xD9, 0xD9, 0xD9)}


def test_the_docx_shows_each_chart_as_the_same_drawing_with_its_table_below(world: dict[str, Any],
                                                                            client: TestClient) -> None:
    import io

    from PIL import Image

    _world_charts(client, world)
    url = f"/partnerships/{world['partnership']['id']}/briefing.docx"
    content = client.get(url).content
    images, xml = _docx_parts(content)
    assert len(images) == len(CHART_TITLES)
    for png in images:
        picture = Image.open(io.BytesIO(png)).convert("RGB")
        assert picture.width >= 1000  # drawn at twice the SVG's 640 units: sharp in print
        colours = {colour for _n, colour in picture.getcolors(maxcolors=1 << 22) or []}
        assert colours & SERIES_RGB, "no bar in a series colour"  # the bars are drawn, in the dashboard's colours
    body = xml[xml.index("The partnership in charts"):]
    for title, _label in CHART_TITLES.values():  # title, then its drawing, then its table twin
        after = body[body.index(title):]
        assert after[:after.index("<w:tbl>")].count("<w:drawing>") == 1, title
    assert client.get(url).content == content  # the same records give the same bytes (stored once)


def test_without_cairo_the_docx_keeps_the_tables(world: dict[str, Any], client: TestClient,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    _world_charts(client, world)
    monkeypatch.setitem(sys.modules, "cairosvg", None)  # import cairosvg raises ImportError, as without it
    content = client.get(f"/partnerships/{world['partnership']['id']}/briefing.docx").content
    images, _xml = _docx_parts(content)
    assert images == []
    text = text_of("docx", content)
    for title, row_label in CHART_TITLES.values():
        assert title in text and row_label in text
