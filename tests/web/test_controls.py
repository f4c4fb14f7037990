"""Every page shows a control only to those the server would let use it.

Walks every list and record page of demo-like data (tests/web/helpers.py, plus a brokerage fair and a
technology profile) as a viewer, a member and an administrator, collects every control on the page (forms
that post, hx-post/hx-patch/hx-delete/hx-put, links to /new or /edit) and asks the app's own route table
(server/routes.py, accounts/access.py) whether the user may use it: a viewer sees none they would be refused;
an administrator sees them. Each control the table says a viewer is refused is then tried as the viewer
against the real server, which must answer 403, so the table and the server cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from fastapi.testclient import TestClient
from tests.web.helpers import seed

from sticoop.core.access import SAFE_METHODS
from sticoop.core.principal import Principal, Role
from sticoop.core.registry import record_url
from sticoop.web.labels import NAVIGATION
from sticoop.web.permissions import rule_for

Control = tuple[str, str]  # (method, path with query)


class Controls(HTMLParser):
    """Every control of a page that can change something, as (METHOD, url)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: set[Control] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method", "get").lower() == "post":
            self.found.add(("POST", a.get("action", "")))
        for verb in ("post", "patch", "delete", "put"):
            if f"hx-{verb}" in a:
                self.found.add((verb.upper(), a[f"hx-{verb}"]))
        if tag == "a" and urlsplit(a.get("href", "")).path.endswith(("/new", "/edit")):
            self.found.add(("GET", a["href"]))


def controls(html: str) -> set[Control]:
    parser = Controls()
    parser.feed(html)
    return {(method, url) for method, url in parser.found if url.startswith("/")}


def writes(found: set[Control]) -> set[Control]:
    """The controls that change something (forms, hx- verbs, /new and /edit pages)."""
    return {c for c in found if c[0] not in SAFE_METHODS or urlsplit(c[1]).path.endswith(("/new", "/edit"))}


def refused(app: Any, principal: Principal, control: Control) -> bool:
    """Refused by the route rule the server applies (no route at all counts as refused)."""
    rule = rule_for(app, *control)
    return rule is None or not rule.allows(principal)


def make_fair(client: TestClient) -> dict[str, int]:
    profile = client.post("/api/v1/profiles", json={"kind": "technology_offer", "status": "published",
                                                     "language": "en", "title": "Solar dryer",
                                                     "summary": "Solar dryer for cassava."}).json()
    event = client.post("/api/v1/events", json={"kind": "tech_transfer_fair", "title": "Techmart",
                                                 "start_date": "2025-09-10"}).json()["id"]
    base = f"/events/{event}/brokerage"
    for path, data in ((f"{base}/slots", {"date": "2025-09-10", "start": "09:00", "minutes": "30", "count": "2"}),
                       (f"{base}/tables", {"count": "2"})):
        assert client.post(path, data=data, follow_redirects=False).status_code == 303
    api = f"/api/v1/events/{event}/brokerage"
    people = [client.post(f"{api}/participants", json=body).json()
              for body in ({"name": "Agri Lab", "profile_ids": [profile["id"]]}, {"name": "Mekong Foods"})]
    meeting = client.post(f"{api}/meetings", json={"requester_id": people[0]["id"],
                                                   "recipient_id": people[1]["id"]})
    assert meeting.status_code == 201, meeting.text
    pending = client.post(f"{api}/participants", json={"name": "Lao Solar"}).json()
    asked = client.post(f"{api}/meetings", json={"requester_id": pending["id"], "recipient_id": people[0]["id"]})
    assert asked.status_code == 201, asked.text  # left unanswered: accept/decline buttons
    accepted = client.post(f"/brokerage/meetings/{meeting.json()['id']}/response", data={"accept": "1"},
                           follow_redirects=False)
    assert accepted.status_code == 303, accepted.text
    assert client.post(f"{base}/schedule", follow_redirects=False).status_code == 303
    return {"event": event, "profile": profile["id"], "participant": people[0]["id"]}


