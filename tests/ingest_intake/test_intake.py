"""Ingest → review → accept, on real press releases from the shared corpus."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient
from tests.shared_corpus import shared_article


def _article(number: str) -> tuple[bytes, str]:
    data = shared_article(number)
    return data["text"].encode(), data["published"]


def test_upload_review_accept_writes_linked_records(client: TestClient) -> None:
    text, published = _article("002")
    r = client.post("/api/v1/intakes", files={"file": ("vn-laos.txt", text, "text/plain")},
                    data={"published": published})
    assert r.status_code == 201, r.text
    intake = r.json()
    assert intake["status"] == "draft" and intake["language"] == "en"
    assert intake["labels"]["committee"]["session_number"] == 1
    assert sorted(intake["labels"]["countries"]) == ["LAO", "VNM"]
    again = client.post("/api/v1/intakes", files={"file": ("copy.txt", text, "text/plain")})
    assert again.json()["id"] == intake["id"]  # same sha256: no second intake

    accepted = client.post(f"/api/v1/intakes/{intake['id']}/accept", json={"version": intake["version"]})
    assert accepted.status_code == 200, accepted.text
    kinds = {c["type"] for c in accepted.json()["created_records"]}
    assert {"partnership", "committee", "session", "commitment"} <= kinds
    sessions = client.get("/api/v1/sessions").json()["items"]
    assert len(sessions) == 1 and sessions[0]["number"] == 1 and sessions[0]["start_date"] == "2024-05-28"
    assert client.get("/api/v1/commitments").json()["total"] >= 3
    twice = client.post(f"/api/v1/intakes/{intake['id']}/accept", json={"version": accepted.json()["version"]})
    assert twice.status_code == 409


def test_reviewed_labels_replace_extraction_and_reject_keeps_document(client: TestClient) -> None:
    text, _published = _article("001")
    intake = client.post("/api/v1/intakes", files={"file": ("be-vn.txt", text, "text/plain")}).json()
    labels = {"countries": ["BEL", "VNM"], "organizations": ["Belgian Science Policy Office"],
              "committee": {"name": "Belgium-Vietnam Joint Committee", "session_number": 6},
              "event_date": "2023-07-26/2023-07-30", "location_country": "BEL", "people": [],
              "agreements": [{"title": "S&T agreement with Luxembourg", "status": "planned", "date": None}],
              "commitments": ["Promote projects in AI"]}
    r = client.post(f"/api/v1/intakes/{intake['id']}/accept", json={"version": intake["version"], "labels": labels})
    assert r.status_code == 200, r.text
    session = client.get("/api/v1/sessions").json()["items"][0]
    assert (session["number"], session["end_date"], session["country_code"]) == (6, "2023-07-30", "BEL")
    assert client.get("/api/v1/agreements").json()["items"][0]["status"] == "planned"

    other = client.post("/api/v1/intakes", files={"file": ("note.txt", "Ghi chú ngắn về hợp tác khoa học "
                                                   "giữa Việt Nam và Lào năm 2024.".encode(), "text/plain")}).json()
    rejected = client.post(f"/api/v1/intakes/{other['id']}/reject", json={"version": other["version"]}).json()
    assert rejected["status"] == "rejected"
    assert client.get(f"/api/v1/documents/{other['document_id']}").status_code == 200


def test_bad_documents_write_nothing(client: TestClient) -> None:
    assert client.post("/api/v1/intakes", files={"file": ("empty.txt", b"", "text/plain")}).status_code == 422
    garbage = bytes(range(256)) * 20
    r = client.post("/api/v1/intakes", files={"file": ("x.pdf", garbage, "application/pdf")})
    assert r.status_code == 422 and "x.pdf" in r.json()["detail"]
    assert client.get("/api/v1/intakes").json()["total"] == 0
    assert client.get("/api/v1/documents").json()["total"] == 0


def test_cli_ingest_folder_reports_and_deduplicates(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for number in ("002", "003"):
        (folder / f"{number}.txt").write_bytes(_article(number)[0])
    (folder / "empty.txt").write_bytes(b"")
    env = {**os.environ, "STICOOP_DATA_DIR": str(tmp_path / "data")}
    env.pop("STICOOP_DATABASE_URL", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "sticoop.cli", *args], capture_output=True, text=True,
                              env=env, timeout=300)

    assert run("db", "upgrade").returncode == 0
    first = run("ingest", str(folder))
    assert first.returncode == 1 and "ingested 2, duplicates 0, failed 1" in first.stdout
    assert "empty.txt: empty file" in first.stderr and "Traceback" not in first.stderr
    second = run("ingest", str(folder / "002.txt"))
    assert second.returncode == 0 and "ingested 0, duplicates 1, failed 0" in second.stdout
    unreachable = run("ingest", "--url", "http://127.0.0.1:9/nothing")
    assert unreachable.returncode == 1 and "unreachable" in unreachable.stderr


def test_unsupported_language_is_kept_and_can_only_be_rejected(client: TestClient) -> None:
    german = ("Das Bundesministerium für Bildung und Forschung und das vietnamesische Ministerium für "
              "Wissenschaft und Technologie haben heute in Berlin eine gemeinsame Erklärung unterzeichnet.")
    intake = client.post("/api/v1/intakes", files={"file": ("de.txt", german.encode(), "text/plain")}).json()
    assert intake["status"] == "unsupported" and intake["language"] == "de" and intake["labels"] is None
    refused = client.post(f"/api/v1/intakes/{intake['id']}/accept", json={"version": intake["version"]})
    assert refused.status_code == 409
    rejected = client.post(f"/api/v1/intakes/{intake['id']}/reject", json={"version": intake["version"]})
    assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"


def test_intake_list_takes_the_shared_list_parameters(client: TestClient) -> None:
    for number in ("002", "003", "020"):
        text, published = _article(number)
        client.post("/api/v1/intakes", files={"file": (f"{number}.txt", text, "text/plain")},
                    data={"published": published})
    page = client.get("/api/v1/intakes", params={"limit": 2, "offset": 1, "sort": "id"}).json()
    assert (page["total"], page["limit"], page["offset"], len(page["items"])) == (3, 2, 1, 2)
    assert page["items"][0]["id"] < page["items"][1]["id"]
    assert client.get("/api/v1/intakes", params={"status": "accepted"}).json()["total"] == 0
    # out-of-range values are refused like on every other list, not silently clamped
    assert client.get("/api/v1/intakes", params={"limit": 500}).status_code == 422
    assert client.get("/api/v1/intakes", params={"offset": -1}).status_code == 422
