"""Countries: every mention (names, adjectives, demonyms, French compound prefixes, major cities) in en/fr/vi,
and the choice of the PARTIES to the cooperation among them.

The lexicon is built from Babel's CLDR territory names + pycountry + the hand-kept adjective/city lists in
`lang/xx/countries.py`, so no country is typed per article. Parties are chosen by evidence weight: a mention in the
lead sentence counts more, a mention in a "by the way" sentence ("similar arrangements with...", "observers",
"tương tự", "semblables") counts nothing, cities count half; a country needs enough weight to be a party.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from babel import Locale

from sticoop.ingest.extract.lang.en import countries as en
from sticoop.ingest.extract.lang.fr import countries as fr
from sticoop.ingest.extract.lang.vi import countries as vi
from sticoop.ingest.extract.lang.xx.countries import (
    AMBIGUOUS,
    AMBIGUOUS_NOT_BEFORE,
    AMBIGUOUS_OK_BEFORE,
    CITIES,
    DEMONYMS,
    EXTRA_NAMES,
    FRENCH_PREFIXES,
    PLACES_NAMED_AFTER,
    REGIONS,
)
from sticoop.ingest.extract.model import Evidence, Value
from sticoop.ingest.extract.textutil import dateline_end, normalize_quotes, sentence_at, sentences


@dataclass(frozen=True)
class Mention:
    code: str
    start: int
    end: int
    kind: str  # name | adjective | region | city | prefix
    surface: str


def _french_forms(base: str) -> set[str]:
    forms = {base}
    if base.endswith("ien") or base.endswith("éen") or base.endswith("en"):
        forms |= {base + "s", base + "ne", base + "nes"}
    elif base.endswith("e"):
        forms |= {base + "s"}
    elif base.endswith("s"):
        forms |= {base + "e", base + "es"}
    elif base.endswith("c"):
        forms |= {base + "s", base[:-1] + "que", base[:-1] + "ques"}
    else:
        forms |= {base + "s", base + "e", base + "es"}
    forms |= {f[:1].upper() + f[1:] for f in list(forms)}
    return forms


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, str]]:
    """Surface form -> (ISO alpha-3, kind)."""
    forms: dict[str, tuple[str, str]] = {}

    def add(form: str, code: str, kind: str) -> None:
        form = normalize_quotes(re.sub(r"\s*\(.*?\)", "", form)).strip()
        if len(form) >= 2 and form not in forms:
            forms[form] = (code, kind)
        if form[:1] in "ÉÈ" and len(form) >= 2:  # French press drops accents on capitals: "Egypte", "Etats-Unis"
            forms.setdefault("E" + form[1:], (code, kind))

    for extra_code, names in EXTRA_NAMES.items():
        for name in names:
            add(name, extra_code, "name")
    territories = {loc: dict(Locale.parse(loc).territories) for loc in ("en", "fr", "vi", "lo")}
    for country in pycountry.countries:
        for loc in territories.values():
            if local := loc.get(country.alpha_2):
                add(local, country.alpha_3, "name")
        for attr in ("common_name", "name"):
            if own := getattr(country, attr, None):
                add(own, country.alpha_3, "name")
    for line in DEMONYMS.strip().splitlines():
        code, en, fr = line.split("|")
        for adj in en.split(","):
            add(adj.strip(), code, "adjective")
        for adj in fr.split(","):
            for form in _french_forms(adj.strip()):
                add(form, code, "adjective")
    for line in REGIONS.strip().splitlines():
        code, region_names = line.split("|")
        for name in region_names.split(","):
            add(name.strip(), code, "region")
    for line in CITIES.strip().splitlines():
        code, city_names = line.split("|")
        for name in city_names.split(","):
            add(name.strip(), code, "city")
    return forms


def _case_ok(form: str, surface: str) -> bool:
    """Names must keep their capital (so 'chad' or 'turkey' are not countries); French adjectives may not."""
    return surface[:1].isupper() or not form[:1].isupper()


@lru_cache(maxsize=1)
def _lower_lexicon() -> dict[str, tuple[str, tuple[str, str]]]:
    """lower-cased form -> (the form as listed, entry); listed capitalised forms win over lower-case ones."""
    out: dict[str, tuple[str, tuple[str, str]]] = {}
    for form, entry in sorted(lexicon().items(), key=lambda kv: kv[0][:1].islower()):
        out.setdefault(form.lower(), (form, entry))
    return out


_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
#: a French elided article or preposition glued to the next word ("l'Algérie", "d'Egypte")
_ELISION = re.compile(r"(?:[lLdD]|[Qq]u)['’](?=[^\W_])")
_MAX_WORDS = 5


def _joined(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    gap = text[a[1] : b[0]]
    return gap in (" ", "-") or (gap == ". " and text[a[0] : a[1]] in ("TP", "Tp"))


def find_mentions(text: str) -> list[Mention]:
    """Every country mention in the text, with offsets.

    Word n-grams (longest first) are looked up in the lexicon: a dictionary probe per n-gram is much faster than
    one regex with thousands of alternatives. Words may be joined by one space or a hyphen ('Guinea-Bissau').
    Only words that begin some listed form start a look-up (:func:`_first_words`).
    """
    text_n = normalize_quotes(text)
    words = [(m.start(), m.end()) for m in _WORDS.finditer(text_n)]
    #: joined[k]: word k and word k + 1 may belong to one name (one space or hyphen between them)
    joined = [_joined(text_n, words[k], words[k + 1]) for k in range(len(words) - 1)]
    out: list[Mention] = []
    i = 0
    while i < len(words):
        found = _mention_at(text_n, words, i, joined)
        if found is None and _ELISION.match(text_n, words[i][0]):  # "l'Algérie", "d'Egypte": the name after
            whole = words[i]
            words[i] = (whole[0] + _ELISION.match(text_n, whole[0]).end() - whole[0], whole[1])  # type: ignore[union-attr]
            found = _mention_at(text_n, words, i, joined)
            words[i] = whole
        if found is None:
            prefix = _prefix_at(text_n, words[i])
            if prefix is not None:
                out.append(prefix)
            i += 1
            continue
        out.append(found[1])
        i += found[0]
    return out


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The lower-cased first word of every listed form ("south" of "South Africa", "tp" of "TP Hồ Chí Minh"): a
    word that begins none of them starts no mention, so the n-gram look-ups are skipped for it."""
    firsts = set()
    for form in lexicon():
        first = _WORDS.search(normalize_quotes(form).lower())
        if first is not None:
            firsts.add(first.group(0))
    return frozenset(firsts)


