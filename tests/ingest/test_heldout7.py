"""The round-7 set of our own reports (``corpus/heldout7``, issue 11 part 2): held out until scored once (see
``corpus/README.md``), now a regression check. Its labels follow the corpus conventions (typed schema, every
labelled name verbatim in the text) and extraction keeps micro F1 >= 0.85 on it, per language as well."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sticoop.ingest.cli import run_eval
from sticoop.ingest.labels import parse_labels

HELDOUT7 = Path(__file__).parent / "corpus" / "heldout7"
FILES = sorted(HELDOUT7.glob("*.json"))


def test_the_set_has_four_reports_per_language() -> None:
    languages = [json.loads(f.read_text(encoding="utf-8"))["language"] for f in FILES]
    assert sorted(languages) == ["en"] * 6 + ["fr"] * 6 + ["vi"] * 6


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_labels_are_typed_and_names_verbatim(path: Path) -> None:
    article: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    labels = parse_labels(article["labels"])
    names = [*labels.organizations, *(p.name for p in labels.people), *labels.programmes]
    if labels.committee is not None:
        names.append(labels.committee.name)
    assert [n for n in names if n not in article["text"]] == []


@pytest.mark.parametrize("language", ["en", "fr", "vi"])
def test_extraction_keeps_its_quality(language: str) -> None:
    chosen = [f for f in FILES if json.loads(f.read_text(encoding="utf-8"))["language"] == language]
    report, problems = run_eval(chosen)
    assert not problems
    assert report.overall.f1 >= 0.85, {k: round(c.f1, 3) for k, c in report.per_kind.items()}
