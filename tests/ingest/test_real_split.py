"""The tuning / held-out split of ../shared/corpus/real (issue 11 part 2) is the committed one and follows its rule:
stratified by language, every third file held out. Skips, with the shared-corpus line, without ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.ingest.realsplit.make_split import split
from tests.shared_corpus import SHARED_CORPUS

REAL = SHARED_CORPUS.parent / "real"
SPLIT = Path(__file__).parent / "realsplit" / "real_split.json"


def test_committed_split_is_the_rules_split() -> None:
    if not REAL.is_dir():
        pytest.skip(f"needs the shared corpus at {REAL}, which is not beside this clone")
    committed = json.loads(SPLIT.read_text(encoding="utf-8"))
    recomputed = split(REAL)
    assert committed["tuning"] == recomputed["tuning"] and committed["heldout"] == recomputed["heldout"]
    languages = {f.name: json.loads(f.read_text(encoding="utf-8"))["language"] for f in REAL.glob("*.json")}
    held = [languages[n] for n in committed["heldout"]]
    assert {lang: held.count(lang) for lang in set(held)} == {"en": 6, "fr": 6, "vi": 6}
    assert not set(committed["tuning"]) & set(committed["heldout"])
