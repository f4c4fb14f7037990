"""Per-partnership access, applied to every ORM query a signed-in user's session runs.

A user assigned to Belgium–Vietnam must see nothing of Vietnam–Laos in any list, search, export,
dashboard or later feature. Filtering in each service would leave the next feature one forgotten
``where`` away from a leak, so the rule lives here, once: a ``do_orm_execute`` hook adds
``with_loader_criteria`` for every partnership-bound model to every SELECT (lists, ``session.get``,
relationship loads, counts) of a session that carries a :class:`~sticoop.core.principal.Principal`.

Rules:
- admins see everything;
- others see records of their partnerships and records bound to no partnership (a general training
  course), and nothing of other partnerships; a record of several partnerships (a joint call, declared with a
  link table) is seen by whoever may see at least one of them — children follow their parent (a session its committee,
  a meeting request its event, an intake its document); documents bound to no partnership (uploaded or
  ingested, not yet linked to a record) are seen by the secretariat and admins only;
- confidential records are seen by the secretariat (in its partnerships) and admins only; the
  ``partnership_ids`` of a viewer or member already leave out confidential partnerships.

Sessions without a principal (CLI, demo loader, migrations) are the operator's and are not filtered.
Core-table statements (the backup export, reference counts before a delete) are not ORM entity
queries and are not filtered either; they never serve a user's request directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, event, exists, false, func, select, union_all
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, with_loader_criteria
from sqlalchemy.sql.expression import Alias, TableClause
from sqlalchemy.sql.util import find_tables

from sticoop.core.principal import Principal, act_as, on_partnership_opened, principal_of
from sticoop.core.registry import scopes, services
from sticoop.documents.models import Document, DocumentLink
from sticoop.partnerships.models import Partnership


def direct() -> tuple[Any, ...]:
    """Records bound to a partnership by their own ``partnership_id`` (nullable = may be general), as the
    domains declare them (``core.registry.register_scope``)."""
    return tuple(s.model for s in scopes() if s.through is None)


def linked(model: Any) -> tuple[Any, str] | None:
    """The link table and its key column binding ``model``'s rows to further partnerships, or None."""
    found = next((s for s in scopes() if s.model is model and s.links is not None), None)
    return (found.links, str(found.links_key)) if found is not None else None


def through_parent() -> tuple[tuple[Any, str, Any], ...]:
    """Records reached through a parent: (model, its foreign key, the parent model), as the domains declare."""
    return tuple((s.model, s.through, s.parent) for s in scopes() if s.through is not None and s.parent is not None)


def reached_through_links(ids: list[int]) -> list[tuple[Any, Any]]:
    """The rows seen by a reader of partnerships ``ids`` only through a link table, not through their lead
    ``partnership_id``: (model, SELECT of their ids) for each model with links (the second partnership of a joint
    call), each model scoped through such a parent (the call's proposals), and documents linked to any of those
    rows (``document_links``: the call's or a proposal's files). One rule for every place that holds a record's
    partnership as a single value (documents, the search index): such a record is also seen through these.
    The sets are small (only the links beyond the lead), so ``id IN (...)`` stays cheap."""
    if not ids:
        return []
    reached: list[tuple[Any, Any]] = []
    for scope in scopes():
        if scope.links is None:
            continue
        # an alias: the model's own loader criterion probes the link table, and must not correlate to this one
        table, key, model = scope.links.alias(), str(scope.links_key), cast(Any, scope.model)
        rows = (select(table.c[key]).join(model, model.id == table.c[key])
                .where(table.c.partnership_id.in_(ids), func.coalesce(model.partnership_id, 0).not_in([0, *ids]))
                .correlate(None))
        reached.append((scope.model, rows))
        reached.extend((child, select(child.id).where(getattr(child, fk).in_(rows)).correlate(None))
                       for child, fk, parent in through_parent() if parent is scope.model)
    kinds = {service.model: kind for kind, service in services().items() if service is not None}
    linked_documents = [select(DocumentLink.document_id).where(DocumentLink.entity_type == kinds[model],
                                                               DocumentLink.entity_id.in_(rows)).correlate(None)
                        for model, rows in reached if model in kinds]
    if linked_documents:
        reached.append((Document, union_all(*linked_documents) if len(linked_documents) > 1 else linked_documents[0]))
    return reached


