"""People's roles and countries, on sentences written for these tests: a title before the name keeps its
inner 'and' ("Minister of Mining and Energy"), a clause before it is cut off, a role after the name runs to
the speech verb, a person introduced by 'and' takes no title from the person before, and a country comes
from the role ("India's", "Kenyan") or, failing that, from the organisation the role names."""

from __future__ import annotations

from datetime import date

import pytest

from sticoop.ingest.evaluation import TEXT_OVERLAP, text_overlap
from sticoop.ingest.extract import extract


def _people(text: str, lang: str) -> dict[str, tuple[str | None, str | None]]:
    result = extract(text, date(2024, 6, 3), lang)
    return {p.name.value: (p.role, p.country) for p in result.people}


def _close(found: str | None, expected: str) -> bool:
    return found is not None and text_overlap(found, expected) >= TEXT_OVERLAP


def test_titles_before_names_keep_their_inner_and() -> None:
    text = ("NAIROBI – Kenya and Japan signed a research agreement on geothermal energy on Monday.\n\n"
            "At the ceremony, Kenyan Minister of Mining and Energy Jane Wambui Otieno and Japanese Vice-Minister "
            "of Education and Research Hiroshi Sato welcomed the first joint projects.")
    people = _people(text, "en")
    role, country = people["Jane Wambui Otieno"]
    assert role == "Kenyan Minister of Mining and Energy" and country == "KEN"
    role, country = people["Hiroshi Sato"]
    assert role == "Japanese Vice-Minister of Education and Research" and country == "JPN"


def test_possessive_country_in_a_role() -> None:
    text = ("HANOI – Viet Nam and India will widen space cooperation.\n\nThe delegation, led by India's Minister "
            "of State for Earth Sciences Dr. Arjun Mehta Rao, visited the Space Centre on Monday.")
    role, country = _people(text, "en")["Arjun Mehta Rao"]
    assert _close(role, "Minister of State for Earth Sciences") and country == "IND"


@pytest.mark.parametrize(
    ("text", "lang", "name", "expected_role"),
    [
        ("DAKAR – Le Sénégal et la Belgique lancent un appel conjoint.\n\nLa délégation était conduite par "
         "Mme Awa Ndiaye Sarr, directrice de la Recherche au ministère de l'Enseignement supérieur (MESR), qui a "
         "présenté le calendrier.", "fr", "Awa Ndiaye Sarr", "directrice de la Recherche au ministère de "
         "l'Enseignement supérieur"),
        ("HÀ NỘI – Việt Nam và Đan Mạch nhất trí mở rộng hợp tác.\n\nĐồng chủ trì phiên họp có Thứ trưởng Bộ "
         "Công Thương (Bộ CT) Nguyễn Minh Tâm và ông Lars Jensen, Giám đốc Quỹ Đổi mới Đan Mạch cho biết hai "
         "bên sẽ tài trợ 5 dự án.", "vi", "Nguyễn Minh Tâm", "Thứ trưởng Bộ Công Thương"),
        ("HÀ NỘI – Việt Nam và Đan Mạch nhất trí mở rộng hợp tác.\n\nĐồng chủ trì phiên họp có Thứ trưởng Bộ "
         "Công Thương (Bộ CT) Nguyễn Minh Tâm và ông Lars Jensen, Giám đốc Quỹ Đổi mới Đan Mạch cho biết hai "
         "bên sẽ tài trợ 5 dự án.", "vi", "Lars Jensen", "Giám đốc Quỹ Đổi mới Đan Mạch"),
    ],
)
def test_roles_before_and_after_names(text: str, lang: str, name: str, expected_role: str) -> None:
    role, _country = _people(text, lang)[name]
    assert _close(role, expected_role), role
    assert "Nguyễn Minh Tâm" not in (role or "")  # no title borrowed from the person before 'và'


def test_country_from_the_organisation_a_role_names() -> None:
    text = ("ACCRA – Ghana and Canada opened a joint laboratory for crop genomics on Tuesday.\n\n"
            "The Council for Scientific and Industrial Research (CSIR) of Ghana hosts the laboratory. "
            "Standing beside the Canadian officials, CSIR Director General Prof. Kwame Asante Boateng said the "
            "first trials would start in September.")
    role, country = _people(text, "en")["Kwame Asante Boateng"]
    assert _close(role, "CSIR Director General") and country == "GHA"
