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

#: ordinal words the number-words library does not read ("inaugural", "seconde") -> session number
ORDINAL_WORDS: dict[str, int] = {**en.ORDINALS, **fr.ORDINALS, **vi.ORDINALS}
_ORD_WORD = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
#: Vietnamese number words after "thứ", one to three of them ("nhất", "mười hai", "hai mươi mốt")
_VI_WORD = "|".join(sorted({*vi.ORDINALS, *vi.UNITS_AFTER_TENS, "mươi"}, key=len, reverse=True))
_VI_WORDS = rf"(?:{_VI_WORD})(?:\s+(?:{_VI_WORD})){{0,2}}"
_MEETING_EN_FR = r"(?:" + "|".join(en.MEETINGS + fr.MEETINGS) + ")"
COMMITTEE_NOUN = r"(?:" + "|".join(en.COMMITTEE_NOUNS + fr.COMMITTEE_NOUNS + vi.COMMITTEE_NOUNS) + ")"
_COMMITTEE_NOUN_CI = re.compile(COMMITTEE_NOUN, re.I)

#: an ordinal in en/fr: "16th", "20ème", "12e", "1re", "VIIIe", or number words ("twelfth", "vingt et unième")
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|vingt|trente|quarante|cinquante|soixante"
_ORDINAL = (
    r"(?i:(?P<num>\d{1,3})\s?(?:st|nd|rd|th|ème|eme|ᵉ|è|e|ère|re|er)"
    # "VIIIe", never the article "Le"; English puts a bare numeral before a capitalised noun ("the XI Session")
    r"|(?-i:(?!L(?:ème|e)\b)(?P<roman>[IVXL]{1,6}))(?:ème|e|(?-i:(?=\s+(?:Session|Meeting|Joint)\b)))"
    rf"|(?P<word>(?:(?:{_TENS})(?:[\s-]+et)?[\s-]+)?(?:[a-zé]+(?:th|ième|ieme)|{_ORD_WORD}|first|second|third)))"
)
# "6th meeting of the X", "sixth session of their X", "La 3e session de la X", "for its twelfth session"
_MODIFIER = r"(?:(?:" + "|".join(en.MEETING_MODIFIERS + fr.MEETING_MODIFIERS) + r")\s+){0,2}"
EN_FR = re.compile(rf"(?<![\w-]){_ORDINAL}\s+(?i:{_MODIFIER}{_MEETING_EN_FR})\b")
# "The 7th Thailand-Japan Joint Committee", "16th China-U.S. Joint Commission Meeting", "la 20e commission mixte"
# "the first Government-to-Government dialogue", "the 3rd Strategic Dialogue": capitalised words (hyphenated
# parts of any case) or lower-case modifiers of the body
_BODY_WORD = r"(?:[A-Z][\w.'’]*(?:[-–/][\w.'’]+)*|(?:" + "|".join(en.BODY_MODIFIERS) + r"))"
EN_FR_BODY = re.compile(rf"(?<![\w-]){_ORDINAL}\s+(?=(?:{_BODY_WORD}\s+){{0,5}}{COMMITTEE_NOUN})")
# "the 5th JCM": an ordinal before an acronym the text defines as a committee ("Joint Committee ... (JCM)")
EN_FR_ACRONYM = re.compile(rf"(?<![\w-]){_ORDINAL}\s+(?P<acr>[A-Z][A-Z&]{{1,7}})\b")
# "met for the twenty-first time", "s'est réunie pour la onzième fois"
# ("for the first time since its session of June 2022", "in ten years", "depuis" is no session number)
EN_FR_TIMES = re.compile(
    rf"(?<![\w-]){_ORDINAL}\s+(?i:{'|'.join(en.TIMES)})\b(?!\s+(?i:since|after|depuis|après)\b"
    r"|\s+(?i:in|en)\s+(?:\w+\s+){0,2}(?i:years?|decades?|ans|années?)\b)"
)
# "Session 4 of the ... Joint Committee", "Meeting No. 12 of the ..."
NUMBERED = re.compile(r"\b(?:[Ss]ession|[Mm]eeting)\s+(?:[Nn]o\.?\s*|n°\s*)?(?P<num>\d{1,3})\b")
# "JCM-9", "JCM10", "JWG 3": a joint body's acronym with the session number
ACRONYM = re.compile(r"\b(?P<acr>J[A-Z]{1,5})[-\s]?(?P<num>\d{1,2})\b")
# "kỳ họp thứ 5", "phiên họp lần thứ nhất", "Khóa họp lần thứ VIII", "phiên thứ 14", "Hội nghị lần thứ 14"
VI = re.compile(
    r"(?<!\w)(?:(?:kỳ|kì|khóa|khoá)\s+họp|phiên(?:\s+họp)?|hội\s+nghị|cuộc\s+họp|họp)\s+(?:lần\s+)?thứ\s+"
    rf"(?:(?P<num>\d{{1,2}})|(?P<roman>[IVXL]{{1,6}})|(?P<viword>{_VI_WORDS}))(?!\w)",
    re.I,
)
# "Hội nghị Ủy ban hỗn hợp lần thứ 7 giữa ...", "Kỳ họp Ủy ban liên Chính phủ Việt Nam - Nga lần thứ 9": the
# ordinal after the committee's name, with no verb between
_VI_BREAK = r"(?:" + "|".join(vi.NAME_BREAKS) + r")"
VI_AFTER = re.compile(
    rf"(?P<name>(?:{'|'.join(vi.COMMITTEE_NOUNS)})(?:(?!\s{_VI_BREAK}\b)[^.;:()\n,]){{0,90}}?)\s+lần\s+thứ\s+"
    rf"(?:(?P<num>\d{{1,2}})|(?P<roman>[IVXL]{{1,6}})|(?P<viword>{_VI_WORDS}))(?!\w)"
)
_NOT_COMMITTEE = re.compile("|".join(vi.NOT_COMMITTEES))
FUTURE = re.compile(
    r"\b(will|to hold|next|se tiendra|aura lieu|prochaine?|dự kiến|sẽ|tiếp theo|tới)\b|\bhold the\b", re.I
)
PAST_REF = re.compile(
    r"\b(previous|following the|last|held in|took place in|s'était tenue|après la|précédente|"
    r"được tổ chức|trước|lần trước|kể từ|since)\b",
    re.I,
)
#: a possessive before the ordinal points back to the committee named earlier ("met ... for its twelfth session")
#: a committee as the possessor of the ordinal's meeting ("the Joint Committee's ninth meeting")
_COMMITTEE_POSSESSIVE = re.compile(COMMITTEE_NOUN + r"(?:\s+(?:on|for)\s+[^.;'’]{0,80})?['’]s\s*$")
POSSESSIVE = re.compile(
    r"\b(?:its|their|sa|son|leur)\s*$|\b(?:" + "|".join(en.BACK_REFERENCES + fr.BACK_REFERENCES) + r")$", re.I
)
YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")


