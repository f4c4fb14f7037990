"""Agreements (MoU, protocol, accord-cadre, hiệp định, biên bản...) and their status.

Status comes from the verb around the agreement noun, in the same clause: renew -> renewed; sign/approve/
initial -> signed, unless a plan or modal comes first ("hopes to sign", "pourrait être signé", "nhất trí ký",
"with a view to signing") -> planned; discuss/examine/draft -> discussed; amend -> planned after a plan or an
infinitive marker ("agreed to amend"), else signed; "entered into force" -> signed (in force). A mention
without such a verb is no agreement item; a definite back-reference ("the MoU was signed", "l'accord", "Theo
hiệp định") after an earlier agreement is the same agreement. Asides about other partners ("a broadly
similar arrangement with Sweden") are skipped. The nouns and verbs live in ``lang/<code>/agreements.py``.

Second pass of round 8 (convention 9 of the corpus labels, ``tests/ingest/corpus/README.md``): what was only
adopted or agreed in talks ("adopted a work plan", "đã thông qua") is discussed unless signed; "initialled" /
"paraphé" / "ký tắt" is planned; a renewal still to come ("will be renewed", "il sera renouvelé" in the next
sentence) is planned; one agreement mentioned again (a bare noun, a shorter or fuller title of the same kind, the
body's first mention of the headline's agreement) is one item with the fullest title.

Round 9 (``tests/ingest/corpus/README.md``, "Agreements, round 9"): French future verbs ("signeront") and a
scheduled signing ("the signing of ... is scheduled for June", "Lễ ký ... dự kiến") are planned; a revival
("réactiver les accords de jumelage") is planned, renewed when done; a plan or programme approved in talks is
discussed (convention 9), one a decision draws up ("agreed to prepare a work plan") planned; a call's funding
programme is no agreement; the previous noun's participle never governs the next noun; "an MoU and an agreement"
are two; an agreement named by its acronym (defined in the text, or framing the meeting with an in-force cue) is
one; a list of texts signed at one ceremony keeps its science and technology items (convention 6).

Round 10 (``tests/ingest/corpus/README.md``, "Agreements, round 10"): a session's record (minutes, protocol,
procès-verbal, biên bản) is a text of its own, never a back-reference to an item of another kind; the dated
agreement an instrument serves ("an implementation plan for the 2012 Agreement") is signed beside it; a second
infinitive of one decision and a decided study of a signing are planned; "ainsi qu'un" / "as well as a" name a
second agreement; a possible extension ("can be extended"), a technical "monitoring protocol", "by mutual
agreement" and "projets de recherche" are no renewal and no agreement; a renewal's amendment is that renewal; an
agreement binding the parties "since 1989" is signed.
"""

from __future__ import annotations

import re

from sticoop.ingest.extract.lang.en import agreements as en
from sticoop.ingest.extract.lang.fr import agreements as fr
from sticoop.ingest.extract.lang.vi import agreements as vi
from sticoop.ingest.extract.model import Agreement, Evidence, Value
from sticoop.ingest.extract.names import normalize_name
from sticoop.ingest.extract.textutil import sentences

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
_PRIORITY = {"renewed": 3, "planned": 2, "signed": 1, "discussed": 0}


#: a bare "and" between two agreement nouns ("agreements and memorandums", "accords et conventions")
_BARE_AND = re.compile(r"\s+(?:and|et|và)\s+")
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


#: the ending of a verb's past form or participle ("reactivated", "réactivé", "relancées")
_PAST_FORM = re.compile(r"(?:ed|é|ée|és|ées)$", re.I)

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


#: a future passive right before a verb: the act is still to come ("will be renewed", "sera renouvelé",
#: "sẽ được gia hạn")
_FUTURE_PASSIVE = re.compile(
    # "Hai bên sẽ gia hạn" (will extend) is to come; "thống nhất sẽ gia hạn" is a decision, read like "agreed to
    # extend" (renewed, as the corpora label it)
    r"\b(?:will|shall)(?:\s+be)?\s*$|\b(?:sera|seront)\s*$|\bsẽ\s+được\s*$|(?<!nhất )(?<!trí )\bsẽ\s*$", re.I
)


#: a possibility right before a renewal verb ("can be extended", "peut être prolongé", "có thể được gia hạn"): a
#: term of the agreement, no act of renewal
_POSSIBLE = re.compile(r"\b(?:" + "|".join(c for m in _LANGUAGES for c in m.POSSIBLE) + r")\s*$", re.I)


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


