"""Event type, place, programmes and commitments: the parts of a report that are read by cue phrases.

Event type is decided from the lead (title + first sentences), where press reports say what happened:
a committee session (a session number or 'joint committee' meeting), a call for proposals, a training course,
a technology fair, an agreement signing, a (ministerial) visit, else other cooperation.
The event-type cue phrases live in ``lang/<code>/events.py``.
"""

from __future__ import annotations

import re

from sticoop.ingest.extract.countries import Mention
from sticoop.ingest.extract.lang.en import events as en
from sticoop.ingest.extract.lang.fr import events as fr
from sticoop.ingest.extract.lang.vi import events as vi
from sticoop.ingest.extract.model import Committee, Evidence, Value
from sticoop.ingest.extract.textutil import Sentence, dateline_place, fold, sentences

#: (event type, cue pattern) in the order types are tried; cue phrases live in ``lang/<code>/events.py``
EVENT_CUES: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(r"\b(" + "|".join(c for m in (en, fr, vi) for c in m.EVENT_CUES[kind]) + r")\b", re.I))
    for kind in en.EVENT_CUES
]


_CALL_CUES = dict(EVENT_CUES)["funding_call"]


def session_of_a_call(text: str, committee: Committee | None) -> bool:
    """True when the committee's numbered session is named in a call's sentence after the call ("opens a call
    for joint projects under the plan adopted at the 9th session of the Joint Committee", "mở đợt tuyển chọn ...
    thông qua tại Khóa họp lần thứ 9"): the session decided the call earlier, the report is the call's, and a
    call records its committee without a session number (labelling convention 5)."""
    if committee is None or committee.session_evidence is None:
        return False
    at = committee.session_evidence.start
    sent = next((s for s in sentences(text) if s.start <= at < s.end), None)
    return sent is not None and bool(_CALL_CUES.search(sent.text, 0, at - sent.start))


def event_type(text: str, committee: Committee | None, title: str | None = None) -> Value:
    """The kind of event the report is about."""
    sents = sentences(text)
    lead_sents = [s for s in sents if len(s.text) > 40][:2]
    lead = " ".join(s.text for s in lead_sents)
    start = lead_sents[0].start if lead_sents else 0
    if committee is not None and committee.session_number is not None:
        ev = committee.session_evidence or committee.name.evidence
        return Value("committee_session", Evidence(ev.start, ev.end, 0.85))
    head = (title or "") + " " + lead
    for kind, pattern in EVENT_CUES:
        m = pattern.search(head)
        if m:
            pos = lead.find(m.group(0))
            s = start + max(pos, 0)
            return Value(kind, Evidence(s, s + len(m.group(0)), 0.6))
    return Value("other_cooperation", Evidence(start, start, 0.3))


_PLACE_PREP = re.compile(r"\b(?:in|at|to|à|au|en|tại|sang)\s+(?:the\s+|la\s+|thủ đô\s+|capital\s+)?$", re.I)


def location(text: str, mentions: list[Mention], body_start: int, parties: set[str]) -> Value | None:
    """Where the event took place: a place named with 'in/à/tại' in the lead, else the dateline city."""
    sents = [s for s in sentences(text) if s.end > body_start]
    lead: list[Sentence] = sents[:2]
    for s in lead:
        for m in mentions:
            if s.start <= m.start < s.end and m.start >= body_start and m.code in parties:
                before = text[max(s.start, m.start - 20) : m.start]
                possessive = text[m.end : m.end + 2] in ("'s", "’s")  # "at Egypt's Ministry" is no place
                if _PLACE_PREP.search(before) and not possessive:
                    return Value(m.code, Evidence(m.start, m.end, 0.7))
    dl = dateline_place(text)
    if dl is not None:
        place, pos = dl
        for m in mentions:
            if m.start == pos or (m.start >= pos and m.end <= pos + len(place) + 1):
                return Value(m.code, Evidence(m.start, m.end, 0.6))
        key = fold(place)
        for m in mentions:
            if fold(m.surface) == key:
                return Value(m.code, Evidence(m.start, m.end, 0.5))
    return None


