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
    r"[Đđ]ối\s+thoại",
)
#: number words of a compound ordinal after "thứ" ("thứ mười hai" 12, "thứ hai mươi mốt" 21): units, the
#: forms a unit takes after "mươi" ("mốt" 1, "tư" 4, "lăm" 5), "mười" (ten, alone or first) and "mươi" (tens)
UNITS: dict[str, int] = {
    "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
}
UNITS_AFTER_TENS: dict[str, int] = {**UNITS, "mốt": 1, "lăm": 5}
#: a body that is no joint committee although its name starts like one ("Ủy ban nhân dân" people's committee)
NOT_COMMITTEES: tuple[str, ...] = (r"[Uu][ỷỷy]\s+ban\s+nhân\s+dân", r"Ủy\s+ban\s+nhân\s+dân")
#: verbs that end a committee's name before its "lần thứ N" ("Ủy ban ... tổ chức hội chợ lần thứ 5" is not the
#: committee's session), regex alternatives
NAME_BREAKS: tuple[str, ...] = (
    "tổ chức", "diễn ra", "khai mạc", "họp", "tham", "là", "đã", "sẽ", "được", "cho", "của", "tại",
)
#: verbs by which both sides agree to hold a session later ("thống nhất sẽ tổ chức Kỳ họp lần thứ nhất"), regex
AGREED_TO_HOLD: tuple[str, ...] = (
    r"(?:thống\s+nhất|nhất\s+trí|quyết\s+định|đồng\s+ý)\s+(?:sẽ\s+)?(?:tổ\s+chức|triệu\s+tập)",
)
#: a session named as past right before its ordinal ("sau Kỳ họp lần thứ 37"), regex alternatives
PAST_BEFORE: tuple[str, ...] = (r"sau", r"kể\s+từ", r"tiếp\s+theo", r"tiếp\s+nối")
#: a session named as past right after it, by its year only ("kỳ họp lần thứ 37 tổ chức năm 2023"), regex
PAST_AFTER: tuple[str, ...] = (r"(?:đã\s+)?(?:được\s+)?tổ\s+chức\s+(?:vào\s+)?năm",)
#: a future cue after the session ("phiên họp thứ nhất dự kiến vào tháng 1"), regex alternatives
FUTURE_AFTER: tuple[str, ...] = (r"dự\s+kiến", r"sẽ\s+(?:được\s+)?(?:tổ\s+chức|diễn\s+ra)")
#: a project's own body: "Ban chỉ đạo của dự án", regex alternatives
PROJECT_WORDS: tuple[str, ...] = (r"dự\s+án",)