def _status(clause: str, noun_pos: int, next_noun: bool = False, after_noun: bool = False) -> str | None:
    """The status of the agreement noun at `noun_pos` in its clause (`next_noun`: the clause ends where the
    next agreement noun starts; `after_noun`: it starts where the previous one ends), or None when no verb or
    cue gives one."""
    own = _own_clause(clause, noun_pos)
    next_noun = next_noun and own == clause
    clause = own
    noun = NOUNS.match(clause, noun_pos)
    if RENEW_PRONOUN.search(clause, noun.end() if noun else noun_pos):
        return "renewed"  # "reviewed the letter of intent ... and agreed to extend it"
    amended = _amendment_status(clause, noun_pos)
    if amended is not None:
        return amended
    if _governing(PROSPECT, clause, noun_pos) is not None:
        return "planned"  # "..., paving the way for a framework agreement next year"
    drafting = _governing(DRAW_UP, clause, noun_pos)
    # a decision of the parties, not one side's task ("Officials will prepare an action plan": no item)
    if drafting is not None and (
        _DECISION.search(clause[max(0, drafting.start() - 45) : drafting.start()])
        # the second infinitive of one decision ("agreed to launch a joint call ... and to prepare a declaration
        # of intent", "ont convenu de lancer un appel ... et de préparer une déclaration d'intention")
        or (_COORDINATED_INFINITIVE.search(clause, 0, drafting.start())
            and _DECISION.search(clause, 0, drafting.start()))
    ):
        return "planned"  # "agreed to prepare a new work plan", "convenus d'élaborer", "nhất trí xây dựng"
    if _under_discussion(clause, noun_pos):
        # discussed, unless a signature is envisaged ("discussed a protocol, which could be signed in May":
        # planned, as the corpus labels it)
        later = SIGN.search(clause, noun_pos)
        if later and _planned_signature(clause, noun_pos, later):
            return "planned"
        return "planned" if _decided_study_of_signing(clause, noun_pos) else "discussed"
    if _in_force_apposition(clause, noun):
        return "signed"  # "the Agreement ..., in force since 2008", "l'accord ..., entré en vigueur le 1er janvier"
    revival = _governing(REVIVE, clause, noun_pos)
    if revival is not None:
        # "convenues de réactiver ... les accords de jumelage", "la relance des accords": a revival decided or
        # named is planned; one done ("reactivated", "ont réactivé", "đã khôi phục") is renewed
        done = _PAST_FORM.search(revival.group(0)) or re.search(r"\bđã\s*$", clause[: revival.start()])
        return "renewed" if done else "planned"
    renewal = RENEW.search(clause)
    if renewal and _POSSIBLE.search(clause, max(0, renewal.start() - 30), renewal.start()):
        renewal = None  # "runs for five years and can be extended": a term of the text, no renewal
    if renewal:
        # a renewal still to come ("will be renewed", "sera renouvelé", "sẽ được gia hạn") is planned
        to_come = _FUTURE_PASSIVE.search(clause[: renewal.start()]) or FUTURE_FORM.fullmatch(renewal.group(0))
        return "planned" if to_come else "renewed"
    sign = _last(SIGN, clause, 0, noun_pos)
    if sign is not None and after_noun and _previous_participle(clause, sign, noun_pos):
        sign = None  # "Bản ghi nhớ ký năm 2022, Quỹ ... trong khuôn khổ Chương trình": the memorandum's verb
    if sign is None:
        sign = SIGN.search(clause, noun_pos)
        if sign is not None and next_noun and noun is not None and _next_nouns_verb(clause, noun, sign):
            sign = None  # "Within the framework of the programme, the institutes signed an MoU": the MoU's verb
    if sign:
        # a later signature still to come wins over an agreement on the text ("agreed on a new Programme ...,
        # to be signed during the visit")
        later = SIGN.search(clause, max(sign.end(), noun_pos + 1))
        if later is not None and _planned_signature(clause, noun_pos, later):
            return "planned"
        if _adopted_only(clause, sign, next_noun, noun):
            # an adoption still to come ("convene the Joint Committee to approve a new programme") is planned
            approval_to_come = sign.start() < noun_pos and _planned_signature(clause, noun_pos, sign)
            return "planned" if approval_to_come else "discussed"
        if FUTURE_FORM.fullmatch(sign.group(0)) or _scheduled(clause, sign, noun):
            return "planned"  # "signeront un protocole", "the signing of the MoU is scheduled for June"
        if INITIAL.fullmatch(sign.group(0)):
            return "planned"  # "initialled the text of an agreement", "paraphé", "ký tắt": not yet signed
        return "planned" if _planned_signature(clause, noun_pos, sign) else "signed"
    if _governing(BASIS, clause, noun_pos) is not None and _named(clause, noun_pos):
        return "signed"  # "reviewed progress under the 2005 Agreement": the review is of the work, not of it
    if after_noun and _parent_agreement(clause, noun_pos):
        return "signed"  # "an implementation plan for the 2012 Agreement": the plan's agreement is in force
    if DISCUSS.search(clause):
        return "discussed"
    if BASIS.search(clause[max(0, noun_pos - BASIS_WINDOW) : noun_pos]) and _named(clause, noun_pos):
        return "signed"  # an agreement in force the cooperation rests on: "under the Agreement between ..."
    if PREPARE.search(clause):
        return "planned"  # "The two sides are preparing a memorandum", "est en préparation"
    if (FRAME.search(clause, noun_pos) or IN_FORCE.search(clause)) and _named(clause, noun_pos):
        # "The 2018 protocol remains the framework of this cooperation", "which entered into force in 2016"
        return "signed"
    return None


