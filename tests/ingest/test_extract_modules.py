"""Each extractor module on short texts written for the case (not taken from the corpus)."""

from __future__ import annotations

from datetime import date

import pytest

from sticoop.ingest.extract import Gazetteer, KnownOrganization, extract
from sticoop.ingest.extract.agreements import find_agreements
from sticoop.ingest.extract.countries import find_mentions, find_parties
from sticoop.ingest.extract.dates import extract_event_date
from sticoop.ingest.extract.fields import find_fields
from sticoop.ingest.extract.organizations import find_organizations
from sticoop.ingest.extract.sessions import find_committee


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a Belgian delegation", "BEL"),
        ("the Lao side", "LAO"),
        ("đoàn công tác của Bỉ", "BEL"),
        ("hợp tác với Lào", "LAO"),
        ("la Belgique et", "BEL"),
        ("la délégation tunisienne", "TUN"),
        ("commission mixte ivoiro-sénégalaise", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("experts from the Czech Republic", "CZE"),
        ("Cộng hòa Séc", "CZE"),
    ],
)
def test_country_forms(text: str, code: str) -> None:
    assert code in {m.code for m in find_mentions(text)}


def test_parties_exclude_passing_mentions() -> None:
    text = (
        "HANOI, May 2 – Vietnam and Kenya on Tuesday agreed to set up a joint laboratory on rice breeding. "
        "The Kenyan delegation was received by Vietnamese officials.\n\n"
        "Kenya has similar arrangements with Japan and Brazil."
    )
    parties = sorted(v.value for v in find_parties(text).parties)
    assert parties == ["KEN", "VNM"]


def test_lowercase_common_words_are_not_countries() -> None:
    assert not find_mentions("we had turkey for dinner and a chad of paper")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("X – The delegation visited Belgium from July 26 to 30.", date(2023, 8, 1), "2023-07-26/2023-07-30"),
        ("X – Les travaux se sont tenus du 26 au 30 juillet.", date(2023, 8, 1), "2023-07-26/2023-07-30"),
        ("X – Đoàn làm việc từ ngày 26 đến 30/7.", date(2023, 8, 1), "2023-07-26/2023-07-30"),
        ("X – The meeting took place on Tuesday May 28 in Vientiane.", date(2024, 5, 29), "2024-05-28"),
        ("X – La réunion s'est tenue le 28 mai 2024.", date(2024, 6, 3), "2024-05-28"),
        ("X – Lễ ký diễn ra ngày 28/5/2024.", date(2024, 6, 3), "2024-05-28"),
        ("X – Hội nghị diễn ra ngày 28 tháng 5 năm 2024.", date(2024, 6, 3), "2024-05-28"),
        ("X – The ministers met on Monday.", date(2024, 6, 5), "2024-06-03"),  # Wednesday -> last Monday
        ("X – They met in Seoul on September 10-11.", date(2024, 9, 12), "2024-09-10/2024-09-11"),
        (
            "X – A year-end report in January on a meeting held on December 30.",
            date(2025, 1, 4),
            "2024-12-30",
        ),
    ],
)
def test_event_dates(text: str, published: date, expected: str) -> None:
    value = extract_event_date(text, published)
    assert value is not None and value.value == expected


def test_dateline_date_is_not_the_event_date() -> None:
    text = "CANBERRA, 8 March 2024 (wire) – The visit ran from 4 to 7 March."
    assert extract_event_date(text, date(2024, 3, 8)).value == "2024-03-04/2024-03-07"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("X – The 6th meeting of the Belgium-Vietnam Joint Committee on Science was held.", 6),
        ("X – The first session of the Vietnam - Laos Cooperation Committee took place.", 1),
        ("X – La sixième session de la Commission mixte franco-vietnamienne s'est ouverte.", 6),
        ("X – Phiên họp lần thứ nhất Ủy ban hợp tác Việt Nam – Lào đã diễn ra.", 1),
        ("X – Kỳ họp thứ 5 Tiểu ban hợp tác khoa học Việt Nam – Séc đã diễn ra.", 5),
    ],
)
def test_session_ordinals(text: str, number: int) -> None:
    committee = find_committee(text)
    assert committee is not None and committee.session_number == number


def test_previous_and_next_sessions() -> None:
    text = (
        "X – The delegation attended the 6th meeting of the Joint Committee for Research, following the fifth "
        "held in 2016. The sides agreed to hold the seventh session in Hanoi."
    )
    committee = find_committee(text)
    assert committee.session_number == 6
    assert (committee.previous_number, committee.previous_year) == (5, 2016)


def test_a_first_fair_is_no_committee_session() -> None:
    assert find_committee("X – The first Technology Matchmaking Fair opened in Phnom Penh.") is None


