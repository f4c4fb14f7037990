"""Kinds fixed in round 5 of issue 11 part 2 (tuning part: the 60 real reports; held-out: ``corpus/heldout5``).
Each test walks the kind's shapes in en/fr/vi with our own sentences; none reads ``../shared``.

- agreements in force named through membership ("member states of the ... Agreement", "thành viên Hiệp định");
- one signature with two partners is two agreements ("with A on X, and with B on Y");
- a Vietnamese call for "nhiệm vụ ... theo Nghị định thư" names a funding scheme, not an agreement;
- a year that a preposition introduces in the first line dates another fact, never the document;
- "đến hết ngày", "jusqu'à", "hạn nộp" mark deadlines;
- without any base, a first date written without its year is the event's: a later full date is another fact.
"""

from __future__ import annotations

from datetime import date

import pytest

from sticoop.core import clock
from sticoop.ingest.extract.agreements import find_agreements
from sticoop.ingest.extract.dates import document_base, extract_event_date

FAR = date(2031, 6, 1)
#: a body paragraph, so that a later date stands outside the head (HEAD_CHARS), where a full date would be a stamp
EN_BODY = "Forty firms presented their products to buyers from both countries during a long day of meetings. " * 5
FR_BODY = (
    "Une quarantaine d'entreprises ont présenté leurs produits aux acheteurs des deux pays pendant la journée. " * 5
)
VI_BODY = "Khoảng bốn mươi doanh nghiệp đã giới thiệu sản phẩm với các đối tác của hai nước trong suốt hội thảo. " * 5


