"""Relationship loads stay scoped: every relationship to a partnership-bound model, loaded lazily and by selectin,
brings a viewer only rows the viewer may see.

A selectin or lazy load is a statement of its own; the scoping hook gives it the criteria of what it loads (and of
what that target's joined eager loads bring) instead of all of them (issue 17: ~2 ms per statement). This walks
every relationship of every mapped class whose target is scoped, from every parent row the viewer can read, on the
demo data (organisations and people are shared by several partnerships: their relationships reach rows of
partnerships the viewer is not assigned to), and checks that the walk could fail: the admin, loading the same
relationships, reaches rows the viewer must not see.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, lazyload, selectinload
from tests.conftest import make_user

from sticoop.accounts.scoping import scoped_models
from sticoop.core.database import new_session, session_scope
from sticoop.core.models import Base
from sticoop.core.principal import Principal, Role, act_as
from sticoop.demo.data import load_demo
from sticoop.partnerships.models import Partnership


def _relationships() -> list[tuple[Any, Any]]:
    scoped = set(scoped_models())
    found = []
    for mapper in Base.registry.mappers:
        for rel in mapper.relationships:
            if any(cls in scoped for cls in rel.mapper.class_.__mro__):
                found.append((mapper.class_, rel))
    return sorted(found, key=lambda pair: (pair[0].__name__, pair[1].key))


@pytest.fixture
def demo(db_url: str) -> Iterator[tuple[str, Principal]]:
    with session_scope(db_url) as db:
        load_demo(db)
        everyone = list(db.scalars(select(Partnership.id).order_by(Partnership.id)))
        first = db.scalars(select(Partnership.id).where(Partnership.confidential.is_(False))
                           .order_by(Partnership.id).limit(1)).one()
    # a user (not scoped) assigned to every partnership: ``User.partnerships`` reaches the viewer's hidden ones
    make_user(db_url, "assigned everywhere", role="secretariat", partnership_ids=everyone)
    yield db_url, Principal(user_id=None, username="walker", role=Role.viewer, partnership_ids=frozenset({first}))


def _session(url: str, principal: Principal | None) -> Session:
    db = new_session(url)
    if principal is not None:
        act_as(db, principal)
    return db


def _loaded(db: Session, parent: Any, rel: Any, selectin: bool) -> set[Any]:
    attribute = getattr(parent, rel.key)
    query = select(parent).options(selectinload(attribute) if selectin else lazyload(attribute))
    ids: set[Any] = set()
    for row in db.scalars(query).unique():
        value = getattr(row, rel.key)
        for item in (value if rel.uselist else [value] if value is not None else []):
            ids.add(inspect(item).identity)
    return ids


def test_every_relationship_to_a_scoped_model_loads_only_visible_rows(demo: tuple[str, Principal]) -> None:
    url, viewer = demo
    relationships = _relationships()
    assert len(relationships) >= 5, "the walk found fewer relationships to scoped models than the models declare"
    leaks, hidden_reached = [], 0
    for parent, rel in relationships:
        target = rel.mapper.class_
        with _session(url, viewer) as db:
            visible = {inspect(row).identity for row in db.scalars(select(target))}
        with _session(url, None) as db:
            everything = _loaded(db, parent, rel, selectin=False)
        for selectin in (False, True):
            with _session(url, viewer) as db:
                got = _loaded(db, parent, rel, selectin)
            if not got <= visible:
                leaks.append(f"{parent.__name__}.{rel.key} ({'selectin' if selectin else 'lazy'}): "
                             f"{sorted(got - visible)[:5]}")
        hidden_reached += bool(everything - visible)
    assert leaks == []
    # the walk can fail: unscoped, the same relationships reach rows the viewer may not see
    assert hidden_reached >= 1