def pages_of(records: dict[str, Any], fair: dict[str, int]) -> list[str]:
    """Every list page of the navigation, the dashboard, every seeded record's page and the brokerage."""
    pages = ["/", *(href for href, _ in NAVIGATION if href not in ("/intakes", "/admin/users"))]
    for key, record in records.items():
        kind = key.rstrip("0123456789").removesuffix("2")
        url = record_url(kind, record["id"])
        if url:
            pages.append(url)
    pages += [f"/events/{fair['event']}", f"/events/{fair['event']}/brokerage", f"/profiles/{fair['profile']}",
              f"/brokerage/participants/{fair['participant']}"]
    return pages


def walk(client: TestClient, pages: list[str]) -> dict[str, set[Control]]:
    seen = {}
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, (page, response.status_code)
        seen[page] = writes(controls(response.text))
    return seen


def test_viewers_see_no_control_they_would_be_refused_and_admins_see_them(
        client: TestClient, client_as: Callable[..., TestClient]) -> None:
    records = seed(client)
    fair = make_fair(client)
    pages = pages_of(records, fair)
    partnership = records["partnership"]["id"]
    viewer_client = client_as("viewer", partnership_ids=[partnership])
    app = client.app
    viewer = Principal(user_id=None, username="v", role=Role.viewer, partnership_ids=frozenset({partnership}))
    admin = Principal(user_id=None, username="a", role=Role.admin)

    as_admin = walk(client, pages)
    as_viewer = walk(viewer_client, pages)

    for page in pages:
        shown_refused = {c for c in as_viewer[page] if refused(app, viewer, c)}
        assert not shown_refused, (page, shown_refused)
        assert not {c for c in as_admin[page] if refused(app, admin, c)}, page
    # the administrator has something to do on every page but a participant's agenda, and the viewer on none
    read_only = {f"/brokerage/participants/{fair['participant']}"}
    for page in pages:
        if page not in read_only:
            assert {c for c in as_admin[page] if refused(app, viewer, c)}, f"no write control for admin on {page}"
    everything = set().union(*as_admin.values())
    kinds = {urlsplit(url).path.rsplit("/", 1)[-1] for _, url in everything}
    assert {"new", "edit", "remove", "slots", "tables", "schedule", "response", "outcome", "transition",
            "participants"} <= kinds, kinds

    # the table agrees with the server: the viewer trying each of them is refused
    for method, url in sorted({c for c in everything if refused(app, viewer, c)}):
        response = viewer_client.request(method, url, data={"name": "x"})
        assert response.status_code == 403, (method, url, response.status_code)


def test_members_see_edit_and_progress_only_on_their_organisations_commitments(
        client: TestClient, client_as: Callable[..., TestClient]) -> None:
    records = seed(client)
    partnership = records["partnership"]["id"]
    commitment = records["commitment"]["id"]  # MOST is responsible for it
    own = client_as("member", partnership_ids=[partnership], organization_id=records["organization"]["id"])
    other = client_as("member", partnership_ids=[partnership], organization_id=records["organization2"]["id"])
    edit = ("GET", f"/commitments/{commitment}/edit")

    def reports(found: set[Control]) -> bool:
        return any(url.startswith(f"/progress-updates/new?commitment_id={commitment}&") for _, url in found)

    mine = writes(controls(own.get(f"/commitments/{commitment}").text))
    assert edit in mine and reports(mine)
    assert not any("/assessments/new" in url for _, url in mine)  # assessments are the secretariat's
    assert own.get(edit[1]).status_code == 200

    theirs = writes(controls(other.get(f"/commitments/{commitment}").text))
    assert edit not in theirs and not reports(theirs)
    assert other.get(edit[1]).status_code == 403
    # a member may change commitments, never create them: no "+ New" on the list or the partnership
    for page in ("/commitments", f"/partnerships/{partnership}", f"/sessions/{records['session']['id']}"):
        shown = writes(controls(own.get(page).text))
        assert not any(urlsplit(url).path == "/commitments/new" for _, url in shown), page
    assert own.get("/commitments/new").status_code == 403


def test_a_refused_htmx_action_answers_a_message_fragment(client: TestClient,
                                                          client_as: Callable[..., TestClient]) -> None:
    fair = make_fair(client)
    viewer = client_as("viewer")
    response = viewer.post(f"/events/{fair['event']}/brokerage/tables", data={"count": "1"},
                           headers={"HX-Request": "true"})
    assert response.status_code == 403
    assert 'role="alert"' in response.text and "<html" not in response.text
    assert "does not allow this" in response.text
