"""IATI routes: the projects' export and check (``/projects/...``, same filters and access as the list) and the
admins' field → DAC sector mapping (``/iati/sectors``)."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field
from sqlalchemy import select

from sticoop.core.api import DB
from sticoop.core.downloads import attachment
from sticoop.core.errors import ValidationFailed
from sticoop.core.listing import ListParams
from sticoop.projects.iati import service
from sticoop.projects.iati.sectors import DEFAULT_DAC, sector_map, set_sector
from sticoop.reference.models import Field as FieldRow

router = APIRouter(prefix="/projects", tags=["projects"])
sectors_router = APIRouter(prefix="/iati/sectors", tags=["iati"])
#: how many left-out project ids the export's header names (all are in GET /projects/iati-check)
HEADER_IDS = 50


class ReasonOut(BaseModel):
    """Why a project cannot be exported validly."""

    code: str = Field(description="The rule: identifier_empty, identifier_prefix, empty_ref, description_missing, "
                                  "start_date_missing, dates_out_of_order, actual_date_in_future, sector_missing, "
                                  "sector_percentages, country_missing, country_percentages, or xsd (the IATI 2.03 "
                                  "schema's own message)")
    message: str = Field(description="What is wrong, in English")


class LeftOutOut(BaseModel):
    """A project the IATI export leaves out, with every reason."""

    project_id: int = Field(description="The project's id")
    title: str = Field(description="The project's title")
    iati_identifier: str = Field(description="The iati-identifier it would have ({reporting org ref}-PRJ-{id})")
    reasons: list[ReasonOut] = Field(description="Every rule it fails (at least one)")


class CheckOut(BaseModel):
    """What the IATI export of these filters would write and leave out."""

    reporting_org: str = Field(description="The reporting organisation's IATI identifier (settings)")
    checked: int = Field(description="Projects checked: those of the filters the user sees, never confidential ones "
                                     "(at most 100,000)")
    valid: int = Field(description="How many would be written")
    left_out: list[LeftOutOut] = Field(description="The others, with their reasons")


@router.get("/iati-check", response_model=CheckOut,
            summary="Which projects the IATI export would leave out, and why (same filters as the list)")
def iati_check(db: DB, params: Annotated[ListParams, Query()]) -> Any:
    found = list(service.check(db, params))
    return {"reporting_org": service.reporter().ref, "checked": len(found), "valid": sum(c.valid for c in found),
            "left_out": [c.to_dict() for c in found if not c.valid]}


@router.get("/export.iati.xml", response_class=Response,
            summary="Export the projects as IATI 2.03 activities (same filters as the list; valid ones only)",
            responses={200: {"content": {"application/xml": {}}}})
def iati_export(db: DB, params: Annotated[ListParams, Query()]) -> Response:
    """Valid activities only: ``X-IATI-Activities`` says how many were written, ``X-IATI-Left-Out-Count`` how many
    were left out and ``X-IATI-Left-Out`` the first 50 of their project ids (reasons: ``GET
    /projects/iati-check``). 422 when none can be written."""
    result = service.export(db, params)
    ids = [c.project_id for c in result.left_out]
    if result.xml is None:
        raise ValidationFailed(
            "No project can be exported validly to IATI" + (f" ({len(ids)} left out: see GET "
                                                           "/api/v1/projects/iati-check)" if ids else ""),
            details={"left_out": [c.to_dict() for c in result.left_out[:HEADER_IDS]]})
    headers = attachment("projects.iati.xml")
    headers["X-IATI-Activities"] = str(result.written)
    headers["X-IATI-Left-Out-Count"] = str(len(ids))
    if ids:
        headers["X-IATI-Left-Out"] = ",".join(map(str, ids[:HEADER_IDS]))
    return Response(result.xml, media_type="application/xml", headers=headers)


class SectorOut(BaseModel):
    """A field's DAC 5 sector in the IATI export."""

    field_key: str = Field(description="Field taxonomy key (GET /api/v1/fields)")
    dac_code: str = Field(description="DAC 5 purpose code published as its sector (vocabulary 1), five digits")
    default: str | None = Field(description="The code sticoop gives it when no admin chose one")


class SectorIn(BaseModel):
    """An admin's choice of DAC 5 code for a field."""

    dac_code: str | None = Field(description="DAC 5 purpose code, five digits (e.g. 31182); null: back to the "
                                             "default", max_length=5)


@sectors_router.get("", response_model=list[SectorOut], summary="Every field's DAC 5 sector in the IATI export")
def sectors(db: DB) -> Any:
    mapping = sector_map(db)
    keys = list(db.scalars(select(FieldRow.key).order_by(FieldRow.key)))
    return [{"field_key": k, "dac_code": mapping.get(k, ""), "default": DEFAULT_DAC.get(k)} for k in keys]


@sectors_router.put("/{field_key}", response_model=SectorOut, summary="Choose a field's DAC 5 sector (admins)")
def choose_sector(field_key: str, payload: SectorIn, db: DB) -> Any:
    code = set_sector(db, field_key, payload.dac_code)
    return {"field_key": field_key, "dac_code": code, "default": DEFAULT_DAC.get(field_key)}
