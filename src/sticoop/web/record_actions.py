"""Delete and "Merge into…" for every record type with pages, added to each :class:`EntityPages` at once.

- ``GET {path}/{id}/delete``: a confirmation page (no JavaScript needed) saying first what still refers to the
  record, by kind and count, in the page's language; ``POST`` with the record's version and the CSRF token
  deletes it through ``RecordService.delete`` — the same guard as the API's DELETE — and goes back to the
  list with a message; refused, the page says why in place (409).
- ``GET {path}/{id}/merge`` (mergeable kinds only): pick the record to keep among those of the same kind the
  user can see (and that share the service's ``merge_same`` attributes), see what will move, confirm;
  ``POST`` merges through ``RecordService.merge`` and opens the kept record with a message.

Route rules: both paths end in ``/delete`` or ``/merge``, which ``Access.rule_for`` treats as writes, so
viewers are refused the pages as well as the posts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session as DbSession

from sticoop.core.api import DB, Actor
from sticoop.core.errors import Conflict, DomainError, ValidationFailed
from sticoop.core.i18n import Formatter
from sticoop.core.listing import ListParams
from sticoop.core.registry import PAGE_PREFIX
from sticoop.web.labels import N_, label
from sticoop.web.render import environment, formatter, render

if TYPE_CHECKING:
    from sticoop.web.crud_pages import EntityPages

CANDIDATES_LIMIT = 50

#: table name -> (singular, plural) phrase for "N rows of that table refer to the record"
NOUNS: dict[str, tuple[str, str]] = {
    "partnerships": (N_("%(num)d partnership"), N_("%(num)d partnerships")),
    "committees": (N_("%(num)d committee"), N_("%(num)d committees")),
    "sessions": (N_("%(num)d session"), N_("%(num)d sessions")),
    "commitments": (N_("%(num)d commitment"), N_("%(num)d commitments")),
    "agreements": (N_("%(num)d agreement"), N_("%(num)d agreements")),
    "programmes": (N_("%(num)d programme"), N_("%(num)d programmes")),
    "projects": (N_("%(num)d project"), N_("%(num)d projects")),
    "visits": (N_("%(num)d visit"), N_("%(num)d visits")),
    "events": (N_("%(num)d event"), N_("%(num)d events")),
    "organizations": (N_("%(num)d organisation"), N_("%(num)d organisations")),
    "people": (N_("%(num)d person"), N_("%(num)d people")),
    "working_groups": (N_("%(num)d working group"), N_("%(num)d working groups")),
    "progress_updates": (N_("%(num)d progress update"), N_("%(num)d progress updates")),
    "assessments": (N_("%(num)d assessment"), N_("%(num)d assessments")),
    "documents": (N_("%(num)d document"), N_("%(num)d documents")),
    "document_links": (N_("%(num)d attached document"), N_("%(num)d attached documents")),
    "tech_profiles": (N_("%(num)d marketplace profile"), N_("%(num)d marketplace profiles")),
    "positions": (N_("%(num)d position"), N_("%(num)d positions")),
    "session_delegates": (N_("%(num)d place in a delegation"), N_("%(num)d places in delegations")),
    "agenda_items": (N_("%(num)d agenda item"), N_("%(num)d agenda items")),
    "agreement_status_changes": (N_("%(num)d status change"), N_("%(num)d status changes")),
    "agreement_countries": (N_("%(num)d country"), N_("%(num)d countries")),
    "committee_cochairs": (N_("co-chair of %(num)d committee"), N_("co-chair of %(num)d committees")),
    "commitment_organizations": (N_("responsible for %(num)d commitment"),
                                 N_("responsible for %(num)d commitments")),
    "agreement_organizations": (N_("party to %(num)d agreement"), N_("party to %(num)d agreements")),
    "project_partners": (N_("partner in %(num)d project"), N_("partner in %(num)d projects")),
    "visit_members": (N_("member of %(num)d visit"), N_("member of %(num)d visits")),
    "visit_organizations_met": (N_("met on %(num)d visit"), N_("met on %(num)d visits")),
    "event_organizers": (N_("organiser of %(num)d event"), N_("organiser of %(num)d events")),
    "users": (N_("%(num)d user account"), N_("%(num)d user accounts")),
    "brokerage_participants": (N_("%(num)d brokerage participant"), N_("%(num)d brokerage participants")),
    "briefing_packs": (N_("%(num)d briefing pack"),
                      N_("%(num)d briefing packs")),
    "brokerage_slots": (N_("%(num)d brokerage time slot"),
                       N_("%(num)d brokerage time slots")),
    "brokerage_tables": (N_("%(num)d brokerage table"),
                        N_("%(num)d brokerage tables")),
    "call_funders": (N_("%(num)d funder of a call"),
                    N_("%(num)d funders of calls")),
    "calls": (N_("%(num)d funding call"),
             N_("%(num)d funding calls")),
    "conflicts_of_interest": (N_("%(num)d conflict of interest"),
                             N_("%(num)d conflicts of interest")),
    "consensus_reports": (N_("%(num)d consensus report"),
                         N_("%(num)d consensus reports")),
    "funding_decisions": (N_("%(num)d funding decision"),
                         N_("%(num)d funding decisions")),
    "intakes": (N_("%(num)d intake"),
               N_("%(num)d intakes")),
    "meeting_requests": (N_("%(num)d meeting request"),
                        N_("%(num)d meeting requests")),
    "proposal_partners": (N_("partner in %(num)d proposal"),
                         N_("partner in %(num)d proposals")),
    "proposals": (N_("%(num)d proposal"),
                 N_("%(num)d proposals")),
    "review_assignments": (N_("%(num)d review assignment"),
                          N_("%(num)d review assignments")),
    "reviewers": (N_("%(num)d reviewer"),
                 N_("%(num)d reviewers")),
    "reviews": (N_("%(num)d review"),
               N_("%(num)d reviews")),
}
#: a record's own table referring to it: its sub-records
SUB_NOUNS: dict[str, tuple[str, str]] = {
    "organizations": (N_("%(num)d sub-organisation"), N_("%(num)d sub-organisations")),
    "commitments": (N_("%(num)d sub-commitment"), N_("%(num)d sub-commitments")),
}
NOTICES = {
    "deleted": N_("The record was deleted."),
    "merged": N_("The records were merged: every link now points to this one."),
    "restored": N_("The earlier version was restored."),
}


def describe_counts(fmt: Formatter, counts: dict[str, int], own_table: str | None = None) -> list[str]:
    """Counts of referring rows by table, as phrases in the page's language ("2 sessions", "1 commitment")."""
    phrases = []
    for table, count in counts.items():
        nouns = SUB_NOUNS.get(table) if table == own_table else None
        singular, plural = nouns or NOUNS.get(table) or ("%(num)d " + table.replace("_", " "),) * 2
        phrases.append(fmt.ngettext(singular, plural, count) % {"num": count})
    return phrases


