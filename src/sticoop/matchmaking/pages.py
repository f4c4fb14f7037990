"""Pages for technology profiles: the marketplace list, the create/edit form, and a profile with its matches.

The list and forms reuse the shared machinery (``web.crud_pages``); this module adds what it lacks — the
taxonomy-field filter, comma-separated keywords, a translated message placed beside the summary when a
profile has no text, a translated status-transition message — and the profile page, whose point is to show
*why* each match was proposed (score parts, shared fields and terms, keywords-only matching).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from babel.numbers import format_percent
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session as DbSession

from sticoop.core.api import DB, Actor
from sticoop.core.i18n import Formatter
from sticoop.matchmaking import schemas as s
from sticoop.matchmaking.engine import notes
from sticoop.matchmaking.models import PROFILE_TRANSITIONS, TechProfile
from sticoop.matchmaking.service import matches, profiles
from sticoop.partners.models import Organization, Person
from sticoop.reference.fields import FIELD_KEYS
from sticoop.web import crud_pages, forms
from sticoop.web.crud_pages import EntityPages, add_list_and_form_routes, filter_options, list_params
from sticoop.web.forms import FormField
from sticoop.web.labels import N_, label
from sticoop.web.lookups import names
from sticoop.web.render import formatter, is_htmx, render

router = APIRouter(include_in_schema=False)
MATCHES_SHOWN = 10
#: the score parts in the order the page explains them (see matchmaking.engine.ranking)
SCORE_PARTS = ("semantic", "keywords", "fields", "trl", "country", "partner_type")
NO_TEXT = N_("A profile needs a summary or a description: matching works on its text.")


# ----- form ---------------------------------------------------------------------------------------
def split_keywords(text: str | None) -> list[str]:
    """"membrane, wastewater ,MBR" -> ["membrane", "wastewater", "MBR"]: people type keywords in one line."""
    seen: list[str] = []
    for part in re.split(r"[,;\n]", text or ""):
        word = part.strip()
        if word and word.casefold() not in {w.casefold() for w in seen}:
            seen.append(word)
    return seen


def profile_convert(db: DbSession, data: dict[str, Any], obj: Any) -> dict[str, Any]:
    data["keywords"] = split_keywords(data.get("keywords"))
    return data


def profile_initial(obj: TechProfile) -> dict[str, Any]:
    raw = crud_pages.default_initial(PROFILES, obj)
    raw["keywords"] = ", ".join(obj.keywords or [])
    return raw


PROFILES = EntityPages(
    entity="profile", path="/profiles", service=profiles, in_schema=s.ProfileIn, patch_schema=s.ProfilePatch,
    fields=(
        FormField("kind", N_("Type"), "select", "enum:profile_kind", required=True),
        FormField("title", N_("Title"), required=True, wide=True),
        FormField("summary", N_("Summary"), "textarea",
                  help=N_("What is offered or sought, in a few sentences. Matching works on this text.")),
        FormField("description", N_("Description"), "textarea"),
        FormField("language", N_("Language of the text"), "select", "enum:profile_language", required=True),
        FormField("fields", N_("Fields"), "multiselect", "enum:tech_field"),
        FormField("keywords", N_("Keywords"), wide=True, help=N_("Separated by commas.")),
        FormField("trl", N_("Technology readiness level (1–9)"), "number"),
        FormField("ipr_status", N_("Intellectual property"), "select", "enum:ipr_status"),
        FormField("partner_sought_types", N_("Partners sought"), "multiselect", "enum:organization_type"),
        FormField("partner_sought_role", N_("Role of the partner sought"), wide=True),
        FormField("partner_sought_countries", N_("Partner countries sought"), "multiselect", "countries"),
        FormField("owner_organization_id", N_("Owner organisation"), "select", "organizations"),
        FormField("owner_country_code", N_("Owner country"), "select", "countries"),
        FormField("contact_person_id", N_("Contact person"), "select", "people"),
        FormField("valid_from", N_("Valid from"), "date"),
        FormField("valid_until", N_("Valid until"), "date"),
        FormField("status", N_("Status"), "select", "enum:profile_status", required=True,
                  help=N_("Draft profiles are matched for you but not shown to others.")),
    ),
    title=N_("Technology profiles"), new_title=N_("New technology profile"), edit_title=N_("Edit technology profile"),
    new_label=N_("New profile"), table="profiles/_table.html", filters=("q", "country", "status", "kind"),
    status_group="profile_status", kind_group="profile_kind", convert=profile_convert, initial=profile_initial,
    with_list=False,
)


def precheck(request: Request, raw: dict[str, Any], obj: TechProfile | None) -> dict[str, str]:
    """The two mistakes people make most, caught before the schema so the message is translated and sits
    beside its field: no text at all, and a status the current one cannot move to."""
    _ = formatter(request)._
    errors: dict[str, str] = {}
    summary, description = (str(raw.get(k) or "").strip() for k in ("summary", "description"))
    if not summary and not description:
        errors["summary"] = _(NO_TEXT)
    status = str(raw.get("status") or "")
    if obj is not None and status and status != obj.status and status in PROFILE_TRANSITIONS \
            and status not in PROFILE_TRANSITIONS[obj.status]:
        allowed = ", ".join(label(_, "profile_status", x) for x in sorted(PROFILE_TRANSITIONS[obj.status]))
        errors["status"] = _("A profile cannot go from “%(current)s” to “%(new)s”. Allowed: %(allowed)s.") % {
            "current": label(_, "profile_status", obj.status), "new": label(_, "profile_status", status),
            "allowed": allowed or _("none (final status)")}
    return errors


async def checked_submit(request: Request, db: DbSession, actor: str, obj: TechProfile | None) -> Response:
    form = await request.form()  # Starlette keeps the parsed form, so submit() reads the same one
    raw = forms.raw_values(PROFILES.fields, form)
    errors = precheck(request, raw, obj)
    if errors:
        if obj is not None:
            raw["version"] = str(form.get("version", ""))
        return crud_pages.form_page(request, db, PROFILES, raw, errors, obj, status=422)
    return await crud_pages.submit(request, db, PROFILES, actor, obj)


# Registered before the shared routes, so these POST handlers are the ones that answer.
@router.post("/profiles/new", response_class=HTMLResponse)
async def create_profile(request: Request, db: DB, actor: Actor) -> Response:
    return await checked_submit(request, db, actor, None)


@router.post("/profiles/{record_id:int}/edit", response_class=HTMLResponse)
async def update_profile(record_id: int, request: Request, db: DB, actor: Actor) -> Response:
    return await checked_submit(request, db, actor, profiles.get(db, record_id))


# ----- list ---------------------------------------------------------------------------------------
def field_choices(translate: Callable[[str], str]) -> list[tuple[str, str]]:
    from sticoop.web.labels import choices

    return sorted(choices(translate, "tech_field"), key=lambda o: o[1].casefold())


@router.get("/profiles", response_class=HTMLResponse, name="profile_list")
def profile_list(request: Request, db: DB) -> HTMLResponse:
    """The shared list template, plus the taxonomy-field filter the generic list does not know."""
    params, chosen, problem = list_params(request, PROFILES)
    field = request.query_params.get("field", "").strip()
    if field in FIELD_KEYS:
        params = params.model_copy(update={"field": field})
        chosen["field"] = field
    items, total = profiles.list(db, params)
    fmt = formatter(request)
    options = filter_options(db, request, PROFILES)
    options["field"] = field_choices(fmt._)
    _ = fmt._
    context = {"spec": PROFILES, "items": items, "total": total, "params": params, "chosen": chosen,
               "problem": problem, "options": options,
               "org_names": names(db, Organization, [p.owner_organization_id for p in items]),
               "list_kicker": _("Marketplace"), "list_placeholder": _("Title, keyword…"),
               "list_filters": [("kind", _("Type")), ("status", _("Status")), ("country", _("Owner country")),
                                ("field", _("Field"))]}
    partial = is_htmx(request) and request.headers.get("hx-target") == "results"
    return render(request, "_results.html" if partial else "list.html", context)


# ----- profile page with its matches --------------------------------------------------------------
#: engine note code → the page's sentence (``%(language)s`` / ``%(type)s``: the translated parameter)
NOTE_MESSAGES: dict[str, str] = {
    notes.QUERY_LANGUAGE_UNSUPPORTED: N_("This profile's language (%(language)s) is not supported by the embedding "
                                         "model: matched by keywords only."),
    notes.MATCH_LANGUAGE_UNSUPPORTED: N_("The matched profile's language (%(language)s) is not supported by the "
                                         "embedding model: matched by keywords only."),
    notes.MATCH_OWNER_NOT_SOUGHT: N_("This profile does not seek a partner like the matched profile's owner "
                                     "(%(type)s)."),
    notes.QUERY_OWNER_NOT_SOUGHT: N_("The matched profile does not seek a partner like this profile's owner "
                                     "(%(type)s)."),
    notes.QUERY_VECTOR_PENDING: N_("Semantic part pending: this profile's meaning is still being computed; "
                                   "matched by keywords, fields and partner criteria meanwhile."),
    notes.MATCH_VECTOR_PENDING: N_("Semantic part pending: the matched profile's meaning is still being "
                                   "computed; matched by keywords, fields and partner criteria meanwhile."),
}


def translate_note(translate: Callable[[str], str], note: dict[str, Any]) -> str:
    """An engine note (``{"code", "params", "text"}``) in the page's language, found by its code; its
    parameters (a language tag, an organisation type) shown with their translated labels."""
    message = NOTE_MESSAGES.get(note["code"])
    if message is None:  # a code this page does not know yet: the engine's English text
        return str(note.get("text", note["code"]))
    params = note.get("params", {})
    values = {"language": label(translate, "profile_language", params.get("language", "")),
              "type": label(translate, "organization_type", params.get("owner_type", ""))}
    return translate(message) % values


def percent(value: float | None, locale: str) -> str:
    return "" if value is None else format_percent(max(0.0, min(1.0, value)), locale=locale)


def match_rows(fmt: Formatter, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each match with its parts in a fixed order, percentages in the page's locale and its notes translated."""
    rows = []
    for m in found:
        explanation = m["explanation"]
        parts = [{**explanation["parts"][name], "name": name, "shown_value": percent(explanation["parts"][name]
                                                                                   ["value"], fmt.locale),
                  "shown_weight": percent(explanation["parts"][name]["weight"], fmt.locale),
                  "shown_contribution": percent(explanation["parts"][name]["contribution"], fmt.locale)}
                 for name in SCORE_PARTS if name in explanation["parts"]]
        rows.append({**m, "width": round(100 * max(0.0, min(1.0, m["score"]))),
                     "percent": percent(m["score"], fmt.locale), "parts": parts,
                     "notes": [translate_note(fmt._, n) for n in explanation.get("notes", [])]})
    return rows


@router.get("/profiles/{record_id:int}", response_class=HTMLResponse)
def profile_detail(record_id: int, request: Request, db: DB) -> HTMLResponse:
    p = profiles.get(db, record_id)
    found = matches(db, record_id, MATCHES_SHOWN)
    fmt = formatter(request)
    return render(request, "profiles/detail.html", {
        "p": p, "keywords_only": found["keywords_only"], "semantic_pending": found["semantic_pending"],
        "threshold": percent(found["threshold"], fmt.locale),
        "complementary": match_rows(fmt, found["complementary"]), "similar": match_rows(fmt, found["similar"]),
        "org_name": names(db, Organization, [p.owner_organization_id]).get(p.owner_organization_id),
        "contact_name": names(db, Person, [p.contact_person_id]).get(p.contact_person_id),
    })


add_list_and_form_routes(router, PROFILES)
