"""Organisations and people: lookup by name, acronym or alias; positions held over time."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sticoop.core.crud import RecordService, load_many
from sticoop.core.duplicates import N_, key
from sticoop.core.errors import ValidationFailed
from sticoop.core.text import fold, like_pattern
from sticoop.partners.models import Organization, Person, Position


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
    natural_key = "same name or alias (folded), or same acronym and country"

    def natural_keys(self, obj: Any) -> dict[str, str]:
        keys = {key("name", name): N_("same name or alias") for name in [obj.name, *(obj.aliases or [])] if name}
        if obj.acronym and obj.country_code:
            keys[key("acronym", obj.acronym, obj.country_code)] = N_("same acronym and country")
        return keys

    def check(self, session: Session, obj: Organization) -> None:
        super().check(session, obj)
        if obj.parent_id is not None and obj.parent_id == obj.id:
            raise ValidationFailed("An organization cannot be its own parent", field="parent_id")
        if obj.id is not None and obj.parent_id is not None:
            self._refuse_cycle(session, obj)

    def _refuse_cycle(self, session: Session, obj: Organization) -> None:
        """Walk up from the new parent: meeting the organisation itself means the change closes a loop
        (A under B under A), which would make every "parent of" chain endless."""
        seen: set[int] = set()
        current: int | None = obj.parent_id
        while current is not None and current not in seen:
            if current == obj.id:
                raise ValidationFailed("This parent is already below the organisation; a parent cannot also be "
                                       "a sub-organisation", field="parent_id")
            seen.add(current)
            current = session.scalar(select(Organization.parent_id).where(Organization.id == current))

    def find_by_name(self, session: Session, name: str) -> Organization | None:
        """Exact match on name or acronym (case and diacritics ignored), then on aliases."""
        folded = fold(name)
        query = select(Organization).where(
            or_(
                func.lower(Organization.acronym) == name.strip().lower(),
                Organization.search_text.like(like_pattern(name), escape="\\"),
            )
        )
        for org in session.scalars(query.limit(50)):
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
    natural_key = "same name (folded), and same country when both have one"

    def natural_keys(self, obj: Any) -> dict[str, str]:
        return {key("name", obj.name): N_("same name")}

    def same_record(self, new: Any, existing: Any) -> bool:
        return not (new.country_code and existing.country_code and new.country_code != existing.country_code)

    def apply_relations(self, session: Session, obj: Person, relations: dict[str, Any]) -> None:
        if relations.get("positions") is None:
            return
        positions = relations["positions"]
        org_ids = [p["organization_id"] for p in positions if p.get("organization_id")]
        load_many(session, Organization, org_ids, "organization")
        for p in positions:
            if p.get("start_date") and p.get("end_date") and p["end_date"] < p["start_date"]:
                raise ValidationFailed(f"Position '{p['title']}' ends before it starts", field="positions")
        obj.positions = [Position(**p) for p in positions]


organizations = OrganizationService()
people = PersonService()
