"""Event date: single days, ranges and relative weekdays in en/fr/vi, resolved against the publication date.

Two steps. Patterns here *find* where a date is written and how the pieces relate (a range "from July 26 to
30" is two ends sharing a month; "20-21/9" likewise); `dateresolve.DateResolver` (dateparser, restricted to
our languages and parsers, RELATIVE_BASE = publication date) *resolves* each end to a calendar day. Why not
dateparser alone: it does not parse ranges, and its free-text search finds "may" and "march" in every
sentence and costs tens of milliseconds per article.
The dateline date (when the wire was filed) is not the event date and is skipped; a date in the dateline or a
"date YYYY-MM-DD" header is however used as the base when the publication date is unknown.

Choice among candidates: an explicit range first, then a relative day ("on Tuesday", "mardi", "hôm nay"),
then an explicit day not after publication, then any explicit day. A "four-day visit" that ended on an
anchored day becomes a range. Month, weekday and number words live in ``lang/<code>/dates.py``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta

from sticoop.core import clock
from sticoop.ingest.extract.dateresolve import DateResolver
from sticoop.ingest.extract.lang.en import dates as en
from sticoop.ingest.extract.lang.fr import dates as fr
from sticoop.ingest.extract.lang.vi import dates as vi
from sticoop.ingest.extract.model import Evidence, Value
from sticoop.ingest.extract.textutil import dateline_end

log = logging.getLogger(__name__)

#: month names of every language -> month number (1 = January)
MONTHS: dict[str, int] = {**en.MONTHS, **fr.MONTHS}
_MONTH = r"(?P<{}>" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + r")\.?"

#: weekday names of every language -> weekday number (0 = Monday)
WEEKDAYS: dict[str, int] = {**en.WEEKDAYS, **fr.WEEKDAYS}

_Y = r"(?:,?\s*(?P<{}>\d{{4}}))?"
_D = r"(?P<{}>\d{{1,2}})(?:st|nd|rd|th|er)?"

RANGE_PATTERNS = [
    # from July 26 to 30 (2023) / from March 4 to 7
    re.compile(
        r"\b(?:from|between)\s+"
        + _MONTH.format("m1")
        + r"\s+"
        + _D.format("d1")
        + r"\s*(?:to|and|-|–)\s*"
        + r"(?:"
        + _MONTH.format("m2")
        + r"\s+)?"
        + _D.format("d2")
        + _Y.format("y"),
        re.I,
    ),
    # from 4 to 7 March / from 30 October to 10 November / du 9 au 11 octobre / du 17 avril au 2 mai
    re.compile(
        r"\b(?:from|between|du|entre le)\s+"
        + _D.format("d1")
        + r"(?:\s+"
        + _MONTH.format("m1")
        + ")?"
        + r"\s*(?:to|and|au|et le|-|–)\s*"
        + _D.format("d2")
        + r"\s+"
        + _MONTH.format("m2")
        + _Y.format("y"),
        re.I,
    ),
    # two days named together: les 1er et 2 octobre / on 12 and 13 June / June 12 and 13 / ngày 12 và 13/6
    re.compile(
        r"\b(?:les|on|the)\s+"
        + _D.format("d1")
        + r"\s+(?:et|and)\s+(?:the\s+)?"
        + _D.format("d2")
        + r"\s+(?:of\s+)?"
        + _MONTH.format("m2")
        + _Y.format("y"),
        re.I,
    ),
    re.compile(
        _MONTH.format("m1") + r"\s+" + _D.format("d1") + r"\s+and\s+" + _D.format("d2") + r"(?!\d)" + _Y.format("y"),
        re.I,
    ),
    re.compile(
        r"\bngày\s+(?P<d1>\d{1,2})\s+và\s+(?:ngày\s+)?(?P<d2>\d{1,2})/(?P<m2>\d{1,2})(?:/(?P<y>\d{4}))?(?![\d/])",
        re.I,
    ),
    # September 10-11(, 2024) / Sept. 10–11
    re.compile(
        _MONTH.format("m1") + r"\s+" + _D.format("d1") + r"\s*[-–]\s*" + _D.format("d2") + _Y.format("y"),
        re.I,
    ),
    # 10-11 September (2024) / 9-11 octobre
    re.compile(
        r"(?<![\d/])"
        + _D.format("d1")
        + r"\s*[-–]\s*"
        + _D.format("d2")
        + r"\s+"
        + _MONTH.format("m2")
        + _Y.format("y"),
        re.I,
    ),
    # 20-21/9(/2023), từ 24-26/11
    re.compile(
        r"(?<![\d/])(?P<d1>\d{1,2})\s*[-–]\s*(?P<d2>\d{1,2})/(?P<m2>\d{1,2})(?:/(?P<y>\d{4}))?(?![\d/])"
    ),
    # từ ngày 10/7 đến 4/8, từ ngày 10/7/2023 đến ngày 4/8/2023
    re.compile(
        r"\btừ\s+(?:ngày\s+)?(?P<d1>\d{1,2})/(?P<m1>\d{1,2})(?:/(?P<y1>\d{4}))?\s+đến\s+(?:ngày\s+)?"
        r"(?P<d2>\d{1,2})(?:/(?P<m2>\d{1,2}))?(?:/(?P<y>\d{4}))?",
        re.I,
    ),
    # từ ngày 26 đến 30/7
    re.compile(
        r"\btừ\s+(?:ngày\s+)?(?P<d1>\d{1,2})\s+đến\s+(?:ngày\s+)?(?P<d2>\d{1,2})/(?P<m2>\d{1,2})"
        r"(?:/(?P<y>\d{4}))?",
        re.I,
    ),
]

SINGLE_PATTERNS = [
    # May 28, 2024 / May 28
    re.compile(_MONTH.format("m") + r"\s+" + _D.format("d") + r"(?!\d)" + _Y.format("y"), re.I),
    # 28 May 2024 / le 28 mai 2024 / 1er juin
    re.compile(r"(?<!\d)" + _D.format("d") + r"\s+" + _MONTH.format("m") + r"(?:\s+(?P<y>\d{4}))?", re.I),
    # ngày 28 tháng 5 năm 2024
    re.compile(r"(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s+năm\s+(?P<y>\d{4}))?", re.I),
    # 28/5/2024, 19/3, (12/4)
    re.compile(r"(?<![\d/\-–])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}))?(?![\d/])"),
    # 2024-05-28
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
]

RELATIVE = re.compile(
    r"\b(?:on\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche)\b(?:\s+and\s+(?P<wd2>monday|tuesday|wednesday|thursday|friday|saturday|sunday))?"
    r"|\b(?P<today>today|aujourd'hui|aujourd’hui|hôm nay|sáng nay|chiều nay|tối nay|this morning|ce matin)\b"
    r"|\b(?P<yesterday>yesterday|hier|hôm qua)\b",
    re.I,
)
DURATION = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|\d)[- ]day\b|\b(?P<nf>deux|trois|quatre|cinq|six|\d)\s+jours\b"
    r"|\b(?P<nv>hai|ba|bốn|năm|\d)\s+ngày\b",
    re.I,
)
_NUM: dict[str, int] = {**en.NUMBERS, **fr.NUMBERS, **vi.NUMBERS}
END_VERBS = re.compile(r"\b(" + "|".join(en.END_VERBS + fr.END_VERBS + vi.END_VERBS) + r")\b", re.I)


@dataclass
class Candidate:
    kind: str  # range | relative | day
    start: date
    end: date | None
    span: tuple[int, int]


def _is_month(value: str | None) -> bool:
    if value is None:
        return False
    value = value.lower().rstrip(".")
    return (value.isdigit() and 1 <= int(value) <= 12) or value in MONTHS


def _expression(day: str, month: str, year: str | None) -> str:
    """One end of a range written out on its own ("26 juillet 2023", "26/7") for the resolver."""
    if month.isdigit():
        return f"{day}/{month}" + (f"/{year}" if year else "")
    return f"{day} {month}" + (f" {year}" if year else "")


def base_date(text: str, published: date | None, language: str | None = None) -> date | None:
    """Publication date, or the date written (with its year) in the header/dateline when unknown."""
    if published is not None:
        return published
    head = text[: max(dateline_end(text), 80)]
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", head)
    resolver = DateResolver(clock.today(), language)
    if m:
        return resolver.day(m.group(0), year_stated=True)
    for pat in SINGLE_PATTERNS:
        m = pat.search(head)
        if m and m.groupdict().get("y") and _is_month(m.group("m")):
            return resolver.day(m.group(0), year_stated=True)
    return None


def _range(g: dict[str, str | None], resolver: DateResolver) -> tuple[date, date] | None:
    """Both ends of a range from the pattern's pieces; a yearless end-before-start range crosses new year."""
    m2 = g.get("m2") or g.get("m1")
    m1 = g.get("m1") or m2
    if not _is_month(m1) or not _is_month(m2):
        return None
    year = g.get("y") or g.get("y1")
    stated = year is not None
    start = resolver.day(_expression(g["d1"] or "", m1 or "", year), stated)
    end = resolver.day(_expression(g["d2"] or "", m2 or "", year), stated)
    if start is None or end is None:
        return None
    if end < start:
        try:
            if stated:
                start = start.replace(year=start.year - 1)
            else:
                end = end.replace(year=start.year)
                end = end if end >= start else end.replace(year=start.year + 1)
        except ValueError:
            return None
    return start, end


