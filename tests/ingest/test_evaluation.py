"""The scorer on hand-made cases whose answers are worked out by hand."""

from __future__ import annotations

import pytest

from sticoop.ingest.evaluation import (
    EXTRA_KINDS,
    TEXT_OVERLAP,
    evaluate,
    names_match,
    normalize_name,
    score_article,
    text_overlap,
)


def test_normalize_name_drops_accents_case_punctuation_parentheses_and_small_words() -> None:
    assert normalize_name("Ministère de l'Éducation (MEXT)") == "ministere education"
    assert normalize_name("Bộ Khoa học và Công nghệ") == "bo khoa hoc cong nghe"
    assert normalize_name("The Ministry of Economy") == "ministry economy"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Belgian Science Policy Office (BELSPO)", "BELSPO", True),  # acronym in parentheses
        (
            "Belgian Science Policy Office (BELSPO)",
            "Belgian Science Policy Office",
            True,
        ),  # parentheses removed
        (
            "Ministry of Agriculture and Livestock",
            "Paraguay's Ministry of Agriculture and Livestock",
            True,
        ),  # containment
        ("Huynh Thanh Dat", "Huỳnh Thành Đạt", True),  # diacritics
        ("Institut Pasteur de Dakar", "Institut Pasteur de Dakkar", True),  # difflib >= 0.85
        ("DST", "Department of Science and Technology", False),  # no parentheses: no acronym rule
        ("Mila", "Milan", True),  # difflib ratio 2*4/9 = 0.89 >= 0.85
        ("Cradle Fund", "Cradle", False),  # 'cradle' is not longer than 8 characters: no containment
    ],
)
def test_names_match(a: str, b: str, expected: bool) -> None:
    assert names_match(a, b) is expected


def test_score_article_counts_each_kind() -> None:
    gold = {
        "countries": ["BEL", "VNM"],
        "fields": ["ai", "energy", "agriculture"],
        "organizations": ["Belgian Science Policy Office (BELSPO)", "Ministry of Economy"],
        "people": [{"name": "Ly Hoang Tung"}],
        "event_date": "2023-07-26/2023-07-30",
        "committee": {"name": "X", "session_number": 6},
        "agreements": [{"status": "planned"}, {"status": "signed"}],
    }
    pred = {
        "countries": ["BEL", "VNM", "LUX"],  # 2 tp, 1 fp
        "fields": ["ai", "ict"],  # 1 tp, 1 fp, 2 fn
        "organizations": ["BELSPO", "BELSPO"],  # matched at most once: 1 tp, 1 fp, 1 fn
        "people": [{"name": "Ly Hoang Tung"}],  # 1 tp
        "event_date": "2023-07-26",  # not the whole range: 1 fp 1 fn
        "committee": {"name": "Y", "session_number": 6},  # 1 tp
        "agreements": [{"status": "planned"}, {"status": "planned"}],  # multiset: 1 tp, 1 fp, 1 fn
    }
    c = score_article(gold, pred)
    assert (c["countries"].tp, c["countries"].fp, c["countries"].fn) == (2, 1, 0)
    assert (c["fields"].tp, c["fields"].fp, c["fields"].fn) == (1, 1, 2)
    assert (c["organizations"].tp, c["organizations"].fp, c["organizations"].fn) == (1, 1, 1)
    assert (c["people"].tp, c["people"].fp, c["people"].fn) == (1, 0, 0)
    assert (c["event_date"].tp, c["event_date"].fp, c["event_date"].fn) == (0, 1, 1)
    assert (c["session_number"].tp, c["session_number"].fp, c["session_number"].fn) == (1, 0, 0)
    assert (c["agreements"].tp, c["agreements"].fp, c["agreements"].fn) == (1, 1, 1)
    report = evaluate([("a", gold, pred)])
    overall = report.overall
    assert (overall.tp, overall.fp, overall.fn) == (7, 5, 5)
    assert overall.precision == pytest.approx(7 / 12)
    assert overall.recall == pytest.approx(7 / 12)
    assert overall.f1 == pytest.approx(7 / 12)