def record_name(fmt: Formatter, entity: str, obj: Any) -> str:
    """A short name of any record for headings and pickers: its name or title, else its kind and number."""
    for attr in ("name", "title"):
        value = getattr(obj, attr, None)
        if value:
            return str(value)
    if entity == "session":
        number = fmt._("Session %(number)s") % {"number": obj.number}
        return f"{number} · {fmt.date(obj.start_date)}" if obj.start_date else number
    text = getattr(obj, "text", None) or getattr(obj, "purpose", None) or getattr(obj, "note", None)
    kind = label(fmt._, "kind", entity)
    if text:
        short = text if len(text) <= 80 else text[:79] + "…"
        return f"{kind} #{obj.id}: {short}"
    return f"{kind} #{obj.id}"


def page_notice(request: Request) -> str | None:
    """The message a redirect asked for with ``?notice=`` (after a delete, a merge or a restore)."""
    message = NOTICES.get(request.query_params.get("notice", ""))
    return formatter(request)._(message) if message else None


def record_actions_of(entity: str) -> dict[str, Any] | None:
    """What a record page of this kind offers: its pages' path and whether "Merge into…" applies."""
    from sticoop.core.registry import services

    path = PAGE_PREFIX.get(entity)
    service = services().get(entity)
    if not path or service is None:
        return None
    return {"path": path, "mergeable": service.mergeable}


