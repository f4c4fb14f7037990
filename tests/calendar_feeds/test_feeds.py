"""Calendar feeds: valid RFC 5545 files for every feed kind, stable UIDs, SEQUENCE after an edit, CANCELLED after
a delete or a merge, a subscriber's scope (partnerships, confidential records), and tokens bound to one feed."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar
from tests.calendar_feeds.helpers import post, validate, world

from sticoop.core.ical import feeds

TODAY = date(2026, 6, 15)  # tests/conftest.py pins it


#: feed → (record of the world it shows, API path of that record, the UID it has there, a change to it)
CASES: dict[str, tuple[str, str, str, dict[str, Any]]] = {
    "sessions": ("session", "/sessions", "session-{id}@sticoop", {"city": "Da Nang"}),
    "activities": ("visit", "/visits", "visit-{id}@sticoop", {"purpose": "Prepare the session"}),
    "commitments": ("commitment", "/commitments", "commitment-due-{id}@sticoop", {"text": "Open two joint labs"}),
    "agreements": ("agreement", "/agreements", "agreement-expiry-{id}@sticoop", {"summary": "Renewable"}),
    "anniversaries": ("anniversary", "/partnerships", "anniversary-{id}-2026@sticoop", {"summary": "Since 2000"}),
    "calls": ("call", "/calls", "call-deadline-{id}@sticoop", {"title": "Joint call on water"}),
    "all": ("event", "/events", "event-{id}@sticoop", {"title": "Training on biotechnology"}),
}


def test_every_declared_feed_has_a_case() -> None:
    assert set(CASES) == set(feeds()), "a feed was added: add its case to CASES"


def subscribe(client: TestClient, feed: str) -> str:
    """Make the signed-in user's link to ``feed`` on the account page; returns its path and query."""
    page = client.post(f"/account/calendar/{feed}/link")
    assert page.status_code == 200, page.text
    url = re.search(r'id="new-link">([^<]+)<', page.text)
    assert url is not None
    return url.group(1).replace("http://127.0.0.1:8000", "").replace("&amp;", "&")


def fetch(anon: TestClient, url: str) -> Calendar:
    response = anon.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    validate(calendar)
    return calendar


def events(calendar: Calendar) -> dict[str, Any]:
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


@pytest.mark.parametrize("feed", sorted(CASES))
def test_feed_is_valid_stable_versioned_and_cancels_deleted_records(
        feed: str, client: TestClient, anon_client: TestClient) -> None:
    kind, path, uid_pattern, change = CASES[feed]
    records = world(client)
    record = records[kind]
    uid = uid_pattern.format(id=record["id"])
    url = subscribe(client, feed)

    first, second = fetch(anon_client, url), fetch(anon_client, url)
    assert list(events(first)) == list(events(second)), "UIDs must be stable from one fetch to the next"
    assert uid in events(first), sorted(events(first))
    assert str(events(first)[uid]["STATUS"]) == "CONFIRMED"
    before = int(events(first)[uid]["SEQUENCE"])

    current = client.get(f"/api/v1{path}/{record['id']}").json()
    edited = client.patch(f"/api/v1{path}/{record['id']}", json={**change, "version": current["version"]})
    assert edited.status_code == 200, edited.text
    after_edit = events(fetch(anon_client, url))
    assert int(after_edit[uid]["SEQUENCE"]) == before + 1

    deleted = client.delete(f"/api/v1{path}/{record['id']}", params={"version": edited.json()["version"]})
    assert deleted.status_code == 204, deleted.text
    after_delete = events(fetch(anon_client, url))
    assert str(after_delete[uid]["STATUS"]) == "CANCELLED"
    assert int(after_delete[uid]["SEQUENCE"]) > int(after_edit[uid]["SEQUENCE"])


