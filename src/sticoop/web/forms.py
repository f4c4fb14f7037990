"""HTML forms on top of the services' Pydantic schemas.

A form is a list of :class:`FormField`. Posting one parses the browser's strings into typed values,
validates them with the service's input schema (``*In`` to create, ``*Patch`` with the hidden ``version``
to edit) and hands them to the service, so the pages enforce exactly the rules the API does. Errors —
from Pydantic or from the service — come back as ``{field: message}`` so the form shows each message next
to its field, in the user's language where the message is a known kind, with what the user typed kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from starlette.datastructures import FormData, QueryParams

from sticoop.core.errors import DomainError
from sticoop.web.labels import N_

Translate = Callable[[str], str]
FORM_ERROR = "__form__"


@dataclass(frozen=True)
class FormField:
    """One input. ``kind``: text, textarea, lines (one list item per line), date, number, select,
    multiselect, checkbox, url, email or rows (a repeated group of ``columns``, one row per list item — a
    person's positions — with ``spare_rows`` blank rows to add some and a "remove" box per row; posted as
    ``<name>-<i>-<column>``, so it works without JavaScript); ``source`` names where a select's choices
    come from (see choices.py)."""

    name: str
    label: str
    kind: str = "text"
    source: str | None = None
    required: bool = False
    help: str | None = None
    wide: bool = False
    #: shown only when creating (e.g. an agreement's status, which later changes by transitions)
    create_only: bool = False
    #: the inputs of each row of a "rows" field
    columns: tuple[FormField, ...] = ()
    #: how many blank rows a "rows" field offers to add members in one save (e.g. a consortium: several)
    spare_rows: int = 1


ROW_REMOVE = "remove"


def _row_indexes(name: str, keys: Iterable[str]) -> list[int]:
    prefix = f"{name}-"
    found = {int(k[len(prefix):].split("-", 1)[0]) for k in keys
             if k.startswith(prefix) and k[len(prefix):].split("-", 1)[0].isdigit()}
    return sorted(i for i in found if i < 1000)


def raw_values(fields: Iterable[FormField], form: FormData | QueryParams | dict[str, Any]) -> dict[str, Any]:
    """What the user typed, as strings (lists for multi-selects), to parse and to show again."""
    raw: dict[str, Any] = {}
    for field in fields:
        if field.kind == "rows":
            rows = [{c.name: str(form.get(f"{field.name}-{i}-{c.name}") or "")
                     for c in (*field.columns, FormField(ROW_REMOVE, ""))}
                    for i in _row_indexes(field.name, form.keys())]
            raw[field.name] = [row for row in rows if any(v.strip() for v in row.values())]  # blank spares go
        elif field.kind == "multiselect":
            values = form.getlist(field.name) if hasattr(form, "getlist") else form.get(field.name) or []
            raw[field.name] = [str(v) for v in values if str(v).strip()]
        else:
            value = form.get(field.name)
            raw[field.name] = "" if value is None else str(value)
    return raw


def typed_values(fields: Iterable[FormField], raw: dict[str, Any], translate: Translate,
                 ) -> tuple[dict[str, Any], dict[str, str]]:
    """Empty inputs become None (or []), "lines" become lists; required-but-empty fields get a message."""
    data: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field in fields:
        value = raw.get(field.name)
        if field.kind == "rows":  # blank rows and rows ticked "remove" are left out
            data[field.name] = [{k: (str(v).strip() or None) for k, v in row.items() if k != ROW_REMOVE}
                                for row in value or [] if not row.get(ROW_REMOVE)
                                and any(str(v).strip() for k, v in row.items() if k != ROW_REMOVE)]
        elif field.kind == "multiselect":
            data[field.name] = list(value or [])
        elif field.kind == "lines":
            data[field.name] = [line.strip() for line in str(value or "").splitlines() if line.strip()]
        elif field.kind == "checkbox":  # an unticked box is not sent at all: that is False, not "unchanged"
            data[field.name] = str(value or "") in ("on", "true", "1")
        else:
            text = str(value or "").strip()
            data[field.name] = text or None
        if field.required and data[field.name] in (None, []):
            errors[field.name] = translate(N_("This field is required."))
    return data, errors


def validate(schema: type[BaseModel], data: dict[str, Any], creating: bool, translate: Translate,
             aliases: dict[str, str] | None = None) -> tuple[BaseModel | None, dict[str, str]]:
    """Build the service's input model; on failure, one message per field."""
    allowed = schema.model_fields
    payload = {k: v for k, v in data.items() if k in allowed and not (creating and v is None)}
    try:
        return schema.model_validate(payload), {}
    except ValidationError as exc:
        return None, pydantic_errors(exc, translate, aliases or {})


