"""The evaluation set-up form (no API needed): a call's eligibility rules with their parameters, its criteria
(added, changed and removed in one save), thresholds per criterion and overall, and the tie-break chain; a stale
version gets 409 and each bad input 422 naming the rule or field, with nothing saved."""

from __future__ import annotations

import html
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.calls.helpers import jfs_call


def form_of(client: TestClient, call_id: int) -> dict[str, str]:
    """The form as a browser would post it back unchanged (ticked boxes 'on', every input's value)."""
    import re

    page = client.get(f"/calls/{call_id}/setup")
    assert page.status_code == 200
    text = page.text
    data: dict[str, str] = {}
    for name, value in re.findall(r'<input[^>]* name="([^"]+)"[^>]* value="([^"]*)"', text):
        data[name] = html.unescape(value)
    for name in re.findall(r'<input type="checkbox" name="([^"]+)"[^>]* checked', text):
        data[name] = "on"
    for name, value in re.findall(r'<textarea[^>]* name="([^"]+)"[^>]*>([^<]*)</textarea>', text):
        data[name] = html.unescape(value)
    return {k: v for k, v in data.items() if v != ""}


def test_the_form_shows_and_saves_rules_criteria_and_thresholds(client: TestClient) -> None:
    world = jfs_call(client)
    cid = world["call"]["id"]
    before = client.get(f"/api/v1/calls/{cid}").json()
    assert f'href="/calls/{cid}/setup"' in client.get(f"/calls/{cid}").text
    data = form_of(client, cid)
    assert data["rule-min_partners"] == "on" and data["rule-min_partners-min"] == "3"
    assert data["rule-region_quota-options"] == "SEA=2, EUROPE=1\nEUROPE=2, SEA=1"
    assert "rule-trl_range" not in data and data["criterion-0-key"] == "excellence"
    same = client.post(f"/calls/{cid}/setup", data=data, follow_redirects=False)
    assert same.status_code == 303
    unchanged = client.get(f"/api/v1/calls/{cid}").json()
    assert (unchanged["rules"], unchanged["criteria"], unchanged["tie_break"]) == (
        before["rules"], before["criteria"], before["tie_break"])
    data = form_of(client, cid)
    data.pop("rule-coordinator_funded")
    data |= {"rule-min_partners-min": "4", "rule-region_quota-options": "SEA=1, EUROPE=1",
             "rule-trl_range": "on", "rule-trl_range-min": "3", "rule-trl_range-max": "7",
             "rule-max_total_budget": "on", "rule-max_total_budget-amount": "900000",
             "rule-max_total_budget-currency": "eur",
             "criterion-0-threshold": "3.5", "criterion-2-remove": "on",
             "criterion-3-key": "sustainability", "criterion-3-name": "Sustainability",
             "criterion-3-threshold": "2.5", "criterion-3-weight": "0.5",
             "overall_threshold": "8", "tie_break": "impact\nsustainability"}
    saved = client.post(f"/calls/{cid}/setup", data=data, follow_redirects=False)
    assert saved.status_code == 303, html.unescape(saved.text)[:2000]
    got = client.get(f"/api/v1/calls/{cid}").json()
    assert got["version"] > unchanged["version"]
    assert got["rules"] == [
        {"kind": "min_partners", "params": {"min": 4}}, {"kind": "distinct_countries", "params": {"min": 3}},
        {"kind": "region_quota", "params": {"options": [{"SEA": 1, "EUROPE": 1}]}},
        {"kind": "funded_partner_per_region", "params": {}}, {"kind": "trl_range", "params": {"min": 3, "max": 7}},
        {"kind": "max_total_budget", "params": {"amount": "900000", "currency": "EUR"}}]
    assert [(c["key"], c["threshold"], c["weight"]) for c in got["criteria"]] == [
        ("excellence", 3.5, 1), ("impact", 3, 1), ("sustainability", 2.5, 0.5)]
    assert float(got["overall_threshold"]) == 8 and got["tie_break"] == ["impact", "sustainability"]
    rules = client.get(f"/api/v1/calls/{cid}/rules").json()
    assert {r["call_version"] for r in rules} == {got["version"]}


@pytest.mark.parametrize(("change", "words"), [
    ({"rule-min_partners-min": "three"}, ["rule-min_partners-min", "whole number"]),
    ({"rule-region_quota-options": "SEA2"}, ["rule-region_quota-options", "REGION=count"]),
    ({"rule-region_quota-options": "MARS=2"}, ["region_quota", "unknown region", "MARS"]),
    ({"rule-max_total_budget": "on", "rule-max_total_budget-currency": "EUR"}, ["max_total_budget", "amount",
                                                                                "required"]),
    ({"criterion-0-threshold": "5.5"}, ["criteria", "5.5"]),
    ({"criterion-1-weight": "0"}, ["criteria[1]", "weight"]),
    ({"criterion-1-key": "excellence"}, ["criteria[1]", "unique key"]),
    ({"tie_break": "novelty"}, ["tie_break", "novelty"]),
    ({"overall_threshold": "2000"}, ["overall_threshold"]),
    ({"overall_threshold": "ten"}, ["overall_threshold", "number"]),
])
def test_a_bad_input_is_refused_naming_the_rule_or_field(client: TestClient, change: dict[str, str],
                                                          words: list[str]) -> None:
    world = jfs_call(client)
    cid = world["call"]["id"]
    before = client.get(f"/api/v1/calls/{cid}").json()
    response = client.post(f"/calls/{cid}/setup", data={**form_of(client, cid), **change})
    assert response.status_code == 422, response.text[:300]
    text = html.unescape(response.text)
    assert "error-summary" in text
    for word in words:
        assert word in text, (word, text[text.find("error-summary"):][:600])
    for name, value in change.items():  # the form comes back with what was typed
        assert value.split("\n")[0] in text, name
    assert client.get(f"/api/v1/calls/{cid}").json() == before


def test_a_stale_version_is_refused_and_nothing_changes(client: TestClient) -> None:
    world = jfs_call(client)
    cid = world["call"]["id"]
    old = form_of(client, cid)
    changed = client.post(f"/calls/{cid}/setup", data={**old, "overall_threshold": "9"}, follow_redirects=False)
    assert changed.status_code == 303
    after: dict[str, Any] = client.get(f"/api/v1/calls/{cid}").json()
    stale = client.post(f"/calls/{cid}/setup", data={**old, "overall_threshold": "12"})
    assert stale.status_code == 409 and "Someone else changed this record" in html.unescape(stale.text)
    assert client.get(f"/api/v1/calls/{cid}").json() == after


def test_a_decided_call_keeps_its_set_up(client: TestClient, db_url: str) -> None:
    from sqlalchemy import select

    from sticoop.calls.models import Call
    from sticoop.core.database import session_scope
    from sticoop.demo.data import load_demo

    with session_scope(db_url) as db:
        load_demo(db)
    with session_scope(db_url) as db:
        cid = db.scalars(select(Call.id).where(Call.status == "decided")).one()
    assert f'href="/calls/{cid}/setup"' not in client.get(f"/calls/{cid}").text
    before = client.get(f"/api/v1/calls/{cid}").json()
    same = client.post(f"/calls/{cid}/setup", data=form_of(client, cid), follow_redirects=False)
    assert same.status_code == 303  # posted back unchanged: no change, no refusal
    refused = client.post(f"/calls/{cid}/setup", data={**form_of(client, cid), "overall_threshold": "7"})
    assert refused.status_code == 409 and "decided calls are final" in html.unescape(refused.text)
    assert client.get(f"/api/v1/calls/{cid}").json() == before
