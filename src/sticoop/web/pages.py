"""HTML pages (Jinja2 + HTMX). Placeholder until the page set lands."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    return HTMLResponse(f"<h1>{status}</h1><p>{message}</p>", status_code=status)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    return HTMLResponse("<h1>sticoop</h1>")
