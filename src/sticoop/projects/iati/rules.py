"""The IATI rules the 2.03 XSD does not check, run on each built ``iati-activity`` before anything is written.

Sources: the IATI Standard's rules and guidance for 2.03 (iatistandard.org: "iati-identifier", "sector",
"recipient-country", "activity-date" pages) — the identifier starts with the reporting organisation's
identifier and is not empty; a sector and a recipient country (or region) are given, and where several are
given their percentages add up to 100 per vocabulary; an activity has a start date; a start comes before its
end; actual dates and transactions are not in the future. Each finding is a :class:`Reason` with a stable
``code`` and an English sentence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from lxml import etree

HUNDRED = Decimal(100)
#: every rule's code, in the order they are checked (tests walk them all)
CODES = ("identifier_empty", "identifier_prefix", "empty_ref", "description_missing", "start_date_missing",
         "dates_out_of_order", "actual_date_in_future", "sector_missing", "sector_percentages",
         "country_missing", "country_percentages")


@dataclass(frozen=True)
class Reason:
    """Why an activity cannot be exported validly: a rule ``code`` (one of :data:`CODES`, or ``"xsd"``) and
    a sentence saying what to change."""

    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


def check(activity: etree._Element, reporting_ref: str, today: date) -> list[Reason]:
    """Every rule :data:`CODES` names, on one ``iati-activity`` element; empty when it passes them all."""
    return [*_identifiers(activity, reporting_ref), *_description(activity), *_dates(activity, today),
            *_shares(activity, "sector", "sector"), *_shares(activity, "recipient-country", "country")]


def _identifiers(activity: etree._Element, reporting_ref: str) -> list[Reason]:
    found: list[Reason] = []
    value = (activity.findtext("iati-identifier") or "").strip()
    if not value:
        found.append(Reason("identifier_empty", "The iati-identifier is empty"))
    elif not reporting_ref.strip() or not value.startswith(reporting_ref + "-"):
        found.append(Reason("identifier_prefix", f"The iati-identifier '{value}' does not start with the "
                                                 f"reporting organisation's identifier '{reporting_ref}-'"))
    for element in activity.iter():
        if "ref" in element.attrib and not element.get("ref", "").strip():
            found.append(Reason("empty_ref", f"{element.tag} has an empty identifier (ref): give the "
                                             f"organisation or activity its identifier, or none"))
    reporting = activity.find("reporting-org")
    if reporting is None or not reporting.get("ref", "").strip():
        found.append(Reason("empty_ref", "reporting-org has no identifier (set STICOOP_IATI_REPORTING_ORG_REF)"))
    return found


def _description(activity: etree._Element) -> list[Reason]:
    texts = [(n.text or "").strip() for n in activity.findall("description/narrative")]
    if not any(texts):
        return [Reason("description_missing", "The project has no description: IATI needs one (in any language)")]
    return []


def _dates(activity: etree._Element, today: date) -> list[Reason]:
    found: list[Reason] = []
    dates: dict[str, date] = {}
    for element in activity.findall("activity-date"):
        parsed = _iso(element.get("iso-date"))
        if parsed is not None:
            dates[element.get("type", "")] = parsed
    if "1" not in dates and "2" not in dates:
        found.append(Reason("start_date_missing", "The project has no start date (planned or actual)"))
    names = {"1": "planned start", "2": "actual start", "3": "planned end", "4": "actual end"}
    for start, end in (("1", "3"), ("2", "4"), ("2", "3")):
        if start in dates and end in dates and dates[end] < dates[start]:
            found.append(Reason("dates_out_of_order", f"The {names[end]} ({dates[end]}) is before the "
                                                      f"{names[start]} ({dates[start]})"))
    for budget in activity.findall("budget"):
        start_date = _iso(_attr(budget, "period-start"))
        end_date = _iso(_attr(budget, "period-end"))
        if start_date and end_date and end_date < start_date:
            found.append(Reason("dates_out_of_order", f"A budget period ends ({end_date}) before it starts "
                                                      f"({start_date})"))
    actual = [(k, v) for k, v in dates.items() if k in ("2", "4") and v > today]
    actual += [("transaction", d) for d in (_iso(e.get("iso-date")) for e in
                                             activity.findall("transaction/transaction-date")) if d and d > today]
    for kind, when in actual:
        what = {"2": "actual start", "4": "actual end"}.get(kind, "transaction")
        found.append(Reason("actual_date_in_future", f"The {what} date ({when}) is after today ({today})"))
    return found


def _shares(activity: etree._Element, tag: str, code: str) -> list[Reason]:
    """Missing, or percentages per vocabulary (sectors; countries have one) not adding to 100."""
    elements = activity.findall(tag)
    if not elements:
        if code == "country" and activity.find("recipient-region") is not None:
            return []
        what = ("no field (give the project at least one field of science and technology)" if code == "sector"
                else "no recipient country (its partnership names no country but the reporting one)")
        return [Reason(f"{code}_missing", f"The project has {what}")]
    groups: dict[str, list[etree._Element]] = defaultdict(list)
    for element in elements:
        groups[element.get("vocabulary", "1") if code == "sector" else ""].append(element)
    found: list[Reason] = []
    for vocabulary, members in groups.items():
        values = [_decimal(e.get("percentage")) for e in members]
        if len(members) == 1 and members[0].get("percentage") is None:
            continue  # a single one may leave its share out: it is all of it
        total = sum((v for v in values if v is not None), Decimal(0))
        if any(v is None for v in values) or total != HUNDRED:
            where = f" of vocabulary {vocabulary}" if vocabulary else ""
            found.append(Reason(f"{code}_percentages", f"The {tag} percentages{where} add up to {total}, not 100"))
    return found


def _attr(parent: etree._Element, tag: str) -> str | None:
    """The ``iso-date`` of ``parent``'s child ``tag``, or None."""
    child = parent.find(tag)
    return child.get("iso-date") if child is not None else None


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _decimal(value: str | None) -> Decimal | None:
    try:
        return Decimal(value) if value is not None else None
    except InvalidOperation:
        return None
