"""World regions of the joint schemes' quota rules, as a small documented table of ISO 3166-1 alpha-3 codes.

Sources (as of 2025):
- ``SEA`` (Southeast Asia): the ten ASEAN member states (asean.org, "ASEAN Member States") and Timor-Leste
  (admitted as the 11th member in October 2025).
- ``EUROPE``: the 27 EU member states (european-union.europa.eu, "EU countries"), the EEA EFTA states (Iceland,
  Liechtenstein, Norway), Switzerland and the United Kingdom, and the other European countries associated to
  Horizon Europe (ec.europa.eu, "List of participating countries in Horizon Europe": Albania, Bosnia and
  Herzegovina, Faroe Islands, Kosovo is not in ISO 3166-1, Moldova, Montenegro, North Macedonia, Serbia, Türkiye,
  Ukraine, Armenia, Georgia).

A rule may bring its own table (``params["regions"]``) when a call defines regions differently.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sticoop.core.labels import N_

SEA = frozenset({"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM", "TLS"})
EU27 = frozenset({"AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL",
                  "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE"})
EUROPE = EU27 | frozenset({"ISL", "LIE", "NOR", "CHE", "GBR", "ALB", "BIH", "FRO", "MDA", "MNE", "MKD", "SRB",
                           "TUR", "UKR", "ARM", "GEO"})

#: region name → member countries
REGIONS: dict[str, frozenset[str]] = {"SEA": SEA, "EUROPE": EUROPE}
#: region code → its name (translated through gettext when shown); a call's own regions keep their code
REGION_NAMES: dict[str, str] = {"SEA": N_("Southeast Asia"), "EUROPE": N_("Europe")}
_CODE = re.compile(r"\b(" + "|".join(sorted(REGION_NAMES, key=len, reverse=True)) + r")\b")


def region_name(code: str, translate: Callable[[str], str] = str) -> str:
    """The name of a region code in the reader's language (``translate``: gettext; identity gives English):
    ``SEA`` → "Southeast Asia" / "Asie du Sud-Est" / "Đông Nam Á"; a code of a call's own table as written."""
    name = REGION_NAMES.get(code)
    return translate(name) if name is not None else code


def name_regions(text: str, translate: Callable[[str], str] = str) -> str:
    """``text`` with every known region code, as a whole word, replaced by its name (reason arguments such as
    ``"2 SEA + 1 EUROPE"`` or ``"EUROPE: 1, SEA: 2"``, including those stored before names were shown)."""
    return _CODE.sub(lambda m: region_name(m.group(1), translate), text)


def region_of(country: str, table: dict[str, frozenset[str]] | None = None) -> str | None:
    """The region (key of ``table``, default :data:`REGIONS`) a country (alpha-3) belongs to, or None."""
    for name, members in (table or REGIONS).items():
        if country in members:
            return name
    return None
