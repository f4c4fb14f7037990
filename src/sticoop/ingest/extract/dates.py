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

import bisect
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
#: an optional weekday before a day of a range ("du lundi 10 au mercredi 12 mars")
_WD = r"(?:(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\s+)?"

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
    # from 4 to 7 March / from 30 October to 10 November / du 9 au 11 octobre / du 17 avril au 2 mai; a weekday
    # may stand before each day ("du lundi 10 au mercredi 12 mars", "from Monday 10 to Wednesday 12 March")
    re.compile(
        r"\b(?:from|between|du|entre le)\s+"
        + _WD
        + _D.format("d1")
        + r"(?:\s+"
        + _MONTH.format("m1")
        + r"(?:\s+(?P<y1>\d{4}))?)?"
        + r"\s*(?:to|and|au|et le|-|–)\s*"
        + _WD
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
    # từ ngày 24 đến 27 tháng 8 năm 2015, từ 24 tháng 8 đến 2 tháng 9
    re.compile(
        r"\btừ\s+(?:ngày\s+)?(?P<d1>\d{1,2})(?:\s+tháng\s+(?P<m1>\d{1,2}))?\s*(?:đến|-|–)\s*(?:ngày\s+)?"
        r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s+năm\s+(?P<y>\d{4}))?",
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
    # the 11th of March (2025)
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)\s+of\s+" + _MONTH.format("m") + _Y.format("y"), re.I),
    # 11.03.2025 (a written year only: "1.2" is no date)
    re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d.])"),
]

_PREVIOUS_WEEK = "|".join(en.PREVIOUS_WEEK + fr.PREVIOUS_WEEK + vi.PREVIOUS_WEEK)
_VI_WEEKDAY = "|".join(w.replace(" ", r"\s+") for w in vi.WEEKDAYS)
RELATIVE = re.compile(
    # "Tuesday of last week", "mardi de la semaine dernière", "thứ Ba tuần trước"; "thứ Ba vừa qua"
    rf"\b(?:on\s+)?(?P<pw>(?:{'|'.join(WEEKDAYS)}|{_VI_WEEKDAY}))\s+(?:{_PREVIOUS_WEEK})\b"
    rf"|\b(?P<vwd>{_VI_WEEKDAY})\s+(?:{'|'.join(vi.LATEST)})\b"
    r"|\b(?:on\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche)\b(?:\s+and\s+(?P<wd2>monday|tuesday|wednesday|thursday|friday|saturday|sunday))?"
    r"|\b(?P<today>today|aujourd'hui|aujourd’hui|hôm nay|sáng nay|chiều nay|tối nay|this morning|ce matin)\b"
    r"|\b(?P<before_yesterday>(?:the\s+)?day\s+before\s+yesterday|avant-hier|hôm\s+kia)\b"
    r"|\b(?P<yesterday>yesterday|hier|hôm qua)\b",
    re.I,
)
DURATION = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|\d)[- ]day\b|\b(?P<nf>deux|trois|quatre|cinq|six|\d)\s+jours\b"
    r"|\b(?P<nv>hai|ba|bốn|năm|\d)\s+ngày\b",
    re.I,
)
#: words before a deadline, which is never the event's date ("Apply by: 15/02/2018", "date limite", "hạn chót")
DEADLINE = re.compile(
    r"\b(?:apply\s+by|deadline|closing\s+date|no\s+later\s+than|until|date\s+limite|au\s+plus\s+tard|"
    r"jusqu'au|jusqu'à|avant\s+le|hạn\s+chót|hạn\s+cuối|hạn\s+nộp|trước\s+ngày|chậm\s+nhất|đến\s+hết)\b[^.\n]{0,20}$",
    re.I,
)
#: the date of an earlier meeting follows one of these (``lang/<code>/dates.py`` PAST_MEETING)
PAST_MEETING = re.compile(r"\b(?:" + "|".join(en.PAST_MEETING + fr.PAST_MEETING + vi.PAST_MEETING) + r")\s*$", re.I)
#: the last day of an event under way follows one of these (RUNS_UNTIL), a few words back at most
#: a weekday may stand between the cue and the last day ("jusqu'au vendredi 26", "đến thứ Sáu 20/10")
RUNS_UNTIL = re.compile(
    r"\b(?:" + "|".join(en.RUNS_UNTIL + fr.RUNS_UNTIL + vi.RUNS_UNTIL) + r")"
    r"(?:\s+(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r"|thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)"
    r",?)?\s*$",
    re.I,
)
#: words of a call for proposals near an end date: then it is a deadline, whatever verb stands before it
CALL_WORDS = re.compile(r"\b(?:submi\w*|appl(?:y|ications?)|proposals?|candidatures?|dossiers?|nộp|hồ sơ)\b", re.I)
#: the longest run an event's start and its "until" end may span, in days
MAX_RUN_DAYS = 62
_NUM: dict[str, int] = {**en.NUMBERS, **fr.NUMBERS, **vi.NUMBERS}
END_VERBS = re.compile(r"\b(" + "|".join(en.END_VERBS + fr.END_VERBS + vi.END_VERBS) + r")\b", re.I)


