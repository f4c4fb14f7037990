"""Language-neutral name keys for record linkage: the same body named in English, French or Vietnamese.

A name is folded (:func:`sticoop.core.text.fold`), cut into words, and read left to right, longest phrase
first, against one small bundled table:

- **abbreviations** are spelt out first: ``KH&CN`` / ``KHCN`` → ``khoa hoc va cong nghe``, ``S&T`` → ``science
  and technology``, ``R&D``, ``AI``, ``ICT``, ``ĐHQG``...;
- **generic words** (the kind of body and the common subject words) become one concept token each, the same in
  every language: ``university`` = ``université`` = ``universiteit`` = ``trường đại học`` = ``đại học`` →
  ``#university``; ``ministry`` = ``ministère`` = ``bộ`` → ``#ministry``; ``science`` = ``scientifique`` =
  ``khoa học`` → ``#science``...;
- **country names** in English, French and Vietnamese (Babel's territory names, pycountry's ISO, official and
  common names, the unambiguous part before the comma of an ISO name, and a few conventional short names such as
  "Korea") become ``@`` + the ISO code: ``Việt Nam`` = ``Vietnam`` → ``@VNM``, ``Corée`` = ``Korea`` → ``@KOR``;
- **filler words** (of, the, and, de, la, et, và, của...) are dropped;
- every other word is the **proper-name part** ("gent", "gand", "ghent"), kept as it is, and also as its
  Soundex code (``G530`` for all three), which is how "Université de Gand" meets "Ghent University".

The :func:`neutral` key (concepts, countries and proper words, sorted) is equal for the same name written in
another language or word order; the :func:`sounds` key (proper words replaced by their Soundex code) is equal
when, in addition, the proper name is spelt another way. Text in parentheses is left out of both (it holds
an acronym or a remark: "Ghent University (demo partner)").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from sticoop.core.text import fold

#: abbreviation (folded) -> its spelt-out form (folded)
ABBREVIATIONS: dict[str, str] = {
    "kh&cn": "khoa hoc va cong nghe", "khcn": "khoa hoc va cong nghe",
    "khkt": "khoa hoc ky thuat", "dhqg": "dai hoc quoc gia", "s&t": "science and technology",
    "st&i": "science technology and innovation", "sti": "science technology and innovation",
    "r&d": "research and development", "ai": "artificial intelligence",
    "ict": "information and communication technology", "mou": "memorandum of understanding",
    "univ": "university", "inst": "institute", "dept": "department", "natl": "national", "int'l": "international",
    "intl": "international", "assoc": "association", "tech": "technology",
}

#: concept -> its words and phrases (folded) in en, fr, vi (and nl/de where names often come in them)
GENERIC: dict[str, tuple[str, ...]] = {
    "university": ("university", "universite", "universiteit", "universitat", "truong dai hoc", "dai hoc"),
    "academy": ("academy", "academie", "vien han lam", "han lam"),
    "institute": ("institute", "institut", "instituut", "vien"),
    "ministry": ("ministry", "ministere", "ministerie", "bo"),
    "agency": ("agency", "agence", "co quan"),
    "office": ("office", "bureau", "van phong"),
    "centre": ("centre", "center", "trung tam"),
    "council": ("council", "conseil", "hoi dong"),
    "committee": ("committee", "commission", "comite", "uy ban"),
    "joint": ("joint", "mixte", "hon hop", "lien hop"),
    "national": ("national", "nationale", "quoc gia"),
    "federal": ("federal", "federale"),
    "science": ("science", "sciences", "scientific", "scientifique", "scientifiques", "khoa hoc"),
    "technology": ("technology", "technologies", "technological", "technologie", "technologique", "cong nghe"),
    "research": ("research", "recherche", "recherches", "nghien cuu"),
    "innovation": ("innovation", "innovations", "doi moi sang tao", "doi moi"),
    "development": ("development", "developpement", "phat trien"),
    "economy": ("economy", "economie", "economic", "economique", "kinh te"),
    "education": ("education", "giao duc"),
    "training": ("training", "formation", "dao tao"),
    "cooperation": ("cooperation", "collaboration", "hop tac"),
    "policy": ("policy", "politique", "chinh sach"),
    "foundation": ("foundation", "fondation"),
    "association": ("association", "hiep hoi"),
    "agreement": ("agreement", "agreements", "accord", "accords", "hiep dinh", "thoa thuan"),
    "memorandum": ("memorandum of understanding", "memorandum", "protocole d'accord", "ban ghi nho"),
    "programme": ("programme", "program", "programmes", "programs", "chuong trinh"),
    "session": ("session", "meeting", "reunion", "khoa hop", "ky hop", "phien hop"),
    "international": ("international", "internationale", "quoc te"),
    "information": ("information", "thong tin"),
    "communication": ("communication", "communications", "truyen thong"),
}

#: short country names that are ambiguous in ISO ("Korea, Republic of" / "Korea, Democratic People's
#: Republic of") but have one conventional meaning in cooperation texts
SHORT_COUNTRY_NAMES = {"korea": "KOR", "coree": "KOR", "congo": "COG"}

#: words that carry no meaning in a name (folded)
_FILLER_WORDS = (
    "of the and for in on at to with a an its their between "
    "de du des la le les l d et pour en sur avec au aux un une entre "
    "va cua ve cho voi tai trong cac nhung mot giua"
)
FILLER = frozenset(_FILLER_WORDS.split())

_WORD = re.compile(r"\w+(?:[&']\w+)*")
_PARENS = re.compile(r"\([^)]*\)")
MAX_PHRASE = 4


@cache
def _phrases() -> dict[tuple[str, ...], str]:
    """Phrase (as a word tuple) -> token: concepts ``#x`` and country names ``@XXX`` in en, fr and vi."""
    import pycountry

    from sticoop.core.countries import _territories, all_countries  # noqa: PLC2701

    table: dict[tuple[str, ...], str] = {}
    short: dict[str, set[str]] = {}
    for code, info in all_countries().items():
        names = set(info.names.values()) | {_territories(loc).get(info.alpha2, "") for loc in ("en", "fr", "vi")}
        iso = pycountry.countries.get(alpha_3=code)
        if iso is not None:
            names |= {getattr(iso, attr, "") or "" for attr in ("name", "official_name", "common_name")}
            short.setdefault(iso.name.split(",")[0], set()).add(code)  # "Iran, Islamic Republic of" -> "Iran"
        for name in names:
            words = tuple(_WORD.findall(fold(name)))
            if words and len(words) <= MAX_PHRASE:
                table[words] = "@" + code
    names_of = {name: codes.pop() for name, codes in short.items() if len(codes) == 1}
    for name, code in [*names_of.items(), *SHORT_COUNTRY_NAMES.items()]:
        words = tuple(_WORD.findall(fold(name)))
        if words and len(words) <= MAX_PHRASE:
            table.setdefault(words, "@" + code)
    for concept, variants in GENERIC.items():
        for variant in variants:
            table[tuple(variant.split())] = "#" + concept
    return table


