"""The reporting organisation every IATI test exports as (settings read from the environment)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sticoop.core.config import get_settings

REF = "XM-DAC-99999"


@pytest.fixture(autouse=True)
def reporting_org(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("STICOOP_IATI_REPORTING_ORG_REF", REF)
    monkeypatch.setenv("STICOOP_IATI_REPORTING_ORG_NAME", "Test Ministry of Science")
    get_settings.cache_clear()
    yield REF
    monkeypatch.undo()
    get_settings.cache_clear()
