"""People: name, role and country, in en/fr/vi.

Rules first (they are exact where they fire): a courtesy or academic title before a name ("Dr.", "Mme", "ông",
"PGS.TS."), a Vietnamese surname opening a 3-4 word capitalised name, a name right after an organisation
that ends with a country ("Bộ trưởng Bộ KH&CN Bangladesh Mohammad Rafiqul Islam"). spaCy PERSON/PER entities
of two words or more complete them when they do not overlap an organisation or a place. Later mentions by
surname ("Dr. Wibisono", "Lindqvist said") are the same person.

Titles, roles, surnames and name particles live in ``lang/<code>/people.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sticoop.ingest.extract.countries import Mention, country_of, lexicon
from sticoop.ingest.extract.lang.en import people as en
from sticoop.ingest.extract.lang.en.organizations import HEADS as EN_HEADS
from sticoop.ingest.extract.lang.fr import people as fr
from sticoop.ingest.extract.lang.fr.organizations import HEADS as FR_HEADS
from sticoop.ingest.extract.lang.vi import dates as vi_dates
from sticoop.ingest.extract.lang.vi import organizations as vi_organizations
from sticoop.ingest.extract.lang.vi import people as vi
from sticoop.ingest.extract.lang.vi.people import SURNAMES as VI_SURNAMES
from sticoop.ingest.extract.lang.xx import people as xx
from sticoop.ingest.extract.model import Evidence, Person, Value
from sticoop.ingest.extract.names import normalize_name
from sticoop.ingest.extract.textutil import fold
from sticoop.ingest.extract.tokens import Token, is_acronym, tokenize

TITLES: frozenset[str] = en.TITLES | fr.TITLES | vi.TITLES
TITLE_PAIRS = vi.TITLE_PAIRS
NAME_PARTICLES = xx.NAME_PARTICLES
ROLE_WORDS = re.compile(r"\b(" + "|".join(en.ROLE_WORDS + fr.ROLE_WORDS + vi.ROLE_WORDS) + r")\b", re.I)


@dataclass
class _Cand:
    name: str
    start: int
    end: int
    confidence: float


def _name_after(tokens: list[Token], j: int, max_len: int = 5) -> tuple[int, int] | None:
    """Token range [j, k) of a capitalised name starting at j."""
    k = j
    while k < len(tokens) and k - j < max_len:
        t = tokens[k]
        if t.is_word and t.is_cap and not is_acronym(t.text) and t.text not in TITLES:
            k += 1
            continue
        if t.text in NAME_PARTICLES and k + 1 < len(tokens) and tokens[k + 1].is_cap and k > j:
            k += 1
            continue
        break
    return (j, k) if k > j else None


def _skip_titles(tokens: list[Token], j: int) -> int:
    while j < len(tokens):
        if tokens[j].text in TITLES or tokens[j].text.rstrip(".") + "." in TITLES:
            j += 1
            if j < len(tokens) and tokens[j].text == ".":
                j += 1
            continue
        if j + 1 < len(tokens) and (tokens[j].text, tokens[j + 1].text.lower()) in TITLE_PAIRS:
            j += 2
            continue
        if tokens[j].text == "," and j > 0 and _is_title_at(tokens, j + 1):
            j += 1  # "Giáo sư, Tiến sỹ Châu Văn Minh": titles listed with commas
            continue
        break
    return j


def _is_title_at(tokens: list[Token], j: int) -> bool:
    """True when a title or a two-word title starts at token j."""
    if j >= len(tokens):
        return False
    if tokens[j].text in TITLES:
        return True
    return j + 1 < len(tokens) and (tokens[j].text, tokens[j + 1].text.lower()) in TITLE_PAIRS


def _rule_candidates(
    text: str, tokens: list[Token], lang: str, org_spans: list[tuple[int, int]], body_start: int
) -> list[_Cand]:
    """Names found by rule: after a title, opened by a Vietnamese surname, after a portfolio or a role."""
    out = _titled_or_surnamed(text, tokens, lang, org_spans, body_start)
    out += _after_portfolio(text, tokens, body_start)
    if lang in ("en", "fr"):
        out += _role_apposition(text, body_start)
    if lang == "vi":
        out += _after_vi_role_country(text, tokens, body_start)
        out += _after_org(text, tokens, org_spans)
    return out


def _titled_or_surnamed(
    text: str, tokens: list[Token], lang: str, org_spans: list[tuple[int, int]], body_start: int
) -> list[_Cand]:
    """Names after a title ("Dr.", "Mme", "PGS.TS.") or opened by a Vietnamese surname, in text order."""
    out: list[_Cand] = []
    i = 0
    while i < len(tokens):
        found = None
        if tokens[i].start >= body_start:
            found = _titled_at(text, tokens, i, lang) or _surnamed_at(text, tokens, i, lang, org_spans)
        if found is None:
            i += 1
            continue
        cand, i = found
        out.append(cand)
    return out


def _titled_at(text: str, tokens: list[Token], i: int, lang: str) -> tuple[_Cand, int] | None:
    """The name after the title at i, and the index after it."""
    t = tokens[i]
    is_title = t.text in TITLES or (t.text + "." in TITLES and i + 1 < len(tokens) and tokens[i + 1].text == ".")
    is_pair = i + 1 < len(tokens) and (t.text, tokens[i + 1].text.lower()) in TITLE_PAIRS
    if not (is_title or is_pair) or (t.text in fr.FRENCH_ONLY_TITLES and lang != "fr"):
        return None
    span = _name_after(tokens, _skip_titles(tokens, i))
    if span and (span[1] - span[0] >= 2 or _is_surname_ref(tokens, span)):
        s, e = tokens[span[0]].start, tokens[span[1] - 1].end
        return _Cand(text[s:e], s, e, 0.85), span[1]
    return None


def _surnamed_at(
    text: str, tokens: list[Token], i: int, lang: str, org_spans: list[tuple[int, int]]
) -> tuple[_Cand, int] | None:
    """Vietnamese names: surname + 2-3 capitalised syllables (Nguyễn Hoàng Long; Tran Quoc Hung in English)."""
    t = tokens[i]
    if not (t.text in VI_SURNAMES or (lang != "vi" and t.text in _ASCII_SURNAMES)):
        return None
    span = _name_after(tokens, i, max_len=4)
    need = 2 if (lang == "vi" and t.text in VI_SURNAMES) else 3
    name = text[tokens[span[0]].start : tokens[span[1] - 1].end] if span else ""
    if (
        span
        and span[1] - span[0] >= need
        and not _inside(t.start, org_spans)
        and not any(p in name for p in _places())
    ):
        s, e = tokens[span[0]].start, tokens[span[1] - 1].end
        return _Cand(text[s:e], s, e, 0.75), span[1]
    return None


def _after_org(text: str, tokens: list[Token], org_spans: list[tuple[int, int]]) -> list[_Cand]:
    """A capitalised name right after an organisation ending with a country (Vietnamese role + org + name)."""
    out: list[_Cand] = []
    for _, org_end in org_spans:
        j = next((k for k, tok in enumerate(tokens) if tok.start >= org_end), None)
        if j is None:
            continue
        span = _name_after(tokens, j, max_len=4)
        if span and span[1] - span[0] >= 2 and text[org_end : tokens[j].start].strip() == "":
            s, e = tokens[span[0]].start, tokens[span[1] - 1].end
            out.append(_Cand(text[s:e], s, e, 0.6))
    return out


#: "<role> of/de <body>, <Name>" followed by a comma, a full stop or a verb: "Le président du CNRS, Antoine
#: Petit, a reçu", "par la directrice générale de WBI, Pascale Delcomminette.", "the head of the agency, Maria
#: Santos, said"; the role phrase may hold commas of a portfolio ("ministre de l'Agriculture, de la Pêche et de
#: l'Eau, Mohamed Sadiki")
_NAME_WORD = r"[A-ZÀ-ÝĐ][a-zà-ÿđ'’]+(?:-[A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ'’]+)?"
_ROLE_APPOSITION = re.compile(
    r"\b(?i:" + "|".join(en.ROLE_WORDS + fr.ROLE_WORDS) + r")(?:\s+(?i:général|générale|adjoint|adjointe|"
    r"exécutif|exécutive|general|executive))?\s+(?:of|de|du|des|d['’])\s*[^.;:\n]{1,90}?,\s+"
    r"(?:(?:" + "|".join(re.escape(t) for t in sorted(en.TITLES | fr.TITLES, key=len, reverse=True)) + r")\s+)?"
    r"(?P<name>" + _NAME_WORD + r"(?:\s+(?:de|da|van|von|bin|al|el|Al|El|Le|La)?\s*" + _NAME_WORD + r"){1,3})"
    r"(?=\s*[,.;]|\s+(?:a|ont|est|said|says|has|have|who|qui|added|noted|stressed|will)\b)"
)


def _role_apposition(text: str, body_start: int) -> list[_Cand]:
    """Names set in apposition after a role and its body (``_ROLE_APPOSITION``), unless the capitalised words
    are a body's or a place's ("Ministry of ...", a country)."""
    out: list[_Cand] = []
    for m in _ROLE_APPOSITION.finditer(text, body_start):
        name = m.group("name")
        words = name.split()
        if any(w in en.BODY_WORDS or w in _UNIT_WORDS or w in FR_HEADS for w in words) or country_of(name):
            continue
        out.append(_Cand(name, m.start("name"), m.end("name"), 0.7))
    return out


#: a role acronym closing a "name" ("Gauteng MEC"), or a role word after a place ("Bali Governor")
_ROLE_ACRONYM_LAST = re.compile(r"\s(?:" + "|".join(en.ROLE_ACRONYMS) + r")$")
_ROLE_WORD_LAST = re.compile(r"\s(?:" + "|".join(en.ROLE_WORDS) + r")$")


def _is_a_title(name: str) -> bool:
    """True when a "name" is a title: it ends with a role acronym ("Gauteng MEC"), or with a role word after a
    place ("Bali Governor"); "John Head" (a surname that is also a role word) stays a person."""
    if _ROLE_ACRONYM_LAST.search(name):
        return True
    return bool(_ROLE_WORD_LAST.search(name)) and name.split()[0] in lexicon()


_PORTFOLIO = re.compile(
    r"\b(?:Minister|Secretary|Commissioner|Director(?:[- ]General)?|President|Chair(?:man|woman)?|Head|"
    # provincial and city executives, chief executives ("Gauteng MEC for Economic Development Thabo Mokoena",
    # "Governor of Bali Wayan Koster", "Chief Executive of Innovate UK Indro Mukerjee")
    r"MEC|Governor|Mayor|Premier|Chief\s+Executive(?:\s+Officer)?|CEO)\s+"
    r"(?:of\s+State\s+)?(?:of|for)\s+(?:the\s+)?"
)


def _after_portfolio(text: str, tokens: list[Token], body_start: int) -> list[_Cand]:
    """'Vice Minister of Science and ICT Park Ji-hoon': the portfolio ends after its 'and X' (or its first word
    when there is no 'and'); the capitalised words that follow are the person's name."""
    out: list[_Cand] = []
    starts = {t.start: k for k, t in enumerate(tokens)}
    for m in _PORTFOLIO.finditer(text, body_start):
        k = starts.get(m.end())
        if k is None:
            continue
        j = k
        seen_and = False
        while j < len(tokens) and j < k + 10:
            t = tokens[j]
            if t.text in ("and", "&"):
                seen_and = True
                j += 2  # 'and' + the last portfolio word
                break
            if t.text == "," or (t.is_cap and t.is_word):
                j += 1
                continue
            break
        if not seen_and:
            j = k + 1
            while j < len(tokens) and tokens[j].text in en.PORTFOLIO_WORDS:
                j += 1  # "MEC for Economic Development Thabo Mokoena": the portfolio's own words
        span = _name_after(tokens, j, max_len=4)
        if span and 2 <= span[1] - span[0] <= 4:
            words = [tokens[x].text for x in range(*span)]
            if any(w in en.BODY_WORDS for w in words):
                continue
            if words[-1] in _UNIT_WORDS:  # "Head of the International Bilateral Cooperation Division"
                continue
            s, e = tokens[span[0]].start, tokens[span[1] - 1].end
            out.append(_Cand(text[s:e], s, e, 0.8))
    return out