environment.globals["page_notice"] = page_notice
environment.globals["record_actions_of"] = record_actions_of


# ----- delete ---------------------------------------------------------------------------------------
def delete_page(request: Request, db: DbSession, spec: EntityPages, obj: Any, error: str | None = None,
                blocking: dict[str, int] | None = None, status: int = 200) -> HTMLResponse:
    fmt = formatter(request)
    if blocking is None and error is None:
        blocking = spec.service.dependents(db, obj)
    table = spec.service.model.__tablename__
    return render(request, "record_delete.html", {
        "spec": spec, "obj": obj, "name": record_name(fmt, spec.entity, obj), "error": error,
        "blocking": describe_counts(fmt, blocking or {}, table),
        "mergeable": spec.service.mergeable, "cancel": record_page(spec, obj),
    }, status=status)


def record_page(spec: EntityPages, obj: Any) -> str:
    """The page showing ``obj``: its own record page, or for a record type without one the page its saves go
    to (``EntityPages.redirect``: a call's page for its funders), else the dashboard."""
    if PAGE_PREFIX.get(spec.entity):
        return f"{spec.path}/{obj.id}"
    return spec.redirect(obj) if spec.redirect else "/"


def _after_delete(spec: EntityPages, obj: Any) -> str:
    """The list of its kind, or for records shown inside another's page (progress updates), that page."""
    if PAGE_PREFIX.get(spec.entity):
        return f"{spec.path}?notice=deleted"
    target = spec.redirect(obj) if spec.redirect else "/"
    return target + ("&" if "?" in target else "?") + "notice=deleted"


def _version(form: Any, key: str = "version") -> int | None:
    value = str(form.get(key, "")).strip()
    return int(value) if value.isdigit() else None


def _refusal(fmt: Formatter, exc: DomainError) -> tuple[str, dict[str, int] | None]:
    """A refused delete or merge in the page's language: a stale version, named dependents, or the message."""
    if isinstance(exc, Conflict) and exc.field == "version":
        return fmt._("Someone else changed this record while you were looking at it. Reload the page and try "
                     "again."), None
    if isinstance(exc, Conflict) and isinstance(exc.details, dict) and exc.details and all(
            isinstance(v, int) for v in exc.details.values()):
        return fmt._("It cannot be deleted: other records still refer to it. Delete or move them first."), \
            exc.details
    return exc.message, None


async def delete_record(request: Request, db: DbSession, spec: EntityPages, record_id: int, actor: str) -> Response:
    form = await request.form()
    obj = spec.service.get(db, record_id)
    target = _after_delete(spec, obj)
    try:
        spec.service.delete(db, record_id, _version(form), actor)
    except DomainError as exc:
        db.rollback()
        message, blocking = _refusal(formatter(request), exc)
        obj = spec.service.get(db, record_id)
        return delete_page(request, db, spec, obj, message, blocking or {}, status=exc.status_code)
    return RedirectResponse(target, status_code=303)


# ----- merge ----------------------------------------------------------------------------------------
def merge_candidates(db: DbSession, spec: EntityPages, obj: Any, q: str | None) -> list[Any]:
    """Records of the same kind the user can see that ``obj`` may be merged into (same ``merge_same``
    attributes), optionally narrowed by free text; bounded."""
    service = spec.service
    query = service.filtered_query(ListParams(q=q or None)).where(service.model.id != obj.id)
    for name in service.merge_same:
        query = query.where(getattr(service.model, name) == getattr(obj, name))
    return list(db.scalars(query.order_by(*service._order(None)).limit(CANDIDATES_LIMIT)))


