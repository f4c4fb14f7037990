"""Human labels for stored codes (statuses, kinds, types), the navigation, and record URLs.

Stored values stay English identifiers ("in_progress"); what an official reads is a translated label.
The strings are marked with ``N_`` so Babel extracts them; they are translated at render time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

# the labels and the navigation are declared by the domains (sticoop.core.labels); this module translates them
from sticoop.core.labels import LABELS, N_, NAVIGATION, NAVIGATION_ROLES  # noqa: E402,F401
from sticoop.core.registry import record_url  # noqa: F401  (pages and templates reach it through labels)

#: badge colour family per status value (CSS classes badge--good/--warn/--bad/--muted/--info)
BADGE_TONE: dict[str, str] = {
    "active": "good", "done": "good", "complete": "good", "signed": "good", "in_force": "good", "renewed": "good",
    "running": "good", "completed": "good", "approved": "info", "in_progress": "info", "negotiating": "info",
    "substantial": "info", "planned": "muted", "proposed": "muted", "not_started": "muted", "limited": "warn",
    "dormant": "warn", "overdue": "bad", "expired": "warn", "terminated": "bad", "dropped": "muted",
    "cancelled": "muted", "ended": "muted", "draft": "info", "unsupported": "warn", "accepted": "good",
    "rejected": "muted", "published": "good", "withdrawn": "muted",
    "open": "good", "under_evaluation": "info", "submitted": "info", "funded": "good", "reserve": "warn",
    "ineligible": "bad", "below_threshold": "muted",
}

#: label groups whose English words also mean something else ("Published" the status is also "Published" the
#: date of a press release): translated in this gettext context (``msgctxt`` in the catalogues)
class _LabelContext(Mapping[str, str]):
    """``{group: "status"}`` for every declared ``*_status`` group (read when asked: groups are registered)."""

    def __getitem__(self, group: str) -> str:
        if group in LABELS and group.endswith("_status"):
            return "status"
        raise KeyError(group)

    def __iter__(self) -> Iterator[str]:
        return (group for group in list(LABELS) if group.endswith("_status"))

    def __len__(self) -> int:
        return sum(1 for _ in self)


LABEL_CONTEXT: Mapping[str, str] = _LabelContext()

Translate = Callable[[str], str]
ContextTranslate = Callable[[str, str], str]


def entity_label(translate: Translate, entity: str) -> str:
    """The translated name of a record type ("commitment" -> "Engagement"): one map (``LABELS["kind"]``) for
    the dashboard, history and every page that names a record type."""
    return label(translate, "kind", entity)


def navigation_for(role: str | None) -> tuple[tuple[str, str], ...]:
    return tuple((href, text) for href, text in NAVIGATION
                 if href not in NAVIGATION_ROLES or (role or "") in NAVIGATION_ROLES[href])


def _translated(translate: Translate, pgettext: ContextTranslate | None, group: str, message: str) -> str:
    context = LABEL_CONTEXT.get(group)
    return pgettext(context, message) if context and pgettext is not None else translate(message)


def label(translate: Translate, group: str, value: str | None, pgettext: ContextTranslate | None = None) -> str:
    """The translated label of a stored code (in the group's context when it has one); the code itself,
    spaced, when the group does not know it."""
    if value is None:
        return ""
    message = LABELS.get(group, {}).get(str(value))
    return _translated(translate, pgettext, group, message) if message else str(value).replace("_", " ")


def choices(translate: Translate, group: str, pgettext: ContextTranslate | None = None) -> list[tuple[str, str]]:
    """[(code, translated label)] of a group, in its declared order."""
    return [(value, _translated(translate, pgettext, group, message)) for value, message in LABELS[group].items()]


def tone(value: str | None) -> str:
    return BADGE_TONE.get(str(value), "muted")


def group_of(choices: frozenset[str]) -> str | None:
    """The LABELS group holding exactly these coded values (else the smallest one holding them all)."""
    exact = [g for g, values in LABELS.items() if set(values) == choices]
    if exact:
        return exact[0]
    wider = sorted((len(values), g) for g, values in LABELS.items() if choices <= set(values))
    return wider[0][1] if wider else None


class ExportLabels:
    """The labels of a CSV export in one language (see sticoop.core.export): coded values through LABELS,
    countries through the locale's names."""

    def __init__(self, translate: Callable[[str], str], country: Callable[[str], str], locale: str = "en") -> None:
        self._translate = translate
        self._country = country
        self._locale = locale

    def choice(self, choices: frozenset[str], value: str) -> str:
        group = group_of(choices)
        return label(self._translate, group, value) if group else str(value).replace("_", " ")

    def country(self, code: str) -> str:
        return self._country(code)

    def language(self, code: str) -> str:
        from sticoop.core.export import language_name

        known = LABELS["profile_language"]
        return self._translate(known[code]) if code in known else language_name(code, self._locale)
