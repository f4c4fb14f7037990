"""The API documents itself: walked over the app's whole OpenAPI document, every schema says what it is,
every property says what it holds (with the range its validation enforces), and every operation has a
summary written for people — so a new undescribed field, schema or route fails here."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pytest
from pydantic import BaseModel

from sticoop.server.app import create_app

#: schemas FastAPI generates itself, which no docstring of ours reaches: its 422 body (the "errors" work of
#: issue 10 replaces it) and the multipart bodies of upload routes (their properties are checked)
GENERATED = re.compile(r"^(HTTPValidationError|ValidationError|Body_.+)$")
#: nothing is left out any more (a module or path containing this is skipped)
NOT_YET = "\0"
BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


@cache
def _openapi() -> dict[str, Any]:
    return create_app("sqlite://").openapi()


def _model_modules() -> dict[str, str]:
    """Class name -> defining module, over every Pydantic model loaded (the app imports every domain)."""
    found: dict[str, str] = {}
    stack = list(BaseModel.__subclasses__())
    while stack:
        cls = stack.pop()
        found.setdefault(cls.__name__.split("[")[0], cls.__module__)
        stack.extend(cls.__subclasses__())
    return found


def _schemas() -> list[str]:
    _openapi()
    modules = _model_modules()
    return sorted(name for name in _openapi()["components"]["schemas"]
                  if not GENERATED.match(name) and NOT_YET not in modules.get(name, ""))


def _bounds(prop: dict[str, Any]) -> list[float]:
    """The numeric bounds validation puts on a property (on it, or on a branch of ``X | None``)."""
    parts = [prop, *prop.get("anyOf", ())]
    return [part[b] for part in parts for b in BOUNDS if b in part]


def _mentions(text: str, number: float) -> bool:
    """``number`` appears in ``text``, digit groups written with or without separators (10,000 or 10000)."""
    plain = re.sub(r"(?<=\d)[,_\u00a0\u202f ](?=\d{3}\b)", "", text)
    shown = str(int(number)) if float(number).is_integer() else str(number)
    return re.search(rf"(?<![\d.]){re.escape(shown)}(?![\d])", plain) is not None


def test_the_walk_sees_the_api() -> None:
    """Guards the walk itself: it must reach the domain schemas, not an empty or reduced document."""
    names = set(_schemas())
    assert {"CommitteeIn", "CommitmentOut", "ProfilePatch", "Page_PartnershipOut_", "Dashboard"} <= names
    assert len(names) > 80


@pytest.mark.parametrize("name", _schemas())
def test_every_schema_and_property_is_described(name: str) -> None:
    schema = _openapi()["components"]["schemas"][name]
    assert (schema.get("description") or "").strip(), f"{name} has no description (give its class a docstring)"
    undescribed = [p for p, prop in schema.get("properties", {}).items() if not (prop.get("description") or "").strip()]
    assert not undescribed, f"{name}: no description on {undescribed} (Field(description=...))"


@pytest.mark.parametrize("name", _schemas())
def test_every_numeric_range_is_stated(name: str) -> None:
    schema = _openapi()["components"]["schemas"][name]
    unstated = {p: bounds for p, prop in schema.get("properties", {}).items()
                if (bounds := _bounds(prop)) and not all(_mentions(prop.get("description") or "", b) for b in bounds)}
    assert not unstated, f"{name}: the description does not state the range {unstated}"


def test_generated_bodies_describe_their_properties() -> None:
    schemas = _openapi()["components"]["schemas"]
    bodies = [n for n in schemas if n.startswith("Body_")]
    assert bodies
    for name in bodies:
        undescribed = [p for p, prop in schemas[name]["properties"].items() if not prop.get("description")]
        assert not undescribed, f"{name}: give File()/Form() a description for {undescribed}"


def _schema_models() -> list[type[BaseModel]]:
    """Every model of a ``schemas`` or ``api`` module, reached by a route or not (a page may use it alone)."""
    _openapi()
    found: dict[str, type[BaseModel]] = {}
    stack = list(BaseModel.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        module = cls.__module__
        if (module.startswith("sticoop.") and module.rsplit(".", 1)[-1] in ("schemas", "api", "listing")
                and "[" not in cls.__name__ and NOT_YET not in module):
            found[f"{module}.{cls.__qualname__}"] = cls
    return [found[k] for k in sorted(found)]


@pytest.mark.parametrize("model", _schema_models(), ids=lambda m: m.__name__)
def test_every_schema_class_is_described_even_off_the_api(model: type[BaseModel]) -> None:
    assert (model.__dict__.get("__doc__") or "").strip(), f"{model.__name__} has no docstring"
    assert not [n for n, f in model.model_fields.items() if not f.description], model.__name__


def _auto_summary(op: dict[str, Any]) -> bool:
    """FastAPI's own summary when none is written: the function name title-cased ("List Records"), the same
    name that starts the generated operationId."""
    summary = op.get("summary") or ""
    return op["operationId"].startswith(summary.lower().replace(" ", "_") + "_") and summary == summary.title()


def test_every_operation_has_a_written_summary() -> None:
    operations = {f"{method.upper()} {path}": op for path, ops in _openapi()["paths"].items()
                  for method, op in ops.items() if NOT_YET not in path}
    assert len(operations) > 100
    missing = sorted(k for k, op in operations.items() if not (op.get("summary") or "").strip() or _auto_summary(op))
    assert not missing, f"operations without a written summary=...: {missing}"


def test_the_range_check_can_fail() -> None:
    """The helpers the range test rests on tell a stated range from a missing one."""
    assert _bounds({"anyOf": [{"type": "integer", "minimum": 1, "maximum": 240}, {"type": "null"}]}) == [1, 240]
    assert _mentions("months (1–240)", 240) and _mentions("0–10,000", 10_000) and _mentions("≥ 0", 0)
    assert not _mentions("months", 240) and not _mentions("2400 items", 240) and not _mentions("1.5", 5)
    assert _auto_summary({"summary": "List Records", "operationId": "list_records_api_v1_things_get"})
    assert not _auto_summary({"summary": "List thing records", "operationId": "list_records_api_v1_things_get"})