def test_organizations_with_acronyms_and_back_references() -> None:
    text = (
        "X – The Belgian Science Policy Office (BELSPO) and Egypt's Ministry of Higher Education and Scientific "
        "Research (MHESR) met. BELSPO presented its programmes."
    )
    names = [o.name.value for o in find_organizations(text, "en")]
    assert names == [
        "Belgian Science Policy Office (BELSPO)",
        "Ministry of Higher Education and Scientific Research (MHESR)",
    ]


def test_french_and_vietnamese_organizations() -> None:
    fr = (
        "X – L'Institut sénégalais de recherches agricoles (ISRA) et le ministère de l'Agriculture ont signé."
    )
    names = [o.name.value for o in find_organizations(fr, "fr")]
    assert "Institut sénégalais de recherches agricoles (ISRA)" in names
    vi = "X – Bộ Khoa học và Công nghệ phối hợp với Viện Hàn lâm Khoa học Mông Cổ tổ chức hội thảo."
    names = [o.name.value for o in find_organizations(vi, "vi")]
    assert names == ["Bộ Khoa học và Công nghệ", "Viện Hàn lâm Khoa học Mông Cổ"]


def test_gazetteer_resolves_acronyms() -> None:
    gaz = Gazetteer([KnownOrganization("Belgian Science Policy Office", "BELSPO", country="BEL")])
    text = "X – Officials of BELSPO and Vietnamese experts discussed the Horizon Europe programme."
    orgs = find_organizations(text, "en", gazetteer=gaz)
    assert [o.name.value for o in orgs] == ["Belgian Science Policy Office"]
    assert orgs[0].known and orgs[0].country == "BEL"


def test_people_with_titles_roles_and_vietnamese_names() -> None:
    text = (
        "HANOI, May 2 – Vietnamese Minister of Science and Technology Huynh Thanh Dat received Dr. Amal Farouk "
        "Mansour, Assistant Minister for International Cooperation of Egypt. Dr. Mansour said the two sides "
        "would cooperate."
    )
    result = extract(text, date(2024, 5, 2), "en")
    people = {p.name.value: p for p in result.people}
    assert set(people) == {"Huynh Thanh Dat", "Amal Farouk Mansour"}
    assert people["Amal Farouk Mansour"].country == "EGY"


def test_fields_keywords_in_three_languages() -> None:
    assert {v.value for v in find_fields("cooperation in artificial intelligence and desalination")} == {
        "ai",
        "water_resources",
    }
    assert {v.value for v in find_fields("l'intelligence artificielle et la télédétection")} == {
        "ai",
        "remote_sensing",
    }
    assert {v.value for v in find_fields("trí tuệ nhân tạo, viễn thám và công nghệ sinh học")} == {
        "ai",
        "remote_sensing",
        "biotechnology",
    }


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        ("The two sides signed a memorandum of understanding on AI.", ["signed"]),
        ("Vietnam hopes to sign cooperation agreements with Luxembourg soon.", ["planned"]),
        ("They renewed their bilateral agreement for five years.", ["renewed"]),
        ("Les deux parties ont discuté d'un protocole d'entente.", ["discussed"]),
        ("Hai bên đã ký Biên bản kỳ họp.", ["signed"]),
        ("Hai bên nhất trí ký Kế hoạch hành động giai đoạn 2024-2026.", ["planned"]),
        ("Brazil signed a broadly similar arrangement with Sweden.", []),
        ("They signed an MoU. The MoU was signed in Espoo.", ["signed"]),
    ],
)
def test_agreement_status(text: str, statuses: list[str]) -> None:
    assert [a.status for a in find_agreements(text)] == statuses


def test_every_value_has_evidence_inside_the_text(dev_corpus) -> None:
    import json

    doc = json.loads((dev_corpus / "001.json").read_text(encoding="utf-8"))
    result = extract(doc["text"], None, "en")
    labels = result.to_labels()
    assert labels["evidence"]["countries"]
    for items in labels["evidence"].values():
        for ev in items:
            assert 0 <= ev["start"] <= ev["end"] <= len(doc["text"])
            assert 0 < ev["confidence"] <= 1
    assert set(labels) >= {
        "event_type",
        "event_date",
        "countries",
        "location_country",
        "committee",
        "organizations",
        "people",
        "fields",
        "programmes",
        "agreements",
        "commitments",
    }


def test_missing_spacy_model_degrades_to_rules(monkeypatch: pytest.MonkeyPatch, caplog) -> None:
    from sticoop.ingest.extract import nlp

    nlp.load.cache_clear()
    monkeypatch.setitem(nlp.MODELS, "en", "no_such_model_xyz")
    try:
        result = extract("X – Dr. Jane Doe of the Australian Space Agency visited Vietnam.", None, "en")
        assert [p.name.value for p in result.people] == ["Jane Doe"]
        assert "unavailable" in caplog.text
    finally:
        nlp.load.cache_clear()


def test_empty_text() -> None:
    labels = extract("", None, "en").to_labels(with_evidence=False)
    assert labels["countries"] == [] and labels["event_date"] is None
