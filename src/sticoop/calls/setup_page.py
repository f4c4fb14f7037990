"""The evaluation set-up form of a call: its eligibility rules (one row per rule kind, with its parameters),
its evaluation criteria (key, name, threshold, weight; rows added and removed in one save), the overall threshold
and the tie-break chain. It saves through the same service as ``PUT /api/v1/calls/{id}/rules`` and
``PATCH /api/v1/calls/{id}``: a stale version gets 409, a bad rule or field 422 naming it, in one transaction."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError as PydanticError
from sqlalchemy.orm import Session as DbSession

from sticoop.calls import schemas as s
from sticoop.calls.models import Call
from sticoop.calls.service import calls
from sticoop.core.api import DB, Actor
from sticoop.core.errors import DomainError, ValidationFailed
from sticoop.core.labels import N_
from sticoop.core.principal import require_editor
from sticoop.web.forms import FORM_ERROR, domain_errors
from sticoop.web.render import formatter, render

router = APIRouter(include_in_schema=False)

#: rule kind → its inputs: (parameter, label, kind of value); "options" is the region quota's lines
RULE_INPUTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "min_partners": (("min", N_("At least"), "int"),),
    "distinct_countries": (("min", N_("At least"), "int"),),
    "region_quota": (("options", N_("Options, one per line (e.g. SEA=2, EUROPE=1)"), "quota"),),
    "coordinator_funded": (),
    "funded_partner_per_region": (),
    "trl_range": (("min", N_("Lowest TRL"), "int"), ("max", N_("Highest TRL"), "int")),
    "max_budget_per_partner": (("amount", N_("Amount"), "amount"), ("currency", N_("Currency"), "text")),
    "max_total_budget": (("amount", N_("Amount"), "amount"), ("currency", N_("Currency"), "text")),
    "admissibility": (("max_pages", N_("Page limit"), "int"),),
}
#: blank criterion rows offered beside the call's own
SPARE_ROWS = 2


def form_values(call: Call) -> dict[str, str]:
    """The form's inputs as the call stores them (the names the template and :func:`payload` use)."""
    values: dict[str, str] = {"version": str(call.version), "overall_threshold": _text(call.overall_threshold),
                              "tie_break": "\n".join(call.tie_break or [])}
    for rule in call.rules:
        kind, params = rule["kind"], rule.get("params") or {}
        values[f"rule-{kind}"] = "on"
        for name, _label, shape in RULE_INPUTS.get(kind, ()):
            if name in params:
                values[f"rule-{kind}-{name}"] = _quota_text(params[name]) if shape == "quota" else str(params[name])
    for i, c in enumerate(call.criteria):
        for name in ("key", "name", "threshold", "weight"):
            values[f"criterion-{i}-{name}"] = _text(c[name])
    return values


def _text(value: Any) -> str:
    if isinstance(value, float | Decimal) and value == int(value):
        return str(int(value))
    return str(value)


def _quota_text(options: list[dict[str, int]]) -> str:
    return "\n".join(", ".join(f"{region}={n}" for region, n in o.items()) for o in options)


def _whole(value: str, where: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ValidationFailed(f"{where} must be a whole number, not '{value}'", field=where) from None


def _decimal(value: str, where: str) -> Decimal:
    try:
        return Decimal(value.replace(",", "."))
    except InvalidOperation:
        raise ValidationFailed(f"{where} must be a number, not '{value}'", field=where) from None


def _quota(text: str, where: str) -> list[dict[str, int]]:
    options = []
    for line in filter(None, (x.strip() for x in text.splitlines())):
        option = {}
        for part in filter(None, (x.strip() for x in line.split(","))):
            region, sep, count = part.partition("=")
            if not sep:
                raise ValidationFailed(f"{where}: '{part}' is not REGION=count", field=where)
            option[region.strip().upper()] = _whole(count.strip(), where)
        options.append(option)
    return options


def payload(form: dict[str, str], call: Call) -> s.CallPatch:
    """The call patch the form describes; ValidationFailed naming the input that is not a number or a quota."""
    rules = []
    kept = {r["kind"]: r.get("params") or {} for r in call.rules}
    for kind, inputs in RULE_INPUTS.items():
        if form.get(f"rule-{kind}") != "on":
            continue
        params: dict[str, Any] = {k: v for k, v in kept.get(kind, {}).items()
                                  if k not in {name for name, _l, _s in inputs}}  # e.g. custom regions
        for name, _label, shape in inputs:
            where, raw = f"rule-{kind}-{name}", form.get(f"rule-{kind}-{name}", "").strip()
            if not raw:
                continue
            params[name] = (_whole(raw, where) if shape == "int" else _quota(raw, where) if shape == "quota"
                            else str(_decimal(raw, where)) if shape == "amount" else raw.upper())
        rules.append({"kind": kind, "params": params})
    criteria = []
    for i in range(len(call.criteria) + SPARE_ROWS):
        key = form.get(f"criterion-{i}-key", "").strip()
        if not key or form.get(f"criterion-{i}-remove") == "on":
            continue
        threshold, weight = form.get(f"criterion-{i}-threshold", "").strip(), form.get(f"criterion-{i}-weight", "")
        criteria.append({"key": key, "name": form.get(f"criterion-{i}-name", "").strip() or key,
                         "threshold": float(_decimal(threshold or "3", f"criterion-{i}-threshold")),
                         "weight": float(_decimal(weight.strip() or "1", f"criterion-{i}-weight"))})
    rules += [r for r in call.rules if r["kind"] not in RULE_INPUTS]  # kinds the form does not show (deadline...)
    overall = form.get("overall_threshold", "").strip()
    try:
        return s.CallPatch(version=_whole(form.get("version", "0"), "version"), rules=rules, criteria=criteria,
                           overall_threshold=_decimal(overall or "10", "overall_threshold"),
                           tie_break=[k.strip() for k in form.get("tie_break", "").splitlines() if k.strip()])
    except PydanticError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise ValidationFailed(f"{where}: {first['msg']}", field=where) from None


def _page(request: Request, db: DbSession, call: Call, values: dict[str, str], errors: dict[str, str] | None = None,
          status: int = 200) -> HTMLResponse:
    summary = [{"label": None if k == FORM_ERROR else k, "message": m} for k, m in (errors or {}).items()]
    rows = max(len(call.criteria), sum(1 for k in values if k.endswith("-key"))) + SPARE_ROWS
    return render(request, "calls/setup.html", {
        "c": call, "values": values, "errors": errors or {}, "summary": summary, "rule_inputs": RULE_INPUTS,
        "criterion_rows": range(rows)}, status)


@router.get("/calls/{record_id:int}/setup", response_class=HTMLResponse)
def setup_form(record_id: int, request: Request, db: DB) -> HTMLResponse:
    require_editor(db, "the call's evaluation set-up")
    call = calls.get(db, record_id)
    return _page(request, db, call, form_values(call))


@router.post("/calls/{record_id:int}/setup", response_class=HTMLResponse)
async def setup_save(record_id: int, request: Request, db: DB, actor: Actor) -> Response:
    require_editor(db, "the call's evaluation set-up")
    form = {k: str(v) for k, v in (await request.form()).items()}
    call = calls.get(db, record_id)
    try:
        calls.update(db, record_id, payload(form, call), actor)
    except DomainError as exc:
        db.rollback()
        return _page(request, db, calls.get(db, record_id), form, domain_errors(exc, formatter(request)._),
                     exc.status_code if exc.status_code in (403, 409, 422) else 422)
    return RedirectResponse(f"/calls/{record_id}", status_code=303)
