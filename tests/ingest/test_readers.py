"""Readers on real files generated here: PDF (pypdf), DOCX (python-docx), HTML, and each kind of bad input."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from sticoop.ingest.readers import ReaderError, check_zip_bomb, read_document, read_text

TEXT = "Vietnam and Laos held the first session of their committee on 28 May 2024."


def _pdf_with_text(text: str) -> bytes:
    """A one-page PDF whose content stream draws `text` in Helvetica (pypdf can extract it)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_txt_and_md(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title\n\n" + TEXT, encoding="utf-8")
    assert read_text(tmp_path / "a.txt") == TEXT
    assert TEXT in read_text(tmp_path / "b.md")


def test_html_main_text_without_scripts(tmp_path: Path) -> None:
    html = (
        "<html><head><title>t</title><script>var secret = 'SCRIPT_PAYLOAD';</script>"
        "<style>.x{color:red}</style></head><body><nav>Home | About</nav><article><h1>Cooperation</h1>"
        f"<p>{TEXT}</p><p>The two sides agreed to organise a joint training course in 2025 for young "
        "researchers from both countries.</p><script>alert('SCRIPT_PAYLOAD')</script></article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    text = read_text(path)
    assert "Vietnam and Laos" in text
    assert "SCRIPT_PAYLOAD" not in text and "alert" not in text


def test_pdf_text(tmp_path: Path) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(_pdf_with_text(TEXT))
    assert len(PdfReader(str(path)).pages) == 1
    assert "first session" in read_text(path)


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf_with_text(TEXT))))
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ReaderError, match="encrypted"):
        read_document(path)


def test_image_only_pdf_is_refused(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ReaderError, match="no text layer"):
        read_document(path)


def test_docx(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph(TEXT)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Field"
    table.rows[0].cells[1].text = "agriculture"
    path = tmp_path / "minutes.docx"
    document.save(str(path))
    text = read_text(path)
    assert "first session" in text and "agriculture" in text


def _zip_bomb(path: Path, size: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
        zf.writestr("word/media/filler.bin", b"\0" * size)


def test_docx_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    _zip_bomb(path, 40 * 1024 * 1024)  # 40 MB of zeros -> ~40 kB on disk, ratio ~1000:1
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(ReaderError, match="zip bomb"):
        read_document(path)
    # the absolute limit too (declared sizes are checked, nothing is inflated)
    with pytest.raises(ReaderError, match="inflate"):
        check_zip_bomb(path.read_bytes(), "bomb.docx", max_total=1024 * 1024)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"   \n\n ", "empty file"),
        ("garbage.txt", bytes(range(256)) * 40, "binary"),
        ("garbage.pdf", b"\x89PNG\r\n\x1a\n" + bytes(200), "not a PDF"),
        ("garbage.docx", b"PK\x03\x04 not really a zip" * 10, "not a DOCX"),
        ("data.xlsx", b"whatever", "unsupported file type"),
        ("bad.json", b"{not json", "invalid JSON"),
        ("nofield.json", b'{"title": "x"}', "no 'text' field"),
    ],
)
def test_bad_input_gives_one_line_error(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReaderError, match=message) as info:
        read_document(path)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, ValueError)


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("a" * 5000, encoding="utf-8")
    with pytest.raises(ReaderError, match="over the"):
        read_document(path, max_bytes=1000)
    assert read_text(path, max_bytes=10_000).startswith("aaa")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="no such file"):
        read_document(tmp_path / "nope.txt")


def test_corpus_json_uses_text_and_published(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": TEXT, "published": "2024-05-29", "language": "en"}), encoding="utf-8")
    doc = read_document(path)
    assert doc.text == TEXT
    assert doc.published is not None and doc.published.isoformat() == "2024-05-29"
