"""Cooperation fields (issue 11 part 2): keywords match whole words or a stem with an inflection, never inside
another word; policy/management, education/training and the conventions' mappings are covered in en/fr/vi; a
keyword inside a phrase naming another field does not count. Our own short sentences."""

from __future__ import annotations

import pytest

from sticoop.ingest.extract.fields import find_fields


def _fields(text: str) -> set[str]:
    return {v.value for v in find_fields(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The photo was cropped before it was printed.",
        "The delegation stayed at the Cottonwood Hotel.",
        "The seedy bar near the venue was closed.",
        "Le ministre a visité la salle de presse.",
    ],
)
def test_keywords_do_not_fire_inside_other_words(text: str) -> None:
    assert "agriculture" not in _fields(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Both sides stressed agricultural research.", "agriculture"),
        ("Les recherches agronomiques ont été présentées.", "agriculture"),
        ("The agencies cooperate on hydrological models.", "water_resources"),
        ("They discussed science policy and research management.", "policy_management"),
        ("Les deux ministères échangent sur la gouvernance de la recherche.", "policy_management"),
        ("Hai bên trao đổi kinh nghiệm hoạch định chính sách khoa học.", "policy_management"),
        ("The programme funds capacity building and researcher mobility.", "education_training"),
        ("L'accord couvre l'enseignement supérieur et la mobilité des chercheurs.", "education_training"),
        ("Hai bên sẽ tổ chức tập huấn cho cán bộ.", "education_training"),
        ("Les PME et les start-up du secteur ont exposé.", "innovation_startups"),
        ("They will work on the valorisation of research results.", "technology_transfer"),
        ("Hai viện hợp tác nghiên cứu vũ trụ.", "space"),
        ("La radioprotection des patients a été au programme.", "nuclear"),
    ],
)
def test_field_vocabulary(text: str, key: str) -> None:
    assert key in _fields(text)


@pytest.mark.parametrize(
    "text",
    [
        "The International Atomic Energy body trains staff in atomic energy law.",
        "Khóa đào tạo về quản lý năng lượng nguyên tử đã kết thúc.",
        "La formation porte sur l'énergie atomique.",
    ],
)
def test_a_keyword_inside_another_fields_phrase_does_not_count(text: str) -> None:
    assert "energy" not in _fields(text)
