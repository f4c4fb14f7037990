"""Schemathesis against the app, in process: every operation of the OpenAPI document, a few generated requests
each (valid ones and invalid ones), signed in as an administrator on a SQLite database holding the demo data.
Fails on any 5xx (``not_a_server_error``) and on any answer off its documented schema
(``response_schema_conformance``, and its status code, media type and headers), listing every finding at once.
Bounded: a few examples per operation, no shrinking, and a wall-time budget it must finish within."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from pydantic import BaseModel, Field
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.failures import FailureGroup

#: examples per operation and generation mode (valid data, then data the schema says is invalid)
EXAMPLES = {schemathesis.GenerationMode.POSITIVE: 4, schemathesis.GenerationMode.NEGATIVE: 2}
#: a 5xx, and every way an answer can be off its documented schema (body, status code, media type, headers)
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance,
          response_headers_conformance]
#: boundary cases per operation from schemathesis's coverage phase (ids at 2**31, offsets past the bound,
#: missing or wrong-typed fields...), spread over all the cases it makes
COVERAGE_CASES = 15
#: the whole run must end within this (seconds)
BUDGET = 180


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, dict[str, str]]:
    """The app (``create_app``) on a migrated SQLite database with the demo data, and an admin's token."""
    from sticoop.accounts.service import create_token, create_user
    from sticoop.core.database import session_scope
    from sticoop.core.migrate import upgrade
    from sticoop.demo.data import load_demo
    from sticoop.reference.service import seed_reference
    from sticoop.server.app import create_app

    url = f"sqlite:///{Path(tmp_path_factory.mktemp('fuzz')) / 'fuzz.db'}"
    upgrade(url)
    with session_scope(url) as db:
        seed_reference(db)
        load_demo(db)
        admin = create_user(db, "fuzzer", "a long fuzzing password 1234", "admin")
        _token, secret = create_token(db, admin, "schemathesis")
    return create_app(url), {"Authorization": f"Bearer {secret}"}


@dataclass
class Report:
    """What one fuzzing run saw: operations, answers by status, and findings by operation and status."""

    operations: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    findings: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())


def coverage_cases(schema: Any, operation: Any) -> list[schemathesis.Case]:
    """At most :data:`COVERAGE_CASES` of the boundary cases schemathesis's coverage phase makes for the
    operation (valid and invalid), evenly spread."""
    from schemathesis.generation.drivers import CoverageGenerator
    from schemathesis.generation.feedback import FeedbackSources
    from schemathesis.generation.hypothesis.builder import content_type_probes_first
    from schemathesis.generation.overrides import Override

    generator = CoverageGenerator(operation=operation, generation_modes=list(schemathesis.GenerationMode),
                                  generation_config=schema.config.generation_for(operation=operation,
                                                                                 phase="coverage"),
                                  auth_storage=None, override=Override(), feedback=FeedbackSources())
    cases = content_type_probes_first(generator)
    step = max(1, len(cases) // COVERAGE_CASES)
    return cases[::step][:COVERAGE_CASES]


def fuzz(schema: Any, headers: dict[str, str]) -> Report:
    """Every operation of ``schema``: :data:`EXAMPLES` generated requests per mode and
    :data:`COVERAGE_CASES` boundary cases, each checked with :data:`CHECKS`; findings are collected (not
    raised, nothing shrunk) so one run lists them all. Fails past :data:`BUDGET`."""
    report = Report()
    started = time.monotonic()

    def check(case: schemathesis.Case) -> None:
        response = case.call(headers=dict(headers))
        report.statuses[response.status_code] += 1
        try:
            case.validate_response(response, checks=CHECKS, headers=dict(headers))
        except FailureGroup as group:  # every failed check of this request
            for failure in group.exceptions:
                report.findings.setdefault(f"{case.operation.label} [{response.status_code}]", []).append(
                    f"{type(failure).__name__}: {' '.join(str(failure).split())[:300]}")

    for result in schema.get_all_operations():
        operation = result.ok()
        report.operations += 1
        for mode, examples in EXAMPLES.items():
            run = settings(max_examples=examples, deadline=None, database=None, derandomize=True,
                           phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))(
                given(case=operation.as_strategy(generation_mode=mode))(check))
            try:
                run()
            except Unsatisfiable:  # an operation without parameters or body has no invalid input
                assert mode is schemathesis.GenerationMode.NEGATIVE, operation.label
        for case in coverage_cases(schema, operation):
            check(case)
        assert time.monotonic() - started < BUDGET, f"over the {BUDGET} s budget after {report.operations} operations"
    report.seconds = time.monotonic() - started
    return report


def test_no_operation_answers_a_server_error_or_off_its_schema(api: tuple[Any, dict[str, str]]) -> None:
    app, headers = api
    report = fuzz(schemathesis.openapi.from_asgi("/api/v1/openapi.json", app), headers)
    print(f"schemathesis: {report.operations} operations, {report.requests} requests in {report.seconds:.0f} s; "
          f"statuses {dict(sorted(report.statuses.items()))}; {len(report.findings)} failing operations")
    assert report.operations > 100 and report.requests >= report.operations * 2
    assert not report.findings, "\n".join(f"{where}: {found[0]}" for where, found in sorted(report.findings.items()))


class Thing(BaseModel):
    name: str = Field(description="A name")


def test_the_run_finds_a_planted_server_error_and_a_planted_schema_violation(
        api: tuple[Any, dict[str, str]]) -> None:
    """The harness itself can fail: two routes planted in the real app, one raising, one answering off its
    documented schema, are both reported."""
    from fastapi.responses import JSONResponse

    app, headers = api

    def raising(n: int) -> None:
        raise RuntimeError("planted")

    def off_schema() -> Any:
        return JSONResponse({"wrong": 1})

    app.router.add_api_route("/api/v1/planted/raising", raising, methods=["GET"])
    app.router.add_api_route("/api/v1/planted/off-schema", off_schema, methods=["GET"],
                             responses={200: {"model": Thing}})
    app.openapi_schema = None  # the document is built again with the planted routes
    try:
        schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app).include(path_regex="planted")
        report = fuzz(schema, headers)
    finally:
        app.router.routes[:] = [r for r in app.router.routes if "planted" not in getattr(r, "path", "")]
        app.openapi_schema = None
    found = {where: " ".join(texts) for where, texts in report.findings.items()}
    assert report.operations == 2
    assert "ServerError" in found.get("GET /api/v1/planted/raising [500]", ""), found
    assert "JsonSchemaError" in found.get("GET /api/v1/planted/off-schema [200]", ""), found
