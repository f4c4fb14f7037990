"""Schemathesis against the app, in process: every operation of the OpenAPI document, a few generated requests
each (valid ones and invalid ones), signed in as an administrator on a SQLite database holding the demo data.
Fails on any 5xx (``not_a_server_error``) and on any answer that does not match the documented schema
(``response_schema_conformance``), listing every finding at once. Bounded: a few examples per operation, no
shrinking, and a wall-time budget it must finish within."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error, response_schema_conformance

#: examples per operation and generation mode (valid data, then data the schema says is invalid)
EXAMPLES = {schemathesis.GenerationMode.POSITIVE: 4, schemathesis.GenerationMode.NEGATIVE: 2}
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
    from sticoop.web.app import create_app

    url = f"sqlite:///{Path(tmp_path_factory.mktemp('fuzz')) / 'fuzz.db'}"
    upgrade(url)
    with session_scope(url) as session:
        seed_reference(session)
        load_demo(session)
        admin = create_user(session, "fuzzer", "a long fuzzing password 1234", "admin")
        _token, secret = create_token(session, admin, "schemathesis")
    return create_app(url), {"Authorization": f"Bearer {secret}"}


def test_no_operation_answers_a_server_error_or_off_its_schema(api: tuple[Any, dict[str, str]]) -> None:
    app, headers = api
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    findings: dict[str, list[str]] = {}
    statuses: Counter[int] = Counter()
    operations = 0
    started = time.monotonic()
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        for mode, examples in EXAMPLES.items():
            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
                      phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
            def run(case: schemathesis.Case) -> None:
                response = case.call(headers=dict(headers))
                statuses[response.status_code] += 1
                try:
                    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance],
                                           headers=dict(headers))
                except AssertionError as exc:  # a FailureGroup: every failed check of this request
                    first = str(exc).strip().splitlines()[:6]
                    findings.setdefault(f"{case.operation.label} [{response.status_code}]", []).append(
                        " | ".join(line.strip() for line in first if line.strip()))

            try:
                run()
            except Unsatisfiable:  # an operation without parameters or body has no invalid input
                assert mode is schemathesis.GenerationMode.NEGATIVE, operation.label
        assert time.monotonic() - started < BUDGET, f"over the {BUDGET} s budget after {operations} operations"
    requests = sum(statuses.values())
    print(f"schemathesis: {operations} operations, {requests} requests in {time.monotonic() - started:.0f} s; "
          f"statuses {dict(sorted(statuses.items()))}; {len(findings)} failing operations")
    assert operations > 100 and requests >= operations * 2
    assert not findings, "\n".join(f"{where}: {found[0]}" for where, found in sorted(findings.items()))
