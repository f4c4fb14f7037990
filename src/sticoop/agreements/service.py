"""Agreements: only valid status transitions are accepted, each one dated and kept in the history."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from sticoop.agreements.models import TRANSITIONS, Agreement, AgreementStatus, AgreementStatusChange
from sticoop.core.crud import RecordService, country_codes, load_many, touch
from sticoop.core.duplicates import N_, key
from sticoop.core.errors import ValidationFailed
from sticoop.partners.models import Organization

#: the date column a status sets when the agreement reaches it (if the user has not set it)
STATUS_DATE = {AgreementStatus.signed: "signed_date", AgreementStatus.in_force: "in_force_date"}


class AgreementService(RecordService[Agreement]):
    model = Agreement
    entity = "agreement"
    label = "Agreement"
    filters = {
        "partnership_id": lambda v: Agreement.partnership_id == v,
        "status": lambda v: Agreement.status.in_(v.split(",")),
        "kind": lambda v: Agreement.kind == v,
        "country": lambda v: Agreement.countries.any(code=v),
    }
    date_column = "signed_date"
    sortable = ("id", "title", "status", "signed_date", "expiry_date", "updated_at")
    default_sort = "-updated_at"
    date_ranges = (("signed_date", "in_force_date"), ("signed_date", "expiry_date"), ("in_force_date", "expiry_date"))
    relation_inputs = ("country_codes", "organization_ids", "status")
    natural_key = "same title (folded) in the same partnership"

    def natural_keys(self, obj: Any) -> dict[str, str]:
        return {key("title", obj.partnership_id, obj.title): N_("same title in the same partnership")}

    def apply_relations(self, session: Session, obj: Agreement, relations: dict[str, Any]) -> None:
        if relations.get("country_codes") is not None:
            obj.countries = country_codes(session, relations["country_codes"])
        if relations.get("organization_ids") is not None:
            obj.organizations = load_many(session, Organization, relations["organization_ids"], "organization")
        new_status = relations.get("status")
        if new_status is None:
            return
        if obj.status is None:  # a new agreement starts wherever the user says it stands
            obj.status = new_status
            obj.history = [AgreementStatusChange(from_status=None, to_status=new_status, date=date.today())]
        elif new_status != obj.status:
            self._move(obj, AgreementStatus(new_status), date.today(), None)

    def restored(self, session: Session, obj: Agreement, previous: dict[str, Any], entry_id: int) -> None:
        """A restore that changes the status is written in the status history like any other move (the
        transition rules do not apply: an admin is undoing a change, not negotiating)."""
        if previous.get("status") and previous["status"] != obj.status:
            obj.history.append(AgreementStatusChange(from_status=previous["status"], to_status=obj.status,
                                                     date=date.today(), note=f"Restored (audit entry {entry_id})"))

    def transition(self, session: Session, record_id: int, to_status: str, version: int,
                   on: date | None = None, note: str | None = None, actor: str = "system") -> Agreement:
        obj = self.get(session, record_id)
        self.check_version(obj, version)
        self._move(obj, AgreementStatus(to_status), on or date.today(), note)
        touch(obj, actor)
        self.check(session, obj)
        self._flush(session)
        return obj

    def _move(self, obj: Agreement, to_status: AgreementStatus, on: date, note: str | None) -> None:
        allowed = TRANSITIONS[AgreementStatus(obj.status)]
        if to_status not in allowed:
            choices = ", ".join(sorted(allowed)) or "none (final status)"
            raise ValidationFailed(
                f"An agreement cannot go from '{obj.status}' to '{to_status}'; allowed: {choices}", field="status"
            )
        obj.history.append(AgreementStatusChange(from_status=obj.status, to_status=to_status, date=on, note=note))
        obj.status = to_status
        column = STATUS_DATE.get(to_status)
        if column and getattr(obj, column) is None:
            setattr(obj, column, on)


agreements = AgreementService()