def _candidates(text: str, resolver: DateResolver, skip_until: int) -> list[Candidate]:
    out: list[Candidate] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for pat in RANGE_PATTERNS:
        for m in pat.finditer(text):
            if m.start() < skip_until or not free(m.start(), m.end()):
                continue
            ends = _range(m.groupdict(), resolver)
            if ends and ends[0] < ends[1] and (ends[1] - ends[0]).days <= 62:
                out.append(Candidate("range", ends[0], ends[1], (m.start(), m.end())))
                taken.append((m.start(), m.end()))
    for pat in SINGLE_PATTERNS:
        for m in pat.finditer(text):
            if m.start() < skip_until or not free(m.start(), m.end()) or not _is_month(m.group("m")):
                continue
            day = resolver.day(m.group(0), year_stated=m.group("y") is not None)
            if day:
                out.append(Candidate("day", day, None, (m.start(), m.end())))
                taken.append((m.start(), m.end()))
    for m in RELATIVE.finditer(text):
        if m.start() < skip_until or not free(m.start(), m.end()):
            continue
        if m.group("wd"):
            day = resolver.weekday(m.group("wd"))
            end = resolver.weekday(m.group("wd2")) if m.group("wd2") else None
        else:  # today / yesterday; time-of-day words dateparser lacks ("sáng nay") name the base day
            day = resolver.relative(m.group(0)) or (resolver.base if m.group("today") else None)
            end = None
        if day is None:
            continue
        if end is not None and end <= day:
            end = None
        out.append(Candidate("relative", day, end, (m.start(), m.end())))
    return out


