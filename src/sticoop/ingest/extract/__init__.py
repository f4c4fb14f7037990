"""Extraction core of the ingest feature: press release text -> structured cooperation labels with evidence.

Entry point: `extract(text, published=None, language=None, gazetteer=None) -> Extraction`;
`Extraction.to_labels()` gives the corpus `labels` format (../shared/README.md) plus `evidence`/`confidence`.

Layout: one rule module per kind of thing read (`organizations`, `people`, `countries`, `fields`, `dates`,
`sessions`, `agreements`, `events`), `core.extract` to run them in order, and the word lists they read in
`lang/<code>/<kind>.py` (`lang/README.md`: where each list lives, how to add words or a language). Name keys
shared with the scoring harness are in `names.py`; extraction never imports `ingest.evaluation`.
"""

from sticoop.ingest.extract.core import SUPPORTED, extract
from sticoop.ingest.extract.gazetteer import Gazetteer, KnownCommittee, KnownOrganization
from sticoop.ingest.extract.model import Evidence, Extraction, Value

__all__ = [
    "SUPPORTED",
    "Evidence",
    "Extraction",
    "Gazetteer",
    "KnownCommittee",
    "KnownOrganization",
    "Value",
    "extract",
]
