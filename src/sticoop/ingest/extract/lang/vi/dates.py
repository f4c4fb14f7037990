"""Vietnamese number words for event durations ("hai ngày", two days). Vietnamese months and weekdays are
numbered ("tháng 9", "thứ ba"), so the date patterns read digits and need no names.

Read by ``ingest/extract/dates.py``. Format: lower-case word -> number.
"""

#: number word of a duration ("ba ngày") -> number of days
NUMBERS: dict[str, int] = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5}
#: verbs saying an event ended ("bế mạc", closed; "kết thúc", ended), regex alternatives
END_VERBS: tuple[str, ...] = ("bế mạc", "kết thúc", "hoàn thành")
#: words before the date of an earlier meeting ("kỳ họp trước ngày ..."), regex alternatives
PAST_MEETING: tuple[str, ...] = (r"(?:kỳ|phiên|cuộc)\s+họp\s+(?:lần\s+)?trước(?:\s+(?:ngày|vào))?",)
#: words before the last day of an event under way ("khai mạc ..., diễn ra đến hết ngày 20/9")
RUNS_UNTIL: tuple[str, ...] = (r"(?:diễn ra|kéo dài|kéo dài)\s+(?:đến|tới)(?:\s+hết)?(?:\s+ngày)?",)

#: weekday names ("Thứ Hai" = Monday ... "Chủ Nhật" = Sunday) -> weekday number (0 = Monday); a page stamp
#: "Thứ Năm, 12/09/2024" starts with one, and it is never a person's name
WEEKDAYS: dict[str, int] = {
    "thứ hai": 0, "thứ ba": 1, "thứ tư": 2, "thứ năm": 3, "thứ sáu": 4, "thứ bảy": 5, "chủ nhật": 6,
}
#: words after a weekday that put it in the week before the publication's ("thứ Ba tuần trước"), regex
PREVIOUS_WEEK: tuple[str, ...] = (r"tuần\s+trước",)
#: words after a weekday that make it the latest such day ("thứ Ba vừa qua", "thứ Ba tuần này"): a bare "thứ ba"
#: is also the ordinal "third" ("lần thứ ba"), so a Vietnamese weekday is read only with one of these, regex
LATEST: tuple[str, ...] = (r"vừa\s+qua", r"vừa\s+rồi", r"tuần\s+này", r"tuần\s+qua")
