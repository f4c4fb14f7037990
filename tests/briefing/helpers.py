"""Helpers of the briefing tests: a partnership with everything a briefing pack shows — and a confidential
record of every kind it shows —
built through the REST API (and ingested press straight in the database, as ingest would leave it)."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from datetime import UTC, date, datetime
from typing import Any

import docx
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy import update
from tests.web.helpers import post, seed

from sticoop.accounts.models import AuditEntry
from sticoop.core import clock
from sticoop.core.database import session_scope
from sticoop.documents.models import Document
from sticoop.ingest.models import Intake

#: people to meet, one per script the pack must print: (name, language of its font, font name in the PDF)
NAMES = {
    "vi": ("Trần Thị Bích Ngọc", "Noto-Sans"),
    "ko": ("김민준", "Noto-Sans-CJK-KR"),
    "lo": ("ສົມພອນ ພົມມະວົງ", "Noto-Sans-Lao"),
    "th": ("สมชาย ใจดี", "Noto-Sans-Thai"),
    "km": ("សុខ ចាន់ណា", "Noto-Sans-Khmer"),
    "zh": ("王小明", "Noto-Sans-CJK-SC"),
    "ja": ("やまだ たろう", "Noto-Sans-CJK-JP"),
}
#: a confidential record of each kind the pack shows: (kind, the text that must not reach a viewer)
SECRETS = {
    "commitment": "SECRET commitment on ground station codes",
    "agreement": "SECRET agreement on dual-use technology",
    "project": "SECRET project on quantum links",
    "visit": "SECRET visit to scout partners",
    "press": "SECRET press item about the talks",
    "session": "SECRET conclusions of session 7",
}


def _press(db_url: str, partnership_id: int, title: str, published: date, confidential: bool, n: int) -> None:
    with session_scope(db_url) as db:
        doc = Document(sha256=f"{n:064x}", filename=f"press-{n}.txt", title=title, media_type="text/plain",
                       size=10, partnership_id=partnership_id, confidential=confidential, language="en",
                       source_url=f"https://news.example.org/{n}")
        db.add(doc)
        db.flush()
        db.add(Intake(document_id=doc.id, status="accepted", published=published, title=title, language="en"))


def build_partnership(client: TestClient, db_url: str) -> dict[str, Any]:
    """The seed of the page tests plus: people of every script at the organisations a visit meets, a planned
    session, a confidential record of each kind, progress after the test day, press before and after it."""
    d = seed(client)
    pid = d["partnership"]["id"]
    belspo, most = d["organization2"]["id"], d["organization"]["id"]
    d["people"] = {lang: post(client, "/people", {"name": name, "positions": [
        {"title": f"Director {lang}", "organization_id": belspo, "start_date": "2020-01-01"}]})
        for lang, (name, _font) in NAMES.items()}
    d["trip"] = post(client, "/visits", {
        "partnership_id": pid, "from_country_code": "VNM", "to_country_code": "BEL", "start_date": "2026-07-01",
        "end_date": "2026-07-05", "purpose": "Prepare the 8th session", "member_ids": [d["person"]["id"]],
        "organization_met_ids": [belspo], "objectives": "Raise the delay of the training courses"})
    committee = d["committee"]["id"]
    post(client, "/sessions", {"committee_id": committee, "number": 7, "start_date": "2025-03-01",
                               "city": "Hanoi", "conclusions": SECRETS["session"], "confidential": True})
    d["session8"] = post(client, "/sessions", {"committee_id": committee, "number": 8, "start_date": "2026-09-01",
                                               "city": "Ghent"})
    d["open"] = post(client, "/commitments", {"partnership_id": pid, "text": "Open a joint laboratory in Cần Thơ",
                                              "due_date": "2026-12-31", "status": "in_progress",
                                              "responsible_ids": [most]})
    post(client, "/progress-updates", {"commitment_id": d["open"]["id"], "date": "2026-03-01",
                                       "note": "Site chosen in March"})
    with clock.pinned(date(2026, 8, 2)):  # reported then: after the test day, so as_of decides whether it shows
        post(client, "/progress-updates", {"commitment_id": d["open"]["id"], "date": "2026-08-01",
                                           "note": "Equipment delivered in August"})
    post(client, "/commitments", {"partnership_id": pid, "text": SECRETS["commitment"], "confidential": True})
    post(client, "/agreements", {"title": SECRETS["agreement"], "partnership_id": pid, "status": "negotiating",
                                 "country_codes": ["BEL", "VNM"], "confidential": True})
    post(client, "/agreements", {"title": "MoU on remote sensing", "kind": "mou", "partnership_id": pid,
                                 "status": "in_force", "in_force_date": "2022-01-01", "expiry_date": "2026-10-01",
                                 "country_codes": ["BEL", "VNM"]})
    post(client, "/projects", {"title": SECRETS["project"], "partnership_id": pid, "confidential": True})
    post(client, "/visits", {"partnership_id": pid, "from_country_code": "BEL", "to_country_code": "VNM",
                             "start_date": "2024-01-10", "purpose": SECRETS["visit"], "confidential": True})
    _press(db_url, pid, "Minister visits Ghent laboratory", date(2026, 5, 2), False, 1)
    _press(db_url, pid, "Joint laboratory opens", date(2026, 8, 20), False, 2)
    _press(db_url, pid, SECRETS["press"], date(2026, 4, 1), True, 3)
    backdate_log(db_url)
    return d


#: when the records of the test world were typed in: before every day a test asks a pack of (a record created
#: after a pack's day is not in it, and the audit log is stamped by the wall clock)
TYPED_IN = datetime(2019, 1, 1, tzinfo=UTC)


def backdate_log(db_url: str, at: datetime = TYPED_IN) -> None:
    """Date every audit entry ``at``: everything recorded so far happened before the days the tests ask."""
    with session_scope(db_url) as db:
        db.execute(update(AuditEntry).values(at=at))


def text_of(fmt: str, content: bytes) -> str:
    """The text a reader sees in a pack (pypdf for PDF, python-docx for DOCX, the markup for HTML), NFC, with
    whitespace collapsed."""
    if fmt == "pdf":
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    elif fmt == "docx":
        document = docx.Document(io.BytesIO(content))
        parts = [p.text for p in document.paragraphs]
        parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        text = "\n".join(parts)
    else:
        text = content.decode("utf-8")
    return " ".join(unicodedata.normalize("NFC", text).split())  # a table cell's text wraps over lines


def docx_xml(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read("word/document.xml").decode("utf-8")
