"""Ingest on the demo database links to what exists: the Belgium–Vietnam seed report, and releases written
for these tests in French and Vietnamese, accepted as proposed, create no second partnership, committee,
session, agreement, commitment, organisation or person; the reviewer's choices (API ``links`` and the review
page's chooser) are written exactly."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.shared_corpus import shared_article

from sticoop.core.database import session_scope
from sticoop.demo.data import load_demo

KINDS = ("partnerships", "committees", "sessions", "agreements", "commitments", "organizations", "people")

FRENCH = ("Bruxelles, le 4 mars 2025 – L'Université de Gand et le Ministère de la Science et de la Technologie "
          "du Vietnam ont présenté les résultats de leurs projets communs en Belgique.")
VIETNAMESE = ("Hà Nội, ngày 12/3/2025 – Viện Hàn lâm KH&CN Việt Nam và Trường Đại học Gent đã tổ chức hội thảo về "
              "vật liệu mới tại Hà Nội với sự tham dự của các nhà khoa học Bỉ và Việt Nam.")


@pytest.fixture
def demo(db_url: str, client: TestClient) -> TestClient:
    with session_scope(db_url) as db:
        load_demo(db)
    return client


def counts(client: TestClient) -> dict[str, int]:
    return {kind: client.get(f"/api/v1/{kind}", params={"limit": 1}).json()["total"] for kind in KINDS}


def ingest(client: TestClient, text: str, name: str) -> dict[str, Any]:
    response = client.post("/api/v1/intakes", files={"file": (name, text.encode(), "text/plain")},
                           data={"published": "2025-03-20"})
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def accept(client: TestClient, intake: dict[str, Any], **extra: Any) -> Any:
    return client.post(f"/api/v1/intakes/{intake['id']}/accept", json={"version": intake["version"], **extra})


def org_id(client: TestClient, acronym: str) -> int:
    items = client.get("/api/v1/organizations", params={"q": acronym, "limit": 50}).json()["items"]
    return next(o["id"] for o in items if o["acronym"] == acronym)


def test_seed_report_accepted_as_proposed_creates_no_copy(demo: TestClient) -> None:
    before = counts(demo)
    intake = ingest(demo, shared_article("001")["text"], "be-vn.txt")
    proposals = {p["key"]: p for p in demo.get(f"/api/v1/intakes/{intake['id']}/proposals").json()}
    assert proposals["partnership"]["candidates"][0]["name"] == "Belgium–Vietnam"
    assert proposals["partnership"]["candidates"][0]["reason"] == "its committee is named in the text"
    assert all(p["chosen"] is not None for p in proposals.values()), [p for p in proposals.values()
                                                                      if p["chosen"] is None]
    accepted = accept(demo, intake)
    assert accepted.status_code == 200, accepted.text
    assert counts(demo) == before
    written = accepted.json()["created_records"]
    assert written and not any(r["new"] for r in written if r["type"] != "visit")
    # each linked record lists the report among its sources
    session = next(r for r in written if r["type"] == "session")
    assert "be-vn.txt" in demo.get(f"/sessions/{session['id']}").text


@pytest.mark.parametrize(("text", "acronyms"), [(FRENCH, {"UGent", "MOST"}), (VIETNAMESE, {"VAST", "UGent"})],
                         ids=["fr", "vi"])
def test_releases_in_other_languages_link_organisations(demo: TestClient, text: str, acronyms: set[str]) -> None:
    before = counts(demo)
    intake = ingest(demo, text, "release.txt")
    accepted = accept(demo, intake)
    assert accepted.status_code == 200, accepted.text
    assert counts(demo) == before
    linked = {r["id"] for r in accepted.json()["created_records"] if r["type"] == "organization"}
    assert {org_id(demo, a) for a in acronyms} <= linked


def test_reviewer_choices_are_written_exactly(demo: TestClient) -> None:
    before = counts(demo)
    intake = ingest(demo, VIETNAMESE, "choices.txt")
    keys = [p["key"] for p in demo.get(f"/api/v1/intakes/{intake['id']}/proposals").json()]
    gent = next(k for k in keys if "gent" in k)
    unknown = accept(demo, intake, links={"organization:nowhere": None})
    assert unknown.status_code == 422 and "organization:nowhere" in unknown.json()["detail"]
    missing = accept(demo, intake, links={gent: 999_999})
    assert missing.status_code == 422 and gent in missing.json()["detail"]
    assert counts(demo) == before  # nothing half-written
    accepted = accept(demo, intake, links={gent: None})  # "create new", even though a candidate exists
    assert accepted.status_code == 200, accepted.text
    assert counts(demo) == {**before, "organizations": before["organizations"] + 1}
    assert any(r["new"] and r["title"] == "Trường Đại học Gent" for r in accepted.json()["created_records"])


def test_review_page_offers_candidates_and_posts_the_choice(demo: TestClient) -> None:
    before = counts(demo)
    response = demo.post("/intakes", files={"file": ("fr.txt", FRENCH.encode(), "text/plain")},
                         data={"published": "2025-03-20"}, follow_redirects=False)
    review_url = response.headers["location"]
    page = demo.get(review_url).text
    proposed = page.split('id="proposed"')[1].split("</ul>")[0]
    gent = re.search(r'name="link:(organization:universite de gand)" value="(\d+)" checked', proposed)
    assert gent, proposed
    assert "Ghent University (demo partner)" in proposed and "same kind of body" in proposed
    assert 'value="new"' in proposed
    form = {"version": re.search(r'name="version" value="(\d+)"', page).group(1),  # type: ignore[union-attr]
            "countries": ["BEL", "VNM"], "organizations": "Université de Gand", "event_date": "",
            "committee_name": "", "session_number": "", "people": "", "agreements": "", "commitments": "",
            f"link:{gent.group(1)}": "new"}
    assert f'name="other:{gent.group(1)}"' in proposed and "/organizations?q=" in proposed  # chooser and search
    accepted = demo.post(f"{review_url}/accept", data=form, follow_redirects=False)
    assert accepted.status_code == 303, accepted.text
    assert counts(demo) == {**before, "organizations": before["organizations"] + 1}


def test_review_page_links_to_a_record_found_by_search(demo: TestClient) -> None:
    before = counts(demo)
    response = demo.post("/intakes", files={"file": ("fr2.txt", FRENCH.encode() + b" ", "text/plain")},
                         data={"published": "2025-03-20"}, follow_redirects=False)
    review_url = response.headers["location"]
    page = demo.get(review_url).text
    vast = org_id(demo, "VAST")  # the reviewer knows better than the ranking: the release meant VAST
    form = {"version": re.search(r'name="version" value="(\d+)"', page).group(1),  # type: ignore[union-attr]
            "countries": ["BEL", "VNM"], "organizations": "Université de Gand", "event_date": "",
            "committee_name": "", "session_number": "", "people": "", "agreements": "", "commitments": "",
            "link:organization:universite de gand": "new", "other:organization:universite de gand": str(vast)}
    accepted = demo.post(f"{review_url}/accept", data=form, follow_redirects=False)
    assert accepted.status_code == 303, accepted.text
    assert counts(demo) == before
    intake = demo.get(f"/api/v1{review_url}").json()
    assert {"type": "organization", "id": vast} in [{k: r[k] for k in ("type", "id")}
                                                     for r in intake["created_records"]]