def _mention_at(text_n: str, words: list[tuple[int, int]], i: int,
                joined: list[bool]) -> tuple[int, Mention] | None:
    """The longest country form starting at word i, and how many words it takes (``joined`` as
    :func:`find_mentions` computes it)."""
    first = text_n[words[i][0] : words[i][1]].lower()
    if first not in _first_words() and first[-2:] != "'s":
        return None
    lex, lower_lex = lexicon(), _lower_lexicon()
    longest = 1  # words joined by a space or hyphen; "TP. Hồ Chí Minh" (thành phố) too
    while longest < min(_MAX_WORDS, len(words) - i) and joined[i + longest - 1]:
        longest += 1
    for n in range(longest, 0, -1):
        start, end = words[i][0], words[i + n - 1][1]
        surface = text_n[start:end].replace("TP. ", "TP ").replace("Tp. ", "TP ")
        if surface[-2:] == "'s":  # English possessive: "India's Minister", "South Africa's Department"
            surface, end = surface[:-2], end - 2
        entry = lex.get(surface)
        if entry is None:
            hit = lower_lex.get(surface.lower())
            if hit is None or not _case_ok(hit[0], surface):
                continue
            entry = hit[1]
        place = PLACES_NAMED_AFTER.get(surface)
        if place and re.match(place, text_n[end : end + 20]):
            continue  # "Lào Cai": a province named after the country, not the country
        if surface in AMBIGUOUS:
            before = text_n[max(0, start - 12) : start].rstrip().lower()
            if not any(before.endswith(cue.lower()) for cue in AMBIGUOUS_OK_BEFORE):
                continue
            not_before = AMBIGUOUS_NOT_BEFORE.get(surface)
            if not_before and re.match(not_before, text_n[end : end + 20], re.I):
                continue
        return n, Mention(entry[0], start, end, entry[1], surface)
    return None


def _prefix_at(text_n: str, word_span: tuple[int, int]) -> Mention | None:
    """A French compound prefix ("ivoiro-" in "ivoiro-sénégalaise") naming a country."""
    start, end = word_span
    word = text_n[start:end].lower()
    place = PLACES_NAMED_AFTER.get(text_n[start:end])
    if place and re.match(place, text_n[end : end + 20]):
        return None  # "Lao-Cai"
    if word in FRENCH_PREFIXES and text_n[end : end + 1] == "-" and text_n[end + 1 : end + 2].isalpha():
        return Mention(FRENCH_PREFIXES[word], start, end, "prefix", text_n[start:end])
    return None


PASSING_CUES = re.compile(
    r"\b(" + "|".join(en.PASSING_CUES + fr.PASSING_CUES + vi.PASSING_CUES) + r")\b", re.IGNORECASE
)


@dataclass
class PartyResult:
    parties: list[Value]
    mentions: list[Mention]
    scores: dict[str, float]


