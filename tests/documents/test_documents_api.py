from __future__ import annotations

from fastapi.testclient import TestClient


def test_upload_is_stored_once_linked_and_downloadable(client: TestClient) -> None:
    p = client.post("/api/v1/partnerships", json={"name": "Vietnam–Laos", "country_codes": ["VNM", "LAO"]}).json()
    files = {"file": ("minutes.txt", "Biên bản phiên họp lần thứ nhất".encode(), "text/plain")}
    first = client.post("/api/v1/documents", files=files)
    assert first.status_code == 201, first.text
    second = client.post("/api/v1/documents", files=files)
    assert second.json()["id"] == first.json()["id"]
    doc_id = first.json()["id"]
    assert client.get(f"/api/v1/documents/{doc_id}/content").content.decode() == "Biên bản phiên họp lần thứ nhất"
    link = client.post(f"/api/v1/documents/{doc_id}/links", json={"entity_type": "partnership",
                                                                   "entity_id": p["id"]})
    assert link.status_code == 201
    bad = client.post(f"/api/v1/documents/{doc_id}/links", json={"entity_type": "partnership", "entity_id": 999})
    assert bad.status_code == 404
    assert client.post("/api/v1/documents", files={"file": ("empty.txt", b"", "text/plain")}).status_code == 422
    assert client.get("/api/v1/documents").json()["total"] == 1
