"""Read documents (.txt, .md, .html, .pdf, .docx, corpus .json) into plain text, refusing bad input clearly.

Every refusal is a `ReaderError` (a ValueError) with a one-line message a person can act on: empty file,
binary garbage, encrypted or image-only PDF, file over the size limit, DOCX zip bomb, unsupported type.
The DOCX archive is inspected (entry count, declared uncompressed sizes, compression ratio) BEFORE python-docx
opens it, so a bomb is never inflated. HTML goes through trafilatura (main text, no scripts/navigation), with a
script-stripping fallback when trafilatura finds no main text.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sticoop.core.uploads import (
    MAX_ARCHIVE_PARTS,
    MAX_COMPRESSION_RATIO,
    MAX_INFLATED_BYTES,
    MAX_MARKUP_BYTES,
    MAX_PDF_PAGES,
    MAX_TEXT_CHARS,
)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: the limits of every stored file (sticoop.core.uploads), one place for both
MAX_DOCX_UNCOMPRESSED = MAX_INFLATED_BYTES
MAX_DOCX_RATIO = MAX_COMPRESSION_RATIO
MAX_DOCX_ENTRIES = MAX_ARCHIVE_PARTS
SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".json")


class ReaderError(ValueError):
    """A document that cannot be read; the message is one line for the user."""


@dataclass(frozen=True)
class Document:
    """Text read from a file, with what the file itself says about it (a corpus JSON carries metadata)."""

    text: str
    path: Path | None = None
    kind: str = "txt"
    title: str | None = None
    published: date | None = None
    language: str | None = None


def read_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a file into a `Document`; raises ReaderError with a one-line reason when it cannot."""
    p = Path(path)
    if not p.exists():
        raise ReaderError(f"{p}: no such file")
    if not p.is_file():
        raise ReaderError(f"{p}: not a file")
    size = p.stat().st_size
    if size == 0:
        raise ReaderError(f"{p.name}: empty file")
    if size > max_bytes:
        raise ReaderError(
            f"{p.name}: file is {size / 1048576:.1f} MB, over the {max_bytes / 1048576:.0f} MB limit"
        )
    suffix = p.suffix.lower()
    data = p.read_bytes()
    return read_bytes(data, suffix, name=p.name, path=p, max_bytes=max_bytes)


def read_text(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Just the text of a file (see `read_document`)."""
    return read_document(path, max_bytes).text


def read_bytes(
    data: bytes,
    suffix: str,
    name: str = "document",
    path: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read in-memory content (an upload) of the given type ('.pdf', '.html'...)."""
    if not data:
        raise ReaderError(f"{name}: empty file")
    if len(data) > max_bytes:
        raise ReaderError(
            f"{name}: file is {len(data) / 1048576:.1f} MB, over the {max_bytes / 1048576:.0f} MB limit"
        )
    suffix = suffix.lower() if suffix.startswith(".") else "." + suffix.lower()
    if suffix in (".txt", ".md"):
        doc = Document(_decode(data, name), path, suffix[1:])
    elif suffix in (".html", ".htm"):
        doc = Document(_html(data, name), path, "html")
    elif suffix == ".pdf":
        doc = Document(_pdf(data, name), path, "pdf")
    elif suffix == ".docx":
        doc = Document(_docx(data, name), path, "docx")
    elif suffix == ".json":
        doc = _corpus_json(data, name, path)
    else:
        raise ReaderError(
            f"{name}: unsupported file type {suffix or '(none)'}; use one of {', '.join(SUFFIXES)}"
        )
    if not doc.text.strip():
        raise ReaderError(f"{name}: no text found")
    if len(doc.text) > MAX_TEXT_CHARS:
        raise ReaderError(f"{name}: {len(doc.text):,} characters of text, over the limit of {MAX_TEXT_CHARS:,}; "
                          "split the document")
    return doc


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReaderError(f"{name}: binary content, not text")
    for encoding in (
        ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",)
    ):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("cp1252", errors="replace")
    sample = text[:4096]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or c == "\ufffd")
    if sample and bad / len(sample) > 0.05:
        raise ReaderError(f"{name}: binary content, not text")
    if not text.strip():
        raise ReaderError(f"{name}: empty file")
    return text


