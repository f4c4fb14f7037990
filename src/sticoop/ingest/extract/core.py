"""The extraction pipeline: one text in, one `Extraction` out. Pure: no I/O, no network."""

from __future__ import annotations

import bisect
import logging
import re
from datetime import date
from typing import Any

from sticoop.ingest.extract import countries as countries_mod
from sticoop.ingest.extract import nlp
from sticoop.ingest.extract.agreements import find_agreements
from sticoop.ingest.extract.dates import extract_event_date
from sticoop.ingest.extract.events import commitments, event_type, location, programmes, session_of_a_call
from sticoop.ingest.extract.fields import find_fields
from sticoop.ingest.extract.gazetteer import Gazetteer
from sticoop.ingest.extract.lang.en import organizations as en_organizations
from sticoop.ingest.extract.lang.fr import organizations as fr_organizations
from sticoop.ingest.extract.model import Extraction, Organization, Person, Value
from sticoop.ingest.extract.names import normalize_name
from sticoop.ingest.extract.organizations import _country_forms as place_names
from sticoop.ingest.extract.organizations import find_organizations, names_no_body
from sticoop.ingest.extract.people import find_people
from sticoop.ingest.extract.sessions import find_committee
from sticoop.ingest.extract.textutil import dateline_end, normalize_quotes, sentences

log = logging.getLogger(__name__)
SUPPORTED = ("en", "fr", "vi")


def _guess_language(text: str) -> str:
    from sticoop.ingest.language import detect_language

    return detect_language(text).code or "en"


def extract(
    text: str,
    published: date | None = None,
    language: str | None = None,
    gazetteer: Gazetteer | None = None,
    use_ner: bool = True,
) -> Extraction:
    """Read a press report and return what it says about the cooperation, every value with evidence.

    `published` is the base for relative dates ("on Tuesday"); `language` (ISO 639-1) is detected when None;
    `gazetteer` holds known organisations/committees from the database. `use_ner=False` skips spaCy.
    """
    text = normalize_quotes(text or "")
    lang = _language(text, language)
    result = Extraction(language=lang)
    if not text.strip():
        return result
    body = dateline_end(text)
    committee = find_committee(text)
    if session_of_a_call(text, committee) and committee is not None:
        committee.session_number, committee.session_evidence = None, None
    result.committee = committee
    committee_spans = [(committee.name.evidence.start, committee.name.evidence.end)] if committee else []
    mentions, org_spans = _read_actors(result, text, lang, gazetteer, committee_spans, body, use_ner)
    _read_event(result, text, lang, published, mentions, org_spans, committee_spans, body)
    return result


def _language(text: str, language: str | None) -> str:
    """The given or detected language, English rules for an unsupported one."""
    lang = language or _guess_language(text)
    if lang not in SUPPORTED:
        log.info("language %s not supported for extraction; using English rules", lang)
        lang = "en"
    return lang


def _spans(values: list[Any]) -> list[tuple[int, int]]:
    """Evidence spans of organisations or people."""
    return [(v.name.evidence.start, v.name.evidence.end) for v in values]


def _read_actors(
    result: Extraction,
    text: str,
    lang: str,
    gazetteer: Gazetteer | None,
    committee_spans: list[tuple[int, int]],
    body: int,
    use_ner: bool,
) -> tuple[list[countries_mod.Mention], list[tuple[int, int]]]:
    """Organisations, countries and people into `result`; returns the country mentions and organisation spans."""
    orgs = find_organizations(text, lang, gazetteer, skip_spans=committee_spans, body_start=body)
    org_spans = _spans(orgs)
    party_result = countries_mod.find_parties(text, _home_weight(orgs, lang, body))
    result.countries = party_result.parties
    places = place_names()
    ents: list[tuple[str, str, int, int]] = []
    if use_ner:
        rule_people = find_people(text, lang, org_spans, party_result.mentions, [], places, body)
        known = org_spans + committee_spans + [(m.start, m.end) for m in party_result.mentions] + _spans(rule_people)
        ents = _titled_after(text, nlp.entities_in(text, lang, _unexplained_sentences(text, known, body)))
    result.people = find_people(text, lang, org_spans, party_result.mentions, ents, places, body)
    person_spans = _spans(result.people)
    # an 'organisation' that swallowed a person's name ("Science and ICT Park Ji-hoon") is a misreading
    result.organizations = [
        o
        for o in orgs
        if not any(
            s < o.name.evidence.end and o.name.evidence.start < e and o.name.evidence.end <= e + 1
            for s, e in person_spans
        )
    ]
    org_spans = _spans(result.organizations)
    result.organizations += _headless_orgs(text, ents, org_spans + committee_spans, person_spans, places, body)
    result.organizations = [
        o
        for o in distinct_organizations(result.organizations, result.people)
        if not names_no_body(o.name.value) and not _names_a_field(o.name.value)
    ]
    result.people = [p for p in result.people if not names_a_programme(text, p)]
    _countries_from_employers(result)
    return party_result.mentions, org_spans


