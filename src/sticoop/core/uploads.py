"""Reading an uploaded file without ever holding more than the configured limit (+1 byte) in memory, and
checking that what it holds is what its name says (no programs, no zip bombs, no fake PDFs)."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from fastapi import UploadFile

from sticoop.core.config import get_settings
from sticoop.core.errors import PayloadTooLarge, ValidationFailed


async def read_limited(upload: UploadFile, limit: int | None = None) -> bytes:
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
#: programs, whatever their name says: Windows PE, ELF, Mach-O (thin and fat)
EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe",
                    b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe")
EXECUTABLE_SUFFIXES = frozenset({".exe", ".dll", ".com", ".bat", ".cmd", ".msi", ".scr", ".pif", ".cpl", ".jar",
                                 ".js", ".vbs", ".wsf", ".ps1", ".sh", ".app", ".apk", ".elf", ".so", ".dylib"})
ZIP_SUFFIXES = frozenset({".zip", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".epub"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".csv", ".tsv", ".html", ".htm", ".json", ".xml", ".ics"})


def check_content(content: bytes, filename: str) -> None:
    """Refuse a file whose content is dangerous or not what its name says, without opening more than headers.

    Raises :class:`ValidationFailed` (422) naming the file for: a program (by content or by name), a zip-based
    file that would inflate past ``MAX_INFLATED_BYTES``, hold more than ``MAX_ARCHIVE_PARTS`` parts or be
    compressed more than ``MAX_COMPRESSION_RATIO``:1 (a zip bomb), a ``.pdf`` that is not a readable PDF, a
    zip-based name whose content is not a zip, a text name whose content is binary."""
    name = PurePath(filename).name or "the file"
    suffix = PurePath(filename).suffix.lower()
    if suffix in EXECUTABLE_SUFFIXES or content.startswith(EXECUTABLE_MAGIC):
        raise ValidationFailed(f"{name}: programs are not accepted as documents", field="file")
    if content.startswith(b"PK\x03\x04") or suffix in ZIP_SUFFIXES:
        _check_archive(content, name)
    if suffix == ".pdf":
        _check_pdf(content, name)
    elif suffix in TEXT_SUFFIXES and b"\x00" in content[:65536]:
        raise ValidationFailed(f"{name}: binary content, not text", field="file")


def _check_archive(content: bytes, name: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError):
        raise ValidationFailed(f"{name}: not a valid archive, though its name says so", field="file") from None
    with archive:
        infos = archive.infolist()
    total = sum(i.file_size for i in infos)
    packed = max(sum(i.compress_size for i in infos), 1)
    if len(infos) > MAX_ARCHIVE_PARTS:
        raise ValidationFailed(f"{name}: {len(infos)} parts; refused as a possible zip bomb", field="file")
    if total > MAX_INFLATED_BYTES:
        raise ValidationFailed(f"{name}: would inflate to {total / 1048576:.0f} MB; refused as a zip bomb",
                               field="file")
    if total > 10 * 1024 * 1024 and total / packed > MAX_COMPRESSION_RATIO:
        raise ValidationFailed(f"{name}: compression ratio {total / packed:.0f}:1; refused as a zip bomb",
                               field="file")


def _check_pdf(content: bytes, name: str) -> None:
    if not content.lstrip()[:1024].startswith(b"%PDF"):
        raise ValidationFailed(f"{name}: not a PDF file, though its name says so", field="file")
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(content))
        if not reader.is_encrypted and len(reader.pages) == 0:
            raise ValueError("no pages")
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a damaged file
        raise ValidationFailed(f"{name}: damaged PDF ({type(exc).__name__})", field="file") from None
