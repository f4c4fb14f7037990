"""Changing a fair's plan under an existing schedule, through the API: reasons that name people, slots and
tables renamed or moved, and removals that either unschedule the meetings they held (named in the answer)
or are refused with 409 naming what depends on them."""

from __future__ import annotations

from fastapi.testclient import TestClient


def fair(client: TestClient) -> str:
    event = client.post("/api/v1/events", json={"kind": "tech_transfer_fair", "title": "Techmart",
                                                "start_date": "2025-09-10"}).json()["id"]
    return f"/api/v1/events/{event}/brokerage"


def accepted(client: TestClient, base: str, a: int, b: int) -> dict:
    m = client.post(f"{base}/meetings", json={"requester_id": a, "recipient_id": b}).json()
    r = client.post(f"/api/v1/brokerage/meetings/{m['id']}/response", json={"accept": True})
    assert r.status_code == 200, r.text
    return r.json()


def meeting(client: TestClient, base: str, meeting_id: int, participant: int) -> dict | None:
    return next((a for a in client.get(f"/api/v1/brokerage/participants/{participant}/agenda").json()
                 if a["meeting_id"] == meeting_id), None)


def test_unplaced_reasons_name_participants_and_slots(client: TestClient) -> None:
    base = fair(client)
    org = client.post("/api/v1/organizations", json={"name": "Vietnam Academy of Agriculture",
                                                     "country_code": "VNM"}).json()["id"]
    slots = client.post(f"{base}/slots", json=[
        {"starts_at": "2025-09-10T09:00:00", "ends_at": "2025-09-10T09:30:00"},
        {"starts_at": "2025-09-10T09:30:00", "ends_at": "2025-09-10T10:00:00"}]).json()
    client.post(f"{base}/tables", json={"names": ["T1"]})
    lab = client.post(f"{base}/participants", json={"name": "Agri Lab", "organization_id": org,
                                                    "availability": [slots[0]["id"]]}).json()["id"]
    solar = client.post(f"{base}/participants", json={"name": "Lao Solar",
                                                      "availability": [slots[1]["id"]]}).json()["id"]
    foods = client.post(f"{base}/participants", json={"name": "Mekong Foods"}).json()["id"]
    never = accepted(client, base, lab, solar)
    first = accepted(client, base, lab, foods)
    result = client.post(f"{base}/schedule").json()
    assert result["scheduled"] == 1
    (why,) = result["unplaced"]
    assert why["meeting_id"] == never["id"] and why["code"] == "no_common_slot"
    assert why["between"] == ["Agri Lab (Vietnam Academy of Agriculture)", "Lao Solar"]
    assert why["reason"] == "Agri Lab (Vietnam Academy of Agriculture) and Lao Solar have no available slot in common"
    assert str(lab) not in why["reason"]
    stored = client.get(f"/api/v1/brokerage/participants/{lab}/agenda").json()
    assert [a["meeting_id"] for a in stored] == [first["id"]]

    # two more who can only meet at 09:00, when Agri Lab is already busy: the reason names the slot and who
    busy = client.post(f"{base}/participants", json={"name": "Busy Bee",
                                                     "availability": [slots[0]["id"]]}).json()["id"]
    accepted(client, base, lab, busy)
    result = client.post(f"{base}/schedule").json()
    room = next(u for u in result["unplaced"] if u["code"] == "no_room")
    assert "10 Sep 09:00–09:30: Agri Lab (Vietnam Academy of Agriculture) already in a meeting" in room["reason"]


