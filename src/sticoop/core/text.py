"""Text folding so that Vietnamese (and French) text is searchable with and without diacritics."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Lower-case, strip diacritics (including Vietnamese đ/Đ), collapse spaces.

    "Bộ Khoa học và Công nghệ" and "bo khoa hoc va cong nghe" fold to the same string, which is what
    an official typing on a keyboard without a Vietnamese layout expects to find.
    """
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def like_pattern(query: str) -> str:
    """A LIKE pattern for a folded free-text query, with LIKE wildcards escaped (escape char ``\\``)."""
    folded = fold(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{folded}%"
