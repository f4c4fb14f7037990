"""Vietnamese number words for event durations ("hai ngày", two days). Vietnamese months and weekdays are
numbered ("tháng 9", "thứ ba"), so the date patterns read digits and need no names.

Read by ``ingest/extract/dates.py``. Format: lower-case word -> number.
"""

#: number word of a duration ("ba ngày") -> number of days
NUMBERS: dict[str, int] = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5}
#: verbs saying an event ended ("bế mạc", closed; "kết thúc", ended), regex alternatives
END_VERBS: tuple[str, ...] = ("bế mạc", "kết thúc", "hoàn thành")

#: weekday names ("Thứ Hai" = Monday ... "Chủ Nhật" = Sunday) -> weekday number (0 = Monday); a page stamp
#: "Thứ Năm, 12/09/2024" starts with one, and it is never a person's name
WEEKDAYS: dict[str, int] = {
    "thứ hai": 0, "thứ ba": 1, "thứ tư": 2, "thứ năm": 3, "thứ sáu": 4, "thứ bảy": 5, "chủ nhật": 6,
}