def ordinal_value(word: str, language: str) -> int | None:
    """The number an ordinal written in words means ("twelfth" -> 12, "vingt et unième" -> 21), read with
    the number-words library text2num (`alpha2digit`, en/fr), else from the word list; None when not one."""
    from text_to_num import alpha2digit

    key = word.lower().strip()
    if key in ORDINAL_WORDS:
        return ORDINAL_WORDS[key]
    digits = re.findall(r"\d+", alpha2digit(key, language, threshold=0))
    return int(digits[-1]) if len(digits) == 1 else None


def roman_value(numeral: str) -> int | None:
    """A Roman numeral ("VIII" -> 8) read with the `roman` library; None when it is not a valid one."""
    import roman

    try:
        return int(roman.fromRoman(numeral.upper()))
    except roman.InvalidRomanNumeralError:
        return None


@dataclass
class SessionMention:
    number: int
    start: int
    end: int
    sentence_start: int
    sentence_text: str
    offset_in_sentence: int


def vi_number(words: str) -> int | None:
    """A Vietnamese ordinal in words after "thứ" ("nhất" 1, "tư" 4, "mười" 10, "mười hai" 12, "hai mươi" 20,
    "hai mươi mốt" 21, "ba mươi lăm" 35): the longest leading run of the words that forms a number, so that a
    following word ("thứ hai năm 2025": "hai", then the year) is not read into it; None when none does."""
    tokens = words.lower().split()
    for n in range(min(3, len(tokens)), 0, -1):
        value = _vi_value(tokens[:n])
        if value is not None:
            return value
    return None


def _vi_value(tokens: list[str]) -> int | None:
    """The value of a whole run of Vietnamese number words, or None when the run is no number."""
    if len(tokens) == 1:
        return vi.ORDINALS.get(tokens[0])
    if tokens[0] == "mười":  # 11..19: "mười hai", "mười lăm"
        unit = vi.UNITS_AFTER_TENS.get(tokens[1]) if len(tokens) == 2 and tokens[1] != "mốt" else None
        return 10 + unit if unit else None
    tens = vi.UNITS.get(tokens[0])
    if tens is None or tens < 2 or tokens[1] != "mươi":
        return None
    if len(tokens) == 2:
        return tens * 10
    unit = vi.UNITS_AFTER_TENS.get(tokens[2])
    return tens * 10 + unit if unit else None


