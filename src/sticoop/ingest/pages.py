"""Pages for ingest: the inbox of intakes with an upload form, and the review page where an official checks
what the extraction proposes against the highlighted text, corrects it, and accepts or rejects it.

Routes stay thin: they parse the form, call one service function (``ingest_bytes``, ``accept``, ``reject``),
and render. The review form edits the proposal as plain lines so that no JavaScript is needed; what is not
editable here (event type, fields, programmes, place) is carried over unchanged from the extraction.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from sticoop.core.api import DB, Actor, request_session
from sticoop.core.config import get_settings
from sticoop.core.countries import is_valid_code
from sticoop.core.errors import DomainError, ValidationFailed
from sticoop.core.listing import ListParams
from sticoop.core.registry import PAGE_PREFIX
from sticoop.documents.models import Document
from sticoop.ingest.accept import AGREEMENT_STATUS, preview
from sticoop.ingest.fetch import check_url, fetch_url
from sticoop.ingest.models import Intake, IntakeStatus
from sticoop.ingest.service import accept, ingest_bytes, intake_for_url, intakes, reject, sources_of
from sticoop.linkage.rank import THRESHOLD
from sticoop.web import choices
from sticoop.web.labels import N_, record_url
from sticoop.web.render import environment, formatter, is_htmx, render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 25
MAX_SPANS = 5_000
STATUSES = tuple(s.value for s in IntakeStatus)

#: evidence key in the extraction -> highlight class (one colour per kind, shown in the legend)
HIGHLIGHT_KIND = {
    "countries": "country", "location_country": "country", "organizations": "organization", "people": "person",
    "event_date": "date", "committee": "committee", "session_number": "committee", "event_type": "committee",
    "fields": "field", "programmes": "field", "agreements": "agreement", "commitments": "commitment",
}
LEGEND = (
    ("country", N_("Country")), ("organization", N_("Organisation")), ("person", N_("Person")),
    ("date", N_("Date")), ("committee", N_("Committee and session")), ("field", N_("Field of cooperation")),
    ("agreement", N_("Agreement")), ("commitment", N_("Commitment")),
)
NOTICES = {"duplicate": N_("This document was already ingested; here is its intake."),
           "accepted": N_("Accepted: the records below were written, each linked to this document."),
           "rejected": N_("Rejected: no record was written; the document is kept.")}


# ----- highlighting ------------------------------------------------------------------------------
def highlight(text: str, evidence: dict[str, Any] | None) -> list[tuple[str, list[str]]]:
    """The text cut into segments, each with the kinds of evidence covering it.

    Spans may overlap or nest, so instead of inserting tags we cut at every span boundary; the template
    wraps each covered segment in one ``<mark>`` and autoescapes the text, so no document HTML gets through.
    """
    spans: list[tuple[int, int, str]] = []
    for key, items in (evidence or {}).items():
        kind = HIGHLIGHT_KIND.get(key)
        if kind is None or not isinstance(items, list):
            continue
        for item in items:
            if not isinstance(item, dict):
                continue
            start, end = item.get("start"), item.get("end")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
                spans.append((start, end, kind))
    opening: dict[int, list[str]] = defaultdict(list)
    closing: dict[int, list[str]] = defaultdict(list)
    for start, end, kind in spans[:MAX_SPANS]:
        opening[start].append(kind)
        closing[end].append(kind)
    cuts = sorted({0, len(text), *opening, *closing})
    active: Counter[str] = Counter()
    segments: list[tuple[str, list[str]]] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        active.subtract(closing.get(left, []))
        active.update(opening.get(left, []))
        segments.append((text[left:right], sorted(k for k, n in active.items() if n > 0)))
    return segments


# ----- the review form <-> labels --------------------------------------------------------------------
def form_values(labels: dict[str, Any]) -> dict[str, Any]:
    """The editable part of the labels as the review form shows it."""
    committee = labels.get("committee") or {}
    number = committee.get("session_number")
    return {
        "countries": [c for c in labels.get("countries") or [] if isinstance(c, str)],
        "event_date": labels.get("event_date") or "",
        "committee_name": committee.get("name") or "",
        "session_number": "" if number is None else str(number),
        "organizations": "\n".join(labels.get("organizations") or []),
        "people": "\n".join(" | ".join(x or "" for x in (p.get("name"), p.get("role"), p.get("country"))).rstrip(" |")
                            for p in labels.get("people") or []),
        "agreements": "\n".join(" | ".join(x for x in (a.get("title") or "", a.get("status") or "", a.get("date") or "")
                                           if x) for a in labels.get("agreements") or []),
        "commitments": "\n".join(labels.get("commitments") or []),
    }


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def labels_from_form(form: Any, original: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Reviewed labels from the form (everything not on the form kept from the extraction), and any errors."""
    errors: dict[str, str] = {}
    labels = {k: v for k, v in original.items() if k not in ("evidence", "confidence")}
    labels["countries"] = sorted({c.upper() for c in form.getlist("countries") if is_valid_code(c.upper())})
    event_date = str(form.get("event_date", "")).strip()
    try:
        for part in event_date.split("/") if event_date else []:
            date.fromisoformat(part)
    except ValueError:
        errors["event_date"] = N_("Enter the date as YYYY-MM-DD, or a range as YYYY-MM-DD/YYYY-MM-DD.")
    labels["event_date"] = event_date or None
    name = str(form.get("committee_name", "")).strip()
    number = str(form.get("session_number", "")).strip()
    if number and not (number.isdigit() and int(number) >= 1):
        errors["session_number"] = N_("Enter a whole number.")
    labels["committee"] = {"name": name, "session_number": int(number) if number.isdigit() else None} \
        if name else None
    labels["organizations"] = _lines(str(form.get("organizations", "")))
    people = []
    for line in _lines(str(form.get("people", ""))):
        person, role, country = ([p.strip() for p in line.split("|")] + ["", ""])[:3]
        if country and not is_valid_code(country.upper()):
            errors["people"] = N_("Write each person as “name | role | country”, the country as a three-letter "
                                  "code such as VNM.")
        people.append({"name": person, "role": role or None, "country": country.upper() or None})
    labels["people"] = [p for p in people if p["name"]]
    agreements = []
    for line in _lines(str(form.get("agreements", ""))):
        title, status, when = ([p.strip() for p in line.split("|")] + ["", ""])[:3]
        status = status.lower() or "planned"
        if status not in AGREEMENT_STATUS:
            errors["agreements"] = N_("Write each agreement as “title | status”, the status one of signed, "
                                      "planned, discussed or renewed.")
        try:
            date.fromisoformat(when) if when else None
        except ValueError:
            errors["agreements"] = N_("Enter the date as YYYY-MM-DD, or a range as YYYY-MM-DD/YYYY-MM-DD.")
        agreements.append({"title": title, "status": status, "date": when or None})
    labels["agreements"] = [a for a in agreements if a["title"]]
    labels["commitments"] = _lines(str(form.get("commitments", "")))
    return labels, errors


