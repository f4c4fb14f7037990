"""The one text fold of sticoop: search, duplicate detection, ingest matching and matchmaking all use it.

:func:`fold` turns a name or a phrase into the key two people would agree is "the same text":

- **case**: Unicode case folding (``"Straße"`` → ``"strasse"``, ``"ĐÀ NẴNG"`` → ``"da nang"``);
- **Latin letters**: diacritics are removed (``"Bộ Khoa học"`` → ``"bo khoa hoc"``, ``"Société"`` →
  ``"societe"``) and the letters that are not a base letter plus a mark are spelled out in ASCII:
  ``œ`` → ``oe``, ``æ`` → ``ae``, ``ß`` → ``ss``, ``đ``/``ð`` → ``d``, ``ø`` → ``o``, ``ł`` → ``l``,
  ``þ`` → ``th`` (by ``unidecode``, applied to Latin letters only);
- **other scripts are kept**: Lao, Thai, Khmer, Korean, Chinese, Cyrillic, Greek... are only case-folded
  and normalised (NFKC), never stripped or transliterated: a Lao tone mark or vowel sign changes the word,
  so ``"ກະຊວງ ວິທະຍາສາດ"`` stays Lao and still only matches itself;
- **compatibility forms** are unified (NFKC): full-width ``"ＡＢＣ"`` → ``"abc"``, the ligature ``"ﬁ"`` → ``"fi"``,
  the Lao ``ໜ`` → ``ຫນ``, the Thai ``ำ`` → ``ํา``;
- **apostrophes and quotes**: ``’ ‘ ʼ ′ ` ´`` become ``'`` and ``“ ” „ « » ″`` become ``"``, so
  ``"Côte d’Ivoire"`` and ``"Cote d'Ivoire"`` fold alike;
- **dashes**: hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar and minus become ``-``;
- **white space**: any run of spaces, tabs, new lines or no-break spaces becomes one space, with none at
  either end; zero-width spaces, byte-order marks and soft hyphens are dropped.

Everything else (digits, other punctuation, symbols) is left as it is. The result is meant for comparing
and indexing, never for display, and may be longer or shorter than the input.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

_SPACES = re.compile(r"\s+")
_PUNCTUATION = str.maketrans({
    **dict.fromkeys("\u2019\u2018\u201b\u02bc\u2032`\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043", "-"),
    **dict.fromkeys("\u200b\ufeff\u00ad", None),
})


@lru_cache(maxsize=4096)
def _latin(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN ")


@lru_cache(maxsize=4096)
def _spell_out(ch: str) -> str:
    """A Latin letter that has no decomposition (œ, ø, ł, đ...) in ASCII; any other character unchanged."""
    if ch.isascii() or not _latin(ch):
        return ch
    return unidecode(ch).lower() or ch


def fold(text: str | None) -> str:
    """The comparison key of ``text`` (see the module docstring for every rule); ``""`` for None or empty.

    >>> fold("  Bộ Khoa học và Công nghệ ")
    'bo khoa hoc va cong nghe'
    >>> fold("Œuvre Straße d’Été")
    "oeuvre strasse d'ete"
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCTUATION).casefold()
    if not text.isascii():
        out: list[str] = []
        base_is_latin = False
        for ch in unicodedata.normalize("NFD", text):
            if unicodedata.combining(ch):
                if not base_is_latin:
                    out.append(ch)  # a mark on a non-Latin letter is part of the word: keep it
                continue
            base_is_latin = ch.isascii() or _latin(ch)
            out.append(_spell_out(ch))
        text = unicodedata.normalize("NFC", "".join(out))
    return _SPACES.sub(" ", text).strip()


def like_pattern(query: str) -> str:
    """A LIKE pattern for a folded free-text query, with LIKE wildcards escaped (escape char ``\\``)."""
    folded = fold(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{folded}%"
