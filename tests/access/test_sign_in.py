"""Signing in over HTTP: cookies, CSRF, lockout, the per-address limit, tokens, password change, roles."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from tests.conftest import TEST_PASSWORD, make_user
from tests.web.helpers import post, seed

from sticoop.accounts.models import AuditEntry, LoginSession, User
from sticoop.accounts.service import MAX_FAILED_LOGINS
from sticoop.core.database import session_scope


def _sign_in(test_client: TestClient, username: str, password: str, next_path: str = "/") -> object:
    form = test_client.get("/login?next=" + next_path)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
    return test_client.post("/login", data={"username": username, "password": password, "next": next_path,
                                            "csrf_token": token})


def test_sign_in_sets_a_safe_cookie_and_sign_out_ends_the_session(anon_client: TestClient, db_url: str) -> None:
    make_user(db_url, "officer", "secretariat")
    assert anon_client.get("/partnerships").headers["location"] == "/login?next=%2Fpartnerships"
    response = _sign_in(anon_client, "Officer", TEST_PASSWORD, "/partnerships")
    assert response.status_code == 303 and response.headers["location"] == "/partnerships"
    cookie = response.headers["set-cookie"]
    assert "sticoop_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain HTTP here; over HTTPS it is Secure (next test)
    assert anon_client.get("/partnerships").status_code == 200
    page = anon_client.get("/").text
    token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    assert anon_client.post("/logout", data={"csrf_token": token}).status_code == 303
    assert anon_client.get("/partnerships").status_code == 303
    with session_scope(db_url) as db:
        assert db.scalar(select(func.count()).select_from(LoginSession)) == 0
    # an absolute URL in ?next= is never followed (no open redirect)
    assert _sign_in(anon_client, "officer", TEST_PASSWORD, "https://evil.example/").headers["location"] == "/"


def test_cookies_are_secure_over_https(db_url: str) -> None:
    from sticoop.server.app import create_app

    make_user(db_url, "officer", "viewer")
    with TestClient(create_app(db_url), base_url="https://sticoop.test", follow_redirects=False) as secure:
        assert "Secure" in _sign_in(secure, "officer", TEST_PASSWORD).headers["set-cookie"]


def test_forms_without_the_csrf_token_are_refused_and_write_nothing(client: TestClient) -> None:
    token = client.headers.pop("X-CSRF-Token")
    body = {"name": "Belgium–Vietnam", "country_codes": ["BEL", "VNM"], "status": "active"}
    refused = client.post("/partnerships/new", data=body)
    assert refused.status_code == 403 and "CSRF" in refused.text
    assert client.post("/partnerships/new", data={**body, "csrf_token": "forged"}).status_code == 403
    assert client.post("/api/v1/partnerships", json=body).status_code == 403  # cookie-authenticated API call
    assert client.get("/api/v1/partnerships").json()["total"] == 0
    accepted = client.post("/partnerships/new", data={**body, "csrf_token": token}, follow_redirects=False)
    assert accepted.status_code == 303
    # the sign-in form has its own: without its cookie, a forged sign-in is refused
    client.cookies.clear()
    assert client.post("/login", data={"username": "admin", "password": TEST_PASSWORD,
                                       "csrf_token": "x"}).status_code == 403


def test_lockout_survives_the_failed_requests_and_the_address_limit(anon_client: TestClient, db_url: str) -> None:
    make_user(db_url, "officer", "viewer")
    for _ in range(MAX_FAILED_LOGINS):
        failed = _sign_in(anon_client, "officer", "not the password")
        assert failed.status_code == 401 and "Wrong username or password" in failed.text
    locked = _sign_in(anon_client, "officer", TEST_PASSWORD)
    assert locked.status_code == 401 and "locked" in locked.text
    with session_scope(db_url) as db:
        assert db.scalar(select(User.locked_until).where(User.username == "officer")) is not None
    for i in range(20):
        _sign_in(anon_client, f"nobody{i}", "whatever password")
    limited = _sign_in(anon_client, "someone", "whatever password")
    assert limited.status_code == 429 and "Too many failed sign-ins" in limited.text


def test_tokens_work_for_the_api_until_revoked(client: TestClient, anon_client: TestClient) -> None:
    created = client.post("/api/v1/tokens", json={"name": "reporting script", "days": 30})
    assert created.status_code == 201
    secret = created.json()["token"]
    assert secret.startswith("stc_") and secret not in client.get("/api/v1/tokens").text
    bearer = {"Authorization": f"Bearer {secret}"}
    assert anon_client.get("/api/v1/partnerships", headers=bearer).status_code == 200
    # a token is not a cookie: no CSRF token needed
    made = anon_client.post("/api/v1/partnerships", headers=bearer,
                            json={"name": "Laos–Vietnam", "country_codes": ["LAO", "VNM"]})
    assert made.status_code == 201
    assert client.get(f"/api/v1/audit?entity_type=partnership&entity_id={made.json()['id']}").json()[0]["actor"] \
        == "admin"
    assert client.delete(f"/api/v1/tokens/{created.json()['id']}").status_code == 204
    revoked = anon_client.get("/api/v1/partnerships", headers=bearer)
    assert revoked.status_code == 401 and revoked.headers["www-authenticate"] == "Bearer"
    assert anon_client.get("/api/v1/partnerships", headers={"Authorization": "Bearer stc_made_up"}).status_code == 401


def test_password_change_ends_other_sessions(client_as: Callable[..., TestClient], db_url: str) -> None:
    me = client_as("viewer", username="officer")
    with session_scope(db_url) as db:
        user_id = db.scalar(select(User.id).where(User.username == "officer"))
    from tests.conftest import signed_in

    from sticoop.server.app import create_app

    with TestClient(create_app(db_url), follow_redirects=False) as other_browser:
        signed_in(other_browser, db_url, user_id)
        wrong = me.post("/account/password", data={"current_password": "nope", "new_password": "a new long password",
                                                   "confirm": "a new long password"})
        assert wrong.status_code == 422 and "current password" in wrong.text
        changed = me.post("/account/password", data={"current_password": TEST_PASSWORD,
                                                     "new_password": "a new long password",
                                                     "confirm": "a new long password"})
        assert changed.status_code == 303
        assert me.get("/account").status_code == 200
        assert other_browser.get("/account").status_code == 303  # signed out there


def test_members_change_their_organisations_commitments_only(client: TestClient,
                                                             client_as: Callable[..., TestClient]) -> None:
    data = seed(client)
    ours = data["commitment"]  # MOST is responsible for it
    theirs = post(client, "/commitments", {"partnership_id": data["partnership"]["id"], "text": "Exchange visits",
                                           "responsible_ids": [data["organization2"]["id"]]})
    member = client_as("member", partnership_ids=[data["partnership"]["id"]],
                       organization_id=data["organization"]["id"])
    version = client.get(f"/api/v1/commitments/{ours['id']}").json()["version"]
    assert member.patch(f"/api/v1/commitments/{ours['id']}", json={"status": "in_progress",
                                                                    "version": version}).status_code == 200
    refused = member.patch(f"/api/v1/commitments/{theirs['id']}", json={"status": "done", "version": 1})
    assert refused.status_code == 403 and "not one your organisation" in refused.json()["detail"]
    assert member.post("/api/v1/commitments", json={"partnership_id": data["partnership"]["id"],
                                                    "text": "New"}).status_code == 403
    assert member.post("/api/v1/progress-updates", json={"commitment_id": ours["id"], "date": "2024-01-10",
                                                         "note": "Second course held"}).status_code == 201
    assert member.post("/api/v1/progress-updates", json={"commitment_id": theirs["id"], "date": "2024-01-10",
                                                         "note": "x"}).status_code == 403
    assert member.post("/api/v1/working-groups", json={"partnership_id": data["partnership"]["id"],
                                                       "name": "x"}).status_code == 403
    viewer = client_as("viewer", partnership_ids=[data["partnership"]["id"]])
    assert viewer.patch(f"/api/v1/commitments/{ours['id']}", json={"version": 2}).status_code == 403
    # history is shown to readers, but only an admin restores; the audit API is admin-only
    assert viewer.get(f"/api/v1/audit?entity_type=commitment&entity_id={ours['id']}").status_code == 403
    entry = client.get(f"/api/v1/audit?entity_type=commitment&entity_id={ours['id']}").json()[-1]
    assert viewer.post(f"/api/v1/audit/{entry['id']}/restore").status_code == 403
    assert "Restore this version" not in viewer.get(f"/commitments/{ours['id']}").text
    assert "Restore this version" in client.get(f"/commitments/{ours['id']}").text
    assert client.get(f"/api/v1/audit?entity_type=commitment&entity_id={ours['id']}").json()[0]["actor"] == "member1"


def test_refused_changes_leave_no_audit_entry(client: TestClient, client_as: Callable[..., TestClient],
                                              db_url: str) -> None:
    data = seed(client)
    with session_scope(db_url) as db:
        before = db.scalar(select(func.count()).select_from(AuditEntry))
    viewer = client_as("viewer", partnership_ids=[data["partnership"]["id"]])
    viewer.post("/api/v1/commitments", json={"partnership_id": data["partnership"]["id"], "text": "x"})
    viewer.delete(f"/api/v1/commitments/{data['commitment']['id']}?version=1")
    with session_scope(db_url) as db:
        assert db.scalar(select(func.count()).select_from(AuditEntry)) == before


def test_readers_are_not_offered_buttons_they_cannot_use(client: TestClient,
                                                         client_as: Callable[..., TestClient]) -> None:
    data = seed(client)
    viewer = client_as("viewer", partnership_ids=[data["partnership"]["id"]])
    page = viewer.get(f"/partnerships/{data['partnership']['id']}").text
    assert "/edit" not in page and "/committees/new" not in page
    assert "Change status" not in viewer.get(f"/agreements/{data['agreement']['id']}").text
    assert "/admin/users" not in page and "/intakes" not in page  # sections the role cannot open
    assert "/partnerships/new" not in viewer.get("/partnerships").text
    admin_page = client.get(f"/partnerships/{data['partnership']['id']}").text
    assert f"/partnerships/{data['partnership']['id']}/edit" in admin_page and "/admin/users" in admin_page
    member = client_as("member", partnership_ids=[data["partnership"]["id"]],
                       organization_id=data["organization"]["id"])
    own = member.get(f"/commitments/{data['commitment']['id']}").text
    assert f"/commitments/{data['commitment']['id']}/edit" in own and "/progress-updates/new" in own


def test_admins_manage_users_from_the_pages(client: TestClient, db_url: str) -> None:
    data = seed(client)
    created = client.post("/admin/users/new", data={"username": "Lan", "role": "member", "is_active": "on",
                                                   "partnership_ids": [str(data["partnership"]["id"])],
                                                   "organization_id": str(data["organization"]["id"])})
    assert created.status_code == 201
    password = re.search(r'id="new-password">([^<]+)<', created.text).group(1)
    assert client.post("/admin/users/new", data={"username": "lan", "role": "member"}).status_code == 409
    with session_scope(db_url) as db:
        lan = db.scalar(select(User).where(User.username == "lan"))
        assert lan.role == "member" and lan.organization_id == data["organization"]["id"]
        assert [p.id for p in lan.partnerships] == [data["partnership"]["id"]]
        user_id = lan.id
    from sticoop.server.app import create_app

    with TestClient(create_app(db_url), follow_redirects=False) as browser:
        assert _sign_in(browser, "lan", password).status_code == 303
        # disabling the account signs it out at once
        assert client.post(f"/admin/users/{user_id}/edit", data={"role": "member"},
                           follow_redirects=False).status_code == 303
        assert browser.get("/").status_code == 303
    trail = client.get(f"/api/v1/audit?entity_type=user&entity_id={user_id}").json()
    assert [(e["action"], e["actor"]) for e in trail] == [("update", "admin"), ("create", "admin")]
    assert trail[0]["before"]["is_active"] and not trail[0]["after"]["is_active"]
    assert "password_hash" not in str(trail)
