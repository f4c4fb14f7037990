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

The modules of this package: ``cues`` (the patterns built from ``lang/<code>/agreements.py``),
``clauses`` (which verb governs a noun), ``status`` (the status of one noun in its clause), ``titles`` (an
agreement's title), ``mentions`` (one agreement mentioned again, or no agreement), ``acronyms`` (an agreement
named by its acronym); ``find_agreements`` here runs them over a text.
"""

from __future__ import annotations

import re

from sticoop.ingest.extract.agreements.acronyms import _acronym_mentions
from sticoop.ingest.extract.agreements.clauses import _without_next_predicate
from sticoop.ingest.extract.agreements.cues import (
    _BARE_AND,
    _FUNDING_NOUN,
    _FUNDING_PROGRAMME,
    ASIDE,
    BASIS,
    DEFINITE,
    NOUNS,
    SCHEME,
    SIGN,
    STI,
)
from sticoop.ingest.extract.agreements.mentions import (
    _PRIORITY,
    PRONOUN_REACH,
    _has_own_act,
    _has_verb,
    _headline_item,
    _mentioned_before,
    _merge,
    _names_another,
    _personal,
    _pronoun_act,
    _same_title,
)
from sticoop.ingest.extract.agreements.status import _status
from sticoop.ingest.extract.agreements.titles import _ANOTHER, _second_partner, _title
from sticoop.ingest.extract.model import Agreement, Evidence, Value
from sticoop.ingest.extract.textutil import sentences


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