def _through_links(model: Any, ids: list[int]) -> ColumnElement[bool] | None:
    """Rows of ``model`` the reader of ``ids`` sees through a link (:func:`reached_through_links`), or None."""
    found = [rows for m, rows in reached_through_links(ids) if m is model]
    return model.id.in_(found[0]) if found else None


def scoped_models() -> tuple[Any, ...]:
    """Partnerships and every declared partnership-bound model."""
    return (Partnership, *direct(), *(model for model, _, _ in through_parent()))


def visible(model: Any, principal: Principal) -> ColumnElement[bool]:
    """The WHERE clause saying which rows of ``model`` the principal may see."""
    ids = sorted(principal.partnership_ids)
    own: ColumnElement[bool]
    if model is Partnership:
        own = Partnership.id.in_(ids) if ids else false()
    elif model is Document and not principal.is_editor:
        # a document bound to no partnership yet (just uploaded or ingested, not yet accepted) is the
        # secretariat's working material, not general information
        own = Document.partnership_id.in_(ids) if ids else false()
        further = _through_links(Document, ids)
        own = own | further if further is not None else own
    elif model in direct():
        column = model.partnership_id
        if not column.nullable:
            own = column.in_(ids) if ids else false()
        elif not ids:
            own = column.is_(None)
        else:
            # one row test, no sub-select: "IN (...) OR IS NULL" made SQLite scan the table, and "id IN (a union
            # of two index lookups)" materialised every shared row in every statement, even a lookup by id
            own = func.coalesce(column, 0).in_([0, *ids])
            links = linked(model)
            if links is not None:  # or any other of its partnerships (a primary-key probe of the link table)
                table, key = links
                own = own | exists().where(table.c[key] == model.id, table.c.partnership_id.in_(ids))
            further = _through_links(model, ids) if model is Document else None
            own = own | further if further is not None else own
    else:
        fk, parent = next((fk, parent) for m, fk, parent in through_parent() if m is model)
        own = getattr(model, fk).in_(select(parent.id).where(visible(parent, principal)))
    if hasattr(model, "confidential") and not principal.sees_confidential:
        own = own & model.confidential.is_(False)
    return own


#: loader criteria by (role, partnerships, declared scopes), shared by every request and thread: the options are
#: immutable, and building them for ~20 models took ~40 % of a viewer's simple request (issue 17)
_SHARED_OPTIONS: dict[tuple[Any, ...], dict[type, Any]] = {}
_SHARED_OPTIONS_MAX = 4096
#: every criterion option built here (whichever principal it was built for), to recognise them when inherited
_BUILT: set[Any] = set()


def scope_options(principal: Principal) -> list[Any]:
    """The loader criteria of every scoped model for ``principal`` (one ``with_loader_criteria`` per model)."""
    return list(_options_by_model(principal).values())


def _options_by_model(principal: Principal) -> dict[type, Any]:
    """Each scoped model's loader criterion for ``principal``.

    Built once per role, set of partnerships and set of declared scopes, then shared (at most
    ``_SHARED_OPTIONS_MAX`` combinations are kept; the cache starts again when full).
    """
    key = (principal.role, principal.partnership_ids, tuple((s.model, s.through, s.parent) for s in scopes()))
    options = _SHARED_OPTIONS.get(key)
    if options is None:
        if len(_SHARED_OPTIONS) >= _SHARED_OPTIONS_MAX:
            _SHARED_OPTIONS.clear()
            _BUILT.clear()
        options = _SHARED_OPTIONS[key] = _build_options(principal)
        _BUILT.update(options.values())
    return options


def _build_options(principal: Principal) -> dict[type, Any]:
    criteria: dict[type, ColumnElement[bool]]
    if not principal.signed_in:
        # nothing scoped for someone who is not signed in (public routes never need it)
        criteria = {model: false() for model in scoped_models()}
    else:
        criteria = {model: visible(model, principal) for model in scoped_models()}
    # not propagated to the relationship loads a statement triggers: each of those passes through
    # ``_scope_to_principal`` itself and gets the criteria of what it loads
    return {model: with_loader_criteria(model, where, include_aliases=True, propagate_to_loaders=False)
            for model, where in criteria.items()}


