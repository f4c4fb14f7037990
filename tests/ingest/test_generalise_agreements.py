"""Agreements and their status (issue 11 part 2): capitalised titles, agreements in force the cooperation rests
on, renewals and extensions, plans, and one item per agreement however often it is named. Our own sentences."""

from __future__ import annotations

import pytest
from tests.ingest.agreement_cases import statuses_in_order_of


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        ("The committee meets under the Agreement between Peru and Chile on Science and Technology.", ["signed"]),
        ("They moved forward the vision of the Peru-Chile Agreement on Scientific Cooperation.", ["signed"]),
        ("Funding follows the rules set out in the framework agreement with the research council.", ["signed"]),
        ("Créé en vertu d'un accord entre le ministère et l'Académie, le centre a trente ans.", ["signed"]),
        ("Le centre travaille dans le cadre de l'Accord régional de coopération pour l'Afrique.", ["signed"]),
        ("Các dự án được triển khai trong khuôn khổ Hiệp định Hợp tác toàn diện giữa hai nước.", ["signed"]),
        ("Hai bên đã nhất trí kéo dài thỏa thuận hợp tác thêm 5 năm.", ["renewed"]),
        ("Les deux parties ont prolongé l'accord de coopération de trois ans.", ["renewed"]),
        ("The two ministers signed a MoU on marine science in Lima.", ["signed"]),
        ("The two sides hope to sign a memorandum of understanding on health next year.", ["planned"]),
        ("Under the arrangement, students will spend a year in Lima.", []),
        ("The programme runs under the Cooperation Programme of the two ministries.", []),
        ("The 2023 Canada-Korea Science and Technology Cooperation Agreement was signed in Ottawa.", ["signed"]),
    ],
)
def test_agreement_status(text: str, statuses: list[str]) -> None:
    assert statuses_in_order_of(text) == statuses


def test_one_item_per_agreement_named_twice() -> None:
    text = (
        "Scientists sign agreements at the Tashkent fair.\n\n"
        "The delegation signed agreements and memorandums at the Tashkent fair on Monday."
    )
    assert statuses_in_order_of(text) == ["signed"]


def test_two_agreements_on_different_subjects_stay_two() -> None:
    text = "The ministers signed a MoU on health research. They also signed a MoU on energy storage."
    assert statuses_in_order_of(text) == ["signed", "signed"]
