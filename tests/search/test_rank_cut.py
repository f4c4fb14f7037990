"""The rank cut-off gives the same answer as ranking every match: for each role, limit and cut (smaller than the
matches, so both the cut path and its fallback run), the keyword list equals the one ranked without a cut-off
(SQLite FTS5 has the cut-off; on PostgreSQL every match is ranked, and the walk checks the same answer)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session
from tests.search.world import make

from sticoop.core.principal import Principal, Role
from sticoop.partnerships.models import Partnership
from sticoop.search import backend
from sticoop.search.backend import backend_for

PRINCIPALS = {
    "admin": Principal(user_id=1, username="a", role=Role.admin),
    "secretariat": Principal(user_id=2, username="s", role=Role.secretariat),
    "viewer of one": Principal(user_id=3, username="v", role=Role.viewer, partnership_ids=frozenset({0})),
    "viewer of none": Principal(user_id=4, username="n", role=Role.viewer),
}


@pytest.mark.parametrize("cut", [2, 8])
@pytest.mark.parametrize("limit", [1, 5])
@pytest.mark.parametrize("who", sorted(PRINCIPALS))
def test_the_cut_off_answers_as_ranking_every_match(db: Session, monkeypatch: pytest.MonkeyPatch, who: str,
                                                    limit: int, cut: int) -> None:
    a, b = Partnership(name="Belgium–Vietnam"), Partnership(name="Vietnam–Laos")
    db.add_all([a, b])
    db.flush()
    for i in range(12):  # matches in three scopes, some confidential
        pid = (a.id, b.id, None)[i % 3]
        text = "cutword " * (1 + i) + f"record {i}"  # distinct scores: no tie at the cut
        make(db, "project", text, pid, confidential=i % 5 == 0)
    principal = PRINCIPALS[who]
    if who == "viewer of one":
        principal = Principal(user_id=3, username="v", role=Role.viewer, partnership_ids=frozenset({a.id}))
    engine = backend_for(db)
    monkeypatch.setattr(backend, "RANK_CUT", 10_000)
    everything = engine.query(db, principal, ["cutword"], ["project"], None, limit)
    monkeypatch.setattr(backend, "RANK_CUT", cut)
    bounded = engine.query(db, principal, ["cutword"], ["project"], None, limit)
    assert [(h.kind, h.record_id) for h in bounded.hits] == [(h.kind, h.record_id) for h in everything.hits]
    assert bounded.counts == everything.counts
    assert len(everything.hits) == min(limit, sum(everything.counts.values()))
