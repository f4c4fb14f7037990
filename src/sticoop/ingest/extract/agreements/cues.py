"""The cue patterns of agreements, one per kind of word, built from the vocabulary of every language.

Each pattern joins the regex alternatives of one tuple of ``lang/<code>/agreements.py`` (en, fr, vi) into one
whole-word, case-insensitive pattern, the longer forms first (``_cues``): NOUNS (the agreement nouns), the verbs
(SIGN, RENEW, DISCUSS, AMEND, ...), the plans and modals (PLAN, FUTURE, PROSPECT) and the cues of an agreement in
force (BASIS, FRAME, IN_FORCE). A few patterns built from the same tuples name what is no agreement: a funding
scheme's name (SCHEME), a call's funding programme, a technical procedure called "protocol".
"""

from __future__ import annotations

import re

from sticoop.ingest.extract.lang.en import agreements as en
from sticoop.ingest.extract.lang.fr import agreements as fr
from sticoop.ingest.extract.lang.vi import agreements as vi

_LANGUAGES = (en, fr, vi)


def _cues(kind: str, flags: int = 0) -> re.Pattern[str]:
    """One whole-word pattern of the `kind` alternatives of every language (``lang/<code>/agreements.py``), the
    longer forms first across languages, so that a form one language extends is read whole ("arrangement
    d'application" in French before "arrangement" in English)."""
    forms = sorted((c for m in _LANGUAGES for c in getattr(m, kind)), key=_required_length, reverse=True)
    return re.compile(r"\b(" + "|".join(forms) + r")\b", flags)


def _required_length(form: str) -> int:
    """Roughly the length of the text a regex alternative always matches: without its optional groups
    ("protocoles?(?: additionnels?)?" -> "protocole"), optional letters and ``\\w*`` endings."""
    return len(re.sub(r"\(\?:[^()]*\)\?|.\?|\\w\*", "", form))


NOUNS = _cues("NOUNS", re.I)  # "the Australia-Vietnam Agreement on ...": titles are capitalised
RENEW = _cues("RENEW", re.I)
SIGN = _cues("SIGN", re.I)
ADOPT = _cues("ADOPT", re.I)
INITIAL = _cues("INITIAL", re.I)
DISCUSS = _cues("DISCUSS", re.I)
PLAN = _cues("PLAN", re.I)
FUTURE = _cues("FUTURE", re.I)
ASIDE = _cues("ASIDES", re.I)
BASIS = _cues("BASIS", re.I)
AMENDMENT = _cues("AMENDMENTS", re.I)
FRAME = _cues("FRAME", re.I)
AMEND = _cues("AMEND", re.I)
RENEW_PRONOUN = _cues("RENEW_PRONOUN", re.I)
IN_FORCE = _cues("IN_FORCE", re.I)
PROSPECT = _cues("PROSPECT", re.I)
PREPARE = _cues("PREPARE", re.I)
APPROVE = _cues("APPROVE", re.I)
REVIVE = _cues("REVIVE", re.I)
DRAW_UP = _cues("DRAW_UP", re.I)
STI = _cues("STI", re.I)
FUTURE_FORM = _cues("FUTURE_FORMS", re.I)
SCHEDULE = _cues("SCHEDULE", re.I)
RECORD = _cues("RECORDS", re.I)
#: "nhiệm vụ KH&CN theo Nghị định thư": the words just before a protocol noun that make it a funding scheme's name
SCHEME = re.compile(r"(?:" + "|".join(c for m in _LANGUAGES for c in m.SCHEMES) + r")\s*$", re.I)
#: a call's or its projects' words, then a framework cue, then at most five words of the name right before a
#: programme noun: the call's funding programme ("kêu gọi đề xuất nhiệm vụ trong khuôn khổ Chương trình hợp tác
#: song phương", "a call for proposals under the Joint Research Cooperation Programme"), no agreement
_FUNDING_PROGRAMME = re.compile(
    r"\b(?:" + "|".join(c for m in _LANGUAGES for c in m.FUNDING) + r")\b[^.;\n]{0,80}?"
    r"\b(?:" + "|".join(c for m in _LANGUAGES for c in m.BASIS) + r"|thuộc|as part of)"
    r"\s+(?:(?:the|a|an|le|la|l'|du|des)\s+)?(?:[^\s.;,]+\s+){0,5}$",
    re.I,
)
#: ", and with B about ...": the same signature with a second partner is a second agreement
#: ("signed cooperation agreements with A on X, and with B on Y"; "ký thỏa thuận với A về X, và với B về Y")
_SECOND_PARTNER = re.compile(r",?\s+(?:and|et|và)\s+(?:with|avec|với)\s+", re.I)
#: how far before an agreement noun a cue of an agreement in force may stand, in characters
BASIS_WINDOW = 120
DEFINITE = re.compile(
    r"(?:\b(?:the|this|that|under the|le|la|l'|cet|cette|ce|theo)\s*(?:renewed|new|revised)?\s*$)", re.I
)


#: a bare "and" between two agreement nouns ("agreements and memorandums", "accords et conventions")
_BARE_AND = re.compile(r"\s+(?:and|et|và)\s+")


#: a possibility right before a renewal verb ("can be extended", "peut être prolongé", "có thể được gia hạn"): a
#: term of the agreement, no act of renewal
_POSSIBLE = re.compile(r"\b(?:" + "|".join(c for m in _LANGUAGES for c in m.POSSIBLE) + r")\s*$", re.I)
_PROGRAMME_NOUN = re.compile(r"programme|program|chương trình|plan|kế hoạch", re.I)
#: the programme nouns a funding call may run under (a plan never funds a call)
_FUNDING_NOUN = re.compile(r"programme|program|chương trình", re.I)
#: the words of a method right before or after "protocol" ("monitoring protocol", "protocole de surveillance",
#: "clinical protocol"): a technical procedure (``lang/<code>/agreements.py`` PROCEDURE_BEFORE / _AFTER)
_PROCEDURE_BEFORE = re.compile(
    r"\b(?:" + "|".join(c for m in _LANGUAGES for c in m.PROCEDURE_BEFORE) + r")\s+"
    r"(?:(?!co-?operation|collaboration|partnership)[\w-]+\s+)?$",
    re.I,
)
_PROCEDURE_AFTER = re.compile(r"\s+(?:" + "|".join(c for m in _LANGUAGES for c in m.PROCEDURE_AFTER) + r")\b", re.I)
