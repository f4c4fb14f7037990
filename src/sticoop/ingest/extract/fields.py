"""Cooperation fields: keyword -> taxonomy key (src/sticoop/reference/fields.py), in en/fr/vi.

The keywords live in ``lang/<code>/fields.py``, of three kinds: stems (matched case-insensitively at the start of
a word and running on over an inflection only: "agricultur" finds "agricultural", "crop" not "cropped"), whole
words (case-insensitive, the word alone: "mil" but not "militaire") and acronyms (with their case, the word
alone: "AI" but not "ai"). A keyword inside a phrase naming another field ("atomic energy") does not count. The
words of every language are looked for in every text, since releases quote names and terms in other languages.
Matches inside the spans the caller skips (organisation and committee names) and inside portfolio titles
("Minister for Environment, Science..." names a job, not a field) do not count. A field is reported once, with
its first mention as evidence.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from sticoop.ingest.extract.lang.en import fields as en
from sticoop.ingest.extract.lang.fr import fields as fr
from sticoop.ingest.extract.lang.vi import fields as vi
from sticoop.ingest.extract.model import Evidence, Value
from sticoop.reference.fields import FIELD_KEYS

#: the language modules read, in this order (it fixes which field is reported first when two start together)
LANGUAGES = (en, fr, vi)


def _keys() -> list[str]:
    """Field keys in the order the language modules first name them."""
    keys: list[str] = []
    for module in LANGUAGES:
        for kind in (module.STEMS, module.WORDS, module.ACRONYMS):
            keys += [k for k in kind if k not in keys]
    return keys


#: what a stem may run on with: the inflections and derivational endings of en/fr words ("agricultur" finds
#: "agricultural", "agriculture", "agricole"s; "hydrolog" finds "hydrology", "hydrologique"), never another word
#: glued on ("crop" does not find "cropped", "cotton" does not find "Cottonwood")
INFLECTION = (
    r"(?:s|es|e|ed|er|ers|ing|ings|al|ally|als|ation|ations|ure|ures|ural|y|ies|ie|ic|ics|ical|ist|ists|ian|ians"
    r"|ial|ique|iques|ien|iens|ienne|iennes|aux|ale|ales|el|elle|elles|iel|ielle|ielles|eur|eurs|ée|ées|é|és"
    r"|ine|ines|ament|aments)?"
)

#: a stem shorter than five letters is a word of its own ("seed", "farm", "crop"): plurals and -er/-ing only, so
#: "seedy" is no seed
SHORT_INFLECTION = r"(?:s|es|er|ers|ing|ings)?"


def _alternatives(key: str) -> str:
    """Regex alternatives of one field: stems and whole words longest first (one case-insensitive group),
    then acronyms with their case."""
    stems = [(w, INFLECTION if len(w) >= 5 else SHORT_INFLECTION) for m in LANGUAGES for w in m.STEMS.get(key, ())]
    words = [(w, "") for m in LANGUAGES for w in m.WORDS.get(key, ())]
    acronyms = [w for m in LANGUAGES for w in m.ACRONYMS.get(key, ())]
    # a whole word counts one more character when ordering, as its closing boundary
    ordered = sorted(stems + words, key=lambda t: len(t[0]) + (not t[1]), reverse=True)
    alts = []
    if ordered:
        alts.append("(?i:" + "|".join(re.escape(w) + tail for w, tail in ordered) + ")")
    if acronyms:
        alts.append("|".join(re.escape(w) for w in acronyms))
    return "|".join(alts)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for key in _keys():
        assert key in FIELD_KEYS, key
        out.append((key, re.compile(r"(?<![\w-])(?:" + _alternatives(key) + r")(?!\w)")))
    return out


@cache
def _not_in(key: str) -> re.Pattern[str] | None:
    """Phrases holding one of the field's keywords that name another field ("atomic energy" is nuclear, not
    energy), from ``NOT_IN`` of every language."""
    phrases = [p for m in LANGUAGES for p in getattr(m, "NOT_IN", {}).get(key, ())]
    return re.compile("|".join(re.escape(p) for p in phrases), re.I) if phrases else None


# Portfolio titles ("Minister for Environment, Science..."): the words name a job, not a cooperation field.
_TITLE = re.compile(
    r"\b(?:Minister|Ministry|Secretary|Department|Commissioner|ministre|ministère|ministry)\s+(?:of|for|de|des|du)"
    r"(?:\s+(?:la|l'|the))?\s*(?:[A-ZÉ][\w'-]*(?:,\s*|\s+and\s+|\s+et\s+|\s+de\s+l'|\s+)?)+"
)


def find_fields(text: str, skip_spans: list[tuple[int, int]] | None = None) -> list[Value]:
    """Taxonomy keys of the cooperation fields named in the text, in order of first mention."""
    skip_spans = list(skip_spans or []) + [(m.start(), m.end()) for m in _TITLE.finditer(text)]
    found: list[Value] = []
    for key, pattern in _patterns():
        other_field = _not_in(key)
        not_in = [(m.start(), m.end()) for m in other_field.finditer(text)] if other_field else []
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in skip_spans + not_in):
                continue
            found.append(Value(key, Evidence(m.start(), m.end(), 0.7)))
            break
    found.sort(key=lambda v: v.evidence.start)
    return found