#: words that end the name of a unit or body, never a person's name
_UNIT_WORDS = EN_HEADS | en.UNIT_WORDS

_VI_ROLE_PAIRS = vi.ROLE_PAIRS


def _place_len(tokens: list[Token], j: int) -> int:
    forms = lexicon()
    for length in (3, 2, 1):
        words = tokens[j : j + length]
        if len(words) == length and forms.get(" ".join(w.text for w in words), ("", ""))[1] in ("name", "city"):
            return length
    return 0


def _after_vi_role_country(text: str, tokens: list[Token], body_start: int) -> list[_Cand]:
    """'Đại sứ Australia tại Việt Nam Michael Harding', 'Bộ trưởng Lào Boviengkham Vongdara': a role, the
    country it serves (and 'tại' + where), then the capitalised words of the name."""
    out: list[_Cand] = []
    for i in range(len(tokens) - 3):
        if tokens[i].start < body_start or f"{tokens[i].text} {tokens[i + 1].text}" not in _VI_ROLE_PAIRS:
            continue
        j = i + 2
        if tokens[j].text.lower() == "sự":  # "Tổng Lãnh sự"
            j += 1
        n = _place_len(tokens, j)
        if not n:
            continue
        j += n
        if j + 1 < len(tokens) and tokens[j].text == "tại":
            n = _place_len(tokens, j + 1)
            if not n:
                continue
            j += 1 + n
        span = _name_after(tokens, j, max_len=4)
        if span and 2 <= span[1] - span[0] <= 4 and not _place_len(tokens, span[0]):
            s, e = tokens[span[0]].start, tokens[span[1] - 1].end
            out.append(_Cand(text[s:e], s, e, 0.75))
    return out