def _home_weight(orgs: list[Organization], lang: str, body: int) -> dict[str, float]:
    """One point for the report's home country (``organizations.UNQUALIFIED_HOME``: Vietnam in a Vietnamese
    report) when a body of the text is named without a country ("đoàn công tác do Thứ trưởng Bộ Khoa học và
    Công nghệ dẫn đầu"): in that language a bare body name is the home country's, which therefore takes part
    even when the text never names it."""
    from sticoop.ingest.extract.organizations import UNQUALIFIED_HOME, _strip_country

    home = UNQUALIFIED_HOME.get(lang)
    if home is None:
        return {}
    bare = any(
        o.country is None and o.name.evidence.start >= body and not _strip_country(o.name.value.split(" (")[0])[1]
        for o in orgs
    )
    return {home: 1.0} if bare else {}


def _names_a_field(name: str) -> bool:
    """True when a name read as an organisation is a field of cooperation with its acronym ("Earth Observation
    (EO)", "Artificial Intelligence (AI)"): a field keyword covers the whole name before the parentheses."""
    bare = name.split(" (")[0].strip()
    return any(v.evidence.start == 0 and v.evidence.end >= len(bare) - 1 for v in find_fields(bare))


def distinct_organizations(orgs: list[Organization], people: list[Person]) -> list[Organization]:
    """One item per organisation name (the first, in text order of finding), and no organisation that bears a
    person's name: a name the rules read as a person in one place and the NER model as an organisation in
    another ("Bui The Duy") is a person. Names are compared by `normalize_name` (case, accents, small words)."""
    persons = {normalize_name(p.name.value) for p in people}
    seen: set[str] = set()
    out: list[Organization] = []
    for org in orgs:
        key = normalize_name(org.name.value)
        if key in persons or key in seen:
            continue
        seen.add(key)
        out.append(org)
    return out


def names_a_programme(text: str, person: Person) -> bool:
    """True when a 'person' is a programme's namesake: the name starts with a programme word ("Partenariat
    Hubert Curien") or a programme word stands right before it, quoted or not (`programme "Ibn Khaldoun"`,
    "the Marie Curie Fellowship" is caught by the organisation rules). Words: ``lang/<code>/organizations.py``."""
    from sticoop.ingest.extract.organizations import PROGRAMME_WORDS

    first = person.name.value.split(" ", 1)[0]
    if PROGRAMME_WORDS.fullmatch(first):
        return True
    before = text[max(0, person.name.evidence.start - 30) : person.name.evidence.start]
    return bool(_PROGRAMME_BEFORE.search(before))


def _read_event(
    result: Extraction,
    text: str,
    lang: str,
    published: date | None,
    mentions: list[countries_mod.Mention],
    org_spans: list[tuple[int, int]],
    committee_spans: list[tuple[int, int]],
    body: int,
) -> None:
    """Date, fields, agreements, event type, place, programmes and commitments into `result`."""
    result.event_date = extract_event_date(text, published, lang)
    result.fields = find_fields(text, skip_spans=org_spans + committee_spans)
    result.agreements = find_agreements(text)
    for a in result.agreements:
        if a.status in ("signed", "renewed", "discussed") and result.event_date is not None:
            a.date = result.event_date.value.split("/")[-1]
    result.event_type = event_type(text, result.committee)
    if result.event_type and result.event_type.value == "funding_call" and result.event_date is not None:
        # a call's date is its opening, never its deadline (labelling convention 2): the start of a period
        opening = result.event_date.value.split("/")[0]
        result.event_date = Value(opening, result.event_date.evidence)
    parties = {v.value for v in result.countries}
    result.location_country = location(text, mentions, body, parties)
    result.programmes = programmes(text, org_spans)
    result.commitments = commitments(text)