#: what links an instrument to the agreement it serves, between their nouns ("implementation plan for the 2012
#: Agreement", "plan de mise en œuvre de l'accord de 2012", "Kế hoạch triển khai Hiệp định ... ký năm 2017")
_PARENT_LINK = re.compile(
    r"\s*(?:(?:for|to|of|under) the(?:\s+(?:19|20)\d\d)?|(?:de|à|pour) l['’]|(?:du|au)|(?:của|cho|thuộc))?\s*", re.I
)
#: a year of its own in the agreement's short title ("the 2012 Agreement", "l'accord de 2012", "ký năm 2017")
_OWN_YEAR_AFTER = re.compile(r"[^,.;()]{0,60}?\b(?:of|de|du|năm|in|en)\s+(?:19|20)\d\d\b", re.I)


def _parent_agreement(clause: str, noun_pos: int) -> bool:
    """True when the agreement noun at `noun_pos` follows another agreement noun (a plan, protocol or
    amendment) through a bare link ("for the", "de l'", "của") and carries a year of its own: it is the
    agreement in force that the instrument serves ("an implementation plan for the 2012 Agreement", "un plan de
    mise en œuvre de l'accord de 2012"), signed (convention 9)."""
    noun = NOUNS.match(clause, noun_pos)
    if noun is None or not _PARENT_LINK.fullmatch(clause, 0, noun_pos):
        return False
    return bool(re.search(r"(?:19|20)\d\d", clause[:noun_pos]) or _OWN_YEAR_AFTER.match(clause, noun.end()))


def _names_another(sentence: str, m: re.Match[str], prev: Agreement) -> bool:
    """True when a definite mention names an agreement other than the previous one: an amendment ("the
    amendment will be signed"), or another kind of agreement with its own complement ("l'arrangement
    d'application de 2020 entre ..." after "l'accord de coopération")."""
    if AMENDMENT.fullmatch(m.group(0)):
        # the instrument of a renewal just reported is that renewal ("ont renouvelé l'entente ... L'avenant a été
        # signé", "renewed the MoU ... The amendment was signed"): one item
        return prev.status != "renewed"
    prev_noun = NOUNS.search(prev.title.value)
    other_kind = prev_noun is None or _noun_key(prev_noun) != _noun_key(m)
    if other_kind and prev_noun is not None and _record_of_another_kind(m, prev_noun):
        return True  # "adopted the work programme ... signed the protocol of the session": two texts
    return other_kind and bool(_OWN_COMPLEMENT.match(sentence, m.end()))


def _record_of_another_kind(m: re.Match[str], prev_noun: re.Match[str]) -> bool:
    """True when one of two nouns of different kinds is a session's record (minutes, protocol, procès-verbal,
    biên bản): the record of a meeting is a text of its own, never another name for the agreement, plan or
    programme mentioned before it ("The committee approved a work programme ... the heads of delegation signed
    the protocol of the session", "Hiệp định ... Theo Biên bản được ký kết tại phiên họp"). A shortened mention
    of the previous noun ("Biên bản" after "Biên bản ghi nhớ") stays the same agreement."""
    mine, theirs = _noun_key(m), _noun_key(prev_noun)
    if theirs.startswith(mine):
        return False
    return bool(RECORD.fullmatch(m.group(0)) or RECORD.fullmatch(prev_noun.group(0)))


#: a complement that names an agreement of its own after a definite article ("the arrangement between ...",
#: "l'arrangement d'application de 2020", "Thỏa thuận về ..."); "the MOU in the presence of" has none
_OWN_COMPLEMENT = re.compile(
    r"\s+(?:between|on|for|of \d{4}|entre|sur|de \d{4}|về|giữa)\b"
    # a year or a period of its own right after the noun ("la feuille de route 2026-2028")
    r"|\s+(?:19|20)\d\d\b"
    # a year further on in its short title ("l'accord de coopération de 2009", "the agreement on S&T of 2015")
    # or its date of signature ("la convention-cadre signée en 2018", "the arrangement concluded in 2019")
    # (never a year of a future act of the same agreement: "The agreement will be reviewed in 2027")
    r"|(?![^,.;()]{0,40}?\b(?:will|shall|would|sera|seront|sẽ)\b)[^,.;()]{0,40}?\b(?:of|de|du|năm|in|en)\s+(?:19|20)\d\d\b"
    # its own signature with a partner ("l'accord-cadre conclu avec le ministère", "the MoU signed with")
    r"|\s+(?:conclu|sign|concluded|ký)\w*\s+(?:avec|with|với|entre|between|giữa)\b",
    re.I,
)


