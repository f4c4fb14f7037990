"""Dates an official can trust: the next round anniversary (one rule, API and page), last held / next planned
sessions and numbering contradictions, and the timeline's undated group — each walked over its cases with an
injected "today"."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sticoop.core import clock
from sticoop.partnerships.service import ROUND_EVERY, next_anniversary

ANNIVERSARIES = [
    # established, today, (years, day)
    (date(1992, 1, 1), date(2026, 6, 15), (35, date(2027, 1, 1))),  # the 35th exists: not 40 (fault 8)
    (date(1992, 1, 1), date(2027, 1, 1), (35, date(2027, 1, 1))),  # today's anniversary is still "next"
    (date(1992, 1, 1), date(2027, 1, 2), (40, date(2032, 1, 1))),
    (date(1992, 1, 1), date(1992, 1, 1), (5, date(1997, 1, 1))),  # the day relations began: no 0th
    (date(1973, 3, 22), date(2023, 1, 1), (50, date(2023, 3, 22))),
    (date(1973, 3, 22), date(2023, 3, 23), (55, date(2028, 3, 22))),
    (date(1988, 2, 29), date(2028, 2, 29), (40, date(2028, 2, 29))),  # leap day on a leap year
    (date(1988, 2, 29), date(2023, 2, 28), (35, date(2023, 2, 28))),  # 29 February marked on the 28th
    (date(1988, 2, 29), date(2023, 3, 1), (40, date(2028, 2, 29))),
    (date(1990, 6, 1), date(2028, 2, 29), (40, date(2030, 6, 1))),  # today is 29 February
    (date(2030, 5, 1), date(2026, 6, 15), (5, date(2035, 5, 1))),  # relations in the future
    (date(1945, 9, 2), date(2100, 1, 1), (155, date(2100, 9, 2))),  # no upper limit
]


@pytest.mark.parametrize(("established", "today", "expected"), ANNIVERSARIES)
def test_next_round_anniversary_cases(established: date, today: date, expected: tuple[int, date]) -> None:
    years, day = next_anniversary(established, today)
    assert (years, day) == expected
    assert years % ROUND_EVERY == 0 and day >= today


def test_next_anniversary_reads_the_clock_when_not_given() -> None:
    with clock.pinned(date(2027, 1, 2)):
        assert next_anniversary(date(1992, 1, 1)) == (40, date(2032, 1, 1))
    assert next_anniversary(None) is None


@pytest.mark.parametrize("today", [date(2026, 6, 15), date(2027, 1, 1), date(2028, 2, 29), date(2031, 12, 31)])
def test_api_and_page_give_the_same_anniversary(client: TestClient, today: date) -> None:
    p = client.post("/api/v1/partnerships", json={"name": "Vietnam–Korea", "country_codes": ["VNM", "KOR"],
                                                  "relations_established": "1992-01-01"}).json()
    with clock.pinned(today):
        api = client.get(f"/api/v1/partnerships/{p['id']}").json()["next_anniversary"]
        page = client.get(f"/partnerships/{p['id']}").text
    years, day = next_anniversary(date(1992, 1, 1), today)
    assert api == {"years": years, "date": day.isoformat()}
    assert f"{years} years of diplomatic relations" in page
    assert re.findall(r"(\d+) years of diplomatic relations", page) == [str(years)]


# ----- committees: last held, next planned, overdue, warnings ----------------------------------------------
def committee_with(client: TestClient, sessions: list[tuple[int, str | None]], interval: int | None = 12) -> int:
    p = client.post("/api/v1/partnerships", json={"name": "Vietnam–Laos", "country_codes": ["VNM", "LAO"]}).json()
    c = client.post("/api/v1/committees", json={"partnership_id": p["id"], "name": "Joint Committee",
                                                "interval_months": interval}).json()
    for number, start in sessions:
        r = client.post("/api/v1/sessions", json={"committee_id": c["id"], "number": number, "start_date": start})
        assert r.status_code == 201, r.text
    return c["id"]


STATUS_CASES = {
    # name: (sessions, expected last held, next planned, next_due, overdue, warnings, held, planned, undated)
    "no sessions": ([], None, None, None, False, 0, 0, 0, 0),
    "only a future one": ([(1, "2026-09-01")], None, 1, None, False, 0, 0, 1, 0),
    "past and future": ([(1, "2024-05-28"), (2, "2026-09-01")], 1, 2, "2025-05-28", False, 0, 1, 1, 0),
    "past, interval passed, none planned": ([(1, "2024-05-28")], 1, None, "2025-05-28", True, 0, 1, 0, 0),
    "past, within the interval": ([(1, "2026-01-10")], 1, None, "2027-01-10", False, 0, 1, 0, 0),
    "held today": ([(1, "2026-06-15")], 1, None, "2027-06-15", False, 0, 1, 0, 0),
    "planned later, undated": ([(1, "2024-05-28"), (2, None)], 1, None, "2025-05-28", True, 0, 1, 0, 1),
    "session 8 dated before 7": ([(7, "2025-05-01"), (8, "2024-03-01")], 7, None, "2026-05-01", True, 1, 2, 0, 0),
    "future 8 before future 7": ([(7, "2027-05-01"), (8, "2026-09-01")], None, 8, None, False, 1, 0, 2, 0),
}


@pytest.mark.parametrize("case", list(STATUS_CASES), ids=list(STATUS_CASES))
def test_committee_status_cases(client: TestClient, case: str) -> None:
    sessions, last, upcoming, due, overdue, warnings, held, planned, undated = STATUS_CASES[case]
    cid = committee_with(client, sessions)
    status = client.get(f"/api/v1/committees/{cid}/status").json()
    assert status["last_session_number"] == last
    assert status["next_session_number"] == upcoming
    assert status["next_due"] == due
    assert status["overdue"] is overdue
    assert len(status["warnings"]) == warnings
    assert (status["sessions_held"], status["sessions_planned"], status["undated_sessions"]) == \
        (held, planned, undated)
    if last is not None:
        assert status["last_session_date"] <= "2026-06-15"  # a held session is never in the future
    page = client.get(f"/committees/{cid}").text
    assert "Last session held" in page
    assert ("is dated before session" in page) is bool(warnings)
    if upcoming is not None:
        assert re.search(rf"Session {upcoming}</a>, [^<]+<span class=\"badge badge--info\">planned", page)
    partnership_page = client.get(f"/partnerships/{client.get(f'/api/v1/committees/{cid}').json()['partnership_id']}")
    assert ("Overdue" in partnership_page.text) is overdue


def test_out_of_order_sessions_are_warned_on_both_session_pages_and_in_the_api(client: TestClient) -> None:
    cid = committee_with(client, [(6, "2023-07-26"), (7, "2025-05-01"), (8, "2024-03-01")])
    status = client.get(f"/api/v1/committees/{cid}/status").json()
    [warning] = status["warnings"]
    assert (warning["number"], warning["earlier_number"]) == (8, 7)
    assert warning["message"] == "Session 8 (2024-03-01) is dated before session 7 (2025-05-01)"
    ids = {s["number"]: s["id"] for s in client.get("/api/v1/sessions", params={"committee_id": cid}).json()["items"]}
    for number in (7, 8):
        derived = client.get(f"/api/v1/sessions/{ids[number]}").json()
        assert [w["number"] for w in derived["warnings"]] == [8]
        assert "Session 8 (" in client.get(f"/sessions/{ids[number]}").text
    assert client.get(f"/api/v1/sessions/{ids[6]}").json()["warnings"] == []
    fr = client.get(f"/committees/{cid}", params={"lang": "fr"}).text
    assert "La session 8 (1 mars 2024) est datée avant la session 7 (1 mai 2025)" in fr


def test_session_page_says_held_or_planned(client: TestClient) -> None:
    cid = committee_with(client, [(1, "2024-05-28"), (2, "2026-09-01"), (3, None)])
    ids = {s["number"]: s for s in client.get("/api/v1/sessions", params={"committee_id": cid}).json()["items"]}
    assert [ids[n]["held"] for n in (1, 2, 3)] == [True, False, None]
    assert '<span class="badge badge--good">held</span>' in client.get(f"/sessions/{ids[1]['id']}").text
    assert '<span class="badge badge--info">planned</span>' in client.get(f"/sessions/{ids[2]['id']}").text
    assert "undated" in client.get(f"/sessions/{ids[3]['id']}").text


def test_dashboard_upcoming_sessions_are_only_future_ones(client: TestClient) -> None:
    committee_with(client, [(1, "2024-05-28"), (2, "2026-06-15"), (3, "2026-09-01")])
    upcoming = client.get("/api/v1/dashboard").json()["upcoming_sessions"]
    assert [item["date"] for item in upcoming] == ["2026-09-01"]


# ----- timeline ----------------------------------------------------------------------------------------------
def test_timeline_puts_undated_records_apart_never_at_the_typing_date(client: TestClient) -> None:
    p = client.post("/api/v1/partnerships", json={"name": "Vietnam–Laos", "country_codes": ["VNM", "LAO"]}).json()
    undated = client.post("/api/v1/commitments", json={"text": "Share experiences", "partnership_id": p["id"]})
    due = client.post("/api/v1/commitments", json={"text": "Mid-term review", "partnership_id": p["id"],
                                                   "due_date": "2027-06-30"})
    agreement = client.post("/api/v1/agreements", json={"title": "Plan 2024–2026", "status": "planned",
                                                        "partnership_id": p["id"]})
    assert undated.status_code == due.status_code == agreement.status_code == 201
    entries = client.get(f"/api/v1/partnerships/{p['id']}/timeline").json()
    by_title = {e["title"]: e for e in entries}
    assert by_title["Share experiences"]["date"] is None
    assert by_title["Plan 2024–2026"]["date"] is None
    assert by_title["Mid-term review"] | {"date": "2027-06-30", "planned": True} == by_title["Mid-term review"]
    assert [e["date"] is None for e in entries] == sorted(e["date"] is None for e in entries)  # undated last
    page = client.get(f"/partnerships/{p['id']}").text
    dated_part, undated_part = page.split('id="timeline-undated"')
    assert "Mid-term review" in dated_part.split('id="timeline"')[1]
    assert "Share experiences" in undated_part and "Plan 2024–2026" in undated_part
    assert "Share experiences" not in dated_part.split('id="timeline"')[1]


def test_partnership_page_statuses_equal_the_api_status_of_each_committee(client: TestClient, db: Any) -> None:
    from sticoop.partnerships.models import Committee
    from sticoop.partnerships.service import committees

    first = committee_with(client, [(1, "2024-05-28"), (2, "2026-09-01")])
    pid = client.get(f"/api/v1/committees/{first}").json()["partnership_id"]
    second = client.post("/api/v1/committees", json={"partnership_id": pid, "name": "Working committee",
                                                     "interval_months": 6}).json()["id"]
    for number, start in ((3, "2025-01-10"), (4, "2024-12-01")):
        client.post("/api/v1/sessions", json={"committee_id": second, "number": number, "start_date": start})
    listed = [db.get(Committee, first), db.get(Committee, second)]
    together = committees.statuses(db, listed)
    assert together == [committees.status(db, c) for c in listed]
    assert [s.model_dump(mode="json") for s in together] == \
        [client.get(f"/api/v1/committees/{c.id}/status").json() for c in listed]
    assert len(together[1].warnings) == 1 and together[0].next_session_number == 2
    assert committees.statuses(db, []) == []


def test_add_a_session_numbers_after_the_planned_sessions_too(client: TestClient) -> None:
    """The "+ Add a session" button offers the number after the highest of the committee's sessions, held or planned (a
    planned session 4 in 2099 makes it 5), and a session dated before a lower-numbered one is saved and warned."""
    cid = committee_with(client, [(3, "2020-05-04"), (4, "2099-06-01")])
    page = client.get(f"/committees/{cid}").text
    assert re.search(rf"/sessions/new\?committee_id={cid}&(amp;)?number=5\"", page), page
    made = client.post("/api/v1/sessions", json={"committee_id": cid, "number": 5, "start_date": "2098-01-01"})
    assert made.status_code == 201 and [w["number"] for w in made.json()["warnings"]] == [5], made.text