def find_parties(text: str, extra_weights: dict[str, float] | None = None) -> PartyResult:
    """Countries taking part in the cooperation, with the strongest mention as evidence."""
    mentions = find_mentions(text)
    sents = sentences(text)
    body_start = dateline_end(text)
    lead = next((s for s in sents if s.end > body_start and len(s.text) > 40), None)
    scores: dict[str, float] = defaultdict(float)
    best: dict[str, Mention] = {}
    for m in mentions:
        if m.start < body_start:
            continue  # the dateline says where the wire was filed, not who cooperates
        sent = sentence_at(text, m.start)
        if sent is not None and PASSING_CUES.search(sent.text):
            continue
        weight = 0.5 if m.kind == "city" else 1.0
        if lead is not None and lead.start <= m.start < lead.end and m.kind != "city":
            weight += 1.0
        scores[m.code] += weight
        if m.code not in best or (m.kind != "city" and best[m.code].kind == "city"):
            best[m.code] = m
    counted = [m for m in mentions if m.start >= body_start and m.code in scores]
    for code, w in [*_paired(text, counted), *_enumerated(text, counted), *_paired_cities(text, counted)]:
        scores[code] += w
    for code, w in (extra_weights or {}).items():
        scores[code] += w
    ranked = sorted(scores, key=lambda c: -scores[c])
    chosen = [c for c in ranked if scores[c] >= 2.0]
    if len(chosen) < 2:
        chosen += [c for c in ranked if c not in chosen and scores[c] >= 1.0][: 2 - len(chosen)]
    if len(chosen) == 1:  # the host named only by its city ("A Alger, le ministre ... a reçu l'ambassadeur de X")
        chosen += [c for c in ranked if c not in chosen and scores[c] >= 0.5][:1]
    parties = []
    for code in chosen:
        top = best.get(code)
        conf = min(0.95, 0.5 + 0.1 * scores[code])
        ev = Evidence(top.start, top.end, conf) if top else Evidence(0, 0, 0.4)
        parties.append(Value(code, ev))
    return PartyResult(parties, mentions, dict(scores))


_PAIR_GAP = re.compile(r"\s*[-–—/]\s*")
#: between two countries of a list: a comma or "and", then an article or a French contraction ("de l'Inde et du
#: Viêt Nam, du Cambodge, de la Thaïlande et des Philippines")
_LIST_GAP = re.compile(
    r"\s*(?:,|;|\band\b|\bet\b|\bvà\b|,\s*(?:and|et|và))\s*"
    r"(?:(?:the|les|le|la|l['’]|du|des|de\s+la|de\s+l['’]|d['’]|de)\s*)?",
    re.I,
)


def _paired(text: str, mentions: list[Mention]) -> list[tuple[str, float]]:
    """Two countries written as a pair ("the Canada-Korea Joint Committee", "Việt Nam – Belarus", "tuniso-
    française") name the two sides of a cooperation: one more point each."""
    out: list[tuple[str, float]] = []
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.code != b.code and _PAIR_GAP.fullmatch(text[a.end : b.start]):
            out += [(a.code, 1.0), (b.code, 1.0)]
    return out


#: two cities of two countries as the joint subject or the two ends of a relation ("Tokyo and Hanoi signed",
#: "officials from Hanoi and Canberra", "entre Paris et Hanoï"): the capitals stand for their governments
_CITY_PAIR_GAP = re.compile(r"\s*(?:\band\b|\bet\b|\bvà\b|[-–—/])\s*", re.I)


def _paired_cities(text: str, mentions: list[Mention]) -> list[tuple[str, float]]:
    """Exactly two cities of two countries joined by "and"/"et"/"và" or a dash, not part of a longer list of
    places ("in Hanoi, Bangkok and Tokyo" lists venues): each city's country gets 1.5 more points, so that it
    weighs as a country named once."""
    out: list[tuple[str, float]] = []
    for i, (a, b) in enumerate(zip(mentions, mentions[1:], strict=False)):
        if a.kind != "city" or b.kind != "city" or a.code == b.code:
            continue
        if not _CITY_PAIR_GAP.fullmatch(text[a.end : b.start]):
            continue
        listed = i > 0 and _LIST_GAP.fullmatch(text[mentions[i - 1].end : a.start])
        if not listed:
            out += [(a.code, 1.5), (b.code, 1.5)]
    return out


def _enumerated(text: str, mentions: list[Mention]) -> list[tuple[str, float]]:
    """Three or more countries listed in a row ("le Bénin, le Burkina Faso, ... et la Tunisie") are the
    named participants of a multilateral event: each becomes a party."""
    out: list[tuple[str, float]] = []
    run: list[Mention] = []

    def close() -> None:
        if len({m.code for m in run}) >= 3:
            out.extend((m.code, 2.0) for m in run)

    for m in mentions:
        if m.kind == "city":
            continue
        if run and _LIST_GAP.fullmatch(text[run[-1].end : m.start]):
            run.append(m)
            continue
        close()
        run = [m]
    close()
    return out


def country_of(text: str) -> str | None:
    """The country a short string (an organisation name, a role) points at, if exactly one."""
    codes = {m.code for m in find_mentions(text) if m.kind != "city"}
    return codes.pop() if len(codes) == 1 else None
