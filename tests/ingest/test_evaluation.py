"""The scorer on hand-made cases whose answers are worked out by hand."""

from __future__ import annotations

import pytest

from sticoop.ingest.evaluation import evaluate, names_match, normalize_name, score_article


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
