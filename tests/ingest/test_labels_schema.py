"""The labels schema (issue 11 part 2): one typed model for what extraction proposes, what `eval` scores and what
the intake API and accept take; a value of the wrong shape is refused naming its field, over HTTP with a 422."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sticoop.ingest.extract import extract
from sticoop.ingest.labels import Labels, LabelsError, parse_labels

GOOD: dict[str, Any] = {
    "event_type": "committee_session",
    "event_date": "2024-05-28/2024-05-29",
    "countries": ["LAO", "VNM"],
    "location_country": "LAO",
    "committee": {"name": "Joint Committee", "session_number": 3, "previous_session": {"number": 2, "year": 2022}},
    "organizations": ["Ministry of Science and Technology"],
    "people": [{"name": "Ana Rojas", "role": "Minister", "country": "PER"}],
    "fields": ["ai", "education_training"],
    "programmes": [],
    "agreements": [{"title": "MoU on AI", "status": "signed", "date": "2024-05"}],
    "commitments": ["hold the next session in 2025"],
}


def test_good_labels_parse() -> None:
    parsed = parse_labels(GOOD)
    assert isinstance(parsed, Labels) and parsed.committee is not None and parsed.committee.session_number == 3


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"event_date": "28/05/2024"}, "event_date"),
        ({"event_date": "2024-05-29/2024-05-28"}, "event_date"),
        ({"event_type": "party"}, "event_type"),
        ({"countries": ["Laos"]}, "countries"),
        ({"location_country": "lao"}, "location_country"),
        ({"fields": ["cooking"]}, "fields"),
        ({"committee": {"name": "JC", "session_number": 0}}, "committee.session_number"),
        ({"committee": {"name": "JC", "session": 3}}, "committee.session"),
        ({"people": [{"name": "Ana Rojas", "country": "Peru"}]}, "people.0.country"),
        ({"agreements": [{"title": "MoU", "status": "hoped"}]}, "agreements.0.status"),
        ({"agreements": [{"title": "MoU", "status": "signed", "date": "May 2024"}]}, "agreements.0.date"),
        ({"organizations": "Ministry"}, "organizations"),
    ],
)
def test_wrong_shapes_are_refused_naming_the_field(change: dict[str, Any], field: str) -> None:
    with pytest.raises(LabelsError) as caught:
        parse_labels({**GOOD, **change})
    assert str(caught.value).startswith(field + ":")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("HANOI, March 3, 2024 (VNA) – The 4th session of the Vietnam-Laos Joint Committee opened on March 2.", "en"),
        ("La 12e session de la commission mixte tuniso-française s'est tenue le 4 mai 2023 à Tunis.", "fr"),
        ("Ngày 10/9/2024, hai bên đã ký thỏa thuận hợp tác về trí tuệ nhân tạo.", "vi"),
    ],
)
def test_every_extraction_fits_the_schema(text: str, lang: str) -> None:
    result = extract(text, published=date(2024, 9, 12), language=lang)
    assert isinstance(result.labels(), Labels)
    assert parse_labels(result.to_labels()).model_dump(exclude_unset=True) == result.to_labels()


def test_accept_refuses_labels_of_the_wrong_shape_with_a_422(client: TestClient) -> None:
    text = "Hanoi, 3 March 2024 – The 4th session of the Vietnam-Laos Joint Committee on science opened on Monday."
    intake = client.post("/api/v1/intakes", files={"file": ("vn-lao.txt", text.encode(), "text/plain")}).json()
    for labels, field in [({**GOOD, "countries": ["Laos"]}, "countries"),
                          ({**GOOD, "people": [{"name": "X Y", "country": "Peru"}]}, "people")]:
        r = client.post(f"/api/v1/intakes/{intake['id']}/accept", json={"version": intake["version"], "labels": labels})
        assert r.status_code == 422, r.text
        assert field in str(r.json()["detail"])
    assert client.get(f"/api/v1/intakes/{intake['id']}").json()["status"] == "draft"
    ok = client.post(f"/api/v1/intakes/{intake['id']}/accept", json={"version": intake["version"], "labels": GOOD})
    assert ok.status_code == 200, ok.text
    assert ok.json()["labels"]["committee"]["session_number"] == 3
