"""A fault of sticoop itself (an exception no handler takes) is answered 500 with the security headers and a
body in the ErrorBody shape, never a stack trace: walks routes that raise in every way (sync and async routes,
a dependency, after reading the body) on the API and on pages, in the app built by ``create_app``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

import pytest
from fastapi import Depends, Request
from fastapi.testclient import TestClient
from tests.web.test_security_headers import _check

from sticoop.server.app import SERVER_ERROR, ErrorBody, create_app

SECRET = "internal detail that must not leak"


def _sync() -> None:
    raise RuntimeError(SECRET)


async def _async() -> None:
    raise KeyError(SECRET)


def _failing_dependency() -> None:
    raise ZeroDivisionError(SECRET)


def _with_dependency(_: Annotated[None, Depends(_failing_dependency)]) -> None:
    return None


async def _after_body(request: Request) -> None:
    await request.body()
    raise ValueError(SECRET)


ROUTES = {"sync": (_sync, "GET"), "async": (_async, "GET"), "dependency": (_with_dependency, "GET"),
          "after-body": (_after_body, "POST")}


@pytest.fixture
def faulty_client(db_url: str) -> Iterator[TestClient]:
    app = create_app(db_url)
    for name, (endpoint, method) in ROUTES.items():
        for prefix in ("/api/v1", ""):
            app.router.add_api_route(f"{prefix}/boom-{name}", endpoint, methods=[method])
    with TestClient(app, raise_server_exceptions=True) as test_client:
        yield test_client


@pytest.mark.parametrize("prefix", ["/api/v1", ""], ids=["api", "page"])
@pytest.mark.parametrize("name", sorted(ROUTES))
def test_an_unexpected_error_is_a_500_with_headers_and_no_trace(faulty_client: TestClient, name: str,
                                                                prefix: str) -> None:
    _endpoint, method = ROUTES[name]
    response = faulty_client.request(method, f"{prefix}/boom-{name}", content=b'{"x": 1}')
    assert response.status_code == 500
    assert not _check(response, f"{method} {prefix}/boom-{name}")
    assert SECRET not in response.text and "Traceback" not in response.text
    if prefix:
        assert ErrorBody.model_validate(response.json()).detail == SERVER_ERROR
    else:
        assert response.headers["content-type"].startswith("text/html") and SERVER_ERROR in response.text