@dataclass
class Candidate:
    kind: str  # range | relative | day
    start: date
    end: date | None
    span: tuple[int, int]
    stated: bool = False  # the year is written


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


@dataclass(frozen=True)
class Base:
    """What a document's yearless dates are resolved against: a day, and how much of it is known.

    `precision` is "day" (publication date, a full stamp or dateline), "month" (a month-only stamp such as
    "date 2019-12": days resolve, weekdays do not) or "year" (a single year in the headline, as in an event's
    name "... Expo 2012": a day and month take that year). `skip` lists the spans of page stamps, which date the
    page, never the event.
    """

    day: date
    precision: str
    skip: tuple[tuple[int, int], ...] = ()


#: a page stamp's pieces besides its date: times, weekdays, labels, time zones ("Thứ Năm, 12/09/2024 09:31
#: GMT+7", "Posted: 24.10.2022 13:08:00", "10:33 SA, 23/11/2015", "2/15/17 4:35 PM")
_STAMP_NOISE = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM|am|pm|SA|CH|sa|ch)?|\(?GMT\s*[+-]\s*\d{1,2}\)?|\(?UTC[^)]*\)?"
    r"|\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|posted|updated|published|publié(?:\s+le)?|mis\s+à\s+jour"
    r"|mis\s+en\s+ligne|paru|dernière\s+mise\s+à\s+jour|first|last|đăng|lúc|date\s+de\s+publication"
    r"|cập\s+nhật|ngày\s+đăng|date|le|on|ngày|"
    + "|".join(sorted(WEEKDAYS, key=len, reverse=True))
    + r")\b|[\W_]+",
    re.I,
)
#: full dates a stamp or dateline is written in, with the order of their pieces
_STAMP_DATES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"), "ymd"),
    (re.compile(r"(?<![\d/.\-])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{2})(?=\s+\d{1,2}:\d{2}\s*[AaPp][Mm])"), "mdy"),
    (re.compile(r"(?<![\d/.\-])(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})(?![\d/])"), "dmy"),
]
_MONTH_STAMP = re.compile(r"^\s*date\s+(?P<y>\d{4})-(?P<m>\d{2})(?![-\d])")
#: a year in the headline naming the event ("Vietnam Techmart 2012")
_YEAR = re.compile(r"(?<![\d/.\-])(?:19[5-9]\d|20\d\d)(?![\d/.\-])")
#: a year that a preposition introduces ("signed in 2006", "ký năm 2006", "depuis 2015") dates another fact, not
#: the event's name ("Techmart Vietnam 2012"), so it is no base for the document's yearless dates
_YEAR_OF_FACT = re.compile(
    r"\b(?:in|since|from|of|until|en|depuis|dès|de|du|năm|từ|trong|vào|đến|tới)\s+$", re.I
)
HEAD_LINES = 4
#: how many days before its publication a report's dateline may be dated and still be the day it speaks from
DATELINE_LAG_DAYS = 3
HEAD_CHARS = 400


def _ymd(m: re.Match[str], order: str) -> date | None:
    """The calendar day of a numeric stamp date; a day-first date whose 'month' exceeds 12 is month-first."""
    year = int(m.group("y"))
    year = year + 2000 if year < 100 else year
    d, mo = int(m.group("d")), int(m.group("m"))
    if order == "dmy" and mo > 12 >= d:
        d, mo = mo, d
    try:
        return date(year, mo, d)
    except ValueError:
        return None


