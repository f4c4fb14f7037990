"""Vietnamese number words that number a committee's sessions ("kỳ họp thứ năm", "phiên họp lần thứ nhất").

Read by ``ingest/extract/sessions.py``, after "thứ" (ordinal marker). Format: lower-case word -> number; "tư" is
the ordinal form of four ("thứ tư").
"""

#: number word after "thứ" -> number
ORDINALS: dict[str, int] = {
    "nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}