def _statuses(text: str) -> list[str]:
    return [a.status for a in find_agreements(text)]


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # membership of a regional agreement in force
        ("Experts came from the member states of the Regional Cooperative Agreement for Asia.", ["signed"]),
        ("Trainees from the parties to the Agreement on Nuclear Cooperation took part.", ["signed"]),
        ("Les pays membres de l'Accord régional de coopération pour l'Afrique ont envoyé vingt experts.", ["signed"]),
        ("Học viên đến từ các quốc gia thành viên Hiệp định hợp tác vùng RCA tham gia khóa học.", ["signed"]),
        # a framework cue far before the noun, in the same clause
        (
            "Dans le cadre de sa coopération technique avec l'Agence internationale de l'énergie atomique (AIEA) "
            "et de l'Accord régional de coopération pour l'Afrique, le centre organise une formation.",
            ["signed"],
        ),
        # membership of a body without any agreement is no agreement
        ("The member states of the union sent forty experts.", []),
        # one signature, two partners
        (
            "The agency signed a memorandum of understanding with the University of Leeds on water research, "
            "and with Imperial College on batteries.",
            ["signed", "signed"],
        ),
        (
            "Le CNRS a signé une convention avec l'Université de Tunis sur l'eau, et avec l'INRAP sur le patrimoine.",
            ["signed", "signed"],
        ),
        (
            "Cục A đã ký thỏa thuận hợp tác với Viện B về công nghệ công nghiệp, và với Viện C về đổi mới sáng tạo.",
            ["signed", "signed"],
        ),
        (
            "The two institutes will sign a memorandum of understanding with the Lima university on soils, "
            "and with the Cusco centre on maize.",
            ["planned", "planned"],
        ),
        ("The agency signed a memorandum of understanding with the University of Leeds on water research.", ["signed"]),
        ("The ministers signed a memorandum of understanding on energy and water.", ["signed"]),
        # Vietnamese funding schemes named after a protocol, against protocols in force
        ("Kêu gọi đề xuất đề tài, dự án khoa học và công nghệ theo Nghị định thư với Italy.", []),
        ("Hai bên thống nhất khởi động tuyển chọn nhiệm vụ theo Nghị định thư Việt Nam – Belarus giai đoạn 2021.", []),
        ("Hai bên triển khai các nhiệm vụ hợp tác theo Nghị định thư của Khóa họp lần thứ VII.", ["signed"]),
        ("Hai bên triển khai hợp tác theo Nghị định thư về hợp tác KH&CN ký năm 2015.", ["signed"]),
    ],
)
def test_round5_agreement_kinds(text: str, statuses: list[str]) -> None:
    assert _statuses(text) == statuses


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a year introduced by a preposition in the first line is another fact: no base, the yearless date is null
        (
            "Hiệp định giữa hai nước được ký năm 2006; từ đó hợp tác phát triển.\n\nNgày 29/3, khóa họp diễn ra.",
            "vi",
            None,
        ),
        ("The agreement signed in 2006 opened the way.\n\nOn 29 March the committee met in Hanoi.", "en", None),
        ("L'accord en vigueur depuis 2006 porte ses fruits.\n\nLe 29 mars, le comité s'est réuni à Hanoï.", "fr", None),
        # a year in the event's name stays the base
        ("Techmart Vietnam 2012\n\nChợ công nghệ khai mạc ngày 20/9 tại Hà Nội.", "vi", "2012-09-20"),
        ("Salon de l'innovation 2018 à Cotonou\n\nLe salon a ouvert ses portes le 25 octobre.", "fr", "2018-10-25"),
        # deadlines
        ("Kêu gọi đề xuất\n\nThời gian nhận đề xuất: từ nay đến hết ngày 30/5/2019.", "vi", None),
        ("Hạn nộp hồ sơ: 15/6/2020.", "vi", None),
        ("Appel à projets\n\nLes dossiers sont reçus jusqu'à 12 juin 2021.", "fr", None),
        # no base: a first yearless date is the event's; a later full date is another fact
        (
            "Hội thảo doanh nghiệp hai nước\n\nSáng 7/11, hai bên tổ chức hội thảo.\n\n"
            + VI_BODY
            + "\n\nHai nước thiết lập quan hệ ngoại giao ngày 12/7/1993.",
            "vi",
            None,
        ),
        (
            "Business workshop in Hanoi\n\nOn 7 November the two sides held a workshop.\n\n"
            + EN_BODY
            + "\n\nRelations were established on 12 July 1993.",
            "en",
            None,
        ),
        (
            "Atelier d'entreprises à Hanoï\n\nLe 7 novembre, les deux parties ont tenu un atelier.\n\n"
            + FR_BODY
            + "\n\nLes relations datent du 12 juillet 1993.",
            "fr",
            None,
        ),
        # ... unless the full date is the same day
        (
            "Photo: the meeting on Tuesday, September 24.\n\nThey met by videoconference on September 24th, 2019.",
            "en",
            "2019-09-24",
        ),
        # ... and a full date written first is still the event's
        ("On 12 July 2023 the two sides held a workshop; the next one is on 7 November.", "en", "2023-07-12"),
    ],
)
def test_round5_date_kinds(text: str, lang: str, expected: str | None) -> None:
    with clock.pinned(FAR):
        found = extract_event_date(text, None, lang)
    assert (found.value if found else None) == expected


def test_year_of_another_fact_is_no_base() -> None:
    with clock.pinned(FAR):
        assert document_base("The agreement signed in 2006 opened the way.\n\nBody.", None, "en") is None
        base = document_base("Techmart Vietnam 2012\n\nBody.", None, "vi")
    assert base is not None and base.day.year == 2012 and base.precision == "year"


# --- sessions: modifiers between the ordinal and the meeting noun, subjects pointing back, the article "Le"


@pytest.mark.parametrize(
    ("text", "number", "name"),
    [
        (
            "On May 2 the Peru-Chile Joint High Level Committee met in Lima. It was the sixth ministerial-level "
            "meeting of the two sides.",
            6,
            "Peru-Chile Joint High Level Committee",
        ),
        (
            "The India-Chile Joint Committee met in Delhi for its third plenary session.",
            3,
            "India-Chile Joint Committee",
        ),
        ("This was the second annual meeting of the Kenya-Italy Joint Commission.", 2, "Kenya-Italy Joint Commission"),
        (
            "Le Comité mixte franco-chilien s'est réuni à Paris. Il s'agissait de la sixième réunion depuis 2001.",
            6,
            "Comité mixte franco-chilien",
        ),
        (
            "Le Comité mixte franco-chilien s'est réuni à Paris pour sa sixième réunion.",
            6,
            "Comité mixte franco-chilien",
        ),
        ("La VIIIe session de la Commission mixte tuniso-italienne s'est tenue à Tunis.", 8, None),
    ],
)
def test_round5_session_kinds(text: str, number: int | None, name: str | None) -> None:
    from sticoop.ingest.extract.sessions import find_committee

    committee = find_committee(text)
    assert committee is not None
    assert committee.session_number == number
    if name is not None:
        assert committee.name.value == name


