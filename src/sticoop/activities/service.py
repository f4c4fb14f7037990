"""Visits and events."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_
from sqlalchemy.orm import Session

from sticoop.activities.models import Event, Visit
from sticoop.core.crud import RecordService, load_many
from sticoop.core.duplicates import N_, key
from sticoop.core.errors import ValidationFailed
from sticoop.core.labels import register_labels, register_navigation
from sticoop.core.registry import register_kind, register_scope
from sticoop.partners.models import Organization, Person


class VisitService(RecordService[Visit]):
    model = Visit
    entity = "visit"
    label = "Visit"
    filters = {
        "partnership_id": lambda v: Visit.partnership_id == v,
        "country": lambda v: or_(Visit.from_country_code == v, Visit.to_country_code == v),
    }
    date_column = "start_date"
    sortable = ("id", "start_date", "updated_at")
    default_sort = "-start_date"
    date_ranges = (("start_date", "end_date"),)
    relation_inputs = ("member_ids", "organization_met_ids")
    natural_key = "same countries (from, to) and same start date"

    def natural_keys(self, obj: Any) -> dict[str, str]:
        if obj.start_date is None:
            return {}
        return {key("trip", obj.from_country_code, obj.to_country_code, obj.start_date.isoformat()):
                N_("same countries and start date")}

    def display_name(self, db: Session, obj: Any) -> str:
        return f"{obj.from_country_code} → {obj.to_country_code}, {obj.start_date or ''}".strip(", ")

    def apply_relations(self, db: Session, obj: Visit, relations: dict[str, Any]) -> None:
        if relations.get("member_ids") is not None:
            obj.members = load_many(db, Person, relations["member_ids"], "person")
        if relations.get("organization_met_ids") is not None:
            obj.organizations_met = load_many(db, Organization, relations["organization_met_ids"], "organization")

    def check(self, db: Session, obj: Visit) -> None:
        super().check(db, obj)
        if obj.from_country_code and obj.from_country_code == obj.to_country_code:
            raise ValidationFailed("A visit goes from one country to another", field="to_country_code")


class EventService(RecordService[Event]):
    model = Event
    entity = "event"
    label = "Event"
    filters = {
        "partnership_id": lambda v: Event.partnership_id == v,
        "kind": lambda v: Event.kind == v,
        "country": lambda v: Event.country_code == v,
        "commitment_id": lambda v: Event.commitment_id == v,
    }
    date_column = "start_date"
    sortable = ("id", "start_date", "title", "updated_at")
    default_sort = "-start_date"
    date_ranges = (("start_date", "end_date"),)
    relation_inputs = ("organizer_ids",)
    natural_key = "same title (folded) and same start date"

    def natural_keys(self, obj: Any) -> dict[str, str]:
        start = obj.start_date.isoformat() if obj.start_date else None
        return {key("title", start, obj.title): N_("same title and start date")}

    def apply_relations(self, db: Session, obj: Event, relations: dict[str, Any]) -> None:
        if relations.get("organizer_ids") is not None:
            obj.organizers = load_many(db, Organization, relations["organizer_ids"], "organization")


visits = VisitService()
events = EventService()


def register() -> None:
    """Declare this domain's record kinds (called once by :func:`sticoop.composition.bootstrap`)."""
    register_labels("event_kind", {
        "training_course": N_("Training course"), "workshop": N_("Workshop"),
        "tech_transfer_fair": N_("Technology-transfer fair"), "conference": N_("Conference"),
    })
    register_labels("kind", {"visit": N_("Visit"), "event": N_("Event")})
    register_navigation("/visits", N_("Visits"), order=100)
    register_navigation("/events", N_("Events"), order=110)
    register_scope(Visit)
    register_scope(Event)
    register_kind("visit", visits, page_prefix="/visits")
    register_kind("event", events, page_prefix="/events")