PROGRAMME = re.compile(
    r"\b(Horizon (?:Europe|2020)|Erasmus\+?|(?:[A-Z][\w\-]*\s+){0,5}(?:Programme|Program|Scheme|Fund|Initiative)"
    r"(?:\s+(?:for|on|of)\s+(?:[A-Z][\w\-]*\s*){1,4})?|Partenariat Hubert Curien(?: \(PHC\))?(?: [A-Z]\w+)?|"
    r"PHC [A-Z]\w+|[A-Z]{3,}(?= (?:programme|program|scheme)\b)|Stipendium Hungaricum|"
    r"[A-Z][\w\-]+ \d+(?= programme)|Chương trình [^.,;()]{5,100}?(?: \([A-ZÉ]+\))?(?= giai đoạn|[.,;])|"
    r"[A-Z][\w\-]+(?:-[A-Z][\w\-]+)? collaborative research fund)"
)


def programmes(text: str, org_spans: list[tuple[int, int]]) -> list[Value]:
    out: list[Value] = []
    seen: set[str] = set()
    for m in PROGRAMME.finditer(text):
        name = m.group(0).strip()
        if any(s <= m.start() < e for s, e in org_spans) or len(name) < 4 or name.lower() in seen:
            continue
        if name.split()[0] in ("The", "A", "An", "Under", "This"):
            name = " ".join(name.split()[1:])
        if len(name.split()) == 1 and name in ("Programme", "Program", "Fund", "Scheme", "Initiative"):
            continue
        seen.add(name.lower())
        out.append(Value(name, Evidence(m.start(), m.end(), 0.5)))
    return out


COMMIT = re.compile(
    r"\b(?:agreed|agree|pledg\w+|committed|decided|will|(?:a|ont|sont|avons)\s+convenu\w*|"
    r"se sont \w+ engagé\w*|s'engag\w+ à|conviennent|décidé|prévoi\w+|nhất trí|cam kết|thống nhất|sẽ)\s+"
    r"(?:to\s+|de\s+|d'|à\s+)?(?P<rest>[^.;]{8,400})",
    re.I,
)


#: between two agreed actions: "to X, to Y and to Z", "X, and that Y", "X, while supporting Y", "X; Y"
_VI_ACTIONS = (
    "tổ chức|phối hợp|thúc đẩy|trao đổi|khuyến khích|xây dựng|hỗ trợ|ký|tăng cường|mở rộng|triển khai|đẩy mạnh|"
    "tiếp tục|thành lập|cử|đào tạo|chia sẻ|kết nối|tài trợ|đồng tài trợ|mở|hoàn thiện|duy trì|thực hiện|"
    "mỗi năm|hằng năm|hàng năm|nghiên cứu|phát triển|tiếp nhận|cấp"
)
_ITEM_BREAK = re.compile(
    r",?\s+(?:and|et|và)\s+(?:to\s+|de\s+|d'(?=\w+(?:er|ir|re)\b))"
    r"|,\s+(?:to\s+|(?:de\s+|d')(?=\w+(?:er|ir|re)\b))|;\s+"
    r"|,?\s+(?:and|et)\s+(?:that|que)\s+"
    r"|(?:,\s+(?:đồng thời\s+)?|\s+và\s+)(?=(?:cùng\s+)?(?:" + _VI_ACTIONS + r")\s)"
    r"|,\s+while\s+|,\s+tandis que\s+|,\s+(?:and|et)\s+(?=[^,]{3,60}?\s(?:will|would|shall|va|vont|sẽ)\s)"
)
#: a subordinate tail that explains an action but is no part of it
_ITEM_TAIL = re.compile(r",?\s+(?:in order to|so that|which|who|afin de|afin que|qui|nhằm|để)\s.*$", re.I)


def commitments(text: str) -> list[Value]:
    """Concrete future actions the parties agreed, one per item ('agreed to X, to Y and to Z')."""
    out: list[Value] = []
    for sent in sentences(text):
        for m in COMMIT.finditer(sent.text):
            rest = m.group("rest")
            parts = _ITEM_BREAK.split(rest)
            offset = sent.start + m.start("rest")
            for part in parts:
                part = _ITEM_TAIL.sub("", part.strip(" ,"))
                part = re.sub(r"^(?:that|que|à)\s+", "", part).strip(" ,")
                if len(part) >= 8:
                    pos = text.find(part, offset)
                    out.append(Value(part[:200], Evidence(max(pos, 0), max(pos, 0) + len(part), 0.4)))
            break
    return out
