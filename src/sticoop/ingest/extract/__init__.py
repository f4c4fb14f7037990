"""Extraction core of the ingest feature: press release text -> structured cooperation labels with evidence.

Entry point: `extract(text, published=None, language=None, gazetteer=None) -> Extraction`;
`Extraction.to_labels()` gives the corpus `labels` format (../shared/README.md) plus `evidence`/`confidence`.
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
