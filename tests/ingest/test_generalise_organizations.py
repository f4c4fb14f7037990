"""Organisation names end where the name ends (issue 11 part 2): at a line break, and in Vietnamese at aspect
markers, demonstratives and common verbs/nouns ("đang", "giai đoạn", "phê duyệt"). Our own short texts."""

from __future__ import annotations

import pytest

from sticoop.ingest.extract.organizations import find_organizations


def _names(text: str, lang: str) -> list[str]:
    return [o.name.value for o in find_organizations(text, lang, None)]


def test_a_name_never_runs_over_a_line_break() -> None:
    text = ("Call for Proposals under Peru - Chile Bilateral Cooperation\n\nOrganisation: Ministry of Science\n\n"
            "The Ministry of Science of Peru and the\nNational Research Council of Chile agreed.")
    names = _names(text, "en")
    assert not any("\n" in n for n in names)
    assert "National Research Council of Chile" in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bộ KH&CN đang xây dựng đề án hội nhập quốc tế.", "Bộ KH&CN"),
        ("Hai bên hợp tác với Viện Khoa học Quốc gia Lào giai đoạn 2014 - 2016.", "Viện Khoa học Quốc gia Lào"),
        ("Hội đồng Quản lý Quỹ phê duyệt danh mục đề tài.", "Hội đồng Quản lý Quỹ"),
        ("Viện Vật lý cũng tham gia dự án.", "Viện Vật lý"),
    ],
)
def test_vietnamese_names_end_before_function_words_and_verbs(text: str, name: str) -> None:
    assert name in _names(text, "vi")
