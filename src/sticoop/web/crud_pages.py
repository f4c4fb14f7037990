"""The pages every record type shares: a filtered, paginated list and the create/edit form.

A domain declares an :class:`EntityPages` (its service, schemas, form fields, filters and table template)
and calls :func:`add_list_and_form_routes`; its own ``pages.py`` adds the detail page. Routes stay thin:
parse the request, call one service function, render.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session as DbSession

from sticoop.core.api import DB, Actor
from sticoop.core.choices import partnership_bound
from sticoop.core.crud import RecordService
from sticoop.core.errors import DomainError, DuplicatesFound, Forbidden
from sticoop.core.listing import ListParams
from sticoop.core.registry import record_url
from sticoop.web import choices, forms
from sticoop.web.forms import FormField
from sticoop.web.labels import N_
from sticoop.web.permissions import record_allows
from sticoop.web.record_actions import add_record_action_routes, record_page
from sticoop.web.render import formatter, is_htmx, render

PAGE_SIZE = 25
CONFIDENTIAL_FIELD = FormField("confidential", N_("Confidential"), "checkbox",
                               help=N_("Only the secretariat and administrators will see it."))
FILTER_KEYS = ("q", "country", "status", "kind", "partnership_id", "committee_id", "date_from", "date_to",
               "session_id", "completion", "field")
#: filters without a box of their own: kept as hidden fields when a link (a dashboard's drill-down) sets them
HIDDEN_FILTERS = ("session_id", "completion", "field")

RowsHook = Callable[[DbSession, list[Any]], dict[str, Any]]
ConvertHook = Callable[[DbSession, dict[str, Any], Any], dict[str, Any]]


@dataclass
class EntityPages:
    entity: str
    path: str
    service: RecordService
    in_schema: type[BaseModel]
    patch_schema: type[BaseModel]
    fields: tuple[FormField, ...]
    title: str
    new_title: str
    edit_title: str
    table: str
    filters: tuple[str, ...] = ("q",)
    status_group: str | None = None
    kind_group: str | None = None
    date_label: str | None = None
    new_label: str = N_("New")
    #: extra context for the table (names looked up for the page's rows in bounded queries)
    rows: RowsHook | None = None
    #: turns the form's flat values into the schema's shape (nested lists, derived keys)
    convert: ConvertHook | None = None
    #: the form's current values for an existing record
    initial: Callable[[Any], dict[str, Any]] | None = None
    #: schema field -> form field, when an error names a field the form shows under another name
    aliases: dict[str, str] = field(default_factory=dict)
    #: where to go after saving (default: the record's own page)
    redirect: Callable[[Any], str] | None = None
    #: False for records shown only inside another record's page (progress updates, assessments)
    with_list: bool = True
    #: more downloads of the list beside "Download CSV": (label, path after the API list path), same filters
    downloads: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        # every record type that can be confidential offers the box, in one place rather than in each form
        if hasattr(self.service.model, "confidential") and all(f.name != "confidential" for f in self.fields):
            self.fields = (*self.fields, CONFIDENTIAL_FIELD)


# ----- lists -------------------------------------------------------------------------------------
def list_params(request: Request, spec: EntityPages) -> tuple[ListParams, dict[str, str], str | None]:
    """ListParams from the query string; a value that cannot be used is dropped with a message, not a 422."""
    _ = formatter(request)._
    chosen = {k: request.query_params.get(k, "").strip() for k in FILTER_KEYS}
    chosen = {k: v for k, v in chosen.items() if v and (k in spec.filters or k in ("partnership_id", "committee_id")
                                                        or (k.startswith("date_") and "date" in spec.filters))}
    values: dict[str, Any] = dict(chosen)
    problem = None
    for key in ("partnership_id", "committee_id", "session_id"):
        if key in values and not values[key].isdigit():
            values.pop(key)
    for key in ("date_from", "date_to"):
        if key in values:
            try:
                values[key] = date.fromisoformat(values[key])
            except ValueError:
                values.pop(key)
                problem = _("Enter dates as YYYY-MM-DD.")
    offset = request.query_params.get("offset", "0")
    values["offset"] = min(int(offset), 10_000_000) if offset.isdigit() else 0
    values["limit"] = PAGE_SIZE
    try:
        params = ListParams(**values)
    except ValidationError:
        values.pop("date_from", None)
        values.pop("date_to", None)
        problem = _("The end of the date range is before its start.")
        params = ListParams(**values)
    return params, chosen, problem


def filter_options(db: DbSession, request: Request, spec: EntityPages) -> dict[str, list[tuple[str, str]]]:
    fmt = formatter(request)
    options: dict[str, list[tuple[str, str]]] = {}
    if "country" in spec.filters:
        options["country"] = choices.load(db, fmt, "countries")
    if "partnership_id" in spec.filters:
        options["partnership_id"] = choices.load(db, fmt, "partnerships")
    if spec.status_group:
        options["status"] = choices.load(db, fmt, f"enum:{spec.status_group}")
    if spec.kind_group:
        options["kind"] = choices.load(db, fmt, f"enum:{spec.kind_group}")
    return options


def list_page(request: Request, db: DbSession, spec: EntityPages) -> HTMLResponse:
    params, chosen, problem = list_params(request, spec)
    items, total = spec.service.list(db, params)
    context = {
        "spec": spec, "items": items, "total": total, "params": params, "chosen": chosen, "problem": problem,
        "options": filter_options(db, request, spec), "hidden_filters": HIDDEN_FILTERS,
        **(spec.rows(db, items) if spec.rows else {}),
    }
    template = "_results.html" if is_htmx(request) and request.headers.get("hx-target") == "results" else "list.html"
    return render(request, template, context)


# ----- forms -------------------------------------------------------------------------------------
def default_initial(spec: EntityPages, obj: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    for f in spec.fields:
        value = getattr(obj, f.name, None)
        if f.kind == "multiselect":
            raw[f.name] = [str(v) for v in value or []]
        elif f.kind == "rows":
            raw[f.name] = [{c.name: _as_text(getattr(item, c.name, None)) for c in f.columns} for item in value or []]
        elif f.kind == "lines":
            raw[f.name] = "\n".join(str(v) for v in value or [])
        else:
            raw[f.name] = _as_text(value)
    return raw


def _as_text(value: Any) -> str:
    return "" if value is None else (value.isoformat() if isinstance(value, date) else str(value))


def schema_defaults(schema: type[BaseModel]) -> dict[str, str]:
    """Plain defaults of the input schema (statuses, kinds), so a new form starts where the API would."""
    defaults = {}
    for name, info in schema.model_fields.items():
        value = info.get_default(call_default_factory=False)
        if isinstance(value, str | int) and not isinstance(value, bool):
            defaults[name] = str(value)
    return defaults


def prefill_language(request: Request, db: DbSession, spec: EntityPages, prefilled: dict[str, Any]) -> None:
    """A new record's "language" choice starts at the page's language (a French page: ``fr``), not at the
    schema's ``en``: an official writing a profile in French left "English" and the text was matched and searched
    as English. Only when the link did not choose one (``?language=``) and the page's language is offered."""
    field = next((f for f in spec.fields if f.name == "language" and f.kind == "select" and f.source), None)
    locale = formatter(request).locale
    if field is None or request.query_params.get("language") or prefilled.get("language") == locale:
        return
    offered = {value for value, _label in choices.load(db, formatter(request), field.source or "")}
    if locale in offered:
        prefilled["language"] = locale


