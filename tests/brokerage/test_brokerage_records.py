"""Brokerage records go through the generic record service: every table has a RecordService, is scoped through
its event, has its version checked in one place (``RecordService.check_version``) and is audited; stored
unplaced reasons carry a code the page translates (walked over every code, in French and Vietnamese)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.brokerage.test_brokerage_api import make_fair

import sticoop.matchmaking.brokerage as brokerage
from sticoop.accounts.scoping import through_parent
from sticoop.activities.models import Event
from sticoop.core.crud import RecordService
from sticoop.core.i18n import translations
from sticoop.core.models import Base
from sticoop.matchmaking.brokerage import pages, service
from sticoop.matchmaking.engine import scheduling

MODELS = sorted((m.class_ for m in Base.registry.mappers
                 if m.class_.__module__ == "sticoop.matchmaking.brokerage.models"), key=lambda c: c.__name__)
SERVICES = {s.model: s for s in vars(service).values() if isinstance(s, RecordService)}


def test_the_walk_finds_the_four_tables() -> None:
    assert {m.__tablename__ for m in MODELS} == {"brokerage_participants", "brokerage_slots", "brokerage_tables",
                                                 "meeting_requests"}


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_table_has_a_record_service_and_is_scoped_through_its_event(model: type) -> None:
    assert model in SERVICES and SERVICES[model].label
    assert (model, "event_id", Event) in through_parent()


def test_the_version_check_exists_once() -> None:
    """No brokerage module compares versions itself: RecordService.check_version does."""
    for path in Path(brokerage.__file__).parent.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "changed by someone else" not in text and ".version !=" not in text, path.name


def test_participant_changes_are_versioned_and_audited(client: TestClient) -> None:
    base = f"/api/v1/events/{make_fair(client)}/brokerage"
    made = client.post(f"{base}/participants", json={"name": "Agri Lab"}).json()
    url = f"{base}/participants/{made['id']}"
    changed = client.patch(url, json={"version": made["version"], "name": "Agri Lab VN"})
    assert changed.status_code == 200 and changed.json()["version"] == made["version"] + 1
    stale = client.patch(url, json={"version": made["version"], "name": "Late"})
    assert stale.status_code == 409 and stale.json()["details"] == {"current_version": made["version"] + 1}
    assert "Participant" in stale.json()["detail"] and "changed by someone else" in stale.json()["detail"]
    unversioned = client.delete(url)
    assert unversioned.status_code == 422 and "'version' is required" in unversioned.json()["detail"]
    assert client.delete(url, params={"version": made["version"] + 1}).status_code == 200
    trail = client.get("/api/v1/audit", params={"entity_type": "brokerage_participants", "entity_id": made["id"]})
    assert trail.status_code == 200
    assert sorted(e["action"] for e in trail.json()) == ["create", "delete", "update"]


@pytest.mark.parametrize("locale", ["fr", "vi"])
@pytest.mark.parametrize("code", service.REASON_CODES)
def test_every_unplaced_reason_code_is_translated(code: str, locale: str) -> None:
    stored = service.stored_reason(code, "Agri Lab and Lao Solar have no available slot in common")
    assert service.read_reason(stored) == (code, "Agri Lab and Lao Solar have no available slot in common")
    message = pages.UNPLACED_MESSAGES[code]
    assert translations(locale).gettext(message) != message
    fmt = type("Fmt", (), {"_": staticmethod(translations(locale).gettext)})()
    summary, detail = pages.unplaced_summary(fmt, stored, "Agri Lab", "Lao Solar")  # type: ignore[arg-type]
    assert summary and "%(" not in summary and detail.startswith("Agri Lab and Lao Solar")


def test_every_scheduler_code_is_a_stored_reason_code() -> None:
    codes = {value for name, value in vars(scheduling).items() if name.startswith("NO_") and isinstance(value, str)}
    assert codes and codes <= set(service.REASON_CODES)
    assert service.read_reason("a reason stored without a code") == (None, "a reason stored without a code")
    assert len(service.stored_reason("no_room", "x" * 400)) == service.REASON_LENGTH
