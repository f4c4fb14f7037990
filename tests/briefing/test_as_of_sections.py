"""``?as_of=`` replays EVERY section of a pack from the audit log, for every way a record can differ from that
day: changed since, deleted since, created after, unchanged — as a viewer and as the secretariat, with the
record public or confidential (a confidential record never reaches a viewer, whether it exists now or only in
the log).

Each case makes a record through the API, dates its audit entries (the log is stamped by the wall clock; the
test says when each entry happened), changes or deletes it after the first day, and reads the packs of a day
before the change (BEFORE) and a day after it (AFTER), both before the pinned today."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from tests.briefing.helpers import TYPED_IN, backdate_log
from tests.web.helpers import post, seed

from sticoop.accounts.models import AuditEntry
from sticoop.core.database import session_scope

CREATED = datetime(2026, 5, 2, 9, 0, tzinfo=UTC)
CHANGED = datetime(2026, 6, 10, 9, 0, tzinfo=UTC)
BEFORE, AFTER = "2026-06-01", "2026-06-12"  # both before the pinned today (2026-06-15): both replayed
STATES = ("unchanged", "changed since", "deleted since", "created after")
ROLES = ("viewer", "secretariat")


@dataclass(frozen=True)
class Section:
    """A section of the pack: the API path of its records, how a record of it is made (also the records it
    needs around it), the change made after the day, and the value the pack shows for the record (None:
    not shown)."""

    path: str
    audit: str
    make: Callable[[TestClient, dict[str, Any], bool], dict[str, Any]]
    change: dict[str, Any]
    read: Callable[[dict[str, Any], dict[str, Any], dict[str, Any]], Any]  # (pack, record, world) -> value
    old: Any
    new: Any
    secret: bool = True  # the record kind can be confidential
    markers: tuple[str, ...] = ()  # texts of the record no viewer's pack may hold when it is confidential

    def texts(self) -> tuple[str, ...]:
        """What must not leak: the markers, else the old and new values when they are texts."""
        return self.markers or tuple(v for v in (self.old, self.new) if isinstance(v, str))


def _one(rows: list[dict[str, Any]], record: dict[str, Any], value: Callable[[dict[str, Any]], Any]) -> Any:
    found = [value(row) for row in rows if row["id"] == record["id"]]
    return found[0] if found else None


def _session(c: TestClient, w: dict[str, Any], secret: bool) -> dict[str, Any]:
    return post(c, "/sessions", {"committee_id": w["committee"]["id"], "number": 20, "start_date": "2026-05-20",
                                 "city": "Vientiane", "conclusions": "Agreed to open a lab", "confidential": secret})


def _last_session(pack: dict[str, Any], record: dict[str, Any], _world: dict[str, Any]) -> Any:
    last = pack["last_session"]
    return last["conclusions"] if last and last["id"] == record["id"] else None


def _project(c: TestClient, w: dict[str, Any], secret: bool) -> dict[str, Any]:
    return post(c, "/projects", {"title": "Flood sensors", "partnership_id": w["partnership"]["id"],
                                 "status": "approved", "budget": "1000", "currency": "EUR",
                                 "start_date": "2026-01-01", "confidential": secret})


def _person(c: TestClient, w: dict[str, Any], _secret: bool) -> dict[str, Any]:
    return post(c, "/people", {"name": "Lê Văn Bình", "positions": [
        {"title": "Deputy director", "organization_id": w["organization2"]["id"], "start_date": "2020-01-01"}]})


def _visit(c: TestClient, w: dict[str, Any], secret: bool) -> dict[str, Any]:
    return post(c, "/visits", {"partnership_id": w["partnership"]["id"], "from_country_code": "VNM",
                               "to_country_code": "BEL", "start_date": "2026-05-05", "purpose": "Scout labs",
                               "confidential": secret})


def _event(c: TestClient, w: dict[str, Any], secret: bool) -> dict[str, Any]:
    return post(c, "/events", {"kind": "training_course", "title": "Summer school on AI", "confidential": secret,
                               "partnership_id": w["partnership"]["id"], "start_date": "2026-09-10"})


def _organization(c: TestClient, w: dict[str, Any], _secret: bool) -> dict[str, Any]:
    """An organisation a person to meet works at (the pack names it as it was named on the day)."""
    org = post(c, "/organizations", {"name": "Hanoi Institute of Physics", "country_code": "VNM"})
    w["worker"] = post(c, "/people", {"name": "Phạm Thu Hà", "positions": [
        {"title": "Researcher", "organization_id": org["id"], "start_date": "2020-01-01"},
        {"title": "Adviser", "organization_id": w["organization2"]["id"], "start_date": "2019-01-01"}]})
    return org


def _worker_org(pack: dict[str, Any], _record: dict[str, Any], world: dict[str, Any]) -> Any:
    """The organisation named for the person who works there (as a researcher) in the people to meet."""
    return _one(pack["people"], world["worker"],
                lambda p: p["organization"] if p["position"] == "Researcher" else None)


def _commitment(c: TestClient, w: dict[str, Any], secret: bool) -> dict[str, Any]:
    return post(c, "/commitments", {"partnership_id": w["partnership"]["id"], "text": "Train 4 hydrologists",
                                     "status": "planned", "due_date": "2026-12-31", "confidential": secret})


def _agreement(c: TestClient, w: dict[str, Any], secret: bool) -> dict[str, Any]:
    return post(c, "/agreements", {"title": "MoU on flood data", "partnership_id": w["partnership"]["id"],
                                   "status": "negotiating", "country_codes": ["BEL", "VNM"], "confidential": secret})


SECTIONS: dict[str, Section] = {
    "last session": Section("sessions", "session", _session, {"conclusions": "Agreed to close the lab"},
                            _last_session, "Agreed to open a lab", "Agreed to close the lab"),
    "projects": Section("projects", "project", _project, {"status": "running", "budget": "2500"},
                        lambda pack, r, _w: _one(pack["projects"], r, lambda p: (p["status"], Decimal(p["budget"]))),
                        ("approved", Decimal(1000)), ("running", Decimal(2500)), markers=("Flood sensors",)),
    "people (position)": Section("people", "person", _person, {"positions": [
        {"title": "Minister", "organization_id": None, "start_date": "2020-01-01"}]},
        lambda pack, r, _w: _one(pack["people"], r, lambda p: p["position"]), "Deputy director", "Minister",
        secret=False),
    "previous visits": Section("visits", "visit", _visit, {"purpose": "Sign the MoU"},
                               lambda pack, r, _w: _one(pack["previous_visits"], r, lambda v: v["purpose"]),
                               "Scout labs", "Sign the MoU"),
    "upcoming events": Section("events", "event", _event, {"title": "Winter school on AI"},
                               lambda pack, r, _w: _one([u for u in pack["upcoming"] if u["kind"] == "event"], r,
                                                    lambda u: u["title"]),
                               "Summer school on AI", "Winter school on AI"),
    "organisation names": Section("organizations", "organization", _organization,
                                  {"name": "Institute of Physics, Hanoi"}, _worker_org,
                                  "Hanoi Institute of Physics", "Institute of Physics, Hanoi", secret=False),
    "open commitments": Section("commitments", "commitment", _commitment, {"text": "Train 6 hydrologists"},
                                lambda pack, r, _w: _one(pack["open_commitments"], r, lambda x: x["text"]),
                                "Train 4 hydrologists", "Train 6 hydrologists"),
    "agreements": Section("agreements", "agreement", _agreement, {"status": "signed", "signed_date": "2026-06-09"},
                          lambda pack, r, _w: _one(pack["agreements"], r, lambda a: a["status"]),
                          "negotiating", "signed", markers=("MoU on flood data",)),
}
CASES = [(name, state, secret) for name, section in SECTIONS.items() for state in STATES
         for secret in ((False, True) if section.secret else (False,))]


def _date_log(db_url: str, kind: str, record_id: int, created: datetime) -> None:
    """The record's creation on ``created``, every later entry on CHANGED."""
    with session_scope(db_url) as db:
        where = (AuditEntry.entity_type == kind, AuditEntry.entity_id == record_id)
        db.execute(update(AuditEntry).where(*where).values(at=CHANGED))
        db.execute(update(AuditEntry).where(*where, AuditEntry.action == "create").values(at=created))


