"""Template rendering with the request's language.

Every page goes through :func:`render`, so each template gets the same context: the translation
function ``_`` (and ``ngettext``), the locale-bound ``fmt`` for dates, numbers and countries, and helpers
for URLs. The language comes from ``?lang=``, then the ``sticoop_lang`` cookie, then Accept-Language;
an explicit ``?lang=`` is remembered in the cookie so the whole session stays in that language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from sticoop.core.i18n import LOCALE_NAMES, SUPPORTED_LOCALES, Formatter, negotiate
from sticoop.core.principal import ANONYMOUS
from sticoop.web import labels
from sticoop.web.permissions import Permissions

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
LANG_COOKIE = "sticoop_lang"
ONE_YEAR = 365 * 24 * 3600

environment = Environment(
    loader=FileSystemLoader(TEMPLATES_DIR),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def request_locale(request: Request) -> str:
    """The page language: explicit choice, remembered choice, then the browser's preference."""
    explicit = request.query_params.get("lang")
    if explicit in SUPPORTED_LOCALES:
        return explicit
    remembered = request.cookies.get(LANG_COOKIE)
    if remembered in SUPPORTED_LOCALES:
        return remembered
    return negotiate(None, request.headers.get("accept-language"))


def formatter(request: Request) -> Formatter:
    cached = getattr(request.state, "formatter", None)
    if cached is None:
        cached = Formatter(request_locale(request))
        request.state.formatter = cached
    return cached


def url_with(request: Request, **changes: Any) -> str:
    """The current URL with some query parameters replaced (None removes one): pagination, language links."""
    params = {k: v for k, v in request.query_params.multi_items() if k not in changes}
    pairs = [(k, v) for k, v in params.items()]
    pairs += [(k, str(v)) for k, v in changes.items() if v not in (None, "")]
    query = urlencode(pairs)
    return request.url.path + (f"?{query}" if query else "")


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true" and request.headers.get("hx-history-restore-request") != "true"


def csrf_token(request: Request) -> str:
    """The browser session's CSRF token (empty when not signed in); every form posts it back."""
    return getattr(request.state, "csrf_token", None) or ""


def render(request: Request, template: str, context: dict[str, Any] | None = None, status: int = 200) -> HTMLResponse:
    fmt = formatter(request)
    token = csrf_token(request)
    principal = getattr(request.state, "principal", ANONYMOUS)
    may = Permissions(request)
    values: dict[str, Any] = {
        "request": request,
        "fmt": fmt,
        "_": fmt._,
        "ngettext": fmt.ngettext,
        "locale": fmt.locale,
        "locales": [(code, LOCALE_NAMES[code]) for code in SUPPORTED_LOCALES],
        "url_with": lambda **kw: url_with(request, **kw),
        "pgettext": fmt.pgettext,
        "label": lambda group, value: labels.label(fmt._, group, value, fmt.pgettext),
        "record_url": labels.record_url,
        "tone": labels.tone,
        "nav": labels.navigation_for(principal.role),
        "current_section": "/" + request.url.path.strip("/").split("/")[0],
        "principal": principal,
        # may(path, method="GET", record=None): show a control only if the server would accept it
        "may": may,
        "csrf_token": token,
        "csrf_field": lambda: Markup(f'<input type="hidden" name="csrf_token" value="{escape(token)}">'),
    }
    values.update(context or {})
    try:
        html = environment.get_template(template).render(values)
    finally:
        may.close()
    response = HTMLResponse(html, status_code=status)
    explicit = request.query_params.get("lang")
    if explicit in SUPPORTED_LOCALES and request.cookies.get(LANG_COOKIE) != explicit:
        response.set_cookie(LANG_COOKIE, explicit, max_age=ONE_YEAR, samesite="lax", httponly=True)
    return response
