"""The calendar feed URLs (opened by calendar programs with the feed's token) and the account page where a
user makes, renews and revokes their subscription links and sets their reminders."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sticoop.accounts.service import signed_in_user
from sticoop.calendar.reminders import KINDS, Rules, parse_days, rules_form_values, rules_of, save_rules
from sticoop.calendar.service import (
    feed_calendar,
    issue_feed_token,
    live_feed_tokens,
    require_feed,
    revoke_feed_token,
    subscription_url,
    user_for_feed_token,
)
from sticoop.core.api import DB
from sticoop.core.config import get_settings
from sticoop.core.downloads import inline as inline_file
from sticoop.core.errors import DomainError
from sticoop.core.i18n import LOCALE_NAMES, SUPPORTED_LOCALES
from sticoop.core.ical import feeds
from sticoop.web.render import formatter, render


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext no-op marker
    return message


DAYS_RULE = N_("Write numbers of days from 0 to 366 (at most 10), separated by commas.")
LANGUAGE_RULE = N_("Choose one of the languages offered.")

#: the feed files, opened by calendar programs with the token of the URL (no cookie, no API token)
feed_router = APIRouter(include_in_schema=False)
#: the signed-in user's own subscriptions and reminder rules
router = APIRouter(include_in_schema=False)


@feed_router.get("/calendar/{feed}.ics")
def feed_file(feed: str, request: Request, db: DB) -> Response:
    """The feed as an iCalendar file for the owner of ``?token=``; 404 for an unknown feed, or a token that is
    not a live token of this very feed. Writes nothing."""
    require_feed(feed)
    user = user_for_feed_token(db, feed, request.query_params.get("token", "")[:200])
    body = feed_calendar(db, user, feed)
    minutes = get_settings().calendar_refresh_minutes
    return Response(body, media_type="text/calendar; charset=utf-8",
                    headers={"Cache-Control": f"private, max-age={minutes * 60}",
                             **inline_file(f"sticoop-{feed}.ics"),
                             "X-Robots-Tag": "noindex", "Referrer-Policy": "no-referrer"})


def _page(request: Request, db: DB, *, new_link: tuple[str, str] | None = None, errors: dict[str, str] | None = None,
          values: dict[str, object] | None = None, notice: str | None = None, status: int = 200) -> HTMLResponse:
    user = signed_in_user(db, request.state.principal)
    tokens = live_feed_tokens(db, user.id)
    rules = rules_form_values(rules_of(db, user.id))
    rules.update(values or {})
    return render(request, "calendar/account.html", {
        "user": user, "feeds": list(feeds().values()), "tokens": tokens, "new_link": new_link, "kinds": KINDS,
        "rules": rules, "errors": errors or {}, "notice": notice,
        "languages": [(code, LOCALE_NAMES[code]) for code in SUPPORTED_LOCALES]}, status=status)


@router.get("/account/calendar", response_class=HTMLResponse)
def calendar_page(request: Request, db: DB) -> HTMLResponse:
    _ = formatter(request)._
    notice = {"revoked": _("The subscription link was revoked; calendars using it get nothing more."),
              "saved": _("Your reminder settings were saved.")}.get(request.query_params.get("notice", ""))
    return _page(request, db, notice=notice)


@router.post("/account/calendar/{feed}/link", response_class=HTMLResponse)
def new_link(feed: str, request: Request, db: DB) -> HTMLResponse:
    """Make (or renew: the old link stops working) the user's subscription link to ``feed``; shown once."""
    user = signed_in_user(db, request.state.principal)
    secret = issue_feed_token(db, user.id, feed)
    return _page(request, db, new_link=(feed, subscription_url(feed, secret)))


@router.post("/account/calendar/{feed}/revoke")
def revoke_link(feed: str, request: Request, db: DB) -> Response:
    require_feed(feed)
    user = signed_in_user(db, request.state.principal)
    revoke_feed_token(db, user.id, feed)
    return RedirectResponse("/account/calendar?notice=revoked", status_code=303)


@router.post("/account/reminders", response_class=HTMLResponse)
async def reminders(request: Request, db: DB) -> Response:
    """Save the user's reminder rules; 422 with the field's message for a bad list of days or language."""
    _ = formatter(request)._
    form = await request.form()
    names = ("language", *(f"days_{kind}" for kind, _ in KINDS))
    values: dict[str, object] = {k: str(form.get(k, ""))[:200] for k in names}
    values.update(enabled=form.get("enabled") == "on", weekly_digest=form.get("weekly_digest") == "on")
    user = signed_in_user(db, request.state.principal)
    try:
        days = {kind: parse_days(str(values[f"days_{kind}"]), kind) for kind, _ in KINDS}
        save_rules(db, user.id, Rules(bool(values["enabled"]), str(values["language"]), days,
                                      bool(values["weekly_digest"])))
    except DomainError as exc:
        db.rollback()
        field = exc.field or "language"
        message = _(DAYS_RULE) if field.startswith("days_") else _(LANGUAGE_RULE)
        return _page(request, db, errors={field: message}, values=values, status=422)
    return RedirectResponse("/account/calendar?notice=saved", status_code=303)
