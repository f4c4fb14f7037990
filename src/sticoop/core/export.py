"""CSV exports meant for people: every id or code column gets a readable column right after it.

A list export (``GET /api/v1/<things>/export.csv``, the "Download CSV" button of each list) keeps the raw
columns for machines and adds, derived from the schemas and the mapping — nothing is declared per entity:

- ``<x>_id`` / ``<x>_ids`` / ``<x>_keys`` pointing at a mapped record type (a foreign-key column, or a
  many-to-many relationship of the model) → a name column (``partnership`` after ``partnership_id``,
  ``responsible`` after ``responsible_ids``: "MOST; VAST"), looked up in bounded batch queries (one
  ``IN`` query per record type and per :data:`CHUNK` ids, never one per row), through the request's
  session so scoping applies: a name the user may not see stays empty;
- country codes (fields typed :data:`~sticoop.core.schemas.CountryCode` in the input schema) → country names;
- coded values (an ``Enum`` or ``Literal`` in the input or output schema: statuses, kinds) and language codes
  (typed :data:`~sticoop.core.schemas.LanguageCode`) → ``<x>_label``.

Labels and country names are in the request's language; the translation lives with the web layer, which
passes a :class:`Labels` factory in (``app.state.export_labels``), so ``core`` imports nothing from ``web``.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from pydantic import BaseModel
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from sticoop.core.models import Base
from sticoop.core.schemas import Kind, kind_of

#: ids looked up per query (an IN list stays short enough for every database)
CHUNK = 1000
#: a commitment's text as a name is cut here
NAME_MAX = 160
ID_SUFFIXES = ("_ids", "_keys", "_id")
NAME_COLUMNS = ("name", "title", "filename", "text", "username")


class Labels(Protocol):
    """Readable words for stored codes, in one language."""

    def choice(self, choices: frozenset[str], value: str) -> str:
        """The label of ``value``, one of the coded values ``choices`` (a status, a kind...)."""

    def country(self, code: str) -> str:
        """The name of the country with ISO 3166-1 alpha-3 ``code``."""

    def language(self, code: str) -> str:
        """The name of the language with ISO 639-1 ``code``."""


class PlainLabels:
    """English without a catalogue: "in_progress" → "In progress"; used when no web layer is present."""

    def choice(self, choices: frozenset[str], value: str) -> str:
        return value.replace("_", " ").capitalize()

    def country(self, code: str) -> str:
        from sticoop.core.countries import country_name

        return country_name(code, "en")

    def language(self, code: str) -> str:
        return language_name(code, "en")


def language_name(code: str, locale: str) -> str:
    """A language's name in ``locale`` from Babel's CLDR data ("fr" in "vi" → "Tiếng Pháp"); the code when unknown."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code).get_display_name(locale)
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:] if name else code


@dataclass(frozen=True)
class Extra:
    """One readable column added after the raw column ``source``."""

    source: str
    name: str
    kind: str  # "record", "country", "language", "choice" or "nested"
    target: type[Any] | None = None
    choices: frozenset[str] = frozenset()
    #: for "nested" (a list of rows the record owns: a project's partners, a person's positions): their schemas
    item_out: type[BaseModel] | None = None
    item_in: type[BaseModel] | None = None


