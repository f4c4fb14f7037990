"""Documents follow the partnership of the records they document; credentials end when they should."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from tests.shared_corpus import shared_article
from tests.web.helpers import seed


def test_ingested_minutes_are_read_only_by_the_partnership_they_document(
        client: TestClient, client_as: Callable[..., TestClient]) -> None:
    ours = seed(client)  # Belgium–Vietnam
    article = shared_article("002")  # Vietnam–Laos
    intake = client.post("/api/v1/intakes", files={"file": ("vn-laos-minutes.txt", article["text"].encode(),
                                                            "text/plain")},
                         data={"published": article["published"]}).json()
    viewer = client_as("viewer", partnership_ids=[ours["partnership"]["id"]])
    officer = client_as("secretariat", partnership_ids=[ours["partnership"]["id"]])
    # not yet accepted: the secretariat's working material, not everyone's
    assert viewer.get("/api/v1/documents").json()["total"] == 0
    assert officer.get("/api/v1/documents").json()["total"] == 1
    accepted = client.post(f"/api/v1/intakes/{intake['id']}/accept", json={"version": intake["version"]})
    assert accepted.status_code == 200, accepted.text
    document = client.get(f"/api/v1/documents/{intake['document_id']}").json()
    laos = [p for p in client.get("/api/v1/partnerships").json()["items"] if "LAO" in p["country_codes"]][0]
    assert document["partnership_id"] == laos["id"]
    for outsider in (viewer, officer):
        assert outsider.get("/api/v1/documents").json()["total"] == 0
        assert outsider.get(f"/api/v1/documents/{document['id']}/content").status_code == 404
    assert officer.get("/api/v1/intakes").json()["total"] == 0
    assert officer.get(f"/intakes/{intake['id']}").status_code == 404
    laos_viewer = client_as("viewer", partnership_ids=[laos["id"]])
    assert laos_viewer.get(f"/api/v1/documents/{document['id']}/content").status_code == 200
    # the Sources box of a shared organisation page lists only what the reader may see
    org = [r for r in accepted.json()["created_records"] if r["type"] == "organization"][0]
    assert "vn-laos-minutes" in laos_viewer.get(f"/organizations/{org['id']}").text
    assert "vn-laos-minutes" not in viewer.get(f"/organizations/{org['id']}").text


def test_an_admin_reset_ends_sessions_and_tokens(client: TestClient, client_as: Callable[..., TestClient],
                                                 db_url: str) -> None:
    victim = client_as("viewer", username="victim")
    token = victim.post("/api/v1/tokens", json={"name": "script"}).json()["token"]
    users = client.get("/admin/users").text
    user_id = int(re.search(r'/admin/users/(\d+)/edit">victim', users).group(1))
    reset = client.post(f"/admin/users/{user_id}/reset-password")
    assert reset.status_code == 200 and 'id="new-password"' in reset.text
    assert victim.get("/account").status_code == 303
    assert victim.get("/api/v1/partnerships", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_tokens_expire_within_a_year_and_cannot_mint_tokens(client: TestClient, anon_client: TestClient) -> None:
    assert client.post("/api/v1/tokens", json={"name": "forever", "days": None}).status_code == 422
    assert client.post("/api/v1/tokens", json={"name": "long", "days": 366}).status_code == 422
    token = client.post("/api/v1/tokens", json={"name": "script", "days": 30}).json()["token"]
    minted = anon_client.post("/api/v1/tokens", json={"name": "more"}, headers={"Authorization": f"Bearer {token}"})
    assert minted.status_code == 403


def test_members_cannot_mark_records_confidential(client: TestClient, client_as: Callable[..., TestClient]) -> None:
    data = seed(client)
    member = client_as("member", partnership_ids=[data["partnership"]["id"]],
                       organization_id=data["organization"]["id"])
    current = client.get(f"/api/v1/commitments/{data['commitment']['id']}").json()
    hidden = member.patch(f"/api/v1/commitments/{current['id']}", json={"confidential": True,
                                                                        "version": current["version"]})
    assert hidden.status_code == 403 and "confidential" in hidden.json()["detail"]


def test_signing_out_needs_the_pages_token(client_as: Callable[..., TestClient]) -> None:
    officer = client_as("viewer")
    csrf = officer.headers.pop("X-CSRF-Token")
    assert officer.post("/logout").status_code == 403  # a link on another site cannot sign you out
    assert officer.get("/account").status_code == 200
    assert officer.post("/logout", data={"csrf_token": csrf}).status_code == 303
    assert officer.get("/account").status_code == 303


def test_a_file_stored_for_another_partnership_gets_a_plain_answer(
        client: TestClient, client_as: Callable[..., TestClient]) -> None:
    ours = seed(client)
    p = client.post("/api/v1/partnerships", json={"name": "Vietnam–Laos", "country_codes": ["VNM", "LAO"]}).json()
    doc = client.post("/api/v1/documents", files={"file": ("minutes.txt", b"minutes of the session", "text/plain")})
    client.post(f"/api/v1/documents/{doc.json()['id']}/links", json={"entity_type": "partnership",
                                                                      "entity_id": p["id"]})
    officer = client_as("secretariat", partnership_ids=[ours["partnership"]["id"]])
    again = officer.post("/api/v1/documents", files={"file": ("copy.txt", b"minutes of the session", "text/plain")})
    assert again.status_code == 409 and "not assigned to" in again.json()["detail"]
    assert "UNIQUE" not in again.text and "minutes.txt" not in again.text
