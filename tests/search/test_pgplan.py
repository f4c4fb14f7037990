"""PostgreSQL: which words the candidates' scan looks up in the GIN index and which it checks on the rows it
reads (``sticoop.search.pgplan``):

- the choice under the cost model, walked over words from rare to nearly everywhere, alone and together;
- every plan (the scope's rows read, the rarest word looked up, every word looked up) answers exactly as
  ranking every match when fewer than the cap match, and keeps the scope before ranking when more do, for
  every role, kind filter and partnership filter;
- the shares are the planner's estimates after ``ANALYZE``, kept for a while, and absent without statistics.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from sqlalchemy import event, insert, text
from sqlalchemy.orm import Session
from tests.search.candidate_cases import KIND_FILTERS, ROLES, in_scope, keys_of, principal

from sticoop.search import backend, pgplan
from sticoop.search.backend import PostgresBackend, backend_for
from sticoop.search.index import searchable_services
from sticoop.search.models import SearchEntry
from sticoop.search.pgplan import Plan, choose

ENTRIES, N = 2_100_000.0, 1_001
VOID = "w" * 2_100  # a word longer than PostgreSQL's lexemes (2,047 bytes): to_tsquery drops it


@pytest.fixture(autouse=True)
def _fresh_estimates() -> Any:
    """No estimate kept from another test's data (they are kept per process, by database)."""
    pgplan.forget()
    yield
    pgplan.forget()


@pytest.mark.parametrize(("shares", "expected"), [
    ({"project": 0.72}, Plan((), ("project",))),  # a word of most entries: the scope's rows, checked
    ({"pr": 0.98}, Plan((), ("pr",))),
    ({"malaria": 0.008}, Plan(("malaria",), ())),  # a rare word: looked up
    ({"absent": 0.0}, Plan(("absent",), ())),  # no entry: looked up (the floor keeps the cost finite)
    ({"solar": 0.008, "project": 0.72}, Plan(("solar",), ("project",))),  # the common one only checked
    ({"energie": 0.017, "cooperation": 0.72}, Plan(("energie",), ("cooperation",))),
    ({"wastewater": 0.0084, "treatment": 0.0084}, Plan(("treatment", "wastewater"), ())),  # rarest, then name
    ({"du": 0.74, "an": 0.736}, Plan((), ("an", "du"))),  # two common words: rows read, both checked
    ({"xin": 0.008, "vac": 0.0256, "tinh": 0.7258}, Plan(("xin", "vac"), ("tinh",))),
    # two words of half the entries each may never meet (Fréchet bound 0): no scan on the hope that they do
    ({"a": 0.5, "b": 0.5}, Plan(("a",), ("b",))),
])
def test_the_cheapest_plan_under_the_cost_model(shares: dict[str, float], expected: Plan) -> None:
    assert choose(shares, ENTRIES, N) == expected


def test_every_plan_is_the_rarest_words_looked_up_and_the_rest_checked() -> None:
    """Over a grid of 1–3 words of shares from 0 to 1: each word once, the looked-up ones never more common
    than a checked one, and a word of nearly every entry looked up only when nothing rarer is."""
    grid = (0.0, 1e-5, 0.001, 0.01, 0.05, 0.2, 0.5, 0.9, 1.0)
    for size in (1, 2, 3):
        for values in itertools.product(grid, repeat=size):
            shares = {f"w{i}": v for i, v in enumerate(values)}
            plan = choose(shares, ENTRIES, N)
            assert sorted(plan.looked_up + plan.checked) == sorted(shares)
            if plan.looked_up and plan.checked:
                assert max(shares[w] for w in plan.looked_up) <= min(shares[w] for w in plan.checked)
            if sum(values) - (size - 1) >= 0.5:  # at least half the entries hold every word: rows read
                assert plan.looked_up == (), shares
            if min(values) <= 0.001:
                assert plan.looked_up, shares


def test_no_word_is_an_error() -> None:
    with pytest.raises(ValueError, match="no word"):
        choose({}, ENTRIES, N)


PLANS: dict[str, Any] = {
    "scope rows read": lambda terms: Plan((), tuple(terms)),
    "rarest looked up": lambda terms: Plan(tuple(terms[:1]), tuple(terms[1:])),
    "every word looked up": lambda terms: Plan(tuple(terms), ()),
    "the estimates' choice": None,
}


def _forced(monkeypatch: pytest.MonkeyPatch, db: Session, plan: str) -> None:
    if db.get_bind().dialect.name != "postgresql":
        pytest.skip("PostgreSQL's plans (SQLite's FTS5 has one)")
    forced = PLANS[plan]
    if forced is None:  # the real choice, from the planner's estimates of this data
        db.connection().execute(text("ANALYZE search_entries"))
    else:
        monkeypatch.setattr(PostgresBackend, "_plan", staticmethod(lambda _c, terms, _n: forced(list(terms))))


