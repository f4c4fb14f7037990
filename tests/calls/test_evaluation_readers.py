"""A call's evaluation (ranking, decisions, results, conflict and assignment reports, summary reports) is read
by its editors only. A viewer or member of the call's partnership reads the call page without the "Ranking" and
"Decisions" buttons (they led to a 403), and asking anyway is refused with a message saying what they may not
*see* (it said "cannot change the ranking" to someone who only opened a page). Walks every evaluation route,
for a viewer and a member, with the demo's decided call."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from sticoop.calls.models import Call, Proposal
from sticoop.core.database import session_scope
from sticoop.demo.data import load_demo

#: route -> what the refusal names
EVALUATION_ROUTES = {
    "/calls/{call}/ranking": "the ranking",
    "/calls/{call}/decisions": "the funding decisions",
    "/api/v1/calls/{call}/ranking": "the ranking",
    "/api/v1/calls/{call}/decisions": "the funding decisions",
    "/api/v1/calls/{call}/conflicts": "conflict reports",
    "/api/v1/calls/{call}/assignments": "the whole assignment",
    "/api/v1/calls/{call}/results.csv": "the call's results",
    "/api/v1/proposals/{proposal}/summary.pdf": "evaluation reports",
}


@pytest.fixture
def demo(db_url: str, client: TestClient) -> dict[str, int]:
    with session_scope(db_url) as db:
        load_demo(db)
        call = db.scalars(select(Call).order_by(Call.id).limit(1)).one()
        proposal = db.scalar(select(Proposal.id).where(Proposal.call_id == call.id).order_by(Proposal.id).limit(1))
        return {"call": call.id, "proposal": int(proposal or 0), "partnership": call.partnership_id}


@pytest.mark.parametrize("role", ["viewer", "member"])
def test_evaluation_is_neither_linked_nor_shown_to_readers(client: TestClient, demo: dict[str, int],
                                                           client_as: Callable[..., TestClient], role: str) -> None:
    reader = client_as(role, partnership_ids=[demo["partnership"]])
    page = reader.get(f"/calls/{demo['call']}")
    assert page.status_code == 200
    editor_page = client.get(f"/calls/{demo['call']}").text
    for route in ("ranking", "decisions"):
        link = f'href="/calls/{demo["call"]}/{route}"'
        assert link in editor_page and link not in page.text, (role, route)
    for template, what in EVALUATION_ROUTES.items():
        path = template.format(**demo)
        assert client.get(path).status_code == 200, path
        refused = reader.get(path)
        assert refused.status_code == 403, (role, path, refused.status_code)
        said = refused.json()["detail"] if path.startswith("/api/") else refused.text
        assert f"Your role ({role}) cannot see {what}" in said.replace("&#39;", "'"), (role, path)