def test_kind_absent_from_both_is_perfect_and_extra_item_costs_precision() -> None:
    report = evaluate([("a", {"committee": None}, {"committee": None})])
    assert report.per_kind["session_number"].f1 == 1.0
    assert report.overall.f1 == 1.0
    report = evaluate([("b", {"committee": None}, {"committee": {"name": "X", "session_number": 2}})])
    assert report.per_kind["session_number"].precision == 0.0
    assert report.overall.fp == 1


def test_session_null_is_no_item() -> None:
    gold = {"committee": {"name": "X", "session_number": None}}
    pred = {"committee": {"name": "X", "session_number": None}}
    c = score_article(gold, pred)["session_number"]
    assert (c.tp, c.fp, c.fn) == (0, 0, 0)


def test_extra_kinds_are_scored_beside_the_headline_not_inside_it() -> None:
    gold = {
        "countries": ["TUN"],
        "event_type": "committee_session",
        "location_country": "TUN",
        "programmes": ["SATREPS"],
        "people": [
            {"name": "Leïla Ben Salah", "role": "directrice générale de la Recherche scientifique, MESRS",
             "country": "TUN"},
            {"name": "Takashi Ueda", "role": "directeur adjoint, MEXT", "country": "JPN"},
        ],
        "commitments": [
            "soumettre au moins deux nouveaux projets au prochain appel SATREPS",
            "organiser à Sfax d'ici fin 2024 un atelier sur la propriété intellectuelle",
        ],
    }
    pred = {
        "countries": ["TUN"],
        "event_type": "agreement_signing",  # wrong: 1 fp, 1 fn
        "location_country": "TUN",
        "programmes": ["SATREPS", "Horizon Europe"],  # 1 tp, 1 fp
        "people": [
            # role worded differently but mostly the same words: a match; country right
            {"name": "Leila Ben Salah", "role": "Directrice générale de la Recherche scientifique",
             "country": "TUN"},
            # role is another one: fp + fn; country wrong: fp + fn
            {"name": "Takashi Ueda", "role": "ambassadeur", "country": "TUN"},
            # a person who is not in the gold: the role and country are false positives
            {"name": "Jean Dupont", "role": "maire", "country": None},
        ],
        "commitments": [
            "organiser un atelier sur la propriété intellectuelle à Sfax d'ici fin 2024",  # reordered: match
            "renforcer la coopération",  # no overlap: fp
        ],
    }
    report = evaluate([("a", gold, pred)])
    extra = report.extra
    assert (extra["event_type"].tp, extra["event_type"].fp, extra["event_type"].fn) == (0, 1, 1)
    assert (extra["location_country"].tp, extra["location_country"].fp, extra["location_country"].fn) == (1, 0, 0)
    assert (extra["programmes"].tp, extra["programmes"].fp, extra["programmes"].fn) == (1, 1, 0)
    assert (extra["people_roles"].tp, extra["people_roles"].fp, extra["people_roles"].fn) == (1, 2, 1)
    assert (extra["people_countries"].tp, extra["people_countries"].fp, extra["people_countries"].fn) == (1, 1, 1)
    assert (extra["commitments"].tp, extra["commitments"].fp, extra["commitments"].fn) == (1, 1, 1)
    # the headline is still the seven kinds only: countries 1 tp, people 2 tp and 1 fp
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (3, 1, 0)
    assert set(report.as_dict()["extra_kinds"]) == set(EXTRA_KINDS)


def test_extra_kind_missing_from_gold_is_not_scored() -> None:
    """`programmes` is optional in the corpus: an article labelled without it says nothing about them."""
    report = evaluate([("a", {"countries": []}, {"programmes": ["Horizon Europe"], "commitments": ["x y z"]})])
    assert (report.extra["programmes"].tp, report.extra["programmes"].fp) == (0, 0)
    assert report.extra["commitments"].fp == 0


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("tổ chức kỳ họp thứ 6 tại Hà Nội năm 2025", "tổ chức kỳ họp thứ 6 tại Hà Nội vào năm 2025", True),
        ("exchange young researchers every year", "exchange of young researchers", True),
        ("exchange young researchers every year", "build a joint laboratory in Hue", False),
    ],
)
def test_free_text_overlap(a: str, b: str, expected: bool) -> None:
    assert (text_overlap(a, b) >= TEXT_OVERLAP) is expected
