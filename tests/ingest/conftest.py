from __future__ import annotations

from pathlib import Path

import pytest
from tests.shared_corpus import shared_corpus

OWN_CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    return shared_corpus()


@pytest.fixture(scope="session")
def own_corpus() -> Path:
    return OWN_CORPUS