_SCRIPT = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)


def _html(data: bytes, name: str) -> str:
    raw = _decode(data, name)
    cleaned = _SCRIPT.sub(" ", raw)
    text = None
    try:
        import trafilatura

        text = trafilatura.extract(cleaned, include_comments=False, include_tables=True, favor_recall=True)
    except Exception:  # noqa: BLE001 - trafilatura/lxml raise many types on broken HTML
        text = None
    if not text:
        stripped = re.sub(r"<[^>]+>", " ", cleaned)
        import html as html_mod

        text = re.sub(r"[ \t]+", " ", html_mod.unescape(stripped)).strip()
    return text


def _pdf(data: bytes, name: str) -> str:
    if not data.startswith(b"%PDF"):
        raise ReaderError(f"{name}: not a PDF file")
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ReaderError(f"{name}: encrypted PDF; provide an unprotected copy")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ReaderError(f"{name}: {len(reader.pages):,} pages, over the limit of {MAX_PDF_PAGES:,}")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReaderError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ReaderError(f"{name}: damaged PDF ({type(exc).__name__})") from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise ReaderError(f"{name}: PDF has no text layer (scanned images?); OCR it first")
    return text


def check_zip_bomb(
    data: bytes,
    name: str,
    max_total: int = MAX_DOCX_UNCOMPRESSED,
    max_ratio: float = MAX_DOCX_RATIO,
    max_entries: int = MAX_DOCX_ENTRIES,
    max_markup: int = MAX_MARKUP_BYTES,
) -> None:
    """Refuse archives whose declared content is too big, too compressed, too many files or too much XML
    to parse, before inflating; each message names the limit."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ReaderError(f"{name}: not a DOCX file (bad zip archive)") from None
    mb = 1024 * 1024
    with archive:
        infos = archive.infolist()
        if len(infos) > max_entries:
            raise ReaderError(f"{name}: DOCX has {len(infos):,} parts, over the limit of {max_entries:,}; "
                              "refused as a possible zip bomb")
        total = sum(i.file_size for i in infos)
        packed = max(sum(i.compress_size for i in infos), 1)
        if total > max_total:
            raise ReaderError(f"{name}: DOCX would inflate to {total / mb:.0f} MB, over the limit of "
                              f"{max_total / mb:.0f} MB; refused as a zip bomb")
        if total / packed > max_ratio and total > 10 * mb:
            raise ReaderError(f"{name}: DOCX compression ratio {total / packed:.0f}:1, over the limit of "
                              f"{max_ratio:.0f}:1; refused as a zip bomb")
        xml = sum(i.file_size for i in infos if i.filename.lower().endswith((".xml", ".rels")))
        if xml > max_markup:
            raise ReaderError(f"{name}: DOCX XML would inflate to {xml / mb:.0f} MB, over the limit of "
                              f"{max_markup / mb:.0f} MB")
        if "word/document.xml" not in archive.namelist():
            raise ReaderError(f"{name}: not a Word document (no word/document.xml)")


def _docx(data: bytes, name: str) -> str:
    check_zip_bomb(data, name)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises KeyError/ValueError/lxml errors
        raise ReaderError(f"{name}: damaged DOCX ({type(exc).__name__})") from None
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n\n".join(p for p in parts if p.strip())


def _corpus_json(data: bytes, name: str, path: Path | None) -> Document:
    try:
        obj = json.loads(_decode(data, name))
    except json.JSONDecodeError as exc:
        raise ReaderError(f"{name}: invalid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise ReaderError(f"{name}: JSON has no 'text' field")
    published = None
    if obj.get("published"):
        try:
            published = date.fromisoformat(str(obj["published"]))
        except ValueError:
            raise ReaderError(f"{name}: 'published' is not an ISO date: {obj['published']!r}") from None
    return Document(obj["text"], path, "json", obj.get("title"), published, obj.get("language"))
