"""The demo records, for the list tests that walk every list or export."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from sticoop.core.database import session_scope
from sticoop.demo.data import load_demo


@pytest.fixture
def demo(client: TestClient, db_url: str) -> Iterator[TestClient]:
    with session_scope(db_url) as db:
        load_demo(db)
    yield client
