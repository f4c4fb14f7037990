"""Vietnamese keywords of the cooperation fields (taxonomy keys of ``sticoop/reference/fields.py``).

Read by ``ingest/extract/fields.py``. Keywords are domain vocabulary in Vietnamese syllables, with both spellings
where the tone mark may sit on either vowel ("thủy sản" / "thuỷ sản", "tự động hóa" / "tự động hoá"). They come
from the releases of the Ministry of Science and Technology (most.gov.vn) and its agencies.
"""

#: field key -> stems, matched case-insensitively at the start of a word and running on over an inflection
#: ('agricultur' finds 'agriculture' and 'agricultural'; 'water technolog' finds 'water technologies')
STEMS: dict[str, tuple[str, ...]] = {
    "agriculture": (
        "phân bón", "nông nghiệp sinh thái", "nông nghiệp", "nông sản", "chăn nuôi", "thú y", "giống lúa",
        "cây trồng", "lúa", "an ninh lương thực", "trồng trọt",
    ),
    "forestry": ("lâm nghiệp", "rừng"),
    "fisheries": ("thủy sản", "thuỷ sản", "nuôi trồng thủy sản", "đánh bắt"),
    "water_resources": (
        "tài nguyên nước", "tưới", "thủy lợi", "thuỷ lợi", "quản lý nước", "nguồn nước", "nước sạch", "cấp nước",
        "nước ngầm",
    ),
    "environment": (
        "chất lượng không khí", "rác thải",
        "kinh tế tuần hoàn", "môi trường", "ô nhiễm", "chất thải", "xử lý nước thải", "sa mạc hóa",
        "đa dạng sinh học",
    ),
    "climate_change": (
        "phát thải", "khí nhà kính", "carbon thấp", "trung hòa carbon", "các-bon",
        "khí hậu", "biến đổi khí hậu", "chịu hạn", "khô hạn", "thích ứng"),
    "energy": ("pin lưu trữ", "hydro xanh", "năng lượng", "pin mặt trời", "điện mặt trời", "điện gió"),
    "new_materials": (
        "công nghệ nano",
        "vật liệu mới", "nano","vật liệu", "bán dẫn"),
    "ai": (
        "học máy", "học sâu",
        "trí tuệ nhân tạo",),
    "ict": (
        "điện tử", "tin học", "CNTT","công nghệ thông tin", "viễn thông", "an ninh mạng"),
    "iot": ("internet vạn vật",),
    "big_data": (
        "khoa học dữ liệu", "phân tích dữ liệu",
        "dữ liệu lớn", "trung tâm dữ liệu",),
    "cloud_computing": ("điện toán đám mây",),
    "digital_transformation": ("chuyển đổi số", "công nghệ số"),
    "automation": (
        "cơ điện tử", "sản xuất thông minh",
        "tự động hóa", "tự động hoá", "rô-bốt"),
    "remote_sensing": ("viễn thám", "quan sát Trái Đất", "ảnh vệ tinh", "dữ liệu vệ tinh"),
    "space": (
        "tên lửa",
        "vũ trụ", "hàng không vũ trụ","công nghệ vũ trụ", "vệ tinh"),
    "geology_minerals": ("quặng", "địa chất", "khoáng sản", "đất hiếm"),
    "biotechnology": (
        "tin sinh học", "sinh học tổng hợp", "lên men",
        "vi sinh",
        "sinh học phân tử", "kỹ thuật sinh học", "khoa học sự sống", "tế bào gốc",
        "công nghệ gen","công nghệ sinh học", "y sinh", "hóa sinh", "nguồn gen", "vắc-xin"),
    "health_medicine": (
        "bệnh viện", "lâm sàng", "dược phẩm", "sức khỏe", "sức khoẻ", "chăm sóc sức khỏe",
        "y tế", "y sinh", "dược", "dược liệu", "ung thư", "y học"),
    "nuclear": (
        "nguyên tử", "an toàn bức xạ", "đồng vị phóng xạ", "phóng xạ","hạt nhân", "bức xạ"),
    "marine": (
        "kinh tế biển", "hàng hải", "đại dương",
        "sinh vật biển", "hóa sinh biển", "khoa học biển", "hải dương"),
    "high_tech_zones": (
        "công viên khoa học", "công viên công nghệ", "khu công nghệ thông tin tập trung",
        "khu công nghệ cao",),
    "innovation_startups": (
        "doanh nghiệp nhỏ và vừa", "khởi nghiệp sáng tạo", "vườn ươm","khởi nghiệp", "đổi mới sáng tạo"),
    "technology_transfer": (
        "thương mại hóa", "thương mại hoá", "chuyển giao kết quả nghiên cứu",
        "kết nối cung cầu","chuyển giao công nghệ",
        # a transfer of varieties or results ("chuyển giao giống cà phê", "sẵn sàng chuyển giao") is one as well
        "chuyển giao",),
    "standards_metrology": ("tiêu chuẩn", "đo lường"),
    "intellectual_property": ("sở hữu trí tuệ", "sáng chế"),
    "education_training": (
        "trao đổi sinh viên", "trao đổi học thuật", "thực tập sinh", "học giả",
        "tập huấn", "nâng cao năng lực", "trao đổi cán bộ", "trao đổi chuyên gia", "trao đổi nhà khoa học",
        "học bổng", "giáo dục", "bồi dưỡng",
        "đào tạo", "sinh viên", "nghiên cứu sinh", "khóa học", "học viên", "nhà khoa học trẻ", "đào tạo nhân lực",
    ),
    "policy_management": (
        "hoạch định chính sách", "chính sách khoa học", "chính sách phát triển", "quản lý nhà nước",
        "kinh nghiệm quản lý", "quản trị", "quản lý năng lượng","chính sách phát triển khoa học", "quản lý khoa học"),
    # fields without a slot of their own (labelling convention 8: "anything without a slot -> other"),
    # as the corpora label them: sciences, defence, heritage
    "other": (
        "toán học", "vật lý", "khoa học xã hội", "nhân văn", "thiên văn", "cơ khí", "ô tô", "di sản văn hóa",
        "khảo cổ", "quốc phòng",
    ),
}

#: field key -> whole words, matched case-insensitively and only as a complete word
WORDS: dict[str, tuple[str, ...]] = {}

#: field key -> acronyms, matched with their case and only as a complete word ('AI', never 'ai')
ACRONYMS: dict[str, tuple[str, ...]] = {}

#: field key -> phrases holding one of its keywords that name another field ("năng lượng nguyên tử" is nuclear)
NOT_IN: dict[str, tuple[str, ...]] = {
    "energy": ("năng lượng nguyên tử", "năng lượng hạt nhân"),
    # Earth observation by satellite is remote sensing, not space (labelling convention 8)
    "space": ("vệ tinh quan sát Trái Đất", "ảnh vệ tinh", "dữ liệu vệ tinh"),
}
