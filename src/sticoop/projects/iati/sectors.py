"""sticoop fields → OECD DAC 5-digit purpose codes (IATI sector vocabulary 1), the research codes first.

Source of the codes: the OECD DAC/CRS purpose codes, as IATI publishes them in its Sector codelist
(``xx182`` are the research codes of each sector: 31182 agricultural research, 12182 medical research, 32182
technological research and development...). A field keeps its default unless an admin maps it otherwise
(table ``iati_sectors``: ``PUT /api/v1/iati/sectors/{field_key}``); the field itself is always published as
well, under the reporting organisation's own vocabulary (99).
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sticoop.core.errors import NotFound, ValidationFailed
from sticoop.projects.iati.models import IatiSector
from sticoop.reference.models import Field

#: the DAC 5 code each field of ``sticoop.reference.fields`` takes when no admin chose another
DEFAULT_DAC: dict[str, str] = {
    "agriculture": "31182",  # agricultural research
    "forestry": "31282",  # forestry research
    "fisheries": "31382",  # fishery research
    "water_resources": "41082",  # environmental research
    "environment": "41082",
    "climate_change": "41082",
    "marine": "41082",
    "energy": "23182",  # energy research
    "health_medicine": "12182",  # medical research
    "education_training": "11182",  # educational research
    "ict": "22040",  # information and communication technology
    "digital_transformation": "22040",
    "policy_management": "43082",  # research/scientific institutions
    "other": "43082",
    # every other field: technological research and development
    **{key: "32182" for key in (
        "new_materials", "ai", "iot", "big_data", "cloud_computing", "automation", "remote_sensing", "space",
        "geology_minerals", "biotechnology", "nuclear", "high_tech_zones", "innovation_startups",
        "technology_transfer", "standards_metrology", "intellectual_property")},
}
#: a DAC 5 purpose code: five digits
DAC_CODE = re.compile(r"[1-9][0-9]{4}")


def sector_map(db: DbSession) -> dict[str, str]:
    """Every field key → its DAC 5 code now: the defaults overlaid with the admins' choices (one query)."""
    chosen = dict(db.execute(select(IatiSector.field_key, IatiSector.dac_code)).all())
    return {**DEFAULT_DAC, **chosen}


def set_sector(db: DbSession, field_key: str, dac_code: str | None) -> str:
    """Map ``field_key`` to ``dac_code`` (five digits), or back to its default when ``dac_code`` is None.
    Returns the code in force. Raises NotFound (unknown field) or ValidationFailed (not five digits)."""
    if db.get(Field, field_key) is None:
        raise NotFound(f"No field '{field_key}' (GET /api/v1/fields)")
    row = db.get(IatiSector, field_key)
    if dac_code is None:
        if row is not None:
            db.delete(row)
        db.flush()
        return DEFAULT_DAC.get(field_key, "")
    if not DAC_CODE.fullmatch(dac_code):
        raise ValidationFailed(f"'{dac_code}' is not a DAC 5 purpose code (five digits, e.g. 31182)",
                               field="dac_code")
    if row is None:
        db.add(IatiSector(field_key=field_key, dac_code=dac_code))
    else:
        row.dac_code = dac_code
    db.flush()
    return dac_code