def form_fields(spec: EntityPages, obj: Any = None) -> list[FormField]:
    """The fields a form shows — and so the only ones it validates and saves. Creating: every field. Editing
    (``obj`` given): fields the edit schema accepts, plus form-only fields the ``convert`` hook turns into
    schema keys (delegates, agenda); fields that cannot change after creation (a committee's partnership, a
    session's committee, ``create_only``) are neither shown nor required."""
    if obj is None:
        return list(spec.fields)
    return [f for f in spec.fields
            if (f.name in spec.patch_schema.model_fields or f.name not in spec.in_schema.model_fields)
            and not f.create_only]


def error_summary(fields: list[FormField], errors: dict[str, str], translate: Callable[[str], str],
                  ) -> list[dict[str, str | None]]:
    """One line per error for the summary at the top of a form, in the form's order: the field's label,
    its message and the id of its input (None when the form does not show the field: then the label is the
    field's name in words, so the user still knows what the message is about)."""
    shown = {f.name: f for f in fields}
    lines: list[dict[str, str | None]] = []
    for name in [f.name for f in fields if f.name in errors] + [n for n in errors if n not in shown]:
        message = errors[name]
        if name == forms.FORM_ERROR:
            lines.append({"label": None, "message": message, "anchor": None})
        elif name in shown:
            lines.append({"label": translate(shown[name].label), "message": message, "anchor": f"field-{name}"})
        else:
            lines.append({"label": name.removesuffix("_id").removesuffix("_ids").replace("_", " ").capitalize(),
                          "message": message, "anchor": None})
    return lines