def words(text: str | None) -> list[str]:
    """The folded words of ``text``, parentheses left out and abbreviations spelt out."""
    return list(_words(text or ""))


@lru_cache(maxsize=65_536)
def _words(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for word in _WORD.findall(fold(_PARENS.sub(" ", text or ""))):
        out.extend(ABBREVIATIONS.get(word, word).split())
    return tuple(out)


def tokens(text: str | None) -> list[str]:
    """Concept tokens (``#university``), country tokens (``@VNM``) and proper words, filler dropped, in order."""
    return list(_tokens(text or ""))


@lru_cache(maxsize=65_536)
def _tokens(text: str) -> tuple[str, ...]:
    table = _phrases()
    seq = words(text)
    out: list[str] = []
    i = 0
    while i < len(seq):
        for size in range(min(MAX_PHRASE, len(seq) - i), 0, -1):
            token = table.get(tuple(seq[i:i + size]))
            if token is not None:
                out.append(token)
                i += size
                break
        else:
            if seq[i] not in FILLER:
                out.append(seq[i])
            i += 1
    return tuple(out)


def soundex(word: str) -> str:
    """The American Soundex code of a folded word (``"ghent"``, ``"gent"``, ``"gand"`` → ``"G530"``);
    words that do not start with a letter are returned as they are."""
    if not word or not word[0].isalpha() or not word.isascii():
        return word
    codes = {**dict.fromkeys("bfpv", "1"), **dict.fromkeys("cgjkqsxz", "2"), **dict.fromkeys("dt", "3"),
             "l": "4", **dict.fromkeys("mn", "5"), "r": "6"}
    out, last = word[0].upper(), codes.get(word[0], "")
    for ch in word[1:]:
        code = codes.get(ch, "")
        if code and code != last:
            out += code
        if ch not in "hw":
            last = code
    return (out + "000")[:4]


def neutral(text: str | None) -> str:
    """Language-neutral key: the sorted set of :func:`tokens` ("" when the name has no token)."""
    return " ".join(sorted(set(tokens(text))))


def sounds(text: str | None) -> str:
    """Like :func:`neutral`, proper words replaced by their Soundex code; "" when the name has no proper
    word (a key made only of generic words would meet every body of that kind)."""
    toks = tokens(text)
    proper = [t for t in toks if t[0] not in "#@"]
    if not proper:
        return ""
    return " ".join(sorted({t if t[0] in "#@" else "~" + soundex(t) for t in toks}))


def dice(a: list[str] | set[str], b: list[str] | set[str]) -> float:
    """Sørensen–Dice similarity of two token sets, in [0, 1]."""
    sa, sb = set(a), set(b)
    return 2 * len(sa & sb) / (len(sa) + len(sb)) if sa and sb else 0.0


def containment(part: list[str] | set[str], whole: list[str] | set[str]) -> float:
    """Share of ``part``'s tokens found in ``whole``, proper words weighing half a concept or a country
    (a fragment such as "agreements with Luxembourg soon" is judged on what it names), in [0, 1]."""
    sp, sw = set(part), set(whole)
    if not sp:
        return 0.0
    weight = {t: 1.0 if t[0] in "#@" else 0.5 for t in sp}
    return sum(w for t, w in weight.items() if t in sw) / sum(weight.values())
