"""Which verb of its clause governs an agreement noun, and what that verb says of it.

Each function reads one clause (a ``str``, from the previous agreement noun or ';' to the next noun) and a
character offset `noun_pos` of the noun in it: a verb governs the noun when it stands at most GOVERN_WINDOW (40)
characters before it with no comma, "and" or agreement in force between; a plan, modal or infinitive marker
before a signature makes it planned; an adoption in talks is no signature (convention 9 of the corpus labels,
``tests/ingest/corpus/README.md``). ``status._status`` combines them.
"""

from __future__ import annotations

import re

from sticoop.ingest.extract.agreements.cues import (
    _PROGRAMME_NOUN,
    ADOPT,
    AMEND,
    APPROVE,
    BASIS,
    DISCUSS,
    FUTURE,
    IN_FORCE,
    NOUNS,
    PLAN,
    RENEW,
    SCHEDULE,
    SIGN,
)

#: "and" / "et" / "và" right after an agreement noun, before a verb
_AND = re.compile(r"\s+(?:and|et|và)\s+", re.I)


def _own_clause(clause: str, noun_pos: int) -> str:
    """The clause without a predicate coordinated after the noun: in "implementation of high-level agreements
    and discuss future directions", "discuss" is the parties' next action, not the agreements' status."""
    noun = NOUNS.match(clause, noun_pos)
    if noun is None:
        return clause
    joined = _AND.match(clause, noun.end())
    if joined and any(p.match(clause, joined.end()) for p in (SIGN, RENEW, DISCUSS)):
        return clause[: noun.end()]
    return clause


#: a verb, or a decision before one, that may govern the next agreement noun after a coordination ("... and
#: agreed to renew the 2015 agreement", "et ont convenu de renouveler l'accord", "và thống nhất sẽ ký")
_DECISION = re.compile(
    r"\b(?:agreed|decided|convenu\w*|décidé\w*|thống nhất|nhất trí)\b", re.I
)


def _without_next_predicate(clause: str, noun_end: int) -> str:
    """The clause up to a coordination after the noun whose verb governs the NEXT agreement noun, which the
    clause ends before: in "signed a memorandum on AI and agreed to renew the 2015 agreement", "renew" is the
    2015 agreement's status, not the memorandum's. A coordination whose verb is followed by more than a short
    object is kept ("discussed and signed in Rome")."""
    for joined in _AND.finditer(clause, noun_end):
        tail = clause[joined.end() :]
        if len(tail) > GOVERN_WINDOW + 30 or re.search(r"[,;]", tail):
            continue
        if any(p.match(tail) for p in (SIGN, RENEW, DISCUSS, AMEND)) or _DECISION.match(tail):
            return clause[: joined.start()]
        if re.match(r"(?:ont|a|have|has|đã|also|aussi|cũng)\s+", tail, re.I) and (
            any(p.search(tail) for p in (SIGN, RENEW, DISCUSS, AMEND)) or _DECISION.search(tail)
        ):
            return clause[: joined.start()]
    return clause


#: how far before an agreement noun a discussion verb governs it ("were discussing a memorandum", "trao đổi về
#: việc gia hạn Thỏa thuận"), in characters
GOVERN_WINDOW = 40
_GAP_BREAK = re.compile(r"[,;:]|^\s*(?:and|et|và)\b", re.I)


def _under_discussion(clause: str, noun_pos: int) -> bool:
    """True when a discussion verb governs the noun: it stands just before it ("discussing a memorandum",
    "discuter du renouvellement de l'accord", "trao đổi về việc gia hạn Thỏa thuận"), not coordinated with
    another verb ("discussed and signed"), not across a comma or an agreement in force ("reviewed the
    implementation of the Agreement")."""
    window_start = max(0, noun_pos - GOVERN_WINDOW)
    last = None
    for found in DISCUSS.finditer(clause, window_start, noun_pos):
        last = found
    if last is None:
        return False
    gap = clause[last.end() : noun_pos]
    # an intended signature between governs the noun ("hoàn thiện dự thảo để ký kết Bản ghi nhớ"); the
    # possibility of one does not ("trao đổi về khả năng ký kết một thỏa thuận": discussed)
    intended = any(_INTENDED.search(gap[: sign.start()]) for sign in SIGN.finditer(gap))
    return not _GAP_BREAK.search(gap) and not BASIS.search(gap) and not intended


