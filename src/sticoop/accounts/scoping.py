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

from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, event, exists, false, func, select
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from sticoop.core.principal import Principal, act_as, on_partnership_opened, principal_of
from sticoop.core.registry import scopes
from sticoop.documents.models import Document
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


def scoped_models() -> tuple[Any, ...]:
    """Partnerships and every declared partnership-bound model."""
    return (Partnership, *direct(), *(model for model, _, _ in through_parent()))


_OPTIONS_KEY = "sticoop.scope_options"


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
    else:
        fk, parent = next((fk, parent) for m, fk, parent in through_parent() if m is model)
        own = getattr(model, fk).in_(select(parent.id).where(visible(parent, principal)))
    if hasattr(model, "confidential") and not principal.sees_confidential:
        own = own & model.confidential.is_(False)
    return own


def scope_options(principal: Principal) -> list[Any]:
    """The loader criteria of every scoped model for ``principal`` (built once per principal and session)."""
    if not principal.signed_in:
        # nothing scoped for someone who is not signed in (public routes never need it)
        return [with_loader_criteria(model, false(), include_aliases=True) for model in scoped_models()]
    return [with_loader_criteria(model, visible(model, principal), include_aliases=True) for model in scoped_models()]


@event.listens_for(Session, "do_orm_execute")
def _scope_to_principal(state: ORMExecuteState) -> None:
    principal = principal_of(state.session)
    if principal is None or principal.sees_everything or not state.is_select:
        return
    # the criteria are built once per session and principal, not per statement (a page runs dozens)
    cached = state.session.info.get(_OPTIONS_KEY)
    if cached is None or cached[0] != principal:
        cached = (principal, scope_options(principal))
        state.session.info[_OPTIONS_KEY] = cached
    state.statement = state.statement.options(*cached[1])


def _assign_opened_partnership(db: Session, principal: Principal, partnership_id: int) -> None:
    """A secretariat officer who opens a partnership is assigned to it, in the same transaction."""
    from sticoop.accounts.models import user_partnerships

    db.execute(user_partnerships.insert().values(user_id=principal.user_id, partnership_id=partnership_id))
    act_as(db, replace(principal, partnership_ids=principal.partnership_ids | {partnership_id}))


on_partnership_opened(_assign_opened_partnership)
