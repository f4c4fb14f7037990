"""Human labels for stored codes and the navigation, as the domains declare them (registration, like record kinds).

Each domain declares, in its ``register()``, the labels of its codes (``register_labels("project_status",
{"running": N_("Running"), ...})``), the display name of each of its record kinds (the ``"kind"`` group) and its
entries in the navigation (``register_navigation("/projects", N_("Projects"), order=70)``). The UI kit
(:mod:`sticoop.web.labels`) translates them at render time; it knows no domain. Messages are marked with
:func:`N_` so Babel extracts them.
"""

from __future__ import annotations

import bisect


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext no-op marker
    """Marks a string for extraction without translating it yet."""
    return message


#: group -> stored code -> English message (translated at render time)
LABELS: dict[str, dict[str, str]] = {}
#: (path, English label) in the order of the main navigation
NAVIGATION: list[tuple[str, str]] = []
#: sections only some roles can open (the others are not shown links they cannot use)
NAVIGATION_ROLES: dict[str, tuple[str, ...]] = {}
_NAV_ORDER: list[tuple[int, str]] = []


def register_labels(group: str, labels: dict[str, str]) -> None:
    """Add labels to a group (several domains may add to one group, e.g. ``"kind"``). The same code declared
    again with the same message is harmless; with another message it raises ``ValueError``."""
    known = LABELS.setdefault(group, {})
    for code, message in labels.items():
        if known.get(code, message) != message:
            raise ValueError(f"label '{group}.{code}' is declared twice differently")
        known[code] = message


def register_navigation(path: str, label: str, order: int, roles: tuple[str, ...] | None = None) -> None:
    """Put a section in the main navigation at position ``order`` (smaller first), shown only to ``roles``
    when given. Declaring the same path again is harmless."""
    if any(p == path for p, _ in NAVIGATION):
        return
    at = bisect.bisect(_NAV_ORDER, (order, path))
    _NAV_ORDER.insert(at, (order, path))
    NAVIGATION.insert(at, (path, label))
    if roles:
        NAVIGATION_ROLES[path] = roles
