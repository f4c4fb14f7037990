"""Vietnamese words for people's names.

Read by ingest/extract/people.py and organizations.py (a surname followed by a capitalised syllable is a
person, so it ends an organisation's name). The surnames are the common Vietnamese family names (about 90 % of
the population bears one of the first fifteen), with "Văn", a frequent middle name that opens names in lists.
"""

#: exact case: family names that open a person's name ("Nguyễn Văn A")
SURNAMES: frozenset[str] = frozenset(
    [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
        "Dương", "Lý", "Đinh", "Đào", "Trịnh", "Mai", "Tạ", "Lương", "Hà", "Cao", "Tô", "Lâm", "Chu", "Quách",
        "Thái", "Vương", "Kiều", "Đoàn", "Triệu", "Khúc", "Lưu", "Mạc", "Tăng", "Phùng", "Thân", "Nghiêm",
        "Kim", "Văn",
    ]
)