_ASCII_SURNAMES = frozenset(fold(s).title() for s in VI_SURNAMES) - vi.ASCII_SURNAME_EXCEPTIONS


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Place names of several words (countries, cities, continents): a name holding one is no person's."""
    countries = frozenset(f for f, (_, kind) in lexicon().items() if kind in ("name", "city") and " " in f)
    return countries | vi.PLACES_LIKE_NAMES


def _is_surname_ref(tokens: list[Token], span: tuple[int, int]) -> bool:
    return span[1] - span[0] == 1 and len(tokens[span[0]].text) > 2


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _ner_candidates(
    entities: list[tuple[str, str, int, int]],
    org_spans: list[tuple[int, int]],
    places: frozenset[str],
    body_start: int,
) -> list[_Cand]:
    out = []
    for label, ent_text, s, e in entities:
        if label not in ("PERSON", "PER") or s < body_start:
            continue
        words = ent_text.split()
        while words and (words[0] in TITLES or words[0].rstrip(".") + "." in TITLES):
            s += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2 or any(_inside(p, org_spans) for p in (s, e - 1)):
            continue
        name = " ".join(words)
        if name in places or ent_text.isupper() or any(w in places for w in words) or "City" in words:
            continue
        if not all(w[:1].isupper() or w in NAME_PARTICLES for w in words):
            continue
        out.append(_Cand(name, s, s + len(name), 0.65))
    return out