def _number(m: re.Match[str]) -> int | None:
    """The session number of an ordinal match (digits, Roman numeral or number words in en/fr/vi)."""
    groups = m.groupdict()
    if groups.get("num"):
        return int(groups["num"])
    if groups.get("roman"):
        return roman_value(groups["roman"])
    if groups.get("viword"):
        return vi_number(groups["viword"])
    word = groups.get("word")
    if not word:
        return None
    return next((n for lang in ("en", "fr") if (n := ordinal_value(word, lang)) is not None), None)


def _committee_after(text: str, pos: int) -> tuple[str, int, int] | None:
    """The committee name that follows a session mention: 'of the Belgium-Vietnam Joint Committee for ...'."""
    window = text[pos : pos + 220]
    m = re.match(
        r"\s*(?:of\s+(?:the|their|its)\s+|de\s+la\s+|du\s+|de\s+l'|des\s+|của\s+)?"
        r"(?P<name>(?:[^.;:()\n]|(?<=[A-Z])\.){0,120}?" + COMMITTEE_NOUN + r"[^.;()\n]*?)"
        r"(?=\s+(?:took|was|were|has|have|had|held|opened|closed|in|on|at|s'est|se|a|ont|đã|được|tại|diễn|"
        r"setting|with|wrapped|ended)\b|[.,;()\n]|$)",
        window,
    )
    if not m:
        return _acronym_after(text, pos)
    name = m.group("name").strip()
    if not re.search(COMMITTEE_NOUN, name):
        return _acronym_after(text, pos)
    return name, pos + m.start("name"), pos + m.start("name") + len(name)


def _acronym_after(text: str, pos: int) -> tuple[str, int, int] | None:
    """'the first meeting of the JCM': an acronym the text defines as a committee ('Joint Committee
    Meetings (JCM)') names that committee."""
    m = re.match(r"\s*(?:of\s+(?:the\s+)?|de\s+la\s+|du\s+|của\s+)(?P<acr>[A-Z][A-Z&]{1,7})\b", text[pos : pos + 40])
    if not m or not _defines_committee(text, m.group("acr")):
        return None
    return m.group("acr"), pos + m.start("acr"), pos + m.end("acr")


def _defines_committee(text: str, acronym: str) -> bool:
    """True when the text spells the acronym out as a committee: '... Joint Committee ... (JCM)'."""
    return bool(re.search(COMMITTEE_NOUN + r"[^().;]{0,80}\(" + re.escape(acronym) + r"\)", text))


