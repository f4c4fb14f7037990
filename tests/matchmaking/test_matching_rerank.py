"""Session 6 (issue 12): field compatibility weighs in every complementary pair of kinds, and the evaluation set's
new held-out part is built as documented (so its figures mean what benchmarks/README.md says)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from sticoop.matchmaking.engine import HashingEmbedder, Matcher, Profile, Weights
from sticoop.matchmaking.engine.profiles import COMPLEMENTARY_KINDS

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
PAIRS = [(q, c) for q, kinds in COMPLEMENTARY_KINDS.items() for c in sorted(kinds)]


@pytest.mark.parametrize(("query_kind", "candidate_kind"), PAIRS)
def test_shared_fields_rank_first_among_equally_close_candidates(query_kind, candidate_kind):
    """Walks every complementary pair of kinds: two candidates with the same vector and text, one sharing the
    query's fields and one not — the one sharing them ranks first, by the default fields weight over the parts
    that apply."""
    rng = np.random.default_rng(1)
    base = rng.standard_normal(64).astype(np.float32)
    q = Profile("q", query_kind, title="need", fields=["energy", "iot"])
    same = Profile("same", candidate_kind, title="answer", fields=["energy", "iot"])
    other = Profile("other", candidate_kind, title="answer", fields=["health_medicine"])
    m = Matcher(HashingEmbedder(dim=64), supported_languages=("en",), centring=False, threshold=0.0)
    m.add([q, same, other], vectors=np.stack([base, base + 0.1, base + 0.1]))
    hits = m.complementary("q", k=5)
    order = [x.profile_id for x in hits]
    assert order.index("same") < order.index("other")
    parts = {x.profile_id: x.explanation.parts for x in hits}
    assert parts["same"]["fields"].value == 1.0 and parts["other"]["fields"].value == 0.0
    applying = sum(getattr(Weights(), name) for name in parts["same"])
    assert parts["same"]["fields"].weight == pytest.approx(Weights().fields / applying, abs=1e-4)
    gap = hits[order.index("same")].score - hits[order.index("other")].score
    assert gap == pytest.approx(Weights().fields / applying, abs=1e-3)


def _heldout6():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from data.matching_pairs import TOPICS
        from data.matching_pairs_heldout6 import HELD_OUT_6, TOPICS_6, build_with_heldout6
    finally:
        sys.path.remove(str(BENCHMARKS))
    return TOPICS, TOPICS_6, HELD_OUT_6, build_with_heldout6()


def test_the_session6_held_out_part_is_built_as_documented():
    """≥ 20 new topics, ≥ 8 same-language queries and most pairs across languages, unique ids, no topic of the
    session-5 set reused, each query with exactly one true partner of the complementary kind."""
    old, new, split, data = _heldout6()
    assert len(new) >= 20 and not {t.key for t in old} & {t.key for t in new}
    by_id = {p.id: p for p in data.profiles}
    assert len(by_id) == len(data.profiles)
    queries = data.queries(split)
    same = [q for q in queries if by_id[data.relevant[q]].language == by_id[q].language]
    assert len(queries) == 2 * len(new) and len(same) >= 8 and len(queries) - len(same) > len(queries) / 2
    assert {by_id[q].language for q in queries} == {"en", "fr", "vi"}
    for q in queries:
        assert by_id[data.relevant[q]].kind in COMPLEMENTARY_KINDS[by_id[q].kind]
        assert data.relevant[data.relevant[q]] == q


@pytest.mark.parametrize("role", ["request", "offer"])
def test_every_query_has_two_near_misses_in_its_own_language(role):
    """For each query of the new part (requests, then offers), a distractor of its partner's side written in the
    query's language, and one of its own side in the partner's language."""
    _, new, split, data = _heldout6()
    by_id = {p.id: p for p in data.profiles}
    partner_side = {"request": "near_offer", "offer": "near_request"}[role]
    own_side = {"request": "near_request", "offer": "near_offer"}[role]
    for t in new:
        q, partner = by_id[f"{t.key}:{role}"], by_id[data.relevant[f"{t.key}:{role}"]]
        assert data.split_of[q.id] == split
        near = by_id[f"{t.key}:{partner_side}"]
        assert near.language == q.language and near.kind == partner.kind
        assert by_id[f"{t.key}:{own_side}"].language == partner.language
