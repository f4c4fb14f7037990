from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.accounts import service as accounts
from sticoop.accounts.models import AuditEntry
from sticoop.core.database import new_session
from sticoop.core.errors import Conflict, ValidationFailed
from sticoop.core.models import utcnow


def test_passwords_are_argon2_and_lockout_after_failures(db: Session) -> None:
    user = accounts.create_user(db, "Officer", "correct horse battery", "secretariat")
    db.commit()
    assert user.username == "officer" and user.password_hash.startswith("$argon2")
    assert accounts.authenticate(db, "officer", "correct horse battery").id == user.id
    db.commit()
    for _ in range(accounts.MAX_FAILED_LOGINS):
        with pytest.raises(accounts.LoginFailed, match="Wrong username or password"):
            accounts.authenticate(db, "officer", "wrong password!")
        db.commit()  # what the sign-in page does: it answers with a page and commits the failure
    with pytest.raises(accounts.LoginFailed, match="Too many failed attempts"):
        accounts.authenticate(db, "officer", "correct horse battery")
    later = utcnow() + accounts.LOCKOUT + timedelta(seconds=1)
    assert accounts.authenticate(db, "officer", "correct horse battery", now=later).id == user.id
    with pytest.raises(Conflict):
        accounts.create_user(db, "officer", "another long password")
    with pytest.raises(ValidationFailed, match="at least"):
        accounts.create_user(db, "short", "abc")
    with pytest.raises(ValidationFailed, match="Unknown role"):
        accounts.create_user(db, "x", "long enough password", role="god")


def test_tokens_are_hashed_shown_once_revocable_and_expire(db: Session) -> None:
    user = accounts.create_user(db, "api", "long enough password", "viewer")
    token, secret = accounts.create_token(db, user, "laptop", days=30)
    assert secret.startswith("stc_") and secret not in token.token_hash
    assert accounts.user_for_token(db, secret).id == user.id
    with pytest.raises(accounts.LoginFailed, match="expired"):
        accounts.user_for_token(db, secret, now=utcnow() + timedelta(days=31))
    accounts.revoke_token(db, token.id)
    with pytest.raises(accounts.LoginFailed, match="revoked"):
        accounts.user_for_token(db, secret)
    _t2, secret2 = accounts.create_token(db, user, "ci")
    accounts.disable_user(db, user)
    with pytest.raises(accounts.LoginFailed):
        accounts.user_for_token(db, secret2)


