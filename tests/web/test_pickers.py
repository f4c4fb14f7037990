"""Pickers offer the record's own partnership: walks every form with a select of partnership-bound records
(committees, sessions, agreements, commitments, working groups) and checks that, on a record of partnership
A and on a new form prefilled with A, no option belongs to partnership B — while A's records are offered."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from tests.web.helpers import post, seed

from sticoop.core.choices import partnership_bound
from sticoop.core.database import new_session
from sticoop.web import choices
from sticoop.web.crud_pages import REGISTERED_PAGES
from sticoop.web.forms import FormField

LINKS = ("partnership_id", "committee_id", "session_id", "commitment_id", "call_id", "proposal_id", "reviewer_id")


def records_of(client: TestClient, partnership: int, tag: str) -> dict[str, set[str]]:
    """A record of every partnership-bound source (committee, session, agreement, commitment, working group,
    call, call funder, call reviewer, proposal) of the partnership, by source."""
    c = post(client, "/committees", {"partnership_id": partnership, "name": f"Committee {tag}"})
    s = post(client, "/sessions", {"committee_id": c["id"], "number": 1, "start_date": "2024-01-10"})
    a = post(client, "/agreements", {"title": f"Agreement {tag}", "kind": "mou", "partnership_id": partnership})
    cm = post(client, "/commitments", {"partnership_id": partnership, "session_id": s["id"], "text": f"Do {tag}"})
    wg = post(client, "/working-groups", {"partnership_id": partnership, "name": f"Group {tag}"})
    call = post(client, "/calls", {"title": f"Call {tag}", "partnership_id": partnership, "currency": "EUR"})
    funder_org = post(client, "/organizations", {"name": f"Funder {tag}", "country_code": "BEL"})
    funder = post(client, "/call-funders", {"call_id": call["id"], "organization_id": funder_org["id"],
                                            "country_code": "BEL", "budget": 1000, "currency": "EUR"})
    person = post(client, "/people", {"name": f"Reviewer {tag}"})
    reviewer = post(client, "/reviewers", {"call_id": call["id"], "person_id": person["id"]})
    proposal = post(client, "/proposals", {"call_id": call["id"], "acronym": f"P{tag}", "title": f"Proposal {tag}"})
    return {"committees": {str(c["id"])}, "sessions": {str(s["id"])}, "agreements": {str(a["id"])},
            "commitments": {str(cm["id"])}, "working_groups": {str(wg["id"])}, "calls": {str(call["id"])},
            "call_funders": {str(funder["id"])}, "call_reviewers": {str(reviewer["id"])},
            "proposals": {str(proposal["id"])}}


def options_of(html: str, field: FormField) -> set[str]:
    found = re.search(rf'<select id="field-{field.name}"[^>]*>(.*?)</select>', html, re.S)
    assert found, field.name
    return set(re.findall(r'<option value="(\d+)"', found.group(1)))


def record_in(db_url: str, spec: Any, partnership: int) -> int | None:
    """A record of this type that belongs to the partnership (by its own links), if any."""
    db = new_session(db_url)
    try:
        for obj in db.scalars(select(spec.service.model).order_by(spec.service.model.id).limit(200)):
            links = {k: str(getattr(obj, k)) for k in LINKS if isinstance(getattr(obj, k, None), int)}
            if choices.partnership_of(db, links, obj) == partnership:
                return int(obj.id)
        return None
    finally:
        db.close()


def test_every_partnership_bound_picker_offers_only_the_records_partnership(client: TestClient,
                                                                           db_url: str) -> None:
    seed(client)
    a = post(client, "/partnerships", {"name": "Belgium–Cambodia", "country_codes": ["BEL", "KHM"]})["id"]
    b = post(client, "/partnerships", {"name": "Vietnam–Laos", "country_codes": ["VNM", "LAO"]})["id"]
    mine = records_of(client, a, "A")
    theirs = records_of(client, b, "B")
    prefill = {"partnership_id": a, "committee_id": next(iter(mine["committees"])),
               "session_id": next(iter(mine["sessions"])), "commitment_id": next(iter(mine["commitments"])),
               "call_id": next(iter(mine["calls"])), "proposal_id": next(iter(mine["proposals"])),
               "reviewer_id": next(iter(mine["call_reviewers"]))}

    walked = 0
    for spec in REGISTERED_PAGES.values():
        bound = [f for f in spec.fields if f.source in partnership_bound()]
        if not bound:
            continue
        forms = [f"{spec.path}/new?" + "&".join(f"{k}={v}" for k, v in prefill.items())]
        own = record_in(db_url, spec, a)
        if own is not None:
            forms.append(f"{spec.path}/{own}/edit")
        for url in forms:
            html = client.get(url)
            assert html.status_code == 200, url
            for field in bound:
                if f'id="field-{field.name}"' not in html.text:
                    continue  # not on this form (create-only or edit-only)
                offered = options_of(html.text, field)
                assert not offered & theirs[field.source], (url, field.name, offered & theirs[field.source])
                if field.name != "parent_id" or "/edit" not in url:  # a record is not its own parent
                    assert offered & mine[field.source], (url, field.name)
                walked += 1
    assert walked >= 8, walked
