"""Bounded candidate retrieval (``backend._TableBackend``), on SQLite and PostgreSQL, walking roles × kinds ×
partnership filter × limit:

- a query matching fewer than ``CANDIDATE_CAP`` entries in scope answers exactly as ranking every match in
  scope (``reference``): same hits in the same order, same counts;
- scope before ranking: with a small cap (a "common word"), every hit is one the principal may find, the hits
  are the best of the candidates by the reference's order, and there are ``min(limit, cap)`` of them even when
  the principal sees few of the matches;
- bounded work (SQLite): the virtual machine's steps of a query stay flat as the matches of a word grow
  tenfold (candidates and document frequencies both bounded), while ranking every match grows with them;
- PostgreSQL: the scope tokens of the two-column GIN index select exactly the entries the SQL scope clause
  selects.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.orm import Session
from tests.search.candidate_cases import KIND_FILTERS, ROLES, in_scope, keys_of, principal

from sticoop.core.principal import Principal, Role
from sticoop.search import backend, fts5
from sticoop.search.backend import backend_for, scope_clause, scope_tokens
from sticoop.search.index import searchable_services


@pytest.mark.parametrize("limit", [1, 5, 50])
@pytest.mark.parametrize("filtered", [False, True])
@pytest.mark.parametrize("kinds", sorted(KIND_FILTERS))
@pytest.mark.parametrize("who", ROLES)
def test_a_rare_word_answers_as_ranking_every_match(world: tuple[Session, int, int], who: str, kinds: str,
                                                     filtered: bool, limit: int) -> None:
    db, a, b = world
    engine = backend_for(db)
    asked = KIND_FILTERS[kinds] or sorted(searchable_services())
    person = principal(who, a)
    partnership = b if filtered else None
    for terms in (["rareword"], ["rarew", "record"]):
        bounded = engine.query(db, person, terms, asked, partnership, limit)
        everything = engine.reference(db, person, terms, asked, partnership, limit)  # type: ignore[attr-defined]
        assert keys_of(bounded) == keys_of(everything)
        assert bounded.counts == everything.counts
    if who == "not signed in":
        assert not everything.hits


@pytest.mark.parametrize("cap", [1, 3, 8])
@pytest.mark.parametrize("filtered", [False, True])
@pytest.mark.parametrize("who", ROLES)
def test_a_common_word_ranks_the_candidates_in_scope_only(world: tuple[Session, int, int],
                                                          monkeypatch: pytest.MonkeyPatch, who: str,
                                                          filtered: bool, cap: int) -> None:
    db, a, b = world
    person = principal(who, a)
    asked = sorted(searchable_services())
    partnership = a if filtered else None
    allowed = in_scope(db, person, asked, partnership)
    monkeypatch.setattr(backend, "CANDIDATE_CAP", cap)
    found = backend_for(db).query(db, person, ["commonword"], asked, partnership, 50)
    hits = keys_of(found)
    assert set(hits) <= set(allowed)  # scope before ranking: nothing outside it, even among few candidates
    assert len(hits) == min(cap, len(allowed))
    assert hits == sorted(hits, key=allowed.index)  # the candidates in the reference's order
    assert sum(found.counts.values()) == len(hits)
    if db.get_bind().dialect.name == "sqlite":  # SQLite: the candidates are the newest matches in scope
        from sqlalchemy import select

        from sticoop.search.models import SearchEntry

        entry = {(k, r): i for i, k, r in db.execute(select(SearchEntry.id, SearchEntry.kind, SearchEntry.record_id))}
        assert set(hits) == set(sorted(allowed, key=lambda key: -entry[key])[:cap])


@pytest.mark.parametrize("who", ROLES)
def test_the_scope_tokens_say_what_the_scope_clause_says(world: tuple[Session, int, int], who: str) -> None:
    """The scope tokens (SQLite: FTS5's column; PostgreSQL: the GIN index's second column) select exactly the
    entries the SQL scope clause selects."""
    db, a, _b = world
    from sqlalchemy import select, text

    from sticoop.search.models import SearchEntry

    person = principal(who, a)
    kinds = sorted(searchable_services())
    for asked in (kinds, ["project"], ["document", "session"]):
        for partnership in (None, a):
            tokens = scope_tokens(person, asked, kinds, partnership)
            expected = set(db.scalars(select(SearchEntry.id).where(
                scope_clause(person), SearchEntry.kind.in_(asked),
                *([SearchEntry.partnership_id == partnership] if partnership else []))))
            if tokens is None:
                assert expected == set()
                continue
            clause = " AND ".join("(" + " OR ".join(f'scope : "{t}"' for t in alternatives) + ")"
                                  for alternatives in tokens)
            if not tokens:  # an admin asking for every kind of every partnership: no token needed
                got = set(db.scalars(select(SearchEntry.id)))
            elif db.get_bind().dialect.name == "postgresql":
                got = set(db.scalars(select(SearchEntry.id).where(
                    backend.scope_vector().op("@@")(backend.scope_tsquery(tokens)))))
            else:
                got = set(db.execute(text("SELECT rowid FROM search_fts WHERE search_fts MATCH :q"),
                                     {"q": clause}).scalars())
            assert got == expected


def _steps(db: Session, run: object) -> int:
    """SQLite virtual-machine steps (in units of 100) taken by ``run()``."""
    raw = db.connection().connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    raw.set_progress_handler(count, 100)
    try:
        run()  # type: ignore[operator]
    finally:
        raw.set_progress_handler(None, 100)
    return steps[0]


def test_the_work_of_a_common_word_is_bounded(db: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    if db.get_bind().dialect.name != "sqlite":
        pytest.skip("counts SQLite's virtual-machine steps")
    from sqlalchemy import insert

    from sticoop.search.models import SearchEntry

    monkeypatch.setattr(backend, "CANDIDATE_CAP", 50)
    monkeypatch.setattr(fts5, "DF_EXACT", 50)  # a word's document frequency: counted up to it, estimated beyond
    monkeypatch.setattr(fts5, "RANKED_IN_FTS5", 500)  # beyond it, the candidates are scored in Python
    admin = principal("admin", 0)
    viewer = Principal(user_id=4, username="v", role=Role.viewer, partnership_ids=frozenset({7}))
    kinds = sorted(searchable_services())
    engine = backend_for(db)
    work: dict[str, list[int]] = {"query admin": [], "query viewer": [], "reference": []}
    written = 0
    for total in (2_000, 20_000):
        rows = [{"kind": "project", "record_id": 10**6 + i, "partnership_id": (7, 8, None)[i % 3],
                 "confidential": i % 10 == 0, "title": f"everyword {i}", "body": "", "title_folded": f"everyword {i}",
                 "body_folded": ""} for i in range(written, total)]
        db.connection().execute(insert(SearchEntry), rows)
        written = total
        work["query admin"].append(_steps(db, lambda: engine.query(db, admin, ["everyword"], kinds, None, 20)))
        work["query viewer"].append(_steps(db, lambda: engine.query(db, viewer, ["everyword"], kinds, None, 20)))
        work["reference"].append(_steps(db, lambda: engine.reference(db, admin,  # type: ignore[attr-defined]
                                                                     ["everyword"], kinds, None, 20)))
    assert work["reference"][1] > 5 * work["reference"][0]  # ranking every match grows with the matches
    for name in ("query admin", "query viewer"):
        assert work[name][1] < 1.5 * work[name][0] + 5, (name, work)