def form_links(form: Any, keys: set[str]) -> dict[str, int | None]:
    """The reviewer's choices from the form's ``link:<proposal key>`` radios (an id, or ``new``), for the
    proposals the reviewed labels still make (a line edited away drops its choice)."""
    links: dict[str, int | None] = {}
    for name in form:
        if name.startswith("link:") and name[5:] in keys:
            value = str(form.get(name, ""))
            if value == "new":
                links[name[5:]] = None
            elif value.isdigit():
                links[name[5:]] = int(value)
        if name.startswith("other:") and name[6:] in keys and str(form.get(name, "")).strip().isdigit():
            links[name[6:]] = int(str(form.get(name)).strip())  # a record found with the search wins
    return links


# ----- provenance, for every record page ---------------------------------------------------------------
def provenance(request: Request, entity_type: str, entity_id: int) -> list[dict[str, Any]]:
    """The documents a record came from, each with its intake, for the "Sources" box of the detail pages.

    Detail routes do not know about ingest, so the box looks its sources up itself, in a short read-only
    session of its own (one indexed query), instead of every domain's route passing them in.
    """
    with request_session(request) as db:
        documents = sources_of(db, entity_type, entity_id)[:50]
        intake_of = dict(db.execute(select(Intake.document_id, Intake.id).where(
            Intake.document_id.in_([d.id for d in documents]))).all()) if documents else {}
        return [{"title": d.title or d.filename, "filename": d.filename, "source_url": d.source_url,
                 "intake_id": intake_of.get(d.id)} for d in documents]


environment.globals["provenance"] = provenance


# ----- pages -------------------------------------------------------------------------------------
def _list_context(request: Request, db: DbSession) -> dict[str, Any]:
    status = request.query_params.get("status", "")
    status = status if status in STATUSES else ""
    offset = request.query_params.get("offset", "0")
    params = ListParams(status=status or None, limit=PAGE_SIZE,
                        offset=min(int(offset), 10_000_000) if offset.isdigit() else 0)
    items, total = intakes.list(db, params)
    documents = {d.id: d for d in db.scalars(select(Document).where(
        Document.id.in_([i.document_id for i in items])))} if items else {}
    return {"items": items, "total": total, "params": params, "chosen": {"status": status} if status else {},
            "documents": documents, "problem": None, "spec": SimpleNamespace(table="ingest/_table.html"),
            "statuses": STATUSES, "upload_error": None, "upload": {}}


@router.get("/intakes", response_class=HTMLResponse)
def intake_list(request: Request, db: DB) -> HTMLResponse:
    context = _list_context(request, db)
    partial = is_htmx(request) and request.headers.get("hx-target") == "results"
    return render(request, "_results.html" if partial else "ingest/list.html", context)