#: what follows an agreement noun that names one ("Agreement between ...", "accord-cadre avec", "Hiệp định về")
_COMPLEMENT = re.compile(
    r"\s+(?:between|on|of|with|for|entre|sur|de|du|des|d'|avec|pour|về|giữa|với|hợp\s+tác|cấp)\b|\s+[A-ZĐÀ-Ỹ]", re.I
)
_PROGRAMME_NOUN = re.compile(r"programme|program|chương trình|plan|kế hoạch", re.I)
#: the programme nouns a funding call may run under (a plan never funds a call)
_FUNDING_NOUN = re.compile(r"programme|program|chương trình", re.I)


def _named(clause: str, noun_pos: int) -> bool:
    """True when the agreement noun at `noun_pos` names an agreement (capitalised, or with its complement),
    not a programme or plan, and not a bare back-reference ("Under the arrangement, ...")."""
    m = NOUNS.match(clause, noun_pos)
    if not m or _PROGRAMME_NOUN.search(m.group(0)):
        return False
    dated = bool(_YEAR_BEFORE.search(clause, max(0, noun_pos - 25), noun_pos))  # "the 2015 memorandum"
    return m.group(0)[:1].isupper() or dated or bool(_COMPLEMENT.match(clause, m.end()))


#: a year just before an agreement noun names it ("Under the 2015 memorandum of understanding, ...")
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d\s+(?:[\w-]+\s+){0,3}$")


def find_agreements(text: str) -> list[Agreement]:
    """Agreement items with status (one per agreement, not per mention)."""
    out: list[Agreement] = []
    headline_end = text.find("\n") if "\n" in text.strip() else -1
    absorbed: set[int] = set()  # headline items a body mention was merged into
    for sent in sentences(text):
        if ASIDE.search(sent.text):
            continue
        nouns = list(NOUNS.finditer(sent.text))
        if not nouns and out and sent.start - out[-1].title.evidence.start <= PRONOUN_REACH:
            _pronoun_act(sent.text, out[-1])
        shared: str | None = None  # the previous noun's status, for a noun coordinated after it
        colon = _list_colon(sent.text)
        listed: list[Agreement] = []  # the items of a list of texts signed at one ceremony
        # the status the list's head gives a text named right after its colon ("signed five documents: ...")
        list_status = _status(sent.text[: colon + 1] + " MoU", colon + 2) if colon >= 0 else None
        merged_into: Agreement | None = None  # the earlier item a noun of this sentence was merged into
        pair_head: re.Match[str] | None = None  # the first noun of a bare pair ("Agreements and memorandums")
        for k, m in enumerate(nouns):
            if m.end() <= colon and not sent.text[m.end() : colon + 1].rstrip(" :"):
                continue  # the list's head ("quatre accords :"): its items are the agreements
            # the clause of this noun: from the previous noun (or ';') to the next noun
            seg_start = max(nouns[k - 1].end() if k else 0, sent.text.rfind(";", 0, m.start()) + 1)
            seg_end = nouns[k + 1].start() if k + 1 < len(nouns) else len(sent.text)
            clause = sent.text[seg_start:seg_end]
            whole = clause
            if k + 1 < len(nouns):
                clause = _without_next_predicate(clause, m.end() - seg_start)
            before = sent.text[: m.start()]
            after_noun = bool(k) and seg_start == nouns[k - 1].end()
            status = _status(clause, m.start() - seg_start, k + 1 < len(nouns) and clause == whole, after_noun)
            if status is None and after_noun and _ANOTHER.search(sent.text, nouns[k - 1].end(), m.end()):
                status = shared  # "signed an MoU on AI and an agreement on space": the same verb
            in_list = 0 <= colon < m.start()
            if in_list and status is None and _LIST_ITEM.fullmatch(sent.text, seg_start, m.start()):
                status = list_status  # "lễ ký 6 văn kiện: A; B; và C": each item has the list's verb
            shared = status
            if status is None or SCHEME.search(before[-90:]) or _personal(sent.text, m):
                # "Agreements and memorandums were signed": the first noun of a bare pair takes the pair's verb,
                # one group titled from it
                bare_pair = status is None and k + 1 < len(nouns) and _BARE_AND.fullmatch(
                    sent.text, m.end(), nouns[k + 1].start())
                pair_head = m if bare_pair else None
                continue
            if (_FUNDING_NOUN.search(m.group(0)) and _FUNDING_PROGRAMME.search(before[-160:])
                    and not _has_own_act(clause, m.end() - seg_start)):
                continue  # a call's funding programme, not an agreement of the parties
            back_ref = (
                bool(DEFINITE.search(before[-12:]))
                and out
                and m.group(0).lower()
                not in ("work plan", "workplan", "plan of action", "kế hoạch hành động")
                and not _names_another(sent.text, m, out[-1])
            )
            if back_ref or (out and m.group(0).lower() in ("renewal", "extension")):
                prev = out[-1]
                if _PRIORITY[status] > _PRIORITY[prev.status] and status != "discussed":
                    prev.status = status
                continue
            # the item the previous noun gave: the last one of this sentence, or the earlier item the previous
            # noun was merged into ("Agreements and memorandums were signed ..." after "agreements and
            # memorandums at InnoWeek": one group, mentioned again)
            target = out[-1] if out and out[-1].title.evidence.start >= sent.start else merged_into
            if (
                target is not None
                and k > 0
                and status == target.status
                and not _has_verb(sent.text[nouns[k - 1].end() : m.start()])
                and not BASIS.search(sent.text[nouns[k - 1].end() : m.start()])
                and not _ANOTHER.search(sent.text, nouns[k - 1].end(), m.end())
                and ";" not in sent.text[nouns[k - 1].end() : m.start()]
            ):
                continue  # a second noun for the same agreement in the same clause
            title = _title(sent.text, pair_head or m)
            pair_head = None
            # the headline and the body, or a later shorter mention, name the same agreement
            earlier = (
                next((a for a in out if a.status == status and _same_title(a.title.value, title)), None)
                or _mentioned_before(out, title)
                or _headline_item(out, title, status, headline_end, sent.start, absorbed)
            )
            if earlier is not None:
                _merge(earlier, title, status, sent.start + m.start())
                merged_into = earlier
                continue
            start = sent.start + m.start()
            out.append(Agreement(Value(title, Evidence(start, sent.start + m.end(), 0.6)), status))
            if in_list:
                listed.append(out[-1])
            second = _second_partner(sent.text, m, seg_end)
            if second is not None and status in ("signed", "planned"):
                at = sent.start + second[1]
                evidence = Evidence(at, at + len(second[0]) - len(m.group(0)), 0.5)
                out.append(Agreement(Value(second[0], evidence), status))
        if any(STI.search(item.title.value) for item in listed):
            unrelated = {id(item) for item in listed if not STI.search(item.title.value)}
            out[:] = [item for item in out if id(item) not in unrelated]
    _acronym_mentions(text, out)
    return out


