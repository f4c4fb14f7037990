"""Merging duplicates, walked over every mergeable kind: two records A (kept) and B (the duplicate), with a link
of every kind the schema allows pointing at B — and some pointing at both — are merged through the API; then
every link points at A, nothing is duplicated, B is gone, its URLs lead to A and the audit says who merged.

The links a kind can have are read from the schema (every foreign key to its table, plus document links), and
the test fails if the set-up leaves one of them empty, so a new kind of link cannot go untested.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from tests.conftest import make_user
from tests.web.helpers import post, seed

from sticoop.core.database import session_scope
from sticoop.core.merge import MergedRecord, foreign_references, is_record_table
from sticoop.core.registry import PAGE_PREFIX, services
from sticoop.documents.models import DocumentLink

KINDS = ("organization", "person", "committee", "session", "agreement", "commitment")
API = {"organization": "/organizations", "person": "/people", "committee": "/committees", "session": "/sessions",
       "agreement": "/agreements", "commitment": "/commitments"}
#: the table, per kind, where the set-up puts a link on both A and B that must not end up twice
DUPLICATED = {"organization": "committee_cochairs", "person": "positions", "committee": "committee_cochairs",
              "session": "session_delegates", "agreement": "agreement_countries",
              "commitment": "commitment_organizations"}


def attach(client: TestClient, doc_name: str, links: list[tuple[str, int]]) -> None:
    doc = client.post("/api/v1/documents", files={"file": (doc_name, doc_name.encode() * 3, "text/plain")})
    assert doc.status_code == 201, doc.text
    for kind, record_id in links:
        r = client.post(f"/api/v1/documents/{doc.json()['id']}/links",
                        json={"entity_type": kind, "entity_id": record_id})
        assert r.status_code == 201, r.text


def fair(client: TestClient) -> int:
    body = {"kind": "tech_transfer_fair", "title": "Techmart", "start_date": "2025-09-10"}
    return post(client, "/events", body)["id"]


def build_organization(client: TestClient, db_url: str, d: dict[str, Any]) -> tuple[int, int]:
    a = d["organization"]["id"]
    b = post(client, "/organizations", {"name": "Bộ Khoa học và Công nghệ", "acronym": "MOST", "type": "ministry",
                                        "country_code": "VNM", "aliases": ["MoST Vietnam"],
                                        "website": "https://most.gov.vn",
                                        "allow_duplicate": True})["id"]  # how duplicates come about
    post(client, "/organizations", {"name": "National Agency for Technology", "type": "agency", "parent_id": b})
    post(client, "/people", {"name": "Trần Thị Bình", "positions": [
        {"title": "Director", "organization_id": a, "start_date": "2020-01-01"},
        {"title": "Director", "organization_id": b, "start_date": "2020-01-01"}]})
    committee = client.get(f"/api/v1/committees/{d['committee']['id']}").json()
    assert client.patch(f"/api/v1/committees/{committee['id']}", json={
        "version": committee["version"], "cochair_ids": [a, d["organization2"]["id"], b]}).status_code == 200
    p = d["partnership"]["id"]
    post(client, "/commitments", {"partnership_id": p, "text": "Exchange researchers", "responsible_ids": [a, b]})
    post(client, "/agreements", {"title": "MoU on space", "partnership_id": p, "organization_ids": [b]})
    post(client, "/programmes", {"name": "NAFOSTED bilateral", "funder_id": b})
    post(client, "/projects", {"title": "Rice genomics", "partnership_id": p, "partners": [
        {"organization_id": a, "role": "coordinator"}, {"organization_id": b, "role": "coordinator"}]})
    post(client, "/visits", {"from_country_code": "BEL", "to_country_code": "VNM", "start_date": "2024-03-01",
                             "organization_met_ids": [b]})
    post(client, "/events", {"kind": "workshop", "title": "AI workshop", "start_date": "2024-05-01",
                             "organizer_ids": [a, b]})
    post(client, "/profiles", {"kind": "technology_offer", "title": "Satellite imagery", "summary": "Images",
                               "owner_organization_id": b})
    post(client, f"/events/{fair(client)}/brokerage/participants", {"name": "MOST desk", "organization_id": b})
    make_user(db_url, "most-officer", "member", organization_id=b)
    call = post(client, "/calls", {"title": "Joint call", "partnership_id": p, "currency": "EUR"})["id"]
    post(client, "/call-funders", {"call_id": call, "organization_id": b, "country_code": "VNM",
                                   "budget": 1_000_000, "currency": "VND"})
    post(client, "/proposals", {"call_id": call, "acronym": "RICE", "title": "Rice", "partners": [
        {"organization_id": b, "country_code": "VNM", "role": "coordinator"}]})
    attach(client, "both.txt", [("organization", a), ("organization", b)])
    attach(client, "b-only.txt", [("organization", b)])
    return a, b


def build_person(client: TestClient, db_url: str, d: dict[str, Any]) -> tuple[int, int]:
    a, most = d["person"]["id"], d["organization"]["id"]
    b = post(client, "/people", {"name": "Nguyen Van An", "email": "an@most.gov.vn", "allow_duplicate": True,
                                 "positions": [
        {"title": "Director", "organization_id": most, "start_date": "2020-01-01"},
        {"title": "Deputy Minister", "organization_id": most, "start_date": "2024-01-01"}]})["id"]
    post(client, "/sessions", {"committee_id": d["committee"]["id"], "number": 7, "delegates": [
        {"person_id": a, "country_code": "VNM", "is_head": True}, {"person_id": b, "country_code": "VNM"}]})
    post(client, "/visits", {"from_country_code": "VNM", "to_country_code": "BEL", "start_date": "2024-03-01",
                             "member_ids": [a, b]})
    post(client, "/profiles", {"kind": "technology_request", "title": "Drones", "summary": "Need drones",
                               "contact_person_id": b})
    post(client, f"/events/{fair(client)}/brokerage/participants", {"name": "An", "person_id": b})
    post(client, "/commitments", {"partnership_id": d["partnership"]["id"], "text": "Train ten technicians",
                                  "responsible_people_ids": [a, b]})
    call = post(client, "/calls", {"title": "Joint call", "partnership_id": d["partnership"]["id"],
                                   "currency": "EUR"})["id"]
    post(client, "/reviewers", {"call_id": call, "person_id": b})
    post(client, "/proposals", {"call_id": call, "acronym": "DRONE", "title": "Drones", "partners": [
        {"organization_id": most, "country_code": "VNM", "role": "coordinator", "person_id": b}]})
    attach(client, "cv.txt", [("person", b)])
    return a, b


def build_committee(client: TestClient, db_url: str, d: dict[str, Any]) -> tuple[int, int]:
    a = d["committee"]["id"]
    b = post(client, "/committees", {"partnership_id": d["partnership"]["id"], "name": "Joint S&T Committee",
                                     "cochair_ids": [d["organization"]["id"]], "allow_duplicate": True})["id"]
    post(client, "/sessions", {"committee_id": b, "number": 7, "start_date": "2025-05-01"})
    attach(client, "statutes.txt", [("committee", a), ("committee", b)])
    return a, b


def build_session(client: TestClient, db_url: str, d: dict[str, Any]) -> tuple[int, int]:
    a = d["session"]["id"]
    b = post(client, "/sessions", {"committee_id": d["committee"]["id"], "number": 15, "city": "Hà Nội",
                                   "delegates": [{"person_id": d["person"]["id"], "country_code": "VNM",
                                                  "is_head": True}],
                                   "agenda_items": [{"title": "Science parks"}]})["id"]
    post(client, "/commitments", {"partnership_id": d["partnership"]["id"], "session_id": b, "text": "Open a park"})
    attach(client, "minutes.txt", [("session", b)])
    return a, b


def build_agreement(client: TestClient, db_url: str, d: dict[str, Any]) -> tuple[int, int]:
    a = d["agreement"]["id"]
    b = post(client, "/agreements", {"title": "S&T cooperation agreement", "partnership_id": d["partnership"]["id"],
                                     "status": "signed", "country_codes": ["BEL", "VNM"],
                                     "organization_ids": [d["organization2"]["id"]]})["id"]
    post(client, "/commitments", {"partnership_id": d["partnership"]["id"], "agreement_id": b, "text": "Implement"})
    attach(client, "signed.txt", [("agreement", b)])
    return a, b


def build_commitment(client: TestClient, db_url: str, d: dict[str, Any]) -> tuple[int, int]:
    a = d["commitment"]["id"]
    b = post(client, "/commitments", {"partnership_id": d["partnership"]["id"], "text": "Train researchers",
                                      "responsible_ids": [d["organization"]["id"]],
                                      "responsible_people_ids": [d["person"]["id"]]})["id"]
    post(client, "/commitments", {"partnership_id": d["partnership"]["id"], "parent_id": b, "text": "Course 1"})
    post(client, "/progress-updates", {"commitment_id": b, "date": "2024-06-01", "note": "Course held", "count": 1})
    post(client, "/assessments", {"commitment_id": b, "date": "2024-07-01", "rating": "substantial"})
    post(client, "/events", {"kind": "training_course", "title": "Course", "start_date": "2024-06-01",
                             "commitment_id": b})
    attach(client, "report.txt", [("commitment", a), ("commitment", b)])
    return a, b


BUILDERS: dict[str, Callable[[TestClient, str, dict[str, Any]], tuple[int, int]]] = {
    "organization": build_organization, "person": build_person, "committee": build_committee,
    "session": build_session, "agreement": build_agreement, "commitment": build_commitment,
}


def references(db_url: str, kind: str, record_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """Every row pointing at the record, per (table, column), as comparable tuples: record rows by id, link and
    child rows by their other columns (the id of a child row is not what makes it a duplicate)."""
    table = services()[kind].model.__table__
    found: dict[str, list[tuple[Any, ...]]] = {}
    with session_scope(db_url) as db:
        for other, column in foreign_references(table):
            if is_record_table(other):
                shown = [other.c.id]
            else:
                shown = [c for c in other.c if c is not column and not (c.key == "id" and c.primary_key)]
            rows = db.execute(select(*shown).where(column == record_id)).all()
            found[f"{other.name}.{column.key}"] = sorted(tuple(r) for r in rows)
        links = db.execute(select(DocumentLink.document_id).where(
            DocumentLink.entity_type == kind, DocumentLink.entity_id == record_id)).all()
        found["document_links.entity_id"] = sorted(tuple(r) for r in links)
    return found


@pytest.mark.parametrize("kind", KINDS)
def test_merge_moves_every_link_to_the_kept_record(client: TestClient, db_url: str, kind: str) -> None:
    d = seed(client)
    a, b = BUILDERS[kind](client, db_url, d)
    before_a, before_b = references(db_url, kind, a), references(db_url, kind, b)
    empty = [name for name, rows in before_b.items() if not rows]
    assert not empty, f"the set-up gives {kind} B no link of kind {empty}: add one to BUILDERS"
    b_record = client.get(f"/api/v1{API[kind]}/{b}").json()

    r = client.post(f"/api/v1{API[kind]}/{b}/merge", json={"into": a, "version": b_record["version"]})
    assert r.status_code == 200, r.text
    assert r.json()["id"] == a

    after_a, after_b = references(db_url, kind, a), references(db_url, kind, b)
    assert all(not rows for rows in after_b.values()), after_b
    for name, rows in after_a.items():
        expected = sorted(set(before_a[name]) | set(before_b[name]))
        assert rows == expected, (name, rows, expected)  # every link moved, none twice
    duplicated = [n for n in before_a if n.startswith(DUPLICATED[kind] + ".")]
    assert any(len(after_a[n]) < len(before_a[n]) + len(before_b[n]) for n in duplicated), \
        f"the set-up of {kind} has no link on both records in {DUPLICATED[kind]}"

    gone = client.get(f"/api/v1{API[kind]}/{b}")
    assert gone.status_code == 404 and gone.json()["merged_into"] == a
    page = client.get(f"{PAGE_PREFIX[kind]}/{b}", follow_redirects=False)
    assert page.status_code == 301 and page.headers["location"] == f"{PAGE_PREFIX[kind]}/{a}"
    assert client.get(f"{PAGE_PREFIX[kind]}/{b}").status_code == 200

    history = client.get("/api/v1/audit", params={"entity_type": kind, "entity_id": a}).json()
    merges = {(e["entity_id"], e["action"], e["actor"]) for e in history}
    assert (a, "merge", "admin") in merges and (b, "merge", "admin") in merges  # B's history shows under A
    kept_entry = next(e for e in history if e["entity_id"] == a and e["action"] == "merge")
    assert kept_entry["after"]["merged_from"] == b
    with session_scope(db_url) as db:
        tombstone = db.get(MergedRecord, (kind, b))
        assert tombstone is not None and tombstone.into_id == a and tombstone.actor == "admin"
        assert services()[kind].model.__table__ is not None
        assert db.scalar(select(func.count()).select_from(services()[kind].model).where(
            services()[kind].model.id == b)) == 0


def test_merged_names_stay_on_the_kept_record(client: TestClient, db_url: str) -> None:
    d = seed(client)
    a, b = build_organization(client, db_url, d)
    client.post(f"/api/v1/organizations/{b}/merge", json={"into": a, "version": 1}).raise_for_status()
    kept = client.get(f"/api/v1/organizations/{a}").json()
    assert sorted(kept["aliases"]) == ["Bộ Khoa học và Công nghệ", "MoST Vietnam"]  # the same acronym: not again
    assert kept["website"] == "https://most.gov.vn"  # a blank of the kept record takes the duplicate's value
    assert client.get("/api/v1/organizations", params={"q": "bo khoa hoc"}).json()["items"][0]["id"] == a
    person = post(client, "/people", {"name": "Dr Nguyen Van An"})
    client.post(f"/api/v1/people/{person['id']}/merge",
                json={"into": d["person"]["id"], "version": 1}).raise_for_status()
    assert "Also recorded as: Dr Nguyen Van An" in client.get(f"/api/v1/people/{d['person']['id']}").json()["notes"]


def test_a_merged_into_merged_record_leads_to_the_last_one(client: TestClient, db_url: str) -> None:
    first = post(client, "/organizations", {"name": "MOST"})["id"]
    second = post(client, "/organizations", {"name": "Ministry of S&T"})["id"]
    third = post(client, "/organizations", {"name": "Ministry of Science and Technology",
                                            "allow_duplicate": True})["id"]  # S&T spelt out: a probable duplicate
    client.post(f"/api/v1/organizations/{first}/merge", json={"into": second, "version": 1}).raise_for_status()
    client.post(f"/api/v1/organizations/{second}/merge", json={"into": third, "version": 2}).raise_for_status()
    assert client.get(f"/api/v1/organizations/{first}").json()["merged_into"] == third
    refused = client.post(f"/api/v1/organizations/{third}/merge", json={"into": second, "version": 3})
    assert refused.status_code == 422 and refused.json()["details"]["merged_into"] == third


@pytest.mark.parametrize("kind", KINDS)
def test_a_stale_version_is_refused_and_nothing_moves(client: TestClient, db_url: str, kind: str) -> None:
    d = seed(client)
    a, b = BUILDERS[kind](client, db_url, d)
    before = references(db_url, kind, a), references(db_url, kind, b)
    current = client.get(f"/api/v1{API[kind]}/{b}").json()["version"]
    r = client.post(f"/api/v1{API[kind]}/{b}/merge", json={"into": a, "version": current + 1})
    assert r.status_code == 409 and "changed by someone else" in r.json()["detail"]
    stale_kept = client.post(f"/api/v1{API[kind]}/{b}/merge", json={"into": a, "version": current,
                                                                     "into_version": 999})
    assert stale_kept.status_code == 409
    assert (references(db_url, kind, a), references(db_url, kind, b)) == before
    assert client.get(f"/api/v1{API[kind]}/{b}").status_code == 200


def test_merges_a_records_officer_would_not_make_are_refused(
        client: TestClient, client_as: Callable[..., TestClient], db_url: str) -> None:
    d = seed(client)
    other = post(client, "/partnerships", {"name": "Vietnam–Laos", "country_codes": ["LAO", "VNM"]})
    other_committee = post(client, "/committees", {"partnership_id": other["id"], "name": "Intergovernmental"})
    other_session = post(client, "/sessions", {"committee_id": other_committee["id"], "number": 5})
    other_commitment = post(client, "/commitments", {"partnership_id": other["id"], "text": "Train"})
    twin = post(client, "/committees", {"partnership_id": d["partnership"]["id"], "name": "Joint committee (copy)",
                                        "cochair_ids": [d["organization2"]["id"]], "allow_duplicate": True})
    post(client, "/sessions", {"committee_id": twin["id"], "number": 5})
    post(client, "/sessions", {"committee_id": twin["id"], "number": 8})
    twin_links = references(db_url, "committee", twin["id"])
    child = post(client, "/commitments", {"partnership_id": d["partnership"]["id"], "text": "Part",
                                          "parent_id": d["commitment"]["id"]})

    def merge(kind: str, record_id: int, into: Any) -> Any:
        version = client.get(f"/api/v1{API[kind]}/{record_id}").json()["version"]
        return client.post(f"/api/v1{API[kind]}/{record_id}/merge", json={"into": into, "version": version})

    cases = [
        (merge("organization", d["organization"]["id"], d["organization"]["id"]), 422, "into itself"),
        (merge("organization", d["organization"]["id"], 99999), 422, "no organization 99999"),
        (merge("organization", d["organization"]["id"], "MOST"), 422, "into"),
        (merge("session", d["session"]["id"], other_session["id"]), 422, "different committee id"),
        (merge("commitment", d["commitment"]["id"], other_commitment["id"]), 422, "different partnership id"),
        (merge("committee", twin["id"], d["committee"]["id"]), 409, "sessions with the same number 5"),
        (merge("commitment", d["commitment"]["id"], child["id"]), 409, "refer to itself"),
    ]
    for response, status, words in cases:
        assert response.status_code == status, (words, response.text)
        assert words in response.json()["detail"], (words, response.text)
    assert client.post(f"/api/v1/partnerships/{d['partnership']['id']}/merge",
                       json={"into": other["id"], "version": 1}).status_code in (404, 405)

    secretariat = client_as("secretariat", partnership_ids=[d["partnership"]["id"]])
    hidden = secretariat.post(f"/api/v1/commitments/{d['commitment']['id']}/merge",
                              json={"into": other_commitment["id"], "version": 1})
    assert hidden.status_code == 422 and "no commitment" in hidden.json()["detail"]
    member = client_as("member", partnership_ids=[d["partnership"]["id"]], organization_id=d["organization"]["id"])
    refused = member.post(f"/api/v1/commitments/{child['id']}/merge",
                          json={"into": d["commitment"]["id"], "version": 1})
    assert refused.status_code == 403
    viewer = client_as("viewer", partnership_ids=[d["partnership"]["id"]])
    assert viewer.post(f"/api/v1/organizations/{d['organization2']['id']}/merge",
                       json={"into": d["organization"]["id"], "version": 1}).status_code == 403
    assert client.get(f"/api/v1/commitments/{child['id']}").status_code == 200  # nothing was merged
    # the refused committee merge moved some links before it met the clash: all of it was rolled back
    assert references(db_url, "committee", twin["id"]) == twin_links
    assert client.get(f"/api/v1/committees/{twin['id']}").json()["cochair_ids"] == [d["organization2"]["id"]]
