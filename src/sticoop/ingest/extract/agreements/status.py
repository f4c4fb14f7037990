"""The status of one agreement noun in its clause: "renewed", "planned", "signed", "discussed", or None.

``_status`` tries the cues in a fixed order (a renewal pronoun, an amendment, a prospect, a decided drafting, a
discussion, an in-force apposition, a revival, a renewal, a signature, a basis or frame in force) and returns the
first that applies; the rules and their sources are in the package docstring and in
``tests/ingest/corpus/README.md`` (conventions 6 and 9, rounds 8 to 10).
"""

from __future__ import annotations

import re

from sticoop.ingest.extract.agreements.clauses import (
    _COORDINATED_INFINITIVE,
    _DECISION,
    _adopted_only,
    _amendment_status,
    _decided_study_of_signing,
    _governing,
    _in_force_apposition,
    _last,
    _next_nouns_verb,
    _own_clause,
    _planned_signature,
    _previous_participle,
    _scheduled,
    _under_discussion,
)
from sticoop.ingest.extract.agreements.cues import (
    _POSSIBLE,
    _PROGRAMME_NOUN,
    BASIS,
    BASIS_WINDOW,
    DISCUSS,
    DRAW_UP,
    FRAME,
    FUTURE_FORM,
    IN_FORCE,
    INITIAL,
    NOUNS,
    PREPARE,
    PROSPECT,
    RENEW,
    RENEW_PRONOUN,
    REVIVE,
    SIGN,
)

#: the ending of a verb's past form or participle ("reactivated", "réactivé", "relancées")
_PAST_FORM = re.compile(r"(?:ed|é|ée|és|ées)$", re.I)


#: a future passive right before a verb: the act is still to come ("will be renewed", "sera renouvelé",
#: "sẽ được gia hạn")
_FUTURE_PASSIVE = re.compile(
    # "Hai bên sẽ gia hạn" (will extend) is to come; "thống nhất sẽ gia hạn" is a decision, read like "agreed to
    # extend" (renewed, as the corpora label it)
    r"\b(?:will|shall)(?:\s+be)?\s*$|\b(?:sera|seront)\s*$|\bsẽ\s+được\s*$|(?<!nhất )(?<!trí )\bsẽ\s*$", re.I
)


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


#: what follows an agreement noun that names one ("Agreement between ...", "accord-cadre avec", "Hiệp định về")
_COMPLEMENT = re.compile(
    r"\s+(?:between|on|of|with|for|entre|sur|de|du|des|d'|avec|pour|về|giữa|với|hợp\s+tác|cấp)\b|\s+[A-ZĐÀ-Ỹ]", re.I
)


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