#: what may stand before an item's noun in a list after its semicolon or colon: "and" and a determiner
_LIST_ITEM = re.compile(r"[\s:]*(?:(?:and|et|và)\s+)?(?:(?:an?|the|un|une|le|la|les|một|các)\s+|l')?", re.I)


def _list_colon(sentence: str) -> int:
    """The colon that opens a list of texts signed at one ceremony ("chứng kiến lễ ký 6 văn kiện hợp tác: A; B;
    C", "signed five documents: A; B; C"): a signature verb before it and at least two semicolons after it;
    -1 when the sentence holds no such list."""
    colon = sentence.find(":")
    if colon < 0 or sentence.count(";", colon) < 2 or SIGN.search(sentence, 0, colon) is None:
        return -1
    return colon


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


#: a plan of one person, not of the parties ("each trainee drafts an individual action plan", "un plan d'action
#: individuel", "kế hoạch hành động cá nhân")
_PERSONAL_BEFORE = re.compile(r"\b(?:individual|personal|personalised|personalized)\s+$", re.I)
_PERSONAL_AFTER = re.compile(r"\s+(?:individuel(?:le)?s?|personnel(?:le)?s?|cá nhân)\b", re.I)


#: a coordination before a determiner or a number and an agreement noun: a second agreement ("signed an MoU in
#: 2022 and a new agreement on exchanges", "un mémorandum et un accord-cadre", "12 MoUs and 3 agreements"); a
#: bare coordination of nouns ("agreements and memorandums with the Ministry") names one group of texts
_ANOTHER = re.compile(
    r"\s+(?:(?:and|et|và|as well as|along with|together with|ainsi que|de même que|cũng như|cùng với)\s+"
    r"|ainsi qu['’]|de même qu['’])(?=(?:(?:a|an|the|another|un|une|le|la|les|một|các|\d+)\s+|l')"
    r"(?:[\w'-]+\s+){0,3}?" + NOUNS.pattern + ")",
    re.I,
)