def form_page(request: Request, db: DbSession, spec: EntityPages, raw: dict[str, Any], errors: dict[str, str],
              obj: Any = None, status: int = 200, duplicates: list[dict[str, Any]] | None = None) -> HTMLResponse:
    fmt = formatter(request)
    shown = form_fields(spec, obj)
    options = {}
    bound = any(f.source in partnership_bound() for f in shown)
    partnership_id = choices.partnership_of(db, raw, obj) if bound else None
    for f in shown:
        if f.source:
            current = raw.get(f.name)
            chosen = current if isinstance(current, list) else [current]
            options[f.name] = choices.load(db, fmt, f.source, chosen, partnership_id)
        for column in f.columns:  # a "rows" field: one option list per column, offering every row's value
            if column.source:
                chosen = [row.get(column.name) for row in raw.get(f.name) or []]
                options[f"{f.name}.{column.name}"] = choices.load(db, fmt, column.source, chosen, partnership_id)
    action, cancel = form_exits(request, spec, obj)
    context = {
        "spec": spec, "fields": shown, "raw": raw, "errors": errors, "options": options, "obj": obj,
        "action": action, "cancel": cancel, "summary": error_summary(shown, errors, fmt._),
        "title": spec.edit_title if obj is not None else spec.new_title,
        "duplicates": duplicates or [],
    }
    return render(request, "form.html", context, status=status)


def form_exits(request: Request, spec: EntityPages, obj: Any = None) -> tuple[str, str]:
    """(where the form posts, where its "Cancel" goes). Cancel goes back to the page the form was opened from
    (``?back=``, a local path, kept through a failed save by posting to the same query) or else to the record's
    own page (an edit) or its list (a new record) — and, for a record type without pages of its own (a call's
    funder, a commitment's progress update), to the page that shows it, never to a page that does not exist."""
    back = request.query_params.get("back", "")
    local_back = back if back.startswith("/") and not back.startswith("//") else None
    action = f"{spec.path}/{obj.id}/edit" if obj is not None else f"{spec.path}/new"
    if local_back:
        action += "?" + urlencode({"back": local_back})
    if obj is not None:
        return action, local_back or record_page(spec, obj)
    return action, local_back or (spec.path if spec.with_list else "/")


