"""Agreements mentioned by their acronym alone ("met under the CEPA", "dans le cadre de l'APC").

An acronym the text defines in parentheses after an agreement noun is read as that noun in its sentence; an
acronym never defined is an agreement only under a framework cue with an in-force cue after it (round 9,
``tests/ingest/corpus/README.md``).
"""

from __future__ import annotations

import re

from sticoop.ingest.extract.agreements.cues import ASIDE, BASIS, FRAME, IN_FORCE, NOUNS
from sticoop.ingest.extract.agreements.mentions import _PRIORITY
from sticoop.ingest.extract.agreements.status import _status
from sticoop.ingest.extract.agreements.titles import _title
from sticoop.ingest.extract.model import Agreement, Evidence, Value
from sticoop.ingest.extract.textutil import sentences

#: an acronym in parentheses after an agreement's name defines it ("Partnership and Cooperation Agreement (PCA)",
#: "accord ... (Afra)", "Hiệp định hợp tác vùng (RCA)"): 2 to 10 letters, capital first
_DEFINED = re.compile(r"[^.;()\n]{0,160}?\(([A-Z][A-Za-z&*]{1,9})\)")
#: IN_FORCE and FRAME for lower-cased text, without IGNORECASE (several times faster on long texts)
_IN_FORCE_LOWER = re.compile(IN_FORCE.pattern)
_FRAME_LOWER = re.compile(FRAME.pattern)
#: an acronym in parentheses, where a definition may end
_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&*]{1,9})\)")
#: an acronym of capitals alone ("PCA", "APC", "EPA")
_ACRONYM = re.compile(r"\b[A-Z]{2,8}\b")


#: a framework cue right before an acronym, with at most an article between ("under the PCA", "dans le cadre de
#: l'APC", "trong khuôn khổ RCA"; never "under the auspices of UNESCO")
_FRAMED = re.compile(BASIS.pattern + r"\s*(?:the|le|la|l'|du|de l'|de la)?\s*$", re.I)


def _acronym_mentions(text: str, out: list[Agreement]) -> None:
    """Mentions of an agreement by its acronym alone, in place in `out`: an acronym the text defines after an
    agreement noun ("the Comprehensive Economic Partnership Agreement (CEPA)" ... "met under the CEPA") gives
    the status its own clause reads with the noun in its place, merged into the defining mention's item (or a
    new item with the defined title); an acronym never defined is an agreement only when a framework cue governs
    it and an in-force cue follows in its sentence ("under the PCA, which entered into force in 2016": signed,
    the framework of the cooperation in convention 9)."""
    defined: dict[str, tuple[int, int, str]] = {}  # acronym -> (noun start, definition end, noun text)
    for paren in _PAREN_ACRONYM.finditer(text):
        # the last agreement noun in the 160 characters before, with no sentence end between
        at = paren.start()
        window = max(0, at - 160, text.rfind(".", 0, at) + 1, text.rfind(";", 0, at) + 1)
        noun = None
        for candidate in NOUNS.finditer(text, window, at):
            noun = candidate
        found = _DEFINED.match(text, noun.end()) if noun is not None else None
        # the acronym holds the noun's initial ("PCA" for "... Agreement", "APC" for "accord ..."): never the
        # acronym of a partner named after the noun ("an agreement with the Ministry of Science (MOST)")
        if (noun is not None and found is not None and found.end() == paren.end() and found.group(1) not in defined
                and noun.group(0)[0].lower() in found.group(1).lower()):
            defined[found.group(1)] = (noun.start(), found.end(), noun.group(0))
    # most texts hold no in-force cue: one fast scan of the lower-cased text spares the per-sentence reading
    lowered = text.lower()
    any_cue = _IN_FORCE_LOWER.search(lowered) is not None or _FRAME_LOWER.search(lowered) is not None
    for sent in sentences(text):
        last_cue = -1 if any_cue else -2  # where the sentence's last in-force or framework cue starts, read once
        for acronym in _ACRONYM.finditer(sent.text):
            if last_cue == -1:
                cues = [c.start() for p in (IN_FORCE, FRAME) for c in p.finditer(sent.text)]
                last_cue = max(cues, default=-2)
            at = sent.start + acronym.start()
            name = acronym.group(0)
            if name in defined and at >= defined[name][1]:
                if NOUNS.search(sent.text) or ASIDE.search(sent.text):
                    continue  # the sentence's own agreement nouns are read by the main pass
                noun_start, _, noun_text = defined[name]
                clause = sent.text[: acronym.start()] + noun_text + sent.text[acronym.end() :]
                status = _status(clause, acronym.start())
                if status is not None:
                    _acronym_item(out, noun_start, at, name, status, text)
            elif name not in defined and last_cue > acronym.end() and _framed(sent.text, acronym):
                _acronym_item(out, -1, at, name, "signed", text)


def _framed(sentence: str, acronym: re.Match[str]) -> bool:
    """True when a framework cue governs the acronym ("under the PCA", "dans le cadre de l'APC") in a sentence
    that is no aside about other partners."""
    window = max(0, acronym.start() - 60)
    return not ASIDE.search(sentence) and _FRAMED.search(sentence, window, acronym.start()) is not None


def _acronym_item(out: list[Agreement], noun_start: int, at: int, name: str, status: str, text: str) -> None:
    """Merge an acronym mention into the item its definition at `noun_start` gave (or into one with the same
    acronym as its title), else add an item: the defined title, or the acronym itself when never defined."""
    for item in out:
        start = item.title.evidence.start
        if (noun_start >= 0 and noun_start - 20 <= start <= noun_start) or item.title.value == name:
            if _PRIORITY[status] > _PRIORITY[item.status] and status != "discussed":
                item.status = status
            return
    if noun_start >= 0:
        sentence = next(s for s in sentences(text) if s.start <= noun_start < s.end)
        noun = NOUNS.match(sentence.text, noun_start - sentence.start)
        title = _title(sentence.text, noun) if noun is not None else name
        out.append(Agreement(Value(title, Evidence(noun_start, noun_start + len(title), 0.5)), status))
    else:
        out.append(Agreement(Value(name, Evidence(at, at + len(name), 0.5)), status))
