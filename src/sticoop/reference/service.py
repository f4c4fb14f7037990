"""Seeding and reading reference data (countries, fields)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.core.choices import ChoiceSource, register_choice_source
from sticoop.core.countries import all_countries
from sticoop.core.crud import load_many
from sticoop.core.errors import ValidationFailed
from sticoop.core.labels import N_, register_labels
from sticoop.reference.fields import FIELDS
from sticoop.reference.models import Country, Field


def seed_reference(db: Session) -> tuple[int, int]:
    """Insert or refresh every country and field; idempotent, so each `db upgrade` can run it."""
    existing = {c.code: c for c in db.scalars(select(Country))}
    for info in all_countries().values():
        row = existing.get(info.code) or Country(code=info.code)
        row.alpha2 = info.alpha2
        row.name_en = info.names["en"]
        row.name_fr = info.names.get("fr")
        row.name_vi = info.names.get("vi")
        row.name_lo = info.names.get("lo")
        db.add(row)
    fields = {f.key: f for f in db.scalars(select(Field))}
    for definition in FIELDS:
        field = fields.get(definition.key) or Field(key=definition.key)
        field.name = definition.name
        field.ford_code = definition.ford_code
        field.ford_name = definition.ford_name
        db.add(field)
    db.flush()
    return len(all_countries()), len(FIELDS)


def list_countries(db: Session) -> list[Country]:
    return list(db.scalars(select(Country).order_by(Country.name_en)))


def list_fields(db: Session) -> list[Field]:
    return list(db.scalars(select(Field).order_by(Field.name)))


def country_codes(db: Session, codes: Iterable[str] | None, what: str = "country code") -> list[Any]:
    """The ``Country`` rows of ISO 3166-1 alpha-3 ``codes`` (any case), in order, in one query.

    Raises ``ValidationFailed`` naming a code that is not three letters or not a known country."""
    normalised = [c.strip().upper() for c in (codes or [])]
    for code in normalised:
        if len(code) != 3 or not code.isalpha():
            raise ValidationFailed(f"'{code}' is not an ISO 3166-1 alpha-3 code (e.g. VNM, BEL, LAO)")
    return load_many(db, Country, normalised, what)


#: field of science key -> its name (English msgid, translated by the pages: labels group "tech_field", the
#: "fields" options); the keys are those of reference/fields.py
FIELD_LABELS: dict[str, str] = {
    "agriculture": N_("Agriculture"), "forestry": N_("Forestry"), "fisheries": N_("Fisheries and aquaculture"),
    "water_resources": N_("Water resources"), "environment": N_("Environment"),
    "climate_change": N_("Climate change"), "energy": N_("Energy and renewable energy"),
    "new_materials": N_("New materials"), "ai": N_("Artificial intelligence"),
    "ict": N_("Information and communication technology"), "iot": N_("Internet of Things"),
    "big_data": N_("Big data"), "cloud_computing": N_("Cloud computing"),
    "digital_transformation": N_("Digital transformation"), "automation": N_("Automation and robotics"),
    "remote_sensing": N_("Remote sensing"), "space": N_("Space technology"),
    "geology_minerals": N_("Geology and minerals"), "biotechnology": N_("Biotechnology"),
    "health_medicine": N_("Health and medicine"), "nuclear": N_("Nuclear science and technology"),
    "marine": N_("Marine science"), "high_tech_zones": N_("High-tech zones"),
    "innovation_startups": N_("Innovation and start-ups"), "technology_transfer": N_("Technology transfer"),
    "standards_metrology": N_("Standards and metrology"), "intellectual_property": N_("Intellectual property"),
    "education_training": N_("Education and training"), "policy_management": N_("S&T policy and management"),
    "other": N_("Other"),
}


def register() -> None:
    """Declare the reference lists' option sources (called once by :func:`sticoop.composition.bootstrap`):
    countries and fields of science by their name in the page's language."""
    register_labels("tech_field", FIELD_LABELS)
    register_choice_source(ChoiceSource(
        "countries", lambda: select(Country.code), Country.code, lambda row, fmt: fmt.country(row.code),
        value=lambda row: str(row.code), capped=False, sort_by_label=True))
    register_choice_source(ChoiceSource(
        "fields", lambda: select(Field.key, Field.name).order_by(Field.name), Field.key,
        lambda row, fmt: fmt._(FIELD_LABELS.get(row.key, row.name)), value=lambda row: str(row.key), capped=False,
        sort_by_label=True))
