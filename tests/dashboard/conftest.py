"""The demo records plus brokerage outcomes (the demo has none) and a confidential commitment, for the dashboards'
tests."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.activities.models import Event
from sticoop.commitments.models import Commitment
from sticoop.core import clock
from sticoop.core.database import session_scope
from sticoop.demo.data import load_demo
from sticoop.matchmaking.brokerage.models import BrokerageParticipant, MeetingRequest
from sticoop.partners.models import Organization
from sticoop.partnerships.models import Partnership
from sticoop.projects.models import Project, ProjectPartner


def _add_brokerage_and_confidential(db: Session) -> None:
    laos = db.scalars(select(Partnership).where(Partnership.name == "Vietnam–Laos")).one()
    belgium = db.scalars(select(Partnership).where(Partnership.name == "Belgium–Vietnam")).one()
    for partnership, outcomes in ((laos, ["contract_signed", "mou_signed", "follow_up", "none"]),
                                  (belgium, ["mou_signed", "contract_signed"])):
        event = Event(kind="tech_transfer_fair", title=f"Techmart {partnership.name}", partnership_id=partnership.id,
                      start_date=clock.today())
        db.add(event)
        db.flush()
        for i, outcome in enumerate(outcomes):
            a = BrokerageParticipant(event_id=event.id, name=f"A{i}")
            b = BrokerageParticipant(event_id=event.id, name=f"B{i}")
            db.add_all([a, b])
            db.flush()
            db.add(MeetingRequest(event_id=event.id, requester_id=a.id, recipient_id=b.id, status="accepted",
                                  outcome=outcome, contract_value=Decimal("1000") if outcome == "contract_signed"
                                  else None, currency="EUR" if outcome == "contract_signed" else None))
    # a confidential commitment: counted for admins, never for a viewer
    db.add(Commitment(partnership_id=belgium.id, text="A confidential commitment", completion="limited",
                      status="in_progress", confidential=True))


#: running projects in other currencies than the demo's EUR one: (partnership, title, budget, currency, partner
#: countries, confidential); Lao and Belgian partners, one project over two countries, one confidential
FUNDED = [
    ("Vietnam–Laos", "Mekong water quality", "2000000000", "VND", ["LAO"], False),
    ("Vietnam–Laos", "Lao seed bank", "50000", "USD", ["LAO", "VNM"], False),
    ("Vietnam–Laos", "Upland rice genomics", "750000000", "VND", ["LAO"], True),
    ("Belgium–Vietnam", "Port logistics", "120000", "USD", ["BEL"], False),
    ("Belgium–Vietnam", "Flemish-Vietnamese coatings", "80000", "EUR", ["BEL", "VNM"], False),
    ("Vietnam–Luxembourg", "Fintech sandbox", "30000", "USD", ["LUX"], False),
]


def _add_funding_in_several_currencies(db: Session) -> None:
    ids = {p.name: p.id for p in db.scalars(select(Partnership))}
    organizations = {}
    for code in ("LAO", "VNM", "BEL", "LUX"):
        organizations[code] = Organization(name=f"Funding test organisation {code}", country_code=code)
        db.add(organizations[code])
    db.flush()
    for partnership, title, budget, currency, countries, confidential in FUNDED:
        project = Project(title=title, partnership_id=ids[partnership], budget=Decimal(budget), currency=currency,
                          status="running", confidential=confidential, start_date=clock.today())
        db.add(project)
        db.flush()
        db.add_all([ProjectPartner(project_id=project.id, organization_id=organizations[c].id) for c in countries])


@pytest.fixture
def board(client: TestClient, db_url: str) -> Iterator[TestClient]:
    with session_scope(db_url) as db:
        load_demo(db)
        _add_brokerage_and_confidential(db)
        _add_funding_in_several_currencies(db)
    yield client
