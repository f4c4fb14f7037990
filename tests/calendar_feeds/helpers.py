"""A partnership with a record of every kind dated around the pinned test day, made through the API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi.testclient import TestClient
from icalendar import Calendar


def post(client: TestClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post(f"/api/v1{path}", json={**body, "allow_duplicate": True})
    assert response.status_code == 201, response.text
    return response.json()


def world(client: TestClient, name: str = "Belgium–Vietnam", codes: tuple[str, str] = ("BEL", "VNM"),
          confidential_commitment: bool = False) -> dict[str, Any]:
    """One partnership with a record of every kind dated inside the feeds' window around TODAY."""
    p = post(client, "/partnerships", {"name": name, "country_codes": list(codes),
                                       "relations_established": "1976-06-20"})
    c = post(client, "/committees", {"partnership_id": p["id"], "name": f"Joint Committee {name}"})
    s = post(client, "/sessions", {"committee_id": c["id"], "number": 7, "start_date": "2026-07-10",
                                   "end_date": "2026-07-12", "city": "Hanoi", "country_code": "VNM"})
    v = post(client, "/visits", {"partnership_id": p["id"], "from_country_code": codes[1],
                                 "to_country_code": codes[0], "start_date": "2026-08-01", "end_date": "2026-08-04",
                                 "purpose": "Prepare the 7th session"})
    e = post(client, "/events", {"kind": "training_course", "title": f"Training {name}", "partnership_id": p["id"],
                                 "start_date": "2026-09-01", "city": "Ghent", "country_code": "BEL"})
    cm = post(client, "/commitments", {"partnership_id": p["id"], "text": f"Open a joint lab ({name})",
                                       "due_date": "2026-06-22", "confidential": confidential_commitment})
    a = post(client, "/agreements", {"title": f"Agreement {name}", "kind": "agreement", "status": "in_force",
                                     "partnership_id": p["id"], "country_codes": list(codes),
                                     "signed_date": "2021-12-01", "expiry_date": "2026-12-31"})
    # a partnership of its own for the anniversary cases, so that it can be deleted (it has no children)
    anniversary = post(client, "/partnerships", {"name": f"{name} (relations)", "country_codes": list(codes),
                                                 "relations_established": "2000-02-29"})
    call = post(client, "/calls", {"title": f"Joint call {name}", "partnership_id": p["id"], "currency": "EUR",
                                   "timezone": "Asia/Ho_Chi_Minh", "opens_at": "2026-06-01T09:00:00",
                                   "closes_at": "2026-09-30T17:00:00"})
    return {"partnership": p, "committee": c, "session": s, "visit": v, "event": e, "commitment": cm,
            "agreement": a, "anniversary": anniversary, "call": call}


def validate(calendar: Calendar) -> None:
    """RFC 5545 essentials, and no floating time: every DTSTART/DTEND is a whole day, UTC, or has a TZID whose
    VTIMEZONE is in the file; every event has a UID, a DTSTAMP in UTC and a SEQUENCE."""
    assert str(calendar["VERSION"]) == "2.0" and calendar.get("PRODID")
    assert calendar.get("REFRESH-INTERVAL") is not None and calendar.get("X-PUBLISHED-TTL") is not None
    zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    uids = []
    for event in calendar.walk("VEVENT"):
        uids.append(str(event["UID"]))
        stamp = event["DTSTAMP"].dt
        assert isinstance(stamp, datetime) and stamp.utcoffset().total_seconds() == 0
        assert event.get("SEQUENCE") is not None and event.get("SUMMARY")
        assert str(event["STATUS"]) in ("CONFIRMED", "CANCELLED")
        for name in ("DTSTART", "DTEND"):
            prop = event.get(name)
            if prop is None:
                assert name == "DTEND"
                continue
            value = prop.dt
            if isinstance(value, datetime):
                assert value.tzinfo is not None, f"{name} is a floating time"
                tzid = prop.params.get("TZID")
                assert value.utcoffset().total_seconds() == 0 and tzid is None or tzid in zones, (name, tzid)
            else:
                assert isinstance(value, date) and prop.params.get("VALUE", "DATE") == "DATE"
    assert len(uids) == len(set(uids)), "a UID appears twice"
