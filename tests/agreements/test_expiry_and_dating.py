"""Expired things do not stay active, and status changes are dated truthfully: agreements past their expiry
date read as expired (list filter, detail flag, dashboard) while the stored status waits for someone to record
the move; the initial status is dated by the agreement's own date, never the typing day."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sticoop.agreements.models import AgreementStatus, effective_status, past_expiry_since
from sticoop.core import clock

TODAY = date(2026, 6, 15)  # tests/conftest.py pins it


def agreement(client: TestClient, title: str, status: str, **dates: str) -> dict[str, Any]:
    r = client.post("/api/v1/agreements", json={"title": title, "status": status, **dates})
    assert r.status_code == 201, r.text
    return r.json()


EXPIRY_CASES = [
    # status, expiry, effective status, past expiry since
    ("in_force", "2023-06-15", "expired", "2023-06-15"),  # three years ago (the example)
    ("in_force", "2026-06-14", "expired", "2026-06-14"),  # yesterday
    ("in_force", "2026-06-15", "in_force", None),  # expires at the end of today
    ("in_force", "2026-08-01", "in_force", None),
    ("in_force", None, "in_force", None),
    ("signed", "2024-01-01", "expired", "2024-01-01"),
    ("renewed", "2025-01-01", "expired", "2025-01-01"),
    ("terminated", "2020-01-01", "terminated", None),  # ended otherwise: not "expired"
    ("expired", "2020-01-01", "expired", None),  # recorded already: nothing to flag
    ("negotiating", "2020-01-01", "negotiating", None),
]


@pytest.mark.parametrize(("status", "expiry", "effective", "since"), EXPIRY_CASES)
def test_effective_status_rule(status: str, expiry: str | None, effective: str, since: str | None) -> None:
    day = date.fromisoformat(expiry) if expiry else None
    assert effective_status(status, day, TODAY) == effective
    assert past_expiry_since(status, day, TODAY) == (date.fromisoformat(since) if since else None)


def test_list_filter_detail_and_dashboard_apply_expiry_when_reading(client: TestClient) -> None:
    made: dict[str, dict[str, Any]] = {}
    for i, (status, expiry, _effective, _since) in enumerate(EXPIRY_CASES):
        dates = {"expiry_date": expiry} if expiry else {}
        if status in ("signed", "in_force", "renewed", "expired"):
            dates["signed_date"] = "2015-01-01"
        made[f"{i}"] = agreement(client, f"Agreement {i}", status, **dates)
    for i, (_status, _expiry, effective, since) in enumerate(EXPIRY_CASES):
        out = client.get(f"/api/v1/agreements/{made[str(i)]['id']}").json()
        assert (out["effective_status"], out["past_expiry_since"]) == (effective, since), i
        assert out["status"] == EXPIRY_CASES[i][0]  # no write on a read
        page = client.get(f"/agreements/{out['id']}").text
        assert ('id="past-expiry"' in page) is bool(since), i
    for status in AgreementStatus:
        listed = client.get("/api/v1/agreements", params={"status": status.value, "limit": 200}).json()["items"]
        expected = {made[str(i)]["id"] for i, case in enumerate(EXPIRY_CASES) if case[2] == status.value}
        assert {a["id"] for a in listed} == expected, status
    both = client.get("/api/v1/agreements", params={"status": "in_force,expired"}).json()["total"]
    assert both == sum(1 for case in EXPIRY_CASES if case[2] in ("in_force", "expired"))
    page = client.get("/agreements", params={"status": "expired"}).text
    assert "past expiry since" in page and "Agreement 0" in page and "Agreement 3" not in page

    board = client.get("/api/v1/dashboard").json()
    assert [a["title"] for a in board["agreements_expired"]] == \
        ["Agreement 1", "Agreement 6", "Agreement 5", "Agreement 0"]  # latest expiry first
    assert [(a["title"], a["date"]) for a in board["agreements_expiring"]] == \
        [("Agreement 2", "2026-06-15"), ("Agreement 3", "2026-08-01")]
    home = client.get("/").text
    assert "Expired, still recorded as in force" in home and "Expiring within 90 days" in home


def test_a_new_day_expires_without_any_write(client: TestClient) -> None:
    a = agreement(client, "MoU", "in_force", signed_date="2020-01-01", expiry_date="2026-12-31")
    assert client.get("/api/v1/agreements", params={"status": "in_force"}).json()["total"] == 1
    with clock.pinned(date(2027, 1, 1)):
        assert client.get("/api/v1/agreements", params={"status": "in_force"}).json()["total"] == 0
        assert client.get(f"/api/v1/agreements/{a['id']}").json()["past_expiry_since"] == "2026-12-31"
    assert client.get(f"/api/v1/agreements/{a['id']}").json()["version"] == a["version"]


INITIAL_CASES = [
    # status at creation, its dates, expected date of the initial status
    ("planned", {}, None),
    ("negotiating", {"signed_date": "2019-05-01"}, None),  # not signed yet: its signature date says nothing
    ("signed", {"signed_date": "2019-05-01"}, "2019-05-01"),
    ("signed", {}, None),
    ("in_force", {"signed_date": "2019-05-01", "in_force_date": "2019-07-01"}, "2019-07-01"),
    ("expired", {"signed_date": "2010-01-01", "expiry_date": "2015-01-01"}, "2015-01-01"),
]


@pytest.mark.parametrize(("status", "dates", "expected"), INITIAL_CASES)
def test_initial_status_is_dated_by_the_agreement_never_the_typing_day(
        client: TestClient, status: str, dates: dict[str, str], expected: str | None) -> None:
    a = agreement(client, "Agreement", status, **dates)
    assert a["history"] == [{"from_status": None, "to_status": status, "date": expected, "note": None}]
    page = client.get(f"/agreements/{a['id']}").text
    assert ("undated" in page.split('id="h-status-history"')[1]) is (expected is None)


def test_later_changes_follow_the_initial_status_in_time(client: TestClient) -> None:
    a = agreement(client, "Protocol", "signed", signed_date="2019-05-01")
    early = client.post(f"/api/v1/agreements/{a['id']}/transitions",
                        json={"version": a["version"], "to_status": "in_force", "date": "2019-04-01"})
    assert early.status_code == 422 and "2019-05-01" in early.json()["detail"]
    assert early.json().get("field") in (None, "date")
    moved = client.post(f"/api/v1/agreements/{a['id']}/transitions",
                        json={"version": a["version"], "to_status": "in_force", "date": "2019-06-01"}).json()
    dates = [h["date"] for h in moved["history"]]
    assert dates == sorted(dates) == ["2019-05-01", "2019-06-01"]
    undated = agreement(client, "Plan", "planned")
    moved = client.post(f"/api/v1/agreements/{undated['id']}/transitions",
                        json={"version": undated["version"], "to_status": "negotiating"}).json()
    assert [h["date"] for h in moved["history"]] == [None, TODAY.isoformat()]  # a move without a date: today
