"""A techmart end to end: participants, requests, scheduling without double booking, agendas, outcomes."""

from __future__ import annotations

from fastapi.testclient import TestClient
from icalendar import Calendar
from tests.calendar_feeds.helpers import validate


def make_fair(client: TestClient) -> int:
    r = client.post("/api/v1/events", json={"kind": "tech_transfer_fair", "title": "Vietnam–Laos Techmart",
                                            "start_date": "2025-09-10", "city": "Vientiane", "country_code": "LAO",
                                            "allow_duplicate": True})  # some tests want two fairs
    return r.json()["id"]


def test_brokerage_flow(client: TestClient) -> None:
    event = make_fair(client)
    base = f"/api/v1/events/{event}/brokerage"
    slots = client.post(f"{base}/slots", json=[
        {"starts_at": "2025-09-10T09:00:00", "ends_at": "2025-09-10T09:30:00"},
        {"starts_at": "2025-09-10T09:30:00", "ends_at": "2025-09-10T10:00:00"}]).json()
    client.post(f"{base}/tables", json={"names": ["T1"]})
    ids = [client.post(f"{base}/participants", json={"name": n}).json()["id"] for n in ("A", "B", "C")]
    late = client.post(f"{base}/participants", json={"name": "D", "availability": [slots[1]["id"]]}).json()["id"]
    m_ab = client.post(f"{base}/meetings", json={"requester_id": ids[0], "recipient_id": ids[1],
                                                 "message": "Interested in your dryer"}).json()
    m_ac = client.post(f"{base}/meetings", json={"requester_id": ids[0], "recipient_id": ids[2]}).json()
    m_bd = client.post(f"{base}/meetings", json={"requester_id": ids[1], "recipient_id": late}).json()
    m_cd = client.post(f"{base}/meetings", json={"requester_id": ids[2], "recipient_id": late}).json()
    for m in (m_ab, m_ac, m_bd, m_cd):
        assert client.post(f"/api/v1/brokerage/meetings/{m['id']}/response", json={"accept": True}).status_code == 200
    result = client.post(f"{base}/schedule").json()
    # one table, two slots: at most two meetings; D is only free in slot 2
    assert result["scheduled"] == 2 and len(result["unplaced"]) == 2
    assert all(u["reason"] for u in result["unplaced"])
    agenda = client.get(f"/api/v1/brokerage/participants/{ids[0]}/agenda").json()
    starts = [a["starts_at"] for a in agenda]
    assert len(starts) == len(set(starts))  # nobody is double-booked
    ics = client.get(f"/api/v1/brokerage/participants/{late}/agenda.ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert len(Calendar.from_ical(ics.content).walk("VEVENT")) == len(
        client.get(f"/api/v1/brokerage/participants/{late}/agenda").json())
    validate(Calendar.from_ical(ics.content))  # DTSTAMP, zoned times (Vientiane: Asia/Vientiane), no floating time
    assert b"DTSTAMP:" in ics.content and b"TZID=Asia/Vientiane" in ics.content

    pdf = client.get(f"/api/v1/brokerage/participants/{ids[0]}/agenda.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    placed = [m for m in (m_ab, m_ac, m_bd, m_cd)
              if client.get(f"/api/v1/brokerage/participants/{m['requester_id']}/agenda").json()]
    r = client.post(f"/api/v1/brokerage/meetings/{placed[0]['id']}/outcome",
                    json={"outcome": "contract_signed", "contract_value": "120000", "currency": "usd"})
    assert r.status_code == 200 and r.json()["currency"] == "USD"
    client.post(f"/api/v1/brokerage/meetings/{m_cd['id']}/outcome", json={"outcome": "mou_signed"})
    totals = client.get(f"{base}/outcomes").json()
    assert totals["counts"]["contract_signed"] == 1 and totals["counts"]["mou_signed"] == 1
    assert totals["contract_value"] == {"USD": "120000.00"}


def test_brokerage_bad_input(client: TestClient) -> None:
    event = make_fair(client)
    base = f"/api/v1/events/{event}/brokerage"
    a = client.post(f"{base}/participants", json={"name": "A"}).json()["id"]
    self_request = client.post(f"{base}/meetings", json={"requester_id": a, "recipient_id": a})
    assert self_request.status_code == 422 and "themselves" in self_request.json()["detail"]
    other_event = make_fair(client)
    stranger = client.post(f"/api/v1/events/{other_event}/brokerage/participants", json={"name": "Z"}).json()["id"]
    outside = client.post(f"{base}/meetings", json={"requester_id": a, "recipient_id": stranger})
    assert outside.status_code == 422 and "does not take part" in outside.json()["detail"]
    assert client.post(f"{base}/participants", json={"name": "A"}).status_code == 409
    assert client.post(f"{base}/schedule").status_code == 422
    bad_slot = client.post(f"{base}/slots", json=[{"starts_at": "2025-09-10T10:00:00",
                                                   "ends_at": "2025-09-10T09:00:00"}])
    assert bad_slot.status_code == 422
    training = client.post("/api/v1/events", json={"kind": "training_course", "title": "Course"}).json()["id"]
    assert client.post(f"/api/v1/events/{training}/brokerage/participants",
                       json={"name": "X"}).status_code == 422
    b = client.post(f"{base}/participants", json={"name": "B"}).json()["id"]
    m = client.post(f"{base}/meetings", json={"requester_id": a, "recipient_id": b}).json()
    no_value = client.post(f"/api/v1/brokerage/meetings/{m['id']}/outcome", json={"outcome": "contract_signed"})
    assert no_value.status_code == 422


def test_slots_may_not_overlap_or_carry_a_time_zone(client: TestClient) -> None:
    base = f"/api/v1/events/{make_fair(client)}/brokerage"
    ok = client.post(f"{base}/slots", json=[{"starts_at": "2025-09-10T09:00:00", "ends_at": "2025-09-10T09:30:00"}])
    assert ok.status_code == 201
    overlap = client.post(f"{base}/slots", json=[{"starts_at": "2025-09-10T09:15:00",
                                                  "ends_at": "2025-09-10T09:45:00"}])
    assert overlap.status_code == 422 and "overlaps" in overlap.json()["detail"]
    zoned = client.post(f"{base}/slots", json=[{"starts_at": "2025-09-10T10:00:00",
                                                "ends_at": "2025-09-10T10:30:00+07:00"}])
    assert zoned.status_code == 422 and "time zone" in zoned.json()["detail"]
    unknown = client.post(f"{base}/participants", json={"name": "A", "organization_id": 999})
    assert unknown.status_code == 422 and "Unknown organization" in unknown.json()["detail"]


def test_hand_edited_labels_of_the_wrong_shape_are_422(client: TestClient) -> None:
    text = "The first session of the Vietnam - Laos Cooperation Committee took place in Vientiane, Laos."
    intake = client.post("/api/v1/intakes", files={"file": ("a.txt", text.encode(), "text/plain")}).json()
    for labels in ({"countries": ["VNM", "LAO"], "people": ["Alice"]},
                   {"organizations": [""]},
                   {"countries": ["VNM", "LAO"], "agreements": [{"status": "signed", "date": "03/03/2024"}]}):
        r = client.post(f"/api/v1/intakes/{intake['id']}/accept", json={"version": intake["version"],
                                                                         "labels": labels})
        assert r.status_code == 422, (labels, r.text)
    assert client.get("/api/v1/partnerships").json()["total"] == 0
