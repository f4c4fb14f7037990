"""Reading an uploaded file without ever holding more than the configured limit (+1 byte) in memory, and
checking that what it holds is what its name says (no programs, no zip bombs, no fake PDFs)."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath
from typing import Protocol

from sticoop.core.config import get_settings
from sticoop.core.errors import PayloadTooLarge, ValidationFailed


class Upload(Protocol):
    """What :func:`read_limited` needs of an upload (FastAPI's ``UploadFile``); core imports no web framework."""

    filename: str | None

    async def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes of the upload."""


async def read_limited(upload: Upload, limit: int | None = None) -> bytes:
    """The upload's bytes; :class:`PayloadTooLarge` (413) when it is over ``limit`` (default: the setting)."""
    limit = limit or get_settings().max_upload_bytes
    content = await upload.read(limit + 1)
    if len(content) > limit:
        raise PayloadTooLarge(f"{upload.filename}: over the limit of {limit:,} bytes")
    return content


#: a stored file may inflate to at most this (zip-based formats: DOCX, XLSX, ODT, ZIP...) ...
MAX_INFLATED_BYTES = 100 * 1024 * 1024
#: ... hold at most this many parts ...
MAX_ARCHIVE_PARTS = 2000
#: ... and be compressed at most this much (above 10 MB inflated)
MAX_COMPRESSION_RATIO = 100.0
#: the XML parts of an office file (DOCX, XLSX) that a reader builds in memory as a tree: at most this,
#: inflated (a tree takes 10 to 40 times its text: 25 MB of XML is about 1 GB at worst)
MAX_MARKUP_BYTES = 25 * 1024 * 1024
#: a PDF read for its text has at most this many pages
MAX_PDF_PAGES = 2000
#: the text read from one document for extraction: at most this many characters (about 600 pages)
MAX_TEXT_CHARS = 2_000_000
#: programs, whatever their name says: Windows PE, ELF, Mach-O (thin and fat)
EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe",
                    b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe")
EXECUTABLE_SUFFIXES = frozenset({".exe", ".dll", ".com", ".bat", ".cmd", ".msi", ".scr", ".pif", ".cpl", ".jar",
                                 ".js", ".vbs", ".wsf", ".ps1", ".sh", ".app", ".apk", ".elf", ".so", ".dylib"})
ZIP_SUFFIXES = frozenset({".zip", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".epub"})
#: zip-based formats whose XML parts a reader parses (limited by MAX_MARKUP_BYTES)
OFFICE_SUFFIXES = frozenset({".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".csv", ".tsv", ".html", ".htm", ".json", ".xml", ".ics"})


def check_content(content: bytes, filename: str) -> None:
    """Refuse a file whose content is dangerous or not what its name says, without opening more than headers.

    Raises :class:`ValidationFailed` (422) naming the file and the limit for: a program (by content or by
    name), a zip-based file over the limits of :func:`check_archive` (a zip bomb), a ``.pdf`` that is not a
    readable PDF, a zip-based name whose content is not a zip, a text name whose content is binary."""
    name = PurePath(filename).name or "the file"
    suffix = PurePath(filename).suffix.lower()
    if suffix in EXECUTABLE_SUFFIXES or content.startswith(EXECUTABLE_MAGIC):
        raise ValidationFailed(f"{name}: programs are not accepted as documents", field="file")
    if content.startswith(b"PK\x03\x04") or suffix in ZIP_SUFFIXES:
        check_archive(content, name, markup=suffix in OFFICE_SUFFIXES)
    if suffix == ".pdf":
        _check_pdf(content, name)
    elif suffix in TEXT_SUFFIXES and b"\x00" in content[:65536]:
        raise ValidationFailed(f"{name}: binary content, not text", field="file")


def check_archive(content: bytes, name: str, markup: bool = False) -> None:
    """Refuse a zip-based file from its directory alone (nothing is inflated): over ``MAX_ARCHIVE_PARTS``
    parts, inflating past ``MAX_INFLATED_BYTES``, compressed more than ``MAX_COMPRESSION_RATIO``:1 (above
    10 MB), or, for an office file (``markup``), XML parts inflating past ``MAX_MARKUP_BYTES``. Sizes are
    the ones the archive declares; Python's zipfile never inflates a part past its declared size (a part
    that lies fails its CRC check). Raises :class:`ValidationFailed` naming the file and the limit."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError):
        raise ValidationFailed(f"{name}: not a valid archive, though its name says so", field="file") from None
    with archive:
        infos = archive.infolist()
    total = sum(i.file_size for i in infos)
    packed = max(sum(i.compress_size for i in infos), 1)
    xml = sum(i.file_size for i in infos if i.filename.lower().endswith((".xml", ".rels")))
    mb = 1024 * 1024
    if len(infos) > MAX_ARCHIVE_PARTS:
        raise ValidationFailed(f"{name}: {len(infos):,} parts, over the limit of {MAX_ARCHIVE_PARTS:,}; "
                               "refused as a possible zip bomb", field="file")
    if total > MAX_INFLATED_BYTES:
        raise ValidationFailed(f"{name}: would inflate to {total / mb:.0f} MB, over the limit of "
                               f"{MAX_INFLATED_BYTES / mb:.0f} MB; refused as a zip bomb", field="file")
    if total > 10 * mb and total / packed > MAX_COMPRESSION_RATIO:
        raise ValidationFailed(f"{name}: compression ratio {total / packed:.0f}:1, over the limit of "
                               f"{MAX_COMPRESSION_RATIO:.0f}:1; refused as a zip bomb", field="file")
    if markup and xml > MAX_MARKUP_BYTES:
        raise ValidationFailed(f"{name}: its XML would inflate to {xml / mb:.0f} MB, over the limit of "
                               f"{MAX_MARKUP_BYTES / mb:.0f} MB for a document that is read", field="file")


def check_text_length(text: str, name: str) -> None:
    """Refuse a document whose text is longer than ``MAX_TEXT_CHARS`` characters (ValidationFailed, 422)."""
    if len(text) > MAX_TEXT_CHARS:
        raise ValidationFailed(f"{name}: {len(text):,} characters of text, over the limit of {MAX_TEXT_CHARS:,}; "
                               "split the document", field="file")


def _check_pdf(content: bytes, name: str) -> None:
    if not content.lstrip()[:1024].startswith(b"%PDF"):
        raise ValidationFailed(f"{name}: not a PDF file, though its name says so", field="file")
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(content))
        pages = 0 if reader.is_encrypted else len(reader.pages)
        if not reader.is_encrypted and pages == 0:
            raise ValueError("no pages")
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a damaged file
        raise ValidationFailed(f"{name}: damaged PDF ({type(exc).__name__})", field="file") from None
    if pages > MAX_PDF_PAGES:
        raise ValidationFailed(f"{name}: {pages:,} pages, over the limit of {MAX_PDF_PAGES:,}", field="file")