def test_rename_and_move_slots_tables_and_participants(client: TestClient) -> None:
    base = fair(client)
    (slot,) = client.post(f"{base}/slots", json=[{"starts_at": "2025-09-10T09:00:00",
                                                   "ends_at": "2025-09-10T09:30:00"}]).json()
    later = client.post(f"{base}/slots", json=[{"starts_at": "2025-09-10T10:00:00",
                                                 "ends_at": "2025-09-10T10:30:00"}]).json()[0]
    tables = client.post(f"{base}/tables", json={"names": ["T1", "T2"]}).json()
    a = client.post(f"{base}/participants", json={"name": "A"}).json()
    b = client.post(f"{base}/participants", json={"name": "B"}).json()
    m = accepted(client, base, a["id"], b["id"])
    client.post(f"{base}/schedule")

    moved = client.patch(f"{base}/slots/{slot['id']}", json={"starts_at": "2025-09-10T08:00:00",
                                                             "ends_at": "2025-09-10T08:45:00"})
    assert moved.status_code == 200 and moved.json()["starts_at"] == "2025-09-10T08:00:00"
    placed = meeting(client, base, m["id"], a["id"])
    assert placed is not None and placed["starts_at"] == "2025-09-10T08:00:00"  # the meeting follows its slot
    overlap = client.patch(f"{base}/slots/{slot['id']}", json={"starts_at": "2025-09-10T09:45:00",
                                                               "ends_at": "2025-09-10T10:15:00"})
    assert overlap.status_code == 422 and "overlaps" in overlap.json()["detail"]
    assert client.patch(f"{base}/slots/999999", json={"starts_at": "2025-09-10T11:00:00",
                                                      "ends_at": "2025-09-10T11:30:00"}).status_code == 404

    renamed = client.patch(f"{base}/tables/{tables[0]['id']}", json={"name": "Mekong room"})
    assert renamed.status_code == 200 and renamed.json()["name"] == "Mekong room"
    assert meeting(client, base, m["id"], a["id"])["table"] in {"Mekong room", "T2"}
    clash = client.patch(f"{base}/tables/{tables[1]['id']}", json={"name": "Mekong room"})
    assert clash.status_code == 409 and "already has a table" in clash.json()["detail"]
    assert client.patch(f"{base}/tables/{tables[1]['id']}", json={"name": ""}).status_code == 422

    changed = client.patch(f"{base}/participants/{a['id']}", json={"version": a["version"], "name": "A-Tech"})
    assert changed.status_code == 200 and changed.json()["name"] == "A-Tech" and changed.json()["unscheduled"] == []
    stale = client.patch(f"{base}/participants/{a['id']}", json={"version": a["version"], "name": "Again"})
    assert stale.status_code == 409
    taken = client.patch(f"{base}/participants/{a['id']}", json={"version": changed.json()["version"],
                                                                 "name": "B"})
    assert taken.status_code == 409 and "already takes part" in taken.json()["detail"]
    # narrowing A's availability to the later slot takes the 08:00 meeting out of the schedule, explicitly
    narrowed = client.patch(f"{base}/participants/{a['id']}", json={"version": changed.json()["version"],
                                                                    "availability": [later["id"]]})
    assert narrowed.status_code == 200, narrowed.text
    assert narrowed.json()["unscheduled"] == [{"meeting_id": m["id"], "between": "A-Tech ↔ B"}]
    assert meeting(client, base, m["id"], a["id"]) is None
    assert client.patch(f"{base}/participants/{a['id']}", json={"version": narrowed.json()["version"],
                                                                "availability": [999999]}).status_code == 422


def test_removing_a_slot_or_table_unschedules_its_meetings_and_keeps_history(client: TestClient) -> None:
    base = fair(client)
    slots = client.post(f"{base}/slots", json=[
        {"starts_at": "2025-09-10T09:00:00", "ends_at": "2025-09-10T09:30:00"},
        {"starts_at": "2025-09-10T09:30:00", "ends_at": "2025-09-10T10:00:00"}]).json()
    tables = client.post(f"{base}/tables", json={"names": ["T1", "T2"]}).json()
    a, b, c, d = (client.post(f"{base}/participants", json={"name": n}).json() for n in ("A", "B", "C", "D"))
    only = client.post(f"{base}/participants", json={"name": "Only nine", "availability": [slots[0]["id"]]}).json()
    ab, cd = accepted(client, base, a["id"], b["id"]), accepted(client, base, c["id"], d["id"])
    assert client.post(f"{base}/schedule").json()["scheduled"] == 2

    refused = client.delete(f"{base}/slots/{slots[0]['id']}")
    assert refused.status_code == 409 and "only slot Only nine can attend" in refused.json()["detail"]
    client.delete(f"{base}/participants/{only['id']}", params={"version": only["version"]})

    where = {m: meeting(client, base, m, p) for m, p in ((ab["id"], a["id"]), (cd["id"], c["id"]))}
    first_slot = {mid for mid, w in where.items() if w["starts_at"] == "2025-09-10T09:00:00"}
    gone = client.delete(f"{base}/slots/{slots[0]['id']}")
    assert gone.status_code == 200, gone.text
    assert {u["meeting_id"] for u in gone.json()["unscheduled"]} == first_slot
    assert all(" ↔ " in u["between"] for u in gone.json()["unscheduled"])
    result = client.post(f"{base}/schedule").json()  # one slot left, two tables: both placed again
    assert result["scheduled"] == 2 and result["unplaced"] == []

    # a meeting that took place (outcome recorded) pins its table: removal refused, naming it
    client.post(f"/api/v1/brokerage/meetings/{ab['id']}/outcome", json={"outcome": "mou_signed"})
    table_of_ab = meeting(client, base, ab["id"], a["id"])["table"]
    held = next(t for t in tables if t["name"] == table_of_ab)
    refused = client.delete(f"{base}/tables/{held['id']}")
    assert refused.status_code == 409 and "A ↔ B (mou signed)" in refused.json()["detail"]
    other = next(t for t in tables if t["id"] != held["id"])
    freed = client.delete(f"{base}/tables/{other['id']}")
    assert freed.status_code == 200 and [u["meeting_id"] for u in freed.json()["unscheduled"]] == [cd["id"]]
    lost = client.get(f"/api/v1/brokerage/participants/{c['id']}/agenda").json()
    assert lost == []
    again = client.post(f"{base}/schedule").json()
    assert again["scheduled"] == 1 and again["unplaced"][0]["meeting_id"] == cd["id"]
    assert client.delete(f"{base}/tables/999999").status_code == 404


