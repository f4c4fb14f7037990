"""Organisations: ministries, agencies, universities, institutes, companies, in en/fr/vi.

Rules by form, because NER models split long ministry names and know nothing of Vietnamese:
- a head noun (Ministry, Agency, Institute, ministère, Agence, Bộ, Viện, Cơ quan...) extended over the capitalised
  words and connectors around it ("National Research, Development and Innovation Office",
  "ministère de l'Enseignement supérieur et de la Recherche scientifique", "Bộ Khoa học và Công nghệ");
- an acronym or short name in parentheses closes a name and becomes its alias ("(BELSPO)", "(Bộ KH&CN)");
- later mentions of an alias (acronym alone, "Viện Hàn lâm KH&CN Việt Nam") are the same organisation;
- a gazetteer of known organisations (from the database) adds canonical names, acronyms and aliases.
Committees are not organisations here (the sessions module reads them).

The words (head nouns, connectors, stop words, adjective endings, surnames) live in ``lang/<code>/organizations.py``;
this module holds the rules. English and French heads are read in both languages (an English release names French
bodies and the reverse); Vietnamese has its own multi-syllable heads and walks names by syllable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from sticoop.ingest.extract.countries import country_of, lexicon
from sticoop.ingest.extract.gazetteer import Gazetteer
from sticoop.ingest.extract.lang.en import organizations as en
from sticoop.ingest.extract.lang.fr import organizations as fr
from sticoop.ingest.extract.lang.vi import organizations as vi
from sticoop.ingest.extract.lang.vi.people import SURNAMES as VI_SURNAMES
from sticoop.ingest.extract.lang.xx import organizations as xx
from sticoop.ingest.extract.lang.xx.countries import PLACES_NAMED_AFTER
from sticoop.ingest.extract.model import Evidence, Organization, Value
from sticoop.ingest.extract.names import normalize_name
from sticoop.ingest.extract.tokens import Token, is_acronym, tokenize

#: head nouns of the languages written in Latin script with capitalised words (read together, see above)
LATIN_HEADS: frozenset[str] = en.HEADS | fr.HEADS | xx.HEADS
VI_HEADS = vi.HEADS
CONNECTORS: frozenset[str] = en.CONNECTORS | fr.CONNECTORS | xx.CONNECTORS
STOP_CAP: frozenset[str] = en.STOP_CAPITALISED | fr.STOP_CAPITALISED
_NOT_HEAD_AFTER = en.NOT_HEAD_AFTER
_NOT_HEAD_BEFORE = fr.NOT_HEAD_BEFORE
FR_ADJ = re.compile(r"^[a-zà-ÿ]+(" + "|".join(fr.ADJECTIVE_ENDINGS) + r")$")
#: French compound adjectives of two peoples ("vietnamo-russe", "franco-tunisienne", "sino-africain") or of a
#: region ("ouest-africaine", "sud-américain")
FR_COMPOUND_ADJ = re.compile(r"^(?:[a-zà-ÿ]+o|" + "|".join(fr.COMPOUND_PREFIXES) + r")-[a-zà-ÿ]+$")
PROGRAMME_WORDS = re.compile(r"\b(" + "|".join(en.PROGRAMME_WORDS + fr.PROGRAMME_WORDS + vi.PROGRAMME_WORDS) + r")\b")
#: tokens that end any name
_NAME_BREAKS = frozenset(["(", ")", ".", ";", ":", "–", "—", '"', "«", "»", "“", "”", "'s", "’s"])
_ELISIONS = ("d'", "l'")


@dataclass
class OrgCandidate:
    name: str
    start: int
    end: int
    acronym: str | None = None
    aliases: set[str] = field(default_factory=set)
    confidence: float = 0.7
    country: str | None = None
    known: bool = False


@lru_cache(maxsize=1)
def _country_forms() -> frozenset[str]:
    return frozenset(f for f, (_, kind) in lexicon().items() if kind in ("name", "city"))


@lru_cache(maxsize=1)
def _adjectives() -> frozenset[str]:
    return frozenset(f for f, (_, kind) in lexicon().items() if kind == "adjective")


def _is_head(tokens: list[Token], i: int, lang: str) -> int:
    """Length in tokens of the head noun starting at i (0 when none)."""
    if lang == "vi":
        return _vi_head_len(tokens, i)
    t = tokens[i]
    if t.text not in LATIN_HEADS:
        return 0
    before = tokens[i - 1].lower if i > 0 else None
    after = tokens[i + 1].lower if i + 1 < len(tokens) else None
    if before in _NOT_HEAD_AFTER.get(t.text, ()) or after in _NOT_HEAD_BEFORE.get(t.text, ()):
        return 0
    if t.text in fr.HEADS_BEFORE_A_NAME and not (i + 1 < len(tokens) and tokens[i + 1].is_cap):
        return 0
    return 1


@lru_cache(maxsize=1)
def _vi_heads_by_first_word() -> dict[str, list[list[str]]]:
    """The Vietnamese heads split in syllables, by their first syllable (kept in VI_HEADS' order)."""
    out: dict[str, list[list[str]]] = {}
    for head in VI_HEADS:
        parts = head.split()
        out.setdefault(parts[0], []).append(parts)
    return out


def _vi_head_len(tokens: list[Token], i: int) -> int:
    """Syllables of the Vietnamese head at i, when a capitalised syllable follows it (0 otherwise), or the word
    of a kind of place for the heads that take one ("UBND tỉnh Đắk Lắk"); a joint committee's head ("Ủy ban
    Hợp tác liên Chính phủ") is the committee's, read by ``sessions.py``, not a body's."""
    for parts in _vi_heads_by_first_word().get(tokens[i].text, ()):
        words = [x.text for x in tokens[i : i + len(parts)]]
        # "Khu Công nghệ cao" and "Khu công nghệ cao" alike: only the first word's case is fixed
        if words[:1] == parts[:1] and [w.lower() for w in words[1:]] == [w.lower() for w in parts[1:]]:
            head = " ".join(parts)
            nxt = tokens[i + len(parts)] if i + len(parts) < len(tokens) else None
            if nxt is not None and nxt.text in vi.NOT_BODY_AFTER_HEAD.get(head, ()):
                return 0
            place_word = nxt is not None and nxt.text in vi.HEADS_BEFORE_A_PLACE_WORD.get(head, ())
            if nxt is not None and nxt.is_word and (nxt.is_cap or place_word):
                return len(parts)
    return 0
def _country_pair_before(tokens: list[Token], j: int) -> int:
    """Index of the first country of a pair joined by a dash right before j ("Kazakhstan–Korea Digital
    Cooperation Centre": the pair belongs to the name), else j."""
    known = lexicon()
    if j >= 3 and tokens[j - 1].text in known and tokens[j - 2].text in ("–", "-") and tokens[j - 3].text in known:
        return j - 3
    return j


def _extend_back(tokens: list[Token], i: int, lang: str) -> int:
    """First token index of the name whose head is at i."""
    j = i
    while j > 0:
        prev = tokens[j - 1]
        if prev.text in ("–", "-") and lang != "vi" and _country_pair_before(tokens, j + 1) == j - 2:
            j -= 2
            continue
        if prev.text in ("'s", "’s") or prev.text in STOP_CAP:
            break
        if prev.is_word and prev.is_cap and lang != "vi":
            if j - 1 > 0 and tokens[j - 2].text in ("'s", "’s"):
                j -= 1
                break
            j -= 1
            continue
        if (
            prev.text in ("and", ",")
            and j - 2 >= 0
            and tokens[j - 2].is_cap
            and tokens[j - 2].text not in STOP_CAP
        ):
            # "National Research, Development and Innovation Office"
            k = j - 2
            if prev.text == "," and not any(t.text == "and" for t in tokens[j : i + 1]):
                break
            if prev.text == "and" and _head_before(tokens, k, lang):
                break  # "the Institute for Technological Research and Ghent University": two names
            j = k + 1
            j -= 1
            continue
        break
    return j


#: how far back (tokens) a name before "and" is searched for its own head
HEAD_BACK_WINDOW = 8


def _head_before(tokens: list[Token], k: int, lang: str) -> bool:
    """True when the capitalised words ending at k belong to a name with its own head ("Institute for
    Technological Research"): an "and" after them joins two names, not two words of one name."""
    stop = max(-1, k - HEAD_BACK_WINDOW)
    while k > stop:
        t = tokens[k]
        if _is_head(tokens, k, lang):
            return True
        if not ((t.is_cap and t.is_word and t.text not in STOP_CAP) or t.lower in CONNECTORS):
            return False
        k -= 1
    return False


def _head_ahead(tokens: list[Token], k: int, lang: str) -> bool:
    """True when the capitalised words from k hold a head of their own ("and Guangxi University")."""
    while k < len(tokens) and tokens[k].is_cap and tokens[k].is_word and tokens[k].text not in STOP_CAP:
        if _is_head(tokens, k, lang):
            return True
        k += 1
    return False


def _segment_has_head(tokens: list[Token], i: int, lang: str) -> bool:
    k = i
    while k < len(tokens) and tokens[k].text not in (",", "(", ")", ".", ";", ":") and k < i + 8:
        if tokens[k].text in ("and", "et", "và") or _is_head(tokens, k, lang):
            return (
                _is_head(tokens, k, lang) > 0
                or tokens[k].text in ("và",)
                and k + 1 < len(tokens)
                and _is_head(tokens, k + 1, lang) > 0
            )
        k += 1
    return False


def _extend_forward(tokens: list[Token], i: int, head_len: int, lang: str, places: frozenset[str]) -> int:
    """Index one past the last token of the name whose head starts at i."""
    j = i + head_len
    if lang in ("fr", "vi"):
        ahead = _acronym_ahead(tokens, j, lang)
        if ahead is not None:
            return ahead
    while j < len(tokens):
        t = tokens[j]
        if lang == "vi" and t.text in ("–", "-") and _vi_parent_after(tokens, j + 1):
            j += 1  # "Trường Đại học Bách khoa – Đại học Đà Nẵng": the school and the university it belongs to
            continue
        if t.text in _NAME_BREAKS:
            break
        if t.text == ",":
            if not _comma_continues(tokens, j, lang, places):
                break
            j += 1
            continue
        if lang == "vi":
            j, go_on = _vi_step(tokens, i, j, head_len, places)
        else:
            j, go_on = _latin_step(tokens, j, lang, places)
        if not go_on:
            break
    # drop trailing connectors
    while j > i + head_len and (tokens[j - 1].lower in CONNECTORS or tokens[j - 1].text in (*_ELISIONS, ",")):
        j -= 1
    return j


def _vi_parent_after(tokens: list[Token], k: int) -> bool:
    """True when a university's head ("Đại học", ``vi.PARENT_AFTER_DASH``) with a capitalised name starts at k."""
    for head in vi.PARENT_AFTER_DASH:
        parts = head.split()
        if [t.text for t in tokens[k : k + len(parts)]] == parts and _vi_head_len(tokens, k) == len(parts):
            return True
    return False


def _comma_continues(tokens: list[Token], j: int, lang: str, places: frozenset[str]) -> bool:
    """Whether the name goes on past the comma at j ("Ministry of Industry, Science and Resources")."""
    n = len(tokens)
    if (
        lang == "fr"
        and j + 2 < n
        and tokens[j + 1].lower in fr.COMMA_LIST_PREPOSITIONS
        and _comma_list_closes(tokens, j + 1, lang)
    ):  # "ministère de l'Éducation, de la Jeunesse et des Sports"
        return True
    return (
        j + 1 < n
        and tokens[j + 1].is_cap
        and tokens[j + 1].text not in STOP_CAP
        and not _is_head(tokens, j + 1, lang)
        and not _segment_has_head(tokens, j + 1, lang)
        and tokens[j + 1].text not in places
        and _comma_list_closes(tokens, j + 1, lang)
    )


def _vi_name_word(tokens: list[Token], j: int) -> bool:
    return j < len(tokens) and tokens[j].is_cap and tokens[j].is_word and not _is_head(tokens, j, "vi")


def _vi_step(tokens: list[Token], i: int, j: int, head_len: int, places: frozenset[str]) -> tuple[int, bool]:
    """One step of a Vietnamese name at token j: (next index, whether the name goes on)."""
    t, n = tokens[j], len(tokens)
    if t.text in vi.CITY_ABBREVIATIONS and j + 2 < n and tokens[j + 1].text == "." and tokens[j + 2].is_cap:
        j += 2  # "TP. Hồ Chí Minh" (thành phố): the city's words, surname or not, belong to the name
        city_len = _country_at(tokens, j, places)
        if city_len:  # "UBND TP. Hà Nội Nguyễn Doãn Toản": a known city ends the name before the person
            return j + city_len, False
        while _vi_name_word(tokens, j):
            j += 1
        return j, True
    if t.is_cap:
        country_len = _country_at(tokens, j, places)  # before the surname test: "Hà Nội" is a city
        if country_len:  # "Bộ ... Việt Nam Đỗ Minh Quang": a person follows the country
            return j + country_len, not _vi_name_word(tokens, j + country_len)
        if t.text in VI_SURNAMES and j + 1 < n and tokens[j + 1].is_cap and j > i + head_len:
            return j, False
        return j + 1, True
    if t.text == "và":
        ends = j + 1 < n and (_is_head(tokens, j + 1, "vi") or _vi_stop(tokens, j + 1))
        return (j, False) if ends else (j + 1, True)
    if _vi_stop(tokens, j) or not t.is_word or t.text.isdigit():
        return j, False
    return j + 1, True


def _latin_step(tokens: list[Token], j: int, lang: str, places: frozenset[str]) -> tuple[int, bool]:
    """One step of an English or French name at token j: (next index, whether the name goes on)."""
    t = tokens[j]
    if t.is_cap and t.is_word and t.text not in STOP_CAP:
        return j + 1, True
    if t.lower in CONNECTORS or t.text in ("d'", "l'", "D'", "L'"):
        return _after_connector(tokens, j, lang, places)
    if lang == "fr" and _fr_lower_name_word(t.text):
        return j + 1, True
    return j, False


def _fr_lower_name_word(word: str) -> bool:
    """'scientifique', 'recherche': a lower-case word that French names hold."""
    return bool(FR_ADJ.match(word) or FR_COMPOUND_ADJ.match(word)) or word in fr.LOWER_CASE_NAME_WORDS


def _after_connector(tokens: list[Token], j: int, lang: str, places: frozenset[str]) -> tuple[int, bool]:
    """Connectors at j ("of the", "de l'"): the name goes on when a name word follows them."""
    n, t = len(tokens), tokens[j]
    k = j
    while k < n and k < j + 3 and (
        tokens[k].lower in CONNECTORS
        or tokens[k].text in _ELISIONS
        or (tokens[k].lower == "the" and tokens[k - 1].lower == "of")
    ):
        k += 1
    if k < n and tokens[k].is_cap and tokens[k].is_word and tokens[k].text not in STOP_CAP and not _is_head(
        tokens, k, lang
    ):
        if lang == "fr" and t.lower == "et" and k == j + 1 and k + 1 < n and tokens[k + 1].is_cap:
            return j, False  # "... étrangères et Campus France": another name starts
        if t.lower == "and" and k == j + 1 and _head_ahead(tokens, k, lang):
            return j, False  # "Department of Science and Technology and Guangxi University": another name
        if (tokens[k].text in places or tokens[k].text in _adjectives()) and t.lower not in ("of", "de"):
            return j, False
        return k + 1, True
    if lang == "fr" and k < n and _fr_lower_name_word(tokens[k].text) and t.lower in fr.CONNECTORS_BEFORE_LOWER_WORDS:
        return k + 1, True
    return j, False


def _vi_stop(tokens: list[Token], j: int) -> bool:
    """True when the Vietnamese token at j ends a name: a function word or verb (``vi.STOP_WORDS``,
    ``vi.STOP_PAIRS``), unless it is the second syllable of a noun names hold ("Việc làm", ``vi.NAME_PAIRS``) or
    a preposition inside a name that an acronym closes ("... Quốc tế về Nông nghiệp (CINADCO)")."""
    if j > 0 and f"{tokens[j - 1].lower} {tokens[j].lower}" in vi.NAME_PAIRS:
        return False
    if tokens[j].lower in vi.INNER_PREPOSITIONS and _closed_by_acronym(tokens, j + 1):
        return False
    if tokens[j].lower in vi.STOP_WORDS:
        return True
    return j + 1 < len(tokens) and f"{tokens[j].lower} {tokens[j + 1].lower}" in vi.STOP_PAIRS


def _closed_by_acronym(tokens: list[Token], k: int) -> bool:
    """True when capitalised words start at k and run, with lower-case syllables of their own words, up to
    an acronym in parentheses within six tokens ("Nông nghiệp (CINADCO)"), with no stop word between."""
    if not (k < len(tokens) and tokens[k].is_cap and tokens[k].is_word):
        return False
    for j in range(k, min(len(tokens), k + 7)):
        t = tokens[j]
        if t.text == "(":
            paren = _paren_after(tokens, j)
            return bool(paren and is_acronym(paren[0].replace(" ", "")))
        if not t.is_word or t.lower in vi.STOP_WORDS:
            return False
    return False


def _acronym_ahead(tokens: list[Token], i: int, lang: str) -> int | None:
    """French/Vietnamese names hold lower-case words ("Institut sénégalais de recherches agricoles (ISRA)"):
    when an acronym in parentheses closes the name a few words on, the name runs up to it."""
    j = i
    limit = min(len(tokens), i + 22)
    while j < limit:
        t = tokens[j]
        if t.text == "(":
            paren = _paren_after(tokens, j)
            if paren and _acronym_like(paren[0]) and j > i:
                return j
            return None
        if t.text in (")", ".", ";", ":", "–", "—", "«", "»", '"', "“", "”") or t.text.isdigit():
            return None
        if (
            t.text == ","
            and j + 1 < len(tokens)
            and (_is_head(tokens, j + 1, lang) or not tokens[j + 1].is_word)
        ):
            return None
        if (j > i and _is_head(tokens, j, lang)) or _ends_name_ahead(tokens, j, lang):
            return None
        if lang == "fr" and t.lower == "et" and j + 1 < len(tokens) and _starts_another_name(tokens, j + 1, lang):
            return None  # "ministère de ... et Wallonie-Bruxelles International (WBI)": the acronym is the next name's
        j += 1
    return None


def _acronym_like(alias: str) -> bool:
    """True when words in parentheses are an acronym ("ISRA", "TA ČR") or hold one among at most three
    capitalised words ("Swiss TPH")."""
    words = alias.split()
    return is_acronym(alias.replace(" ", "")) or (
        len(words) <= 3 and all(w[:1].isupper() for w in words) and any(is_acronym(w) for w in words)
    )


def _starts_another_name(tokens: list[Token], k: int, lang: str) -> bool:
    """True when the capitalised token at k, right after "et", opens another body's name: a place (country,
    region, city: "et Wallonie-Bruxelles International (WBI)") or a head noun ("et Institut ..."), not a common
    noun of a title-case name ("Agence Marocaine de Sûreté et Sécurité Nucléaire (AMSSNuR)")."""
    t = tokens[k]
    return t.is_cap and (t.text in lexicon() or bool(_is_head(tokens, k, lang)))


def _ends_name_ahead(tokens: list[Token], j: int, lang: str) -> bool:
    """A word that no name holds: a Vietnamese stop word or surname, a French verb or preposition."""
    t = tokens[j]
    if lang == "vi":
        return _vi_stop(tokens, j) or (t.text in VI_SURNAMES and j + 1 < len(tokens) and tokens[j + 1].is_cap)
    return lang == "fr" and t.lower in fr.NAME_ENDING_WORDS and t.lower not in fr.INNER_PREPOSITIONS


def _comma_list_closes(tokens: list[Token], k: int, lang: str) -> bool:
    """'of Industry, Science and Resources': a comma list inside a name ends with 'and X' before '(' or a verb."""
    steps = 0
    while k < len(tokens) and steps < 12:
        t = tokens[k]
        if t.text in ("and", "et"):
            return True
        if t.text == "và":  # "Bộ Khoa học, Công nghệ và Môi trường": the list closes on a capitalised word
            return k + 1 < len(tokens) and tokens[k + 1].is_cap and tokens[k + 1].is_word
        if lang == "fr" and t.is_word and not t.is_cap and t.lower not in fr.LIST_ENDING_WORDS:
            k += 1  # "de la Recherche scientifique et de l'Innovation", "de la Pêche maritime et du ..."
            steps += 1
            continue
        if lang == "vi" and t.is_word and not t.is_cap and not _vi_stop(tokens, k):
            k += 1  # Vietnamese names keep their inner syllables in lower case ("Công nghệ")
            steps += 1
            continue
        if t.text in (".", ";", "(", ")") or (not t.is_cap and t.is_word and t.lower not in CONNECTORS):
            return t.text == "("
        k += 1
        steps += 1
    return False
def _country_at(tokens: list[Token], j: int, places: frozenset[str]) -> int:
    """Length in tokens of the country or city named at j (0 when none; "Lào" of "Lào Cai" is no country)."""
    for length in (3, 2, 1):
        words = tokens[j : j + length]
        if len(words) == length and " ".join(w.text for w in words) in places:
            place = PLACES_NAMED_AFTER.get(" ".join(w.text for w in words))
            rest = " " + " ".join(t.text for t in tokens[j + length : j + length + 2])
            if place and re.match(place, rest):
                return 0
            return length
    return 0


def _paren_after(tokens: list[Token], j: int) -> tuple[str, int] | None:
    """'(BELSPO)' or '(Bộ KH&CN)' right after a name: the alias and the index after ')'."""
    if j < len(tokens) and tokens[j].text == "(":
        k = j + 1
        while k < len(tokens) and tokens[k].text != ")" and k < j + 10:
            k += 1
        if k < len(tokens) and tokens[k].text == ")":
            inner = tokens[j + 1 : k]
            if inner and all(t.text not in (":", ",") for t in inner) and inner[0].is_cap:
                text = " ".join(t.text for t in inner)
                return text, k + 1
    return None


def _looks_like_name(name: str, head_only: bool) -> bool:
    words = name.split()
    if len(words) < 2 and head_only:
        return False
    return not (len(words) > 18)

_EVENT_LAST = re.compile(
    r"\b(?:" + "|".join(en.EVENT_NOUNS + fr.EVENT_NOUNS + vi.EVENT_NOUNS) + r")(?:\s+(?:19|20)\d\d)?(?:\s*\([^)]*\))?$"
)
_MEETING_WORD = re.compile(r"\b(?:" + "|".join(en.MEETING_NOUNS + fr.MEETING_NOUNS + vi.MEETING_NOUNS) + r")\b")


def names_an_event(name: str) -> bool:
    """True when a name read as an organisation names an event or a meeting: its last word is an event noun
    ("International Astronautical Congress", "Industrial Technological Forum 2024") or it holds a meeting noun
    ("Joint Commission Meeting on S&T Cooperation"); "Conference of Rectors" and "Conférence des présidents
    d'université" (the noun first) stay bodies. Nouns: ``lang/<code>/organizations.py``."""
    words = name.split()
    if len(words) < 2:
        return False
    return bool(_EVENT_LAST.search(name) or _MEETING_WORD.search(name))


_NEWS_LAST = re.compile(r"\b(?:" + "|".join(en.NEWS_NOUNS) + r")(?:\s*\([^)]*\))?$")
_ROLE_NAME = re.compile(r"^(?:" + "|".join(en.ROLE_NAMES) + r")\b", re.I)


_VENUE = re.compile(r"(?<!\w)(?:" + "|".join(en.VENUE_NAMES + fr.VENUE_NAMES + vi.VENUE_NAMES) + r")(?!\w)")


def names_no_body(name: str) -> bool:
    """True when a name read as an organisation is an event or meeting (`names_an_event`), a news outlet
    reporting it ("People's Daily Online", "Jilin Daily"), a role ("Principal Investigator (PI)"), a venue
    ("Kenyatta International Convention Centre", "Trung tâm Hội nghị tỉnh") or a committee-like noun alone
    ("Joint Committee", "Working Group": the committee is read by ``sessions.py``)."""
    from sticoop.ingest.extract.sessions import COMMITTEE_NOUN

    return names_an_event(name) or bool(
        (len(name.split()) >= 2 and _NEWS_LAST.search(name))
        or _ROLE_NAME.match(name)
        or _VENUE.search(name)
        or re.fullmatch(r"(?:(?:Joint|Permanent|Mixed)\s+)*" + COMMITTEE_NOUN, name)
    )


def find_organizations(
    text: str,
    lang: str = "en",
    gazetteer: Gazetteer | None = None,
    skip_spans: list[tuple[int, int]] | None = None,
    body_start: int = 0,
) -> list[Organization]:
    """Organisations named in the text, deduplicated, in order of first mention."""
    tokens = tokenize(text)
    places = _country_forms()
    skip_spans = skip_spans or []
    covered: set[int] = set()
    cands = _headed(text, tokens, lang, places, skip_spans, body_start, covered)
    if lang == "vi":
        cands += _vi_headless(text, tokens, covered, body_start, skip_spans)
    cands += _acronym_anchored(text, tokens, covered, body_start, places)
    if gazetteer is not None:
        cands += _gazetteer_matches(text, gazetteer)
    if not cands and _MINISTRIES_NAMED.search(text):
        # a bare "Minister of X" title names a job, not a ministry (labelling convention 6), unless the text says
        # the ministries themselves take part ("officials from the two ministries") and names them only so
        cands += _ministries_from_roles(text, body_start)
    return _merge(text, cands, lang)


def _headed(
    text: str,
    tokens: list[Token],
    lang: str,
    places: frozenset[str],
    skip_spans: list[tuple[int, int]],
    body_start: int,
    covered: set[int],
) -> list[OrgCandidate]:
    """Names built around a head noun, in text order; the tokens they take are added to `covered`."""
    cands: list[OrgCandidate] = []
    i = 0
    while i < len(tokens):
        head_len = 0 if i in covered else _is_head(tokens, i, lang)
        if not head_len or tokens[i].start < body_start:
            i += 1
            continue
        start_i = _extend_back(tokens, i, lang) if lang != "vi" else i
        end_i = _extend_forward(tokens, i, head_len, lang, places)
        start, end = tokens[start_i].start, tokens[end_i - 1].end
        if any(s <= start < e or s < end <= e for s, e in skip_spans):
            i = end_i
            continue
        cand = OrgCandidate(text[start:end], start, end, confidence=0.7)
        paren = _paren_after(tokens, end_i)
        if paren:
            end_i = _take_alias(cand, paren, tokens, end_i, lang, i)
        if _looks_like_name(cand.name, head_only=(end_i - start_i == head_len and not paren)):
            cands.append(cand)
        covered.update(range(start_i, end_i))
        i = max(end_i, i + 1)
    return cands


def _names_a_parent(tokens: list[Token], head: int, k: int) -> bool:
    """True when the words in parentheses at k name the body that the Vietnamese unit whose head is at `head`
    belongs to ("Vụ Hợp tác quốc tế (Bộ KH&CN)": the department, then its ministry; ``vi.UNIT_HEADS``,
    ``vi.PARENT_HEADS``), not an alias: the ministry's own short name ("Bộ Khoa học và Công nghệ (Bộ KH&CN)")
    and another name of the body ("Trung tâm Volcani (Tổ chức ...)") stay aliases."""
    own = _vi_head_len(tokens, head)
    if " ".join(t.text for t in tokens[head : head + own]) not in vi.UNIT_HEADS:
        return False
    n = _vi_head_len(tokens, k)
    parent = " ".join(t.text for t in tokens[k : k + n])
    return bool(n) and parent in vi.PARENT_HEADS and tokens[k].text != tokens[head].text


def _take_alias(
    cand: OrgCandidate, paren: tuple[str, int], tokens: list[Token], end_i: int, lang: str = "en", head: int = 0
) -> int:
    """'(BELSPO)' after a name becomes its alias (and acronym); returns the index the name now ends at."""
    alias, after = paren
    if not (is_acronym(alias.replace(" ", "")) or len(alias.split()) <= 8) or (
        lang == "vi" and _names_a_parent(tokens, head, end_i + 1)
    ):
        return end_i
    cand.aliases.add(alias)
    if _acronym_like(alias):
        cand.acronym = alias
    cand.confidence = 0.85
    cand.end = tokens[after - 1].end
    return after


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(f for f, (_, kind) in lexicon().items() if kind == "name")


def _vi_headless(
    text: str, tokens: list[Token], covered: set[int], body_start: int, skip_spans: list[tuple[int, int]]
) -> list[OrgCandidate]:
    """Vietnamese names with no head noun (see `orgs_vi`): closed by an acronym, or brand-like after
    'của/với/và'. Tokens they take are marked covered so the generic rules do not read them again."""
    from sticoop.ingest.extract import orgs_vi

    out: list[OrgCandidate] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in skip_spans)

    for a, paren, after in orgs_vi.acronym_closed(
        tokens, covered, body_start, _country_forms(), VI_SURNAMES, VI_HEADS
    ):
        start, end = tokens[a].start, tokens[paren - 1].end
        if not free(start, end):
            continue
        alias = text[tokens[paren + 1].start : tokens[after - 2].end]
        out.append(OrgCandidate(text[start:end], start, tokens[after - 1].end, aliases={alias},
                                acronym=alias if is_acronym(alias.replace(" ", "")) else None, confidence=0.6))
        covered.update(range(a, after))
    for a, b in orgs_vi.after_party_word(tokens, covered, body_start, _country_names(), VI_SURNAMES):
        start, end = tokens[a].start, tokens[b - 1].end
        if free(start, end):
            out.append(OrgCandidate(text[start:end], start, end, confidence=0.5))
            covered.update(range(a, b))
    return out