def _fmt(c: Candidate) -> str:
    if c.end is not None and c.end != c.start:
        return f"{c.start.isoformat()}/{c.end.isoformat()}"
    return c.start.isoformat()


def extract_event_date(text: str, published: date | None = None, language: str | None = None) -> Value | None:
    """The date (or range) of the event itself, as an ISO string with evidence.

    `language` (ISO 639-1) is the language the resolver tries first for month and weekday names.
    """
    base = base_date(text, published, language)
    if base is None:
        base = clock.today()
        confidence_penalty = 0.3
    else:
        confidence_penalty = 0.0
    skip = dateline_end(text)
    header = re.match(r"\s*date\s+\d{4}-\d{2}-\d{2}", text)
    if header:
        skip = max(skip, header.end())
    cands = _candidates(text, DateResolver(base, language), skip)
    if not cands:
        return None
    limit = base + timedelta(days=3 if published is not None else 366)
    ranges = [c for c in cands if c.kind == "range" and c.start <= limit]
    relative = [c for c in cands if c.kind == "relative"]
    past_days = [c for c in cands if c.kind == "day" and c.start <= base]
    chosen: Candidate | None = None
    conf = 0.6
    if ranges:
        chosen, conf = min(ranges, key=lambda c: c.span[0]), 0.85
    elif relative:
        chosen, conf = min(relative, key=lambda c: c.span[0]), 0.7
        _widen_with_duration(text, chosen)
    elif past_days:
        chosen, conf = min(past_days, key=lambda c: c.span[0]), 0.6
    else:
        chosen, conf = min(cands, key=lambda c: c.span[0]), 0.4
    return Value(_fmt(chosen), Evidence(chosen.span[0], chosen.span[1], max(0.1, conf - confidence_penalty)))


def _widen_with_duration(text: str, cand: Candidate) -> None:
    """ "a four-day visit ... ends today" -> a range ending on the anchored day (or starting on it)."""
    if cand.end is not None:
        return
    window = text[max(0, cand.span[0] - 200) : cand.span[1] + 200]
    m = DURATION.search(window)
    if not m:
        return
    raw = (m.group("n") or m.group("nf") or m.group("nv")).lower()
    n = int(raw) if raw.isdigit() else _NUM.get(raw, 0)
    if n < 2 or n > 14:
        return
    if END_VERBS.search(window):
        cand.end, cand.start = cand.start, cand.start - timedelta(days=n - 1)
    else:
        cand.end = cand.start + timedelta(days=n - 1)
