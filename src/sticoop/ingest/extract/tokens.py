"""A small tokenizer with offsets, tuned for names in en/fr/vi press text ("l'Agence", "Egypt's", "KH&CN")."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"(?:[lLdD]|[Qq]u)['’](?=\w)"  # French elision: l' d' qu'
    r"|['’]s\b"  # English possessive
    r"|[\w&][\w&.\-]*[\w&]|[\w&]"  # words, acronyms (H.E, KH&CN, HUN-REN)
    r"|\S"
)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum() or self.text[:1] == "&"

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def is_acronym(word: str) -> bool:
    """ "BRIN", "HUN-REN", "TA ČR", "KH&CN", "MŠMT": mostly capitals, short."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or len(word) > 14:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper >= 2 and upper / len(letters) >= 0.6
