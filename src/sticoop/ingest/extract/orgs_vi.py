"""Vietnamese organisations that no head noun announces ("Mạng lưới Đổi mới sáng tạo Việt Nam (VIN)",
"Samsung Việt Nam", "VinIF", "FPT").

Why separate rules: Vietnamese capitalises only the first syllable of a name's words and leaves the rest
lower case, so "a run of capitalised words" (the English cue) cuts names short, and there is no Vietnamese
NER model here. Two cues are strong enough to use without one:

- an acronym in parentheses closes a name: the name runs back from it to the nearest boundary (punctuation,
  a function word, a role such as "Giám đốc"), and must start with a capital;
- right after a word that introduces a party ("của", "với", "và", "giữa", "cùng", "bởi"), a run of
  capitalised words is a name when it *looks like* one that is not a person or a place: it holds an acronym
  of three letters or more ("FPT"), an inner capital ("VinIF"), or is a name followed by a country
  ("Samsung Việt Nam"). A lone capitalised syllable followed by lower case ("với Bộ trưởng") is a common
  noun, and runs that start with a Vietnamese surname are people, so both are left alone.
Common technical acronyms ("AI", "IoT", "CNTT", "R&D") are never organisations.
The words live in ``lang/vi/organizations.py``.
"""

from __future__ import annotations

from sticoop.ingest.extract.lang.vi.organizations import (
    BOUNDARY_WORDS,
    LEADING_PAIRS,
    NOT_ORGANISATION_START,
    PARTY_WORDS,
    TECH_ACRONYMS,
)
from sticoop.ingest.extract.tokens import Token, is_acronym

MAX_WORDS = 14


def _pair(tokens: list[Token], k: int) -> str:
    return f"{tokens[k].lower} {tokens[k + 1].lower}" if k + 1 < len(tokens) else ""


def _brand_like(word: str) -> bool:
    """'FPT', 'VNPT', 'VinIF', 'PetroVietnam': an acronym of 3+ letters or a word with an inner capital."""
    if word.upper() in TECH_ACRONYMS:
        return False
    letters = [c for c in word if c.isalpha()]
    inner_capital = len(letters) > 2 and word[:1].isupper() and any(c.isupper() for c in word[1:])
    return (is_acronym(word) and len(letters) >= 3) or inner_capital


def _strip_leading(tokens: list[Token], a: int, b: int) -> int:
    """Skip roles and lower-case words at the start of tokens[a:b]; returns the first index of the name."""
    while a < b:
        if a + 1 < b and _pair(tokens, a) in LEADING_PAIRS:
            a += 2
        elif not tokens[a].is_cap or tokens[a].lower in BOUNDARY_WORDS:
            a += 1
        else:
            break
    return a


def _country_len(tokens: list[Token], j: int, places: frozenset[str]) -> int:
    for length in (3, 2, 1):
        words = tokens[j : j + length]
        if len(words) == length and " ".join(w.text for w in words) in places:
            return length
    return 0


def _head_at(tokens: list[Token], k: int, heads: tuple[str, ...]) -> bool:
    return any([x.text for x in tokens[k : k + len(h.split())]] == h.split() for h in heads)


def _closing_paren(tokens: list[Token], j: int) -> int | None:
    """Index of the ')' closing an acronym or brand-like alias in parentheses opened at j (None when none)."""
    k = j + 1
    while k < len(tokens) and k < j + 6 and tokens[k].text != ")":
        k += 1
    if k >= len(tokens) or tokens[k].text != ")" or k == j + 1:
        return None
    alias = "".join(x.text for x in tokens[j + 1 : k])
    if not (is_acronym(alias) or _brand_like(alias)) or alias.upper() in TECH_ACRONYMS:
        return None
    return k


def acronym_closed(
    tokens: list[Token],
    covered: set[int],
    body_start: int,
    places: frozenset[str],
    surnames: frozenset[str],
    heads: tuple[str, ...] = (),
) -> list[tuple[int, int, int]]:
    """(first token, index of '(', index after ')') of names closed by an acronym in parentheses.

    The name starts at the earliest head noun in reach ("... giao Liên hiệp các Hội ... (VUSTA)": a head
    followed by lower case, which the head rule does not take), else after the roles and lower-case words
    that lead up to it."""
    out: list[tuple[int, int, int]] = []
    for j, t in enumerate(tokens):
        if t.text != "(" or j in covered or t.start < body_start or j == 0:
            continue
        k = _closing_paren(tokens, j)
        if k is None:
            continue
        a = j
        while a > 0 and j - a < MAX_WORDS:
            prev = tokens[a - 1]
            if not prev.is_word or prev.text.isdigit() or (a - 1) in covered:
                break
            inside = prev.lower == "và" and tokens[a].is_cap  # "Khoa học và Kỹ thuật": 'và' inside a name
            if prev.lower in BOUNDARY_WORDS and not inside:
                break
            if prev.text in surnames and tokens[a].is_cap:  # "Nguyễn Văn An, ..." is a person
                break
            a -= 1
        head = next((k for k in range(a, j - 1) if _head_at(tokens, k, heads)), None)
        a = head if head is not None else _strip_leading(tokens, a, j)
        if j - a < 2 or _pair(tokens, a) in NOT_ORGANISATION_START or tokens[a].lower in NOT_ORGANISATION_START:
            continue
        if " ".join(x.text for x in tokens[a:j]) in places or tokens[a].text in surnames:
            continue
        out.append((a, j, k + 1))
    return out


def after_party_word(
    tokens: list[Token],
    covered: set[int],
    body_start: int,
    countries: frozenset[str],
    surnames: frozenset[str],
) -> list[tuple[int, int]]:
    """(first token, index after the last) of brand-like names right after 'của/với/và/giữa...'.
    `countries` holds country names only: "TP Hồ Chí Minh" is a city, not "a name followed by a country"."""
    places = countries
    out: list[tuple[int, int]] = []
    n = len(tokens)
    for i, t in enumerate(tokens[:-1]):
        if t.lower not in PARTY_WORDS or t.start < body_start:
            continue
        a = i + 1
        if _pair(tokens, a) in LEADING_PAIRS:  # "của đại diện Samsung Việt Nam"
            a += 2
        j = a
        while j < n and j - a < 5 and j not in covered and tokens[j].is_word and tokens[j].is_cap:
            country = _country_len(tokens, j, places)
            if country and j > a:  # "Samsung Việt Nam": the country closes the name
                j += country
                break
            if country:
                break
            j += 1
        if j == a:
            continue
        words = tokens[a:j]
        if words[0].text in surnames or " ".join(w.text for w in words) in places:
            continue
        named_country = any(_country_len(tokens, m, places) + m == j for m in range(a + 1, j))
        if not (any(_brand_like(w.text) for w in words) or named_country):
            continue
        out.append((a, j))
    return out
