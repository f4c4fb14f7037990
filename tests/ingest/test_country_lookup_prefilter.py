"""The country look-up starts an n-gram probe only at words that begin a listed form (``countries._first_words``):
walked over every form of the lexicon, alone, after a French elided article, as an English possessive and inside a
sentence, the mentions found are exactly those found with every word probed."""

from __future__ import annotations

import pytest

from sticoop.ingest.extract import countries


class _Everything(frozenset[str]):
    def __contains__(self, word: object) -> bool:
        return True


def _shapes(form: str) -> list[str]:
    return [form, f"{form} and more", f"l'{form} et d'{form}", f"{form}'s minister met {form}’s delegation",
            f"Talks between {form}-{form} partners, then {form}. Done"]


def _as_tuples(text: str) -> list[tuple[str, int, int, str, str]]:
    return [(m.code, m.start, m.end, m.kind, m.surface) for m in countries.find_mentions(text)]


def test_every_form_is_found_as_without_the_first_word_filter(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [shape for form in sorted(countries.lexicon()) for shape in _shapes(form)]
    filtered = [_as_tuples(t) for t in texts]
    monkeypatch.setattr(countries, "_first_words", lambda: _Everything())
    unfiltered = [_as_tuples(t) for t in texts]
    assert len(texts) > 10_000
    assert [t for t, a, b in zip(texts, filtered, unfiltered, strict=True) if a != b] == []
    assert sum(1 for found in filtered if found) > 0.9 * len(texts)