_MINISTRIES_NAMED = re.compile(
    r"\b(?:two|both)\s+ministries\b|\b(?:deux|les)\s+ministères\b|\bhai\s+[Bb]ộ\b", re.I
)
_MINISTER_OF = re.compile(r"\bMinister\s+(?:of|for)\s+|\bministre\s+(?=de\s+l'|des\s+|du\s+|de\s+la\s+)")


def _ministries_from_roles(text: str, body_start: int) -> list[OrgCandidate]:
    """When no organisation is named, the ministers' titles name their ministries
    ("Minister of Technology and Communication X" -> "Ministry of Technology and Communication")."""
    out: list[OrgCandidate] = []
    for m in _MINISTER_OF.finditer(text, body_start):
        french = m.group(0).startswith("ministre")
        kept: list[Token] = []
        for t in tokenize(text[m.end() : m.end() + 120]):
            if t.is_cap and t.is_word:
                if kept and kept[-1].is_cap and kept[-1].is_word and len(kept) >= 1 and not french:
                    break  # "Technology and Communication Boviengkham": the person's name starts
                kept.append(t)
            elif t.lower in CONNECTORS or t.text in (",", "d'", "l'"):
                kept.append(t)
            else:
                break
        while kept and not (kept[-1].is_cap and kept[-1].is_word):
            kept.pop()
        if not kept:
            continue
        rest = text[m.end() : m.end() + kept[-1].end]
        prefix = "ministère " if french else "Ministry " + m.group(0).split()[1] + " "
        out.append(OrgCandidate(prefix + rest, m.start(), m.end() + kept[-1].end, confidence=0.5))
    return out


