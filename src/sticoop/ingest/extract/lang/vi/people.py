"""Vietnamese words around people's names: surnames, titles and roles.

Read by ``ingest/extract/people.py``, and by ``organizations.py`` for the surnames (a surname followed by a
capitalised syllable is a person, so it ends an organisation's name). Exact case unless a comment says
otherwise. The surnames are the most common Vietnamese family names, with "Văn", a frequent middle name that
opens names in lists; titles and roles are those of Vietnamese official and academic usage.
"""

#: exact case: family names that open a person's name ("Nguyễn Văn A")
SURNAMES: frozenset[str] = frozenset(
    [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
        "Dương", "Lý", "Đinh", "Đào", "Trịnh", "Mai", "Tạ", "Lương", "Hà", "Cao", "Tô", "Lâm", "Chu", "Quách",
        "Thái", "Vương", "Kiều", "Đoàn", "Triệu", "Khúc", "Lưu", "Mạc", "Tăng", "Phùng", "Thân", "Nghiêm",
        "Kim", "Văn",
        # less frequent family names ("Chủ tịch nước Trương Tấn Sang", "Giáo sư Châu Văn Minh")
        # (never "Ninh", "Từ", "Giang", "Âu": "Ninh Thuận", "Từ Hà Nội", "Châu Âu" are places)
        "Trương", "Châu", "Lã", "Lại", "Lò", "Tôn", "Doãn", "Hứa", "Phí", "Thạch", "Tiêu", "Diệp",
    ]
)
#: surnames that, written without diacritics in English text, are too often other words or names to open a
#: Vietnamese name on their own ("Le", "Do", "Ho", "Kim")
ASCII_SURNAME_EXCEPTIONS: frozenset[str] = frozenset(
    ["Le", "Do", "Ho", "Van", "Kim", "Mai", "Ha", "Lam", "Cao", "Thai"]
)
#: titles before a name ("ông", "PGS.TS.", "GS."), with and without their final full stop
TITLES: frozenset[str] = frozenset(
    [
        "ông", "bà", "Ông", "Bà", "TS.", "ThS.", "PGS.TS.", "GS.TS.", "GS.", "PGS.", "TS", "ThS", "PGS.TS", "GS.TS",
        "GS", "PGS",
    ]
)
#: two-word titles (first word exact, second in lower case): "Viện sĩ", "Tiến sĩ", "Giáo sư", "Phó giáo (sư)"
TITLE_PAIRS: tuple[tuple[str, str], ...] = (
    ("Viện", "sĩ"), ("Tiến", "sĩ"), ("Giáo", "sư"), ("Phó", "giáo"),
    # the other spelling of "sĩ" and the lower-case forms inside a sentence ("đoàn tặng quà giáo sư Michael
    # Pepper"), master's degree, engineer, physician
    ("Tiến", "sỹ"), ("tiến", "sĩ"), ("tiến", "sỹ"), ("giáo", "sư"), ("Thạc", "sĩ"), ("Kỹ", "sư"), ("Bác", "sĩ"),
)
#: role words, case-insensitive, in regex-alternation order
ROLE_WORDS: tuple[str, ...] = (
    "Bộ trưởng", "Thứ trưởng", "Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc", "Vụ trưởng", "Cục trưởng",
    "Phó Cục trưởng", "Trưởng", "Viện trưởng", "Đại sứ", "đại diện", "trưởng đoàn",
)
#: roles (two words) followed by the country served and then the name ("Đại sứ Australia tại Việt Nam Michael
#: Harding"; "Tổng Lãnh" continues with "sự")
ROLE_PAIRS: frozenset[str] = frozenset(
    ["Đại sứ", "Tổng Lãnh", "Lãnh sự", "Bộ trưởng", "Thứ trưởng", "Chủ tịch", "Tổng thống", "Thủ tướng", "Giám đốc"]
)
#: exact case: continents and world regions that start with a surname ("Châu Âu" Europe, "Châu Phi" Africa):
#: places, never people
PLACES_LIKE_NAMES: frozenset[str] = frozenset(
    ["Châu Âu", "Châu Á", "Châu Phi", "Châu Mỹ", "Châu Đại Dương", "Mỹ Latinh", "Trung Đông"]
)