def test_removing_a_participant_with_accepted_meetings_needs_cancel(client: TestClient) -> None:
    base = fair(client)
    client.post(f"{base}/slots", json=[{"starts_at": "2025-09-10T09:00:00", "ends_at": "2025-09-10T09:30:00"}])
    client.post(f"{base}/tables", json={"names": ["T1"]})
    a, b, c = (client.post(f"{base}/participants", json={"name": n}).json() for n in ("Agri Lab", "Lao Solar",
                                                                                      "Mekong Foods"))
    ab = accepted(client, base, a["id"], b["id"])
    pending = client.post(f"{base}/meetings", json={"requester_id": c["id"], "recipient_id": a["id"]}).json()
    client.post(f"{base}/schedule")

    assert client.delete(f"{base}/participants/{a['id']}").status_code == 422  # version required
    refused = client.delete(f"{base}/participants/{a['id']}", params={"version": a["version"]})
    assert refused.status_code == 409
    assert "Agri Lab has 1 accepted meeting(s): Agri Lab ↔ Lao Solar (scheduled)" in refused.json()["detail"]
    assert client.get(f"/api/v1/brokerage/participants/{a['id']}/agenda").status_code == 200

    # a participant with only a pending request goes, and the request with them
    gone = client.delete(f"{base}/participants/{c['id']}", params={"version": c["version"]})
    assert gone.status_code == 200 and gone.json()["cancelled"] == []
    assert client.post(f"/api/v1/brokerage/meetings/{pending['id']}/response",
                       json={"accept": True}).status_code == 404

    cancelled = client.delete(f"{base}/participants/{a['id']}",
                              params={"version": a["version"], "cancel_meetings": "true"})
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["cancelled"] == [{"meeting_id": ab["id"], "between": "Agri Lab ↔ Lao Solar"}]
    assert client.get(f"/api/v1/brokerage/participants/{b['id']}/agenda").json() == []
    assert client.get(f"/api/v1/brokerage/participants/{a['id']}/agenda").status_code == 404
    totals = client.get(f"{base}/outcomes").json()
    assert totals["counts"] == {}


def test_a_participant_whose_meeting_has_an_outcome_stays(client: TestClient) -> None:
    base = fair(client)
    client.post(f"{base}/slots", json=[{"starts_at": "2025-09-10T09:00:00", "ends_at": "2025-09-10T09:30:00"}])
    client.post(f"{base}/tables", json={"names": ["T1"]})
    a, b = (client.post(f"{base}/participants", json={"name": n}).json() for n in ("A", "B"))
    ab = accepted(client, base, a["id"], b["id"])
    client.post(f"{base}/schedule")
    client.post(f"/api/v1/brokerage/meetings/{ab['id']}/outcome",
                json={"outcome": "contract_signed", "contract_value": "1000", "currency": "EUR"})
    refused = client.delete(f"{base}/participants/{a['id']}", params={"version": a["version"],
                                                                      "cancel_meetings": "true"})
    assert refused.status_code == 409 and "A ↔ B (contract signed)" in refused.json()["detail"]
    assert client.get(f"{base}/outcomes").json()["counts"]["contract_signed"] == 1
