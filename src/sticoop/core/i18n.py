"""Translations and locale-aware formatting for the pages.

Catalogues live in ``sticoop/locale/<lang>/LC_MESSAGES/messages.po``; they are compiled in memory at first
use, so no build step is needed. Templates call ``_()`` (extracted by Babel's Jinja2 extractor, see
babel.cfg), and dates and numbers go through Babel with the request's locale.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.dates import format_time as babel_format_time
from babel.dates import get_datetime_format
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency as babel_format_currency
from babel.numbers import format_decimal as babel_format_decimal

from sticoop.core.countries import country_name

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
SUPPORTED_LOCALES: tuple[str, ...] = ("en", "fr", "vi")
LOCALE_NAMES = {"en": "English", "fr": "Français", "vi": "Tiếng Việt"}


@cache
def translations(locale: str) -> gettext.NullTranslations:
    po_path = LOCALE_DIR / locale / "LC_MESSAGES" / "messages.po"
    if not po_path.exists():
        return gettext.NullTranslations()
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def negotiate(requested: str | None, accept_language: str | None, default: str = "en") -> str:
    """The first supported locale among an explicit choice, then the browser's Accept-Language."""
    candidates: list[str] = []
    if requested:
        candidates.append(requested)
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip()
        if tag:
            candidates.append(tag)
    for candidate in candidates:
        try:
            language = Locale.parse(candidate.replace("-", "_")).language
        except (ValueError, UnknownLocaleError):
            continue
        if language in SUPPORTED_LOCALES:
            return language
    return default


#: one catalogue entry for "label: value" everywhere: French puts a no-break space (U+00A0) before the colon
#: (Imprimerie nationale, *Lexique des règles typographiques*, ponctuation haute)
LABELLED = "%(label)s: %(value)s"


def labelled(translate: Callable[[str], str], label: str, value: str) -> str:
    """``label`` and ``value`` joined as the language writes them: en/vi "Status: open", fr "Statut\u00a0: ouvert".
    ``translate`` is the language's ``gettext``; plain strings in, a plain string out (escape for HTML first)."""
    return translate(LABELLED) % {"label": label, "value": value}


class Formatter:
    """Locale-bound helpers handed to templates (``fmt.date(d)``, ``fmt.country('VNM')``...)."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self._ = translations(locale).gettext
        self.ngettext = translations(locale).ngettext
        #: ``pgettext(context, message)``: one English word with two meanings ("Published" the status and
        #: "Published" the date) has one entry per context (``msgctxt``) in the catalogues
        self.pgettext = translations(locale).pgettext

    @property
    def colon(self) -> str:
        """The mark between a label and its value as the locale writes it (``":"`` in English and Vietnamese,
        ``"\u00a0:"`` in French), taken from the same catalogue entry as :func:`labelled`. Templates write
        ``{{ _("Status") }}{{ fmt.colon }} …``."""
        return labelled(self._, "", "").rstrip(" ")

    def date(self, value: date | datetime | None, format: Literal["medium", "long", "short", "full"] = "medium") -> str:
        """A date as the locale writes it, with a four-digit year: medium by default (en "Nov 30, 2026",
        fr "30 nov. 2026", vi "30 thg 11, 2026"), or "long". A datetime adds its time of day (short: "14:05"
        or "2:05 PM"), joined as the locale joins them. Never the numeric short form ("11/30/26")."""
        if value is None:
            return ""
        if format == "short":
            format = "medium"
        day = babel_format_date(value.date() if isinstance(value, datetime) else value, format=format,
                                locale=self.locale)
        if not isinstance(value, datetime):
            return day
        # a plain str at run time ("{1}, {0}"), typed as babel's DateTimePattern, whose str() is the same text
        pattern = str(get_datetime_format(format, locale=self.locale)).replace("'", "")
        return pattern.replace("{1}", day).replace("{0}", self.time(value))

    def time(self, value: datetime | None) -> str:
        """The time of day, short, in the locale ("2:05 PM", "14:05")."""
        return "" if value is None else babel_format_time(value, format="short", locale=self.locale)

    def number(self, value: int | float | Decimal | None) -> str:
        return "" if value is None else babel_format_decimal(value, locale=self.locale)

    def money(self, value: Decimal | None, currency: str | None) -> str:
        if value is None:
            return ""
        if not currency:
            return self.number(value)
        return babel_format_currency(value, currency, locale=self.locale)

    def country(self, code: str | None) -> str:
        return country_name(code, self.locale) if code else ""
