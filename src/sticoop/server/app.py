"""The FastAPI application: REST API under /api/v1, HTML pages at the root, static files shipped in the package."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import sticoop
from sticoop.composition import bootstrap
from sticoop.core.config import get_settings
from sticoop.core.errors import DomainError, Merged, NotAuthenticated
from sticoop.core.replicas import ReadYourWrites
from sticoop.core.warmup import run_warmups
from sticoop.server.backpressure import BackPressure

STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"
API_PREFIX = "/api/v1"


class BodySizeLimit:
    """Refuses request bodies over the limit with 413, before any of it is parsed or stored."""

    def __init__(self, app: ASGIApp, max_json_bytes: int, max_upload_bytes: int) -> None:
        self.app = app
        self.max_json = max_json_bytes
        self.max_upload = max_upload_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        content_type = headers.get(b"content-type", b"").decode("latin-1")
        limit = self.max_upload if content_type.startswith("multipart/") else self.max_json
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await _too_large(send, limit)
            return
        if length is not None:
            await self.app(scope, receive, send)  # declared and within the limit (the server enforces it)
            return
        # no Content-Length (chunked): read it here, up to the limit, and hand the app the buffered body
        chunks: list[bytes] = []
        received = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            received += len(message.get("body", b""))
            if received > limit:
                await _too_large(send, limit)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        replayed = False

        async def buffered_receive() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, buffered_receive, send)


#: pages and downloads: scripts only from sticoop's own static files (no inline script, no eval); styles from
#: its own files plus the few style="" attributes of the templates (progress meters); nothing may frame a page
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")
#: the interactive API docs (/docs, /redoc) are FastAPI's pages: Swagger UI / ReDoc from their CDN, inline start-up
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
            "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; font-src 'self' "
            "https://fonts.gstatic.com; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
            "frame-ancestors 'none'")
SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"same-origin"), (b"cross-origin-opener-policy", b"same-origin"),
                    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()")]


class SecurityHeaders:
    """Adds the security headers to every response (pages, API, downloads, static files, errors)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        csp = (DOCS_CSP if path == "/docs" or path == "/redoc" else CSP).encode()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _value in message.get("headers", [])}
                extra = [(n, v) for n, v in [(b"content-security-policy", csp), *SECURITY_HEADERS]
                         if n not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


#: the answer to a fault of sticoop itself (the traceback goes to the server log, never to the client)
SERVER_ERROR = "Internal server error; nothing was saved"
log = logging.getLogger("sticoop.web")


class UnexpectedErrors:
    """The last net, just inside :class:`SecurityHeaders`: an exception no handler took becomes a 500 in the
    ErrorBody shape (``{"detail": ...}``; a page in the site's frame for a page route), without a stack trace,
    and with the security headers like every other answer. (Starlette's own last handler runs outside every
    middleware, so its 500 would carry none of them.) The request's transaction was never committed."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            log.exception("unexpected error answering %s %s", scope.get("method"), scope.get("path"))
            if started:  # part of the answer is out: nothing sensible can follow it
                raise
            await _server_error(scope)(scope, receive, send)


def _server_error(scope: Scope) -> Response:
    if not str(scope.get("path", "")).startswith(API_PREFIX):
        try:
            from sticoop.server.pages import render_error

            return render_error(Request(scope), 500, SERVER_ERROR)
        except Exception:  # noqa: BLE001 - the page itself failed: the plain shape below still answers
            log.exception("the error page could not be rendered")
    return JSONResponse({"detail": SERVER_ERROR}, status_code=500)


async def _too_large(send: Send, limit: int) -> None:
    body = f'{{"detail": "Request body is larger than the limit of {limit} bytes"}}'.encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class ErrorItem(BaseModel):
    """One reason a request was refused: where (``loc``), what (``msg``) and a machine code (``type``)."""

    loc: list[str | int] = Field(description="Where: ['body', 'partnership_id'], ['query', 'offset']...")
    msg: str = Field(description="What is wrong, in English")
    type: str = Field(description="A machine-readable code (pydantic's error type, or value_error)")


class ErrorBody(BaseModel):
    """Every error answer of the API has this shape: a sentence in ``detail``; for 422 the reasons one by one
    in ``errors``; and, where said, more keys: ``field`` (the field at fault), ``duplicates`` (409: the
    records this one probably duplicates), ``merged_into`` (404: the id a merged record went into)."""

    model_config = ConfigDict(extra="allow")

    detail: str = Field(description="What went wrong, as one sentence naming the field or rule")
    errors: list[ErrorItem] | None = Field(None, description="422 only: each reason (always present on 422)")
    field: str | None = Field(None, description="The field at fault, when there is one")


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


#: the errors any API route may answer, declared once for all of them (added where routers are included)
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _error("The request cannot be carried out as sent"),
    401: _error("Not signed in, or the token is not valid"),
    403: _error("The role does not allow it"),
    404: _error("No such record (or not visible to you); `merged_into` when it was merged"),
    409: _error("A stale version, a uniqueness clash, or probable `duplicates`"),
    413: _error("The request body or file is over the limit"),
    422: _error("Invalid input: `errors` lists each reason"),
    429: _error("Too many requests"),
    503: _error("The database or a needed component cannot do it now; nothing was changed"),
}


def _validation_message(errors: list[dict[str, Any]]) -> str:
    parts = []
    for error in errors[:5]:
        location = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path"))
        message = str(error.get("msg", "invalid"))
        if error.get("type") == "json_invalid":
            message = "the request body is not valid JSON"
        parts.append(f"{location}: {message}" if location else message)
    return "; ".join(parts) or "Invalid input"


def _to_sign_in(request: Request) -> Response:
    """A page asked for by someone not signed in: off to the sign-in page, and back afterwards."""
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    location = "/login?next=" + quote(target, safe="")
    if request.headers.get("hx-request") == "true":
        return Response(status_code=401, headers={"HX-Redirect": location})
    return RedirectResponse(location, status_code=303)


def _merged_page(request: Request, exc: Merged) -> str | None:
    """The same page of the record a merged one went into (``/organizations/7/edit`` → ``/organizations/3/edit``),
    when the URL is the merged record's own."""
    from sticoop.core.registry import PAGE_PREFIX

    prefix = PAGE_PREFIX.get(exc.entity)
    own = f"{prefix}/{exc.from_id}"
    path = request.url.path
    if not prefix or not (path == own or path.startswith(own + "/")):
        return None
    return f"{prefix}/{exc.into_id}{path[len(own):]}"


def _export_labels(request: Request) -> Any:
    """Labels for the CSV exports of the API, in the request's language (?lang=, cookie, Accept-Language)."""
    from sticoop.web.labels import ExportLabels
    from sticoop.web.render import formatter

    fmt = formatter(request)
    return ExportLabels(fmt._, fmt.country, fmt.locale)


def create_app(database_url: str | None = None) -> FastAPI:
    from sticoop.accounts.access import Access
    from sticoop.core.access import unprotected_routes
    from sticoop.server.routes import api_routers, page_routers

    bootstrap()
    settings = get_settings()
    app = FastAPI(
        title="sticoop",
        version=sticoop.__version__,
        description="The workspace for international science, technology and innovation cooperation.",
        docs_url="/docs",
        openapi_url=f"{API_PREFIX}/openapi.json",
        on_startup=[run_warmups],  # each worker process loads its models before it takes requests
    )
    app.state.database_url = database_url
    app.state.export_labels = _export_labels

    @app.exception_handler(DomainError)
    async def domain_error(request: Request, exc: DomainError) -> Any:
        if not request.url.path.startswith(API_PREFIX):
            if isinstance(exc, NotAuthenticated):
                return _to_sign_in(request)
            if isinstance(exc, Merged) and request.method == "GET":
                moved = _merged_page(request, exc)
                if moved:
                    return RedirectResponse(moved, status_code=301)
            from sticoop.server.pages import render_error
            from sticoop.web.render import formatter

            return render_error(request, exc.status_code, exc.text_in(formatter(request)._))
        headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, NotAuthenticated) else None
        body = exc.to_dict()
        if exc.status_code == 422:
            body.setdefault("errors", [{"loc": ["body", exc.field] if exc.field else [], "msg": exc.message,
                                        "type": "value_error"}])
        return JSONResponse(body, status_code=exc.status_code, headers=headers)

    @app.exception_handler(OverflowError)
    @app.exception_handler(DataError)
    async def out_of_range(request: Request, exc: Exception) -> Any:
        """A number (or value) the database cannot hold, in a path, query or body: the input is wrong (422),
        nothing was written (the request's transaction is rolled back)."""
        message = "A number in the request is out of the range the database can hold (ids and counts up to " \
                  "2147483647)" if isinstance(exc, OverflowError) or "range" in str(exc) else \
                  "A value in the request is not accepted by the database"
        if not request.url.path.startswith(API_PREFIX):
            from sticoop.server.pages import render_error

            return render_error(request, 422, message)
        return JSONResponse({"detail": message, "errors": [{"loc": [], "msg": message, "type": "value_error"}]},
                            status_code=422)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Any:
        errors = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors()]
        message = _validation_message(errors)
        if not request.url.path.startswith(API_PREFIX):
            from sticoop.server.pages import render_error

            return render_error(request, 422, message)
        return JSONResponse({"detail": message, "errors": errors}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if not request.url.path.startswith(API_PREFIX) and exc.status_code == 404:
            from sticoop.server.pages import render_error

            return render_error(request, 404, "This page does not exist")
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Any:
        """A fault in the outer middleware itself (everything inside is caught by :class:`UnexpectedErrors`)."""
        headers = {"content-security-policy": CSP, **{k.decode(): v.decode() for k, v in SECURITY_HEADERS}}
        return JSONResponse({"detail": SERVER_ERROR}, status_code=500, headers=headers)

    def include(router: Any, access: Access, prefix: str = "") -> None:
        app.include_router(router, prefix=prefix, dependencies=[Depends(access)],
                           responses=ERROR_RESPONSES if prefix == API_PREFIX else None)

    for router, access in api_routers():
        include(router, access, API_PREFIX)
    for router, access in page_routers():
        include(router, access)
    unprotected = unprotected_routes(app.routes)
    if unprotected:
        raise RuntimeError(f"Routes without an access rule (declare one in sticoop.server.routes): {unprotected}")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(BodySizeLimit, max_json_bytes=settings.max_request_bytes,
                       max_upload_bytes=settings.max_upload_bytes)
    app.add_middleware(UnexpectedErrors)  # any fault left becomes a 500 in the ErrorBody shape ...
    app.add_middleware(ReadYourWrites)  # with read replicas: a client's own writes stay visible to it
    limit = settings.max_concurrent_requests or settings.db_pool_size + settings.db_max_overflow
    app.add_middleware(BackPressure, limit=limit, wait_s=settings.queue_wait_ms / 1000,
                       retry_after_s=settings.retry_after_seconds)  # a busy 503 costs nothing but ...
    app.add_middleware(SecurityHeaders)  # ... the headers, outermost: a 413, 500 or busy 503 carries them too
    return app