def _personal(sentence: str, m: re.Match[str]) -> bool:
    """True when the agreement noun at `m` is one person's plan (an agreement of no party), or a technical
    procedure named "protocol" ("a landslide monitoring protocol", "un protocole de surveillance", "a clinical
    protocol"), a method and no agreement between parties."""
    return bool(_PERSONAL_BEFORE.search(sentence, max(0, m.start() - 20), m.start())
                or _PERSONAL_AFTER.match(sentence, m.end())
                # "by mutual agreement", "d'un commun accord": the consent of the parties, no text
                or _CONSENT_BEFORE.search(sentence, max(0, m.start() - 20), m.start())
                or (_PROTOCOL.fullmatch(m.group(0)) and (
                    _PROCEDURE_BEFORE.search(sentence, max(0, m.start() - 40), m.start())
                    or _PROCEDURE_AFTER.match(sentence, m.end()))))


#: "by mutual agreement", "d'un commun accord", "upon mutual agreement": the consent of the parties, no text
_CONSENT_BEFORE = re.compile(r"\b(?:d['’]un commun|(?:by|upon|on|through) (?:mutual|common))\s+$", re.I)
#: a protocol noun alone (never "protocole d'accord", "protocole d'entente", "Nghị định thư")
_PROTOCOL = re.compile(r"protocoles?|protocols?", re.I)
#: the words of a method right before or after "protocol" ("monitoring protocol", "protocole de surveillance",
#: "clinical protocol"): a technical procedure (``lang/<code>/agreements.py`` PROCEDURE_BEFORE / _AFTER)
_PROCEDURE_BEFORE = re.compile(
    r"\b(?:" + "|".join(c for m in _LANGUAGES for c in m.PROCEDURE_BEFORE) + r")\s+"
    r"(?:(?!co-?operation|collaboration|partnership)[\w-]+\s+)?$",
    re.I,
)
_PROCEDURE_AFTER = re.compile(r"\s+(?:" + "|".join(c for m in _LANGUAGES for c in m.PROCEDURE_AFTER) + r")\b", re.I)


#: how far after the last agreement's mention a pronoun may point back to it, in characters (the next sentence)
PRONOUN_REACH = 300
#: a pronoun for the last agreement with a renewal to come or done, opening a sentence of its own ("Elles sont
#: convenues qu'il sera renouvelé", "It will be renewed in 2026", "Nó sẽ được gia hạn")
_PRONOUN_RENEWAL = re.compile(
    r"\b(?:it|il|elle)\s+(?P<future>will\s+be|sera)?\s*(?:(?:was|has\s+been|a\s+été)\s+)?"
    r"(?:renewed|extended|renouvel\w*|reconduit\w*|prolong\w*|prorog\w*)",
    re.I,
)


def _pronoun_act(sentence: str, last: Agreement) -> None:
    """A sentence without an agreement noun whose pronoun subject is renewed or will be: the last agreement is
    renewed (done) or planned (to come: an expired agreement that "sera renouvelé" is not renewed yet)."""
    found = _PRONOUN_RENEWAL.search(sentence)
    if found is None:
        return
    last.status = "planned" if found.group("future") else "renewed"


def _second_partner(sentence: str, m: re.Match[str], clause_end: int) -> tuple[str, int] | None:
    """A second agreement of the same signature with another partner: "signed an agreement with A on X, and with
    B on Y" -> ("agreement with B on Y", offset of "with B"). None when the clause names one partner."""
    partner = re.match(r"[^,.;]{0,60}?\s(?:with|avec|với)\s", sentence[m.end() : clause_end], re.I)
    if partner is None:
        return None
    again = _SECOND_PARTNER.search(sentence, m.end() + partner.end(), clause_end)
    if again is None:
        return None
    tail = re.match(r"[^,.;()]{0,90}", sentence[again.end() :])
    words = sentence[again.start() : again.end()].split()
    title = f"{m.group(0)} {words[-1]} {tail.group(0) if tail else ''}".strip()
    return title, again.start()


def _content(title: str) -> set[str]:
    """A title's content words: no agreement noun ("memorandum of understanding", "Hiệp định"), no small words."""
    return set(normalize_name(NOUNS.sub(" ", title)).split())


def _same_title(a: str, b: str) -> bool:
    """Two mentions name the same agreement when the content words of their titles overlap (Dice >= 0.6):
    "agreements at InnoWeek" and "agreements and memorandums at InnoWeek"; "MoU on health" and "MoU on
    energy" stay two."""
    wa, wb = _content(a), _content(b)
    if not wa or not wb:  # a bare noun ("Biên bản ghi nhớ") after the titled mention is that agreement
        noun_a, noun_b = NOUNS.search(a), NOUNS.search(b)
        bare = NOUNS.fullmatch(a.strip()) or NOUNS.fullmatch(b.strip())
        if bare is None or noun_a is None or noun_b is None:
            return False
        return _noun_key(noun_a) == _noun_key(noun_b)
    return 2 * len(wa & wb) / (len(wa) + len(wb)) >= 0.6


