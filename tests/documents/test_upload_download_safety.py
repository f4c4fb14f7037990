"""Downloads carry any file name (RFC 6266/5987), and stored documents are checked like intakes are."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from sticoop.core.downloads import content_disposition

SRC = Path(__file__).resolve().parents[2] / "src" / "sticoop"
NAMES = ["Biên bản họp Ủy ban hỗn hợp.txt", "Procès-verbal de la 6ᵉ session.txt", 'quote " and ; semi\r\nX-Evil: 1.txt',
         "会议纪要.txt", "plain.txt"]


def _filename_star(header: str) -> str:
    match = re.search(r"filename\*=UTF-8''([^;]+)", header)
    assert match, header
    return unquote(match.group(1))


@pytest.mark.parametrize("name", NAMES)
def test_header_names_the_file_exactly_and_safely(name: str) -> None:
    header = content_disposition(name)
    header.encode("latin-1")  # a header value the server can send
    assert "\r" not in header and "\n" not in header
    fallback = re.search(r'filename="([^"]*)"', header)
    assert fallback and fallback.group(1).isascii()
    assert _filename_star(header) == re.sub(r'[\x00-\x1f\x7f"\\;/]+', "", name).strip()


def test_every_download_names_its_file_through_the_one_helper() -> None:
    """Walks the source: a Content-Disposition header is only ever written by sticoop.core.downloads."""
    offenders = [f"{path.relative_to(SRC)}" for path in SRC.rglob("*.py")
                 if path.name != "downloads.py" and "Content-Disposition" in path.read_text(encoding="utf-8")]
    assert not offenders


@pytest.mark.parametrize("name", NAMES)
def test_a_document_with_any_name_downloads(client: TestClient, name: str) -> None:
    stored = client.post("/api/v1/documents", files={"file": (name, f"content of {name}".encode(), "text/plain")})
    assert stored.status_code == 201, stored.text
    response = client.get(f"/api/v1/documents/{stored.json()['id']}/content")
    assert response.status_code == 200
    assert response.content == f"content of {name}".encode()
    sent_as = _filename_star(response.headers["content-disposition"])
    if name.isprintable() and '"' not in name and ";" not in name:
        assert sent_as == stored.json()["filename"] == name
    else:  # the characters that could break the header are dropped, the rest is kept
        assert sent_as.startswith("quote") and sent_as.endswith("1.txt") and "\n" not in sent_as


def test_every_list_export_downloads_with_a_named_file(client: TestClient) -> None:
    paths = [p for p in client.get("/api/v1/openapi.json").json()["paths"] if p.endswith("/export.csv")]
    assert len(paths) > 10
    for path in paths:
        response = client.get(path if path.startswith("/api") else "/api/v1" + path)
        assert response.status_code == 200, path
        assert _filename_star(response.headers["content-disposition"]).endswith(".csv"), path


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def _real_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


REFUSED = {
    "an .exe renamed .pdf": ("report.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200),
    "a program by name": ("setup.exe", b"hello"),
    "a fake PDF": ("minutes.pdf", b"%PDF-1.7\nthis is not a pdf at all\n%%EOF"),
    "a text name on binary content": ("notes.txt", b"abc\x00\x01\x02" * 10),
    "a DOCX that is not a zip": ("minutes.docx", b"plain words"),
    "a zip bomb (inflates past the limit)": ("minutes.docx", _zip({"word/document.xml": b"\x00" * (101 * 2**20)})),
    "a zip bomb (too many parts)": ("archive.zip", _zip({f"part{i}.txt": b"x" for i in range(2001)})),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_dangerous_or_mislabelled_uploads_are_refused(client: TestClient, case: str) -> None:
    name, content = REFUSED[case]
    response = client.post("/api/v1/documents", files={"file": (name, content, "application/octet-stream")})
    assert response.status_code == 422, (case, response.text)
    assert name.split(".")[0] in response.json()["detail"]
    assert client.get("/api/v1/documents").json()["total"] == 0


def test_real_files_are_accepted(client: TestClient) -> None:
    for name, content in [("real.pdf", _real_pdf()), ("data.zip", _zip({"a.txt": b"a" * 1000})),
                          ("notes.txt", "Ghi chú".encode())]:
        response = client.post("/api/v1/documents", files={"file": (name, content, "application/octet-stream")})
        assert response.status_code == 201, (name, response.text)
