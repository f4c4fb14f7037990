"""The brokerage agenda as iCalendar: slot times are the fair's local times, written with the zone of the fair's
country (and its VTIMEZONE) or in UTC, never floating; DTSTAMP, stable UIDs and SEQUENCE as in every feed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar
from tests.calendar_feeds.helpers import validate


def agenda_of_a_fair(client: TestClient, country: str) -> tuple[str, int]:
    """A fair in ``country`` with one meeting at 09:00–09:30 local time; the first participant's .ics URL and
    the meeting id."""
    event = client.post("/api/v1/events", json={"kind": "tech_transfer_fair", "title": f"Techmart {country}",
                                                "start_date": "2026-01-15", "country_code": country,
                                                "allow_duplicate": True}).json()["id"]
    base = f"/api/v1/events/{event}/brokerage"
    client.post(f"{base}/slots", json=[{"starts_at": "2026-01-15T09:00:00", "ends_at": "2026-01-15T09:30:00"}])
    client.post(f"{base}/tables", json={"names": ["T1"]})
    a, b = (client.post(f"{base}/participants", json={"name": n}).json()["id"] for n in ("A", "B"))
    meeting = client.post(f"{base}/meetings", json={"requester_id": a, "recipient_id": b}).json()
    assert client.post(f"/api/v1/brokerage/meetings/{meeting['id']}/response",
                       json={"accept": True}).status_code == 200
    assert client.post(f"{base}/schedule").json()["scheduled"] == 1
    return f"/api/v1/brokerage/participants/{a}/agenda.ics", meeting["id"]


#: country of the fair → the zone its slots are in, and 09:00 local in UTC (January: no summer time)
CASES = {
    "VNM": ("Asia/Ho_Chi_Minh", datetime(2026, 1, 15, 2, 0, tzinfo=UTC)),
    "LAO": ("Asia/Vientiane", datetime(2026, 1, 15, 2, 0, tzinfo=UTC)),
    "BEL": ("Europe/Brussels", datetime(2026, 1, 15, 8, 0, tzinfo=UTC)),
    "JPN": ("Asia/Tokyo", datetime(2026, 1, 15, 0, 0, tzinfo=UTC)),
    # several zones in the country: STICOOP_TIMEZONE, UTC by default
    "USA": (None, datetime(2026, 1, 15, 9, 0, tzinfo=UTC)),
}


@pytest.mark.parametrize("country", sorted(CASES))
def test_agenda_times_carry_the_fair_zone(country: str, client: TestClient, db_url: str) -> None:
    zone, instant = CASES[country]
    url, meeting_id = agenda_of_a_fair(client, country)
    first, second = (Calendar.from_ical(client.get(url).content) for _ in range(2))
    validate(first)
    [entry] = first.walk("VEVENT")
    assert str(entry["UID"]) == f"brokerage-meeting-{meeting_id}@sticoop"
    assert [str(e["UID"]) for e in second.walk("VEVENT")] == [str(entry["UID"])]
    start = entry["DTSTART"]
    assert start.params.get("TZID") == zone
    assert start.dt == instant and (entry["DTEND"].dt - start.dt).total_seconds() == 30 * 60
    assert [str(tz["TZID"]) for tz in first.walk("VTIMEZONE")] == ([zone] if zone else [])
    sequence = int(entry["SEQUENCE"])
    assert sequence == meeting_version(db_url, meeting_id)
    # a change to the meeting (its outcome recorded) is a new SEQUENCE of the same UID
    assert client.post(f"/api/v1/brokerage/meetings/{meeting_id}/outcome",
                       json={"outcome": "follow_up"}).status_code == 200
    [changed] = Calendar.from_ical(client.get(url).content).walk("VEVENT")
    assert str(changed["UID"]) == str(entry["UID"]) and int(changed["SEQUENCE"]) == sequence + 1


def meeting_version(db_url: str, meeting_id: int) -> int:
    from sticoop.core.database import session_scope
    from sticoop.matchmaking.brokerage.models import MeetingRequest

    with session_scope(db_url) as db:
        return db.get(MeetingRequest, meeting_id).version


#: language asked for (``?lang=`` or Accept-Language) → the texts the agenda file carries
LANGUAGES = {
    "en": ("Meeting with B (table T1)", "Brokerage agenda: A — Techmart VNM", "Business meeting at the brokerage"),
    "fr": ("Rendez-vous avec B (table T1)", "Agenda des rendez-vous d'affaires : A — Techmart VNM",
           "Rendez-vous d'affaires de la bourse"),
    "vi": ("Gặp B (bàn T1)", "Lịch gặp gỡ kết nối: A — Techmart VNM", "Cuộc gặp kết nối kinh doanh"),
}


@pytest.mark.parametrize("how", ["query", "header"])
@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_agenda_texts_are_in_the_participant_language(language: str, how: str, client: TestClient) -> None:
    url, _meeting_id = agenda_of_a_fair(client, "VNM")
    response = (client.get(url, params={"lang": language}) if how == "query"
                else client.get(url, headers={"Accept-Language": f"{language},en;q=0.5"}))
    calendar = Calendar.from_ical(response.content)
    validate(calendar)
    summary, name, description = LANGUAGES[language]
    [entry] = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == summary
    assert str(entry["DESCRIPTION"]).startswith(description)
    assert str(calendar["X-WR-CALNAME"]) == name
