"""The dashboard, the error page, and the hook the app factory uses to render HTML errors."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from sticoop.core.api import DB
from sticoop.dashboard.pages import portfolio_context
from sticoop.dashboard.service import dashboard
from sticoop.web.render import is_htmx, render

router = APIRouter(include_in_schema=False)


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    """An error as a page in the user's language, keeping the navigation so they can carry on; to an HTMX
    request, only the message (a role=alert fragment the page's script shows where the action was tried)."""
    template = "_error.html" if is_htmx(request) else "error.html"
    return render(request, template, {"status": status, "message": message}, status=status)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, db: DB) -> HTMLResponse:
    return render(request, "home.html", {"board": dashboard(db), **portfolio_context(request, db)})