def _same_person(a: str, b: str) -> bool:
    na, nb = normalize_name(a).split(), normalize_name(b).split()
    if not na or not nb:
        return False
    if na == nb:
        return True
    short, long_ = (na, nb) if len(na) <= len(nb) else (nb, na)
    return all(w in long_ for w in short)


def find_people(
    text: str,
    lang: str,
    org_spans: list[tuple[int, int]],
    mentions: list[Mention],
    entities: list[tuple[str, str, int, int]],
    places: frozenset[str],
    body_start: int = 0,
) -> list[Person]:
    """Named people with role and country."""
    tokens = tokenize(text)
    cands = _rule_candidates(text, tokens, lang, org_spans, body_start)
    cands += _ner_candidates(entities, org_spans, places, body_start)
    people: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (c.start, -c.confidence)):
        if any(_inside(c.start, [(o[0], o[1])]) for o in org_spans) and c.confidence < 0.8:
            continue
        if _CITY_BEFORE.search(text[max(0, c.start - 12) : c.start]):  # "TP. Hồ Chí Minh" is a city
            continue
        if c.name.lower() in _WEEKDAY_NAMES:  # "Thứ Hai, 21/03/2016": a page stamp's weekday
            continue
        if _is_a_title(c.name):  # "Gauteng MEC", "Bali Governor": a title read as a name
            continue
        if lang == "vi" and _BODY_AFTER_FIRST.match(text, c.start):
            continue  # "Đoàn Viện Khoa học ...", "Đoàn Chương trình ...": a delegation of a body, not a surname
        twin = next((p for p in people if _same_person(p.name, c.name)), None)
        if twin is None:
            if len(c.name.split()) < 2:
                continue
            people.append(c)
        elif len(c.name.split()) > len(twin.name.split()):
            twin.name, twin.start, twin.end = c.name, c.start, c.end
    spans = [(p.start, p.end) for p in people]
    return [_with_role(text, p, mentions, spans) for p in people]


