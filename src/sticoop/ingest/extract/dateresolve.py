"""Turn one date expression found in a report ("le 28 mai 2024", "ngày 28/5", "Tuesday") into a calendar day.

Why dateparser: it knows month and weekday names, ordinals ("1er", "10th") and relative words ("hier", "hôm
qua") in every language we read, so the pattern finder in `dates` only has to say *where* a date is written.
Why it is wrapped: left to its defaults it guesses the year from today's date and tries every language and
parser, which is slow and wrong for a report. Here:

- the languages are the three we extract, the document's own first (a French weekday inside an English report
  still resolves);
- only the parsers an expression needs run (absolute dates never go through the relative-time parser);
- RELATIVE_BASE is the publication date, numeric dates are day-first (DMY, as in every press report we read);
- a day written without a year takes the year that puts it nearest the publication date (a January report
  about "December 28" looks back, a May report about "July 26" looks ahead); dateparser's own
  PREFER_DATES_FROM can only look one way;
- a weekday is the most recent one on or before the publication day (reports look back, and "on Tuesday" in a
  report filed on a Tuesday means that day), which is PREFER_DATES_FROM=past from the following day.

A parser costs about 0.1 ms to build and 1 ms per expression, so one `DateResolver` is built per document.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from dateparser.date import DateDataParser

LANGUAGES: tuple[str, ...] = ("en", "fr", "vi")


def _languages(language: str | None) -> list[str]:
    first = language if language in LANGUAGES else "en"
    return [first, *(lang for lang in LANGUAGES if lang != first)]


def _parser(languages: list[str], base: date, prefer: str, parsers: list[str]) -> DateDataParser:
    settings: dict[str, Any] = {
        "RELATIVE_BASE": datetime.combine(base, time()),
        "PREFER_DATES_FROM": prefer,
        "DATE_ORDER": "DMY",
        "PARSERS": parsers,
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=languages, settings=settings)


def nearest_year(day: date, base: date) -> date:
    """The same day and month in the year (base year ± 1) that lies nearest the base date."""
    best = day
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if abs((candidate - base).days) < abs((best - base).days):
            best = candidate
    return best


class DateResolver:
    """Resolves the date expressions of one document against its publication (or dateline) date."""

    def __init__(self, base: date, language: str | None) -> None:
        self.base = base
        languages = _languages(language)
        self._absolute = _parser(languages, base, "current_period", ["absolute-time"])
        self._relative = _parser(languages, base, "past", ["relative-time", "absolute-time"])
        self._weekday = _parser(languages, base + timedelta(days=1), "past", ["absolute-time"])

    @staticmethod
    def _day(parser: DateDataParser, expression: str) -> date | None:
        data = parser.get_date_data(expression)
        return data.date_obj.date() if data is not None and data.date_obj is not None else None

    def day(self, expression: str, year_stated: bool) -> date | None:
        """An absolute date ("May 28, 2024", "28 mai", "ngày 28/5/2024"); None if it is not a real date."""
        found = self._day(self._absolute, expression)
        if found is None or year_stated:
            return found
        return nearest_year(found, self.base)

    def weekday(self, expression: str) -> date | None:
        """'Tuesday', 'mardi', 'thứ Ba': the latest such day on or before the base date."""
        return self._day(self._weekday, expression)

    def relative(self, expression: str) -> date | None:
        """'today', 'yesterday', 'hier', 'hôm qua'. Time-of-day words dateparser lacks ('sáng nay' = this
        morning, 'ce matin') name the base day itself, so None is returned only for the caller to decide."""
        return self._day(self._relative, expression)
