"""Option sources for select boxes, as the domains declare them (registration, like record kinds).

A form field names its options by a source ("sessions", "organizations", "countries"); the domain that owns
the table declares how to list it in its ``register()`` (:func:`register_choice_source`), so the UI kit that
draws the select (:mod:`sticoop.web.choices`) knows no domain table. A source says:

- ``query``: a function returning the SELECT of its options, ordered, with the columns ``label`` needs;
- ``id_column``: the column a chosen value is looked up by (a value outside the capped list stays on offer);
- ``label``: ``(row, formatter) -> str`` in the page's language; ``value``: ``row -> str`` (default the id);
- ``partnership_column``: the indexed column saying which partnership a record belongs to (a nullable column
  keeps records of no partnership on offer everywhere), for pickers limited to the form's partnership;
- ``form_key`` and ``partnership_of``: the form field that names such a record (``"session_id"``) and the
  SELECT of its partnership given its id, so a form prefilled with a session is bound to that partnership;
- ``capped``: False for small reference lists (countries, fields) listed whole; ``sort_by_label`` sorts
  the options by their translated label (country names differ by language).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sticoop.core.i18n import Formatter


def _id_value(row: Any) -> str:
    return str(row.id)


@dataclass(frozen=True)
class ChoiceSource:
    """One source of options (see the module docstring for each attribute)."""

    name: str
    query: Callable[[], Any]
    id_column: Any
    label: Callable[[Any, Formatter], str]
    value: Callable[[Any], str] = _id_value
    partnership_column: Any | None = None
    form_key: str | None = None
    partnership_of: Callable[[int], Any] | None = None
    capped: bool = True
    sort_by_label: bool = False


_SOURCES: dict[str, ChoiceSource] = {}


def register_choice_source(source: ChoiceSource) -> None:
    """Declare a source. The same name declared by another module raises ``ValueError``
    (two domains claiming one source); the same module declaring it again (a second bootstrap) replaces it."""
    known = _SOURCES.get(source.name)
    if known is not None and known.query.__module__ != source.query.__module__:
        raise ValueError(f"choice source '{source.name}' is registered twice")
    _SOURCES[source.name] = source


def choice_source(name: str) -> ChoiceSource:
    """The source called ``name``; ``KeyError`` naming it when no domain declared it."""
    try:
        return _SOURCES[name]
    except KeyError:
        raise KeyError(f"unknown choice source {name!r}") from None


def choice_sources() -> dict[str, ChoiceSource]:
    """Every declared source, in declaration order (the order a form's partnership is looked up in)."""
    return dict(_SOURCES)


def partnership_bound() -> dict[str, Any]:
    """Source name -> its partnership column, for the sources whose records belong to a partnership."""
    return {name: s.partnership_column for name, s in _SOURCES.items() if s.partnership_column is not None}
