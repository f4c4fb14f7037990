"""Agreements: only valid status transitions are accepted, each one dated and kept in the history."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.agreements.models import (
    STATUS_DATE,
    TRANSITIONS,
    Agreement,
    AgreementStatus,
    AgreementStatusChange,
    effective_status_clause,
)
from sticoop.core import clock
from sticoop.core.choices import ChoiceSource, register_choice_source
from sticoop.core.crud import RecordService, load_many, touch
from sticoop.core.duplicates import N_, key
from sticoop.core.errors import ValidationFailed
from sticoop.core.labels import register_labels, register_navigation
from sticoop.core.registry import register_kind, register_scope
from sticoop.partners.models import Organization
from sticoop.reference.service import country_codes

#: the date column a transition sets when the agreement reaches that status (if the user has not set it)
SETS_DATE = {AgreementStatus.signed: "signed_date", AgreementStatus.in_force: "in_force_date"}


def initial_status_date(obj: Agreement, status: str) -> date | None:
    """When a new agreement reached the status it is recorded in: its own date for that status (signed on,
    in force from, expires on), else undated — never the day it was typed in."""
    column = STATUS_DATE.get(status)
    return getattr(obj, column) if column else None


def status_filter(value: str) -> Any:
    """``status=in_force,expired``: by the status as read today (a live agreement past expiry is expired)."""
    return effective_status_clause([v for v in value.split(",") if v], clock.today())


class AgreementService(RecordService[Agreement]):
    model = Agreement
    entity = "agreement"
    label = "Agreement"
    filters = {
        "partnership_id": lambda v: Agreement.partnership_id == v,
        "status": status_filter,
        "kind": lambda v: Agreement.kind == v,
        "country": lambda v: Agreement.countries.any(code=v),
    }
    date_column = "signed_date"
    sortable = ("id", "title", "status", "signed_date", "expiry_date", "updated_at")
    default_sort = "-updated_at"
    date_ranges = (("signed_date", "in_force_date"), ("signed_date", "expiry_date"), ("in_force_date", "expiry_date"))
    relation_inputs = ("country_codes", "organization_ids", "status")
    mergeable = True
    merge_same = ("partnership_id",)

    natural_key = "same title (folded) in the same partnership"

    def natural_keys(self, obj: Any) -> dict[str, str]:
        return {key("title", obj.partnership_id, obj.title): N_("same title in the same partnership")}

    def apply_relations(self, db: Session, obj: Agreement, relations: dict[str, Any]) -> None:
        if relations.get("country_codes") is not None:
            obj.countries = country_codes(db, relations["country_codes"])
        if relations.get("organization_ids") is not None:
            obj.organizations = load_many(db, Organization, relations["organization_ids"], "organization")
        new_status = relations.get("status")
        if new_status is None:
            return
        if obj.status is None:  # a new agreement starts wherever the user says it stands
            obj.status = new_status
            obj.history = [AgreementStatusChange(from_status=None, to_status=new_status,
                                                 date=initial_status_date(obj, new_status))]
        elif new_status != obj.status:
            self._move(obj, AgreementStatus(new_status), clock.today(), None)

    def restored(self, db: Session, obj: Agreement, previous: dict[str, Any], entry_id: int) -> None:
        """A restore that changes the status is written in the status history like any other move (the
        transition rules do not apply: an admin is undoing a change, not negotiating)."""
        if previous.get("status") and previous["status"] != obj.status:
            obj.history.append(AgreementStatusChange(from_status=previous["status"], to_status=obj.status,
                                                     date=clock.today(), note=f"Restored (audit entry {entry_id})"))

    def transition(self, db: Session, record_id: int, to_status: str, version: int,
                   on: date | None = None, note: str | None = None, actor: str = "system") -> Agreement:
        obj = self.get(db, record_id)
        self.check_version(obj, version)
        self._move(obj, AgreementStatus(to_status), on or clock.today(), note)
        touch(obj, actor)
        self.check(db, obj)
        self._flush(db)
        return obj

    def _move(self, obj: Agreement, to_status: AgreementStatus, on: date, note: str | None) -> None:
        allowed = TRANSITIONS[AgreementStatus(obj.status)]
        if to_status not in allowed:
            choices = ", ".join(sorted(allowed)) or "none (final status)"
            raise ValidationFailed(
                f"An agreement cannot go from '{obj.status}' to '{to_status}'; allowed: {choices}", field="status"
            )
        previous = max((h.date for h in obj.history if h.date is not None), default=None)
        if previous is not None and on < previous:
            raise ValidationFailed(f"The status history already has a change dated {previous.isoformat()}; "
                                   f"a later move cannot be dated {on.isoformat()}", field="date")
        obj.history.append(AgreementStatusChange(from_status=obj.status, to_status=to_status, date=on, note=note))
        obj.status = to_status
        column = SETS_DATE.get(to_status)
        if column and getattr(obj, column) is None:
            setattr(obj, column, on)


agreements = AgreementService()


def register() -> None:
    """Declare this domain's record kinds (called once by :func:`sticoop.composition.bootstrap`)."""
    register_labels("agreement_status", {
        "planned": N_("Planned"), "negotiating": N_("Negotiating"), "signed": N_("Signed"), "in_force": N_("In force"),
        "expired": N_("Expired"), "terminated": N_("Terminated"), "renewed": N_("Renewed"),
    })
    register_labels("agreement_kind", {
        "mou": N_("Memorandum of understanding"), "agreement": N_("Agreement"), "protocol": N_("Protocol"),
        "action_plan": N_("Action plan"),
    })
    register_labels("kind", {"agreement": N_("Agreement")})
    register_navigation("/agreements", N_("Agreements"), order=60)
    register_scope(Agreement)
    register_kind("agreement", agreements, page_prefix="/agreements")
    register_choice_source(ChoiceSource(
        "agreements", lambda: select(Agreement.id, Agreement.title).order_by(Agreement.title), Agreement.id,
        lambda row, fmt: str(row.title), partnership_column=Agreement.partnership_id))
