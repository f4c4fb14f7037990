"""Helpers shared by the agreement tests (``test_generalise*_agreements.py``): the statuses and titles that
``find_agreements`` gives a text, in the shapes the cases compare."""

from __future__ import annotations

from sticoop.ingest.extract.agreements import find_agreements


def statuses_of(text: str) -> list[str]:
    """The statuses of the agreement items of `text`, sorted ("discussed" < "planned" < "renewed" < "signed")."""
    return sorted(a.status for a in find_agreements(text))


def statuses_in_order_of(text: str) -> list[str]:
    """The statuses of the agreement items of `text`, in the order of the items."""
    return [a.status for a in find_agreements(text)]


def titles_of(text: str) -> list[tuple[str, str]]:
    """(title, status) of each agreement item of `text`, in the order of the items."""
    return [(a.title.value, a.status) for a in find_agreements(text)]
