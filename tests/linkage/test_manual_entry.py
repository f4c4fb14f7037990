"""Manual entry's duplicate notice uses the same linkage rules as ingest: for every service that declares
linkage keys, a record typed under another spelling answers 409 naming the existing one and the reason,
and ``allow_duplicate`` still saves it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sticoop.linkage.index import linked_services
from sticoop.linkage.rank import KEYS_OF, R_NEUTRAL, R_SOUNDS, R_WORD_ORDER


def _committee(client: TestClient) -> tuple[str, dict[str, Any], dict[str, Any], str]:
    pid = client.post("/api/v1/partnerships", json={"name": "France–Vietnam",
                                                    "country_codes": ["FRA", "VNM"]}).json()["id"]
    return ("committees", {"partnership_id": pid, "name": "France-Vietnam Joint Committee on Science"},
            {"partnership_id": pid, "name": "Ủy ban hỗn hợp Pháp - Việt Nam về khoa học"}, R_NEUTRAL)


CASES: dict[str, Callable[[TestClient], tuple[str, dict[str, Any], dict[str, Any], str]]] = {
    "organization": lambda c: ("organizations", {"name": "Ghent University", "country_code": "BEL"},
                               {"name": "Université de Gand", "country_code": "BEL"}, R_SOUNDS),
    "person": lambda c: ("people", {"name": "Trần Văn Minh", "country_code": "VNM"},
                         {"name": "Minh Tran Van", "country_code": "VNM"}, R_WORD_ORDER),
    "committee": _committee,
}


def test_every_linked_service_has_a_case() -> None:
    assert {s.entity for s in linked_services()} == set(CASES) == set(KEYS_OF)


@pytest.mark.parametrize("entity", sorted(CASES))
def test_other_spelling_is_a_probable_duplicate(client: TestClient, entity: str) -> None:
    path, existing, typed, reason = CASES[entity](client)
    first = client.post(f"/api/v1/{path}", json=existing)
    assert first.status_code == 201, first.text
    again = client.post(f"/api/v1/{path}", json=typed)
    assert again.status_code == 409, again.text
    assert again.json()["duplicates"][0] == {"id": first.json()["id"], "name": existing["name"], "why": reason}
    anyway = client.post(f"/api/v1/{path}", json={**typed, "allow_duplicate": True})
    assert anyway.status_code == 201, anyway.text
