"""Check and export projects as IATI 2.03 activities.

Every project is built, checked by the rules (:mod:`.rules`) and validated alone against the 2.03 XSD; only
the valid ones are written, and the whole document is validated once more before it is returned. A project
that cannot be exported validly is left out and named with its reasons (``check``; the API's
``X-IATI-Left-Out`` header and ``GET /api/v1/projects/iati-check``); when none is valid the export is refused.
Confidential projects are never exported, whoever asks; the rest follow the session's visibility.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from lxml import etree
from pydantic import ValidationError
from sqlalchemy import Select, select
from sqlalchemy.orm import Session as DbSession

from sticoop.core.clock import today
from sticoop.core.config import Settings, get_settings
from sticoop.core.errors import ValidationFailed
from sticoop.core.listing import ListParams
from sticoop.projects.iati import builder, rules
from sticoop.projects.iati.sectors import sector_map
from sticoop.projects.iati.xsd import schema_errors
from sticoop.projects.models import Project
from sticoop.projects.service import projects

#: projects built per batch (their organisations, countries and documents are loaded once per batch)
BATCH = 500
#: at most this many projects in one export (as the lists' CSV export)
MAX_PROJECTS = 100_000


@dataclass(frozen=True)
class Checked:
    """One project's activity and what keeps it out of the export (nothing: it is written)."""

    project_id: int
    title: str
    identifier: str
    element: etree._Element
    reasons: list[rules.Reason]

    @property
    def valid(self) -> bool:
        return not self.reasons

    def to_dict(self) -> dict[str, object]:
        return {"project_id": self.project_id, "title": self.title, "iati_identifier": self.identifier,
                "reasons": [r.to_dict() for r in self.reasons]}


@dataclass
class Export:
    """An export's outcome: the XML (None when nothing could be written) and every project left out."""

    xml: bytes | None
    written: int
    left_out: list[Checked] = field(default_factory=list)


def reporter(settings: Settings | None = None) -> builder.Reporter:
    """The reporting organisation from the settings; raises ValidationFailed (field
    ``iati_reporting_org_ref``) when its identifier is missing or not of org-id.guide's form."""
    from pydantic import TypeAdapter

    from sticoop.core.schemas import CountryCode, OrgIdentifier

    settings = settings or get_settings()
    if not settings.iati_reporting_org_ref:
        raise ValidationFailed("Set STICOOP_IATI_REPORTING_ORG_REF to the reporting organisation's IATI identifier "
                               "(org-id.guide, e.g. XM-DAC-41114) before exporting to IATI",
                               field="iati_reporting_org_ref")
    try:
        ref = TypeAdapter(OrgIdentifier).validate_python(settings.iati_reporting_org_ref)
        country = (TypeAdapter(CountryCode).validate_python(settings.iati_reporting_country)
                   if settings.iati_reporting_country else None)
    except ValidationError as exc:
        raise ValidationFailed(f"STICOOP_IATI_REPORTING_ORG_REF or _COUNTRY: {exc.errors()[0]['msg']}",
                               field="iati_reporting_org_ref") from None
    alpha2 = None
    if country:
        from sticoop.core.countries import all_countries

        alpha2 = all_countries()[country].alpha2
    return builder.Reporter(ref=ref, name=settings.iati_reporting_org_name, type=settings.iati_reporting_org_type,
                            country=alpha2)


def exportable(params: ListParams) -> Select[int]:
    """The ids of the projects list's query, with its filters and order, without confidential projects."""
    query = projects.filtered_query(params).where(Project.confidential.is_(False))
    return query.with_only_columns(Project.id).order_by(*projects._order(params.sort)).limit(MAX_PROJECTS)


def check(db: DbSession, params: ListParams, on: date | None = None) -> Iterator[Checked]:
    """Build, check and validate every exportable project the session sees, batch by batch (ids first, then
    each batch of projects with what it needs in a few queries)."""
    who = reporter()
    day = on or today()
    language = get_settings().default_locale
    sectors = sector_map(db)
    ids: list[int] = list(db.scalars(exportable(params)))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        found = {p.id: p for p in db.scalars(select(Project).where(Project.id.in_(chunk)))}
        yield from _check_batch(db, [found[i] for i in chunk if i in found], who, sectors, language, day)


def _check_batch(db: DbSession, batch: list[Project], who: builder.Reporter, sectors: dict[str, str],
                 language: str, day: date) -> Iterator[Checked]:
    lookups = builder.load_lookups(db, batch, sectors)
    for project in batch:
        element = builder.activity(project, lookups, who, language, day)
        yield Checked(project.id, project.title, element.findtext("iati-identifier") or "", element,
                      validate(element, who.ref, day))


def validate(element: etree._Element, reporting_ref: str, on: date) -> list[rules.Reason]:
    """The rules' reasons, then the XSD's errors (code ``xsd``), for one ``iati-activity`` checked alone."""
    reasons = rules.check(element, reporting_ref, on)
    alone = builder.activities_document([_copy(element)])
    reasons += [rules.Reason("xsd", message) for message in schema_errors(alone)]
    return reasons


def _copy(element: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(element))


def export(db: DbSession, params: ListParams, on: date | None = None) -> Export:
    """The IATI 2.03 document of every valid exportable project and the projects left out with their reasons.
    The whole document is validated again before it is returned (a failure raises ValidationFailed, never
    invalid XML)."""
    valid: list[etree._Element] = []
    left_out: list[Checked] = []
    for checked in check(db, params, on):
        if checked.valid:
            valid.append(checked.element)
        else:
            left_out.append(checked)
    if not valid:
        return Export(None, 0, left_out)
    document = builder.activities_document(valid)
    errors = schema_errors(document)
    if errors:
        raise ValidationFailed(f"The IATI document does not validate against the 2.03 schema: {errors[0]}")
    xml = etree.tostring(document, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return Export(xml, len(valid), left_out)