def _countries_from_employers(result: Extraction) -> None:
    """A person whose role names an organisation ("Director General of KALRO", "Phó Giám đốc NAFOSTED")
    belongs to that organisation's country, unless the role names a country itself ("Lao Minister ...").
    The employer is stronger evidence than the nearest country mentioned in the text, which is the fallback."""
    from sticoop.ingest.extract.countries import country_of
    from sticoop.ingest.extract.organizations import _strip_country

    for person in result.people:
        if not person.role or country_of(person.role):
            continue
        role = person.role
        for org in result.organizations:
            forms = [f for f in (org.acronym, *org.aliases) if f and len(f) >= 2]
            name = org.name.value.split(" (")[0]
            forms += [name, _strip_country(name)[0]]  # "Bộ Khoa học và Công nghệ (Việt Nam)"
            if org.country and any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", role) for f in forms):
                person.country = org.country
                break


_CAP_PAIR = re.compile(
    r"(?<![\w.])[A-ZÀ-Ý][\w'’\-]+(?:\s+(?:de|da|van|von|del|bin|El|Ben)\s+|\s+)[A-ZÀ-Ý][\w'’\-]+"
)


class _Cover:
    """Which offsets a set of spans covers, answered by bisection (a scan of every span per question made long
    texts quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach: list[int] = []  # the furthest end among the spans starting at or before each start
        for _, e in ordered:
            self._reach.append(max(e, self._reach[-1]) if self._reach else e)

    def holds(self, pos: int) -> bool:
        """True when a span has start <= pos < end."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and self._reach[i] > pos

    def holds_end(self, pos: int) -> bool:
        """True when a span has start < pos <= end."""
        i = bisect.bisect_left(self._starts, pos) - 1
        return i >= 0 and self._reach[i] >= pos


def _unexplained_sentences(text: str, known: list[tuple[int, int]], body: int) -> list[tuple[int, int]]:
    """Sentences holding two capitalised words in a row that no rule explained (a name the rules missed)."""
    out = []
    cover = _Cover(known)
    for sent in sentences(text):
        if sent.end <= body:
            continue
        for m in _CAP_PAIR.finditer(text, max(sent.start, body), sent.end):
            if not (cover.holds(m.start()) and cover.holds_end(m.end())):
                out.append((sent.start, sent.end))
                break
    return out


GEOGRAPHIC_WORDS = en_organizations.GEOGRAPHIC_WORDS
_PROGRAMME_BEFORE = re.compile(
    r"\b(?:"
    + "|".join((*en_organizations.PROGRAMME_WORDS, *fr_organizations.PROGRAMME_WORDS, "programme", "chương trình"))
    + r")\s*[\"«“]?\s*$",
    re.I,
)