def _mentioned_before(out: list[Agreement], title: str) -> Agreement | None:
    """The earlier item a later mention names again, whatever its status: the same kind of agreement (same
    noun) with no words of its own ("Hiệp định", "the memorandum", "l'entente") or with content words all
    in the earlier title or holding all of them ("memorandum on marine science and technology" and "Memorandum
    of Understanding on Cooperation in Marine Science and Technology"). Two titles with different years,
    parties or subjects ("MoU on health", "MoU on energy", "1996 agreement") name two agreements. None
    when no such item."""
    noun = NOUNS.search(title)
    if noun is None:
        return None
    mine = _content(title)
    for item in reversed(out):
        theirs = _content(item.title.value)
        other = NOUNS.search(item.title.value)
        if other is None or _noun_key(other) != _noun_key(noun):
            continue
        if not mine or (theirs and (mine <= theirs or theirs <= mine) and _years(mine) == _years(theirs)):
            return item
    return None


def _headline_item(
    out: list[Agreement], title: str, status: str, headline_end: int, at: int, absorbed: set[int]
) -> Agreement | None:
    """The agreement a headline names, for the body's first mention of the same kind with the same status
    ("... ký Bản ghi nhớ hợp tác với Trường Đại học X" then "đã ký Bản ghi nhớ hợp tác về đào tạo ..."): one
    agreement, reported twice. Each headline item takes one body mention only (`absorbed`, ids of items); None
    when the mention is in the headline itself or no such item."""
    noun = NOUNS.search(title)
    if noun is None or headline_end < 0 or at < headline_end:
        return None
    for item in out:
        other = NOUNS.search(item.title.value)
        if (item.title.evidence.start < headline_end and id(item) not in absorbed and item.status == status
                and other is not None and _noun_key(other) == _noun_key(noun)):
            absorbed.add(id(item))
            return item
    return None


def _years(words: set[str]) -> set[str]:
    return {w for w in words if re.fullmatch(r"(?:19|20)\d\d", w)}


def _merge(item: Agreement, title: str, status: str, start: int) -> None:
    """One agreement mentioned again: the fullest title is kept (its evidence with it), and the status of the
    mention that reports the act (planned over signed over discussed, a renewal over all; a mere discussion never
    lowers a status)."""
    if len(_content(title)) > len(_content(item.title.value)):
        item.title = Value(title, Evidence(start, start + len(title), item.title.evidence.confidence))
    if _PRIORITY[status] > _PRIORITY[item.status]:
        item.status = status


def _noun_key(m: re.Match[str]) -> str:
    return normalize_name(m.group(0))


def _has_own_act(clause: str, noun_end: int) -> bool:
    """True when a signature or renewal verb follows the noun in its clause: a programme a call is financed
    under that was itself signed ("under the executive programme of cooperation for 2025-2027, signed last
    November") is an agreement of the parties."""
    return bool(SIGN.search(clause, noun_end) or RENEW.search(clause, noun_end))


def _has_verb(between: str) -> bool:
    return bool(SIGN.search(between) or RENEW.search(between) or DISCUSS.search(between))


#: an enumeration of domains inside a name, closed by "and" / "et" / "và" ("Hiệp định hợp tác khoa học, công
#: nghệ và đổi mới sáng tạo", "agreement on science, technology and innovation"): items of at most four words
_ENUMERATION = re.compile(
    r"(?:,\s*(?:[^\s,.;()]+\s+){0,3}[^\s,.;()]+)*,\s*(?:[^\s,.;()]+\s+){0,3}?[^\s,.;()]+\s+(?:and|et|và)\s+"
    r"[^,.;()]{0,90}",
    re.I,
)
#: where a title runs on past the agreement's name: a verb or participle of its own clause, a date, a place of
#: the act, a list ("signé en 2014 est arrivé", "at the ministry on 5 November 2024", "ký năm 2022", "dự kiến",
#: "có hiệu lực", "có PGS", "năm 2026 như sau:")
_TITLE_END = re.compile(
    r"\s+(?:was|were|is|has|had|will|which|that|between the two|signed|initial(?:l)?ed|valid|expected|"
    r"entered|in force|at the (?:ministry|headquarters|ceremony|close|end|meeting)|on \d{1,2}\b|today|yesterday|"
    r"on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:ce |le )?(?:lundi|mardi|mercredi|jeudi|vendredi)|"
    r"qui|a été|ont été|sera|seront|pourrait|est|sont|signée?s?|paraphée?s?|entrée? en vigueur|le \d{1,2}\b|"
    r"đã|được|sẽ|để|ký|dự kiến|có|mà|như sau|trong (?:năm|tháng)|ngày \d|"
    # words of the day of the act ("hôm nay tại Hà Nội", "aujourd'hui", "hier")
    r"hôm nay|hôm qua|sáng nay|chiều nay|aujourd['’]hui|hier|tại|"
    # the purpose or deadline of the act ("en vue de la prochaine rencontre", "avant la fin de l'année",
    # "by the end of the year", "with a view to", "trước cuối năm"), and a second infinitive ("and to organise")
    r"en vue d[eu']|with a view to|avant la fin|before the end|by the end|d['’]ici|ahead of|trước cuối|"
    r"and to \w+|since (?:19|20)\d\d|depuis|từ năm)\b|\s*:",
    re.I,
)


