"""Programmes and projects."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.core.choices import ChoiceSource, register_choice_source
from sticoop.core.crud import RecordService, load_many
from sticoop.core.duplicates import N_, key
from sticoop.core.errors import ValidationFailed
from sticoop.core.labels import register_labels, register_navigation
from sticoop.core.registry import register_kind, register_scope
from sticoop.partners.models import Organization
from sticoop.projects.models import Programme, Project, ProjectPartner, project_fields
from sticoop.reference.models import Field


class ProgrammeService(RecordService[Programme]):
    model = Programme
    entity = "programme"
    label = "Programme"
    filters = {
        "country": lambda v: Programme.funder_id.in_(select(Organization.id).where(Organization.country_code == v)),
    }
    sortable = ("id", "name", "updated_at")
    default_sort = "name"
    natural_key = "same name (folded)"

    def natural_keys(self, obj: Any) -> dict[str, str]:
        return {key("name", obj.name): N_("same name")}


class ProjectService(RecordService[Project]):
    model = Project
    entity = "project"
    label = "Project"
    filters = {
        "partnership_id": lambda v: Project.partnership_id == v,
        "status": lambda v: Project.status == v,
        "field": lambda v: Project.id.in_(select(project_fields.c.project_id).where(project_fields.c.field_key == v)),
        "country": lambda v: Project.partners.any(
            ProjectPartner.organization_id.in_(select(Organization.id).where(Organization.country_code == v))
        ),
    }
    date_column = "start_date"
    sortable = ("id", "title", "start_date", "status", "updated_at")
    default_sort = "-start_date"
    date_ranges = (("start_date", "end_date"),)
    relation_inputs = ("field_keys", "partners")
    natural_key = "same title (folded) in the same partnership"

    def natural_keys(self, obj: Any) -> dict[str, str]:
        return {key("title", obj.partnership_id, obj.title): N_("same title in the same partnership")}

    def apply_relations(self, db: Session, obj: Project, relations: dict[str, Any]) -> None:
        if relations.get("field_keys") is not None:
            obj.fields = load_many(db, Field, relations["field_keys"], "field")
        if relations.get("partners") is not None:
            partners = relations["partners"]
            load_many(db, Organization, [p["organization_id"] for p in partners], "organization")
            for i, p in enumerate(partners):
                if (p.get("amount") is None) != (p.get("currency") is None):
                    raise ValidationFailed(f"partners[{i}]: an amount needs its currency and a currency its amount",
                                           field="partners")
            kept = {(x.organization_id, x.role): (x.amount, x.currency) for x in obj.partners}
            obj.partners = [ProjectPartner(**_with_funding(p, kept)) for p in partners]

    def check(self, db: Session, obj: Project) -> None:
        super().check(db, obj)
        if obj.budget is not None and not obj.currency:
            raise ValidationFailed("A budget needs its currency (ISO 4217, e.g. EUR)", field="currency")
        own = obj.language
        if own and any(t.get("language") == own for t in obj.translations or []):
            raise ValidationFailed(f"A translation is in the project's own language ({own}); give it another "
                                   "language or change the project's", field="translations")


programmes = ProgrammeService()
projects = ProjectService()


def register() -> None:
    """Declare this domain's record kinds (called once by :func:`sticoop.composition.bootstrap`)."""
    register_labels("project_status", {
        "proposed": N_("Proposed"), "approved": N_("Approved"), "running": N_("Running"), "completed": N_("Completed"),
        "cancelled": N_("Cancelled"),
    })
    register_labels("partner_role", {
        "coordinator": N_("Coordinator"), "partner": N_("Partner"), "funder": N_("Funder"),
    })
    register_labels("kind", {"project": N_("Project"), "programme": N_("Programme")})
    register_navigation("/projects", N_("Projects"), order=70)
    register_navigation("/programmes", N_("Programmes"), order=80)
    register_scope(Project)
    register_kind("programme", programmes, page_prefix="/programmes")
    register_kind("project", projects, page_prefix="/projects")
    register_choice_source(ChoiceSource(
        "programmes", lambda: select(Programme.id, Programme.name).order_by(Programme.name), Programme.id,
        lambda row, fmt: str(row.name)))


def _with_funding(partner: dict[str, Any], kept: dict[tuple[int, str], tuple[Any, Any]]) -> dict[str, Any]:
    """A partner row as given; a row that says nothing of funding (the page form's pickers) keeps the amount and
    currency the same organisation had in the same role."""
    if "amount" in partner or "currency" in partner:
        return partner
    amount, currency = kept.get((partner["organization_id"], partner.get("role", "partner")), (None, None))
    return {**partner, "amount": amount, "currency": currency}
