"""The sticoop field taxonomy: the cooperation fields officials report on.

Keys are stable identifiers used by extraction labels, the API and exports; each maps to the
OECD Fields of Research and Development (FORD, Frascati Manual 2015) code that fits best, so
that figures can be compared with national R&D statistics.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldDefinition:
    key: str
    name: str
    ford_code: str | None
    ford_name: str | None


FIELDS: tuple[FieldDefinition, ...] = (
    FieldDefinition("agriculture", "Agriculture", "4.1", "Agriculture, forestry, and fisheries"),
    FieldDefinition("forestry", "Forestry", "4.1", "Agriculture, forestry, and fisheries"),
    FieldDefinition("fisheries", "Fisheries and aquaculture", "4.1", "Agriculture, forestry, and fisheries"),
    FieldDefinition("water_resources", "Water resources", "2.7", "Environmental engineering"),
    FieldDefinition("environment", "Environment", "1.5", "Earth and related environmental sciences"),
    FieldDefinition("climate_change", "Climate change", "1.5", "Earth and related environmental sciences"),
    FieldDefinition("energy", "Energy and renewable energy", "2.7", "Environmental engineering"),
    FieldDefinition("new_materials", "New materials", "2.5", "Materials engineering"),
    FieldDefinition("ai", "Artificial intelligence", "1.2", "Computer and information sciences"),
    FieldDefinition("ict", "Information and communication technology", "2.2",
                    "Electrical engineering, electronic engineering, information engineering"),
    FieldDefinition("iot", "Internet of Things", "2.2",
                    "Electrical engineering, electronic engineering, information engineering"),
    FieldDefinition("big_data", "Big data", "1.2", "Computer and information sciences"),
    FieldDefinition("cloud_computing", "Cloud computing", "1.2", "Computer and information sciences"),
    FieldDefinition("digital_transformation", "Digital transformation", "5.2", "Economics and business"),
    FieldDefinition("automation", "Automation and robotics", "2.2",
                    "Electrical engineering, electronic engineering, information engineering"),
    FieldDefinition("remote_sensing", "Remote sensing", "2.7", "Environmental engineering"),
    FieldDefinition("space", "Space technology", "1.3", "Physical sciences"),
    FieldDefinition("geology_minerals", "Geology and minerals", "1.5", "Earth and related environmental sciences"),
    FieldDefinition("biotechnology", "Biotechnology", "2.9", "Industrial biotechnology"),
    FieldDefinition("health_medicine", "Health and medicine", "3.2", "Clinical medicine"),
    FieldDefinition("nuclear", "Nuclear science and technology", "1.3", "Physical sciences"),
    FieldDefinition("marine", "Marine science", "1.5", "Earth and related environmental sciences"),
    FieldDefinition("high_tech_zones", "High-tech zones", "5.2", "Economics and business"),
    FieldDefinition("innovation_startups", "Innovation and start-ups", "5.2", "Economics and business"),
    FieldDefinition("technology_transfer", "Technology transfer", "5.2", "Economics and business"),
    FieldDefinition("standards_metrology", "Standards and metrology", "2.11", "Other engineering and technologies"),
    FieldDefinition("intellectual_property", "Intellectual property", "5.5", "Law"),
    FieldDefinition("education_training", "Education and training", "5.3", "Educational sciences"),
    FieldDefinition("policy_management", "S&T policy and management", "5.6", "Political science"),
    FieldDefinition("other", "Other", None, None),
)

FIELD_KEYS: frozenset[str] = frozenset(f.key for f in FIELDS)
FIELDS_BY_KEY: dict[str, FieldDefinition] = {f.key: f for f in FIELDS}