_TRAILING_TITLE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Eng|H\.E|Mme|Mlle|Pr|ông|bà|TS|ThS|PGS\.TS|GS\.TS|GS|PGS|Dato')\.?|\bM\.)\s*$"
)
_CLAUSE_BREAK = re.compile(
    r"[.;:()\n–—]|,\s(?=[a-zà-ỹ])|\b(?:by|par|bởi|của|có|with|avec|said|according to|theo|including|dont)\s", re.I
)
_AND = re.compile(r"(\s(?:and|et|và)\s)")


_WEEKDAY_NAMES: frozenset[str] = frozenset(vi_dates.WEEKDAYS)
#: a word followed by an organisation's or programme's head noun ("Đoàn Viện ...") starts no person's name
_BODY_AFTER_FIRST = re.compile(
    r"\w+\s+(?:" + "|".join(re.escape(h) for h in (*vi_organizations.HEADS, *vi_organizations.PROGRAMME_WORDS))
    + r")(?!\w)"
)
_CITY_BEFORE = re.compile(r"(?:\bTP\.?|\bTp\.?|[Tt]hành phố|\btỉnh)\s*$")
#: ", <role>" after a name, up to the next comma, full stop, bracket or speech verb
_APPOSITION = re.compile(
    r",\s*([^,.;()]{3,140}?)(?:,|\.|;|\(| said| told| stressed| noted| a |$| a déclaré| a indiqué| a souligné"
    r"| cho biết| nói| nhấn mạnh| phát biểu)"
)


