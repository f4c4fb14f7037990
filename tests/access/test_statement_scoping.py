"""A viewer's statements carry the criteria of the models they name, wherever they name them.

The scoping hook gives a statement only the loader criteria of the models it names (``scoping.needed_options``:
~20 criteria cost ~2 ms of cache key on every statement of a viewer). This walks every scoped model on the demo
data in every place a statement can name it — its columns, a count over it, a subquery in FROM, an alias, a
scalar subquery in the columns, an ``IN`` subquery and an ``EXISTS`` in the WHERE clause — and checks that the viewer
counts exactly the rows it may list; and that the walk could fail (unscoped, most models have rows the viewer may
not see) and that the saving is real (a statement naming one model carries fewer criteria than all).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import exists, func, inspect, literal, select
from sqlalchemy.orm import aliased

from sticoop.accounts.scoping import _options_by_model, needed_options, scoped_models
from sticoop.core.database import new_session, session_scope
from sticoop.core.principal import Principal, Role, act_as
from sticoop.demo.data import load_demo
from sticoop.partnerships.models import Partnership


def _shapes(model: Any) -> dict[str, Callable[[], Any]]:
    """Statements counting the rows of ``model`` with the model named in one place each."""
    alias = aliased(model)
    return {
        "columns": lambda: select(func.count(model.id)),
        "select_from": lambda: select(func.count()).select_from(model),
        "subquery in FROM": lambda: select(func.count()).select_from(select(model.id).subquery()),
        "alias": lambda: select(func.count()).select_from(select(alias.id).subquery()),
        "scalar subquery": lambda: select(select(func.count(model.id)).scalar_subquery()),
        "IN subquery": lambda: select(func.count()).select_from(
            select(literal(1).label("one")).where(literal(1).in_(select(literal(1)).where(model.id.is_not(None))))
            .subquery()),
        "EXISTS": lambda: select(func.count(model.id)).where(exists(select(model.id))),
    }


@pytest.fixture
def demo(db_url: str) -> Iterator[tuple[str, Principal]]:
    with session_scope(db_url) as db:
        load_demo(db)
        first = db.scalars(select(Partnership.id).where(Partnership.confidential.is_(False))
                           .order_by(Partnership.id).limit(1)).one()
    yield db_url, Principal(user_id=None, username="walker", role=Role.viewer, partnership_ids=frozenset({first}))


def test_every_scoped_model_is_scoped_wherever_a_statement_names_it(demo: tuple[str, Principal]) -> None:
    url, viewer = demo
    wrong, hidden = [], 0
    for model in sorted(scoped_models(), key=lambda m: m.__name__):
        with new_session(url) as db:
            everything = len(list(db.scalars(select(model.id))))
        with new_session(url) as db:
            act_as(db, viewer)
            visible = len(list(db.scalars(select(model.id))))
            for shape, statement in _shapes(model).items():
                got = db.scalar(statement())
                if shape == "IN subquery":  # one row when any visible row exists
                    if got != min(visible, 1):
                        wrong.append(f"{model.__name__} {shape}: {got} (visible {visible})")
                elif shape == "EXISTS":
                    if got != (visible if visible else 0):
                        wrong.append(f"{model.__name__} {shape}: {got} (visible {visible})")
                elif got != visible:
                    wrong.append(f"{model.__name__} {shape}: {got} (visible {visible}, all {everything})")
        hidden += everything > visible
    assert wrong == []
    assert hidden >= 5, "the walk could not fail: the viewer sees every row of almost every scoped model"


def test_a_statement_naming_one_model_carries_its_criteria_only(demo: tuple[str, Principal]) -> None:
    """The saving is real, and statements the check cannot read (ORM joins, loader options) keep every criterion."""
    _url, viewer = demo
    by_model = _options_by_model(viewer)
    for model in scoped_models():
        mapper = inspect(model)
        own = needed_options(select(model.id), [mapper], by_model)
        assert by_model[model] in own and len(own) < len(by_model), model.__name__
    project, commitment = scoped_models()[1], scoped_models()[2]
    joined = select(project.id).join(commitment, commitment.id == project.id)
    assert needed_options(joined, [inspect(project)], by_model) == list(by_model.values())