def _acronym_anchored(
    text: str, tokens: list[Token], covered: set[int], body_start: int, places: frozenset[str]
) -> list[OrgCandidate]:
    """'the Australia-Indonesia Centre' is caught by heads; this catches 'Some Capitalised Name (ACR)' without one."""
    out: list[OrgCandidate] = []
    for j, t in enumerate(tokens):
        if t.text != "(" or j in covered or t.start < body_start:
            continue
        paren = _paren_after(tokens, j)
        if not paren or not is_acronym(paren[0].replace(" ", "")):
            continue
        k = j
        while (
            k > 0
            and tokens[k - 1].is_cap
            and tokens[k - 1].is_word
            and tokens[k - 1].text not in STOP_CAP
            and (k - 1) not in covered
        ):
            k -= 1
        words = tokens[k:j]
        phrase = " ".join(w.text for w in words)
        if len(words) < 2 or phrase in places or PROGRAMME_WORDS.search(phrase):
            continue
        out.append(
            OrgCandidate(
                text[words[0].start : words[-1].end],
                words[0].start,
                tokens[paren[1] - 1].end,
                acronym=paren[0],
                aliases={paren[0]},
                confidence=0.6,
            )
        )
    return out


def _gazetteer_matches(text: str, gazetteer: Gazetteer) -> list[OrgCandidate]:
    out: list[OrgCandidate] = []
    for form, org in gazetteer.forms_in(text):
        flags = 0 if is_acronym(form) else re.IGNORECASE
        for m in re.finditer(r"(?<![\w])" + re.escape(form) + r"(?![\w])", text, flags):
            aliases = {a for a in (org.acronym, *org.aliases) if a}
            out.append(
                OrgCandidate(
                    org.name,
                    m.start(),
                    m.end(),
                    acronym=org.acronym,
                    aliases=aliases,
                    confidence=0.95,
                    country=org.country,
                    known=True,
                )
            )
            break
    return out