def _audit(db_url: str) -> list[AuditEntry]:
    with new_session(db_url) as db:
        return list(db.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_every_change_is_audited_in_its_transaction(client: TestClient, db_url: str) -> None:
    p = client.post("/api/v1/partnerships", json={"name": "Vietnam–Laos", "country_codes": ["VNM", "LAO"]}).json()
    client.patch(f"/api/v1/partnerships/{p['id']}", json={"version": 1, "name": "Việt Nam–Lào",
                                                          "country_codes": ["VNM", "LAO", "KHM"]})
    a = client.post("/api/v1/agreements", json={"title": "Action plan", "kind": "action_plan"}).json()
    client.post(f"/api/v1/agreements/{a['id']}/transitions", json={"version": a["version"], "to_status": "signed"})
    client.delete(f"/api/v1/partnerships/{p['id']}", params={"version": 2})
    entries = [(e.action, e.entity_type) for e in _audit(db_url)]
    assert entries == [("create", "partnership"), ("update", "partnership"), ("create", "agreement"),
                       ("status", "agreement"), ("delete", "partnership")]
    update = _audit(db_url)[1]
    assert update.before["name"] == "Vietnam–Laos" and update.after["name"] == "Việt Nam–Lào"
    assert update.before["countries"] == ["LAO", "VNM"] and update.after["countries"] == ["KHM", "LAO", "VNM"]


def test_failed_changes_leave_no_audit_entry(client: TestClient, db_url: str) -> None:
    p = client.post("/api/v1/partnerships", json={"name": "A", "country_codes": ["VNM", "LAO"]}).json()
    before = len(_audit(db_url))
    assert client.patch(f"/api/v1/partnerships/{p['id']}", json={"version": 9, "name": "B"}).status_code == 409
    assert client.post("/api/v1/partnerships", json={"name": "B", "country_codes": ["VNM", "XXX"]}).status_code == 422
    c = client.post("/api/v1/committees", json={"partnership_id": p["id"], "name": "JC"}).json()
    client.post("/api/v1/sessions", json={"committee_id": c["id"], "number": 1})
    assert client.post("/api/v1/sessions", json={"committee_id": c["id"], "number": 1}).status_code == 409
    assert len(_audit(db_url)) == before + 2  # the committee and the first session only


def test_restore_a_previous_version_and_a_deleted_record(client: TestClient, db_url: str) -> None:
    p = client.post("/api/v1/partnerships", json={"name": "Vietnam–Laos", "country_codes": ["VNM", "LAO"]}).json()
    client.patch(f"/api/v1/partnerships/{p['id']}", json={"version": 1, "name": "Renamed",
                                                          "country_codes": ["VNM", "KHM"]})
    entries = client.get("/api/v1/audit", params={"entity_type": "partnership", "entity_id": p["id"]}).json()
    created = next(e for e in entries if e["action"] == "create")
    restored = client.post(f"/api/v1/audit/{created['id']}/restore")
    assert restored.status_code == 200, restored.text
    now = client.get(f"/api/v1/partnerships/{p['id']}").json()
    assert now["name"] == "Vietnam–Laos" and now["country_codes"] == ["LAO", "VNM"] and now["version"] == 3
    assert [e.action for e in _audit(db_url)][-1] == "update"  # the restore is audited too

    assert client.delete(f"/api/v1/partnerships/{p['id']}", params={"version": 3}).status_code == 204
    deletion = client.get("/api/v1/audit", params={"entity_type": "partnership", "entity_id": p["id"]}).json()[0]
    assert deletion["action"] == "delete"
    assert client.post(f"/api/v1/audit/{deletion['id']}/restore").status_code == 200
    assert client.get(f"/api/v1/partnerships/{p['id']}").json()["name"] == "Vietnam–Laos"
    assert client.post("/api/v1/audit/999999/restore").status_code == 404


def test_restore_brings_back_child_lists_and_logs_a_status_change(client: TestClient) -> None:
    person = client.post("/api/v1/people", json={"name": "Nguyễn Văn An", "country_code": "VNM"}).json()
    p = client.post("/api/v1/partnerships", json={"name": "Belgium–Vietnam", "country_codes": ["BEL", "VNM"]}).json()
    c = client.post("/api/v1/committees", json={"partnership_id": p["id"], "name": "Joint Committee"}).json()
    s = client.post("/api/v1/sessions", json={
        "committee_id": c["id"], "number": 6, "start_date": "2023-07-26",
        "delegates": [{"person_id": person["id"], "country_code": "VNM", "is_head": True}],
        "agenda_items": [{"title": "Review of the 5th session"}, {"title": "New commitments"}]}).json()
    changed = client.patch(f"/api/v1/sessions/{s['id']}", json={"version": s["version"], "delegates": [],
                                                                 "agenda_items": [{"title": "Only this"}]})
    assert changed.status_code == 200, changed.text
    history = client.get(f"/api/v1/audit?entity_type=session&entity_id={s['id']}").json()
    assert [d["person_id"] for d in history[0]["before"]["delegates"]] == [person["id"]]
    assert history[0]["after"]["delegates"] == []
    assert client.post(f"/api/v1/audit/{history[-1]['id']}/restore").status_code == 200
    back = client.get(f"/api/v1/sessions/{s['id']}").json()
    assert [d["person_id"] for d in back["delegates"]] == [person["id"]] and back["delegates"][0]["is_head"]
    assert [a["title"] for a in back["agenda_items"]] == ["Review of the 5th session", "New commitments"]

    a = client.post("/api/v1/agreements", json={"title": "MoU on remote sensing", "kind": "mou",
                                                "status": "negotiating"}).json()
    signed = client.post(f"/api/v1/agreements/{a['id']}/transitions",
                         json={"to_status": "signed", "version": a["version"], "date": "2024-05-28"})
    assert signed.status_code == 200, signed.text
    entries = client.get(f"/api/v1/audit?entity_type=agreement&entity_id={a['id']}").json()
    assert client.post(f"/api/v1/audit/{entries[-1]['id']}/restore").status_code == 200
    after = client.get(f"/api/v1/agreements/{a['id']}").json()
    assert after["status"] == "negotiating"
    assert [h["to_status"] for h in after["history"]] == ["negotiating", "signed", "negotiating"]
