"""``/search?q=``: the results page of the search box in every page's header."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from sticoop.core.api import DB
from sticoop.core.errors import ValidationFailed
from sticoop.search.service import MAX_LIMIT, parse_kinds, search, viewer
from sticoop.web.render import render

router = APIRouter(include_in_schema=False)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, db: DB, q: str = "", kinds: str = "", mode: str = "fused") -> HTMLResponse:
    """The results of ``q`` grouped by kind (an empty ``q``: the form alone; a query without a word or an
    unknown kind or mode: the form with the reason, status 422). ``mode=keyword``: word matches alone."""
    context: dict[str, object] = {"search_q": q, "kinds": kinds, "mode": mode, "results": None, "error": None}
    status = 200
    if q.strip():
        try:
            if mode not in ("fused", "keyword"):
                raise ValidationFailed("mode: fused or keyword")
            context["results"] = search(db, viewer(db), q, parse_kinds(kinds), None, MAX_LIMIT, mode == "fused")
        except ValidationFailed as exc:
            context["error"], status = str(exc), 422
    return render(request, "search/results.html", context, status=status)