_PARENT_JOIN = re.compile(r"\s[–-]\s(?=(?:" + "|".join(vi.PARENT_AFTER_DASH) + r")\s)")


def _keys(c: OrgCandidate) -> set[str]:
    """Matching keys of a candidate: its name, its aliases, and a school's own name before the dash that joins it
    to its university ("Trường Đại học Bách khoa – Đại học Đà Nẵng" is met again as "Trường Đại học Bách khoa")."""
    school = _PARENT_JOIN.split(c.name, maxsplit=1)[0] if _PARENT_JOIN.search(c.name) else ""
    names = (c.name, school, _vi_short_form(c.name), *c.aliases)
    return {k for k in (normalize_name(n) for n in names) if k}


def _vi_short_form(name: str) -> str:
    """The short form Vietnamese writes for a body's name: the head, then the initials of each word's syllables
    joined by "&" ("Bộ Khoa học và Công nghệ" -> "Bộ KH&CN", "Bộ Nông nghiệp và Phát triển nông thôn" -> "Bộ
    NN&PTNT"); "" when the name has no "và" or is no Vietnamese head's. Source: the abbreviations of the
    Vietnamese ministries' own style (most.gov.vn writes "Bộ KH&CN")."""
    words = name.split(" (")[0].split()
    if not words or words[0] not in _vi_heads_by_first_word() or " và " not in name:
        return ""
    head = next((p for p in _vi_heads_by_first_word()[words[0]] if [w.lower() for w in words[: len(p)]]
                 == [x.lower() for x in p]), None)
    if head is None:
        return ""
    groups = " ".join(words[len(head) :]).split(" và ")
    if len(groups) < 2 or not all(groups):
        return ""
    return " ".join(head) + " " + "&".join("".join(w[0].upper() for w in g.split()) for g in groups)


