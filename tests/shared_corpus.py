"""The shared corpus of labelled press reports (``../shared/corpus/dev`` beside the clone), for the tests that
need real articles. A clone without it still passes ``make test``: those tests skip, each with the same line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

SHARED_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"
MISSING = f"needs the shared corpus at {SHARED_CORPUS}, which is not beside this clone"

#: for modules or tests that need the corpus as a whole: ``pytestmark = needs_shared_corpus``
needs_shared_corpus = pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason=MISSING)


def shared_corpus() -> Path:
    """The corpus folder; skips the calling test when it is absent."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip(MISSING)
    return SHARED_CORPUS


def shared_article(name: str) -> dict[str, Any]:
    """One labelled article (``"002"`` or ``"002.json"``) as its JSON object; skips when the corpus is absent."""
    filename = name if name.endswith(".json") else f"{name}.json"
    data: dict[str, Any] = json.loads((shared_corpus() / filename).read_text(encoding="utf-8"))
    return data