def test_an_ordinal_of_no_meeting_is_no_session() -> None:
    from sticoop.ingest.extract.sessions import find_committee

    assert find_committee("The first time the two ministers met was in 2001.") is None


@pytest.mark.parametrize(
    "text",
    [
        "Le Comité mixte tuniso-italien s'est réuni à Tunis pour examiner les projets.",
        "Le Comité de pilotage a tenu une réunion à Rabat.",
        "Le Conseil scientifique et le Comité mixte ont examiné les projets.",
    ],
)
def test_the_article_le_is_no_roman_fifty(text: str) -> None:
    from sticoop.ingest.extract.sessions import find_committee

    committee = find_committee(text)
    assert committee is None or committee.session_number is None


# --- organisations and people


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Le Centre tropical vietnamo-russe a reçu l'Académie des sciences de Russie.",
            "fr",
            ["Centre tropical vietnamo-russe", "Académie des sciences de Russie"],
        ),
        (
            "La Commission franco-tunisienne pour la recherche a été reçue à Tunis.",
            "fr",
            ["Commission franco-tunisienne pour la recherche"],
        ),
        (
            "L'Institut sino-africain de recherche agronomique a signé avec l'Université de Dakar.",
            "fr",
            ["Institut sino-africain de recherche agronomique", "Université de Dakar"],
        ),
    ],
)
def test_french_compound_adjectives_continue_a_name(text: str, lang: str, expected: list[str]) -> None:
    from sticoop.ingest.extract import extract

    assert [o.name.value for o in extract(text, language=lang).organizations] == expected


@pytest.mark.parametrize(
    ("text", "lang", "people"),
    [
        (
            'Les ministres Khalid Samadi et Selim Khalbous ont signé un accord sur le programme "Ibn Khaldoun".',
            "fr",
            ["Khalid Samadi", "Selim Khalbous"],
        ),
        (
            "Le Partenariat Hubert Curien (PHC) est ouvert. Le ministre Jean Dupont a lancé l'appel.",
            "fr",
            ["Jean Dupont"],
        ),
        ("Minister John Smith opened the Programme Ada Lovelace for young engineers.", "en", ["John Smith"]),
        ("Bộ trưởng Nguyễn Văn An phát động Chương trình Lương Định Của về giống lúa.", "vi", ["Nguyễn Văn An"]),
    ],
)
def test_a_programme_namesake_is_no_person(text: str, lang: str, people: list[str]) -> None:
    from sticoop.ingest.extract import extract

    assert [p.name.value for p in extract(text, language=lang).people] == people


def test_one_organisation_per_name_and_none_bearing_a_persons_name() -> None:
    from sticoop.ingest.extract.core import distinct_organizations
    from sticoop.ingest.extract.model import Evidence, Organization, Person, Value

    def org(name: str, at: int) -> Organization:
        return Organization(name=Value(name, Evidence(at, at + len(name), 0.6)))

    orgs = [
        org("Fondation MAScIR", 0),
        org("Bui The Duy", 40),
        org("fondation mascir", 80),
        org("Université de Gand", 99),
    ]
    people = [Person(name=Value("Bùi Thế Duy", Evidence(200, 211, 0.7)))]
    assert [o.name.value for o in distinct_organizations(orgs, people)] == ["Fondation MAScIR", "Université de Gand"]