def pydantic_errors(exc: ValidationError, translate: Translate, aliases: dict[str, str]) -> dict[str, str]:
    errors: dict[str, str] = {}
    for error in exc.errors():
        loc = [str(part) for part in error.get("loc", ())]
        message = friendly_message(error, translate)
        field = loc[0] if loc else _field_named_in(str(error.get("msg", "")))
        field = aliases.get(field or "", field) or FORM_ERROR
        errors.setdefault(field, message)
    return errors


def domain_errors(exc: DomainError, translate: Translate, aliases: dict[str, str] | None = None) -> dict[str, str]:
    field = exc.field or _field_named_in(exc.message) or FORM_ERROR
    field = (aliases or {}).get(field, field)
    message = exc.message
    if re.search(r"\bend[ _]date\b.* is before ", message):
        message = translate(N_("The end date is before the start date."))
    elif exc.status_code == 409 and field == "version":
        message = translate(N_("Someone else changed this record while you were editing it. "
                               "Reload the page and apply your change again."))
    return {field: message}


def _field_named_in(message: str) -> str | None:
    match = re.match(r"^(?:Value error, )?([a-z_]+) \(", message)
    return match.group(1) if match else None


#: error types raised by the annotated types of core/schemas.py -> message for people
KIND_MESSAGES = {
    "url": N_("Enter a web address starting with http:// or https://."),
    "country_code": N_("Choose a country from the list."),
    "currency_code": N_("Enter an ISO 4217 currency code, e.g. EUR, VND, USD."),
    "email": N_("Enter a valid e-mail address, e.g. name@example.org."),
    "language_code": N_("Enter an ISO 639-1 language code, e.g. en, fr, vi."),
    "org_identifier": N_("Enter an org-id.guide identifier, e.g. XM-DAC-41114 or GB-COH-123456."),
}


def friendly_message(error: ErrorDetails, translate: Translate) -> str:
    """A plain-language message for the error kinds people meet in forms; the schema's own text otherwise."""
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    msg = str(error.get("msg", ""))
    if kind in ("missing", "string_too_short") and ctx.get("min_length", 1) == 1:
        return translate(N_("This field is required."))
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return translate(N_("Enter a whole number."))
    if kind in ("decimal_parsing", "float_parsing", "decimal_type"):
        return translate(N_("Enter a number."))
    if kind.startswith("date"):
        return translate(N_("Enter a valid date."))
    if kind == "enum":
        return translate(N_("Choose one of the options."))
    if kind in KIND_MESSAGES:  # the kinds of value normalised in core/schemas.py
        return translate(KIND_MESSAGES[kind])
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if "https?" in pattern:
            return translate(N_("Enter a web address starting with http:// or https://."))
        if "A-Za-z]{3}" in pattern:
            return translate(N_("Choose a country from the list."))
        return translate(N_("This value is not in the expected format."))
    if kind == "greater_than_equal":
        return translate(N_("The value must be at least %(limit)s.")) % {"limit": ctx.get("ge")}
    if kind == "less_than_equal":
        return translate(N_("The value must be at most %(limit)s.")) % {"limit": ctx.get("le")}
    if kind == "too_short":
        return translate(N_("Choose at least %(count)s.")) % {"count": ctx.get("min_length")}
    if kind in ("too_long", "string_too_long"):
        return translate(N_("This is too long."))
    if kind == "value_error":
        text = msg.removeprefix("Value error, ")
        if re.search(r"end_date .* is before start_date", text):
            return translate(N_("The end date is before the start date."))
        return text
    return msg