#: English agreement nouns written as part of a proper name ("Partnership and Cooperation Agreement")
_PROPER_NOUN = re.compile(r"Agreements?|Arrangements?|Memorandum|Protocol|Accord|Convention|Programme|Plan|Roadmap")
#: the capitalised words of an English name right before its noun, with inner "and" / "of" / "on" / "for"
#: ("Science and Technology Agreement", "Australia-Vietnam Agreement"); never a sentence's first article
_NAME_BEFORE = re.compile(
    r"(?<![\w-])(?!(?:The|A|An|This|That|Under|In|On|At|By|For|With)\s)[A-Z][\w&'’-]*\s+"
    r"(?:(?:(?:and|of|on|for|in|&)\s+)?[A-Z][\w&'’-]*\s+){0,5}$"
)
#: a year right before an agreement noun, part of its title ("the 1996 agreement")
_YEAR_BEFORE_NOUN = re.compile(r"\b(?:19|20)\d\d\s+$")


#: "in Canberra", "à Tunis", "tại Hà Nội" after the name: the place of the act, if a country or city follows
_PLACE_AFTER = re.compile(r"\s+(?:in|at|à|au|tại)\s+(?P<place>[A-ZÀ-ỸĐ][\w'’-]*(?:\s+[A-ZÀ-ỸĐ][\w'’-]*){0,2})")


def _without_place(title: str) -> str:
    """The title without the place of the act written after it ("Agreement on Scientific Cooperation in
    Canberra" -> "Agreement on Scientific Cooperation"): a country or city after in/at/à/tại ends it."""
    from sticoop.ingest.extract.organizations import _country_forms

    places = _country_forms()
    for m in _PLACE_AFTER.finditer(title):
        words = m.group("place").split()
        if any(" ".join(words[:k]) in places for k in range(len(words), 0, -1)):
            return title[: m.start()].rstrip(" ,")
    return title


def _title(sentence: str, m: re.Match[str]) -> str:
    """The agreement noun with its complement ('memorandum of understanding on bioeconomy ...'), an
    enumeration of domains with its commas included, cut before a verb, participle, date or place of its own
    clause (``_TITLE_END``)."""
    tail = re.match(r"[^,.;()]{0,90}", sentence[m.end() :])
    end = m.end() + (tail.end() if tail else 0)
    enumeration = _ENUMERATION.match(sentence, end)
    if enumeration is not None and not _TITLE_END.search(_AND.split(enumeration.group(0), maxsplit=1)[0]):
        end = enumeration.end()  # never an aside with a verb (", annexée au relevé, est adoptée et signée")
    start = m.start()
    year = _YEAR_BEFORE_NOUN.search(sentence, max(0, start - 6), start)
    if year is not None:
        start = year.start()  # "the 1996 agreement": the year names it
    elif _PROPER_NOUN.fullmatch(m.group(0)):
        name = _NAME_BEFORE.search(sentence, max(0, start - 90), start)
        if name is not None:
            start = name.start()  # "the Comprehensive Economic Partnership Agreement": its capitalised name
    title = sentence[start:end].strip()
    title = _TITLE_END.split(title, maxsplit=1)[0].rstrip(" ,")
    title = _without_place(title)
    title = _ANOTHER.split(title, maxsplit=1)[0]  # "MoU in 2022 and a new agreement on ...": the MoU's title
    # a second predicate coordinated after the title ("... on AI and agreed to renew ...", "et ont convenu de")
    title = re.split(
        r"\s+(?:and|et|và)\s+(?=(?:also\s+|ont\s+|a\s+|sont\s+|đã\s+)?(?:agreed|decided|signed|renew|discuss|review|"
        r"convenu|décidé|sign|renouvel|thống nhất|nhất trí|ký))",
        title,
    )[0]
    return re.sub(r"\s+(?:and|et|và)$", "", title.strip())  # "... de 2010 et [sont convenus]"
