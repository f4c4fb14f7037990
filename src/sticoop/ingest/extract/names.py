"""Matching keys of organisation and person names, shared by extraction (merging mentions, the gazetteer) and
by the scoring harness (``ingest/evaluation``), which imports it from here: evaluation depends on extraction,
never the reverse.
"""

from __future__ import annotations

import re
import unicodedata

from sticoop.ingest.extract.lang.en.names import SMALL_WORDS as EN_SMALL_WORDS
from sticoop.ingest.extract.lang.fr.names import SMALL_WORDS as FR_SMALL_WORDS
from sticoop.ingest.extract.lang.vi.names import SMALL_WORDS as VI_SMALL_WORDS
from sticoop.ingest.extract.textutil import fold

#: small words of every supported language, left out of a name's key
SMALL_WORDS: frozenset[str] = EN_SMALL_WORDS | FR_SMALL_WORDS | VI_SMALL_WORDS
_PAREN = re.compile(r"\(([^()]*)\)")


def _word_char(ch: str) -> bool:
    """Letters, digits, spaces and marks: a Lao or Thai vowel sign is part of its word, not punctuation."""
    return ch.isalnum() or ch.isspace() or unicodedata.category(ch).startswith("M")


def normalize_name(name: str) -> str:
    """Name key for matching: no parenthesised parts, diacritics, case, punctuation or small words.

    "Ministère de l'Éducation (MEXT)" -> "ministere education"; "" when nothing is left.
    """
    text = _PAREN.sub(" ", name)
    text = "".join(ch if _word_char(ch) else " " for ch in fold(text))
    return " ".join(w for w in text.split() if w not in SMALL_WORDS)

