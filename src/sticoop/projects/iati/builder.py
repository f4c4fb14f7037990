"""One IATI 2.03 ``iati-activity`` per project, built with lxml from records loaded in bounded batches.

The mapping (IATI Activity Standard 2.03, https://iatistandard.org/en/iati-standard/203/activity-standard/):

- ``iati-identifier``: ``{reporting org ref}-PRJ-{project id}``; a programme is ``{ref}-PRG-{id}``, named by
  ``related-activity type="1"`` (parent) on its projects;
- ``title`` / ``description type="1"``: one ``narrative`` per language held (the project's ``language``, else
  the site's default, and each of its ``translations``), each with its ``xml:lang``;
- ``participating-org`` (OrganisationRole codelist): a funder partner and the programme's funder → 1 Funding;
  the coordinator → 2 Accountable and 4 Implementing; a partner → 4 Implementing. ``ref`` is the
  organisation's IATI identifier when it has one, ``type`` from its kind (:data:`ORG_TYPE`);
- ``activity-status`` (ActivityStatus codelist) from the project status (:data:`STATUS`);
- ``activity-date``: the start is actual (2) once a running or completed project has started, else planned
  (1); the end is actual (4) for a completed project that has ended, else planned (3);
- ``recipient-country``: the partnership's countries (ISO 3166-1 alpha-2) but the reporting country, shares
  of 100 split evenly (two decimals, the rounding on the last);
- ``sector``: each field's DAC 5 code (vocabulary 1, :mod:`sticoop.projects.iati.sectors`) and the field
  itself (vocabulary 99), each vocabulary's shares adding to 100 (a field one share, fields sharing a code
  adding theirs);
- ``budget`` (original, indicative; committed once approved) over the project's dates and a commitment
  ``transaction`` (type 2) at its start once approved and started, in the project's currency;
- ``document-link`` for each linked, non-confidential document that has a public address (``source_url``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import ROUND_DOWN, Decimal

from lxml import etree
from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from sticoop.documents.models import Document, DocumentLink
from sticoop.partners.models import Organization
from sticoop.partnerships.models import partnership_countries
from sticoop.projects.models import Programme, Project
from sticoop.reference.models import Country, Field

IATI_VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: sticoop project status → IATI ActivityStatus code
STATUS = {"proposed": "1", "approved": "1", "running": "2", "completed": "4", "cancelled": "5"}
#: sticoop organisation kind → IATI OrganisationType code
ORG_TYPE = {"ministry": "10", "agency": "15", "university": "80", "research_institute": "80", "company": "70",
            "international_organization": "40", "other": "90"}
FUNDING, ACCOUNTABLE, IMPLEMENTING = "1", "2", "4"
#: IATI DocumentCategory of a linked document: A12 "Activity web page"
DOCUMENT_CATEGORY = "A12"
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Reporter:
    """The reporting organisation (settings ``STICOOP_IATI_REPORTING_ORG_*``)."""

    ref: str
    name: str | None = None
    type: int = 10
    #: ISO 3166-1 alpha-2 country of the reporter, left out of the recipient countries
    country: str | None = None


@dataclass
class Lookups:
    """What the activities of one batch of projects need, each loaded in one query."""

    organizations: dict[int, Organization] = field(default_factory=dict)
    programmes: dict[int, Programme] = field(default_factory=dict)
    #: partnership id → its countries' alpha-2 codes, sorted
    countries: dict[int, list[str]] = field(default_factory=dict)
    #: project id → its linked documents that may be published
    documents: dict[int, list[Document]] = field(default_factory=dict)
    #: field key → its name
    field_names: dict[str, str] = field(default_factory=dict)
    #: field key → DAC 5 code
    sectors: dict[str, str] = field(default_factory=dict)


def load_lookups(db: DbSession, projects: Sequence[Project], sectors: dict[str, str]) -> Lookups:
    """Organisations, programmes, partnership countries, documents and field names of ``projects``: five
    queries for the batch, through the session's own visibility (documents also leave out confidential ones
    and those with no public address)."""
    found = Lookups(sectors=sectors)
    programme_ids = {p.programme_id for p in projects if p.programme_id}
    if programme_ids:
        found.programmes = {p.id: p for p in db.scalars(select(Programme).where(Programme.id.in_(programme_ids)))}
    org_ids = {x.organization_id for p in projects for x in p.partners}
    org_ids |= {pg.funder_id for pg in found.programmes.values() if pg.funder_id}
    if org_ids:
        found.organizations = {o.id: o for o in db.scalars(select(Organization).where(Organization.id.in_(org_ids)))}
    partnership_ids = {p.partnership_id for p in projects if p.partnership_id}
    if partnership_ids:
        rows = db.execute(select(partnership_countries.c.partnership_id, Country.alpha2)
                          .join(Country, Country.code == partnership_countries.c.country_code)
                          .where(partnership_countries.c.partnership_id.in_(partnership_ids)))
        by_partnership: dict[int, list[str]] = defaultdict(list)
        for partnership_id, alpha2 in rows:
            by_partnership[partnership_id].append(alpha2)
        found.countries = {k: sorted(v) for k, v in by_partnership.items()}
    project_ids = [p.id for p in projects]
    if project_ids:
        docs = db.execute(select(DocumentLink.entity_id, Document)
                          .join(Document, Document.id == DocumentLink.document_id)
                          .where(DocumentLink.entity_type == "project", DocumentLink.entity_id.in_(project_ids),
                                 Document.confidential.is_(False), Document.source_url.is_not(None))
                          .order_by(DocumentLink.id))
        by_project: dict[int, list[Document]] = defaultdict(list)
        for project_id, document in docs:
            by_project[project_id].append(document)
        found.documents = dict(by_project)
    keys = {f.key for p in projects for f in p.fields}
    if keys:
        found.field_names = dict(db.execute(select(Field.key, Field.name).where(Field.key.in_(keys))).all())
    return found


def identifier(reporter: Reporter, kind: str, record_id: int) -> str:
    """``{ref}-PRJ-{id}`` for a project, ``{ref}-PRG-{id}`` for a programme (``kind`` "PRJ" or "PRG")."""
    return f"{reporter.ref}-{kind}-{record_id}"


def shares(count: int) -> list[Decimal]:
    """``count`` even shares of 100 with two decimals adding to exactly 100 (the rounding on the last):
    3 → [33.33, 33.33, 33.34]. Empty for 0."""
    if count <= 0:
        return []
    each = (HUNDRED / count).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return [each] * (count - 1) + [HUNDRED - each * (count - 1)]


def percent(value: Decimal) -> str:
    """A share as IATI writes it: "50", "33.33"."""
    text = format(value.quantize(Decimal("0.01")), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def _narratives(parent: etree._Element, texts: Iterable[tuple[str, str]]) -> None:
    for language, text in texts:
        narrative = _sub(parent, "narrative", text)
        narrative.set(XML_LANG, language)


def texts_of(project: Project, default_language: str) -> list[tuple[str, str, str | None]]:
    """(language, title, description) of every language the project is held in, its own language first."""
    held = [(project.language or default_language, project.title, project.description)]
    seen = {held[0][0]}
    for item in project.translations or []:
        language = str(item.get("language") or "")
        if language and language not in seen and item.get("title"):
            seen.add(language)
            held.append((language, str(item["title"]), item.get("description")))
    return held


def activity(project: Project, lookups: Lookups, reporter: Reporter, default_language: str,
             today: date) -> etree._Element:
    """The ``iati-activity`` of ``project`` (see the module's mapping). Never raises on missing data: what is
    missing is left out, and the rules (:mod:`sticoop.projects.iati.rules`) and the XSD say why it is not
    valid."""
    texts = texts_of(project, default_language)
    root = etree.Element("iati-activity")
    root.set(XML_LANG, texts[0][0])
    if project.currency:
        root.set("default-currency", project.currency)
    if project.updated_at is not None:
        updated = project.updated_at if project.updated_at.tzinfo else project.updated_at.replace(tzinfo=UTC)
        root.set("last-updated-datetime", updated.astimezone(UTC).replace(microsecond=0).isoformat())
    _sub(root, "iati-identifier", identifier(reporter, "PRJ", project.id))
    reporting = _sub(root, "reporting-org", ref=reporter.ref, type=str(reporter.type))
    _narratives(reporting, [(texts[0][0], reporter.name or reporter.ref)])
    _narratives(_sub(root, "title"), [(lang, title) for lang, title, _d in texts])
    described = [(lang, text) for lang, _t, text in texts if text and text.strip()]
    if described:
        _narratives(_sub(root, "description", type="1"), described)
    _participants(root, project, lookups, texts[0][0])
    _sub(root, "activity-status", code=STATUS.get(project.status, "1"))
    _dates(root, project, today)
    _countries(root, project, lookups, reporter)
    _sectors(root, project, lookups)
    _money(root, project, today)
    _documents(root, lookups.documents.get(project.id, []))
    if project.programme_id:
        _sub(root, "related-activity", ref=identifier(reporter, "PRG", project.programme_id), type="1")
    return root


def _participants(root: etree._Element, project: Project, lookups: Lookups, language: str) -> None:
    roles: list[tuple[str, int]] = []
    for partner in project.partners:
        if partner.role == "funder":
            roles.append((FUNDING, partner.organization_id))
    programme = lookups.programmes.get(project.programme_id or 0)
    if programme is not None and programme.funder_id and (FUNDING, programme.funder_id) not in roles:
        roles.append((FUNDING, programme.funder_id))
    for partner in project.partners:
        if partner.role == "coordinator":
            roles.append((ACCOUNTABLE, partner.organization_id))
    for partner in project.partners:
        if partner.role in ("coordinator", "partner"):
            roles.append((IMPLEMENTING, partner.organization_id))
    for role, org_id in roles:
        org = lookups.organizations.get(org_id)
        if org is None:
            continue
        attrs = {"role": role, "type": ORG_TYPE.get(org.type, "90")}
        if org.iati_identifier:
            attrs = {"ref": org.iati_identifier, **attrs}
        _narratives(_sub(root, "participating-org", **attrs), [(language, org.name)])


def _dates(root: etree._Element, project: Project, today: date) -> None:
    started = project.status in ("running", "completed")
    if project.start_date:
        actual = started and project.start_date <= today
        _sub(root, "activity-date", iso_date=project.start_date.isoformat(), type="2" if actual else "1")
    if project.end_date:
        actual = project.status == "completed" and project.end_date <= today
        _sub(root, "activity-date", iso_date=project.end_date.isoformat(), type="4" if actual else "3")


def _countries(root: etree._Element, project: Project, lookups: Lookups, reporter: Reporter) -> None:
    codes = [c for c in lookups.countries.get(project.partnership_id or 0, []) if c != reporter.country]
    for code, share in zip(codes, shares(len(codes)), strict=True):
        _sub(root, "recipient-country", code=code, percentage=percent(share))


def _sectors(root: etree._Element, project: Project, lookups: Lookups) -> None:
    keys = [f.key for f in project.fields]
    mapped = [(key, lookups.sectors[key]) for key in keys if key in lookups.sectors]
    by_code: dict[str, Decimal] = {}
    for (_key, code), share in zip(mapped, shares(len(mapped)), strict=True):
        by_code[code] = by_code.get(code, Decimal(0)) + share
    for code, share in by_code.items():
        _sub(root, "sector", vocabulary="1", code=code, percentage=percent(share))
    for key, share in zip(keys, shares(len(keys)), strict=True):
        sector = _sub(root, "sector", vocabulary="99", code=key, percentage=percent(share))
        narrative = _sub(sector, "narrative", lookups.field_names.get(key, key))
        narrative.set(XML_LANG, "en")


def _money(root: etree._Element, project: Project, today: date) -> None:
    if project.budget is None or not project.currency or not (project.start_date and project.end_date):
        return
    committed = project.status in ("approved", "running", "completed")
    amount = format(project.budget.quantize(Decimal("0.01")), "f")
    budget = _sub(root, "budget", type="1", status="2" if committed else "1")
    _sub(budget, "period-start", iso_date=project.start_date.isoformat())
    _sub(budget, "period-end", iso_date=project.end_date.isoformat())
    _sub(budget, "value", amount, currency=project.currency, value_date=project.start_date.isoformat())
    if committed and project.start_date <= today:
        transaction = _sub(root, "transaction")
        _sub(transaction, "transaction-type", code="2")
        _sub(transaction, "transaction-date", iso_date=project.start_date.isoformat())
        _sub(transaction, "value", amount, currency=project.currency, value_date=project.start_date.isoformat())


def _documents(root: etree._Element, documents: list[Document]) -> None:
    for document in documents:
        link = _sub(root, "document-link", url=document.source_url or "", format=document.media_type)
        title = _sub(_sub(link, "title"), "narrative", document.title or document.filename)
        if document.language:
            title.set(XML_LANG, document.language)
        _sub(link, "category", code=DOCUMENT_CATEGORY)
        if document.language:
            _sub(link, "language", code=document.language)


def activities_document(activities: Iterable[etree._Element], generated: datetime | None = None) -> etree._Element:
    """The ``iati-activities`` root (version 2.03) holding ``activities``."""
    root = etree.Element("iati-activities", version=IATI_VERSION)
    if generated is not None:
        root.set("generated-datetime", generated.astimezone(UTC).replace(microsecond=0).isoformat())
    for element in activities:
        root.append(element)
    return root
