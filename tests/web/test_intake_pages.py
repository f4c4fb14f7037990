"""The ingest pages: upload a real press release, review it with the evidence highlighted and each proposed
record marked new or existing, correct the proposal and accept it, then find the document as a source on
the records it produced; reject; a bad upload is explained inline and writes nothing."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from tests.shared_corpus import shared_article


def article(name: str = "002.json") -> bytes:
    return str(shared_article(name)["text"]).encode("utf-8")


def upload(client: TestClient, content: bytes, filename: str = "vn-lao.txt", **data: str):  # type: ignore[no-untyped-def]
    return client.post("/intakes", files={"file": (filename, content, "text/plain")},
                       data={"published": "2024-05-29", **data}, follow_redirects=False)


def total(client: TestClient, path: str) -> int:
    return client.get(f"/api/v1/{path}").json()["total"]


def version_of(page: str) -> str:
    match = re.search(r'name="version" value="(\d+)"', page)
    assert match
    return match.group(1)


def test_upload_review_edit_accept_and_provenance(client: TestClient) -> None:
    most = client.post("/api/v1/organizations", json={"name": "Ministry of Science and Technology",
                                                      "acronym": "MOST", "country_code": "VNM"}).json()
    response = upload(client, article())
    assert response.status_code == 303
    review_url = response.headers["location"]
    page = client.get(review_url)
    assert page.status_code == 200
    text = page.text
    # the text with its evidence highlighted, one class per kind, and a legend
    for kind in ("country", "organization", "person", "date", "committee", "commitment"):
        assert f"hl--{kind}" in text, kind
    assert re.search(r'<mark class="hl hl--person"[^>]*>Boviengkham Vongdara</mark>', text)
    # the proposal, new vs existing, with a link to the existing organisation
    proposed = text.split('id="proposed"')[1].split("</ul>")[0]
    assert "matches existing" in proposed and f'href="/organizations/{most["id"]}"' in proposed
    assert "Ministry of Technology and Communication" in proposed and "proposal--new" in proposed
    assert "Vietnam - Laos Technology and Innovation Cooperation Committee" in proposed

    # the listing shows it to review; a second upload of the same bytes leads back to it
    listing = client.get("/intakes", params={"status": "draft"}).text
    assert review_url in listing and "To review" in listing
    again = upload(client, article())
    assert again.status_code == 303 and again.headers["location"] == f"{review_url}?notice=duplicate"
    assert "already ingested" in client.get(again.headers["location"]).text

    form = {
        "version": version_of(text), "countries": ["VNM", "LAO"], "event_date": "2024-05-28",
        "committee_name": "Vietnam - Laos Technology and Innovation Cooperation Committee", "session_number": "1",
        "organizations": "Ministry of Science and Technology\nMinistry of Technology and Communication",
        "people": "Huynh Thanh Dat | Minister of Science and Technology | VNM\n"
                  "Boviengkham Vongdara | Minister of Technology and Communication | LAO",
        "agreements": "Cooperation plan 2024-2026 | planned",
        "commitments": "Organise one or two training courses a year\nExchange working groups for mid-term reviews",
    }
    bad = client.post(f"{review_url}/accept", data={**form, "people": "Somebody | Minister | Narnia"})
    assert bad.status_code == 422 and "three-letter" in bad.text
    assert total(client, "sessions") == 0
    stale = client.post(f"{review_url}/accept", data={**form, "version": "999"})
    assert stale.status_code == 409 and 'id="decision-error"' in stale.text
    accepted = client.post(f"{review_url}/accept", data=form, follow_redirects=False)
    assert accepted.status_code == 303
    done = client.get(accepted.headers["location"]).text
    created = done.split('id="created"')[1].split("</ul>")[0]
    assert "matched existing" in created and "Huynh Thanh Dat" in created
    assert "Organise one or two training courses a year" in created
    session_id = re.search(r'href="/sessions/(\d+)"', created).group(1)  # type: ignore[union-attr]
    assert total(client, "organizations") == 2 and total(client, "commitments") == 2
    assert client.get("/api/v1/agreements").json()["items"][0]["title"] == "Cooperation plan 2024-2026"

    session_page = client.get(f"/sessions/{session_id}").text
    sources = session_page.split('id="h-sources"')[1]
    assert f'href="{review_url}"' in sources and "vn-lao.txt" in sources
    assert 'id="h-sources"' in client.get(f"/organizations/{most['id']}").text
    # deciding twice is refused on the page
    current = client.get(f"/api/v1{review_url}").json()["version"]
    twice = client.post(f"{review_url}/reject", data={"version": str(current)})
    assert twice.status_code == 409 and "accepted" in twice.text and 'id="decision-error"' in twice.text


def test_reject_keeps_the_document_and_writes_nothing(client: TestClient) -> None:
    review_url = upload(client, article("003.json"), "other.txt").headers["location"]
    version = version_of(client.get(review_url).text)
    rejected = client.post(f"{review_url}/reject", data={"version": version}, follow_redirects=False)
    assert rejected.status_code == 303
    page = client.get(rejected.headers["location"]).text
    assert "Rejected" in page and 'id="doctext"' in page
    assert total(client, "partnerships") == 0 and total(client, "organizations") == 0
    assert review_url in client.get("/intakes", params={"status": "rejected"}).text


def test_bad_upload_is_explained_inline_and_writes_nothing(client: TestClient) -> None:
    empty = upload(client, b"", "empty.txt")
    assert empty.status_code == 422 and 'id="upload-error"' in empty.text
    assert total(client, "intakes") == 0 and total(client, "documents") == 0
    nothing = client.post("/intakes", data={"published": ""})
    assert nothing.status_code == 422 and "Choose a file" in nothing.text
    wrong_url = client.post("/intakes", data={"url": "ftp://example.org/x"})
    assert wrong_url.status_code == 422 and "not an http(s) URL" in wrong_url.text
    assert total(client, "intakes") == 0


def test_highlight_handles_overlaps_and_escapes_text() -> None:
    from sticoop.ingest.pages import highlight

    text = "<b>Viet Nam</b> & Laos"
    evidence = {"countries": [{"start": 3, "end": 11}, {"start": 0, "end": 999}],
                "committee": [{"start": 8, "end": 22}]}
    segments = highlight(text, evidence)
    assert "".join(s for s, _ in segments) == text
    assert [k for s, k in segments if s == "Nam"] == [["committee", "country"]]
    assert ("<b>", []) in segments


def test_document_markup_is_shown_as_text(client: TestClient) -> None:
    content = article() + b"\n\n<script>alert('x')</script> <img src=x onerror=alert(1)>"
    page = client.get(upload(client, content, "markup.txt").headers["location"]).text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page


def test_inbox_and_review_page_in_french_and_vietnamese(client: TestClient) -> None:
    review_url = upload(client, article()).headers["location"]
    page = client.get(review_url, params={"lang": "fr"}).text
    for text in ("À traiter", "Fiches proposées", "Vérifier avant d’accepter", "Accepter", "Rejeter", "Légende"):
        assert text in page, text
    listing = client.get("/intakes", params={"lang": "vi"}).text
    assert "Thêm thông cáo báo chí hoặc biên bản" in listing and "Chờ xem xét" in listing
