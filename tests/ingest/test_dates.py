"""Event dates resolved by dateparser against the publication date: the issue's examples in en/fr/vi, and
the cases where dateparser's defaults would be wrong for a press report (year of a yearless day, a weekday
on the publication day, a range across new year)."""

from __future__ import annotations

from datetime import date

import pytest

from sticoop.ingest.extract.dateresolve import DateResolver, nearest_year
from sticoop.ingest.extract.dates import extract_event_date


@pytest.mark.parametrize(
    ("text", "language", "published", "expected"),
    [
        ("HANOI – The delegation visited Belgium from July 26 to 30.", "en", date(2023, 7, 3),
         "2023-07-26/2023-07-30"),
        ("VIENTIANE – The committee met on Tuesday May 28 in Vientiane.", "en", date(2024, 5, 29), "2024-05-28"),
        ("PARIS – La réunion s'est tenue le 28 mai 2024 au ministère.", "fr", date(2024, 6, 3), "2024-05-28"),
        ("HÀ NỘI – Lễ ký kết diễn ra ngày 28/5/2024 tại Hà Nội.", "vi", date(2024, 6, 3), "2024-05-28"),
        # the same expressions read in a report filed a year later keep their stated year
        ("PARIS – La réunion s'est tenue le 28 mai 2024 au ministère.", "fr", date(2025, 5, 2), "2024-05-28"),
        # a yearless day takes the year nearest publication: looking back across new year ...
        ("SEOUL – The forum closed on December 28 with a joint statement.", "en", date(2025, 1, 6), "2024-12-28"),
        # ... and looking ahead to an announced event
        ("RABAT – Les deux agences se retrouveront du 3 au 5 juillet à Rabat.", "fr", date(2024, 5, 20),
         "2024-07-03/2024-07-05"),
        # a range that crosses new year
        ("TOKYO – The course runs from December 30 to January 3.", "en", date(2024, 12, 10),
         "2024-12-30/2025-01-03"),
        # a weekday on the publication day is that day; otherwise the latest one before it
        ("OTTAWA – The ministers signed the plan on Tuesday.", "en", date(2024, 5, 28), "2024-05-28"),
        ("DAKAR – Les ministres se sont réunis mardi à Dakar.", "fr", date(2024, 5, 30), "2024-05-28"),
        ("HÀ NỘI – Hôm qua, hai bên đã ký biên bản ghi nhớ.", "vi", date(2024, 5, 29), "2024-05-28"),
        ("HÀ NỘI – Sáng nay, hai bộ đã họp tại Hà Nội.", "vi", date(2024, 5, 29), "2024-05-29"),
        ("HÀ NỘI – Hội thảo diễn ra từ ngày 26 đến 30/7 tại Đà Nẵng.", "vi", date(2023, 8, 1),
         "2023-07-26/2023-07-30"),
    ],
)
def test_event_date_resolved_against_publication(text: str, language: str, published: date, expected: str) -> None:
    value = extract_event_date(text, published, language)
    assert value is not None and value.value == expected
    start, end = value.evidence.start, value.evidence.end
    assert text[start:end].strip(), "the evidence points at the date expression"


def test_resolver_reads_weekdays_of_another_language_and_refuses_impossible_days() -> None:
    resolver = DateResolver(date(2024, 5, 29), "en")
    assert resolver.weekday("mardi") == date(2024, 5, 28)  # a French weekday quoted in an English report
    assert resolver.weekday("thứ Ba") == date(2024, 5, 28)
    assert resolver.day("31/2/2024", year_stated=True) is None
    assert resolver.day("1er juin", year_stated=False) == date(2024, 6, 1)
    assert resolver.relative("yesterday") == date(2024, 5, 28)


def test_impossible_date_is_not_the_event_date() -> None:
    assert extract_event_date("LIMA – Signed on 31/2/2024.", date(2024, 3, 5), "en") is None


def test_nearest_year_handles_leap_day() -> None:
    assert nearest_year(date(2024, 2, 29), date(2025, 1, 10)) == date(2024, 2, 29)
    assert nearest_year(date(2024, 12, 28), date(2025, 1, 6)) == date(2024, 12, 28)
    assert nearest_year(date(2025, 12, 28), date(2025, 1, 6)) == date(2024, 12, 28)
