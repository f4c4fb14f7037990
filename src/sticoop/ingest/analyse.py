"""The heavy half of ingesting a document, run in a worker process (``sticoop.core.offload``): read the
file into text, detect its language, extract the proposed records. Pure: bytes and the gazetteer in, an
:class:`Analysis` out, no database, so it can run in another process under a time limit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sticoop.core.errors import ValidationFailed
from sticoop.core.uploads import check_content
from sticoop.ingest.readers import ReaderError, read_bytes

#: languages extraction knows (others are kept as "unsupported" intakes)
EXTRACTED_LANGUAGES = ("en", "fr", "vi")


@dataclass(frozen=True)
class Analysis:
    """What a document says: its text, title, publication date and language (ISO 639-1, or None), and the
    extraction's labels (None when the language is not one extraction knows)."""

    text: str
    title: str | None
    published: date | None
    language: str | None
    labels: dict[str, Any] | None


def analyse(content: bytes, filename: str, max_bytes: int, published: date | None, gazetteer: Any) -> Analysis:
    """Check (``core.uploads.check_content``), read, detect the language and extract ``content``; raises
    ValidationFailed (422) naming the file and the rule or limit when it cannot be read. The checks come
    first, before any parser or language model is loaded."""
    check_content(content, filename)
    suffix = Path(filename).suffix.lower() or ".html"
    try:
        doc = read_bytes(content, suffix, name=filename, max_bytes=max_bytes)
    except ReaderError as exc:
        raise ValidationFailed(str(exc), field="file") from None
    from sticoop.ingest.extract import extract
    from sticoop.ingest.language import detect_language

    language = doc.language or detect_language(doc.text).code
    published = published or doc.published
    labels = None
    if language in EXTRACTED_LANGUAGES:
        labels = extract(doc.text, published=published, language=language, gazetteer=gazetteer).to_labels()
    return Analysis(doc.text, doc.title, published, language, labels)