def test_items_are_whole_days_at_their_dates(client: TestClient, anon_client: TestClient) -> None:
    records = world(client)
    found = events(fetch(anon_client, subscribe(client, "all")))
    session = found[f"session-{records['session']['id']}@sticoop"]
    assert session["DTSTART"].dt == date(2026, 7, 10) and session["DTEND"].dt == date(2026, 7, 13)  # exclusive end
    assert "Hanoi" in str(session["LOCATION"]) and str(session["URL"]).endswith(f"/sessions/{records['session']['id']}")
    aid = records["agreement"]["id"]
    assert found[f"agreement-expiry-{aid}@sticoop"]["DTSTART"].dt == date(2026, 12, 31)
    assert found[f"agreement-expiry-warning-{aid}@sticoop"]["DTSTART"].dt == date(2026, 10, 2)  # 90 days before
    # relations established 1976-06-20: the 50th anniversary falls in the window and is the round one
    fiftieth = found[f"anniversary-{records['partnership']['id']}-2026@sticoop"]
    assert fiftieth["DTSTART"].dt == date(2026, 6, 20) and "50" in str(fiftieth["SUMMARY"])
    # a call closes at 17:00 in its own zone, published with that zone (Asia/Ho_Chi_Minh, UTC+7)
    deadline = found[f"call-deadline-{records['call']['id']}@sticoop"]["DTSTART"].dt
    assert (deadline.hour, str(deadline.tzinfo), deadline.utcoffset().total_seconds()) == (
        17, "Asia/Ho_Chi_Minh", 7 * 3600)
    # established on 29 February: marked on 28 February in common years (partnerships.service.anniversary_date)
    assert found[f"anniversary-{records['anniversary']['id']}-2027@sticoop"]["DTSTART"].dt == date(2027, 2, 28)


def test_merged_record_is_cancelled(client: TestClient, anon_client: TestClient) -> None:
    records = world(client)
    kept = records["commitment"]
    twin = post(client, "/commitments", {"partnership_id": records["partnership"]["id"], "text": kept["text"],
                                         "due_date": "2026-06-22"})
    url = subscribe(client, "commitments")
    assert f"commitment-due-{twin['id']}@sticoop" in events(fetch(anon_client, url))
    merged = client.post(f"/api/v1/commitments/{twin['id']}/merge",
                         json={"into": kept["id"], "version": twin["version"]})
    assert merged.status_code == 200, merged.text
    found = events(fetch(anon_client, url))
    assert str(found[f"commitment-due-{twin['id']}@sticoop"]["STATUS"]) == "CANCELLED"
    assert str(found[f"commitment-due-{kept['id']}@sticoop"]["STATUS"]) == "CONFIRMED"


def partnership_of(found: dict[str, Any], records: dict[str, Any]) -> set[str]:
    ids = {f"{k}-{records[k]['id']}@sticoop" for k in ("session", "visit", "event")}
    ids |= {f"commitment-due-{records['commitment']['id']}@sticoop",
            f"agreement-expiry-{records['agreement']['id']}@sticoop",
            f"anniversary-{records['partnership']['id']}-2026@sticoop"}
    return ids & set(found)


@pytest.mark.parametrize("role", ["viewer", "member", "secretariat"])
def test_a_feed_holds_only_what_its_owner_may_see(role: str, client: TestClient, anon_client: TestClient,
                                                  client_as: Callable[..., TestClient]) -> None:
    ours = world(client, "Belgium–Vietnam", ("BEL", "VNM"), confidential_commitment=True)
    theirs = world(client, "Vietnam–Laos", ("VNM", "LAO"))
    # a record of the other partnership deleted: its cancellation must not reach this user either
    gone = theirs["visit"]
    assert client.delete(f"/api/v1/visits/{gone['id']}", params={"version": gone["version"]}).status_code == 204
    user = client_as(role, partnership_ids=[ours["partnership"]["id"]])
    found = events(fetch(anon_client, subscribe(user, "all")))
    assert partnership_of(found, theirs) == set() and f"visit-{gone['id']}@sticoop" not in found
    everything = partnership_of({uid: None for uid in events(fetch(anon_client, subscribe(client, "all")))}, ours)
    assert len(everything) == 6, everything  # the administrator's feed has every item of the partnership
    confidential = f"commitment-due-{ours['commitment']['id']}@sticoop"
    expected = everything if role == "secretariat" else everything - {confidential}
    assert partnership_of(found, ours) == expected, "confidential records: secretariat only"