def _expected(section: Section, state: str, day: str) -> Any:
    if state == "created after":
        return None if day == BEFORE else section.old
    if day == BEFORE or state == "unchanged":
        return section.old
    return None if state == "deleted since" else section.new


@pytest.mark.parametrize(("name", "state", "secret"), CASES,
                         ids=[f"{n}-{s}-{'confidential' if c else 'public'}" for n, s, c in CASES])
def test_every_section_reads_as_it_stood_on_the_day(name: str, state: str, secret: bool, client: TestClient,
                                                    client_as: Callable[..., TestClient], db_url: str) -> None:
    section = SECTIONS[name]
    world = seed(client) | {"db_url": db_url}
    pid = world["partnership"]["id"]
    trip = post(client, "/visits", {"partnership_id": pid, "from_country_code": "BEL", "to_country_code": "VNM",
                                    "start_date": "2026-07-01", "purpose": "Prepare the 9th session",
                                    "organization_met_ids": [world["organization2"]["id"]]})
    record = section.make(client, world, secret)
    backdate_log(db_url)  # the world and the record's neighbours were typed in long before
    if state == "changed since":
        response = client.patch(f"/api/v1/{section.path}/{record['id']}",
                                json={"version": record["version"], **_change(section, world)})
        assert response.status_code == 200, response.text
    elif state == "deleted since":
        if section.audit == "organization":  # in use: its worker moves away first (after the day too)
            _leave(client, world)
        response = client.delete(f"/api/v1/{section.path}/{record['id']}", params={"version": record["version"]})
        assert response.status_code == 204, response.text
    _date_log(db_url, section.audit, record["id"], CHANGED if state == "created after" else CREATED)
    url = f"/api/v1/partnerships/{pid}/briefing"
    for role in ROLES:
        reader = client_as(role, partnership_ids=[pid])
        for day in (BEFORE, AFTER):
            response = reader.get(url, params={"as_of": day, "visit_id": trip["id"]})
            assert response.status_code == 200, response.text
            pack = response.json()
            hidden = secret and role == "viewer"
            expected = None if hidden else _expected(section, state, day)
            assert section.read(pack, record, world) == expected, (role, day)
            if hidden:  # nor anywhere else in the pack
                assert all(text not in response.text for text in section.texts())


def _leave(client: TestClient, world: dict[str, Any]) -> None:
    worker = world["worker"]
    kept = [p for p in client.get(f"/api/v1/people/{worker['id']}").json()["positions"] if p["title"] == "Adviser"]
    response = client.patch(f"/api/v1/people/{worker['id']}", json={
        "version": worker["version"], "positions": [{k: p[k] for k in ("title", "organization_id", "start_date")}
                                                    for p in kept]})
    assert response.status_code == 200, response.text
    _date_log(world["db_url"], "person", worker["id"], TYPED_IN)


def _change(section: Section, world: dict[str, Any]) -> dict[str, Any]:
    if section.audit == "person":  # a new position at the same organisation
        return {"positions": [{**p, "organization_id": world["organization2"]["id"]}
                              for p in section.change["positions"]]}
    return section.change
