r"""Vietnamese number words that number a committee's sessions ("kỳ họp thứ năm", "phiên họp lần thứ nhất").

Read by ``ingest/extract/sessions.py``, after "thứ" (ordinal marker). Format: lower-case word -> number; "tư" is
the ordinal form of four ("thứ tư").
"""

#: number word after "thứ" -> number
ORDINALS: dict[str, int] = {
    "nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}
#: committee-like bodies whose meetings are numbered ("Ủy ban hỗn hợp", "Tiểu ban", "Nhóm công tác"), regex
#: alternatives with both tone-mark spellings of "ủy"; meetings themselves are read by "kỳ họp"/"phiên họp"
COMMITTEE_NOUNS: tuple[str, ...] = (
    r"Ủy\s+ban", r"Uỷ\s+ban", r"Tiểu\s+ban", r"Nhóm\s+công\s+tác", r"Hội\s+đồng\s+hỗn\s+hợp",
)
