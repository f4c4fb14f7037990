"""Fixtures of the briefing tests (the data: ``helpers.build_partnership``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.briefing.helpers import build_partnership


@pytest.fixture
def world(client: TestClient, db_url: str) -> dict[str, Any]:
    return build_partnership(client, db_url)


@pytest.fixture
def reader(client_as: Callable[..., TestClient], world: dict[str, Any]) -> Callable[[str], TestClient]:
    """A client of the given role assigned to the partnership."""
    return lambda role: client_as(role, partnership_ids=[world["partnership"]["id"]])
