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
_PUNCTUATION = {
    **dict.fromkeys("\u2019\u2018\u201b\u02bc\u2032`\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043", "-"),
    **dict.fromkeys("\u200b\ufeff\u00ad", ""),
}
_PUNCTUATION_RE = re.compile("[" + "".join(_PUNCTUATION) + "]")


#: marks of the generic combining blocks (Vietnamese, French... accents) right after a Latin base letter
_LATIN_MARKS = re.compile("(?<=[a-z])[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
#: Latin blocks: Latin-1 Supplement, Extended-A/B, IPA, Extended Additional, Extended-C/D/E
_LATIN_BLOCKS = ((0x00C0, 0x024F), (0x0250, 0x02AF), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF),
                 (0xAB30, 0xAB6F))


@lru_cache(maxsize=1)
def _spell_out() -> tuple[re.Pattern[str], dict[str, str]]:
    """Latin letters that have no decomposition (œ, æ, ø, ł, đ, ð, þ, ı...) → their ASCII spelling, and a
    pattern finding them (a regex touches only the few such letters; str.translate would look up every one)."""
    table: dict[str, str] = {}
    for low, high in _LATIN_BLOCKS:
        for code in range(low, high + 1):
            ch = chr(code)
            if (unicodedata.name(ch, "").startswith("LATIN ") and unicodedata.normalize("NFD", ch) == ch
                    and (spelled := unidecode(ch).casefold()) and spelled.isascii() and spelled != ch):
                table[ch] = spelled
    return re.compile("[" + "".join(table) + "]"), table


def fold(text: str | None) -> str:
    """The comparison key of ``text`` (see the module docstring for every rule); ``""`` for None or empty.

    >>> fold("  Bộ Khoa học và Công nghệ ")
    'bo khoa hoc va cong nghe'
    >>> fold("Œuvre Straße d’Été")
    "oeuvre strasse d'ete"
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        text = _PUNCTUATION_RE.sub(lambda m: _PUNCTUATION[m.group()], text)
    text = text.replace("`", "'").casefold()
    if not text.isascii():
        pattern, table = _spell_out()
        decomposed = pattern.sub(lambda m: table[m.group()], unicodedata.normalize("NFD", text))
        text = unicodedata.normalize("NFC", _LATIN_MARKS.sub("", decomposed))
    return _SPACES.sub(" ", text).strip()


def like_pattern(query: str) -> str:
    """A LIKE pattern for a folded free-text query, with LIKE wildcards escaped (escape char ``\\``)."""
    folded = fold(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{folded}%"