def _title_before(before: str) -> str:
    """The title phrase right before a name: 'Vietnamese Minister of Science and Technology', not just
    'Technology' (an 'and' inside a title does not end it) nor 'At the meeting, ...' (a comma does)."""
    before = re.sub(r"\s*\([^()]{1,24}\)", "", before)  # "Thứ trưởng Bộ KH&CN (Bộ KH&CN) Phạm Văn Thành"
    before = _TRAILING_TITLE.sub("", before.rstrip()).rstrip()
    if re.search(r"(?:^|\s)(?:and|et|và)$", before):  # "X and [Mr] Y": Y's role, if any, comes after the name
        return ""
    clauses = _CLAUSE_BREAK.split(before)
    before = clauses[-1]
    if (
        len(clauses) > 1
        and not ROLE_WORDS.search(before)
        and _AND.search(before)
        and before[:1].isupper()
        and ROLE_WORDS.search(clauses[-2])
        and before.count(" ") < 8
    ):  # "Thứ trưởng Bộ Khoa học, Công nghệ và Môi trường Cuba": a comma list inside a portfolio
        before = clauses[-2] + ", " + before
    parts = _AND.split(before)  # text, separator, text, separator, ..., text
    phrase = parts[-1].strip(" ,")
    k = len(parts) - 1
    while k >= 2 and not ROLE_WORDS.search(phrase):  # '... Dat and Lao Minister of Technology and Communication'
        previous = parts[k - 2].strip(" ,")
        if not previous:
            break
        phrase = previous + parts[k - 1] + phrase
        k -= 2
    if ", " in phrase:
        tail = phrase.rsplit(", ", 1)[1]
        phrase = tail if ROLE_WORDS.search(tail) else phrase
    return re.sub(r"^(?:the|la|le|l')\s+", "", phrase.strip(" ,"), flags=re.I)


def _with_role(text: str, p: _Cand, mentions: list[Mention], people: list[tuple[int, int]]) -> Person:
    """Role: the title phrase before the name (same clause, never reaching back over another person's
    name: "Minister X received Dr. Y" gives Y no title) or the apposition after it; country from either."""
    window = max([p.start - 160, 0, *(e for s, e in people if e <= p.start)])
    before = _title_before(text[window : p.start])
    after_text = text[p.end : p.end + 180]
    # "TP. Hồ Chí Minh" (city) ends no role: match on a same-length copy without that full stop
    after_m = _APPOSITION.match(re.sub(r"\b(TP|Tp)\. ", r"\1  ", after_text))
    after = after_text[after_m.start(1) : after_m.end(1)] if after_m else ""
    role = None
    for candidate in (before, after):
        candidate = re.sub(
            r"\b(Mr|Mrs|Ms|Dr|Prof|Eng|H\.E|M|Mme|ông|bà|TS|PGS\.TS|GS\.TS|Dato')\.?\s*$",
            "",
            candidate.strip(),
        ).strip(" ,")
        if candidate and ROLE_WORDS.search(candidate):
            role = candidate[:140]
            break
    context = (role or "") + " " + text[max(0, p.start - 60) : p.start]
    # "Đại sứ Australia tại Việt Nam", "Ambassador of Israel to Vietnam": the sending country comes first
    served = re.split(r"\s(?:tại|to|in|auprès d[eu]|au|en)\s", role or "", maxsplit=1)[0]
    country = country_of(served) or country_of(role or "") or country_of(context)
    if country is None:
        near = [m for m in mentions if abs(m.start - p.start) < 150 and _may_be_the_side(text, p, m, mentions)]
        if near:
            country = min(near, key=lambda m: abs(m.start - p.start)).code
    return Person(Value(p.name, Evidence(p.start, p.end, p.confidence)), role, country)


#: two country mentions joined as a pair ("Vietnam - Laos", "Việt Nam – Lào", "Belgium-Vietnam")
_PAIR_JOIN = re.compile(r"\s*[-–—/]\s*")


def _may_be_the_side(text: str, p: _Cand, m: Mention, mentions: list[Mention]) -> bool:
    """Whether a country mention near a person may tell the side the person represents. Not a city, not one
    of a pair of countries ("the Vietnam - Laos Committee" names both sides), and not a mention after the name
    that another title comes before ("Huỳnh Thành Đạt và Bộ trưởng Bộ ... Lào": Lào is the next person's)."""
    if m.kind == "city":
        return False
    for other in mentions:
        if other is not m and (
            _PAIR_JOIN.fullmatch(text[m.end : other.start]) or _PAIR_JOIN.fullmatch(text[other.end : m.start])
        ):
            return False
    return not (m.start >= p.end and ROLE_WORDS.search(text[p.end : m.start]))
