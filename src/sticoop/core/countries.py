"""Countries: ISO 3166-1 alpha-3 codes with names in the product's locales.

Names come from Babel's CLDR territory names (short, usual names such as "Laos", "Lào",
"Belgique") with pycountry for the code mapping, so nothing is typed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pycountry
from babel import Locale

NAME_LOCALES: tuple[str, ...] = ("en", "fr", "vi", "lo")


@dataclass(frozen=True)
class CountryInfo:
    code: str  # ISO 3166-1 alpha-3
    alpha2: str
    names: dict[str, str]  # locale -> name

    @property
    def name(self) -> str:
        return self.names.get("en", self.code)


@cache
def _territories(locale: str) -> dict[str, str]:
    return dict(Locale.parse(locale).territories)


@cache
def all_countries() -> dict[str, CountryInfo]:
    """Every current ISO 3166-1 country, keyed by alpha-3 code."""
    result: dict[str, CountryInfo] = {}
    for country in pycountry.countries:
        names: dict[str, str] = {}
        for locale in NAME_LOCALES:
            name = _territories(locale).get(country.alpha_2)
            if name:
                names[locale] = name
        names.setdefault("en", getattr(country, "common_name", None) or country.name)
        result[country.alpha_3] = CountryInfo(country.alpha_3, country.alpha_2, names)
    return result


def get_country(code: str) -> CountryInfo | None:
    """The country for an alpha-3 code (case-insensitive), or None when the code is not ISO 3166-1."""
    return all_countries().get(code.strip().upper()) if code else None


def is_valid_code(code: str) -> bool:
    return get_country(code) is not None


def country_name(code: str, locale: str = "en") -> str:
    info = get_country(code)
    if info is None:
        return code
    return info.names.get(locale.split("_")[0]) or info.name
