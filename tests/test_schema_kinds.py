"""Every input field holding an e-mail address, a currency, a country, a web address or a language is
normalised and checked in one place (the annotated types of sticoop.core.schemas) — walked over every
input schema of every domain, so a new field of one of these kinds typed as a plain ``str`` fails here."""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError, create_model

import sticoop
from sticoop.core.export import field_kind
from sticoop.core.schemas import Input, Patch

#: kind -> (typed -> stored) that must be accepted, and typed values that must be refused
CASES: dict[str, tuple[dict[str, str], list[str]]] = {
    "email": ({" Jean.Dupont@Example.ORG ": "Jean.Dupont@example.org", "an@most.gov.vn": "an@most.gov.vn"},
              ["nope", "a@", "@b.org", "a b@c.org", "an@most"]),
    "currency": ({"eur": "EUR", " vnd ": "VND", "Usd": "USD"}, ["EURO", "ABC", "€", "12"]),
    "country": ({"vnm": "VNM", " bel ": "BEL", "VN": "VNM", "la": "LAO"}, ["XYZ", "Vietnam", "V1M", "QQ"]),
    "url": ({" HTTPS://WWW.Most.GOV.vn/en/Page?x=A ": "https://www.most.gov.vn/en/Page?x=A",
             "http://belspo.be": "http://belspo.be"},
            ["www.most.gov.vn", "ftp://most.gov.vn", "javascript:alert(1)", "https://", "https://a b.org"]),
    "language": ({"FR": "fr", "vi-VN": "vi", "en_GB": "en", " lo ": "lo"}, ["xx", "french", "zz-ZZ", "1"]),
    "org_identifier": ({" xm-dac-41114 ": "XM-DAC-41114", "GB-COH-123456": "GB-COH-123456",
                        "be-bce_kbo-0876.245.707": "BE-BCE_KBO-0876.245.707"},
                       ["41114", "XM DAC 41114", "QQ-COH-1", "GB-COH-1/2", "XM-DAC-"]),
}
#: a field whose name says it holds one of the kinds
NAME_HINTS = {"email": r"e_?mail", "currency": r"currency", "country": r"countr", "url": r"(^|_)url$|website",
              "language": r"^language$|_language$|^lang$",
              "org_identifier": r"iati_identifier|org_id$"}


def _input_models() -> list[type[BaseModel]]:
    for info in pkgutil.walk_packages(sticoop.__path__, "sticoop."):
        if info.name.endswith(("schemas", "_api")) and ".migrations" not in info.name:
            importlib.import_module(info.name)
    found: list[type[BaseModel]] = []
    stack: list[type[BaseModel]] = [Input, Patch]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            if sub not in found and sub.__module__.startswith("sticoop."):
                found.append(sub)
                stack.append(sub)
    return found


MODELS = _input_models()
FIELDS = [(model, name, info) for model in MODELS for name, info in model.model_fields.items()]
KINDED = [(model, name, field_kind(info)) for model, name, info in FIELDS if field_kind(info)]


def test_the_walk_finds_the_schemas_and_every_kind() -> None:
    names = {m.__name__ for m in MODELS}
    assert {"PersonIn", "PersonPatch", "ProjectIn", "OrganizationIn", "ProfileIn", "DocumentPatch"} <= names
    assert {kind for _m, _n, kind in KINDED} == set(CASES)


@pytest.mark.parametrize(("model", "name", "info"), FIELDS, ids=[f"{m.__name__}.{n}" for m, n, _ in FIELDS])
def test_a_field_named_like_a_kind_uses_that_kinds_type(model: type[BaseModel], name: str, info: Any) -> None:
    for kind, pattern in NAME_HINTS.items():
        if re.search(pattern, name) and info.annotation not in (bool, int):
            assert field_kind(info) == kind, f"{model.__name__}.{name} should be typed with the '{kind}' type"


def _payload(model: type[BaseModel], name: str, value: Any) -> Any:
    """The field's value shaped as the field expects (a list of two for list fields: some need two countries)."""
    text = str(model.model_fields[name].annotation)
    return [value, value] if "list[" in text else value


def _validate_field(model: type[BaseModel], name: str, value: Any) -> Any:
    """Validate one field exactly as the schema declares it (other fields and model rules left aside)."""
    info = model.model_fields[name]
    one = create_model("One", **{name: (info.annotation, info)})
    return getattr(one.model_validate({name: _payload(model, name, value)}), name)


@pytest.mark.parametrize(("model", "name", "kind"), KINDED, ids=[f"{m.__name__}.{n}" for m, n, _ in KINDED])
def test_every_field_of_a_kind_normalises_and_refuses_alike(model: type[BaseModel], name: str, kind: str) -> None:
    accepted, refused = CASES[kind]
    for typed, stored in accepted.items():
        value = _validate_field(model, name, typed)
        expected = _payload(model, name, stored)
        info = model.model_fields[name]
        if "_choice_set" in f"{info.annotation}{info.metadata}":  # a set of codes (CountrySet): each once
            expected = [stored]
        assert value == expected, (model.__name__, name, typed)
    for bad in refused:
        with pytest.raises(ValidationError) as caught:
            _validate_field(model, name, bad)
        types = ("email", "currency_code", "country_code", "url", "language_code", "org_identifier", "string_too_long")
        assert any(e["type"] in types for e in caught.value.errors()), caught.value.errors()


def test_the_api_upper_cases_a_currency_and_refuses_a_bad_email_naming_the_field(client: Any) -> None:
    project = client.post("/api/v1/projects", json={"title": "Mekong", "budget": "1000", "currency": "eur"})
    assert project.status_code == 201 and project.json()["currency"] == "EUR"
    person = client.post("/api/v1/people", json={"name": "An", "email": "an at most.gov.vn"})
    assert person.status_code == 422 and "email" in person.text
    assert client.post("/api/v1/people", json={"name": "An", "email": "An@MOST.gov.vn"}).json()["email"] == \
        "An@most.gov.vn"


def test_the_form_shows_the_kinds_message_next_to_the_field(client: Any) -> None:
    page = client.post("/people/new", data={"name": "An", "email": "not an address"})
    assert page.status_code == 422
    assert 'id="field-email-error"' in page.text and "Enter a valid e-mail address" in page.text
    page = client.post("/projects/new", data={"title": "X", "status": "proposed", "budget": "10",
                                              "currency": "EURO"}, headers={"Accept-Language": "fr"})
    assert 'id="field-currency-error"' in page.text and "code de devise ISO 4217" in page.text
