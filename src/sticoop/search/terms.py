"""Words of a query or a text as the full-text indexes cut them, and the highlighted snippet of a hit.

Both indexes split on white space, punctuation and symbols (FTS5 ``unicode61``; PostgreSQL's ``simple``
parser) and see folded text (:func:`sticoop.core.text.fold`), so the query is cut the same way here. The
snippet is built from the record's original text (with its accents): each original word is folded and compared
with the query's words, so "bo khoa hoc" highlights "Bộ Khoa học". Everything else is HTML-escaped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from markupsafe import Markup, escape

from sticoop.core.text import fold

#: at most this many words of a query are searched (more adds nothing but cost)
MAX_TERMS = 12
_BEFORE, _AFTER = 10, 24


def _is_word_char(ch: str) -> bool:
    """A letter, digit or mark (Unicode categories L, N, M): what both index tokenizers keep in a word."""
    return unicodedata.category(ch)[0] in "LNM"


def spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each word of ``text`` (characters; end exclusive)."""
    start = -1
    for i, ch in enumerate(text):
        if _is_word_char(ch):
            if start < 0:
                start = i
        elif start >= 0:
            yield start, i
            start = -1
    if start >= 0:
        yield start, len(text)


def query_terms(q: str) -> list[str]:
    """The folded words of a query, first :data:`MAX_TERMS`, each once: ``"Bộ  Khoa-học"`` → ``["bo", "khoa",
    "hoc"]``. Empty when the query has no word (only punctuation)."""
    folded = fold(q)
    words: list[str] = []
    for start, end in spans(folded):
        word = folded[start:end]
        if word not in words:
            words.append(word)
    return words[:MAX_TERMS]


def _matches(word: str, terms: list[str]) -> bool:
    folded = fold(word)
    return any(folded.startswith(t) for t in terms)


def snippet(text: str, terms: list[str]) -> Markup | None:
    """The passage of ``text`` around the first word matching a term (prefix match on the folded word), as
    HTML: the text escaped, the matching words in ``<mark>``, "…" where the passage was cut. None when no word
    of ``text`` matches."""
    words = list(spans(text))
    first = next((i for i, (s, e) in enumerate(words) if _matches(text[s:e], terms)), None)
    if first is None:
        return None
    lo, hi = max(0, first - _BEFORE), min(len(words), first + _AFTER)
    # the whole text on a side where no word is cut off (keeps leading and trailing punctuation)
    start = words[lo][0] if lo > 0 else 0
    end = words[hi - 1][1] if hi < len(words) else len(text)
    out = [Markup("…") if start > 0 else Markup("")]
    cursor = start
    for s, e in words[lo:hi]:
        if _matches(text[s:e], terms):
            out.append(escape(text[cursor:s]))
            out.append(Markup("<mark>") + escape(text[s:e]) + Markup("</mark>"))
            cursor = e
    out.append(escape(text[cursor:end]))
    if end < len(text):
        out.append(Markup("…"))
    return Markup("").join(out)
