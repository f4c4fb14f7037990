"""Every parsing limit (``core.uploads``: parts, inflated size, compression ratio, XML to parse, PDF pages,
characters of text) is enforced by every path that reads such a file — the upload check, the document reader
of ingest, the profiles' XLSX import — and each refusal names the limit."""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from sticoop.core.errors import ValidationFailed
from sticoop.core.uploads import (
    MAX_ARCHIVE_PARTS,
    MAX_INFLATED_BYTES,
    MAX_MARKUP_BYTES,
    MAX_PDF_PAGES,
    MAX_TEXT_CHARS,
    check_content,
)
from sticoop.ingest.readers import ReaderError, read_bytes

MB = 1024 * 1024


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def _words(size: int) -> bytes:
    """XML text that compresses about 10:1 (under the ratio limit)."""
    rng = random.Random(3)
    words = [f"<w:t>{w}</w:t>".encode() for w in ("science", "Vietnam", "Belgium", "session", "project", "rice",
                                                   "committee", "agreement", "water", "health", "energy", "MoU")]
    block = b"".join(rng.choice(words) for _ in range(200_000))
    return (block * (size // len(block) + 1))[:size]


@cache
def _pdf(pages: int) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=72, height=72)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


#: case → (file name, content maker, the words naming the limit)
ARCHIVES: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "parts": ("minutes.docx", lambda: _zip({"word/document.xml": b"<w:document/>",
                                           **{f"word/p{i}.xml": b"<w:p/>" for i in range(MAX_ARCHIVE_PARTS)}}),
              f"over the limit of {MAX_ARCHIVE_PARTS:,}"),
    "inflated size": ("minutes.docx", lambda: _zip({"word/document.xml": b"<w:document/>",
                                                   "word/media/a.bin": _words(MAX_INFLATED_BYTES + MB)}),
                      f"over the limit of {MAX_INFLATED_BYTES // MB} MB"),
    "compression ratio": ("minutes.docx", lambda: _zip({"word/document.xml": b"<w:p/>" * (3 * MB)}),
                          "over the limit of 100:1"),
    "XML to parse": ("minutes.docx", lambda: _zip({"word/document.xml": _words(MAX_MARKUP_BYTES + MB)}),
                     f"over the limit of {MAX_MARKUP_BYTES // MB} MB"),
}


def _upload_check(name: str, content: bytes) -> None:
    check_content(content, name)


def _ingest_reader(name: str, content: bytes) -> None:
    try:
        read_bytes(content, Path(name).suffix, name=name, max_bytes=100 * MB)
    except ReaderError as exc:
        raise ValidationFailed(str(exc)) from None


def _profiles_import(name: str, content: bytes, tmp_path: Path | None = None) -> None:
    from sticoop.matchmaking.transfer import _read_rows

    assert tmp_path is not None
    path = tmp_path / (Path(name).stem + ".xlsx")
    path.write_bytes(content)
    _read_rows(path)


@pytest.mark.parametrize("case", sorted(ARCHIVES))
@pytest.mark.parametrize("reader", ["upload check", "ingest reader", "profiles XLSX import"])
def test_every_archive_limit_is_enforced_by_every_reader_naming_it(case: str, reader: str, tmp_path: Path) -> None:
    name, make, limit = ARCHIVES[case]
    content = make()
    assert len(content) < 20 * MB  # under the upload limit: only the archive check can refuse it
    with pytest.raises(ValidationFailed, match=limit):
        if reader == "upload check":
            _upload_check(name, content)
        elif reader == "ingest reader":
            _ingest_reader(name, content)
        else:
            if case == "XML to parse":  # read_only openpyxl streams its XML: only the archive limits apply
                pytest.skip("streamed, not parsed into a tree")
            _profiles_import(name, content, tmp_path)


@pytest.mark.parametrize("reader", [_upload_check, _ingest_reader], ids=["upload check", "ingest reader"])
def test_a_pdf_over_the_page_limit_is_refused_naming_it(reader: Callable[[str, bytes], None]) -> None:
    with pytest.raises(ValidationFailed, match=f"over the limit of {MAX_PDF_PAGES:,}"):
        reader("report.pdf", _pdf(MAX_PDF_PAGES + 1))
    try:  # at the limit it is not refused for its pages (blank pages then have no text)
        reader("report.pdf", _pdf(MAX_PDF_PAGES))
    except ValidationFailed as exc:
        assert "over the limit" not in str(exc)


def test_text_over_the_character_limit_is_refused_naming_it() -> None:
    text = ("Hanoi science cooperation. " * (MAX_TEXT_CHARS // 27 + 100)).encode()
    with pytest.raises(ValidationFailed, match=f"over the limit of {MAX_TEXT_CHARS:,}"):
        _ingest_reader("long.txt", text)
    _ingest_reader("long.txt", text[:MAX_TEXT_CHARS])  # at the limit: read
