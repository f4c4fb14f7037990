"""Parties to the cooperation (issue 11 part 2): pairs in a committee's name, regions standing for their
country, listed participants, French elisions and unaccented capitals, a host named by its city, and a common
word that is also a territory's name. Our own short sentences."""

from __future__ import annotations

import pytest

from sticoop.ingest.extract.countries import find_parties


def _parties(text: str) -> set[str]:
    return {v.value for v in find_parties(text).parties}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials met in Ottawa for the Canada-Korea Joint Committee on science.", {"CAN", "KOR"}),
        ("La commission mixte tuniso-française s'est réunie hier.", {"TUN", "FRA"}),
        ("Tuyển chọn nhiệm vụ theo Nghị định thư Việt Nam – Belarus đã bắt đầu.", {"VNM", "BLR"}),
        ("The FWO (Flanders) and NAFOSTED (Vietnam) open a joint call for projects.", {"BEL", "VNM"}),
        ("A delegation from Wallonia-Brussels visited the Hanoi incubator.", {"BEL", "VNM"}),
        ("Une délégation québécoise du Québec a visité la fondation à Rabat, au Maroc.", {"CAN", "MAR"}),
        ("Yunnan and Laos signed a memorandum on agricultural research.", {"CHN", "LAO"}),
        ("La délégation du Kouzbass a rencontré l'Académie des sciences du Vietnam.", {"RUS", "VNM"}),
        ("A Alger, le ministre a reçu l'ambassadeur des Émirats arabes unis.", {"DZA", "ARE"}),
    ],
)
def test_parties(text: str, expected: set[str]) -> None:
    assert _parties(text) == expected


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("Participants came from Ghana, Benin, Togo, Nigeria and Senegal.", {"GHA", "BEN", "TGO", "NGA", "SEN"}),
        ("Les stagiaires venaient de l'Algérie, l'Egypte, l'Erythrée, la République démocratique du Congo et "
         "l'Afrique du Sud.", {"DZA", "EGY", "ERI", "COD", "ZAF"}),
        ("Học viên đến từ Ba Lan, Hungary, Romania và Thổ Nhĩ Kỳ.", {"POL", "HUN", "ROU", "TUR"}),
    ],
)
def test_listed_participants_are_parties(text: str, members: set[str]) -> None:
    assert members <= _parties(text)


def test_a_meeting_called_reunion_is_not_la_reunion() -> None:
    text = "La 30e Réunion du Comité de coordination s'est tenue au Vietnam avec la Russie."
    assert "REU" not in _parties(text)


def test_no_ministry_is_derived_from_a_ministers_title() -> None:
    from sticoop.ingest.extract import extract

    for text, lang in [
        ("Lundi à Alger, le ministre de l'Enseignement supérieur a reçu l'ambassadeur de France.", "fr"),
        ("The Minister of Technology and Communication Boviengkham Vongdara met his counterpart.", "en"),
    ]:
        assert extract(text, language=lang, use_ner=False).organizations == []


def test_ministries_named_only_by_their_ministers_when_the_text_says_they_take_part() -> None:
    from sticoop.ingest.extract import extract

    text = ("Peruvian Minister of Energy and Mines Ana Rojas met Chilean Minister of Science Luis Soto in Lima. "
            "Officials from the two ministries will meet again in May.")
    names = [o.name.value for o in extract(text, language="en", use_ner=False).organizations]
    assert "Ministry of Energy and Mines" in names


def test_a_page_stamps_weekday_is_no_person() -> None:
    from sticoop.ingest.extract import extract

    text = "Thứ Hai, 21/03/2016, 07:51 (GMT+7)\n\nVietnam, Peru hold talks\n\nOfficials met Ana Rojas in Lima."
    assert [p.name.value for p in extract(text, language="en").people] == ["Ana Rojas"]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Đoàn Viện Khoa học Việt Nam do GS. Châu Văn Minh dẫn đầu đã làm việc tại Lào.", ["Châu Văn Minh"]),
        ("Đoàn Chương trình khoa học đã thăm Nam Phi. Ông Đoàn Văn Hùng phát biểu.", ["Đoàn Văn Hùng"]),
    ],
)
def test_a_delegation_of_a_body_is_no_person(text: str, people: list[str]) -> None:
    from sticoop.ingest.extract import extract

    assert [p.name.value for p in extract(text, language="vi").people] == people
