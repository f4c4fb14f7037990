"""Countries: every mention (names, adjectives, demonyms, French compound prefixes, major cities) in en/fr/vi,
and the choice of the PARTIES to the cooperation among them.

The lexicon is built from Babel's CLDR territory names + pycountry + the hand-kept adjective/city lists in
`countrydata`, so no country is typed per article. Parties are chosen by evidence weight: a mention in the
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

from sticoop.ingest.extract.countrydata import (
    AMBIGUOUS,
    AMBIGUOUS_OK_BEFORE,
    CITIES,
    DEMONYMS,
    EXTRA_NAMES,
    FRENCH_PREFIXES,
)
from sticoop.ingest.extract.model import Evidence, Value
from sticoop.ingest.extract.textutil import dateline_end, normalize_quotes, sentences

_WORD = r"[\wÀ-ỹ]"


@dataclass(frozen=True)
class Mention:
    code: str
    start: int
    end: int
    kind: str  # name | adjective | city | prefix
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

    for extra_code, names in EXTRA_NAMES.items():
        for name in names:
            add(name, extra_code, "name")
    territories = {loc: dict(Locale.parse(loc).territories) for loc in ("en", "fr", "vi", "lo")}
    for country in pycountry.countries:
        for loc in territories.values():
            if name := loc.get(country.alpha_2):
                add(name, country.alpha_3, "name")
        for attr in ("common_name", "name"):
            if name := getattr(country, attr, None):
                add(name, country.alpha_3, "name")
    for line in DEMONYMS.strip().splitlines():
        code, en, fr = line.split("|")
        for adj in en.split(","):
            add(adj.strip(), code, "adjective")
        for adj in fr.split(","):
            for form in _french_forms(adj.strip()):
                add(form, code, "adjective")
    for line in CITIES.strip().splitlines():
        code, names = line.split("|")
        for name in names.split(","):
            add(name.strip(), code, "city")
    return forms


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    alternatives = sorted(lexicon(), key=len, reverse=True)
    prefixes = sorted(FRENCH_PREFIXES, key=len, reverse=True)
    return re.compile(
        rf"(?<!{_WORD})(?:(?P<prefix>{'|'.join(map(re.escape, prefixes))})-(?={_WORD})"
        rf"|(?P<form>{'|'.join(map(re.escape, alternatives))})(?!{_WORD}|-{_WORD}))",
        re.IGNORECASE,
    )


def _case_ok(form: str, surface: str) -> bool:
    """Names must keep their capital (so 'chad' or 'turkey' are not countries); French adjectives may not."""
    return surface[:1].isupper() or not form[:1].isupper()


def find_mentions(text: str) -> list[Mention]:
    """Every country mention in the text, with offsets."""
    text_n = normalize_quotes(text)
    lex = lexicon()
    lower_lex = {k.lower(): v for k, v in sorted(lex.items(), key=lambda kv: kv[0][:1].islower())}
    out: list[Mention] = []
    for m in _pattern().finditer(text_n):
        if m.group("prefix"):
            code = FRENCH_PREFIXES[m.group("prefix").lower()]
            out.append(Mention(code, m.start(), m.end("prefix"), "prefix", m.group("prefix")))
            continue
        surface = m.group("form")
        entry = lex.get(surface)
        if entry is None:
            entry = lower_lex.get(surface.lower())
            if entry is None:
                continue
            form = next((k for k in lex if k.lower() == surface.lower()), surface)
            if not _case_ok(form, surface):
                continue
        if surface in AMBIGUOUS:
            before = text_n[max(0, m.start() - 12) : m.start()].rstrip().lower()
            if not any(before.endswith(cue.lower()) for cue in AMBIGUOUS_OK_BEFORE):
                continue
        code, kind = entry
        out.append(Mention(code, m.start(), m.end(), kind, surface))
    return out


PASSING_CUES = re.compile(
    r"\b(similar|comparable|such as|also has|already has|has its own|observers?|as guests?|in the past|"
    r"semblables?|comparables?|observateurs?|aussi des|déjà|ont aussi|a aussi|"
    r"tương tự|khách mời|cũng đã|hiện cũng|cũng đến|cũng hợp tác)\b",
    re.IGNORECASE,
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
        sent = next((s for s in sents if s.start <= m.start < s.end + 1), None)
        if sent is not None and PASSING_CUES.search(sent.text):
            continue
        weight = 0.5 if m.kind == "city" else 1.0
        if lead is not None and lead.start <= m.start < lead.end and m.kind != "city":
            weight += 1.0
        scores[m.code] += weight
        if m.code not in best or (m.kind != "city" and best[m.code].kind == "city"):
            best[m.code] = m
    for code, w in (extra_weights or {}).items():
        scores[code] += w
    ranked = sorted(scores, key=lambda c: -scores[c])
    chosen = [c for c in ranked if scores[c] >= 2.0]
    if len(chosen) < 2:
        chosen += [c for c in ranked if c not in chosen and scores[c] >= 1.0][: 2 - len(chosen)]
    parties = []
    for code in chosen:
        m = best.get(code)
        conf = min(0.95, 0.5 + 0.1 * scores[code])
        ev = Evidence(m.start, m.end, conf) if m else Evidence(0, 0, 0.4)
        parties.append(Value(code, ev))
    return PartyResult(parties, mentions, dict(scores))


def country_of(text: str) -> str | None:
    """The country a short string (an organisation name, a role) points at, if exactly one."""
    codes = {m.code for m in find_mentions(text) if m.kind != "city"}
    return codes.pop() if len(codes) == 1 else None
