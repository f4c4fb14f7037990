"""Event dates resolved from the document's own dateline or stamp, never from the machine's clock (issue 11
part 2). Our own short texts in en/fr/vi; the clock is pinned far from every text's year, so a date read
against the clock would show."""

from __future__ import annotations

from datetime import date

import pytest

from sticoop.core import clock
from sticoop.ingest.extract.dates import document_base, extract_event_date

FAR = date(2031, 6, 1)

STAMPED = [
    # (text, language, event date) — the base comes from the text itself
    ("02 August 2015\n\nThe delegation visited the park on 30 July.", "en", "2015-07-30"),
    ("Tuesday, 04/10/2011 09:31 GMT+7\n\nThe two ministers met on Monday in Hanoi.", "en", "2011-10-03"),
    ("2/15/17 4:35 PM\n\nThe agreement was signed on Feb. 14 in Ottawa.", "en", "2017-02-14"),
    ("10:33 SA, 23/11/2015\n\nSáng 20/11, hai bên đã ký biên bản ghi nhớ.", "vi", "2015-11-20"),
    ("Hanoi, March 3, 2016 (VNA) – The two sides met on March 2 to review the programme.", "en", "2016-03-02"),
    ("Thứ Năm, 12/09/2024\n\nNgày 10/9/2024, hai bên đã ký thỏa thuận hợp tác.", "vi", "2024-09-10"),
    ("Thứ Năm, 12/09/2024\n\nNgày 10/9, hai bên đã ký thỏa thuận hợp tác.", "vi", "2024-09-10"),
    ("Posted: 24.10.2022 13:08:00\n\nThe fair opened on 20 October in Tashkent.", "en", "2022-10-20"),
    ("date 2019-12\nLa réunion s'est tenue le 4 décembre à Nha Trang.", "fr", "2019-12-04"),
    ("Salon de l'innovation 2018 à Cotonou\n\nLe salon a ouvert ses portes le 25 octobre.", "fr", "2018-10-25"),
    ("Mercredi, 25 mai 2022\n\nLa délégation a visité la fondation mardi.", "fr", "2022-05-24"),
]


@pytest.mark.parametrize(("text", "lang", "expected"), STAMPED)
def test_yearless_dates_take_the_documents_own_stamp(text: str, lang: str, expected: str) -> None:
    with clock.pinned(FAR):
        found = extract_event_date(text, None, lang)
    assert found is not None and found.value == expected


UNDATED = [
    ("DUBLIN, July 16 -- The two countries signed a memorandum here on Monday.", "en"),
    ("The ministers met on Oct. 3 in Ottawa.", "en"),
    ("Vendredi à Rabat, une vingtaine d'accords ont été signés.", "fr"),
    ("Sáng 7/11, hội thảo đã diễn ra tại Hà Nội.", "vi"),
    ("date 2021-01\nLundi, le ministre a reçu l'ambassadeur.", "fr"),  # a month pins no weekday
]


@pytest.mark.parametrize(("text", "lang"), UNDATED)
def test_without_a_stamp_yearless_dates_stay_null(text: str, lang: str) -> None:
    with clock.pinned(FAR):
        assert extract_event_date(text, None, lang) is None


def test_page_stamp_is_not_the_event_date() -> None:
    text = "Monday, 21/03/2016, 07:51 (GMT+7)\n\nOfficials met in Canberra this week to talk about science."
    base = document_base(text, None, "en")
    assert base is not None and base.day == date(2016, 3, 21) and base.skip
    assert extract_event_date(text, None, "en") is None


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The ministers will meet on Thursday, May 14, in Tokyo.", "en", "2009-05-14"),
        ("Les ministres se sont réunis lundi 11 mai à Dakar.", "fr", "2009-05-11"),
        ("Từ ngày 24 đến 27 tháng 4 năm 2009, khóa đào tạo diễn ra tại Hà Nội.", "vi", "2009-04-24/2009-04-27"),
        ("La formation se déroule du 31 octobre 2008 au 30 mars 2009 à Rabat.", "fr", "2008-10-31/2009-03-30"),
        ("Proposals open on 2 May 2009. Apply by: 15/06/2009.", "en", "2009-05-02"),
        ("Apply by: 15/06/2009. Proposals open on 2 May 2009.", "en", "2009-05-02"),
    ],
)
def test_date_shapes(text: str, lang: str, expected: str) -> None:
    found = extract_event_date(text, date(2009, 5, 11), lang)
    assert found is not None and found.value == expected