@pytest.mark.parametrize("filtered", [False, True])
@pytest.mark.parametrize("kinds", sorted(KIND_FILTERS))
@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("plan", sorted(PLANS))
def test_every_plan_answers_as_ranking_every_match(world: tuple[Session, int, int],
                                                    monkeypatch: pytest.MonkeyPatch, plan: str, who: str,
                                                    kinds: str, filtered: bool) -> None:
    db, a, b = world
    _forced(monkeypatch, db, plan)
    engine = backend_for(db)
    asked = KIND_FILTERS[kinds] or sorted(searchable_services())
    person = principal(who, a)
    # words of every entry, and a word of some (``1``: the records numbered 1, 10–19…) looked up or checked
    # and a word PostgreSQL drops from the query (over 2,047 bytes: no lexeme), first or last
    queries = [["rareword"], ["rarew", "record"], ["record", "commonword", "rarew"], ["commonword", "1"],
               ["1", "commonword"], ["rarew", VOID]]
    if PLANS[plan] is None:  # a word of no lexeme is never looked up alone (its share is 1)
        queries += [[VOID, "rarew"], [VOID]]
    for terms in queries:
        bounded = engine.query(db, person, terms, asked, b if filtered else None, 5)
        everything = engine.reference(db, person, terms, asked, b if filtered else None,  # type: ignore[attr-defined]
                                      5)
        assert keys_of(bounded) == keys_of(everything)
        assert bounded.counts == everything.counts


@pytest.mark.parametrize("filtered", [False, True])
@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("plan", sorted(PLANS))
def test_every_plan_keeps_the_scope_before_ranking(world: tuple[Session, int, int],
                                                   monkeypatch: pytest.MonkeyPatch, plan: str, who: str,
                                                   filtered: bool) -> None:
    db, a, _b = world
    _forced(monkeypatch, db, plan)
    person = principal(who, a)
    asked = sorted(searchable_services())
    partnership = a if filtered else None
    allowed = in_scope(db, person, asked, partnership)
    monkeypatch.setattr(backend, "CANDIDATE_CAP", 3)
    hits = keys_of(backend_for(db).query(db, person, ["commonword", "record"], asked, partnership, 50))
    assert set(hits) <= set(allowed)
    assert len(hits) == min(3, len(allowed))


def _explains(db: Session) -> tuple[list[str], Any]:
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.startswith("EXPLAIN"):
            seen.append(statement)

    event.listen(db.get_bind(), "before_cursor_execute", note)
    return seen, note


def test_the_shares_are_the_planners_estimates_kept_for_a_while(world: tuple[Session, int, int]) -> None:
    db, _a, _b = world
    if db.get_bind().dialect.name != "postgresql":
        pytest.skip("PostgreSQL's statistics")
    pgplan.forget()
    connection = db.connection()
    # PostgreSQL estimates a prefix from the most common lexemes only when it keeps at least 100 of them
    # (``tsquery_opr_selec``); otherwise its default, whatever the word
    connection.execute(insert(SearchEntry), [
        {"kind": "project", "record_id": 10**6 + i, "partnership_id": None, "title": f"commonword filler{i}",
         "body": "", "title_folded": f"commonword filler{i}", "body_folded": ""} for i in range(150)])
    connection.execute(text("ANALYZE search_entries"))
    seen, note = _explains(db)
    try:
        found = pgplan.estimate(connection, ["commonword", "zzzabsent", VOID], now=1000.0)
        assert found.entries == float(connection.execute(text("SELECT count(*) FROM search_entries")).scalar_one())
        assert found.shares["commonword"] > 0.9  # in every entry
        assert found.shares["zzzabsent"] < 0.5 * found.shares["commonword"]
        assert found.shares[VOID] == 1.0 and found.void == {VOID}
        assert len(seen) == 2  # no EXPLAIN of a word without lexeme
        kept = pgplan.estimate(connection, ["commonword"], now=1000.0 + pgplan.ESTIMATE_SECONDS - 1)
        assert kept.shares == {"commonword": found.shares["commonword"]}
        assert len(seen) == 2  # kept: no statement
        pgplan.estimate(connection, ["commonword"], now=1000.0 + pgplan.ESTIMATE_SECONDS)
        assert len(seen) == 3  # stale: asked again
        assert PostgresBackend._plan(connection, [VOID], N) is None  # no lexeme at all: nothing to find
    finally:
        event.remove(db.get_bind(), "before_cursor_execute", note)
        pgplan.forget()


def test_without_statistics_every_word_is_looked_up(world: tuple[Session, int, int]) -> None:
    db, _a, _b = world
    if db.get_bind().dialect.name != "postgresql":
        pytest.skip("PostgreSQL's statistics")
    connection = db.connection()
    pgplan.forget()
    connection.execute(text("TRUNCATE search_entries"))  # in this transaction: no statistics (reltuples -1)
    assert pgplan.estimate(connection, ["commonword"]) == pgplan.Estimates({}, 0.0, frozenset())
    assert PostgresBackend._plan(connection, ["commonword", "record"], N) == Plan(("commonword", "record"), ())