def _decided_study_of_signing(clause: str, noun_pos: int) -> bool:
    """True when the parties decided to study the signing of the agreement ("agreed to study the signing of an
    MoU", "ont convenu d'étudier la signature d'un accord", "nhất trí xem xét ký kết Bản ghi nhớ"): its
    signature is planned. A discussion of a signing without a decision ("discussed the possibility of signing")
    stays discussed."""
    verb = _last(DISCUSS, clause, max(0, noun_pos - GOVERN_WINDOW), noun_pos)
    if verb is None or SIGN.search(clause, verb.end(), noun_pos) is None:
        return False
    before = clause[max(0, verb.start() - 30) : verb.start()]
    if _DECISION.search(before) and _INTENDED.search(before) or re.search(r"nhất trí\s*$", before):
        return True
    # the second infinitive of one decision ("ont convenu d'élaborer un programme ... et d'étudier la signature")
    return bool(_COORDINATED_INFINITIVE.search(before) and _DECISION.search(clause, 0, verb.start()))


def _last(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of `pattern` in text[start:end], or None. The signature verb nearest before the noun
    is the one that governs it ("Hai bên đã trao đổi ... và thống nhất sẽ ký kết Bản ghi nhớ": "ký kết")."""
    found = None
    for candidate in pattern.finditer(text, start):  # the whole text: a lookahead may read past `end`
        if candidate.start() >= end:
            break
        found = candidate
    return found


def _governing(verbs: re.Pattern[str], clause: str, noun_pos: int) -> re.Match[str] | None:
    """The last of ``verbs`` that governs the noun at `noun_pos`: it stands at most GOVERN_WINDOW characters
    before it, with no comma, "and" or agreement in force between ("agreed to amend the 2019 MoU", "convenu de
    modifier le protocole", "sẽ sửa đổi Bản ghi nhớ"); None when no such verb."""
    last = None
    for found in verbs.finditer(clause, max(0, noun_pos - GOVERN_WINDOW), noun_pos):
        last = found
    if last is None:
        return None
    gap = clause[last.end() : noun_pos]
    return None if _GAP_BREAK.search(gap) or BASIS.search(gap) else last


#: "and to" / "et de" / "và" right before a drafting verb: the verb is a second infinitive of the decision
#: before it in the clause ("agreed to launch a call and to prepare a roadmap")
_COORDINATED_INFINITIVE = re.compile(r"\b(?:and to|et de|et d'|và sẽ|và)\s*$", re.I)


#: the infinitive marker right before a verb: the act is decided or intended, not done ("agreed to amend",
#: "convenu de modifier", "sẽ sửa đổi")
_INTENDED = re.compile(r"(?:\b(?:to|de|d'|sẽ|để)\s*)$", re.I)


def _amendment_status(clause: str, noun_pos: int) -> str | None:
    """The status of an agreement an amendment verb governs: planned after a plan, modal or infinitive marker
    ("agreed to amend the MoU", "ont convenu de modifier le protocole", "thống nhất sẽ sửa đổi Bản ghi nhớ"),
    else signed (the amendment is done: "amended the 2019 protocol"); None without such a verb."""
    verb = _governing(AMEND, clause, noun_pos)
    if verb is None:
        return None
    before = clause[: verb.start()]
    return "planned" if _INTENDED.search(before) or PLAN.search(before[-45:]) else "signed"


def _planned_signature(clause: str, noun_pos: int, sign: re.Match[str]) -> bool:
    """True when the signature verb ``sign`` is a plan: a plan or modal just before it ("hopes to sign", "with a
    view to signing"), or a modal between the agreement noun and it ("an accord ... sera signé", "which could be
    signed next year")."""
    after_noun = noun_pos < sign.start()
    noun = NOUNS.match(clause, noun_pos)
    before = clause[: sign.start()]
    if noun is not None and noun.end() <= sign.start():  # the noun's own words ("action plan") are no plan
        before = before[: noun.start()] + " " * (noun.end() - noun.start()) + before[noun.end() :]
    return bool(PLAN.search(before[-45:])
                or (after_noun and FUTURE.search(clause, noun_pos, sign.start())))


def _adoption(verb: str, noun: re.Match[str] | None) -> bool:
    """True when `verb` adopts in talks: "adopted", "agreed on", or an approval of a plan or programme ("the
    Commission approved a work programme", "a approuvé un programme de travail", "phê duyệt Kế hoạch hành
    động"); an approval of an agreement proper stays a signature."""
    if ADOPT.fullmatch(verb):
        return True
    return bool(APPROVE.fullmatch(verb) and noun is not None and _PROGRAMME_NOUN.search(noun.group(0)))


def _adopted_only(clause: str, sign: re.Match[str], next_noun: bool, noun: re.Match[str] | None = None) -> bool:
    """True when the verb ``sign`` is an adoption in talks ("adopted a work plan", "ont adopté un plan
    d'action", "đã thông qua Chương trình hành động", "agreed on a programme") and no signature verb of another
    kind stands in the clause ("adopted ... and signed", "adoptée et signée"), other than one that governs the
    next agreement noun the clause ends at (`next_noun`): per convention 9 of the corpus labels, what was merely
    agreed or adopted in talks is `discussed`."""
    if not _adoption(sign.group(0), noun):
        return False
    return all(
        _adoption(other.group(0), noun) or (next_noun and _governs_next(clause, other))
        for other in SIGN.finditer(clause)
    )


def _next_nouns_verb(clause: str, noun: re.Match[str], sign: re.Match[str]) -> bool:
    """True when the signature verb ``sign`` after the noun, past a comma, ends the clause with at most three
    words after it: it governs the next agreement noun, the clause's own one only frames the sentence ("Dans le
    cadre du programme de coopération, les deux instituts ont signé un accord")."""
    return "," in clause[noun.end() : sign.start()] and _governs_next(clause, sign)


def _previous_participle(clause: str, sign: re.Match[str], noun_pos: int) -> bool:
    """True when the signature verb ``sign``, in a clause that starts right after the previous agreement noun,
    is that noun's participle ("Memorandum signed in 2022, the Fund opens a call under the Programme"): it
    stands within the previous title's first words, and a comma closes that title before the noun at
    `noun_pos`."""
    lead = clause[: sign.start()]
    return len(lead.split()) <= 4 and not re.search(r"[,;]", lead) and "," in clause[sign.end() : noun_pos]

#: a nominal signature, the act named as an event ("the signing of", "la signature de", "lễ ký", "việc ký")
_NOMINAL_SIGN = re.compile(r"signing|signature|ký(?: kết)?", re.I)
_NOMINAL_BEFORE = re.compile(r"(?:lễ|việc)\s*$|(?:the|la|a)\s*$", re.I)


def _scheduled(clause: str, sign: re.Match[str], noun: re.Match[str] | None) -> bool:
    """True when a nominal signature before the noun is scheduled after it, in the same clause ("The signing of
    a framework agreement is scheduled for June", "La signature de l'accord est prévue en juin", "Lễ ký Bản ghi
    nhớ ... dự kiến diễn ra vào tháng 5")."""
    if noun is None or sign.start() > noun.start() or not _NOMINAL_SIGN.fullmatch(sign.group(0)):
        return False
    if not _NOMINAL_BEFORE.search(clause[max(0, sign.start() - 8) : sign.start()]):
        return False
    tail = re.match(r"[^,;]*", clause[noun.end() :])
    return tail is not None and SCHEDULE.search(tail.group(0)) is not None


def _governs_next(clause: str, verb: re.Match[str]) -> bool:
    """True when ``verb`` ends the clause with at most three words after it: it governs the next agreement
    noun ("đã thông qua Chương trình hành động ..., đồng thời ký Biên bản khóa họp": "ký" is the minutes')."""
    return len(clause[verb.end() :].split()) <= 3


#: the words between an agreement's title and an in-force cue in apposition to it (", which expired in ...",
#: ", in force since 2008", ", entré en vigueur le ...", ", đã có hiệu lực")
_APPOSITION = re.compile(
    r"[^,.;]{0,80}?,\s*(?:which\s+|that\s+|qui\s+|mà\s+)?(?:has\s+|have\s+|had\s+|est\s+|a\s+|đã\s+)?", re.I
)


def _in_force_apposition(clause: str, noun: re.Match[str] | None) -> bool:
    """True when an in-force cue stands in apposition right after the agreement's title ("the 1996 agreement,
    which expired in December 2023", "l'accord ..., entré en vigueur le 1er janvier 2023"): it was signed,
    whatever the clause says of other agreements later."""
    if noun is None:
        return False
    apposition = _APPOSITION.match(clause, noun.end())
    return apposition is not None and IN_FORCE.match(clause, apposition.end()) is not None