def item_model(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside ``list[Model]`` or ``Model | None``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = item_model(arg)
        if found is not None:
            return found
    return None


def choices_of(annotation: Any) -> frozenset[str] | None:
    """The coded values of an Enum or Literal annotation (through ``X | None`` and ``list[X]``)."""
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return frozenset(str(m.value) for m in annotation)
    if typing.get_origin(annotation) is typing.Literal:
        return frozenset(str(a) for a in typing.get_args(annotation))
    for arg in typing.get_args(annotation):
        found = choices_of(arg)
        if found:
            return found
    return None


def _singular(name: str) -> str:
    words = []
    for word in name.split("_"):
        if word.endswith("ies"):
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.append(word)
    return "_".join(words)


def _mapped(table_name: str) -> type[Any] | None:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table_name:
            return mapper.class_
    return None


def target_of(model: type[Any], field: str) -> tuple[str, type[Any]] | None:
    """(name column, record type) for an id field of ``model``'s output: a foreign-key column
    (``partnership_id`` → Partnership) or a list of a many-to-many relationship's keys
    (``responsible_ids`` → ``responsible``, ``organization_met_ids`` → ``organizations_met``)."""
    suffix = next((s for s in ID_SUFFIXES if field.endswith(s)), None)
    if suffix is None:
        return None
    base = field[: -len(suffix)]
    mapper = inspect(model)
    if suffix == "_id":
        column = model.__table__.c.get(field)
        for fk in column.foreign_keys if column is not None else ():
            target = _mapped(fk.column.table.name)
            if target is not None:
                return base, target
        return _entity_named(base)
    for rel in mapper.relationships:
        if rel.uselist and _singular(rel.key) == _singular(base):
            return rel.key, rel.mapper.class_
    return None


def _entity_named(base: str) -> tuple[str, type[Any]] | None:
    """A derived id (a session's ``partnership_id``, its ``previous_session_id``) names its record type:
    the registered entity whose name ends the field's base."""
    from sticoop.core.registry import services

    words = base.split("_")
    for start in range(len(words)):
        service = services().get("_".join(words[start:]))
        if service is not None:
            return base, service.model
    return None


def field_kind(info: Any) -> str | None:
    """The :class:`~sticoop.core.schemas.Kind` of a schema field (pydantic keeps a bare ``Annotated``'s
    metadata on the FieldInfo, an optional one inside the annotation)."""
    for part in getattr(info, "metadata", ()):
        if isinstance(part, Kind):
            return part.name
    return kind_of(info.annotation)


@cache
def plan(model: type[Any], out_schema: type[BaseModel], in_schema: type[BaseModel] | None) -> tuple[Extra, ...]:
    """The readable columns of one entity's export, derived from its schemas and its mapping."""
    fields = list(out_schema.model_fields)
    used = set(fields)
    extras: list[Extra] = []

    def free(name: str) -> str:
        name = name if name not in used else f"{name}_name"
        used.add(name)
        return name

    in_fields = in_schema.model_fields if in_schema is not None else {}
    for field in fields:
        infos = [out_schema.model_fields[field], *([in_fields[field]] if field in in_fields else [])]
        annotations = [info.annotation for info in infos]
        if any(field_kind(info) == "country" for info in infos):
            base = (field[:-5] if field.endswith("_code") else
                    field[:-6].replace("country", "countries") if field.endswith("_codes") else f"{field}_names")
            extras.append(Extra(field, free(base), "country"))
            continue
        if any(field_kind(info) == "language" for info in infos):
            extras.append(Extra(field, free(f"{field}_label"), "language"))
            continue
        found = target_of(model, field)
        if found is not None:
            extras.append(Extra(field, free(found[0]), "record", target=found[1]))
            continue
        choices = next((c for c in map(choices_of, annotations) if c), None)
        if choices:
            extras.append(Extra(field, free(f"{field}_label"), "choice", choices=choices))
            continue
        rel = inspect(model).relationships.get(field)
        item_out = item_model(annotations[0])
        # owned rows: a relationship's (a project's partners) or a JSON column's items (a project's translations)
        if item_out is not None and (rel is not None or field in inspect(model).columns):
            item_in = item_model(annotations[1]) if len(annotations) > 1 else None
            extras.append(Extra(field, free(f"{field}_text"), "nested",
                                target=rel.mapper.class_ if rel is not None else None,
                                item_out=item_out, item_in=item_in))
    return tuple(extras)


def display_names(db: Session, model: type[Any], keys: Iterable[Any]) -> dict[Any, str]:
    """{key: readable name} for records of ``model``, in bounded queries of :data:`CHUNK` keys. A service
    may say how its records are named (``display_names(session, keys)``, e.g. a session: committee and
    number); otherwise the first non-empty of name, title, filename, text."""
    from sticoop.core.registry import services

    keys = sorted({k for k in keys if k is not None}, key=str)
    if not keys:
        return {}
    service = next((s for s in services().values() if s.model is model), None)
    custom: Callable[[Session, list[Any]], dict[Any, str]] | None = getattr(service, "display_names", None)
    pk = inspect(model).primary_key[0]
    columns = [getattr(model, c) for c in NAME_COLUMNS if c in model.__table__.c]
    found: dict[Any, str] = {}
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start:start + CHUNK]
        if custom is not None:
            found.update(custom(db, chunk))
            continue
        if not columns:
            found.update({k: f"#{k}" for k in chunk})
            continue
        for key, *values in db.execute(select(pk, *columns).where(pk.in_(chunk))).all():
            text = next((str(v) for v in values if v not in (None, "")), f"#{key}")
            found[key] = text if len(text) <= NAME_MAX else text[: NAME_MAX - 1] + "…"
    return found


