"""Vietnamese words that find and bound organisation names ("Bộ Khoa học và Công nghệ", "Viện Hàn lâm KH&CN
Việt Nam", "Trường Đại học Bách khoa Hà Nội").

Read by ``ingest/extract/organizations.py``. Vietnamese capitalises only the first syllable of each word of a
name and writes most syllables in lower case, so names are bounded by head nouns, by function words and verbs
(which never occur inside a name) and by surnames (a person's name follows). Words are compared in lower case
unless a comment says otherwise. The lists come from the ministries, institutes, universities and companies
named in Vietnamese press releases (most.gov.vn, vista.gov.vn, vnexpress.net...).
"""

#: head nouns of one or more syllables, tried in this order (longest first where one starts another); the first
#: syllable's case is compared exactly, the others in lower case, and the next syllable must be capitalised
#: ("Bộ Khoa học", not "Bộ trưởng")
HEADS: tuple[str, ...] = (
    "Khu công nghệ cao", "Tổng công ty", "Trường Đại học", "Trường Cao đẳng", "Trường ĐH", "Đại sứ quán",
    "Bệnh viện", "Mạng lưới", "Liên minh", "Phòng Thương mại", "Hiệp hội", "Học viện", "Cơ quan", "Trung tâm",
    "Văn phòng", "Tổ chức", "Hội đồng", "Tổng cục", "Tập đoàn", "Công ty", "Liên hiệp", "Ngân hàng",
    "Trường Đại học", "Đại học", "Ủy ban", "Uỷ ban", "Bộ", "Viện", "Cục", "Sở", "Quỹ", "Vụ", "UBND", "Trường",
)
#: function words and verbs that end a name
STOP_WORDS: frozenset[str] = frozenset(
    [
        "đã", "sẽ", "vừa", "cùng", "cho", "với", "tại", "trong", "là", "có", "được", "do", "làm", "theo", "mở",
        "đến", "từ", "một", "mỗi", "những", "nhằm", "để", "khi", "nhưng", "sang", "ký", "gồm", "như", "về",
        "nay", "đang", "cũng", "này", "đó", "mà",
    ]
)
#: two-syllable verbs and phrases that end a name ("Bộ KH&CN phối hợp ...")
STOP_PAIRS: frozenset[str] = frozenset(
    (
        "phối hợp", "tổ chức", "dẫn đầu", "đánh giá", "thu hút", "thông báo", "tài trợ", "cho biết", "bày tỏ",
        "giới thiệu", "đồng thời", "tham dự", "chủ trì", "ra mắt", "hỗ trợ", "hai nước", "hai bên", "nhất trí",
        "làm việc", "trưởng đoàn", "phát biểu", "tham gia", "vừa qua", "ký kết", "giai đoạn", "phê duyệt",
        "công bố", "triển khai", "thực hiện", "ban hành", "khai mạc", "tiếp nhận", "đón tiếp",
    )
)
#: two-syllable nouns that hold a stop word and stand inside names ("Bộ Kinh tế và Việc làm", "Công ty TNHH Một
#: thành viên"): the stop word does not end the name there
NAME_PAIRS: frozenset[str] = frozenset(("việc làm", "một thành"))
#: prepositions that stand inside a name when a capitalised word follows and an acronym in parentheses closes
#: the name ("Trung tâm Hợp tác Quốc tế về Nông nghiệp (CINADCO)"); elsewhere they end it ("Viện X về Hà Nội")
INNER_PREPOSITIONS: frozenset[str] = frozenset(("về", "cho"))
#: exact case: abbreviations of "thành phố" (city) that open a city's name inside an organisation's ("TP. Hồ Chí Minh")
CITY_ABBREVIATIONS: tuple[str, ...] = ("TP", "Tp")
#: words and phrases of programme names: "Some Name (ACR)" holding one is no organisation
PROGRAMME_WORDS: tuple[str, ...] = ("Chương trình",)

