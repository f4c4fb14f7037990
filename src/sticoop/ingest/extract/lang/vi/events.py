r"""Vietnamese cue phrases of event types, read in a report's lead ("kêu gọi đề xuất", "tập huấn").

Read by ``ingest/extract/events.py``. Format: event type -> phrases matched case-insensitively as whole words,
with both tone-mark spellings where usage varies ("khóa" / "khoá"); the order is the regex alternation's (a
longer phrase before a shorter one it starts with). The phrases come from the leads of the corpus' Vietnamese
releases.
"""

#: event type -> cue phrases
EVENT_CUES: dict[str, tuple[str, ...]] = {
    "funding_call": (
        "kêu gọi đề xuất", "kêu gọi", "mở đợt", "tuyển chọn nhiệm vụ", "tuyển chọn đề tài", "xét chọn",
    ),
    "training": ("khóa đào tạo", "khoá đào tạo", "tập huấn", "khóa học"),
    "tech_transfer_event": ("chợ công nghệ", "triển lãm", "kết nối cung cầu"),
    "agreement_signing": ("ký", "hiệp định", "thỏa thuận"),
    "ministerial_visit": ("chuyến thăm", "thăm và làm việc", "đoàn công tác", "tiếp"),
}
