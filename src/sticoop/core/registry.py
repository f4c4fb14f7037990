"""The record kinds of the app, as the domains declare them: one small registration API.

Core knows no domain. Each domain declares its kinds in a ``register()`` function at the end of its
``service.py`` (``register_kind("committee", committees, page_prefix="/committees")``); the composition root
(:mod:`sticoop.composition`) imports the domains and calls every ``register()`` once, before the first database
session is opened (:func:`require_bootstrapped` makes a forgotten call a clear error, not a silently empty
registry). Everything that must walk "every record type" — the audit trail, restore, the dashboard's recent
changes, duplicate keys, links to record pages — reads it here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sticoop.core.errors import ValidationFailed


@dataclass(frozen=True)
class RecordKind:
    """One record type: its entity name ("session"), its record service (None for a kind that is not a
    ``RecordService``, such as an intake) and the URL prefix of its pages (None: shown only inside another
    record's page — declared, so that a kind without pages is a decision, not an omission)."""

    entity: str
    service: Any | None
    page_prefix: str | None


_KINDS: dict[str, RecordKind] = {}
#: entity name -> URL prefix of its pages (None: no page of its own); filled by :func:`register_kind`
PAGE_PREFIX: dict[str, str | None] = {}
_bootstrapped = False


def register_kind(entity: str, service: Any | None, page_prefix: str | None) -> None:
    """Declare a record kind. Registering the same kind again with the same service is harmless; another
    service under a taken name raises ``ValueError`` (two domains claiming one entity name)."""
    known = _KINDS.get(entity)
    if known is not None and known.service is not service:
        raise ValueError(f"record kind '{entity}' is registered twice")
    _KINDS[entity] = RecordKind(entity, service, page_prefix)
    PAGE_PREFIX[entity] = page_prefix


def mark_bootstrapped() -> None:
    """Called by the composition root once every domain has registered."""
    global _bootstrapped
    _bootstrapped = True


def require_bootstrapped() -> None:
    """Raises ``RuntimeError`` when the composition root has not run (an entry point forgot to call
    ``sticoop.composition.bootstrap()``): no session may start with the audit trail and scoping missing."""
    if not _bootstrapped:
        raise RuntimeError("sticoop is not composed yet: call sticoop.composition.bootstrap() at the entry point")


def kinds() -> dict[str, RecordKind]:
    """Every registered kind, by entity name."""
    require_bootstrapped()
    return dict(_KINDS)


def services() -> dict[str, Any]:
    """The record service of every kind that has one, by entity name."""
    require_bootstrapped()
    return {entity: kind.service for entity, kind in _KINDS.items() if kind.service is not None}


def service_for(entity_type: str) -> Any:
    """The record service of ``entity_type``; ``ValidationFailed`` naming the known types otherwise."""
    try:
        return services()[entity_type]
    except KeyError:
        raise ValidationFailed(
            f"Unknown record type '{entity_type}'; one of: {', '.join(sorted(services()))}"
        ) from None


def record_url(kind: str, record_id: int) -> str | None:
    """The page of one record (``/sessions/12``), or None when its kind has no page of its own."""
    prefix = PAGE_PREFIX.get(kind)
    return f"{prefix}/{record_id}" if prefix else None


# ----- per-partnership scope -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Scope:
    """How the rows of one table belong to a partnership: by their own ``partnership_id`` column (``through``
    None; a nullable column means a row may be general), or through a parent row (``through`` names the foreign
    key attribute, ``parent`` the parent model, itself scoped). ``links``: a link table (``partnership_id`` and
    ``<key>``, the model's id) binding a row directly scoped by its lead ``partnership_id`` to further
    partnerships (a joint call of several): a row is seen by whoever may see any one of them."""

    model: type
    through: str | None = None
    parent: type | None = None
    links: Any = None
    links_key: str | None = None


_SCOPES: dict[type, Scope] = {}


def register_scope(model: type, *, through: str | None = None, parent: type | None = None, links: Any = None,
                   links_key: str | None = None) -> None:
    """Declare that ``model``'s rows belong to a partnership (directly, or through ``parent`` by the foreign
    key ``through``; a directly scoped model may name a link table ``links`` whose ``links_key`` column holds its
    id, for rows of several partnerships). The access rules (``accounts/scoping.py``) filter every query of a
    signed-in user on it; ``ValueError`` when only one of ``through``/``parent`` (or of ``links``/``links_key``)
    is given, when links are given with a parent, or when the model is declared twice differently."""
    if (through is None) != (parent is None):
        raise ValueError(f"{model.__name__}: give both 'through' and 'parent', or neither")
    if (links is None) != (links_key is None) or (links is not None and through is not None):
        raise ValueError(f"{model.__name__}: give both 'links' and 'links_key' (and no parent), or neither")
    scope = Scope(model, through, parent, links, links_key)
    if _SCOPES.get(model, scope) != scope:
        raise ValueError(f"the scope of {model.__name__} is registered twice")
    _SCOPES[model] = scope


def scopes() -> list[Scope]:
    """Every declared scope, in declaration order (a parent before its children when domains register so)."""
    require_bootstrapped()
    return list(_SCOPES.values())
