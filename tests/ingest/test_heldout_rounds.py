"""The held-out rounds of our own reports (``corpus/heldout5`` to ``heldout10``; issue 11 part 2): each
held out until scored once (see ``corpus/README.md``), now a regression check. Their labels follow the corpus
conventions (typed schema, every labelled name verbatim in the text) and extraction keeps micro F1 >= 0.85 on each,
per language as well."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sticoop.ingest.cli import run_eval
from sticoop.ingest.labels import parse_labels

CORPUS = Path(__file__).parent / "corpus"
#: each round's folder and how many reports it holds per language (en, fr, vi)
ROUNDS = {"heldout5": 4, "heldout6": 4, "heldout7": 6, "heldout8": 8, "heldout9": 6, "heldout10": 5, "heldout11": 8,
          "heldout12": 8}


def files_of(round_name: str) -> list[Path]:
    return sorted((CORPUS / round_name).glob("*.json"))


def language_of(path: Path) -> str:
    return str(json.loads(path.read_text(encoding="utf-8"))["language"])


@pytest.mark.parametrize(("round_name", "per_language"), ROUNDS.items())
def test_each_round_has_its_reports_per_language(round_name: str, per_language: int) -> None:
    languages = [language_of(f) for f in files_of(round_name)]
    assert sorted(languages) == ["en"] * per_language + ["fr"] * per_language + ["vi"] * per_language


@pytest.mark.parametrize("path", [f for r in ROUNDS for f in files_of(r)], ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_labels_are_typed_and_names_verbatim(path: Path) -> None:
    article: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    labels = parse_labels(article["labels"])
    names = [*labels.organizations, *(p.name for p in labels.people), *labels.programmes]
    if labels.committee is not None:
        names.append(labels.committee.name)
    assert [n for n in names if n not in article["text"]] == []


@pytest.mark.parametrize("language", ["en", "fr", "vi"])
@pytest.mark.parametrize("round_name", ROUNDS)
def test_extraction_keeps_its_quality(round_name: str, language: str) -> None:
    chosen = [f for f in files_of(round_name) if language_of(f) == language]
    report, problems = run_eval(chosen)
    assert not problems
    assert report.overall.f1 >= 0.85, {k: round(c.f1, 3) for k, c in report.per_kind.items()}
