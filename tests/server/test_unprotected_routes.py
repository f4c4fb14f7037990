"""The app refuses a route without an access rule; the check walks the routers as declared, and finds exactly
what FastAPI's effective route contexts (the slow, public way) find."""

from __future__ import annotations

from fastapi import APIRouter, Depends, FastAPI

from sticoop.accounts.access import Access
from sticoop.core.access import Rule, unprotected_routes, unprotected_routes_slow
from sticoop.server.app import create_app

RULE = Access(read=Rule.signed_in, write=Rule.editor)


def _router(name: str, guarded_route: bool = False) -> APIRouter:
    router = APIRouter()
    router.add_api_route(f"/{name}", lambda: None, methods=["GET"],
                         dependencies=[Depends(RULE)] if guarded_route else None)
    return router


def _app() -> FastAPI:
    """Every shape a route can be served in: included with a rule, without one, guarded itself, nested under a
    guarded include, nested under an unguarded one, and on the app directly."""
    app = FastAPI()
    app.include_router(_router("guarded"), dependencies=[Depends(RULE)])
    app.include_router(_router("open"))
    app.include_router(_router("self-guarded", guarded_route=True))
    outer_guarded, outer_open = APIRouter(), APIRouter()
    outer_guarded.include_router(_router("inner-a"), prefix="/in")
    outer_open.include_router(_router("inner-b"), prefix="/in")
    app.include_router(outer_guarded, prefix="/outer", dependencies=[Depends(RULE)])
    app.include_router(outer_open, prefix="/outer2")
    app.add_api_route("/direct", lambda: None, methods=["POST"])
    return app


def test_the_walk_finds_exactly_the_unguarded_routes() -> None:
    app = _app()
    expected = ["GET /open", "GET /outer2/in/inner-b", "POST /direct"]
    assert sorted(unprotected_routes(app.routes)) == expected
    assert sorted(unprotected_routes_slow(app.routes)) == expected


def test_the_app_serves_no_unguarded_route_by_either_walk() -> None:
    app = create_app()
    assert unprotected_routes(app.routes) == [] == unprotected_routes_slow(app.routes)
