"""Commitments, one per agreed action, on sentences written for these tests: lists joined by 'to', 'and
that', French infinitives after 'de/d'', Vietnamese action verbs after commas, 'và' and 'đồng thời'; a
subordinate tail ('in order to ...') is dropped and 'd'ici' (by) does not start a new action."""

from __future__ import annotations

import pytest

from sticoop.ingest.extract.events import commitments


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two agencies agreed to build a shared seed bank in Bogor, to train twenty technicians a year and "
         "to publish joint field data, in order to speed up breeding.",
         ["build a shared seed bank in Bogor", "train twenty technicians a year", "publish joint field data"]),
        ("They also agreed that the ministries will hold a review every spring, and that a joint fund will be "
         "set up by 2026.",
         ["the ministries will hold a review every spring", "a joint fund will be set up by 2026"]),
        ("Le comité a convenu de créer une école d'été à Lomé, d'ouvrir deux laboratoires mixtes et "
         "d'organiser à Kara, d'ici la fin de l'année, un atelier sur les semences.",
         ["créer une école d'été à Lomé", "ouvrir deux laboratoires mixtes",
          "organiser à Kara, d'ici la fin de l'année, un atelier sur les semences"]),
        ("Hai bên nhất trí cử 12 kỹ sư sang Đà Lạt, mỗi năm trao đổi 5 nghiên cứu sinh, đồng thời xây dựng "
         "phòng thí nghiệm chung và tổ chức hội thảo khoa học tại Huế năm 2025.",
         ["cử 12 kỹ sư sang Đà Lạt", "mỗi năm trao đổi 5 nghiên cứu sinh", "xây dựng phòng thí nghiệm chung",
          "tổ chức hội thảo khoa học tại Huế năm 2025"]),
    ],
)
def test_one_commitment_per_agreed_action(text: str, expected: list[str]) -> None:
    found = [v.value for v in commitments(text)]
    assert found == expected
    for value in commitments(text):  # evidence points at the wording in the text
        assert text[value.evidence.start : value.evidence.end] == value.value
