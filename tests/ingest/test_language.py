from __future__ import annotations

import pytest

from sticoop.ingest.language import detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The two sides agreed to hold a joint workshop on marine biotechnology next year.", "en"),
        ("Les deux parties sont convenues de lancer un appel à projets conjoint en 2025.", "fr"),
        ("Hai bên nhất trí ký Kế hoạch hành động giai đoạn 2024-2026 tại Hà Nội.", "vi"),
    ],
)
def test_supported_languages(text: str, code: str) -> None:
    result = detect_language(text)
    assert result.code == code
    assert result.supported


def test_lao_by_unicode_block_is_not_supported() -> None:
    result = detect_language("ກະຊວງເຕັກໂນໂລຊີ ແລະ ການສື່ສານ ລາວ ແລະ ຫວຽດນາມ ໄດ້ຈັດກອງປະຊຸມ")
    assert result.code == "lo"
    assert not result.supported


def test_other_language_is_recognised_as_unsupported() -> None:
    result = detect_language(
        "Die beiden Seiten vereinbarten, im nächsten Jahr ein gemeinsames Seminar abzuhalten."
    )
    assert result.code == "de"
    assert not result.supported


def test_no_letters() -> None:
    assert detect_language("12345 !!!").code is None