@router.post("/intakes", response_class=HTMLResponse)
async def upload(request: Request, db: DB, actor: Actor) -> Response:
    """A file or a URL becomes a draft intake; a bad one is shown inline (422) and nothing is written."""
    _ = formatter(request)._
    form = await request.form()
    upload_file = form.get("file")
    url = str(form.get("url", "")).strip()
    published_raw = str(form.get("published", "")).strip()
    limit = get_settings().max_upload_bytes
    try:
        try:
            published = date.fromisoformat(published_raw) if published_raw else None
        except ValueError:
            raise ValidationFailed(_("Enter dates as YYYY-MM-DD.")) from None
        if isinstance(upload_file, UploadFile) and upload_file.filename:
            content = await upload_file.read(limit + 1)
            if len(content) > limit:
                raise ValidationFailed(_("%(name)s: over the limit of %(limit)s bytes")
                                       % {"name": upload_file.filename, "limit": f"{limit:,}"})
            result = await run_in_threadpool(ingest_bytes, db, content, upload_file.filename,
                                             published=published, actor=actor)
        elif url:
            check_url(url)
            known = intake_for_url(db, url)
            if known is not None:  # the same address is never fetched nor ingested twice
                return RedirectResponse(f"/intakes/{known.id}?notice=duplicate", status_code=303)
            content, name = await run_in_threadpool(fetch_url, url, limit)
            result = await run_in_threadpool(ingest_bytes, db, content, name, source_url=url,
                                             published=published, actor=actor)
        else:
            raise ValidationFailed(_("Choose a file, or enter the address of a web page."))
    except DomainError as exc:
        db.rollback()
        context = _list_context(request, db)
        context.update(upload_error=exc.message, upload={"url": url, "published": published_raw})
        return render(request, "ingest/list.html", context, status=422)
    suffix = "" if result.created else "?notice=duplicate"
    return RedirectResponse(f"/intakes/{result.intake.id}{suffix}", status_code=303)


def review_page(request: Request, db: DbSession, intake: Intake, values: dict[str, Any] | None = None,
                errors: dict[str, str] | None = None, problem: str | None = None, status: int = 200) -> HTMLResponse:
    fmt = formatter(request)
    document = db.get(Document, intake.document_id)
    text = (document.text if document else None) or ""
    labels = intake.labels or {}
    values = values if values is not None else form_values(labels)
    proposed = preview(db, labels) if intake.status == IntakeStatus.draft else []
    for item in proposed:
        item["url"] = record_url(item["type"], item["id"]) if item["id"] else None
        prefix = PAGE_PREFIX.get(item["type"])
        item["search_url"] = f"{prefix}?{urlencode({'q': item['title'][:100]})}" if prefix else None
        for candidate in item["candidates"]:
            candidate["url"] = record_url(item["type"], candidate["id"])
    created = [{**c, "url": record_url(c["type"], c["id"])} for c in intake.created_records or []]
    notice = NOTICES.get(request.query_params.get("notice", ""))
    return render(request, "ingest/review.html", {
        "intake": intake, "document": document, "segments": highlight(text, labels.get("evidence")),
        "legend": LEGEND, "proposed": proposed, "threshold": THRESHOLD, "created": created, "values": values,
        "errors": {k: fmt._(v) for k, v in (errors or {}).items()}, "problem": problem,
        "notice": fmt._(notice) if notice else None,
        "country_options": sorted(choices.load(db, fmt, "countries"),  # the parties first, visible at once
                                  key=lambda option: option[0] not in values.get("countries", [])),
    }, status=status)


@router.get("/intakes/{record_id:int}", response_class=HTMLResponse)
def intake_review(record_id: int, request: Request, db: DB) -> HTMLResponse:
    return review_page(request, db, intakes.get(db, record_id))


def _version(form: Any) -> int | None:
    value = str(form.get("version", ""))
    return int(value) if value.isdigit() else None


@router.post("/intakes/{record_id:int}/accept", response_class=HTMLResponse)
async def intake_accept(record_id: int, request: Request, db: DB, actor: Actor) -> Response:
    """Write the records as reviewed; a stale version or a decided intake is shown on the page (409)."""
    form = await request.form()
    intake = intakes.get(db, record_id)
    labels, errors = labels_from_form(form, intake.labels or {})
    values = {**form_values(labels), "countries": form.getlist("countries"),
              "event_date": str(form.get("event_date", "")), "session_number": str(form.get("session_number", ""))}
    if errors:
        return review_page(request, db, intake, values, errors, status=422)
    links = form_links(form, {p["key"] for p in preview(db, labels)})
    try:
        await run_in_threadpool(accept, db, record_id, _version(form), labels, actor, links)
    except DomainError as exc:
        db.rollback()
        return review_page(request, db, intakes.get(db, record_id), values, problem=exc.message,
                           status=exc.status_code if exc.status_code in (409, 422) else 422)
    return RedirectResponse(f"/intakes/{record_id}?notice=accepted", status_code=303)


@router.post("/intakes/{record_id:int}/reject", response_class=HTMLResponse)
async def intake_reject(record_id: int, request: Request, db: DB, actor: Actor) -> Response:
    form = await request.form()
    try:
        reject(db, record_id, _version(form), actor)
    except DomainError as exc:
        db.rollback()
        return review_page(request, db, intakes.get(db, record_id), problem=exc.message,
                           status=exc.status_code if exc.status_code in (409, 422) else 422)
    return RedirectResponse(f"/intakes/{record_id}?notice=rejected", status_code=303)