@cache
def _loaded_with(mapper: Mapper[Any]) -> frozenset[type]:
    """The classes a load of ``mapper``'s rows reads in the same statement: the class, its bases, and what its
    joined eager relationships bring (recursively)."""
    seen: set[Mapper[Any]] = set()
    todo = [mapper]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        todo.extend(rel.mapper for rel in current.relationships if rel.lazy == "joined")
    return frozenset(m.class_ for one in seen for m in one.iterate_to_root())


def _classes_loaded(mappers: Sequence[Mapper[Any]]) -> frozenset[type]:
    """The classes a load of these mappers' rows reads in one statement (:func:`_loaded_with` of each)."""
    return frozenset().union(*(_loaded_with(mapper) for mapper in mappers))


def _scoped_statement(state: ORMExecuteState, by_model: dict[type, Any]) -> Any:
    """The statement with the criteria it needs.

    A relationship load (selectin or lazy) reads only its target's rows and what that target's joined eager loads
    bring, so it carries only those models' criteria: SQLAlchemy copies every option of the parent statement into
    a selectin load, and ~20 criteria made each such statement's cache key cost ~2 ms (issue 17). Any other
    statement gets those of the models it names (:func:`needed_options`).
    """
    statement: Any = state.statement
    if not state.is_relationship_load:
        needed_here = needed_options(statement, state.all_mappers, by_model)
        return statement.options(*needed_here) if needed_here else statement
    classes = _classes_loaded(state.all_mappers)
    inherited = statement._with_options  # the parent statement's options, copied by the selectin loader
    if any(option in _BUILT for option in inherited):
        statement = statement._generate()
        statement._with_options = tuple(option for option in inherited if option not in _BUILT)
    needed = [option for model, option in by_model.items() if model in classes]
    return statement.options(*needed) if needed else statement


def needed_options(statement: Any, mappers: Sequence[Mapper[Any]], by_model: dict[type, Any]) -> list[Any]:
    """The criteria of ``by_model`` a statement (not a relationship load) needs: every one when it is not a plain
    ``SELECT`` (a compound, loader options, ORM joins: tables that appear only when compiled); else those of the
    models whose tables it names anywhere — columns, FROM, joins, aliases, subqueries in any clause
    (``sqlalchemy.sql.util.find_tables``) — and of the classes its entities' joined eager loads read. A criterion
    for a model a statement does not name changes nothing in its SQL, but each costs its cache key on every
    execution (~20 of them ≈ 2 ms per statement of a viewer, issue 16)."""
    if not isinstance(statement, Select) or statement._setup_joins or statement._with_options:
        return list(by_model.values())
    named = {(table.element if isinstance(table, Alias) else table)._deannotate()
             for table in find_tables(statement, check_columns=True, include_aliases=True, include_joins=True,
                                      include_selects=True) if isinstance(table, (TableClause, Alias))}
    loaded = _classes_loaded(mappers)
    return [option for model, option in by_model.items()
            if model in loaded or any(table in named for table in _tables_of(model))]


@cache
def _tables_of(model: type) -> tuple[Any, ...]:
    """The tables a model's rows are read from (its own and, with inheritance, its bases')."""
    return tuple(sa_inspect(model).tables)


@event.listens_for(Session, "do_orm_execute")
def _scope_to_principal(state: ORMExecuteState) -> None:
    principal = principal_of(state.session)
    if principal is None or principal.sees_everything or not state.is_select:
        return
    state.statement = _scoped_statement(state, _options_by_model(principal))


def _assign_opened_partnership(db: Session, principal: Principal, partnership_id: int) -> None:
    """A secretariat officer who opens a partnership is assigned to it, in the same transaction."""
    from sticoop.accounts.models import user_partnerships

    db.execute(user_partnerships.insert().values(user_id=principal.user_id, partnership_id=partnership_id))
    act_as(db, replace(principal, partnership_ids=principal.partnership_ids | {partnership_id}))


on_partnership_opened(_assign_opened_partnership)
