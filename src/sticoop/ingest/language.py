"""Language detection: lingua with a handful of languages loaded, plus Lao by its Unicode block.

Why a few languages and not all: lingua's full model set takes >1 GB of memory; en/fr/vi plus some frequent
neighbours (so that "other language" is recognised instead of being forced into en/fr/vi) stays small. Lingua
has no Lao, so Lao is recognised by the share of characters in U+0E80–U+0EFF.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

SUPPORTED: frozenset[str] = frozenset({"en", "fr", "vi"})
_LINGUA_LANGUAGES = (
    "ENGLISH",
    "FRENCH",
    "VIETNAMESE",
    "GERMAN",
    "SPANISH",
    "PORTUGUESE",
    "ITALIAN",
    "INDONESIAN",
    "THAI",
    "CHINESE",
    "JAPANESE",
    "KOREAN",
    "RUSSIAN",
    "ARABIC",
)


@dataclass(frozen=True)
class LanguageResult:
    """ISO 639-1 code (None when undecidable), confidence 0..1, and whether extraction supports it."""

    code: str | None
    confidence: float
    supported: bool


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, name) for name in _LINGUA_LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def _lao_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0e80" <= c <= "\u0eff") / len(letters)


def detect_language(text: str, sample: int = 3000) -> LanguageResult:
    """Detect the language of a document from its first `sample` characters."""
    snippet = (text or "")[:sample]
    if sum(1 for c in snippet if c.isalpha()) < 3:
        return LanguageResult(None, 0.0, False)
    if _lao_share(snippet) > 0.3:
        return LanguageResult("lo", 0.95, False)
    detector = _detector()
    values = detector.compute_language_confidence_values(snippet)
    if not values:
        return LanguageResult(None, 0.0, False)
    best = values[0]
    code = best.language.iso_code_639_1.name.lower()
    return LanguageResult(code, float(best.value), code in SUPPORTED)