@pytest.mark.parametrize(
    ("text", "lang", "sides"),
    [
        # a pair of countries names both sides: it tells no one's side
        (
            "Ministers Huynh Thanh Dat and Boviengkham Vongdara co-chaired the first session of the Vietnam - Laos "
            "Cooperation Committee.",
            "en",
            {"Huynh Thanh Dat": None, "Boviengkham Vongdara": None},
        ),
        (
            "Sous la coprésidence des ministres Jean Dupont et Ahmed Benali, le Comité mixte France - Algérie s'est "
            "réuni.",
            "fr",
            {"Jean Dupont": None, "Ahmed Benali": None},
        ),
        # a country after the name, behind the next person's title, is that person's
        (
            "Bộ trưởng Bộ Khoa học và Công nghệ Huỳnh Thành Đạt và Bộ trưởng Bộ Công nghệ và Truyền thông Lào "
            "Boviengkham Vongdara đã đồng chủ trì phiên họp.",
            "vi",
            {"Huỳnh Thành Đạt": None, "Boviengkham Vongdara": "LAO"},
        ),
        # a single country beside the name still gives the side
        ("The Kenyan delegation was led by Dr Mary Wanjiru.", "en", {"Mary Wanjiru": "KEN"}),
    ],
)
def test_a_persons_side_is_never_read_from_a_pair_or_the_next_persons_title(
    text: str, lang: str, sides: dict[str, str | None]
) -> None:
    from sticoop.ingest.extract import extract

    assert {p.name.value: p.country for p in extract(text, language=lang).people} == sides


# --- kinds found on the round-5 held-out set after it was scored (it is seen since)


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # French "entente" and roadmaps are agreements
        ("Les deux gouvernements ont renouvelé pour cinq ans l'entente de coopération signée en 2017.", ["renewed"]),
        ("Les deux chefs de délégation ont signé la feuille de route 2024-2026.", ["signed"]),
        ("The two ministers signed a roadmap for 2025-2027 on marine science.", ["signed"]),
        # an agreement a new one builds on is in force
        ("The new MoU builds on the 2018 Agreement on Cooperation in Science and Technology.", ["signed"]),
        ("Le programme s'appuie sur l'Accord de coopération scientifique de 2010.", ["signed"]),
        ("Dự án dựa trên Hiệp định hợp tác khoa học và công nghệ ký năm 2010.", ["signed"]),
        # the headline's titled mention and the body's bare noun are one agreement; two titles stay two
        (
            "Hai tỉnh ký biên bản ghi nhớ hợp tác KH&CN\n\nSáng 8/5, hai sở đã ký Biên bản ghi nhớ (MoU) về hợp tác.",
            ["signed"],
        ),
        ("The two sides signed an MoU on water. They also signed an MoU on health.", ["signed", "signed"]),
    ],
)
def test_round5_heldout_agreement_kinds(text: str, statuses: list[str]) -> None:
    assert _statuses(text) == statuses


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The XI Session of the India–Mexico Joint Committee on Science took place in New Delhi.", 11),
        ("The IV Meeting of the Peru-Chile Joint Commission was held in Lima.", 4),
        ("The VII Joint Committee between Peru and Chile met in Lima.", 7),
        ("La VIIIe session de la Commission mixte s'est tenue à Tunis.", 8),
    ],
)
def test_english_roman_numerals_before_a_capitalised_meeting_noun(text: str, number: int) -> None:
    from sticoop.ingest.extract.sessions import find_committee

    committee = find_committee(text)
    assert committee is not None and committee.session_number == number


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("A delegation visited the Ministry of Science and Technology of Vietnam on Tuesday.", "en",
         ["Ministry of Science and Technology of Vietnam"]),
        ("The Kenya Space Agency on Friday opened a training course.", "en", ["Kenya Space Agency"]),
    ],
)
def test_a_weekday_ends_an_organisation_name(text: str, lang: str, expected: list[str]) -> None:
    from sticoop.ingest.extract import extract

    assert [o.name.value for o in extract(text, language=lang).organizations] == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La formation porte sur la gestion des sources radioactives retirées du service.", "fr"),
        ("The course covers the management of disused radioactive sources.", "en"),
    ],
)
def test_radioactive_sources_are_nuclear(text: str, lang: str) -> None:
    from sticoop.ingest.extract.fields import find_fields

    assert "nuclear" in [f.value for f in find_fields(text)]