def readable(db: Session, model: type[Any], out_schema: type[BaseModel], in_schema: type[BaseModel] | None,
             records: list[dict[str, Any]], labels: Labels | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """The export's columns (raw ones in schema order, each followed by its readable one) and the records
    with the readable values filled in (lists joined later by the CSV writer)."""
    labels = labels or PlainLabels()
    extras = plan(model, out_schema, in_schema)  # type: ignore[arg-type]  # mypy: class objects are not Hashable
    names: dict[type[Any], dict[Any, str]] = {}
    for target in {e.target for e in extras if e.kind == "record" and e.target is not None}:
        keys = [v for e in extras if e.target is target for r in records for v in _as_list(r.get(e.source))]
        names[target] = display_names(db, target, keys)
    for extra in extras:
        if extra.kind == "nested":
            _nested_text(db, extra, records, labels)
    countries: dict[str, str] = {}
    choice_labels: dict[tuple[frozenset[str], str], str] = {}
    for record in records:
        for extra in extras:
            values = _as_list(record.get(extra.source))
            if extra.kind == "nested":
                continue
            if extra.kind == "record":
                shown = [names[extra.target].get(v, "") for v in values]  # type: ignore[index]  # (records have one)
            elif extra.kind == "country":
                shown = [countries.get(v) or countries.setdefault(v, labels.country(v)) for v in values]
            elif extra.kind == "language":
                shown = [labels.language(v) for v in values]
            else:
                shown = [choice_labels.get((extra.choices, v)) or
                         choice_labels.setdefault((extra.choices, v), labels.choice(extra.choices, str(v)))
                         for v in values]
            record[extra.name] = shown if isinstance(record.get(extra.source), list) else (shown[0] if shown else "")
    after: dict[str, list[str]] = {}
    for extra in extras:
        after.setdefault(extra.source, []).append(extra.name)
    _structured_text(out_schema, records, after)
    columns: list[str] = []
    for field in out_schema.model_fields:
        columns += [field, *after.get(field, [])]
    if records:  # keys a serializer adds beyond the schema (e.g. a commitment's "overdue")
        columns += [k for k in records[0] if k not in columns]
    return columns, records


def _nested_text(db: Session, extra: Extra, records: list[dict[str, Any]], labels: Labels) -> None:
    """Fill ``extra.name`` of each record with its owned rows made readable, all rows at once (so their own
    ids are named in the same bounded batches): "MOST, Coordinator; VAST, Partner"."""
    assert extra.item_out is not None
    items = [[dict(item) for item in record.get(extra.source) or [] if isinstance(item, dict)] for record in records]
    replaced: dict[str, str] = {}
    if extra.target is not None:  # rows of a table: their ids named too (items of a JSON column hold no ids)
        flat = [item for row in items for item in row]
        _columns, _ = readable(db, extra.target, extra.item_out, extra.item_in, flat, labels)
        replaced = {e.source: e.name for e in plan(extra.target, extra.item_out, extra.item_in)  # type: ignore[arg-type]
                    if e.kind != "nested"}  # (mypy: class objects are not Hashable)
    for record, row in zip(records, items, strict=True):
        parts = []
        for item in row:
            shown = [item.get(replaced.get(key, key)) for key in extra.item_out.model_fields if key != "id"]
            parts.append(", ".join(_text(v) for v in shown if v not in (None, "", [], True, False)))
        record[extra.name] = parts


def _structured_text(out_schema: type[BaseModel], records: list[dict[str, Any]], after: dict[str, list[str]]) -> None:
    """JSON objects stored in a column (a call's rules, a review's scores) get a ``{field}_text`` column in
    plain words, "excellence: 4.5, impact: 4" (nested objects in parentheses), one item per object of a list."""
    for field in out_schema.model_fields:
        if field in after or not any(_is_object(r.get(field)) for r in records):
            continue
        name = f"{field}_text"
        after[field] = [name]
        for record in records:
            value = record.get(field)
            record[name] = [_plain(v) for v in value] if isinstance(value, list) else _plain(value)


def _is_object(value: Any) -> bool:
    return isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, dict) for v in value))


def _plain(value: Any) -> str:
    """A JSON value in words without braces: ``{"a": 1, "b": {"c": 2}}`` → "a: 1, b: (c: 2)"; ``{}`` → "-"."""
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_plain(v) if not isinstance(v, dict | list) else f'({_plain(v)})'}"
                         for k, v in value.items()) or "-"
    if isinstance(value, list):
        return "; ".join(_plain(v) for v in value)
    return "" if value is None else str(value)


def _text(value: Any) -> str:
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)


def _as_list(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, list) else [value]
