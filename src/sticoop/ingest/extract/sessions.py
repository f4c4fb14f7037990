"""Committee and session ordinal in en/fr/vi, plus references to an earlier session.

A session number is read only where an ordinal qualifies a meeting word ("6th meeting", "sixième session",
"kỳ họp thứ 5", "phiên họp lần thứ nhất") that belongs to a committee-like body ("Joint Committee", "Working
Group", "commission mixte", "Tiểu ban", "Nhóm công tác"). Mentions of the previous or the next session
("the fifth held in 2016", "La 4e session se tiendra", "dự kiến") are not the current session; a past one with a
year becomes `previous_session`. Ordinal words, meeting and committee nouns live in ``lang/<code>/sessions.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sticoop.ingest.extract.lang.en import sessions as en
from sticoop.ingest.extract.lang.fr import sessions as fr
from sticoop.ingest.extract.lang.vi import sessions as vi
from sticoop.ingest.extract.model import Committee, Evidence, Value
from sticoop.ingest.extract.textutil import sentences

#: ordinal words of every language -> session number
ORDINAL_WORDS: dict[str, int] = {**en.ORDINALS, **fr.ORDINALS, **vi.ORDINALS}
_ORD_WORD = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_MEETING_EN_FR = r"(?:" + "|".join(en.MEETINGS + fr.MEETINGS) + ")"
COMMITTEE_NOUN = r"(?:" + "|".join(en.COMMITTEE_NOUNS + fr.COMMITTEE_NOUNS + vi.COMMITTEE_NOUNS) + ")"

# "6th meeting of the X", "sixth session of their X", "first meeting of their X", "La 3e session de la X"
EN_FR = re.compile(
    rf"\b(?:(?P<num>\d{{1,2}})(?:st|nd|rd|th|e|ème|eme|re|er)|(?P<word>{_ORD_WORD}))\s+{_MEETING_EN_FR}\b",
    re.I,
)
# "kỳ họp thứ 5", "phiên họp lần thứ nhất", "Kỳ họp lần thứ 4"
VI = re.compile(
    rf"\b(?:kỳ|phiên)\s+họp\s+(?:lần\s+)?thứ\s+(?:(?P<num>\d{{1,2}})|(?P<word>{_ORD_WORD}))\b", re.I
)
FUTURE = re.compile(
    r"\b(will|to hold|next|se tiendra|aura lieu|prochaine?|dự kiến|sẽ|tiếp theo|tới)\b|\bhold the\b", re.I
)
PAST_REF = re.compile(
    r"\b(previous|following the|last|held in|took place in|s'était tenue|après la|précédente|"
    r"được tổ chức|trước|lần trước)\b",
    re.I,
)
YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")


@dataclass
class SessionMention:
    number: int
    start: int
    end: int
    sentence_start: int
    sentence_text: str
    offset_in_sentence: int


def _number(m: re.Match[str]) -> int | None:
    if m.group("num"):
        return int(m.group("num"))
    return ORDINAL_WORDS.get(m.group("word").lower())


def _committee_after(text: str, pos: int) -> tuple[str, int, int] | None:
    """The committee name that follows a session mention: 'of the Belgium-Vietnam Joint Committee for ...'."""
    window = text[pos : pos + 220]
    m = re.match(
        r"\s*(?:of\s+(?:the|their|its)\s+|de\s+la\s+|du\s+|de\s+l'|des\s+)?"
        r"(?P<name>[^.;:()\n]{0,120}?" + COMMITTEE_NOUN + r"[^.;()\n]*?)"
        r"(?=\s+(?:took|was|were|has|have|had|held|opened|closed|in|on|at|s'est|se|a|ont|đã|được|tại|diễn|"
        r"setting|with|wrapped|ended)\b|[.,;()\n]|$)",
        window,
    )
    if not m:
        return None
    name = m.group("name").strip()
    if not re.search(COMMITTEE_NOUN, name):
        return None
    return name, pos + m.start("name"), pos + m.start("name") + len(name)


# "the X Joint Committee held its third session", "la Commission mixte a tenu sa 2e session",
# "Tiểu ban ... Việt Nam – Cuba đã tổ chức Phiên họp lần thứ 5": the committee is the subject of the meeting verb
_BEFORE = re.compile(
    r"(?P<name>(?:(?:[A-Z][\w'’\-–]*|–|-)\s+)*" + COMMITTEE_NOUN + r"[^.;:()\n,]{0,120}?)\s+"
    r"(?:(?:has|have|had)\s+)?(?:held|convened|opened|concluded|hold|holds|a\s+tenu|tient|a\s+ouvert|"
    r"(?:đã\s+|vừa\s+)?(?:tổ\s+chức|tiến\s+hành|khai\s+mạc|họp))\s+(?:its|their|the|sa|son|la|le|cuộc)?\s*$"
)


def _committee_before(before: str, offset: int) -> tuple[str, int, int] | None:
    """The committee named as the subject right before '<verb> its Nth session' in the same sentence."""
    m = _BEFORE.search(before)
    if not m:
        return None
    name = re.sub(r"^(?:the|la|le|l')\s+", "", m.group("name"), flags=re.I).strip()
    start = offset + m.start("name") + m.group("name").find(name)
    return name, start, start + len(name)


def _clean_name(name: str) -> str:
    name = re.sub(r"^(?:the|their|its|la|le|l'|les)\s+", "", name.strip(), flags=re.I)
    name = re.sub(r"\s+(?:took|was|were|held|đã|được)\b.*$", "", name)
    return name.strip(" ,–-")


def find_committee(text: str) -> Committee | None:
    """The committee whose session the text reports, with its ordinal and the previous session if stated."""
    mentions: list[tuple[SessionMention, tuple[str, int, int] | None]] = []
    for sent in sentences(text):
        for pat in (EN_FR, VI):
            for m in pat.finditer(sent.text):
                number = _number(m)
                if number is None:
                    continue
                abs_start = sent.start + m.start()
                abs_end = sent.start + m.end()
                sm = SessionMention(number, abs_start, abs_end, sent.start, sent.text, m.start())
                com = _committee_after(text, abs_end) or _committee_before(sent.text[: m.start()], sent.start)
                mentions.append((sm, com))
    current: tuple[SessionMention, tuple[str, int, int]] | None = None
    for sm, com in sorted(mentions, key=lambda x: x[0].start):
        if com is None:
            continue
        before = sm.sentence_text[: sm.offset_in_sentence]
        if FUTURE.search(before[-40:]) or re.search(r"'s\s*$|’s\s*$", before):
            continue
        current = (sm, com)
        break
    if current is None:
        return _committee_without_session(text)
    sm, (name, cstart, cend) = current
    committee = Committee(
        name=Value(_clean_name(name), Evidence(cstart, cend, 0.75)),
        session_number=sm.number,
        session_evidence=Evidence(sm.start, sm.end, 0.85),
    )
    _previous(text, committee, sm, [m for m, _ in mentions])
    return committee


def _previous(
    text: str, committee: Committee, current: SessionMention, all_mentions: list[SessionMention]
) -> None:
    """'following the fifth held in 2016', 'La 2e session s'était tenue à Dakar en 2018', 'The previous session
    took place in Cairo in 2019' -> previous_session {number, year}."""
    number = current.number
    for sent in sentences(text):
        years = [int(y) for y in YEAR.findall(sent.text)]
        if not years:
            continue
        rel = None
        rel_pos = 0
        for m in re.finditer(
            r"\b(?:following|after|après)\s+(?:the|la|le)\s+(?P<word>" + _ORD_WORD + r")\b", sent.text, re.I
        ):
            rel = ORDINAL_WORDS.get(m.group("word").lower())
            rel_pos = m.start()
        for sm in all_mentions:
            if (
                sm.sentence_start == sent.start
                and sm is not current
                and sm.number < number
                and (PAST_REF.search(sm.sentence_text) or not FUTURE.search(sm.sentence_text))
            ):
                rel = sm.number
                rel_pos = sm.offset_in_sentence
        if rel is None and re.search(
            r"\b(previous|précédente|last)\s+(session|meeting|réunion)\b|"
            r"\b(kỳ|phiên)\s+họp\s+trước\b",
            sent.text,
            re.I,
        ):
            rel = number - 1 if number > 1 else None
        if rel is not None and rel < number:
            after = [int(m.group(0)) for m in YEAR.finditer(sent.text) if m.start() >= rel_pos]
            committee.previous_number = rel
            committee.previous_year = after[0] if after else years[-1]
            return


def _committee_without_session(text: str) -> Committee | None:
    """A named joint committee without an ordinal ('convene the Vietnam-India Joint Committee on ...')."""
    m = re.search(
        r"\b(?:the\s+)?(?P<name>(?:[A-Z][\w'’\-]*\s+|–\s+|-\s+)*(?:Joint|Intergovernmental)\s+"
        r"(?:Committee|Commission|Working Group)(?:\s+(?:on|for|of)\s+[A-Z][\w,\s]*?)?)"
        r"(?=\s+(?:to|in|on|at|will|was|is|has)\b|[.,;()\n])",
        text,
    )
    if not m:
        return None
    return Committee(Value(m.group("name").strip(), Evidence(m.start("name"), m.end("name"), 0.5)))