def merge_page(request: Request, db: DbSession, spec: EntityPages, obj: Any, into: int | None,
               error: str | None = None, status: int = 200) -> HTMLResponse:
    fmt = formatter(request)
    spec.service.authorize(db, obj, "delete")
    q = request.query_params.get("q", "").strip()[:200]
    candidates = [(c.id, record_name(fmt, spec.entity, c)) for c in merge_candidates(db, spec, obj, q)]
    kept, preview = None, None
    if into is not None:
        kept = db.get(spec.service.model, into)
    if into is not None and error is None:
        try:
            found = spec.service.merge_preview(db, obj.id, into)
            table = spec.service.model.__tablename__
            field_labels = {f.name: f.label for f in spec.fields}
            preview = {"moves": describe_counts(fmt, found["moves"], table), "names": found["names"],
                       "fills": [fmt._(field_labels[k]) if k in field_labels else k.replace("_", " ")
                                 for k in found["fills"]]}
        except DomainError as exc:
            db.rollback()
            error, status = exc.message, exc.status_code
    if kept is not None and all(cid != kept.id for cid, _ in candidates):
        candidates.insert(0, (kept.id, record_name(fmt, spec.entity, kept)))
    return render(request, "record_merge.html", {
        "spec": spec, "obj": obj, "name": record_name(fmt, spec.entity, obj), "candidates": candidates,
        "into": into, "kept": kept, "kept_name": record_name(fmt, spec.entity, kept) if kept is not None else "",
        "preview": preview, "error": error, "q": q, "cancel": record_page(spec, obj),
    }, status=status)


async def merge_record(request: Request, db: DbSession, spec: EntityPages, record_id: int, actor: str) -> Response:
    form = await request.form()
    into = _version(form, "into")
    try:
        if into is None:
            raise ValidationFailed(formatter(request)._("Choose the record to keep."), field="into")
        spec.service.merge(db, record_id, into, _version(form), _version(form, "into_version"), actor)
    except DomainError as exc:
        db.rollback()
        message, _ = _refusal(formatter(request), exc)
        obj = spec.service.get(db, record_id)
        return merge_page(request, db, spec, obj, into, message, status=exc.status_code)
    return RedirectResponse(f"{spec.path}/{into}?notice=merged", status_code=303)


def add_record_action_routes(router: APIRouter, spec: EntityPages) -> None:
    """GET/POST delete for every record type; GET/POST merge for those whose service is mergeable."""

    @router.get(spec.path + "/{record_id:int}/delete", response_class=HTMLResponse, name=f"{spec.entity}_delete")
    def confirm_delete(record_id: int, request: Request, db: DB) -> HTMLResponse:
        obj = spec.service.get(db, record_id)
        spec.service.authorize(db, obj, "delete")
        return delete_page(request, db, spec, obj)

    @router.post(spec.path + "/{record_id:int}/delete", response_class=HTMLResponse)
    async def post_delete(record_id: int, request: Request, db: DB, actor: Actor) -> Response:
        return await delete_record(request, db, spec, record_id, actor)

    if not spec.service.mergeable:
        return

    @router.get(spec.path + "/{record_id:int}/merge", response_class=HTMLResponse, name=f"{spec.entity}_merge")
    def choose_merge(record_id: int, request: Request, db: DB) -> HTMLResponse:
        obj = spec.service.get(db, record_id)
        into = request.query_params.get("into", "")
        searching = "search" in request.query_params  # the Search button narrows the choice, no preview yet
        return merge_page(request, db, spec, obj, int(into) if into.isdigit() and not searching else None)

    @router.post(spec.path + "/{record_id:int}/merge", response_class=HTMLResponse)
    async def post_merge(record_id: int, request: Request, db: DB, actor: Actor) -> Response:
        return await merge_record(request, db, spec, record_id, actor)
