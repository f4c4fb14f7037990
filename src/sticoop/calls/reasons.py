"""Funding decisions' reasons as data: a code and its arguments (``Decision.reason_code``, ``Decision.reason_args``),
rendered in the reader's language on the pages, in the CSV/XLSX results and in the evaluation summary PDF.

Codes and their arguments (amounts are strings of decimals; funder ids are ``call_funders`` ids):

- ``funded`` — ``{}``
- ``reserve`` — ``{"lacking": [{"funder_id", "amount", "currency"}]}``: which funder lacked how much
- ``below_threshold`` — ``{"failing": [criterion key or "overall"]}``
- ``ineligible`` — ``{"rules": [{"kind", "code", "args"}]}``: the failed eligibility rules with their own reason
  codes (:data:`sticoop.calls.eligibility.REASONS`); rows decided before migration 0024 carry ``{"kind", "text"}``
  (the English sentence the rule gave then) instead of ``code``/``args``
- ``not_submitted`` — ``{"status": "draft" | "withdrawn"}``
- ``no_consensus`` — ``{}``
- ``legacy`` — ``{"text": ...}``: a stored sentence migration 0024 could not read (shown as written)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from sticoop.calls.eligibility import reason_text
from sticoop.core.i18n import Formatter, labelled
from sticoop.core.labels import LABELS, N_

#: decision reason code → its sentence with ``%(name)s`` arguments (translated through gettext at render time)
DECISION_REASONS: dict[str, str] = {
    "funded": N_("every funder involved had its applicants' share left"),
    "reserve": N_("reserve list: %(lacking)s"),
    "below_threshold": N_("below the threshold in: %(failing)s"),
    "ineligible": N_("ineligible: %(rules)s"),
    "not_submitted": N_("not submitted (%(status)s)"),
    "no_consensus": N_("no consensus report yet"),
    "legacy": "%(text)s",
}
LACKED = N_("%(funder)s lacked %(amount)s")
OVERALL = N_("overall score")


def render(code: str, args: Mapping[str, Any], translate: Callable[[str], str] = str,
           money: Callable[[Decimal, str], str] | None = None, funder_names: Mapping[int, str] | None = None,
           criterion_names: Mapping[str, str] | None = None, country: Callable[[str], str] | None = None) -> str:
    """The decision reason ``code`` with ``args`` as one sentence through ``translate`` (gettext; identity gives
    English). ``money(amount, currency)`` formats amounts (default ``"1000.00 EUR"``); ``funder_names`` maps funder
    ids to names (default ``funder <id>``); ``criterion_names`` maps criterion keys to their names (default the
    key); ``country`` names country codes inside eligibility reasons (default the code). Raises ``KeyError`` for an
    unknown code."""
    template = DECISION_REASONS[code]
    values: dict[str, Any] = dict(args)
    show = money or (lambda amount, currency: f"{amount} {currency}")
    names = funder_names or {}
    if code == "reserve":
        values["lacking"] = "; ".join(translate(LACKED) % {
            "funder": names.get(int(x["funder_id"]), f"funder {x['funder_id']}"),
            "amount": show(Decimal(str(x["amount"])), str(x["currency"]))} for x in args.get("lacking", []))
    elif code == "below_threshold":
        crit = criterion_names or {}
        values["failing"] = ", ".join(translate(OVERALL) if k == "overall" else crit.get(k, k)
                                      for k in args.get("failing", []))
    elif code == "ineligible":
        values["rules"] = "; ".join(_rule(x, translate, country) for x in args.get("rules", []))
    elif code == "not_submitted":
        status = str(args.get("status", ""))
        values["status"] = translate(LABELS.get("proposal_status", {}).get(status, status))
    return translate(template) % values if template != "%(text)s" else str(values.get("text", ""))


def _rule(failed: Mapping[str, Any], translate: Callable[[str], str], country: Callable[[str], str] | None) -> str:
    """One failed rule: its name, then its reason (from its code, or the stored English text of older rows)."""
    kind = str(failed.get("kind", ""))
    name = translate(LABELS.get("eligibility_rule", {}).get(kind, kind))
    detail = reason_text(failed["code"], failed.get("args", {}), translate, country) if failed.get("code") \
        else str(failed.get("text", ""))
    return labelled(translate, name, detail)


def decision_text(code: str, args: Mapping[str, Any], fmt: Formatter, funder_names: Mapping[int, str],
                  criteria: list[dict[str, Any]]) -> str:
    """A decision's reason in ``fmt``'s language with its amounts locale-formatted; ``criteria`` are the call's
    (``[{"key", "name", ...}]``, names as the call gives them)."""
    return render(code, args, fmt._, fmt.money, funder_names, {c["key"]: c["name"] for c in criteria}, fmt.country)
