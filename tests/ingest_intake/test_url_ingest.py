"""Ingest by URL, end to end against a real HTTP server on 127.0.0.1: the CLI (`sticoop ingest --url`) and
the upload page both fetch, extract and store a draft intake; the same address never makes a
second intake (nor is fetched again), and a slow, oversized, missing or unreachable page fails with one
clear line and writes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, select
from tests.ingest_intake.local_server import serve
from tests.shared_corpus import needs_shared_corpus

from sticoop.documents.models import Document
from sticoop.ingest.fetch import TIMEOUT_ENV
from sticoop.ingest.models import Intake


def _counts(database: Path) -> tuple[int, int]:
    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as conn:
        counts = (conn.scalar(select(func.count()).select_from(Intake)) or 0,
                  conn.scalar(select(func.count()).select_from(Document)) or 0)
    engine.dispose()
    return counts


@needs_shared_corpus
def test_cli_ingest_url_success_duplicate_and_limits(tmp_path: Path) -> None:
    env = {**os.environ, "STICOOP_DATA_DIR": str(tmp_path / "data"), TIMEOUT_ENV: "1.5",
           "STICOOP_MAX_UPLOAD_BYTES": "200000"}
    env.pop("STICOOP_DATABASE_URL", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "sticoop.cli", *args], capture_output=True, text=True,
                              env=env, timeout=300)

    assert run("db", "upgrade").returncode == 0
    database = tmp_path / "data" / "sticoop.db"
    with serve() as server:
        page = server.url("/news/002.html")
        first = run("ingest", "--url", page, "--published", "2024-05-29")
        assert first.returncode == 0, first.stderr
        assert "ingested 1, duplicates 0, failed 0" in first.stdout
        assert _counts(database) == (1, 1)
        engine = create_engine(f"sqlite:///{database}")
        with engine.connect() as conn:
            labels, url = conn.execute(select(Intake.labels, Document.source_url).join(Document)).one()
        engine.dispose()
        assert url == page and labels["countries"] == ["LAO", "VNM"]
        assert labels["committee"]["session_number"] == 1 and labels["event_date"] == "2024-05-28"

        again = run("ingest", "--url", page)
        assert again.returncode == 0 and "ingested 0, duplicates 1, failed 0" in again.stdout
        assert server.hits["/news/002.html"] == 1  # a known address is not fetched again

        slow = run("ingest", "--url", server.url("/slow.html"))
        assert slow.returncode == 1 and "no complete answer within 1.5 s" in slow.stderr
        big = run("ingest", "--url", server.url("/big.html?bytes=400000"))
        assert big.returncode == 1 and "larger than the 195 KB limit" in big.stderr
        missing = run("ingest", "--url", server.url("/missing.html"))
        assert missing.returncode == 1 and "HTTP 404" in missing.stderr
        for result in (slow, big, missing):
            assert "Traceback" not in result.stderr and "ingested 0, duplicates 0, failed 1" in result.stdout
            assert len(result.stderr.strip().splitlines()) == 1, result.stderr  # one line per failed address
    assert _counts(database) == (1, 1)  # the failures wrote nothing


def _totals(client: TestClient) -> tuple[int, int]:
    return (client.get("/api/v1/intakes").json()["total"], client.get("/api/v1/documents").json()["total"])


@needs_shared_corpus
def test_upload_page_url_success_and_no_duplicate(client: TestClient) -> None:
    with serve() as server:
        page = server.url("/news/014.html")
        response = client.post("/intakes", data={"url": page, "published": "2024-03-08"}, follow_redirects=False)
        assert response.status_code == 303, response.text
        review_url = response.headers["location"]
        review = client.get(review_url).text
        assert page in review and "Leïla Ben Salah" in review and "hl--person" in review
        intake = client.get(f"/api/v1{review_url}").json()
        assert intake["language"] == "fr" and intake["labels"]["countries"] == ["JPN", "TUN"]
        assert "<script" not in client.get(f"/api/v1/documents/{intake['document_id']}").text

        again = client.post("/intakes", data={"url": page}, follow_redirects=False)
        assert again.status_code == 303 and again.headers["location"] == f"{review_url}?notice=duplicate"
        assert server.hits["/news/014.html"] == 1 and _totals(client) == (1, 1)


def test_upload_page_url_failures_write_nothing(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TIMEOUT_ENV, "1")
    with serve() as server:
        slow = client.post("/intakes", data={"url": server.url("/slow.html")})
        assert slow.status_code == 422 and "no complete answer within 1 s" in slow.text
        assert 'id="upload-error"' in slow.text
        # over the default 20 MB limit, sent without a Content-Length
        big = client.post("/intakes", data={"url": server.url("/big.html?bytes=21500000")})
        assert big.status_code == 422 and "larger than the 20 MB limit" in big.text
        missing = client.post("/intakes", data={"url": server.url("/missing.html")})
        assert missing.status_code == 422 and "HTTP 404" in missing.text
    gone = client.post("/intakes", data={"url": server.url("/news/002.html")})  # the server has stopped
    assert gone.status_code == 422 and "unreachable" in gone.text
    assert _totals(client) == (0, 0)
