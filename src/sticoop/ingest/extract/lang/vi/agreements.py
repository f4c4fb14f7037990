r"""Vietnamese words of agreements and of the verbs that give their status ("Biên bản ghi nhớ đã được ký kết",
"nhất trí ký").

Read by ``ingest/extract/agreements/cues.py``. Each tuple is a list of regex alternatives, matched as whole words, in
alternation order; nouns carry ``[Hh]``-style classes so that both a sentence-initial and an inner spelling
match (nouns are otherwise matched with their case, verbs case-insensitively), and both tone-mark spellings where
usage varies ("thỏa" / "thoả"). The forms come from the corpus' Vietnamese releases.
"""

#: agreement nouns ("Hiệp định", "Biên bản ghi nhớ", "Nghị định thư", "Kế hoạch hành động")
NOUNS: tuple[str, ...] = (
    "[Hh]iệp định", "[Bb]iên bản(?: ghi nhớ)?", "[Bb]ản ghi nhớ", "[Tt]hỏa thuận", "[Tt]hoả thuận",
    "[Kk]ế hoạch hành động",
    # the plan that puts an agreement into effect ("Kế hoạch triển khai Hiệp định")
    "[Kk]ế hoạch (?:triển khai|thực hiện)", "[Cc]hương trình hành động", "[Nn]ghị định thư",
    "[Hh]ợp đồng chuyển giao(?: công nghệ)?", "[Cc]hương trình hợp tác", "[Kk]ế hoạch hợp tác",
    # letters and declarations of intent ("Thư ý định", "Tuyên bố ý định")
    "[Tt]hư ý định", "[Tt]uyên bố ý định",
)
#: verbs of a renewal ("gia hạn", extend)
RENEW: tuple[str, ...] = ("gia hạn", "kéo dài")
#: verbs of a signature or adoption ("ký kết", "thông qua", "thống nhất")
SIGN: tuple[str, ...] = (
    "ký tắt", "ký(?: kết)?", "thông qua", "thống nhất", "phê duyệt",
    # ratification, handing over the signed texts ("trao Bản ghi nhớ"; "trao đổi văn kiện Hiệp định" in a
    # photo caption names the agreement already reported, left to the main mention)
    "phê chuẩn", r"trao(?= (?:[Bb]ản|[Bb]iên|[Tt]hỏa|[Tt]hoả|[Hh]iệp|[Nn]ghị|[Kk]ế|[Tt]hư))",
)
#: verbs of an adoption in talks ("thông qua", a subset of SIGN): without "ký", `discussed` (convention 9)
ADOPT: tuple[str, ...] = ("thông qua",)
#: verbs of an approval ("phê duyệt", a subset of SIGN): a plan or programme approved in talks is `discussed`
APPROVE: tuple[str, ...] = ("phê duyệt",)
#: verbs of a revival of dormant agreements ("nhất trí khôi phục các thỏa thuận")
REVIVE: tuple[str, ...] = ("khôi phục", "kích hoạt lại", "tái khởi động", "cập nhật")
#: verbs of drawing up a text: after a decision or modal ("nhất trí xây dựng Kế hoạch hành động") `planned`
DRAW_UP: tuple[str, ...] = ("xây dựng", "soạn thảo", "hoàn thiện")
#: future endings of a verb: none in Vietnamese, whose future is a particle ("sẽ", PLAN)
FUTURE_FORMS: tuple[str, ...] = ()
#: cues after an agreement noun that schedule its signing ("Lễ ký Bản ghi nhớ ... dự kiến diễn ra vào tháng 5")
SCHEDULE: tuple[str, ...] = ("dự kiến", "sẽ diễn ra", "sẽ được tổ chức")
#: verbs of an initialling ("ký tắt", a subset of SIGN): agreed text, not yet signed, `planned`
INITIAL: tuple[str, ...] = ("ký tắt",)
#: verbs of a discussion ("thảo luận", "xem xét", "đàm phán")
DISCUSS: tuple[str, ...] = ("thảo luận", "trao đổi về", "xem xét", "đàm phán", "dự thảo")
#: modals and phrases of a plan ("sẽ", "dự kiến", "nhất trí", "tiến tới")
PLAN: tuple[str, ...] = (
    "sẽ", "dự kiến", "nhất trí", "mong muốn", "hướng tới", "chuẩn bị", "tiến tới", "để",
    # "sắp ký" (about to sign), "có kế hoạch ký", "dự định ký", "trước lễ ký"
    "sắp", "có kế hoạch", "dự định", r"trước(?: lễ| khi)?(?=\s*$)",
)
#: modals of a future act between an agreement noun and a later signature ("Kế hoạch ... sẽ được ký")
FUTURE: tuple[str, ...] = ("sẽ", "dự kiến")
#: phrases before an agreement that is a prospect of the act reported ("mở đường cho việc ký Hiệp định")
PROSPECT: tuple[str, ...] = (r"mở đường cho(?: việc)?", r"tiến tới(?: việc)?", r"hướng tới(?: việc)?")
#: cues of an agreement being prepared ("đang xây dựng", "đang soạn thảo")
PREPARE: tuple[str, ...] = (r"đang xây dựng", r"đang soạn thảo")
#: cues of an aside about other partners ("tương tự", similar)
ASIDES: tuple[str, ...] = ("tương tự",)
#: cues of an agreement in force that the cooperation rests on ("trong khuôn khổ Hiệp định", "theo Nghị định thư")
BASIS: tuple[str, ...] = (
    "theo", "trong khuôn khổ", "căn cứ", "thực hiện", "triển khai", "khuôn khổ", "thành viên", "dựa trên",
    "trên cơ sở",
    # a body of an agreement ("Nhóm công tác kỹ thuật của Hiệp định", "Ban thư ký Hiệp định")
    r"(?:nhóm công tác|ủy ban|ban thư ký|hội nghị)(?: \w+){0,2} của",
)
#: nouns of an amendment ("văn bản sửa đổi"): a new agreement item of its own, never a back-reference
AMENDMENTS: tuple[str, ...] = ("văn bản sửa đổi",)
#: verbs of an amendment ("thống nhất sẽ sửa đổi Bản ghi nhớ": planned; "đã sửa đổi": signed)
AMEND: tuple[str, ...] = ("sửa đổi", "điều chỉnh")
#: a renewal whose object is a pronoun ("gia hạn văn bản này"), regex
RENEW_PRONOUN: tuple[str, ...] = (r"(?:gia hạn|kéo dài)\s+(?:văn bản|thỏa thuận|thoả thuận)\s+(?:này|đó)",)
#: cues of an agreement in force ("có hiệu lực từ năm 2016", "đang có hiệu lực")
IN_FORCE: tuple[str, ...] = (
    r"có hiệu lực", r"đã hết hiệu lực", r"đã hết hạn",
    # an agreement the parties have had since a year ("hai nước đã có Hiệp định hợp tác từ năm 1989")
    r"từ năm (?:19|20)\d\d",
)
#: cues after an agreement noun that make it the agreement in force ("vẫn là khuôn khổ", "là cơ sở")
FRAME: tuple[str, ...] = ("(?:vẫn |tiếp tục )?là (?:khuôn khổ|cơ sở|nền tảng)",)
#: words of a funding call and its projects ("kêu gọi đề xuất nhiệm vụ trong khuôn khổ Chương trình hợp tác
#: song phương", "đề tài thuộc Chương trình"): the programme is the call's funding scheme, no agreement
FUNDING: tuple[str, ...] = ("kêu gọi", "đề xuất", "đề tài", "nhiệm vụ", "dự án", "tài trợ", "hồ sơ", "tuyển chọn")
#: a call for "nhiệm vụ/đề tài ... theo Nghị định thư" (tuyển chọn, kêu gọi đề xuất): a Vietnamese funding scheme
#: (tasks under a protocol) that the call names; the protocol is no agreement item of the report. Tasks carried
#: out "theo Nghị định thư của Khóa họp lần thứ VII" (no call word) stay an agreement in force.
SCHEMES: tuple[str, ...] = (r"(?:tuyển chọn|kêu gọi|đề xuất)[^.;\n]{0,60}\btheo",)
#: words of science, technology and innovation in a title: in a list of texts signed at one ceremony ("lễ ký 6
#: văn kiện: ...; ...; ..."), the texts without them are other cooperation, left out (convention 6)
STI: tuple[str, ...] = ("khoa học", "công nghệ", "KH&CN", "KHCN", "đổi mới sáng tạo", "nghiên cứu")
#: nouns of a session's record (a subset of NOUNS, "Biên bản" but never "Biên bản ghi nhớ"): a text of its own,
#: never another name for the agreement cited before it ("Hiệp định ... Theo Biên bản được ký kết tại phiên họp")
RECORDS: tuple[str, ...] = (r"[Bb]iên bản(?! ghi nhớ)",)
#: a possibility before a renewal verb ("có thể được gia hạn"): a term of the text, no renewal
POSSIBLE: tuple[str, ...] = (r"có thể(?: được)?",)
#: words of a method around "protocol": none in Vietnamese, where "Nghị định thư" is always an agreement (a
#: technical procedure is "quy trình", no agreement noun)
PROCEDURE_BEFORE: tuple[str, ...] = ()
PROCEDURE_AFTER: tuple[str, ...] = ()
