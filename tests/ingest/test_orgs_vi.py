"""Vietnamese organisations with no head noun, on sentences written for these tests (not from any corpus):
names closed by an acronym in parentheses, brand-like names after 'của/với/và', more head nouns, and the
gazetteer from the database for names no rule can read; plus the look-alikes that must stay out."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from sticoop.ingest.evaluation import names_match
from sticoop.ingest.extract import Gazetteer, KnownOrganization, extract
from sticoop.ingest.extract.organizations import find_organizations


def _names(text: str, gazetteer: Gazetteer | None = None) -> list[str]:
    return [o.name.value for o in find_organizations(text, "vi", gazetteer)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # closed by an acronym, lower-case syllables inside, a role before it
        ("Đại diện Mạng lưới Đổi mới sáng tạo Việt Nam (VIN) phát biểu tại buổi lễ.",
         "Mạng lưới Đổi mới sáng tạo Việt Nam (VIN)"),
        ("Hai bên thống nhất giao Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam (VUSTA) điều phối.",
         "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam (VUSTA)"),
        ("Dự án do Trung tâm Đổi mới sáng tạo quốc gia (NIC) và đối tác Hàn Quốc thực hiện.",
         "Trung tâm Đổi mới sáng tạo quốc gia (NIC)"),
        ("Thỏa thuận được ký giữa Vườn ươm Doanh nghiệp công nghệ cao Hòa Lạc (HBI) và một quỹ Nhật Bản.",
         "Vườn ươm Doanh nghiệp công nghệ cao Hòa Lạc (HBI)"),
        # brand-like names right after a party word
        ("Buổi làm việc có sự tham gia của VinIF và FPT.", "VinIF"),
        ("Buổi làm việc có sự tham gia của VinIF và FPT.", "FPT"),
        ("Hai bộ đã ký biên bản ghi nhớ với Samsung Việt Nam về đào tạo kỹ sư.", "Samsung Việt Nam"),
        # head nouns added for Vietnamese, and a city inside a name is not a person
        ("Tổng công ty Bưu điện Việt Nam (VNPost) sẽ vận chuyển thiết bị.", "Tổng công ty Bưu điện Việt Nam"),
        ("Sinh viên Trường ĐH Bách khoa Hà Nội (HUST) tham gia dự án.", "Trường ĐH Bách khoa Hà Nội (HUST)"),
        ("Đại sứ quán Hàn Quốc tại Việt Nam chủ trì buổi gặp.", "Đại sứ quán Hàn Quốc"),
        # a head written with a capital inside, and a city written "TP." (thành phố) inside the name
        ("Nhiều doanh nghiệp trong Khu Công nghệ cao TP. Đà Nẵng (DHTP) tham gia.",
         "Khu Công nghệ cao TP. Đà Nẵng (DHTP)"),
        # a party word, then a role, then the name
        ("Buổi lễ có sự tham dự của đại diện Bosch Việt Nam và các trường đại học.", "Bosch Việt Nam"),
    ],
)
def test_headless_vietnamese_organisations_are_found(text: str, expected: str) -> None:
    found = _names(text)
    assert any(names_match(expected, name) for name in found), found
    assert expected in found


@pytest.mark.parametrize(
    "text",
    [
        "Ông Nguyễn Văn An đã làm việc với Bộ trưởng Lào về hợp tác khoa học.",  # a title, a country
        "Các chuyên gia bàn về ứng dụng của AI và IoT trong nông nghiệp.",  # technical acronyms
        "Hội thảo được tổ chức tại TP Hồ Chí Minh với Lào và Campuchia.",  # a city, countries
        "Bộ trưởng đã gặp ông Trần Quốc Bảo và bà Lê Thị Hoa.",  # people
        "Hai bên đã ký Chương trình hợp tác giai đoạn 2024-2026 (CTHT) tại Viêng Chăn.",  # a programme
    ],
)
def test_look_alikes_are_not_organisations(text: str) -> None:
    assert _names(text) == []


def test_gazetteer_reads_names_no_rule_can() -> None:
    """'Viettel' alone has no head, no acronym and no brand shape: only the database knows it."""
    gazetteer = Gazetteer([KnownOrganization("Tập đoàn Công nghiệp - Viễn thông Quân đội", "VTG",
                                             aliases=("Viettel",), country="VNM")])
    orgs = find_organizations("Hai bên hợp tác với Viettel trong lĩnh vực 5G.", "vi", gazetteer)
    assert [(o.name.value, o.known, o.country) for o in orgs] == [
        ("Tập đoàn Công nghiệp - Viễn thông Quân đội", True, "VNM")
    ]
    assert _names("Hai bên hợp tác với Viettel trong lĩnh vực 5G.") == []  # without it, no guess


def test_gazetteer_lookup_cost_does_not_grow_with_the_database() -> None:
    known = [KnownOrganization(f"Viện Nghiên cứu số {i}", f"VNC{i}") for i in range(5000)]
    known.append(KnownOrganization("Quỹ Phát triển khoa học và công nghệ Quốc gia", "NAFOSTED"))
    gazetteer = Gazetteer(known)
    forms = gazetteer.forms_in("Dự án được NAFOSTED tài trợ.")
    assert [f for f, _ in forms] == ["NAFOSTED"]


def test_database_organisations_and_aliases_feed_the_extraction(db: Session) -> None:
    from sticoop.ingest.service import gazetteer
    from sticoop.partners.models import Organization

    db.add(Organization(name="Tập đoàn Công nghiệp - Viễn thông Quân đội", acronym="VTG",
                        aliases=["Viettel"], country_code="VNM"))
    db.flush()
    text = ("HÀ NỘI – Ngày 12/6, Bộ Khoa học và Công nghệ đã ký thỏa thuận hợp tác với Viettel và "
            "Samsung Việt Nam về chuyển đổi số.")
    labels = extract(text, date(2024, 6, 13), "vi", gazetteer=gazetteer(db)).to_labels()
    assert "Tập đoàn Công nghiệp - Viễn thông Quân đội" in labels["organizations"]
    assert "Samsung Việt Nam" in labels["organizations"]
    assert "Bộ Khoa học và Công nghệ" in labels["organizations"]


def test_a_city_written_tp_is_not_a_person() -> None:
    text = "TP. Hồ Chí Minh, 9/10 – Sáng 8/10, tại TP. Hồ Chí Minh, hai bên đã ký biên bản ghi nhớ về vi mạch."
    result = extract(text, date(2024, 10, 9), "vi")
    assert [p.name.value for p in result.people] == []
    assert result.location_country is not None and result.location_country.value == "VNM"
