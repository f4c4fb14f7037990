"""A stored snapshot as a stand-in record (``briefing/history.state_object``), for every record kind: a snapshot
older than a column, or an owned row stored without a column it never set, reads None there instead of failing
the pack."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from sticoop.briefing.history import state_object
from sticoop.composition import bootstrap
from sticoop.core.registry import services
from sticoop.core.snapshot import is_owned_list

bootstrap()
MODELS = {kind: service.model for kind, service in sorted(services().items()) if service is not None}


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_every_column_and_owned_row_column_of_a_kind_reads_from_a_sparse_snapshot(kind: str) -> None:
    model = MODELS[kind]
    mapper = inspect(model)
    owned = [rel for rel in mapper.relationships if is_owned_list(rel)]
    stand_in = state_object(model, {rel.key: [{}] for rel in owned}, 7)
    assert stand_in.id == 7
    for attr in mapper.column_attrs:
        assert hasattr(stand_in, attr.key), (kind, attr.key)
    for rel in owned:
        [row] = getattr(stand_in, rel.key)
        assert all(hasattr(row, attr.key) for attr in inspect(rel.mapper.class_).column_attrs), (kind, rel.key)
    for rel in mapper.relationships:
        if rel.secondary is not None:
            assert getattr(stand_in, f"{rel.key}_ids") == [], (kind, rel.key)
