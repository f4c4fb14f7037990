"""Organisations and people: lookup by name, acronym or alias; positions held over time."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sticoop.core.choices import ChoiceSource, register_choice_source
from sticoop.core.crud import RecordService, load_many
from sticoop.core.duplicates import N_, key
from sticoop.core.errors import ValidationFailed
from sticoop.core.labels import register_labels, register_navigation
from sticoop.core.registry import register_kind
from sticoop.core.text import fold, like_pattern
from sticoop.partners.models import Organization, Person, Position

#: the line a merge adds to a person's notes for the duplicate's different spelling of the name
ALSO_RECORDED_AS = "Also recorded as:"


class OrganizationService(RecordService[Organization]):
    model = Organization
    entity = "organization"
    label = "Organization"
    filters = {
        "country": lambda v: Organization.country_code == v,
        "kind": lambda v: Organization.type == v,
    }
    sortable = ("id", "name", "acronym", "updated_at")
    default_sort = "name"
    mergeable = True

    def display_names(self, db: Session, keys: list[int]) -> dict[int, str]:
        """How an organisation is named in exports: its acronym when it has one ("MOST"), else its name."""
        rows = db.execute(select(Organization.id, Organization.acronym, Organization.name)
                               .where(Organization.id.in_(keys)))
        return {oid: acronym or name for oid, acronym, name in rows}

    natural_key = "same name or alias (folded), or same acronym and country"

    def natural_keys(self, obj: Any) -> dict[str, str]:
        keys = {key("name", name): N_("same name or alias") for name in [obj.name, *(obj.aliases or [])] if name}
        if obj.acronym and obj.country_code:
            keys[key("acronym", obj.acronym, obj.country_code)] = N_("same acronym and country")
        return keys

    def check(self, db: Session, obj: Organization) -> None:
        super().check(db, obj)
        if obj.parent_id is not None and obj.parent_id == obj.id:
            raise ValidationFailed("An organization cannot be its own parent", field="parent_id")
        if obj.id is not None and obj.parent_id is not None:
            self._refuse_cycle(db, obj)

    def _refuse_cycle(self, db: Session, obj: Organization) -> None:
        """Walk up from the new parent: meeting the organisation itself means the change closes a loop
        (A under B under A), which would make every "parent of" chain endless."""
        seen: set[int] = set()
        current: int | None = obj.parent_id
        while current is not None and current not in seen:
            if current == obj.id:
                raise ValidationFailed("This parent is already below the organisation; a parent cannot also be "
                                       "a sub-organisation", field="parent_id")
            seen.add(current)
            current = db.scalar(select(Organization.parent_id).where(Organization.id == current))

    def merge_names_of(self, kept: Organization, merged: Organization) -> list[str]:
        """The duplicate's name, acronym and other names that the kept organisation does not already carry
        (an acronym fills an empty acronym rather than becoming an alias)."""
        have = {fold(x) for x in (kept.name, kept.acronym or merged.acronym, *(kept.aliases or [])) if x}
        names = []
        for name in (merged.name, merged.acronym, *(merged.aliases or [])):
            if name and fold(name) not in have:
                names.append(name)
                have.add(fold(name))
        return names

    def merge_names(self, db: Session, kept: Organization, merged: Organization) -> None:
        kept.aliases = [*(kept.aliases or []), *self.merge_names_of(kept, merged)]

    def find_by_name(self, db: Session, name: str) -> Organization | None:
        """Exact match on name or acronym (case and diacritics ignored), then on aliases."""
        folded = fold(name)
        query = select(Organization).where(
            or_(
                func.lower(Organization.acronym) == name.strip().lower(),
                Organization.search_text.like(like_pattern(name), escape="\\"),
            )
        )
        for org in db.scalars(query.limit(50)):
            if fold(org.name) == folded or (org.acronym and fold(org.acronym) == folded):
                return org
            if any(fold(alias) == folded for alias in org.aliases or []):
                return org
        return None


class PersonService(RecordService[Person]):
    model = Person
    entity = "person"
    label = "Person"
    filters = {"country": lambda v: Person.country_code == v}
    sortable = ("id", "name", "updated_at")
    default_sort = "name"
    relation_inputs = ("positions",)
    mergeable = True

    def merge_names_of(self, kept: Person, merged: Person) -> list[str]:
        return [merged.name] if fold(merged.name) != fold(kept.name) else []

    def merge_names(self, db: Session, kept: Person, merged: Person) -> None:
        """A person has no list of other names: a different spelling is kept in the notes, where search and
        the page show it ("Also recorded as: …")."""
        names = self.merge_names_of(kept, merged)
        if names:
            line = f"{ALSO_RECORDED_AS} {'; '.join(names)}"
            kept.notes = f"{kept.notes}\n{line}" if kept.notes else line

    natural_key = "same name (folded), and same country when both have one"

    def natural_keys(self, obj: Any) -> dict[str, str]:
        return {key("name", obj.name): N_("same name")}

    def same_record(self, new: Any, existing: Any) -> bool:
        return not (new.country_code and existing.country_code and new.country_code != existing.country_code)

    def apply_relations(self, db: Session, obj: Person, relations: dict[str, Any]) -> None:
        if relations.get("positions") is None:
            return
        positions = relations["positions"]
        org_ids = [p["organization_id"] for p in positions if p.get("organization_id")]
        load_many(db, Organization, org_ids, "organization")
        for p in positions:
            if p.get("start_date") and p.get("end_date") and p["end_date"] < p["start_date"]:
                raise ValidationFailed(f"Position '{p['title']}' ends before it starts", field="positions")
        obj.positions = [Position(**p) for p in positions]


def is_current(position: Position, today: date) -> bool:
    """A position is held now when it has started (or has no start date) and has no end date or ends
    today or later."""
    started = position.start_date is None or position.start_date <= today
    return started and (position.end_date is None or position.end_date >= today)


def current_position(positions: Iterable[Position], today: date) -> Position | None:
    """The position a person holds now — the most recently started of the current ones — or None."""
    held = [p for p in positions if is_current(p, today)]
    return max(held, key=lambda p: (p.start_date or date.min, p.id or 0), default=None)


organizations = OrganizationService()
people = PersonService()


def register() -> None:
    """Declare this domain's record kinds (called once by :func:`sticoop.composition.bootstrap`)."""
    register_labels("organization_type", {
        "ministry": N_("Ministry"), "agency": N_("Agency"), "university": N_("University"),
        "research_institute": N_("Research institute"), "company": N_("Company"),
        "international_organization": N_("International organisation"), "other": N_("Other"),
    })
    register_labels("kind", {"organization": N_("Organisation"), "person": N_("Person")})
    register_navigation("/organizations", N_("Organisations"), order=120)
    register_navigation("/people", N_("People"), order=130)
    register_kind("organization", organizations, page_prefix="/organizations")
    register_kind("person", people, page_prefix="/people")
    register_choice_source(ChoiceSource(
        "organizations",
        lambda: select(Organization.id, Organization.name, Organization.acronym).order_by(Organization.name),
        Organization.id, lambda row, fmt: f"{row.name} ({row.acronym})" if row.acronym else str(row.name)))
    register_choice_source(ChoiceSource(
        "people", lambda: select(Person.id, Person.name).order_by(Person.name), Person.id,
        lambda row, fmt: str(row.name)))
