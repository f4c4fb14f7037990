"""Documents attached from the call page and the proposal page (issue 14): uploaded through the page's form,
listed, downloadable, removed, audited; the proposal PDF's pages counted by pypdf for the page-limit rule; bad
files refused with a 4xx naming the field; only those who may change the call may attach."""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.calls.helpers import JFS_RULES, consortium, jfs_call, post, proposal


def pdf(pages: int) -> bytes:
    """A real PDF of ``pages`` blank pages."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def world(client: TestClient) -> dict[str, Any]:
    made = jfs_call(client, page_limit=3, rules=[*JFS_RULES, {"kind": "admissibility", "params": {}}])
    made["proposal"] = proposal(client, made, "DOCS", consortium(made))
    return made


def _audit(client: TestClient, document_id: int) -> list[str]:
    entries = client.get("/api/v1/audit", params={"entity_type": "document", "entity_id": document_id}).json()
    return [e["action"] for e in (entries["items"] if isinstance(entries, dict) else entries)]


@pytest.mark.parametrize("where", ["call", "proposal"])
def test_a_document_is_uploaded_listed_downloaded_and_removed_from_the_page(
        client: TestClient, world: dict[str, Any], where: str) -> None:
    page = f"/calls/{world['call']['id']}" if where == "call" else f"/proposals/{world['proposal']['id']}"
    content = f"Guidelines for the {where}.".encode()
    before = client.get(page).text
    assert 'enctype="multipart/form-data"' in before and f'action="{page}/documents"' in before
    sent = client.post(f"{page}/documents", files={"file": ("guidelines.txt", content, "text/plain")},
                       data={"role": "attachment"}, follow_redirects=False)
    assert sent.status_code == 303, sent.text
    shown = client.get(page).text
    link = shown.split('href="/api/v1/documents/')[1].split("/content")[0]
    document_id = int(link)
    assert "guidelines.txt" in shown
    assert client.get(f"/api/v1/documents/{document_id}/content").content == content
    assert _audit(client, document_id)[-1] == "create"  # newest first: then bound to the call's partnership
    removed = client.post(f"{page}/documents/{document_id}/remove", follow_redirects=False)
    assert removed.status_code == 303, removed.text
    assert "guidelines.txt" not in client.get(page).text
    assert client.get(f"/api/v1/documents/{document_id}").status_code == 404
    assert _audit(client, document_id)[0] == "delete"


@pytest.mark.parametrize(("pages", "passes"), [(2, True), (3, True), (5, False)])
def test_the_proposal_pdf_is_counted_against_the_page_limit(client: TestClient, world: dict[str, Any],
                                                            pages: int, passes: bool) -> None:
    pid = world["proposal"]["id"]
    sent = client.post(f"/proposals/{pid}/documents", files={"file": ("proposal.pdf", pdf(pages), "application/pdf")},
                       data={"role": "proposal_pdf"}, follow_redirects=False)
    assert sent.status_code == 303, sent.text
    made = client.get(f"/api/v1/proposals/{pid}").json()
    assert made["document_id"] is not None and made["version"] == world["proposal"]["version"] + 1
    page = html.unescape(client.get(f"/proposals/{pid}").text)
    assert f"{pages} pages / 3" in page
    report = client.get(f"/api/v1/proposals/{pid}/eligibility").json()
    admissible = [r for r in report["rules"] if r["kind"] == "admissibility"]
    assert admissible and admissible[0]["passed"] is passes, admissible
    assert admissible[0]["args"].get("pages") == pages
    history = client.get("/api/v1/audit", params={"entity_type": "proposal", "entity_id": pid}).json()
    items = history["items"] if isinstance(history, dict) else history
    assert any((e.get("after") or {}).get("document_id") == made["document_id"] for e in items)
    removed = client.post(f"/proposals/{pid}/documents/{made['document_id']}/remove", follow_redirects=False)
    assert removed.status_code == 303 and client.get(f"/api/v1/proposals/{pid}").json()["document_id"] is None


BAD_FILES = {
    "no file": ({}, {"role": "attachment"}, 422, "file"),
    "empty file": ({"file": ("empty.txt", b"", "text/plain")}, {"role": "attachment"}, 422, "file"),
    "not a pdf": ({"file": ("proposal.pdf", b"just text, not a PDF", "application/pdf")}, {"role": "proposal_pdf"},
                  422, "PDF"),
    "a text named pdf as proposal pdf": ({"file": ("proposal.txt", b"plain words", "text/plain")},
                                         {"role": "proposal_pdf"}, 422, "file"),
    "a program": ({"file": ("tool.txt", b"MZ\x90\x00" + b"\x00" * 64, "text/plain")}, {"role": "attachment"}, 422,
                  "tool.txt"),
    "an unknown role": ({"file": ("a.txt", b"words", "text/plain")}, {"role": "poster"}, 422, "role"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
@pytest.mark.parametrize("where", ["call", "proposal"])
def test_a_bad_file_is_refused_naming_the_field(client: TestClient, world: dict[str, Any], where: str,
                                                case: str) -> None:
    files, data, status, named = BAD_FILES[case]
    if where == "call" and "role" in data and data["role"] != "attachment":
        data = {}  # a call's documents have no role: the same file as a plain attachment
        if case in ("an unknown role", "a text named pdf as proposal pdf"):
            pytest.skip("proposal-only input")
        if case == "not a pdf":
            named = "proposal.pdf"
    page = f"/calls/{world['call']['id']}" if where == "call" else f"/proposals/{world['proposal']['id']}"
    response = client.post(f"{page}/documents", files=files or {"file": ("", b"", "text/plain")}, data=data)
    assert response.status_code == status, (case, where, response.status_code)
    assert named in html.unescape(response.text), (case, where)
    assert "Traceback" not in response.text
    assert client.get("/api/v1/documents").json()["total"] == 0, case


def test_only_those_who_may_change_the_call_attach(client: TestClient, world: dict[str, Any],
                                                   client_as: Callable[..., TestClient]) -> None:
    other = post(client, "/partnerships", {"name": "Thailand–Vietnam", "country_codes": ["THA", "VNM"]})["id"]
    call = world["call"]
    viewer = client_as("viewer", partnership_ids=[world["partnership"]])
    page = viewer.get(f"/calls/{call['id']}").text
    assert "call-document-upload" not in page
    file = {"file": ("a.txt", b"words", "text/plain")}
    assert viewer.post(f"/calls/{call['id']}/documents", files=file).status_code == 403
    joint = client.patch(f"/api/v1/calls/{call['id']}", json={"partnership_ids": [world["partnership"], other],
                                                                "version": call["version"]})
    assert joint.status_code == 200, joint.text
    officer = client_as("secretariat", partnership_ids=[world["partnership"]])
    refused = officer.post(f"/calls/{call['id']}/documents", files=file)
    assert refused.status_code == 403 and "each of its partnerships" in html.unescape(refused.text)
    both = client_as("secretariat", partnership_ids=[world["partnership"], other])
    assert both.post(f"/calls/{call['id']}/documents", files=file, follow_redirects=False).status_code == 303