#: a personal name's words: capitalised, letters (hyphens and apostrophes inside) only
_NAME_WORD = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:[-'][A-Za-zÀ-ÿ]+)*")


def _titled_after(
    text: str, ents: list[tuple[str, str, int, int]]
) -> list[tuple[str, str, int, int]]:
    """spaCy entities with a person read as an organisation (and the reverse) corrected: two to four
    capitalised name words followed by a comma and a role ("Catalina Riquelme, Head of International
    Cooperation at ...", "said Helena Marques Duarte, President of FCT") introduce a person with the title
    after the name. Source: the corpus convention that people carry the role written next to their name
    (``../shared/corpus/real/README.md``). A person entity described in apposition by an organisation's head
    noun is a body (`_described_as_body`). Entities are (label, text, start, end) tuples, offsets in `text`."""
    from sticoop.ingest.extract.people import ROLE_WORDS

    out = []
    for label, ent_text, s, e in ents:
        words = ent_text.split()
        after = re.match(r",\s+(?:the\s+|le\s+|la\s+)?", text[e : e + 8])
        if (
            label == "ORG"
            and 2 <= len(words) <= 4
            and all(_NAME_WORD.fullmatch(w) for w in words)
            and after is not None
            and _role_at(text, e + after.end(), ROLE_WORDS)
        ):
            label = "PERSON"
        elif label in ("PERSON", "PER") and _described_as_body(text, e):
            label = "ORG"
        out.append((label, ent_text, s, e))
    return out


#: an apposition after a name, up to its first punctuation or preposition ("GNS Science, the country's
#: geoscience research institute, ..." -> "the country's geoscience research institute")
_APPOSITION = re.compile(
    r",\s+(?:(?:the|a|an|le|la|un|une)\s+|l')(?P<desc>[^,.;:()]{1,60}?)"
    r"(?=\s+(?:of|at|in|for|de|du|des|à|that|qui)\b|[,.;:()]|$)",
    re.I,
)
_HEAD_NOUNS = frozenset(h.lower() for h in en_organizations.HEADS | fr_organizations.HEADS)


def _described_as_body(text: str, end: int) -> bool:
    """True when the name ending at `end` is described, in apposition, by an organisation's head noun ("GNS
    Science, the country's geoscience research institute", "Maria 01, an incubator"): a body the NER model read
    as a person. A person's apposition ends on a role ("the Permanent Secretary of the Ministry")."""
    m = _APPOSITION.match(text, end, end + 80)
    return m is not None and m.group("desc").split()[-1].lower() in _HEAD_NOUNS


def _role_at(text: str, pos: int, roles: re.Pattern[str]) -> bool:
    """True when a role word stands at `pos` or after one or two qualifiers ("Permanent Secretary", "Deputy
    Director General"), before any punctuation."""
    head = _QUALIFIERS.match(text, pos, pos + 40)
    starts = [0] + [m.end() for m in re.finditer(r"\s+", head.group(0) if head else "")]
    return any(roles.match(text, pos + k) for k in starts)


_QUALIFIERS = re.compile(r"(?:[A-Za-zÀ-ÿ-]+\s+){0,2}")


#: an entity right after a role and 'of/for' names the role's field or unit, not an organisation
_ROLE_OF = re.compile(
    r"\b(?:Director|Head|Minister|Secretary|Officer|Chief|Manager|Coordinator|Adviser|Advisor|Commissioner|"
    r"directeur|directrice|chef|responsable)\s+(?:General\s+)?(?:of|for|de|du|des|de la)\s+(?:the\s+)?$",
    re.I,
)
#: an entity followed by one of these nouns names a programme or a product ("Stipendium Hungaricum scholarships")
_MODIFIES = re.compile(r"\s+(?:" + "|".join(en_organizations.MODIFIED_NOUNS + fr_organizations.MODIFIED_NOUNS) + r")\b")


def _headless_orgs(text: str, ents: list[tuple[str, str, int, int]], taken: list[tuple[int, int]],
                   people_spans: list[tuple[int, int]], places: frozenset[str], body: int) -> list[Organization]:
    """Organisations with no head noun ('Business Finland', 'Campus France') from spaCy ORG entities:
    two or more capitalised words, not a place, not overlapping anything already read."""
    from sticoop.ingest.extract.model import Evidence, Value
    from sticoop.ingest.extract.organizations import PROGRAMME_WORDS
    from sticoop.ingest.extract.people import ROLE_WORDS

    out = []
    seen: set[str] = set()
    for label, ent_text, s, e in ents:
        if label != "ORG" or s < body:
            continue
        words = ent_text.split()
        if words and words[0].lower() in ("the", "la", "le", "l'"):
            words = words[1:]
        if len(words) < 2 or not all(w[:1].isupper() for w in words) or any(w.endswith(",") for w in words):
            continue  # "Science, Technology" is a list of fields, not a name
        if any(w.isupper() for w in words[1:]) or (words[0].isupper() and ROLE_WORDS.search(ent_text)):
            continue  # an acronym leads a name ("GNS Science"), but "NKFIH Vice President" is a role
        if words[-1] in GEOGRAPHIC_WORDS:
            continue  # "Taupō Volcanic Zone", "Mekong Delta": places
        name = " ".join(words)
        if name in seen or any(w in places for w in words[:1]) and all(w in places for w in words):
            continue
        if any(a < e and s < b for a, b in taken + people_spans) or PROGRAMME_WORDS.search(name):
            continue
        if any(ch.isdigit() for ch in name):
            continue
        if _ROLE_OF.search(text[max(body, s - 40) : s]) or _MODIFIES.match(text[e : e + 30]):
            continue  # "Director of International Cooperation", "Stipendium Hungaricum scholarships"
        seen.add(name)
        out.append(Organization(Value(name, Evidence(s, e, 0.5))))
    return out