async def submit(request: Request, db: DbSession, spec: EntityPages, actor: str, obj: Any = None) -> Response:
    """Validate and save; on any error roll back, and show the form again with the messages (422/409)."""
    _ = formatter(request)._
    form = await request.form()
    raw = forms.raw_values(form_fields(spec, obj), form)
    creating = obj is None
    fields = form_fields(spec, obj)
    data, errors = forms.typed_values(fields, raw, _)
    schema = spec.in_schema if creating else spec.patch_schema
    status = 422
    duplicates: list[dict[str, Any]] = []
    try:
        if spec.convert and not errors:
            data = spec.convert(db, data, obj)
        if not creating:
            version = str(form.get("version", ""))
            data["version"] = int(version) if version.isdigit() else None
        elif form.get("allow_duplicate") == "true":  # the notice's "Create anyway" button
            data["allow_duplicate"] = True
        model, schema_errors = forms.validate(schema, data, creating, _, spec.aliases)
        errors = {**schema_errors, **errors}
        if model is not None and not errors:
            saved = spec.service.create(db, model, actor) if creating else spec.service.update(db, obj.id, model,
                                                                                                 actor)
            target = spec.redirect(saved) if spec.redirect else f"{spec.path}/{saved.id}"
            return RedirectResponse(target, status_code=303)
    except DuplicatesFound as exc:  # "Possible duplicate: X — open it / create anyway"
        db.rollback()
        duplicates = [{**d, "url": record_url(spec.entity, d["id"])} for d in exc.duplicates]
        errors = forms.domain_errors(exc, _, spec.aliases) if exc.field else {}
        status = 409
    except DomainError as exc:
        db.rollback()
        errors = forms.domain_errors(exc, _, spec.aliases)
        status = exc.status_code if exc.status_code in (409, 422) else 422
    if not creating:
        db.rollback()
        obj = spec.service.get(db, obj.id)
        raw["version"] = str(form.get("version", ""))
    return form_page(request, db, spec, raw, errors, obj, status=status, duplicates=duplicates)


def refuse_unless_allowed(request: Request, db: DbSession, obj: Any = None) -> None:
    """A form is only opened for someone who may save it (a member, for instance, only their organisation's
    commitments): the record service's rule, asked as the page's ``may`` asks it. Raises Forbidden (403)."""
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    if not record_allows(db, path, "POST", obj):
        raise Forbidden("Your role does not allow changing this record")


#: every record type that has generic pages, by entity name (filled as the domains add their routes)
REGISTERED_PAGES: dict[str, EntityPages] = {}


def add_list_and_form_routes(router: APIRouter, spec: EntityPages) -> None:
    """GET list, GET/POST new, GET/POST edit for one record type."""
    REGISTERED_PAGES[spec.entity] = spec

    if spec.with_list:
        @router.get(spec.path, response_class=HTMLResponse, name=f"{spec.entity}_list")
        def list_records(request: Request, db: DB) -> HTMLResponse:
            return list_page(request, db, spec)

    @router.get(spec.path + "/new", response_class=HTMLResponse, name=f"{spec.entity}_new")
    def new_record(request: Request, db: DB) -> HTMLResponse:
        refuse_unless_allowed(request, db)
        prefilled = forms.raw_values(spec.fields, request.query_params)
        for name, value in schema_defaults(spec.in_schema).items():
            if prefilled.get(name) in ("", None):
                prefilled[name] = value
        prefill_language(request, db, spec, prefilled)
        return form_page(request, db, spec, prefilled, {})

    @router.post(spec.path + "/new", response_class=HTMLResponse)
    async def create_record(request: Request, db: DB, actor: Actor) -> Response:
        return await submit(request, db, spec, actor)

    @router.get(spec.path + "/{record_id:int}/edit", response_class=HTMLResponse, name=f"{spec.entity}_edit")
    def edit_record(record_id: int, request: Request, db: DB) -> HTMLResponse:
        obj = spec.service.get(db, record_id)
        refuse_unless_allowed(request, db, obj)
        raw = spec.initial(obj) if spec.initial else default_initial(spec, obj)
        raw["version"] = str(obj.version)
        return form_page(request, db, spec, raw, {}, obj)

    @router.post(spec.path + "/{record_id:int}/edit", response_class=HTMLResponse)
    async def update_record(record_id: int, request: Request, db: DB, actor: Actor) -> Response:
        return await submit(request, db, spec, actor, spec.service.get(db, record_id))

    add_record_action_routes(router, spec)