def _strip_country(name: str) -> tuple[str, bool]:
    """'Bộ Khoa học và Công nghệ Việt Nam' -> ('Bộ Khoa học và Công nghệ', True)."""
    words = name.split()
    forms = _country_forms()
    for k in (3, 2, 1):
        if len(words) > k and " ".join(words[-k:]) in forms:
            return " ".join(words[:-k]), True
    return name, False


#: the country a body named without one belongs to, by the report's language: in a Vietnamese report "Bộ Khoa
#: học và Công nghệ" is Vietnam's ministry, so its namesake "Bộ Khoa học và Công nghệ Ấn Độ (DST)" is another body
UNQUALIFIED_HOME: dict[str, str] = {"vi": "VNM"}


def _suffix_country(name: str) -> str | None:
    """The code of the country a name ends with ("Bộ Khoa học và Công nghệ Ấn Độ" -> "IND"), else None."""
    words = name.split()
    forms = _country_forms()
    for k in (3, 2, 1):
        if len(words) > k and " ".join(words[-k:]) in forms:
            return lexicon()[" ".join(words[-k:])][0]
    return None


class _MergeIndex:
    """The merged organisations by name key and by country-stripped key. Two candidates are the same
    organisation when a name or alias key is shared, or when their names are equal once a country is stripped
    from one of them ("Bộ Khoa học và Công nghệ Việt Nam"). Finding a twin is a few dictionary probes, not a scan
    of everything merged so far (which made long texts quadratic)."""

    def __init__(self, home: str | None = None) -> None:
        self.home = home  # the country of a body named without one (UNQUALIFIED_HOME), None when unknown
        self.merged: list[OrgCandidate] = []
        self._keys: dict[str, int] = {}
        self._stripped: dict[tuple[str, bool], int] = {}
        self._position: dict[int, int] = {}  # id(candidate) -> its index in `merged`

    def twin(self, c: OrgCandidate) -> OrgCandidate | None:
        """The earliest merged organisation `_same` as `c`, or None."""
        hits = [self._keys[k] for k in _keys(c) if k in self._keys]
        stripped, had_country = _strip_country(c.name)
        hit = self._stripped.get((normalize_name(stripped), not had_country))
        if hit is not None and not self._namesake(c if had_country else self.merged[hit]):
            hits.append(hit)
        return self.merged[min(hits)] if hits else None

    def _namesake(self, suffixed: OrgCandidate) -> bool:
        """True when the name with a country is another country's body than the bare name's (the home)."""
        code = _suffix_country(suffixed.name)
        return self.home is not None and code is not None and code != self.home

    def add(self, c: OrgCandidate) -> None:
        """Index `c` (a new organisation, or a twin whose name or aliases grew) under all its keys."""
        index = self._position.setdefault(id(c), len(self.merged))
        if index == len(self.merged):
            self.merged.append(c)
        for k in _keys(c):
            self._keys.setdefault(k, index)
        stripped, had_country = _strip_country(c.name)
        self._stripped.setdefault((normalize_name(stripped), had_country), index)


