"""Brokerage-event scheduler: hard constraints, optimality against greedy, leftovers and bad input."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from sticoop.matchmaking.engine.scheduling import (
    Booked,
    Meeting,
    Participant,
    Schedule,
    reason_code,
    schedule_greedy,
    schedule_meetings,
)

SOLVERS = [schedule_greedy, lambda *a: schedule_meetings(*a, time_limit_s=5)]


def _random_event(seed: int, n_people: int = 30, n_slots: int = 10, n_tables: int = 5, n_meetings: int = 80):
    rng = random.Random(seed)
    slots = [f"s{i:02d}" for i in range(n_slots)]
    people = [Participant(f"p{i}", [s for s in slots if rng.random() < 0.6]) for i in range(n_people)]
    pairs = set()
    while len(pairs) < n_meetings:
        a, b = rng.sample(range(n_people), 2)
        pairs.add((min(a, b), max(a, b)))
    meetings = [Meeting(f"m{i}", f"p{a}", f"p{b}", priority=rng.choice([1, 1, 2]))
                for i, (a, b) in enumerate(sorted(pairs))]
    return people, [f"t{i}" for i in range(n_tables)], slots, meetings


def _check_feasible(sched: Schedule, people, tables, slots, meetings):
    avail = {p.id: p.availability for p in people}
    by_id = {m.id: m for m in meetings}
    person_slot, table_slot = Counter(), Counter()
    for mid, (slot, table) in sched.assignments.items():
        m = by_id[mid]
        assert slot in avail[m.a] and slot in avail[m.b], f"{mid} outside availability"
        assert table in tables
        person_slot[(m.a, slot)] += 1
        person_slot[(m.b, slot)] += 1
        table_slot[(table, slot)] += 1
    assert max(person_slot.values(), default=0) <= 1, "a participant is double-booked"
    assert max(table_slot.values(), default=0) <= 1, "a table is double-booked"
    assert set(sched.assignments) | {u.meeting_id for u in sched.unplaced} == set(by_id)
    assert not set(sched.assignments) & {u.meeting_id for u in sched.unplaced}


@pytest.mark.parametrize("solve", SOLVERS, ids=["greedy", "cp-sat"])
def test_no_double_booking_and_availability_honoured(solve):
    event = _random_event(seed=7)
    sched = solve(*event)
    _check_feasible(sched, *event)
    assert sched.scheduled_count > 0 and sched.unplaced  # the event is over-subscribed on purpose


def test_cp_sat_beats_greedy_where_greedy_is_suboptimal():
    """Greedy places A–C (one option) then B–D at s0, which leaves C–D nowhere; the optimum places all 3."""
    slots = ["s0", "s1", "s2"]
    people = [Participant("A", {"s2"}), Participant("B", {"s0", "s1"}),
              Participant("C", {"s0", "s2"}), Participant("D", {"s0", "s1", "s2"})]
    meetings = [Meeting("BD", "B", "D"), Meeting("CD", "C", "D"), Meeting("AC", "A", "C")]
    greedy = schedule_greedy(people, ["T1"], slots, meetings)
    best = schedule_meetings(people, ["T1"], slots, meetings)
    assert greedy.scheduled_count == 2
    assert best.scheduled_count == 3 and best.optimal and best.unplaced == []
    assert best.assignments == {"AC": ("s2", "T1"), "BD": ("s1", "T1"), "CD": ("s0", "T1")}
    assert [row[0] for row in best.agenda("D")] == ["s0", "s1"]
    assert [u.meeting_id for u in greedy.unplaced] == ["CD"]
    assert "no room" in greedy.unplaced[0].reason


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_optimal_is_never_worse_than_greedy(seed):
    event = _random_event(seed, n_people=20, n_slots=6, n_tables=3, n_meetings=40)
    g, o = schedule_greedy(*event), schedule_meetings(*event, time_limit_s=5)
    _check_feasible(o, *event)
    assert o.objective >= g.objective


def test_priority_wins_when_not_everything_fits():
    people = [Participant("A", {"s"}), Participant("B", {"s"}), Participant("C", {"s"})]
    meetings = [Meeting("low", "A", "B", priority=1), Meeting("high", "A", "C", priority=5)]
    sched = schedule_meetings(people, ["T1", "T2"], ["s"], meetings)
    assert list(sched.assignments) == ["high"] and sched.objective == 5


def test_infeasible_leftovers_are_listed_with_reasons():
    slots = ["s1", "s2"]
    people = [Participant("A", {"s1"}), Participant("B", {"s2"}), Participant("C", set()),
              Participant("D", {"s1"}), Participant("E", {"s1"})]
    meetings = [Meeting("AB", "A", "B"), Meeting("AC", "A", "C"), Meeting("AD", "A", "D"),
                Meeting("DE", "D", "E")]
    sched = schedule_meetings(people, ["T1", "T2"], slots, meetings)
    reasons = {u.meeting_id: u.reason for u in sched.unplaced}
    assert "no available slot in common" in reasons["AB"]
    assert "'C' has no available slot" in reasons["AC"]
    assert len(sched.assignments) == 1 and set(sched.assignments) <= {"AD", "DE"}
    lost = ({"AD", "DE"} - set(sched.assignments)).pop()
    assert "already in a meeting" in reasons[lost]


def test_tables_full_reason_and_no_tables():
    people = [Participant(p, {"s1"}) for p in "ABCD"]
    meetings = [Meeting("AB", "A", "B"), Meeting("CD", "C", "D")]
    sched = schedule_meetings(people, ["T1"], ["s1"], meetings)
    assert sched.scheduled_count == 1
    assert "all 1 tables taken" in sched.unplaced[0].reason
    none = schedule_meetings(people, [], ["s1"], meetings)
    assert none.scheduled_count == 0 and all("no tables" in u.reason for u in none.unplaced)


def test_bad_input_is_rejected():
    people = [Participant("A", {"s1"}), Participant("B", {"s1"})]
    with pytest.raises(ValueError, match="cannot meet themselves"):
        schedule_meetings(people, ["T1"], ["s1"], [Meeting("m", "A", "A")])
    with pytest.raises(ValueError, match="not a participant of this event"):
        schedule_greedy(people, ["T1"], ["s1"], [Meeting("m", "A", "Z")])
    with pytest.raises(ValueError, match="listed twice"):
        schedule_greedy(people, ["T1"], ["s1"], [Meeting("m", "A", "B"), Meeting("m", "B", "A")])
    with pytest.raises(ValueError, match="unknown slots"):
        schedule_greedy([Participant("A", {"s9"})], ["T1"], ["s1"], [])
    with pytest.raises(ValueError, match="priority"):
        schedule_greedy(people, ["T1"], ["s1"], [Meeting("m", "A", "B", priority=0)])


def test_reasons_use_names_and_slot_labels_when_given():
    people = [Participant(1, {"s1"}, "Agri Lab"), Participant(2, {"s1"}, "Lao Solar"),
              Participant(3, {"s2"}, "Mekong Foods")]
    meetings = [Meeting("a", 1, 2), Meeting("b", 1, 3), Meeting("c", 1, 2)]
    for solve in (schedule_greedy, schedule_meetings):
        sched = solve(people, ["T1"], ["s1", "s2"], meetings, slot_names={"s1": "10 Sep 09:00–09:30"})
        reasons = {u.meeting_id: u for u in sched.unplaced}
        assert reasons["b"].reason == "Agri Lab and Mekong Foods have no available slot in common"
        assert reasons["b"].code == "no_common_slot" and reasons["b"].who == (1, 3)
        blocked = reasons[({"a", "c"} - set(sched.assignments)).pop()]
        assert blocked.code == "no_room" and "10 Sep 09:00–09:30: Agri Lab and Lao Solar already in a meeting" \
            in blocked.reason
        assert reason_code(blocked.reason) == "no_room" and reason_code(reasons["b"].reason) == "no_common_slot"


def test_booked_meetings_keep_their_table_and_make_people_busy():
    people = [Participant(p, {"s1", "s2"}) for p in "ABCD"]
    booked = [Booked("A", "B", "s1", "T2")]
    meetings = [Meeting("AC", "A", "C"), Meeting("CD", "C", "D")]
    for solve in (schedule_greedy, schedule_meetings):
        sched = solve(people, ["T1", "T2"], ["s1", "s2"], meetings, booked=booked)
        assert sched.assignments["AC"][0] == "s2"  # A is busy in s1
        placed = [sched.assignments[m] for m in ("AC", "CD") if m in sched.assignments]
        assert ("s1", "T2") not in placed and len(placed) == 2
    full = schedule_meetings(people, ["T1"], ["s1", "s2"], [Meeting("CD", "C", "D")],
                             booked=[Booked("A", "B", "s1", "T1"), Booked("A", "B", "s2", "T1")])
    assert full.scheduled_count == 0 and "all 1 tables taken" in full.unplaced[0].reason
    with pytest.raises(ValueError, match="unknown slot or table"):
        schedule_greedy(people, ["T1"], ["s1", "s2"], [], booked=[Booked("A", "B", "s9", "T1")])
