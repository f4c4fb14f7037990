"""Duplicate detection on create, walked over every registered record type (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, select
from sqlalchemy.orm import Session
from tests.web.helpers import post, seed

from sticoop.core.duplicates import UNDECLARED, NaturalKey, find_duplicates, rebuild_keys
from sticoop.core.i18n import translations
from sticoop.core.registry import services
from sticoop.core.schemas import RecordIn

Body = Callable[[dict[str, Any]], dict[str, Any]]

#: entity -> (API path, the original to create first (None: the record seed() made), a probable duplicate of it)
CASES: dict[str, tuple[str, Body | None, Body]] = {
    "organization": ("/organizations", None,
                     lambda s: {"name": "ministry of science and technology", "country_code": "VNM"}),
    "person": ("/people", None, lambda s: {"name": "Nguyen Van An", "country_code": "VNM"}),
    "partnership": ("/partnerships", None,
                    lambda s: {"name": "BELGIUM-VIETNAM", "country_codes": ["VNM", "BEL"]}),
    "committee": ("/committees", None,
                  lambda s: {"partnership_id": s["partnership"]["id"], "name": "Joint committee on S&T"}),
    "session": ("/sessions", None, lambda s: {"committee_id": s["committee"]["id"], "number": 5}),
    "commitment": ("/commitments", None,
                   lambda s: {"partnership_id": s["partnership"]["id"], "session_id": s["session"]["id"],
                              "text": "Organise one or two  training courses a year"}),
    "working_group": ("/working-groups",
                      lambda s: {"partnership_id": s["partnership"]["id"], "name": "Biotechnology"},
                      lambda s: {"partnership_id": s["partnership"]["id"], "name": "biotechnology "}),
    "agreement": ("/agreements", None,
                  lambda s: {"title": "Agreement on S&T cooperation with Luxembourg",
                             "partnership_id": s["partnership"]["id"]}),
    "programme": ("/programmes", lambda s: {"name": "Horizon Europe"}, lambda s: {"name": "HORIZON EUROPE"}),
    "project": ("/projects", None,
                lambda s: {"title": "Remote sensing for the Mekong Delta", "partnership_id": s["partnership"]["id"]}),
    "visit": ("/visits", None, lambda s: {"partnership_id": s["partnership"]["id"], "from_country_code": "VNM",
                                          "to_country_code": "BEL", "start_date": "2023-07-25"}),
    "event": ("/events", None, lambda s: {"kind": "training_course", "title": "Training on Biotechnology",
                                          "start_date": "2019-06-01"}),
    "profile": ("/profiles",
                lambda s: {"kind": "technology_offer", "title": "Rice husk biochar", "summary": "Biochar kilns",
                           "owner_organization_id": s["organization"]["id"]},
                lambda s: {"kind": "technology_offer", "title": "RICE HUSK BIOCHAR", "summary": "Kilns",
                           "owner_organization_id": s["organization"]["id"]}),
}
#: a unique constraint, not a probability: allow_duplicate cannot override it
HARD = {"session"}


def test_every_service_declares_its_natural_key_or_none() -> None:
    for entity, service in services().items():
        declared = type(service).__dict__.get("natural_key", UNDECLARED)
        assert declared != UNDECLARED, f"{entity}: declare natural_key (a sentence) or natural_key = None"
        overrides = "natural_keys" in type(service).__dict__
        assert overrides == (declared is not None), f"{entity}: natural_key and natural_keys() disagree"


def test_every_keyed_entity_has_a_case_here() -> None:
    keyed = {e for e, s in services().items() if s.natural_key is not None}
    assert keyed == set(CASES)


def test_allow_duplicate_is_on_every_create_schema_and_never_stored() -> None:
    from sticoop.server.app import create_app

    schema = create_app("sqlite://").openapi()
    creates = [op for path in schema["paths"].values() for method, op in path.items()
               if method == "post" and op["operationId"].startswith("create_record_")]  # crud_router's create
    assert len(creates) >= len(CASES)
    for op in creates:
        ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
        assert schema["components"]["schemas"][ref]["properties"]["allow_duplicate"]["description"], ref
    for entity, service in services().items():
        assert "allow_duplicate" not in service.model.__table__.c, entity
    assert "allow_duplicate" in RecordIn.model_fields


@pytest.mark.parametrize("entity", sorted(CASES))
def test_create_duplicate_answers_409_with_candidates(client: TestClient, entity: str) -> None:
    seeded = seed(client)
    path, original, duplicate = CASES[entity]
    existing = post(client, path, original(seeded)) if original else seeded[entity]
    body = duplicate(seeded)
    refused = client.post(f"/api/v1{path}", json=body)
    assert refused.status_code == 409, refused.text
    answer = refused.json()
    assert answer["detail"]
    assert [d["id"] for d in answer["duplicates"]] == [existing["id"]]
    assert answer["duplicates"][0]["why"].startswith("same ")
    assert answer["duplicates"][0]["name"]
    for locale in ("fr", "vi"):  # the form shows the reason translated
        assert translations(locale).gettext(answer["duplicates"][0]["why"]) != answer["duplicates"][0]["why"]
    forced = client.post(f"/api/v1{path}", json={**body, "allow_duplicate": True})
    if entity in HARD:
        assert forced.status_code == 409 and forced.json()["duplicates"][0]["id"] == existing["id"]
    else:
        assert forced.status_code == 201, forced.text
        assert "allow_duplicate" not in forced.json()
        # the duplicate now exists too: both are named the next time
        again = client.post(f"/api/v1{path}", json=body).json()
        assert {d["id"] for d in again["duplicates"]} == {existing["id"], forced.json()["id"]}


@pytest.mark.parametrize(("original", "duplicate", "why"), [
    ({"name": "Ministry of Science and Technology", "acronym": "MOST", "country_code": "VNM",
      "aliases": ["Bộ Khoa học và Công nghệ"]},
     {"name": "Bộ Khoa học và Công nghệ"}, "the Vietnamese name is the existing record's alias"),
    ({"name": "Ministry of Science and Technology", "aliases": ["Bộ Khoa học và Công nghệ"]},
     {"name": "MOST Vietnam", "aliases": ["bo khoa hoc va cong nghe"]}, "alias meets alias, without diacritics"),
    ({"name": "Ministry of Science and Technology", "acronym": "MOST", "country_code": "VNM"},
     {"name": "Ministry of S&T", "acronym": "most", "country_code": "vnm"}, "same acronym and country"),
    ({"name": "Œuvre d’Orient"}, {"name": "Oeuvre d'Orient"}, "œ/oe and ’/'"),
    ({"name": "Đại học Đà Nẵng"}, {"name": "Dai hoc Da Nang"}, "đ/d and diacritics"),
    ({"name": "UNESCO"}, {"name": "unesco"}, "case"),
    ({"name": "Université Libre de Bruxelles"}, {"name": "Universite  libre de bruxelles"}, "accents, spaces"),
    ({"name": "Æsir Straße"}, {"name": "aesir strasse"}, "æ/ae, ß/ss"),
])
def test_organisation_fold_variants(client: TestClient, original: dict[str, Any], duplicate: dict[str, Any],
                                    why: str) -> None:
    first = post(client, "/organizations", original)
    refused = client.post("/api/v1/organizations", json=duplicate)
    assert refused.status_code == 409, why
    assert refused.json()["duplicates"][0]["id"] == first["id"], why


@pytest.mark.parametrize(("original", "other"), [
    ({"name": "Ministry of Science and Technology", "acronym": "MOST", "country_code": "VNM"},
     {"name": "Ministry of Science and Technology of Laos", "acronym": "MOST", "country_code": "LAO"}),
    ({"name": "ກະຊວງ ວິທະຍາສາດ"}, {"name": "ກະຊວງ ວິທະຍາສາດ ແລະ ເຕັກໂນໂລຊີ"}),
    ({"name": "ກາ"}, {"name": "ກ່າ"}),  # a Lao tone mark makes another word
])
def test_not_duplicates(client: TestClient, original: dict[str, Any], other: dict[str, Any]) -> None:
    post(client, "/organizations", original)
    assert client.post("/api/v1/organizations", json=other).status_code == 201


def test_people_of_different_countries_are_not_duplicates(client: TestClient) -> None:
    first = post(client, "/people", {"name": "Nguyễn Văn An", "country_code": "VNM"})
    assert client.post("/api/v1/people", json={"name": "Nguyen Van An", "country_code": "FRA"}).status_code == 201
    undecided = client.post("/api/v1/people", json={"name": "nguyen van an"})
    assert undecided.status_code == 409 and first["id"] in [d["id"] for d in undecided.json()["duplicates"]]


def test_same_name_in_another_partnership_is_not_a_duplicate(client: TestClient) -> None:
    seeded = seed(client)
    other = post(client, "/partnerships", {"name": "Vietnam–Laos", "country_codes": ["VNM", "LAO"]})
    assert client.post("/api/v1/committees", json={"partnership_id": other["id"],
                                                   "name": "Joint Committee on S&T"}).status_code == 201
    assert client.post("/api/v1/agreements", json={"title": seeded["agreement"]["title"],
                                                   "partnership_id": other["id"]}).status_code == 201


def test_a_hidden_duplicate_is_neither_named_nor_blocking(client: TestClient, client_as: Any) -> None:
    """A secretariat officer of Belgium–Vietnam creating a partnership also named after Vietnam and Laos must
    not learn of the Vietnam–Laos partnership they cannot see."""
    seeded = seed(client)
    hidden = post(client, "/partnerships", {"name": "Vietnam–Laos", "country_codes": ["VNM", "LAO"]})
    officer = client_as("secretariat", partnership_ids=[seeded["partnership"]["id"]])
    body = {"name": "vietnam–laos", "country_codes": ["LAO", "VNM"]}
    seen_by_admin = client.post("/api/v1/partnerships", json=body)
    assert seen_by_admin.status_code == 409 and seen_by_admin.json()["duplicates"][0]["id"] == hidden["id"]
    created = officer.post("/api/v1/partnerships", json=body)
    assert created.status_code == 201, created.text
    assert "duplicates" not in created.json() and "Laos" not in str(created.headers)
    # the same officer is told about what they can see
    visible = officer.post("/api/v1/committees", json={"partnership_id": seeded["partnership"]["id"],
                                                      "name": "Joint Committee on S&T"})
    assert visible.status_code == 409 and visible.json()["duplicates"][0]["id"] == seeded["committee"]["id"]


def test_a_renamed_or_deleted_record_no_longer_blocks(client: TestClient) -> None:
    first = post(client, "/organizations", {"name": "Old name"})
    client.patch(f"/api/v1/organizations/{first['id']}", json={"version": first["version"], "name": "New name"})
    assert client.post("/api/v1/organizations", json={"name": "old name"}).status_code == 201
    assert client.post("/api/v1/organizations", json={"name": "new name"}).status_code == 409
    gone = post(client, "/programmes", {"name": "Short-lived"})
    assert client.delete(f"/api/v1/programmes/{gone['id']}", params={"version": gone["version"]}).status_code == 204
    assert client.post("/api/v1/programmes", json={"name": "short-lived"}).status_code == 201


def test_the_lookup_is_bounded(client: TestClient) -> None:
    for i in range(8):
        post(client, "/programmes", {"name": "Same", "acronym": str(i), "allow_duplicate": True})
    refused = client.post("/api/v1/programmes", json={"name": "same"}).json()
    assert len(refused["duplicates"]) == 5


def test_rebuild_keys_gives_back_what_the_flush_hook_wrote(client: TestClient, db: Session) -> None:
    seed(client)
    before = sorted(db.execute(select(NaturalKey.entity, NaturalKey.key, NaturalKey.record_id)).all())
    assert len(before) >= len(CASES) - 2  # working groups, programmes and profiles are not seeded
    rebuild_keys(db.connection())
    after = sorted(db.execute(select(NaturalKey.entity, NaturalKey.key, NaturalKey.record_id)).all())
    assert after == before


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_form_offers_to_open_the_duplicate_or_create_anyway(client: TestClient, lang: str) -> None:
    seeded = seed(client)
    most = seeded["organization"]
    form = {"name": "Ministry of Science and Technology", "type": "ministry", "country_code": "VNM"}
    refused = client.post(f"/organizations/new?lang={lang}", data=form, follow_redirects=False)
    assert refused.status_code == 409
    page = refused.text
    notice = {"en": ("Possible duplicate:", "open it", "Create anyway", "same name or alias"),
              "fr": ("Doublon possible :", "l’ouvrir", "Créer quand même", "même nom ou autre nom")}[lang]
    for words in notice:
        assert words in page, words
    assert f'href="/organizations/{most["id"]}"' in page
    assert 'name="allow_duplicate" value="true"' in page
    assert 'value="Ministry of Science and Technology"' in page  # the values are kept for "create anyway"
    before = client.get("/api/v1/organizations").json()["total"]
    created = client.post(f"/organizations/new?lang={lang}", data={**form, "allow_duplicate": "true"},
                          follow_redirects=False)
    assert created.status_code == 303, created.text
    new_id = int(created.headers["location"].rstrip("/").rsplit("/", 1)[-1])
    assert new_id != most["id"]
    assert client.get("/api/v1/organizations").json()["total"] == before + 1


def test_a_new_session_with_a_taken_number_names_it_on_the_form(client: TestClient) -> None:
    seeded = seed(client)
    page = client.post("/sessions/new", data={"committee_id": str(seeded["committee"]["id"]), "number": "5"},
                       follow_redirects=False)
    assert page.status_code == 409
    assert f'href="/sessions/{seeded["session"]["id"]}"' in page.text and "Joint Committee on S&amp;T" in page.text


def test_ingest_links_to_records_whose_natural_key_matches(db: Session) -> None:
    """Accepting an article twice (or one that repeats what exists) links to the records, never copies them."""
    from sticoop.ingest.accept import preview, write_records
    from sticoop.reference.service import seed_reference

    seed_reference(db)
    labels = {"countries": ["BEL", "VNM"], "organizations": ["Belgian Science Policy Office"],
              "people": [{"name": "Nguyễn Văn An", "country": "VNM", "role": "Director"}],
              "committee": {"name": "Belgium-Vietnam Joint Committee", "session_number": 6},
              "event_date": "2023-07-26", "location_country": "BEL", "event_type": "training",
              "title": "Training on biotechnology",
              "agreements": [{"title": "S&T agreement with Luxembourg", "status": "planned", "date": None}],
              "commitments": ["Promote projects in AI"]}
    first = write_records(db, labels, "tester")
    assert all(item["new"] for item in first), first
    db.flush()
    spelled_otherwise = {**labels, "organizations": ["BELGIAN SCIENCE POLICY OFFICE"],
                         "people": [{"name": "Nguyen Van An", "country": "VNM"}],
                         "title": "TRAINING ON BIOTECHNOLOGY",
                         "agreements": [{"title": "S&T Agreement with Luxembourg", "status": "planned"}],
                         "commitments": ["Promote projects in  AI"]}
    shown = preview(db, spelled_otherwise)  # the review page says so before accepting
    assert {i["type"] for i in shown} >= {"agreement", "commitment", "organization", "person"}
    assert [i["new"] for i in shown] == [False] * len(shown), shown
    second = write_records(db, spelled_otherwise, "tester")
    assert [item["new"] for item in second] == [False] * len(second), second
    assert [(i["type"], i["id"]) for i in second] == [(i["type"], i["id"]) for i in first]


def test_the_lookup_uses_the_index(db: Session) -> None:
    """The query find_duplicates runs is one index lookup whatever the table size (read on SQLite, whose
    plan does not depend on the table's statistics; PostgreSQL rightly scans a table this small)."""
    if db.get_bind().dialect.name != "sqlite":
        pytest.skip("query plan checked on SQLite")
    from sticoop.partners.service import organizations

    ran: list[tuple[str, Any]] = []

    def grab(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        ran.append((statement, parameters))

    engine = db.get_bind()
    event.listen(engine, "before_cursor_execute", grab)
    try:
        find_duplicates(db, organizations, SimpleNamespace(id=None, name="UNESCO", aliases=["Unesco"],
                                                           acronym="UNESCO", country_code="FRA"))
    finally:
        event.remove(engine, "before_cursor_execute", grab)
    statement, parameters = next((s, p) for s, p in ran if "FROM natural_keys" in s)
    assert "LIMIT" in statement
    plan = " ".join(str(row[-1]) for row in db.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}",
                                                                           parameters))
    assert "USING INDEX ix_natural_keys_entity_key" in plan or "USING COVERING INDEX ix_natural_keys_entity_key" \
        in plan, plan