def test_a_token_opens_its_own_feed_only(client: TestClient, anon_client: TestClient) -> None:
    world(client)
    url = subscribe(client, "sessions")
    token = url.split("token=")[1]
    assert fetch(anon_client, url)
    for other in sorted(set(feeds()) - {"sessions"}):
        assert anon_client.get(f"/calendar/{other}.ics", params={"token": token}).status_code == 404, other
    assert anon_client.get("/calendar/nonsense.ics", params={"token": token}).status_code == 404
    assert anon_client.get("/calendar/sessions.ics").status_code == 404
    assert anon_client.get("/calendar/sessions.ics", params={"token": token + "x"}).status_code == 404
    for api in ("/api/v1/partnerships", "/api/v1/sessions", "/api/v1/tokens"):
        assert anon_client.get(api, params={"token": token}).status_code == 401, api
        assert anon_client.get(api, headers={"Authorization": f"Bearer {token}"}).status_code == 401, api
    assert anon_client.get("/account", params={"token": token}).status_code in (303, 401)


def test_revoke_and_renew(client: TestClient, anon_client: TestClient) -> None:
    world(client)
    old = subscribe(client, "agreements")
    assert anon_client.get(old).status_code == 200
    new = subscribe(client, "agreements")  # renew: a new link, the old one stops
    assert new != old
    assert anon_client.get(old).status_code == 404 and anon_client.get(new).status_code == 200
    page = client.get("/account/calendar")
    assert "feed-agreements" in page.text
    assert client.post("/account/calendar/agreements/revoke", follow_redirects=False).status_code == 303
    assert anon_client.get(new).status_code == 404


def test_reading_a_feed_writes_nothing(client: TestClient, anon_client: TestClient, db_url: str) -> None:
    from sqlalchemy import event

    from sticoop.core.database import get_engine

    world(client)
    url = subscribe(client, "all")
    writes: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            writes.append(statement)

    engine = get_engine(db_url)
    event.listen(engine, "before_cursor_execute", record)
    try:
        fetch(anon_client, url)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert writes == []


def test_feed_language_follows_the_reminder_settings(client: TestClient, anon_client: TestClient) -> None:
    records = world(client)
    url = subscribe(client, "sessions")
    form = {"enabled": "on", "language": "fr", "days_commitment": "7", "days_agreement": "30",
            "days_session": "1"}
    assert client.post("/account/reminders", data=form, follow_redirects=False).status_code == 303
    session = events(fetch(anon_client, url))[f"session-{records['session']['id']}@sticoop"]
    assert str(session["SUMMARY"]) == "Joint Committee Belgium–Vietnam — session n° 7", str(session["SUMMARY"])


def test_another_domain_adds_its_items_through_the_registry(client: TestClient, anon_client: TestClient,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A domain built later (joint calls) declares its feed and source in core; the subscription, the scoping of
    cancelled items and the file come with it, and ``all`` holds its items too."""
    from sticoop.core import ical

    def call_deadlines(db: Any, ctx: ical.FeedContext) -> list[ical.CalendarItem]:
        return [ical.CalendarItem(kind="call-deadline", key="1", summary="Joint call: deadline",
                                  start=datetime(2026, 9, 30, 17, 0, tzinfo=ical.country_zone("VNM")))]

    monkeypatch.setitem(ical._FEEDS, "calls", ical.Feed("calls", "Calls"))
    ical.register_feed_source(ical.FeedSource("calls", call_deadlines))
    for feed in ("calls", "all"):
        found = fetch(anon_client, subscribe(client, feed))
        entry = events(found)["call-deadline-1@sticoop"]
        assert entry["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
        assert entry["DTSTART"].dt.astimezone(UTC) == datetime(2026, 9, 30, 10, 0, tzinfo=UTC)
