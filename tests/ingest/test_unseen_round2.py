"""General fixes found on the second round of unseen articles (own-*-04..06), each tested on sentences written
for these tests: a committee named as the subject of 'held its Nth session' / 'đã tổ chức Phiên họp lần thứ N',
comma lists inside Vietnamese and French organisation names, a Vietnamese role + country + 'tại' + place before a
foreign name, 'the minutes of' and 'Bản ghi nhớ' as agreements, two days named together as a range, a few
field words, unit names after 'Head of the' that are no person, and ORG entities that are roles' fields or
modifiers of 'scholarships'."""

from __future__ import annotations

from datetime import date

import pytest

from sticoop.ingest.extract import extract
from sticoop.ingest.extract.agreements import find_agreements
from sticoop.ingest.extract.core import _headless_orgs
from sticoop.ingest.extract.dates import extract_event_date
from sticoop.ingest.extract.fields import find_fields
from sticoop.ingest.extract.organizations import find_organizations
from sticoop.ingest.extract.people import _title_before
from sticoop.ingest.extract.sessions import find_committee


@pytest.mark.parametrize(
    ("text", "name", "number"),
    [
        ("On Monday the Indonesia–Vietnam Joint Committee on Science and Technology held its second session "
         "in Jakarta.", "Indonesia–Vietnam Joint Committee on Science and Technology", 2),
        ("La Commission mixte franco-sénégalaise a tenu sa 5e session à Dakar la semaine dernière.",
         "Commission mixte franco-sénégalaise", 5),
        ("Sáng 3/4, Ủy ban hợp tác khoa học và công nghệ Việt Nam – Ấn Độ đã tổ chức Kỳ họp lần thứ 8 tại "
         "New Delhi.", "Ủy ban hợp tác khoa học và công nghệ Việt Nam – Ấn Độ", 8),
    ],
)
def test_committee_named_as_subject_of_the_session(text: str, name: str, number: int) -> None:
    committee = find_committee(text)
    assert committee is not None
    assert committee.name.value == name
    assert committee.session_number == number


def test_committee_before_needs_the_meeting_verb() -> None:
    assert find_committee("The Steering Committee praised the fourth session of the forum.") is None


def test_vietnamese_ministry_with_a_comma_list_and_the_minister_after_it() -> None:
    text = ("Hà Nội, 2/5 – Ngày 1/5, Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch Lào Somsack Inthavong đã làm việc "
            "với Viện Hàn lâm Khoa học và Công nghệ Việt Nam.")
    result = extract(text, date(2024, 5, 2), "vi", use_ner=False)
    orgs = [o.name.value for o in result.organizations]
    assert "Bộ Văn hóa, Thể thao và Du lịch Lào" in orgs
    people = {p.name.value: p for p in result.people}
    assert "Somsack Inthavong" in people
    assert people["Somsack Inthavong"].role == "Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch Lào"


def test_vietnamese_comma_list_does_not_run_into_a_second_name() -> None:
    orgs = [o.name.value for o in find_organizations("Đại diện Bộ Tài chính, Bộ Công Thương và các viện.", "vi")]
    assert "Bộ Tài chính" in orgs


def test_vietnamese_ambassador_before_a_foreign_name() -> None:
    text = ("Hà Nội, 12/9 – Chiều 11/9, Đại sứ Pháp tại Việt Nam Étienne Laurent đã thăm Viện Pasteur "
            "TP. Hồ Chí Minh.")
    result = extract(text, date(2024, 9, 12), "vi", use_ner=False)
    people = {p.name.value: p for p in result.people}
    assert "Étienne Laurent" in people
    assert people["Étienne Laurent"].country == "FRA"  # the sending country, not where he serves


def test_title_before_keeps_a_comma_list_inside_a_portfolio() -> None:
    assert _title_before(" và Bộ trưởng Bộ Nông nghiệp, Lâm nghiệp và Thủy sản Campuchia ") == (
        "Bộ trưởng Bộ Nông nghiệp, Lâm nghiệp và Thủy sản Campuchia"
    )
    assert _title_before("After the talks, Minister of Energy ") == "Minister of Energy"


@pytest.mark.parametrize(
    "text",
    [
        "The two delegations signed the minutes of the meeting on Friday.",
        "Hai bên đã ký Bản ghi nhớ hợp tác về y tế số.",
    ],
)
def test_minutes_and_ban_ghi_nho_are_signed_agreements(text: str) -> None:
    assert [a.status for a in find_agreements(text)] == ["signed"]


def test_minutes_alone_is_no_agreement() -> None:
    assert find_agreements("The ceremony was signed off within minutes.") == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Paris, 5 mars 2024 – Les journées ont eu lieu les 1er et 2 mars à Lyon.", "fr", "2024-03-01/2024-03-02"),
        ("The workshop was held on 20 and 21 February in Hanoi.", "en", "2024-02-20/2024-02-21"),
        ("Talks took place February 20 and 21 in Canberra.", "en", "2024-02-20/2024-02-21"),
        ("Trong hai ngày 20 và 21/2, hội thảo diễn ra tại Huế.", "vi", "2024-02-20/2024-02-21"),
    ],
)
def test_two_days_named_together_are_a_range(text: str, lang: str, expected: str) -> None:
    found = extract_event_date(text, date(2024, 3, 5), lang)
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("projects on space applications for flood warning", "space"),
        ("la formation d'ingénieurs en observation de la Terre", "remote_sensing"),
        ("research on phosphate processing", "geology_minerals"),
        ("des essais d'engrais organiques", "agriculture"),
        ("đào tạo về mô hình hóa khí hậu", "climate_change"),
    ],
)
def test_field_words(text: str, key: str) -> None:
    assert key in [v.value for v in find_fields(text)]


def test_unit_after_head_of_the_is_no_person() -> None:
    text = ("NEW DELHI – India and Chile opened a joint call on Monday.\n\nDr. Meera Iyer, Head of the Regional "
            "Partnerships Division at the Department of Biotechnology, presented it.")
    names = [p.name.value for p in extract(text, date(2024, 3, 5), "en", use_ner=False).people]
    assert "Partnerships Division" not in names
    assert "Meera Iyer" in names


def test_headless_entities_that_are_role_fields_or_programme_modifiers() -> None:
    text = "She is Director of Global Partnerships at the agency that funds Erasmus Mundus scholarships and Blue Ocean"
    ents = []
    for name in ("Global Partnerships", "Erasmus Mundus", "Blue Ocean"):
        s = text.index(name)
        ents.append(("ORG", name, s, s + len(name)))
    found = [o.name.value for o in _headless_orgs(text, ents, [], [], frozenset(), 0)]
    assert found == ["Blue Ocean"]


def test_french_ministry_with_a_comma_list_of_de_la() -> None:
    text = ("Le ministère de l'Agriculture, de la Pêche et du Développement rural a signé la convention "
            "avec l'Ambassade de Suisse.")
    orgs = [o.name.value for o in find_organizations(text, "fr")]
    assert "ministère de l'Agriculture, de la Pêche et du Développement rural" in orgs
    assert "Ambassade de Suisse" in orgs
