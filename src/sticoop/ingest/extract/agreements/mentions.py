"""Whether an agreement noun is a new agreement, one mentioned before, or no agreement at all.

One agreement is one item: a later mention (a bare noun, a shorter or fuller title of the same kind, the body's
first mention of the headline's agreement, a pronoun in the next sentence) is merged into the earlier item, which
keeps the fullest title and the status of the mention that reports the act (``_PRIORITY``). One person's plan, a
technical protocol and "by mutual agreement" are no agreement (``_personal``).
"""

from __future__ import annotations

import re

from sticoop.ingest.extract.agreements.cues import (
    _PROCEDURE_AFTER,
    _PROCEDURE_BEFORE,
    AMENDMENT,
    DISCUSS,
    NOUNS,
    RECORD,
    RENEW,
    SIGN,
)
from sticoop.ingest.extract.model import Agreement, Evidence, Value
from sticoop.ingest.extract.names import normalize_name

#: the rank of a status when one agreement is mentioned again: a renewal over a plan over a signature over a
#: discussion
_PRIORITY = {"renewed": 3, "planned": 2, "signed": 1, "discussed": 0}


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


#: a plan of one person, not of the parties ("each trainee drafts an individual action plan", "un plan d'action
#: individuel", "kế hoạch hành động cá nhân")
_PERSONAL_BEFORE = re.compile(r"\b(?:individual|personal|personalised|personalized)\s+$", re.I)
_PERSONAL_AFTER = re.compile(r"\s+(?:individuel(?:le)?s?|personnel(?:le)?s?|cá nhân)\b", re.I)


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
