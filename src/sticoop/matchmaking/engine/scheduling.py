"""Brokerage-event (techmart) scheduler: accepted meetings → (time slot, table).

A fair is judged by the meetings that actually happen, so we *maximise* the number (or priority-weighted
number) of accepted meetings placed, subject to: a participant is in at most one meeting per slot, a slot
uses at most as many tables as there are, and both participants are available. Tables are
interchangeable, so the solver decides meeting → slot (far fewer variables than meeting × slot × table)
and tables are handed out per slot afterwards.

The exact method is OR-Tools CP-SAT with a time limit, warm-started from the greedy plan; the greedy
baseline (most-constrained meeting first, earliest free slot) is kept for comparison and as the fallback
when the solver finds nothing in time. Meetings that cannot be placed are listed with a reason that names
the participants (``Participant.name``) and slots (``slot_names``) as the organisers know them, plus a
``code`` so that pages can say the same thing in their own language. Meetings already held (``booked``:
an outcome was recorded) keep their slot and table; the others are planned around them.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

Id = Hashable


@dataclass(frozen=True)
class Participant:
    id: Id
    availability: frozenset[Id]  # slot ids this participant can attend (any iterable is accepted)
    name: str | None = None  # how reasons refer to them; the id's repr when absent

    def __post_init__(self) -> None:
        object.__setattr__(self, "availability", frozenset(self.availability))


@dataclass(frozen=True)
class Meeting:
    """An accepted meeting request between participants ``a`` and ``b``; higher priority = more important."""

    id: Id
    a: Id
    b: Id
    priority: int = 1


#: why a meeting could not be placed; ``reason`` says it in English with names, the code lets a page translate it
NO_TABLES, NO_AVAILABILITY, NO_COMMON_SLOT, NO_ROOM = "no_tables", "no_availability", "no_common_slot", "no_room"


@dataclass(frozen=True)
class Unplaced:
    meeting_id: Id
    reason: str
    code: str = NO_ROOM
    who: tuple[Id, ...] = ()  # the participant(s) the reason is about


def reason_code(reason: str) -> str:
    """The code of a reason text produced here (for reasons stored as text only, e.g. in a database)."""
    if reason.startswith("the event has no tables"):
        return NO_TABLES
    if reason.endswith("have no available slot in common"):
        return NO_COMMON_SLOT
    if reason.endswith("has no available slot"):
        return NO_AVAILABILITY
    return NO_ROOM


@dataclass(frozen=True)
class Booked:
    """A meeting fixed in place (it took place): its table is taken and both participants busy in its slot."""

    a: Id
    b: Id
    slot: Id
    table: Id


@dataclass
class Schedule:
    assignments: dict[Id, tuple[Id, Id]]  # meeting id → (slot id, table id)
    unplaced: list[Unplaced]
    method: str  # "cp-sat" or "greedy"
    optimal: bool  # proven optimal (CP-SAT only)
    objective: int  # Σ priority of scheduled meetings
    seconds: float
    slot_order: dict[Id, int] = field(default_factory=dict, repr=False)
    meetings: dict[Id, Meeting] = field(default_factory=dict, repr=False)

    @property
    def scheduled_count(self) -> int:
        return len(self.assignments)

    def agenda(self, participant_id: Id) -> list[tuple[Id, Id, Id, Id]]:
        """``(slot, table, meeting id, other participant)`` for one participant, in slot order."""
        rows = []
        for mid, (slot, table) in self.assignments.items():
            m = self.meetings[mid]
            if participant_id in (m.a, m.b):
                rows.append((slot, table, mid, m.b if m.a == participant_id else m.a))
        return sorted(rows, key=lambda r: self.slot_order[r[0]])


@dataclass
class _Problem:
    participants: dict[Id, Participant]
    tables: list[Id]
    slots: list[Id]
    meetings: list[Meeting]
    common: dict[Id, list[Id]]  # meeting id → common slots, in slot order
    unplaceable: dict[Id, Unplaced]  # meeting id → why it can never be placed
    slot_names: Mapping[Id, str] = field(default_factory=dict)
    booked: Sequence[Booked] = ()

    @property
    def busy(self) -> set[tuple[Id, Id]]:
        """(participant, slot) pairs taken by booked meetings."""
        return {(p, b.slot) for b in self.booked for p in (b.a, b.b)}

    def capacity(self, slot: Id) -> int:
        return len(self.tables) - sum(1 for b in self.booked if b.slot == slot)

    def who(self, participant_id: Id) -> str:
        name = self.participants[participant_id].name
        return name if name else repr(participant_id)

    def slot(self, slot_id: Id) -> str:
        return self.slot_names.get(slot_id) or str(slot_id)


def _validate(participants: Sequence[Participant], tables: Sequence[Id], slots: Sequence[Id],
              meetings: Sequence[Meeting], slot_names: Mapping[Id, str] | None = None,
              booked: Sequence[Booked] = ()) -> _Problem:
    by_id: dict[Id, Participant] = {}
    for p in participants:
        if p.id in by_id:
            raise ValueError(f"participant {p.id!r} is listed twice")
        by_id[p.id] = p
    if len(set(slots)) != len(slots):
        raise ValueError("slot ids must be unique")
    if len(set(tables)) != len(tables):
        raise ValueError("table ids must be unique")
    slot_set = set(slots)
    for p in participants:
        unknown = p.availability - slot_set
        if unknown:
            names = sorted(map(str, unknown))
            raise ValueError(f"participant {p.id!r} is available in unknown slots: {names}")
    seen: set[Id] = set()
    for m in meetings:
        if m.id in seen:
            raise ValueError(f"meeting {m.id!r} is listed twice")
        seen.add(m.id)
        if m.a == m.b:
            raise ValueError(f"meeting {m.id!r}: a participant cannot meet themselves ({m.a!r})")
        for who in (m.a, m.b):
            if who not in by_id:
                raise ValueError(f"meeting {m.id!r}: {who!r} is not a participant of this event")
        if not isinstance(m.priority, int) or isinstance(m.priority, bool) or m.priority < 1:
            raise ValueError(f"meeting {m.id!r}: priority must be a positive integer, got {m.priority!r}")

    common: dict[Id, list[Id]] = {}
    unplaceable: dict[Id, Unplaced] = {}
    for b in booked:
        if b.slot not in slot_set or b.table not in tables:
            raise ValueError(f"booked meeting {b.a!r}–{b.b!r} is in an unknown slot or table")
    prob = _Problem(by_id, list(tables), list(slots), list(meetings), common, unplaceable, slot_names or {},
                    list(booked))
    for m in meetings:
        pa, pb = by_id[m.a], by_id[m.b]
        common[m.id] = [s for s in slots if s in pa.availability and s in pb.availability]
        if not tables:
            unplaceable[m.id] = Unplaced(m.id, "the event has no tables", NO_TABLES, (m.a, m.b))
        elif not pa.availability or not pb.availability:
            who = m.a if not pa.availability else m.b
            unplaceable[m.id] = Unplaced(m.id, f"participant {prob.who(who)} has no available slot",
                                         NO_AVAILABILITY, (who,))
        elif not common[m.id]:
            unplaceable[m.id] = Unplaced(m.id, f"{prob.who(m.a)} and {prob.who(m.b)} have no available slot "
                                         "in common", NO_COMMON_SLOT, (m.a, m.b))
    return prob


def _blocked_reason(prob: _Problem, m: Meeting, slot_of: dict[Id, Id]) -> Unplaced:
    """Explain why a meeting that was possible in principle found no room."""
    busy: dict[tuple[Id, Id], bool] = dict.fromkeys(prob.busy, True)
    per_slot: dict[Id, int] = defaultdict(int)
    for other in prob.meetings:
        s = slot_of.get(other.id)
        if s is not None:
            busy[(other.a, s)] = busy[(other.b, s)] = True
            per_slot[s] += 1
    details = []
    for s in prob.common[m.id]:
        who = [p for p in (m.a, m.b) if busy.get((p, s))]
        if who:
            details.append(f"{prob.slot(s)}: {' and '.join(map(prob.who, who))} already in a meeting")
        elif per_slot[s] >= prob.capacity(s):
            details.append(f"{prob.slot(s)}: all {len(prob.tables)} tables taken")
    shown = "; ".join(details[:3]) + ("; …" if len(details) > 3 else "")
    return Unplaced(m.id, f"no room in any of the {len(prob.common[m.id])} slot(s) both {prob.who(m.a)} and "
                          f"{prob.who(m.b)} are free ({shown})", NO_ROOM, (m.a, m.b))


def _tables_for(prob: _Problem, slot_of: dict[Id, Id]) -> dict[Id, tuple[Id, Id]]:
    by_slot: dict[Id, list[Id]] = defaultdict(list)
    for m in prob.meetings:  # input order: deterministic table numbers
        if m.id in slot_of:
            by_slot[slot_of[m.id]].append(m.id)
    out: dict[Id, tuple[Id, Id]] = {}
    for s, mids in by_slot.items():
        taken = {b.table for b in prob.booked if b.slot == s}
        for table, mid in zip([t for t in prob.tables if t not in taken], mids, strict=False):
            out[mid] = (s, table)
    return out


def _finish(prob: _Problem, slot_of: dict[Id, Id], method: str, optimal: bool, started: float) -> Schedule:
    unplaced = []
    for m in prob.meetings:
        if m.id not in slot_of:
            unplaced.append(prob.unplaceable.get(m.id) or _blocked_reason(prob, m, slot_of))
    meetings = {m.id: m for m in prob.meetings}
    return Schedule(
        assignments=_tables_for(prob, slot_of),
        unplaced=unplaced,
        method=method,
        optimal=optimal,
        objective=sum(meetings[mid].priority for mid in slot_of),
        seconds=time.perf_counter() - started,
        slot_order={s: i for i, s in enumerate(prob.slots)},
        meetings=meetings,
    )


def _greedy_slots(prob: _Problem) -> dict[Id, Id]:
    """Highest priority first, then the meeting with the fewest possible slots; earliest free slot."""
    order = sorted((m for m in prob.meetings if m.id not in prob.unplaceable),
                   key=lambda m: (-m.priority, len(prob.common[m.id])))
    busy: set[tuple[Id, Id]] = prob.busy
    used: dict[Id, int] = defaultdict(int)
    slot_of: dict[Id, Id] = {}
    for m in order:
        for s in prob.common[m.id]:
            if (m.a, s) not in busy and (m.b, s) not in busy and used[s] < prob.capacity(s):
                slot_of[m.id] = s
                busy.add((m.a, s))
                busy.add((m.b, s))
                used[s] += 1
                break
    return slot_of


def schedule_greedy(participants: Sequence[Participant], tables: Sequence[Id], slots: Sequence[Id],
                    meetings: Sequence[Meeting], *, slot_names: Mapping[Id, str] | None = None,
                    booked: Sequence[Booked] = ()) -> Schedule:
    """Greedy baseline: fast, usually good, not optimal."""
    started = time.perf_counter()
    prob = _validate(participants, tables, slots, meetings, slot_names, booked)
    return _finish(prob, _greedy_slots(prob), "greedy", False, started)


def schedule_meetings(participants: Sequence[Participant], tables: Sequence[Id], slots: Sequence[Id],
                      meetings: Sequence[Meeting], *, time_limit_s: float = 10.0,
                      num_workers: int = 2, slot_names: Mapping[Id, str] | None = None,
                      booked: Sequence[Booked] = ()) -> Schedule:
    """Place as many (priority-weighted) accepted meetings as possible with CP-SAT.

    Raises ValueError on bad input (a meeting with oneself, an unknown participant or slot, duplicate ids).
    Returns the best plan found within ``time_limit_s``; ``optimal`` tells whether it is proven optimal.
    ``slot_names`` (slot id → label) and ``Participant.name`` only change how reasons read; ``booked``
    meetings (already held) are not moved: their tables and participants are busy in their slots.
    """
    from ortools.sat.python import cp_model

    started = time.perf_counter()
    prob = _validate(participants, tables, slots, meetings, slot_names, booked)
    greedy = _greedy_slots(prob)
    model = cp_model.CpModel()
    x: dict[tuple[Id, Id], cp_model.IntVar] = {}
    by_participant_slot: dict[tuple[Id, Id], list] = defaultdict(list)
    by_slot: dict[Id, list] = defaultdict(list)
    objective = []
    busy = prob.busy
    for i, m in enumerate(prob.meetings):
        if m.id in prob.unplaceable:
            continue
        mine = []
        for j, s in enumerate(prob.common[m.id]):
            if (m.a, s) in busy or (m.b, s) in busy:
                continue
            v = model.new_bool_var(f"m{i}_s{j}")
            x[(m.id, s)] = v
            mine.append(v)
            by_participant_slot[(m.a, s)].append(v)
            by_participant_slot[(m.b, s)].append(v)
            by_slot[s].append(v)
            objective.append(m.priority * v)
            model.add_hint(v, greedy.get(m.id) == s)
        model.add_at_most_one(mine)
    for vs in by_participant_slot.values():
        if len(vs) > 1:
            model.add_at_most_one(vs)
    for s, vs in by_slot.items():
        if len(vs) > prob.capacity(s):
            model.add(sum(vs) <= prob.capacity(s))
    if not x:
        return _finish(prob, {}, "cp-sat", True, started)
    model.maximize(sum(objective))

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, time_limit_s)
    solver.parameters.num_workers = num_workers
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return _finish(prob, greedy, "greedy", False, started)  # nothing found in time: keep the greedy plan
    slot_of = {mid: s for (mid, s), v in x.items() if solver.boolean_value(v)}
    return _finish(prob, slot_of, "cp-sat", status == cp_model.OPTIMAL, started)
