"""Extraction quality on the shared dev corpus and on our own labelled articles (target: micro F1 >= 0.85)."""

from __future__ import annotations

from pathlib import Path

from sticoop.ingest.cli import run_eval


def _f1(folder: Path) -> tuple[float, dict]:
    report, problems = run_eval(sorted(folder.glob("*.json")))
    assert not problems
    return report.overall.f1, {k: round(c.f1, 3) for k, c in report.per_kind.items()}


def test_dev_corpus_micro_f1(dev_corpus: Path) -> None:
    f1, per_kind = _f1(dev_corpus)
    assert f1 >= 0.85, per_kind


def test_own_corpus_micro_f1(own_corpus: Path) -> None:
    files = list(own_corpus.glob("*.json"))
    assert {f.name.split("-")[1] for f in files} == {"en", "fr", "vi"}
    f1, per_kind = _f1(own_corpus)
    assert f1 >= 0.85, per_kind
