"""A JFS-like call built through the REST API: three funders (Belgium, Vietnam, Thailand), reviewers, proposals."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

JFS_RULES = [
    {"kind": "min_partners", "params": {"min": 3}},
    {"kind": "distinct_countries", "params": {"min": 3}},
    {"kind": "region_quota", "params": {"options": [{"SEA": 2, "EUROPE": 1}, {"EUROPE": 2, "SEA": 1}]}},
    {"kind": "coordinator_funded", "params": {}},
    {"kind": "funded_partner_per_region", "params": {}},
]


def post(client: TestClient, path: str, body: dict[str, Any], status: int = 201) -> dict[str, Any]:
    response = client.post(f"/api/v1{path}", json=body)
    assert response.status_code == status, response.text
    return response.json()


def org(client: TestClient, name: str, country: str) -> int:
    return post(client, "/organizations", {"name": name, "country_code": country, "type": "university"})["id"]


def jfs_call(client: TestClient, budgets: tuple[int, int, int] = (300_000, 2_000_000_000, 3_000_000),
             **extra: Any) -> dict[str, Any]:
    """The call (closed for submissions at 2026-05-31 17:00 Brussels time), its funders and some organisations."""
    partnership = post(client, "/partnerships", {"name": "Belgium–Vietnam", "country_codes": ["BEL", "VNM"]})["id"]
    call = post(client, "/calls", {"title": "JFS call on climate", "partnership_ids": [partnership],
                                   "topics": ["Climate", "Health"], "currency": "EUR",
                                   "timezone": "Europe/Brussels", "opens_at": "2026-01-15T09:00:00",
                                   "closes_at": "2026-05-31T17:00:00", "rules": JFS_RULES, **extra})
    orgs = {key: org(client, name, country) for key, name, country in (
        ("belspo", "Belgian Science Policy Office", "BEL"), ("nafosted", "NAFOSTED", "VNM"),
        ("nstda", "NSTDA", "THA"), ("ugent", "Ghent University", "BEL"), ("vnu", "VNU Hanoi", "VNM"),
        ("cu", "Chulalongkorn University", "THA"), ("uclouvain", "UCLouvain", "BEL"), ("hust", "HUST", "VNM"),
        ("ku", "Kasetsart University", "THA"), ("sorbonne", "Sorbonne", "FRA"))}
    funders = {}
    for key, country, currency, budget in (("belspo", "BEL", "EUR", budgets[0]), ("nafosted", "VNM", "VND", budgets[1]),
                                           ("nstda", "THA", "THB", budgets[2])):
        funders[country] = post(client, "/call-funders", {"call_id": call["id"], "organization_id": orgs[key],
                                                          "country_code": country, "budget": budget,
                                                          "currency": currency})["id"]
    return {"call": call, "orgs": orgs, "funders": funders, "partnership": partnership}


def partner(world: dict[str, Any], org_key: str, country: str, budget: int = 100_000, role: str = "partner",
            funded: bool = True, **extra: Any) -> dict[str, Any]:
    currency = {"BEL": "EUR", "VNM": "VND", "THA": "THB"}.get(country)
    out = {"organization_id": world["orgs"][org_key], "country_code": country, "role": role, "budget": budget,
           **extra}
    if funded and country in world["funders"]:
        out |= {"funder_id": world["funders"][country], "currency": currency}
    return out


def proposal(client: TestClient, world: dict[str, Any], acronym: str, partners: list[dict[str, Any]],
             **extra: Any) -> dict[str, Any]:
    body = {"call_id": world["call"]["id"], "acronym": acronym, "title": f"Project {acronym}", "topic": "Climate",
            "abstract": "What it does.", "status": "submitted", "submitted_at": "2026-05-30T10:00:00+02:00",
            "partners": partners, **extra}
    return post(client, "/proposals", body)


def consortium(world: dict[str, Any], vn_budget: int = 500_000_000, be_budget: int = 100_000,
               th_budget: int = 1_000_000) -> list[dict[str, Any]]:
    """A valid 2 SEA + 1 EU consortium with a Belgian coordinator."""
    return [partner(world, "ugent", "BEL", be_budget, role="coordinator"), partner(world, "vnu", "VNM", vn_budget),
            partner(world, "cu", "THA", th_budget)]


def move(client: TestClient, call_id: int, *statuses: str) -> dict[str, Any]:
    call = client.get(f"/api/v1/calls/{call_id}").json()
    for status in statuses:
        call = post(client, f"/calls/{call_id}/transitions", {"to_status": status, "version": call["version"]}, 200)
    return call
