"""CSV exports people can read, walked over every entity's export.csv: each id column is followed by the
names it points at, each country code by the country's name, each coded value by its label in the request's
language, each list of owned rows (a project's partners) by a text; the raw columns stay for machines, the file
still opens in a spreadsheet, and names are looked up in bounded batches (queries do not grow with the rows)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from sqlalchemy import event
from tests.web.helpers import post

from sticoop.core.database import get_engine, session_scope
from sticoop.core.i18n import translations
from sticoop.demo.data import load_demo
from sticoop.web.labels import LABELS

ID_COLUMN = re.compile(r".+_(id|ids|keys)$")
COUNTRY_COLUMN = re.compile(r"(^|_)country_codes?$|_countries$")
#: every code a LABELS group knows -> its English message (a column whose values are all codes is "coded")
CODES = {code for group in LABELS.values() for code in group}


def _rows(response: Any) -> tuple[list[str], list[dict[str, str]]]:
    assert response.status_code == 200, response.text
    assert response.text.startswith("\ufeff"), "a spreadsheet needs the BOM to read UTF-8"
    reader = csv.reader(io.StringIO(response.text.lstrip("\ufeff")))
    header = next(reader)
    return header, [dict(zip(header, row, strict=True)) for row in reader]


def _export_paths(client: TestClient) -> list[str]:
    return sorted(c.path for c in iter_route_contexts(client.app.routes) if c.path.endswith("/export.csv"))


@pytest.fixture
def filled(client: TestClient, db_url: str) -> Iterator[TestClient]:
    """The demo records, and the few kinds the demo leaves empty (responsible people, a profile)."""
    with session_scope(db_url) as db:
        load_demo(db)
    people = client.get("/api/v1/people?limit=2").json()["items"]
    commitment = client.get("/api/v1/commitments?limit=1").json()["items"][0]
    client.patch(f"/api/v1/commitments/{commitment['id']}", json={
        "version": commitment["version"], "responsible_people_ids": [p["id"] for p in people]}).raise_for_status()
    org = client.get("/api/v1/organizations?limit=1").json()["items"][0]
    post(client, "/profiles", {"kind": "technology_offer", "status": "published", "title": "Solar dryer",
                               "summary": "Low-cost solar dryer for cassava chips.", "ipr_status": "patent_granted",
                               "owner_organization_id": org["id"], "owner_country_code": "vnm",
                               "contact_person_id": people[0]["id"], "partner_sought_countries": ["LAO"]})
    yield client


def test_every_export_names_its_ids_and_labels_its_codes_in_the_requests_language(filled: TestClient) -> None:
    fr = translations("fr").gettext
    paths = _export_paths(filled)
    assert len(paths) >= 15
    for path in paths:
        header, rows = _rows(filled.get(path, params={"lang": "fr"}))
        assert rows, f"{path}: the walk needs rows to check"
        for i, column in enumerate(header):
            readable = header[i + 1] if i + 1 < len(header) else None
            if ID_COLUMN.match(column) or COUNTRY_COLUMN.search(column):
                assert readable and not ID_COLUMN.match(readable), f"{path}: no name column after {column}"
                for row in rows:
                    raw, shown = row[column], row[readable]
                    assert bool(raw) == bool(shown), (path, column, raw, shown)
                    if raw:  # as many names as ids, and names are not the ids again
                        assert len(raw.split("; ")) == len(shown.split("; ")) and shown != raw, (path, column)
            values = {row[column] for row in rows if row[column]}
            if values and all(v.startswith("{") for v in values) and column not in ("next_anniversary",):
                # rows the record owns (a project's partners, a person's positions): JSON for machines, and text
                assert readable == f"{column}_text", f"{path}: {column} has no readable text column"
                for row in rows:
                    assert bool(row[column]) == bool(row[readable]) and "{" not in row[readable], (path, column)
            if values and values <= CODES and column not in ("created_by", "updated_by", "fields") \
                    and not column.endswith(("_label", "_keys")):
                assert readable == f"{column}_label", f"{path}: coded column {column} has no label column"
                for row in rows:
                    if not row[column]:  # no value, no label
                        assert not row[readable], (path, column, row[readable])
                        continue
                    group = next((g for g, codes in LABELS.items()
                                  if row[column] in codes and row[readable] == fr(codes[row[column]])), None)
                    assert group, (path, column, row[column], row[readable])


def test_labels_follow_accept_language_and_raw_codes_stay(filled: TestClient) -> None:
    _header, english = _rows(filled.get("/api/v1/commitments/export.csv", params={"sort": "id"}))
    _header, french = _rows(filled.get("/api/v1/commitments/export.csv", params={"sort": "id"},
                                       headers={"Accept-Language": "fr-BE,fr;q=0.9"}))
    assert [r["status"] for r in english] == [r["status"] for r in french]  # machines keep the codes
    done = next(i for i, r in enumerate(english) if r["status"] == "in_progress")
    assert english[done]["status_label"] == "In progress" and french[done]["status_label"] == "En cours"
    organisations = {o["id"]: o["acronym"] or o["name"]
                     for o in filled.get("/api/v1/organizations?limit=200").json()["items"]}
    owned = next(r for r in french if ";" in r["responsible_ids"])  # organisations by acronym: "MOST; MTC"
    assert owned["responsible"] == "; ".join(organisations[int(i)] for i in owned["responsible_ids"].split("; "))
    named = next(r for r in french if r["responsible_people_ids"])
    assert named["partnership"] and named["partnership_id"].isdigit()
    assert len(named["responsible_people"].split("; ")) == 2
    _header, orgs = _rows(filled.get("/api/v1/organizations/export.csv", params={"lang": "fr", "country": "VNM"}))
    assert {r["country"] for r in orgs} == {"Viêt Nam"}


def test_a_name_the_user_may_not_see_stays_empty(filled: TestClient, client_as: Any) -> None:
    partnerships = filled.get("/api/v1/partnerships?sort=name").json()["items"]
    own = partnerships[0]
    viewer = client_as("viewer", partnership_ids=[own["id"]])
    header, rows = _rows(viewer.get("/api/v1/visits/export.csv"))
    assert rows and all(r["partnership_id"] in ("", str(own["id"])) for r in rows)
    assert {r["partnership"] for r in rows if r["partnership_id"]} == {own["name"]}


def test_names_are_looked_up_in_bounded_batches_not_per_row(client: TestClient, db_url: str) -> None:
    orgs = [post(client, "/organizations", {"name": f"Institute {i}", "country_code": "VNM"})["id"]
            for i in range(4)]
    partnership = post(client, "/partnerships", {"name": "Belgium–Vietnam", "country_codes": ["BEL", "VNM"]})
    people = [post(client, "/people", {"name": f"Person {i}"})["id"] for i in range(3)]

    serial = iter(range(1000))

    def add(count: int) -> None:
        for i in range(count):
            post(client, "/commitments", {"partnership_id": partnership["id"], "text": f"Commitment {next(serial)}",
                                          "responsible_ids": orgs[i % 4:], "responsible_people_ids": people[i % 3:]})

    def queries() -> int:
        statements: list[str] = []
        engine = get_engine(db_url)
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            _rows(client.get("/api/v1/commitments/export.csv"))
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        return len(statements)

    add(5)
    few = queries()
    add(20)
    assert queries() == few, "the export's queries must not grow with its rows"
