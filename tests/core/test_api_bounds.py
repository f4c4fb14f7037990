"""No input gives a 500: every operation of the OpenAPI document is called with ids out of the database's
range (in the path, in the query and in the body), and every answer must be a declared 4xx with the one
error body (``{"detail": str, "errors": [...]}`` on 422, ``{"detail": str, ...}`` otherwise)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from sticoop.core.bounds import INT_MAX

#: past PostgreSQL's integer, past SQLite's (and Python's int64), far below
OUT_OF_RANGE = (INT_MAX + 1, 2**63, -(2**63) - 1)
METHODS = ("get", "post", "patch", "put", "delete")


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    if "anyOf" in schema:  # Optional[X] and unions: the first branch that is not null
        schema = next((s for s in schema["anyOf"] if s.get("type") != "null"), schema["anyOf"][0])
        return _resolve(spec, schema)
    return schema


def _value(spec: dict[str, Any], schema: dict[str, Any], big: int, depth: int = 0) -> Any:
    """A value of the schema with every integer set to ``big`` (required object fields only, plus every
    optional integer), so the body passes the other rules and the big number reaches the service."""
    schema = _resolve(spec, schema)
    kind = schema.get("type")
    if "enum" in schema:
        return schema["enum"][0]
    if kind == "integer":
        return big
    if kind == "number":
        return 1
    if kind == "boolean":
        return False
    if kind == "string":
        return {"date": "2020-01-01", "date-time": "2020-01-01T00:00:00Z"}.get(schema.get("format", ""), "x" * max(
            1, schema.get("minLength", 1)))
    if kind == "array":
        return [_value(spec, schema.get("items", {}), big, depth + 1)] if depth < 3 else []
    if kind == "object" or "properties" in schema:
        required = set(schema.get("required", ()))
        out = {}
        for name, prop in schema.get("properties", {}).items():
            resolved = _resolve(spec, prop)
            if name in required or resolved.get("type") == "integer":
                out[name] = _value(spec, prop, big, depth + 1)
        return out
    return None


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(method, path, op) for path, item in spec["paths"].items() for method, op in item.items()
            if method in METHODS]


def _call(client: TestClient, spec: dict[str, Any], method: str, path: str, op: dict[str, Any],
          big: int) -> Any:
    url = path
    query: dict[str, Any] = {}
    for param in op.get("parameters", []):
        schema = _resolve(spec, param.get("schema", {}))
        if param["in"] == "path":
            url = url.replace("{" + param["name"] + "}", str(big if schema.get("type") == "integer" else "x"))
        elif param["in"] == "query" and schema.get("type") == "integer":
            query[param["name"]] = big
    body = None
    content = op.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        body = _value(spec, content["application/json"]["schema"], big)
    return client.request(method.upper(), url, params=query, json=body)


def test_every_operation_refuses_out_of_range_numbers_with_the_error_body(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    operations = _operations(spec)
    assert len(operations) > 60
    failures = []
    for method, path, op in operations:
        declared = set(op["responses"])
        assert "422" in declared and "404" in declared, f"{method} {path}: error answers not declared"
        for big in OUT_OF_RANGE:
            try:
                response = _call(client, spec, method, "/api/v1" + path if not path.startswith("/api") else path,
                                 op, big)
            except Exception as exc:  # a server error raised through the test client
                failures.append(f"{method.upper()} {path} [{big}]: {type(exc).__name__}: {exc}")
                continue
            status = response.status_code
            if status >= 500 or str(status) not in declared:
                failures.append(f"{method.upper()} {path} [{big}]: {status} {response.text[:200]}")
                continue
            if status >= 400 and response.headers.get("content-type", "").startswith("application/json"):
                body = response.json()
                if not isinstance(body.get("detail"), str) or (status == 422 and not isinstance(
                        body.get("errors"), list)):
                    failures.append(f"{method.upper()} {path} [{big}]: error body {body}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("status", ["401", "403", "404", "409", "413", "422"])
def test_openapi_declares_the_one_error_body(client: TestClient, status: str) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    body = spec["components"]["schemas"]["ErrorBody"]
    assert body["properties"]["detail"]["type"] == "string"
    for _method, path, op in _operations(spec):
        schema = op["responses"][status]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorBody"}, path


def test_timestamps_always_carry_their_zone(client: TestClient) -> None:
    created = client.post("/api/v1/organizations", json={"name": "Zoned timestamps", "type": "agency"}).json()
    read = client.get(f"/api/v1/organizations/{created['id']}").json()
    listed = client.get("/api/v1/organizations").json()["items"]
    for stamp in (created["created_at"], read["created_at"], read["updated_at"],
                  *(i["updated_at"] for i in listed)):
        assert stamp.endswith(("Z", "+00:00")), stamp
