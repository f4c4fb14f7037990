"""No cross-partnership leak: a user assigned to one partnership sees nothing of another, anywhere.

Partnership B's records all carry a marker word; a viewer of A walks every list route of the API and
of the pages (found from the app's route table, so later features are covered without editing this
test), with and without a search for the marker, and opens each of B's records directly. Confidential
records of A carry another marker, which the viewer must not see either, and the secretariat must.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from tests.web.helpers import post, seed

from sticoop.server.app import create_app

OTHER = "Zyxwv"  # every record of partnership B carries it
SECRET = "Qwerty"  # confidential records of partnership A carry it


def _partnership_b(client: TestClient) -> dict[str, Any]:
    p = post(client, "/partnerships", {"name": f"{OTHER} Vietnam–Laos", "country_codes": ["VNM", "LAO"]})
    c = post(client, "/committees", {"partnership_id": p["id"], "name": f"{OTHER} committee"})
    s = post(client, "/sessions", {"committee_id": c["id"], "number": 1, "start_date": "2024-05-28",
                                   "city": "Vientiane", "conclusions": f"{OTHER} conclusions"})
    cm = post(client, "/commitments", {"partnership_id": p["id"], "session_id": s["id"], "text": f"{OTHER} commitment"})
    pu = post(client, "/progress-updates", {"commitment_id": cm["id"], "date": "2024-06-01", "note": f"{OTHER} note"})
    wg = post(client, "/working-groups", {"partnership_id": p["id"], "name": f"{OTHER} working group"})
    a = post(client, "/agreements", {"title": f"{OTHER} agreement", "kind": "mou", "status": "planned",
                                     "partnership_id": p["id"], "country_codes": ["VNM", "LAO"]})
    pr = post(client, "/projects", {"title": f"{OTHER} project", "partnership_id": p["id"]})
    v = post(client, "/visits", {"partnership_id": p["id"], "from_country_code": "LAO", "to_country_code": "VNM",
                                 "start_date": "2024-05-27", "purpose": f"{OTHER} visit"})
    e = post(client, "/events", {"kind": "tech_transfer_fair", "title": f"{OTHER} techmart",
                                 "partnership_id": p["id"], "start_date": "2024-05-28"})
    bp = post(client, f"/events/{e['id']}/brokerage/participants", {"name": f"{OTHER} participant"})
    doc = client.post("/api/v1/documents", files={"file": (f"{OTHER}-minutes.txt", b"minutes", "text/plain")})
    assert doc.status_code == 201, doc.text
    link = client.post(f"/api/v1/documents/{doc.json()['id']}/links",
                       json={"entity_type": "commitment", "entity_id": cm["id"]})
    assert link.status_code == 201, link.text
    return {"partnerships": p, "committees": c, "sessions": s, "commitments": cm, "progress-updates": pu,
            "working-groups": wg, "agreements": a, "projects": pr, "visits": v, "events": e,
            "documents": doc.json(), "participant": bp}


def _confidential_in_a(client: TestClient, a: dict[str, Any]) -> dict[str, Any]:
    cm = post(client, "/commitments", {"partnership_id": a["partnership"]["id"], "text": f"{SECRET} commitment",
                                       "confidential": True})
    hidden = post(client, "/partnerships", {"name": f"{SECRET} partnership", "country_codes": ["VNM", "KHM"],
                                            "confidential": True})
    return {"commitment": cm, "partnership": hidden}


def _list_urls() -> list[str]:
    """Every GET route without path parameters: the lists, searches, dashboards and exports of the app."""
    app = create_app("sqlite://")
    urls = []
    for context in iter_route_contexts(app.routes):
        if isinstance(context.original_route, APIRoute) and "GET" in (context.methods or ()) \
                and "{" not in context.path and context.path not in ("/login", "/account", "/admin/users"):
            urls.append(context.path)
    return urls


def _walk(test_client: TestClient, partnership_b: int) -> str:
    seen = []
    for url in _list_urls():
        for query in ("", f"?q={OTHER.lower()}", f"?partnership_id={partnership_b}", "?limit=200"):
            response = test_client.get(url + query)
            if response.status_code == 200:
                seen.append(f"{url}{query}: {response.text}")
    return "\n".join(seen)


def test_a_viewer_of_one_partnership_sees_nothing_of_another(
        client: TestClient, client_as: Callable[..., TestClient]) -> None:
    a = seed(client)
    b = _partnership_b(client)
    secret = _confidential_in_a(client, a)
    viewer = client_as("viewer", partnership_ids=[a["partnership"]["id"], secret["partnership"]["id"]])

    everything = _walk(viewer, b["partnerships"]["id"])
    assert a["partnership"]["name"] in everything and a["commitment"]["text"] in everything  # A is visible
    leaks = [line[:200] for line in everything.split("\n/") if OTHER in line or SECRET in line]
    assert not leaks  # neither B nor the confidential commitment and partnership of A

    for kind, record in b.items():
        if kind == "participant":
            continue
        assert viewer.get(f"/api/v1/{kind}/{record['id']}").status_code == 404, kind
    for kind in ("partnerships", "committees", "sessions", "commitments", "agreements", "projects", "visits",
                 "events"):
        assert viewer.get(f"/{kind}/{b[kind]['id']}").status_code == 404, kind
    assert viewer.get(f"/api/v1/partnerships/{b['partnerships']['id']}/timeline").status_code == 404
    assert viewer.get(f"/api/v1/events/{b['events']['id']}/brokerage/outcomes").status_code == 404
    assert viewer.get(f"/api/v1/commitments/{secret['commitment']['id']}").status_code == 404
    assert viewer.get(f"/api/v1/documents/{b['documents']['id']}/content").status_code == 404


def test_the_secretariat_sees_confidential_records_of_its_partnerships_only(
        client: TestClient, client_as: Callable[..., TestClient]) -> None:
    a = seed(client)
    b = _partnership_b(client)
    secret = _confidential_in_a(client, a)
    officer = client_as("secretariat", partnership_ids=[a["partnership"]["id"]])
    listed = officer.get("/api/v1/commitments?limit=200").json()["items"]
    texts = {c["text"] for c in listed}
    assert f"{SECRET} commitment" in texts and f"{OTHER} commitment" not in texts
    assert officer.get(f"/api/v1/partnerships/{secret['partnership']['id']}").status_code == 404
    # and it cannot reach into B by naming it: moving a record there or creating one there is refused
    moved = officer.post("/api/v1/committees", json={"partnership_id": b["partnerships"]["id"], "name": "x"})
    assert moved.status_code == 422 and "Unknown partnership" in moved.json()["detail"]
    admin_texts = {c["text"] for c in client.get("/api/v1/commitments?limit=200").json()["items"]}
    assert {f"{SECRET} commitment", f"{OTHER} commitment"} <= admin_texts


def test_a_partnership_opened_by_the_secretariat_is_assigned_to_it(client_as: Callable[..., TestClient]) -> None:
    officer = client_as("secretariat")
    created = officer.post("/api/v1/partnerships", json={"name": "France–Vietnam", "country_codes": ["FRA", "VNM"]})
    assert created.status_code == 201, created.text
    assert officer.get(f"/api/v1/partnerships/{created.json()['id']}").status_code == 200
    other = client_as("secretariat")
    assert other.get(f"/api/v1/partnerships/{created.json()['id']}").status_code == 404