# Names with no head noun (read by ``ingest/extract/orgs_vi.py``), lower case unless said otherwise.
#: words after which the next capitalised run names a party
PARTY_WORDS: frozenset[str] = frozenset(["của", "với", "và", "giữa", "cùng", "bởi", "gồm"])
#: words and pairs that end a name when walking back from "(ACR)"
BOUNDARY_WORDS: frozenset[str] = frozenset(
    [
        "của", "với", "và", "giữa", "cùng", "bởi", "gồm", "là", "đã", "sẽ", "vừa", "cho", "tại", "trong",
        "được", "do", "theo", "từ", "đến", "về", "nhằm", "để", "khi", "như", "ký", "thăm", "gặp", "tiếp",
        "ông", "bà", "ngài",
    ]
)
#: leading words that are not part of the name that follows ("Đại diện Mạng lưới ...", "Giám đốc Quỹ ...")
LEADING_PAIRS: frozenset[str] = frozenset(
    [
        "đại diện", "lãnh đạo", "giám đốc", "chủ tịch", "bộ trưởng", "thứ trưởng", "đại sứ", "viện trưởng",
        "hiệu trưởng", "trưởng đoàn", "tổng giám", "phó giám", "phó chủ", "cục trưởng", "vụ trưởng",
        "tiến sĩ", "giáo sư", "thành viên", "đối tác", "chuyên gia",
    ]
)
#: names that start like this are programmes, events or documents, read elsewhere (or not at all)
NOT_ORGANISATION_START: frozenset[str] = frozenset(
    [
        "chương trình", "dự án", "đề án", "hội nghị", "hội thảo", "hội chợ", "diễn đàn", "triển lãm",
        "khóa học", "kỳ họp", "phiên họp", "hiệp định", "thỏa thuận", "thoả thuận", "biên bản", "kế hoạch",
        "chiến lược", "giải thưởng", "cuộc thi", "tuần lễ", "luật", "nghị định", "quyết định", "ủy ban",
        "uỷ ban", "tháng", "ngày",
    ]
)
#: upper case: acronyms of things, not of organisations ("(AI)" after a phrase closes no name)
TECH_ACRONYMS: frozenset[str] = frozenset(
    [
        "AI", "IOT", "ICT", "CNTT", "R&D", "GDP", "ODA", "FDI", "STEM", "PCR", "GPS", "KH&CN", "ĐMST",
        "CNC", "CMCN", "AR", "VR", "IT", "5G", "4G", "SME", "SMES", "TTCN", "BĐKH", "NDC", "SDG", "SDGS",
        "MOU", "COVID", "COVID-19", "TRL", "KHCN", "CN", "GS", "TS", "PGS", "THS", "PGS.TS", "GS.TS",
    ]
)
#: nouns that, as the LAST word of a name, make it an event (Vietnamese names put them first: read elsewhere)
EVENT_NOUNS: tuple[str, ...] = ()
#: nouns that make any name holding them a meeting
MEETING_NOUNS: tuple[str, ...] = ()
#: names of venues, which host an event and take no part in it (labelling convention 6): "Trung tâm Hội nghị
#: tỉnh", "Trung tâm Hội chợ Triển lãm", regex alternatives
VENUE_NAMES: tuple[str, ...] = (
    r"Trung\s+tâm\s+Hội\s+(?:nghị|chợ|thảo)", r"Trung\s+tâm\s+Triển\s+lãm", r"Cung\s+Văn\s+hó?o?a",
)
#: exact case: heads followed by a lower-case word naming the kind of place they govern ("UBND tỉnh Đắk Lắk",
#: "UBND thành phố Cần Thơ": the provincial or city people's committee)
HEADS_BEFORE_A_PLACE_WORD: dict[str, tuple[str, ...]] = {
    "UBND": ("tỉnh", "thành", "huyện", "quận", "xã", "TP"),
}
#: head -> capitalised words after it that make it a joint committee, read as the committee and not as a body
#: ("Ủy ban Hợp tác liên Chính phủ", "Ủy ban Liên Chính phủ"), while "Ủy ban Năng lượng nguyên tử" is a body
NOT_BODY_AFTER_HEAD: dict[str, tuple[str, ...]] = {
    "Ủy ban": ("Hợp", "Liên", "Hỗn"), "Uỷ ban": ("Hợp", "Liên", "Hỗn"),
}
#: heads a dash joins to the university they belong to ("Trường Đại học Bách khoa – Đại học Đà Nẵng"): one name
PARENT_AFTER_DASH: tuple[str, ...] = ("Đại học",)
#: exact case: heads of units that belong to a larger body, and the heads of those bodies: "Vụ Hợp tác quốc tế
#: (Bộ KH&CN)" names the department, then in parentheses the ministry it belongs to (two bodies)
UNIT_HEADS: frozenset[str] = frozenset(["Vụ", "Cục", "Ban", "Phòng", "Khoa", "Trường", "Viện", "Trung tâm"])
PARENT_HEADS: frozenset[str] = frozenset(["Bộ", "Đại học", "Trường Đại học", "Ủy ban", "UBND", "Sở"])