def _within_a_line(c: OrgCandidate) -> OrgCandidate | None:
    """A name never runs over a line break (a headline's last words are not the next line's organisation):
    the part after the last break is kept when it still has two words, else the candidate is dropped."""
    if "\n" not in c.name:
        return c
    cut = c.name.rfind("\n") + 1
    tail = c.name[cut:].strip()
    if len(tail.split()) < 2:
        return None
    c.start += c.name.index(tail, cut)
    c.name = tail
    return c


def _merge(text: str, cands: list[OrgCandidate], lang: str = "en") -> list[Organization]:
    index = _MergeIndex(UNQUALIFIED_HOME.get(lang))
    cands = [k for c in cands if (k := _within_a_line(c)) is not None]
    for c in sorted(cands, key=lambda c: (c.start, -c.confidence)):
        twin = index.twin(c)
        if twin is None:
            index.add(c)
            continue
        if c.known and not twin.known:
            twin.name, twin.known, twin.country = c.name, True, c.country or twin.country
        elif _vi_short_form(c.name) and normalize_name(_vi_short_form(c.name)) == normalize_name(twin.name):
            twin.name, twin.start, twin.end = c.name, c.start, c.end  # "Bộ KH&CN" first, the full name later
        if c.acronym and not twin.acronym:
            twin.acronym = c.acronym
        twin.aliases |= c.aliases
        twin.confidence = max(twin.confidence, c.confidence)
        index.add(twin)
    merged = index.merged
    # a bare alias mention ("DST") of an earlier organisation is no new organisation
    out: list[Organization] = []
    for c in merged:
        display = c.name if not c.acronym or c.known else f"{c.name} ({c.acronym})"
        country = c.country or country_of(text[max(0, c.start - 25) : c.end + 15])
        out.append(
            Organization(
                name=Value(display, Evidence(c.start, c.end, c.confidence)),
                acronym=c.acronym,
                country=country,
                aliases=tuple(sorted(c.aliases)),
                known=c.known,
            )
        )
    return out
