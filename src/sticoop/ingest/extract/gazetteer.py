"""Known organisations and committees that the caller (the database) passes to extraction.

Why: press releases often name an organisation only by its acronym or a short alias ("BELSPO"); matching
against what the database already holds turns those into the canonical record. The default gazetteer is empty;
built-in rules still find organisations by their form (head nouns, acronyms in parentheses).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sticoop.ingest.extract.names import normalize_name


@dataclass(frozen=True)
class KnownOrganization:
    name: str
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None  # ISO alpha-3


@dataclass(frozen=True)
class KnownCommittee:
    name: str
    aliases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    """Lookup of known organisations/committees by any of their names (normalised)."""

    organizations: list[KnownOrganization] = field(default_factory=list)
    committees: list[KnownCommittee] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._orgs: dict[str, KnownOrganization] = {}
        for org in self.organizations:
            for name in (org.name, org.acronym, *org.aliases):
                if name and (key := normalize_name(name)):
                    self._orgs.setdefault(key, org)
        # surface forms by their first word (lower case), so a text is matched by looking up its own words
        # instead of trying every known form: cost grows with the text, not with the database
        self._by_first_word: dict[str, list[tuple[str, KnownOrganization]]] = {}
        for form, org in self.organization_names():
            first = _WORD.search(form)  # the same tokenisation as `forms_in` applies to the text
            if first:
                self._by_first_word.setdefault(first.group(0).lower(), []).append((form, org))
        self._committees: dict[str, KnownCommittee] = {}
        for com in self.committees:
            for name in (com.name, *com.aliases):
                if key := normalize_name(name):
                    self._committees.setdefault(key, com)

    def organization(self, name: str) -> KnownOrganization | None:
        return self._orgs.get(normalize_name(name))

    def committee(self, name: str) -> KnownCommittee | None:
        return self._committees.get(normalize_name(name))

    def forms_in(self, text: str) -> list[tuple[str, KnownOrganization]]:
        """The surface forms whose first word occurs in the text (candidates to match), longest first."""
        words = {w.lower() for w in _WORD.findall(text)}
        found = [f for w in words for f in self._by_first_word.get(w, ())]
        return sorted(found, key=lambda f: (-len(f[0]), f[0]))

    def organization_names(self) -> list[tuple[str, KnownOrganization]]:
        """Every surface form (name, acronym, alias) with its organisation, longest first."""
        forms = [(n, o) for o in self.organizations for n in (o.name, o.acronym, *o.aliases) if n]
        return sorted(forms, key=lambda f: -len(f[0]))


_WORD = re.compile(r"[\w&][\w&.\-]*[\w&]|[\w&]")
