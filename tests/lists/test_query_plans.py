"""Lists at a hundred thousand rows read through indexes: for every filter the API offers on the big lists
(commitments, projects, organisations), alone and with the list's default sort, the first page's plan holds no
full scan of the list's table — ``SCAN <table>`` without an index on SQLite, ``Seq Scan`` on PostgreSQL
(``EXPLAIN`` after ``ANALYZE``). Free-text ``q`` is left out: it is the search box's (issue 16)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from sticoop.commitments.models import Commitment
from sticoop.commitments.service import commitments
from sticoop.core.database import get_engine, session_scope
from sticoop.core.listing import ListParams
from sticoop.partners.models import Organization
from sticoop.partners.service import organizations
from sticoop.partnerships.models import Committee, CommitteeSession, Partnership
from sticoop.projects.models import Project
from sticoop.projects.service import projects
from sticoop.reference.service import seed_reference

ROWS = 100_000
PARTNERSHIPS = 200
#: a value for each filter the API offers on these lists (the walk fails on a filter missing here)
VALUES: dict[str, dict[str, Any]] = {
    "commitment": {"partnership_id": 7, "session_id": 3, "parent_id": 11, "status": "in_progress",
                   "completion": "limited", "country": "LAO"},
    "project": {"partnership_id": 7, "status": "ongoing", "field": "agriculture", "country": "VNM"},
    "organization": {"country": "VNM", "kind": "university"},
}
SERVICES = {"commitment": commitments, "project": projects, "organization": organizations}


@pytest.fixture(scope="module")
def big(database_url: str) -> Iterator[str]:
    """The big lists filled once for the module, in a database emptied first (another test of this worker may
    have left rows; the next test's own fixture wipes these)."""
    from tests.conftest import _wipe

    _wipe(database_url)
    with session_scope(database_url) as db:
        seed_reference(db)
    start = date(2000, 1, 1)
    with get_engine(database_url).begin() as conn:
        conn.execute(insert(Partnership), [{"id": i, "name": f"P{i}", "search_text": f"p{i}"}
                                           for i in range(1, PARTNERSHIPS + 1)])
        conn.execute(insert(Committee), [{"id": i, "partnership_id": i, "name": f"C{i}", "search_text": ""}
                                         for i in range(1, PARTNERSHIPS + 1)])
        conn.execute(insert(CommitteeSession), [{"id": i, "committee_id": i, "number": 1, "search_text": ""}
                                                for i in range(1, PARTNERSHIPS + 1)])
        for k in range(0, ROWS, 20_000):
            span = range(k, k + 20_000)
            conn.execute(insert(Commitment), [
                {"partnership_id": i % PARTNERSHIPS + 1, "session_id": i % PARTNERSHIPS + 1, "text": f"C {i}",
                 "search_text": "", "status": ("planned", "in_progress", "done", "dropped")[i % 4],
                 "due_date": None if i % 13 == 0 else start + timedelta(days=i % 8000)} for i in span])
            conn.execute(insert(Project), [
                {"partnership_id": None if i % 9 == 0 else i % PARTNERSHIPS + 1, "title": f"Project {i}",
                 "search_text": "", "status": ("proposed", "ongoing", "completed")[i % 3],
                 "start_date": None if i % 11 == 0 else start + timedelta(days=i % 8000)} for i in span])
            conn.execute(insert(Organization), [
                {"name": f"Organisation {i:06d}", "search_text": "", "type": ("university", "ministry", "agency",
                                                                             "company")[i % 4],
                 "country_code": ("VNM", "BEL", "LAO", "THA", "FRA")[i % 5]} for i in span])
        conn.execute(text("ANALYZE"))
    yield database_url
    _wipe(database_url)


def _plan(db: Session, query: Any) -> str:
    compiled = query.compile(dialect=db.get_bind().dialect, compile_kwargs={"literal_binds": True})
    if db.get_bind().dialect.name == "sqlite":
        return "\n".join(row[-1] for row in db.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
    return json.dumps(db.execute(text(f"EXPLAIN (FORMAT JSON) {compiled}")).scalar())


def _full_scans(plan: str, table: str, dialect: str) -> list[str]:
    if dialect == "sqlite":
        return [line for line in plan.splitlines()
                if line.startswith(f"SCAN {table}") and "USING" not in line]
    nodes: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("Node Type") == "Seq Scan" and node.get("Relation Name") == table:
                nodes.append(f"Seq Scan on {table}")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(json.loads(plan))
    return nodes


@pytest.mark.parametrize("entity", sorted(SERVICES))
def test_every_filter_of_a_big_list_reads_through_an_index(big: str, entity: str) -> None:
    service = SERVICES[entity]
    table = service.model.__tablename__
    assert set(service.filters) == set(VALUES[entity]), "a filter without a value to test (add it to VALUES)"
    with session_scope(big) as db:
        dialect = db.get_bind().dialect.name
        cases = [("default sort", ListParams())] + [(name, ListParams(**{name: value}))
                                                    for name, value in VALUES[entity].items()]
        scans = {}
        for name, params in cases:
            query = service.filtered_query(params).order_by(*service._order(params.sort)).limit(50)
            found = _full_scans(_plan(db, query), table, dialect)
            if found:
                scans[name] = found
        assert not scans, f"{entity}: full scans at {ROWS:,} rows: {scans}"


#: the filters offered together that one index answers as a range: (index, values)
COMBOS = {
    "commitment": ("ix_commitments_partnership_id_status_due_date", {"partnership_id": 7, "status": "in_progress"}),
    "project": ("ix_projects_partnership_id_status_start_date", {"partnership_id": 7, "status": "ongoing"}),
}


@pytest.mark.parametrize("entity", sorted(COMBOS))
def test_a_partnership_and_a_status_together_are_one_index_range(big: str, entity: str) -> None:
    """A partnership's records of one status: the first page and its bounded total both read the (partnership,
    status, sort) index, and on SQLite the total reads the index alone (a covering scan: it selects a constant)."""
    from sticoop.core.keyset import bounded_count_query

    service = SERVICES[entity]
    index, values = COMBOS[entity]
    params = ListParams(**values)
    with session_scope(big) as db:
        dialect = db.get_bind().dialect.name
        page = _plan(db, service.filtered_query(params).order_by(*service._order(params.sort)).limit(50))
        count = _plan(db, bounded_count_query(service.filtered_query(params)))
    assert not _full_scans(page, service.model.__tablename__, dialect)
    assert index in count, f"the total of {values} does not read {index}: {count}"
    if dialect == "sqlite":
        assert f"COVERING INDEX {index}" in count, count