def _line_of(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _stamp_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the page stamp a date belongs to, or None when the date is not one. A stamp is a line
    holding nothing else but times, weekdays, labels and punctuation, or the opening of a line that a colon
    or bar closes ("14:02 31/10/2022: Campuchia ...")."""
    line_start, line_end = _line_of(text, start)
    rest = _STAMP_NOISE.sub(" ", text[line_start:start] + " " + text[end:line_end]).split()
    if not rest:
        return line_start, line_end
    lead = _STAMP_NOISE.sub(" ", text[line_start:start]).split()
    closing = re.match(r"\s*(?:\d{1,2}:\d{2}\s*)?[:|]", text[end:line_end])
    return (line_start, end + closing.end()) if closing and not lead else None


def _head(text: str) -> int:
    """End of the head: the first lines (page stamps, headline, dateline) before the body."""
    pos = 0
    for _ in range(HEAD_LINES):
        nxt = text.find("\n", pos)
        if nxt < 0:  # a text of fewer lines: its head still ends at HEAD_CHARS (a short text is not all head)
            pos = len(text)
            break
        pos = nxt + 1
        while pos < len(text) and text[pos] == "\n":
            pos += 1
    return max(min(pos, HEAD_CHARS), dateline_end(text), min(80, len(text)))


def _stamp_dates(text: str, language: str | None) -> list[tuple[date, int, int]]:
    """Full dates (with their year) written in the head: stamps, datelines, a first sentence's date."""
    head_end = _head(text)
    head = text[:head_end]
    out: list[tuple[date, int, int]] = []
    for pat, order in _STAMP_DATES:
        for m in pat.finditer(head):
            day = _ymd(m, order)
            if day and not _past_meeting(text, m.start()) and all(m.end() <= s or m.start() >= e for _, s, e in out):
                out.append((day, m.start(), m.end()))
    resolver = DateResolver(clock.today(), language)
    for pat in SINGLE_PATTERNS[:3]:
        for m in pat.finditer(head):
            if m.groupdict().get("y") and _is_month(m.group("m")) and not _past_meeting(text, m.start()) and all(
                m.end() <= s or m.start() >= e for _, s, e in out
            ):
                day = resolver.day(m.group(0), year_stated=True)
                if day:
                    out.append((day, m.start(), m.end()))
    return sorted(out, key=lambda t: t[1])


def document_base(text: str, published: date | None, language: str | None = None) -> Base | None:
    """The base for the document's relative and yearless dates, and the page stamps to skip.

    Order: the publication date; else the first full date of the head (a page stamp such as "Tuesday,
    04/10/2011 09:31 GMT+7", "2/15/17 4:35 PM", "10:33 SA, 23/11/2015" or a dateline "Hanoi, 3 March 2015
    (VNA) –"); else a month-only stamp ("date 2019-12"); else a single year in the first line (the event's
    name). None when the document says nothing: its yearless dates are then left unresolved, never read
    against the machine's clock.
    """
    stamps = _stamp_dates(text, language)
    skip = tuple(span for _, s, e in stamps if (span := _stamp_span(text, s, e)) is not None)
    if published is not None:
        # a dateline dated a few days before publication is the day the report speaks from ("Hà Nội, thứ Năm
        # 10/4/2025 – Sáng nay ..." published on the 11th): its "today" and "on Thursday" are read from it
        dateline = [d for d, _, _ in stamps[:1] if 0 < (published - d).days <= DATELINE_LAG_DAYS]
        return Base(dateline[0] if dateline else published, "day", skip)
    if stamps:
        return Base(stamps[0][0], "day", skip)
    m = _MONTH_STAMP.match(text)
    if m and 1 <= int(m.group("m")) <= 12:
        return Base(date(int(m.group("y")), int(m.group("m")), 15), "month", skip)
    first_line = text.lstrip().split("\n", 1)[0]
    years = {m.group(0) for m in _YEAR.finditer(first_line) if not _YEAR_OF_FACT.search(first_line[: m.start()])}
    if len(years) == 1:
        return Base(date(int(years.pop()), 7, 1), "year", skip)
    return None


def base_date(text: str, published: date | None, language: str | None = None) -> date | None:
    """Publication date, or the full date of a page stamp or dateline when unknown (see `document_base`)."""
    base = document_base(text, published, language)
    return base.day if base is not None and base.precision == "day" else None


def _range(g: dict[str, str | None], resolver: DateResolver) -> tuple[date, date] | None:
    """Both ends of a range from the pattern's pieces; a yearless end-before-start range crosses new year."""
    m2 = g.get("m2") or g.get("m1")
    m1 = g.get("m1") or m2
    if not _is_month(m1) or not _is_month(m2):
        return None
    year = g.get("y") or g.get("y1")
    stated = year is not None
    start = resolver.day(_expression(g["d1"] or "", m1 or "", g.get("y1") or year), stated)
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


class _Taken:
    """Spans already read as a date, kept sorted so that an overlap test is a bisection (testing every span
    made long texts quadratic). The page-stamp spans given at the start are few and tested one by one."""

    def __init__(self, fixed: tuple[tuple[int, int], ...]) -> None:
        self._fixed = fixed
        self._starts: list[int] = []
        self._ends: list[int] = []

    def free(self, a: int, b: int) -> bool:
        """True when [a, b) overlaps no span taken so far."""
        if any(a < e and s < b for s, e in self._fixed):
            return False
        i = bisect.bisect_left(self._starts, b)  # spans starting before b
        return i == 0 or self._ends[i - 1] <= a

    def add(self, a: int, b: int) -> None:
        """Take [a, b) (the caller checked that it is free, so spans never overlap and stay ordered)."""
        i = bisect.bisect_left(self._starts, a)
        self._starts.insert(i, a)
        self._ends.insert(i, b)


def _candidates(
    text: str, resolver: DateResolver, skip_until: int, skip: tuple[tuple[int, int], ...] = ()
) -> list[Candidate]:
    out: list[Candidate] = []
    taken = _Taken(skip)
    free = taken.free

    for pat in RANGE_PATTERNS:
        for m in pat.finditer(text):
            if m.start() < skip_until or not free(m.start(), m.end()):
                continue
            ends = _range(m.groupdict(), resolver)
            stated = bool(m.groupdict().get("y") or m.groupdict().get("y1"))
            if ends and ends[0] < ends[1] and (ends[1] - ends[0]).days <= (366 if stated else 62):
                out.append(Candidate("range", ends[0], ends[1], (m.start(), m.end()), stated))
                taken.add(m.start(), m.end())
    for pat in SINGLE_PATTERNS:
        for m in pat.finditer(text):
            if m.start() < skip_until or not free(m.start(), m.end()) or not _is_month(m.group("m")):
                continue
            day = resolver.day(m.group(0), year_stated=m.group("y") is not None)
            if day:
                out.append(Candidate("day", day, None, (m.start(), m.end()), m.group("y") is not None))
                taken.add(m.start(), m.end())
    written = {c.span[0] for c in out}
    for m in RELATIVE.finditer(text):
        if m.start() < skip_until or not free(m.start(), m.end()):
            continue
        if m.group("wd") and any(m.end() + k in written for k in range(4)):
            continue  # "Thursday, May 14", "lundi 11 janvier": the weekday names the written date
        if m.group("pw") or m.group("vwd"):
            day, end = _week_day(m.group("pw") or m.group("vwd"), resolver.base, bool(m.group("pw"))), None
        elif m.group("wd"):
            day = resolver.weekday(m.group("wd"))
            end = resolver.weekday(m.group("wd2")) if m.group("wd2") else None
        elif m.group("before_yesterday"):
            day, end = resolver.base - timedelta(days=2), None
        else:  # today / yesterday; time-of-day words dateparser lacks ("sáng nay") name the base day
            day = resolver.relative(m.group(0)) or (resolver.base if m.group("today") else None)
            end = None
        if day is None:
            continue
        if end is not None and end <= day:
            end = None
        out.append(Candidate("relative", day, end, (m.start(), m.end())))
    return out


def _week_day(name: str, base: date, previous_week: bool) -> date:
    """The day a weekday named with a week word means, from the base day: in the week (Monday to Sunday)
    before the base's ("Tuesday of last week", "thứ Ba tuần trước"), else the latest such day on or before
    the base ("thứ Ba vừa qua"). `name` is a weekday of ``WEEKDAYS`` or ``vi.WEEKDAYS``, any case or spacing."""
    key = " ".join(name.lower().split())
    wanted = WEEKDAYS.get(key, vi.WEEKDAYS.get(key, 0))
    if previous_week:
        return base - timedelta(days=base.weekday() + 7 - wanted)
    return base - timedelta(days=(base.weekday() - wanted) % 7)


def _fmt(c: Candidate) -> str:
    if c.end is not None and c.end != c.start:
        return f"{c.start.isoformat()}/{c.end.isoformat()}"
    return c.start.isoformat()


def _usable(cands: list[Candidate], base: Base | None) -> list[Candidate]:
    """Candidates the document's base can date: all with a full base; with a month or year only, days (their
    year from the base) but no weekdays or 'today'; with no base, only dates whose year is written."""
    if base is None:
        return [c for c in cands if c.stated]
    if base.precision == "day":
        return cands
    out = []
    for c in cands:
        if c.kind == "relative":
            continue
        if base.precision == "year" and not c.stated:
            try:
                c.start = c.start.replace(year=base.day.year)
                c.end = c.end.replace(year=base.day.year) if c.end else None
            except ValueError:
                continue
        out.append(c)
    return out


def extract_event_date(text: str, published: date | None = None, language: str | None = None) -> Value | None:
    """The date (or range) of the event itself, as an ISO string with evidence.

    `language` (ISO 639-1) is the language the resolver tries first for month and weekday names. Without a
    publication date, the document's own stamp or dateline is the base (`document_base`); a document without
    one gets no date for "Oct. 3" or "on Tuesday" (the machine's clock is never the base).
    """
    base = document_base(text, published, language)
    skip = dateline_end(text)
    header = re.match(r"\s*date\s+\d{4}-\d{2}(?:-\d{2})?", text)
    if header:
        skip = max(skip, header.end())
    resolver_base = base.day if base is not None else clock.today()
    found = _candidates(text, DateResolver(resolver_base, language), skip, base.skip if base else ())
    ends = [c for c in found if c.kind == "day" and _runs_until(text, c.span[0])]
    cands = [c for c in _usable(found, base) if not DEADLINE.search(text[max(0, c.span[0] - 40) : c.span[0]])
             and not _past_meeting(text, c.span[0])]
    if not cands or _unresolved_first(found, cands, base):
        return None
    limit = resolver_base + timedelta(days=3 if published is not None else 366)
    ranges = [c for c in cands if c.kind == "range" and c.start <= limit]
    relative = [c for c in cands if c.kind == "relative"]
    past_days = [c for c in cands if c.kind == "day" and c.start <= resolver_base]
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
    _widen_until(chosen, ends)
    penalty = 0.0 if base is not None and base.precision == "day" else 0.2
    return Value(_fmt(chosen), Evidence(chosen.span[0], chosen.span[1], max(0.1, conf - penalty)))


def _past_meeting(text: str, pos: int) -> bool:
    """True when the date at ``pos`` is an earlier meeting's ("since its previous meeting of 14 November 2023")."""
    return bool(PAST_MEETING.search(text[max(0, pos - 60) : pos]))


def _runs_until(text: str, pos: int) -> bool:
    """True when the date at ``pos`` is the last day of an event under way ("which runs until Sept. 26",
    "depuis le 3 mars, et jusqu'au 14 mars", "diễn ra đến hết ngày 20/9"), not a call's deadline."""
    before = text[max(0, pos - 90) : pos]
    return bool(RUNS_UNTIL.search(before)) and not CALL_WORDS.search(before[-60:])


def _widen_until(chosen: Candidate, ends: list[Candidate]) -> None:
    """A single day followed, further on, by the last day of the event under way becomes that range."""
    if chosen.end is not None and chosen.end != chosen.start:
        return
    later = [c for c in ends if c.span[0] > chosen.span[1] and 0 < (c.start - chosen.start).days <= MAX_RUN_DAYS]
    if later:
        chosen.end = min(later, key=lambda c: c.span[0]).start


def _unresolved_first(found: list[Candidate], usable: list[Candidate], base: Base | None) -> bool:
    """True when the document has no base and its first written date lacks a year ("Sáng 7/11, ... quan hệ
    ngoại giao ngày 12/7/1993"): the event's date is the yearless one, which cannot be dated, and a later full
    date is another fact (an anniversary, a past agreement). A later full date of the same day and month
    ("on Tuesday, September 24 ... on September 24th, 2019") dates it. Weekdays and "today" do not count here."""
    if base is None:
        yearless = [c for c in found if not c.stated and c.kind != "relative"]
        if yearless:
            first = min(yearless, key=lambda c: c.span[0])
            same = any((c.start.month, c.start.day) == (first.start.month, first.start.day) for c in usable)
            return not same and first.span[0] < min(c.span[0] for c in usable)
    return False


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
