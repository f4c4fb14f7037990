from __future__ import annotations

from pathlib import Path

import pytest

DEV_CORPUS = Path(__file__).parents[2].parent / "shared/corpus/dev"
OWN_CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    if not DEV_CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {DEV_CORPUS}")
    return DEV_CORPUS


@pytest.fixture(scope="session")
def own_corpus() -> Path:
    return OWN_CORPUS
