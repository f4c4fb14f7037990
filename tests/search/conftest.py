"""The ``world`` the candidate tests search (``test_candidates.py``, ``test_pgplan.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session
from tests.search.world import BUILDERS, make

from sticoop.partnerships.models import Partnership

ALWAYS_BOUND = ("commitment", "committee", "working_group", "session")


@pytest.fixture
def world(db: Session) -> Iterator[tuple[Session, int, int]]:
    """Two partnerships; every kind in each scope (a, b, general), open and confidential, carrying the rare
    word ``rareword`` a varying number of times (distinct ranks) and the common word ``commonword``."""
    a, b = Partnership(name="Belgium–Vietnam"), Partnership(name="Vietnam–Laos")
    db.add_all([a, b])
    db.flush()
    i = 0
    for kind, (bound, can_be_confidential, _build) in sorted(BUILDERS.items()):
        for pid in ((a.id, b.id, *(() if kind in ALWAYS_BOUND else (None,))) if bound else (None,)):
            for confidential in ((False, True) if can_be_confidential else (False,)):
                i += 1
                make(db, kind, "rareword " * (1 + i % 7) + f"commonword record {i}", pid, confidential)
    yield db, a.id, b.id