# "the X Joint Committee held its third session", "la Commission mixte a tenu sa 2e session",
# "Tiểu ban ... Việt Nam – Cuba đã tổ chức Phiên họp lần thứ 5": the committee is the subject of the meeting verb
_BEFORE = re.compile(
    r"(?P<name>(?:(?:[A-Z][\w'’\-–]*|–|-)\s+)*" + COMMITTEE_NOUN + r"[^.;:()\n,]{0,120}?)\s+"
    r"(?:(?:has|have|had|will|shall|would|is\s+to|are\s+to)\s+)?(?:held|met|meets|meet|convened|opened|concluded|hold|holds|a\s+tenu|tient|a\s+ouvert|"
    r"(?:đã\s+|vừa\s+|sẽ\s+)?(?:tổ\s+chức|tiến\s+hành|khai\s+mạc|nhóm\s+họp|họp))\s+(?:its|their|the|sa|son|la|le|cuộc)?\s*$"
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
    name = re.sub(
        r"\s+(?:took|was|were|held|met|meets|convened|opened|will|shall|would|to|s'est|a\s+tenu|đã|được|sẽ|vừa)\b.*$",
        "",
        name,
    )
    # a second predicate coordinated after the name ("... Kazakhstan và thống nhất sẽ ký", "... and agreed to")
    name = re.sub(
        r"\s+(?:and|et|và)\s+(?:agreed|signed|decided|discussed|reviewed|ont|a|thống\s+nhất|nhất\s+trí|ký)\b.*$",
        "",
        name,
    )
    return name.strip(" ,–-")


_PATTERNS = (EN_FR, EN_FR_BODY, VI, ACRONYM, EN_FR_ACRONYM, EN_FR_TIMES, NUMBERED, VI_AFTER)


def _committee_of(
    pat: re.Pattern[str], m: re.Match[str], text: str, sent_start: int, before: str
) -> tuple[str, int, int] | None:
    """The committee an ordinal match belongs to, by the shape of the match: the acronym itself ("JCM-9"), an
    acronym the text defines as a committee ("the 5th JCM"), the name before "lần thứ", the one after
    the ordinal ("of the X Joint Committee") or the subject before it ("X held its third session")."""
    if pat is ACRONYM:
        return m.group("acr"), sent_start + m.start(), sent_start + m.start() + len(m.group("acr"))
    if pat is EN_FR_ACRONYM:
        acr = m.group("acr")
        return (acr, sent_start + m.start("acr"), sent_start + m.end("acr")) if _defines_committee(text, acr) else None
    if pat is VI_AFTER:
        if _NOT_COMMITTEE.match(m.group("name")):
            return None
        return m.group("name").strip(), sent_start + m.start("name"), sent_start + m.end("name")
    if pat is EN_FR_TIMES:
        return _committee_before(before, sent_start)
    owner = _COMMITTEE_POSSESSIVE.search(before)
    if owner is not None:  # "the Joint Committee's ninth meeting"
        return _committee_named_before(before[: owner.end()], sent_start)
    return _committee_after(text, sent_start + m.end()) or _committee_before(before, sent_start)


def _committee_named_before(before: str, offset: int) -> tuple[str, int, int] | None:
    """The last committee-like body named earlier in the sentence ("The Joint Committee met for the
    twenty-first time", "La Grande Commission mixte ... s'est réunie pour la onzième fois")."""
    found = None
    for candidate in _ANY_COMMITTEE.finditer(before):
        found = candidate
    if found is None:
        return None
    return found.group("name").strip(), offset + found.start("name"), offset + found.end("name")


def _mentions(text: str) -> list[tuple[SessionMention, tuple[str, int, int] | None]]:
    """Every ordinal that numbers a meeting or a committee, with the committee it belongs to (or None)."""
    out: dict[int, tuple[SessionMention, tuple[str, int, int] | None]] = {}
    document_committee: list[Committee | None] = []

    def earlier_committee() -> tuple[str, int, int] | None:
        if not document_committee:
            document_committee.append(_committee_without_session(text) or _any_committee(text))
        found = document_committee[0]
        return (found.name.value, found.name.evidence.start, found.name.evidence.end) if found else None

    for sent in sentences(text):
        for pat in _PATTERNS:
            for m in pat.finditer(sent.text):
                number = _number(m)
                abs_start, abs_end = sent.start + m.start(), sent.start + m.end()
                if number is None or number > 200 or abs_start in out:
                    continue
                sm = SessionMention(number, abs_start, abs_end, sent.start, sent.text, m.start())
                before = sent.text[: m.start()]
                com = _committee_of(pat, m, text, sent.start, before)
                if com is None and pat is not EN_FR_BODY and POSSESSIVE.search(before):
                    com = earlier_committee()
                if com is None and pat is EN_FR_TIMES:
                    com = _committee_named_before(before, sent.start) or earlier_committee()
                out[abs_start] = (sm, com)
    return [out[k] for k in sorted(out)]


def _alternatives(name: str) -> str:
    return "|".join(getattr(en, name) + getattr(fr, name) + getattr(vi, name))


#: both sides agree to hold the session later: a commitment of the event, not its session (convention 10)
_AGREED_TO_HOLD = re.compile(r"\b(?:" + _alternatives("AGREED_TO_HOLD") + r")\s+(?:\w+\s+){0,3}$", re.I)
#: a session named as past: "building on the 5th session", "après la 13e réunion", "sau Kỳ họp lần thứ 37"
_PAST_BEFORE = re.compile(r"(?<!\w)(?:" + _alternatives("PAST_BEFORE") + r")\s+(?:the\s+|la\s+|le\s+)?$", re.I)
#: "... the 5th session held in Delhi in 2022", "la 13e réunion tenue à Rabat en 2022": a participle, then a year
_PAST_AFTER = re.compile(
    r"^[^,.;:()]{0,80}?(?<!\w)(?:" + _alternatives("PAST_AFTER") + r")(?!\w)[^,.;:()]{0,40}?\b(?:19|20)\d\d\b", re.I
)
#: "its first meeting is planned for January", "sa première réunion est prévue", "phiên họp thứ nhất dự kiến"
_FUTURE_AFTER = re.compile(r"^[^,.;:()]{0,80}?(?<!\w)(?:" + _alternatives("FUTURE_AFTER") + r")(?!\w)", re.I)
_PROJECT = r"(?:" + _alternatives("PROJECT_WORDS") + r")"
#: a project's own body ("the project steering committee", "le comité de pilotage du projet", "Ban chỉ đạo của
#: dự án"): it manages one project and is no joint committee of the cooperation (convention 5)
_PROJECT_BEFORE = re.compile(rf"(?<!\w){_PROJECT}(?:['’]s)?\s+(?:\w+\s+)?$", re.I)
_PROJECT_AFTER = re.compile(rf"^(?:\s+[\w'’]+){{0,3}}?\s+(?:of\s+the|du|của)\s+{_PROJECT}(?!\w)", re.I)


def _of_a_project(text: str, start: int, end: int) -> bool:
    """True when the committee at text[start:end] is a project's own body."""
    return bool(_PROJECT_BEFORE.search(text[max(0, start - 30) : start]) or _PROJECT_AFTER.match(text[end : end + 60]))


def _named_as_past(sm: SessionMention) -> bool:
    """True when the sentence names this session as a past one ("building on the 5th session", "the 5th session
    held in Delhi in 2022", "sau kỳ họp lần thứ 37"): the current session is another one named beside it."""
    before = sm.sentence_text[: sm.offset_in_sentence]
    after = sm.sentence_text[sm.offset_in_sentence + sm.end - sm.start :]
    return bool(_PAST_BEFORE.search(before[-40:]) or _PAST_AFTER.match(after))


def find_committee(text: str) -> Committee | None:
    """The committee whose session the text reports, with its ordinal and the previous session if stated.

    The first numbered session that is neither another body's ("the forum's fourth session") nor announced
    for later wins; when the text only announces one ("will hold its second meeting"), that one is reported,
    as the labelling conventions record the session a meeting prepares.
    """
    mentions = _mentions(text)
    current: tuple[SessionMention, tuple[str, int, int]] | None = None
    past: tuple[SessionMention, tuple[str, int, int]] | None = None
    future: tuple[SessionMention, tuple[str, int, int]] | None = None
    for sm, com in mentions:
        if com is None or _of_a_project(text, com[1], com[2]):
            continue
        before = sm.sentence_text[: sm.offset_in_sentence]
        if re.search(r"'s\s*$|’s\s*$", before) and not _COMMITTEE_POSSESSIVE.search(before):
            continue  # "the forum's fourth session" is another body's, "the Joint Committee's ninth meeting" not
        if _AGREED_TO_HOLD.search(before[-80:]):
            continue  # "the two sides agreed to hold the first meeting of ...": a commitment, not this session
        after = sm.sentence_text[sm.offset_in_sentence + sm.end - sm.start :]
        if FUTURE.search(before[-40:]) or _FUTURE_AFTER.match(after):
            future = future or (sm, com)
            continue
        if _named_as_past(sm):
            past = past or (sm, com)  # the previous session named beside the current one
            continue
        current = (sm, com)
        break
    current = current or past or future
    if current is None:
        return _committee_without_session(text)
    sm, (name, cstart, cend) = current
    clean = _clean_name(name)
    at = name.find(clean)
    if clean and at >= 0:  # the evidence covers the cleaned name only, not the predicate cut from it
        cstart, cend = cstart + at, cstart + at + len(clean)
    committee = Committee(
        name=Value(clean, Evidence(cstart, cend, 0.75)),
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
    by_sentence: dict[int, list[SessionMention]] = {}
    for sm in all_mentions:
        by_sentence.setdefault(sm.sentence_start, []).append(sm)
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
        for sm in by_sentence.get(sent.start, []):
            if (
                sm is not current
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


_LOWER_WORD = r"[a-zàâçéèêëîïôûùüÿœ]+(?:-[a-zàâçéèêëîïôûùüÿœ]+)?"
_ANY_COMMITTEE = re.compile(
    r"(?P<name>(?:[A-ZÀ-ỸĐ][\w'’\-–.]*\s+)*" + COMMITTEE_NOUN + r"(?:\s+" + _LOWER_WORD + r"(?=[\s.,;]|$))?)"
)


def _any_committee(text: str) -> Committee | None:
    """The first committee-like body named in the text, in any of our languages ('la Commission mixte
    tuniso-française', 'Ủy ban hỗn hợp'): what 'its'/'sa' refers to when a session has no name beside it."""
    m = _ANY_COMMITTEE.search(text)
    if not m:
        return None
    return Committee(Value(m.group("name").strip(), Evidence(m.start("name"), m.end("name"), 0.4)))
