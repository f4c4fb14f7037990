"""Roll-ups, yearly tables and completion that an official can trust, walked over their cases on both databases:
nested, dropped, all dropped, empty, deep and looping trees; every year of the period with zero and future years;
the latest dated assessment or progress update setting the completion. The page shows the API's figures."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, update
from sqlalchemy.orm import Session

from sticoop.commitments.models import Commitment
from sticoop.commitments.service import MAX_DEPTH, commitments
from sticoop.core.database import get_engine

ONE_THIRD = 1 / 3

# A tree is a list of (status, completion, [children]) under the root commitment.
TREES: dict[str, tuple[list[Any], float | None, int, int]] = {
    # name: (children of the root, rolled-up completion, counted, dropped)
    "issue example: nested complete, complete, dropped": (
        [("in_progress", "not_started", [("done", "complete", []), ("done", "complete", [])]),
         ("done", "complete", []), ("dropped", "not_started", [])], 1.0, 2, 1),
    "a parent counts by its children, not its own completion": (
        [("in_progress", "complete", [("planned", "not_started", []), ("in_progress", "substantial", [])]),
         ("in_progress", "limited", [])], (ONE_THIRD + ONE_THIRD) / 2, 2, 0),
    "mixed levels": ([("in_progress", "limited", []), ("in_progress", "substantial", [])], 0.5, 2, 0),
    "all dropped": ([("dropped", "complete", []), ("dropped", "limited", [])], None, 0, 2),
    "no sub-commitment": ([], None, 0, 0),
    "a child whose own children are all dropped counts by its completion": (
        [("in_progress", "substantial", [("dropped", "complete", [])]), ("done", "complete", [])],
        (2 / 3 + 1) / 2, 2, 0),
    "dropped grandchild left out below": (
        [("in_progress", "not_started", [("done", "complete", []), ("dropped", "not_started", [])])], 1.0, 1, 0),
}


def partnership(client: TestClient) -> int:
    return client.post("/api/v1/partnerships", json={"name": "Vietnam–Laos",
                                                     "country_codes": ["VNM", "LAO"]}).json()["id"]


_SERIAL = itertools.count(1)


def commitment(client: TestClient, pid: int, **kw: Any) -> dict[str, Any]:
    text = kw.pop("text", None) or f"Commitment number {next(_SERIAL)}"  # distinct: a same text is a duplicate
    r = client.post("/api/v1/commitments", json={"text": text, "partnership_id": pid, **kw})
    assert r.status_code == 201, r.text
    return r.json()


def build(client: TestClient, pid: int, parent: int, children: list[Any]) -> None:
    for status, completion, below in children:
        child = commitment(client, pid, parent_id=parent, status=status, completion=completion)
        build(client, pid, child["id"], below)


@pytest.mark.parametrize("case", list(TREES), ids=list(TREES))
def test_rollup_cases(client: TestClient, case: str) -> None:
    children, expected, counted, dropped = TREES[case]
    pid = partnership(client)
    root = commitment(client, pid, text="Organise training courses")
    build(client, pid, root["id"], children)
    progress = client.get(f"/api/v1/commitments/{root['id']}/progress").json()
    if expected is None:
        assert progress["rolled_up_completion"] is None
    else:
        assert progress["rolled_up_completion"] == pytest.approx(expected)
    assert (progress["counted"], progress["dropped"], progress["sub_commitments"]) == \
        (counted, dropped, len(children))
    assert progress["depth_limited"] is False
    page = client.get(f"/commitments/{root['id']}").text
    if expected is not None:  # the page shows the API's figure, and says how it was computed
        assert f"overall completion {round(expected * 100)} %" in page
    if children:
        assert "Overall completion is the average of the sub-commitments" in page
    assert (f"{dropped} dropped, not counted" in page) is bool(dropped)


def test_deep_tree_is_bounded_and_flagged(client: TestClient) -> None:
    pid = partnership(client)
    root = commitment(client, pid)
    parent = root["id"]
    for level in range(MAX_DEPTH + 2):
        parent = commitment(client, pid, parent_id=parent, completion="complete" if level else "limited")["id"]
    progress = client.get(f"/api/v1/commitments/{root['id']}/progress").json()
    assert progress["depth_limited"] is True and progress["descendants"] == MAX_DEPTH
    assert progress["rolled_up_completion"] == pytest.approx(1.0)  # the deepest level read counts by its own
    assert "Only the first 10 levels are counted." in client.get(f"/commitments/{root['id']}").text


def test_a_cycle_in_the_data_does_not_loop(client: TestClient, db: Session) -> None:
    pid = partnership(client)
    a = commitment(client, pid, text="A")
    b = commitment(client, pid, text="B", parent_id=a["id"], completion="complete")
    c = commitment(client, pid, text="C", parent_id=b["id"], completion="limited")
    refused = client.patch(f"/api/v1/commitments/{a['id']}", json={"version": a["version"], "parent_id": c["id"]})
    assert refused.status_code == 422 and "cycle" in refused.json()["detail"]
    db.execute(update(Commitment).where(Commitment.id == a["id"]).values(parent_id=c["id"]))  # old or raw data
    db.commit()
    for node in (a, b, c):
        progress = client.get(f"/api/v1/commitments/{node['id']}/progress").json()
        assert progress["depth_limited"] is True and progress["descendants"] == 2
    assert client.get(f"/commitments/{a['id']}").status_code == 200


def count_queries(db_url: str, action: Any) -> int:
    statements: list[str] = []
    engine = get_engine(db_url)

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return len(statements)


def test_rollup_reads_a_bounded_number_of_queries(client: TestClient, db_url: str, db: Session) -> None:
    pid = partnership(client)
    small, large = commitment(client, pid), commitment(client, pid)
    build(client, pid, small["id"], [("done", "complete", [])])
    build(client, pid, large["id"], [("in_progress", "limited", [("done", "complete", [])] * 4)] * 6)

    def progress_of(record_id: int) -> Any:
        return lambda: commitments.progress(db, db.get(Commitment, record_id))

    db.expire_all()
    few = count_queries(db_url, progress_of(small["id"]))
    db.expire_all()
    many = count_queries(db_url, progress_of(large["id"]))
    assert many == few <= 8


def test_yearly_table_shows_every_year_of_the_period(client: TestClient) -> None:
    pid = partnership(client)
    committee = client.post("/api/v1/committees", json={"partnership_id": pid, "name": "JC"}).json()
    session = client.post("/api/v1/sessions", json={"committee_id": committee["id"], "number": 1,
                                                    "start_date": "2023-05-28"}).json()
    c = commitment(client, pid, session_id=session["id"], target_per_year=2, due_date="2028-12-31",
                   text="Organise one or two training courses a year")
    for day, count in (("2023-09-01", 2), ("2025-03-01", 1), ("2026-02-01", 1)):
        r = client.post("/api/v1/progress-updates", json={"commitment_id": c["id"], "date": day, "note": "held",
                                                          "count": count})
        assert r.status_code == 201, r.text
    progress = client.get(f"/api/v1/commitments/{c['id']}/progress").json()
    assert progress["period"] == [2023, 2028]
    rows = [(y["year"], y["done"], y["when"], y["missed"]) for y in progress["years"]]
    assert rows == [(2023, 2, "past", False), (2024, 0, "past", True), (2025, 1, "past", True),
                    (2026, 1, "current", False), (2027, 0, "future", False), (2028, 0, "future", False)]
    page = client.get(f"/commitments/{c['id']}").text
    table = page.split('id="years"')[1].split("</table>")[0]
    assert [int(y) for y in __import__("re").findall(r"<td data-label=\"Year\">(\d{4})", table)] == \
        list(range(2023, 2029))
    assert table.count("missed") == 2 and table.count("future") == 2


def test_yearly_table_without_target_or_count_is_empty(client: TestClient) -> None:
    pid = partnership(client)
    c = commitment(client, pid)
    assert client.get(f"/api/v1/commitments/{c['id']}/progress").json()["years"] == []


def completion_of(client: TestClient, cid: int) -> str:
    return client.get(f"/api/v1/commitments/{cid}").json()["completion"]


def test_latest_dated_assessment_or_progress_update_sets_completion(client: TestClient) -> None:
    pid = partnership(client)
    c = commitment(client, pid)
    cid = c["id"]
    plain = client.post("/api/v1/progress-updates", json={"commitment_id": cid, "date": "2025-01-10",
                                                          "note": "Met once"})
    assert plain.status_code == 201 and completion_of(client, cid) == "not_started"  # no level stated
    page = client.get(f"/commitments/{cid}").text
    assert "Set by hand: no assessment or progress update states a level yet." in page
    update_ = client.post("/api/v1/progress-updates", json={"commitment_id": cid, "date": "2025-03-01",
                                                            "note": "Two courses held", "completion": "limited"})
    assert update_.status_code == 201 and completion_of(client, cid) == "limited"
    assessment = client.post("/api/v1/assessments", json={"commitment_id": cid, "date": "2025-06-01",
                                                           "rating": "substantial"}).json()
    assert completion_of(client, cid) == "substantial"
    older = client.post("/api/v1/progress-updates", json={"commitment_id": cid, "date": "2025-04-01",
                                                          "note": "Late report", "completion": "complete"})
    assert older.status_code == 201 and completion_of(client, cid) == "substantial"  # not the latest
    newer = client.post("/api/v1/progress-updates", json={"commitment_id": cid, "date": "2025-07-01",
                                                          "note": "All done", "completion": "complete"}).json()
    assert completion_of(client, cid) == "complete"
    progress = client.get(f"/api/v1/commitments/{cid}/progress").json()
    assert (progress["completion_source"], progress["completion_source_date"]) == ("progress_update", "2025-07-01")
    assert "Set by the latest progress update stating a level" in client.get(f"/commitments/{cid}").text
    # deleting the latest falls back to the next latest
    assert client.delete(f"/api/v1/progress-updates/{newer['id']}",
                         params={"version": newer["version"]}).status_code == 204
    assert completion_of(client, cid) == "substantial"
    # a hand change that contradicts the latest record is refused, naming the field
    current = client.get(f"/api/v1/commitments/{cid}").json()
    refused = client.patch(f"/api/v1/commitments/{cid}", json={"version": current["version"],
                                                                "completion": "not_started"})
    assert refused.status_code == 422 and "latest assessment (2025-06-01)" in refused.json()["detail"]
    assert client.delete(f"/api/v1/assessments/{assessment['id']}",
                         params={"version": assessment["version"]}).status_code == 204
    assert completion_of(client, cid) == "complete"  # the update of 2025-04-01 is now the latest with a level


def test_progress_update_form_offers_the_completion_level(client: TestClient) -> None:
    pid = partnership(client)
    c = commitment(client, pid)
    form = client.get(f"/progress-updates/new?commitment_id={c['id']}").text
    assert 'name="completion"' in form and "Completion reached" in form
    r = client.post("/progress-updates/new", data={"commitment_id": str(c["id"]), "date": "2026-01-05",
                                                   "note": "Course held", "completion": "substantial"},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    assert completion_of(client, c["id"]) == "substantial"


def test_overdue_rule_is_the_same_in_python_and_sql(client: TestClient, db: Session) -> None:
    """``is_overdue`` (pages, API records) and ``overdue_clause`` (list filter, dashboard) walk the same cases."""
    from sticoop.commitments.models import CommitmentStatus
    from sticoop.commitments.service import is_overdue, overdue_clause
    from sticoop.core import clock

    pid = partnership(client)
    made = []
    for status in CommitmentStatus:
        for due in (None, "2026-06-14", "2026-06-15", "2026-06-16"):
            made.append(commitment(client, pid, text=f"{status} {due}", status=status.value,
                                   **({"due_date": due} if due else {})))
    from sqlalchemy import select

    listed = set(db.scalars(select(Commitment.id).where(overdue_clause(clock.today()))))
    api = {c["id"] for c in client.get("/api/v1/commitments", params={"status": "overdue", "limit": 200})
           .json()["items"]}
    python = {c["id"] for c in made if is_overdue(db.get(Commitment, c["id"]))}
    flagged = {c["id"] for c in made if client.get(f"/api/v1/commitments/{c['id']}").json()["overdue"]}
    assert listed == api == python == flagged
    expected = {c["id"] for c in made if c["status"] == "overdue"
                or (c["status"] in ("planned", "in_progress") and c["due_date"] == "2026-06-14")}
    assert listed == expected
