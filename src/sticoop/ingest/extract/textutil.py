"""Text helpers shared by the extractors: sentence spans, the dateline, accent-free keys.

Why hand-written: extractors need character offsets for evidence, and a regex splitter that knows the
abbreviations of press style (Dr., Mr., H.E., PGS.TS.) is faster and steadier than a parser for this.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from sticoop.core.text import fold  # the one fold; extractors import it from here too
from sticoop.ingest.extract.lang.en import sentences as en
from sticoop.ingest.extract.lang.fr import sentences as fr
from sticoop.ingest.extract.lang.vi import sentences as vi

#: abbreviations of every language whose full stop ends no sentence (lower case, no final full stop)
ABBREVIATIONS: frozenset[str] = en.ABBREVIATIONS | fr.ABBREVIATIONS | vi.ABBREVIATIONS
_SENT_END = re.compile(r"[.!?…]+[\"»”’)]*(?=\s+[\"«“(]?[A-ZÀ-ỸĐ0-9])|\n\s*\n|\n(?=\s*[A-ZÀ-ỸĐ\"«“])")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    index: int
    paragraph: int


def _is_abbreviation(text: str, dot: int) -> bool:
    # look back a bounded window only: searching the whole prefix made sentence splitting quadratic
    m = re.search(r"([\w.]+)$", text[max(0, dot - 40) : dot])
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


@lru_cache(maxsize=64)
def _split(text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    start = 0
    paragraph = 0
    for m in _SENT_END.finditer(text):
        if m.group(0).startswith(".") and _is_abbreviation(text, m.start()):
            continue
        end = m.end()
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            out.append(Sentence(start + lead, end, chunk.strip(), len(out), paragraph))
        if "\n\n" in text[m.start() : m.end() + 1] or "\n" in m.group(0):
            paragraph += 1
        start = end
    chunk = text[start:]
    if chunk.strip():
        lead = len(chunk) - len(chunk.lstrip())
        out.append(Sentence(start + lead, len(text), chunk.strip(), len(out), paragraph))
    return tuple(out)


def sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences with their character offsets (cached per text)."""
    return _split(text)


@lru_cache(maxsize=64)
def _starts(text: str) -> tuple[int, ...]:
    return tuple(s.start for s in _split(text))


def sentence_at(text: str, pos: int) -> Sentence | None:
    """The sentence holding character `pos` (or ending right before it), found by bisection."""
    sents = _split(text)
    i = bisect.bisect_right(_starts(text), pos) - 1
    if i >= 0 and sents[i].start <= pos < sents[i].end + 1:
        return sents[i]
    return None


_DATELINE = re.compile(
    r"^\s*(?:date\s+\d{4}-\d{2}-\d{2}\s+)?"
    r"(?P<place>[A-ZÀ-ỸĐ][\w’'\-. ]{1,40}?)\s*,\s*(?P<date>[^–—\n]{0,40}?)\s*(?:\([^)]{1,40}\)\s*)?[–—-]\s",
)


#: how many lines of page stamps ("Thứ Tư, 05/03/2025 - 21:10", "Posted: ...") may stand before the dateline
STAMP_LINES = 3
#: the longest line a page stamp or headline above the dateline holds, in characters; a longer one is the body
STAMP_LENGTH = 200


def _dateline_at(text: str) -> int:
    m = _DATELINE.match(text)
    if m:
        return m.end()
    m = re.match(r"^\s*(?P<place>[A-ZÀ-ỸĐ][\w ]{1,30})\s*\([A-Z]{2,8}\)\s*[–—-]\s", text)
    return m.end() if m else 0


def dateline_end(text: str) -> int:
    """Offset where the dateline ("CANBERRA, 8 March 2024 (wire) –") ends, 0 when there is none. The dateline
    opens the text or one of its next :data:`STAMP_LINES` lines, after page stamps ("Thứ Tư, 05/03/2025 -
    21:10\n\nHà Nội, ngày 5/3 (TTXVN) – ..."): the last one found ends it."""
    end, pos = _dateline_at(text), 0
    for _ in range(STAMP_LINES):
        nxt = text.find("\n", pos)
        if nxt < 0 or nxt - pos > STAMP_LENGTH:
            break  # a body paragraph was read: "Nhân dịp này, Viện ... Việt Nam - Lào ..." below it is no dateline
        pos = nxt + 1
        while pos < len(text) and text[pos] in "\n\r":
            pos += 1
        if pos >= end:
            found = _dateline_at(text[pos:])
            end = pos + found if found else end
    return end


def dateline_place(text: str) -> tuple[str, int] | None:
    m = _DATELINE.match(text) or re.match(
        r"^\s*(?P<place>[A-ZÀ-ỸĐ][\w ]{1,30})\s*\([A-Z]{2,8}\)\s*[–—-]\s", text
    )
    if not m:
        return None
    return m.group("place").strip(), m.start("place")


def fold_keep_length(text: str) -> str:
    """:func:`sticoop.core.text.fold` one character at a time, keeping the input's length so regex offsets
    stay valid: a character whose fold is not exactly one character (``œ`` → ``oe``, a space) stays as
    it is (lower-cased when that keeps the length)."""
    out = []
    for ch in text:
        base = fold(ch)
        if len(base) != 1:
            lower = ch.lower()
            base = lower if len(lower) == 1 else ch
        out.append(base)
    return "".join(out)


def normalize_quotes(text: str) -> str:
    """Curly apostrophes to straight ones (same length)."""
    return text.replace("’", "'").replace("‘", "'")
