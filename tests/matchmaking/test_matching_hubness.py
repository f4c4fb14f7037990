"""Hubness correction of complementary scores (CSLS, Conneau et al. 2018): what a neighbourhood is, when it is
recomputed, what it changes in the ranking and what it leaves alone."""

from __future__ import annotations

import numpy as np
import pytest

from sticoop.matchmaking.engine import HashingEmbedder, Matcher, Profile, Weights, ranking
from sticoop.matchmaking.engine.profiles import COMPLEMENTARY_KINDS, KINDS

DIM = 1024
SEMANTIC = Weights(semantic=1, keywords=0, fields=0, trl=0, country=0, partner_type=0)


def _unit(rng: np.random.Generator, n: int) -> np.ndarray:
    x = rng.standard_normal((n, DIM)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def _matcher(**kw) -> Matcher:
    return Matcher(HashingEmbedder(DIM), supported_languages=("en",), centring=False, threshold=0.0,
                   weights=SEMANTIC, **kw)


def _hub_market(rng: np.random.Generator) -> tuple[list[Profile], np.ndarray]:
    """Eight requests, each with its own answer (an offer at cosine ≈ 0.3 with it), and one offer that is a
    little closer than that to every request (a hub: generic wording that resembles everything)."""
    topics = _unit(rng, 8)
    hub = topics.sum(axis=0)
    hub /= np.linalg.norm(hub)
    profiles, vectors = [], []
    for t in range(8):
        noise = _unit(rng, 2)
        profiles.append(Profile(f"r{t}", "technology_request", title=f"request {t}"))
        vectors.append(topics[t] + 0.2 * noise[0])
        profiles.append(Profile(f"o{t}", "technology_offer", title=f"offer {t}"))
        vectors.append(0.3 * topics[t] + 0.95 * noise[1])
    profiles.append(Profile("hub", "technology_offer", title="generic offer"))
    vectors.append(hub)
    return profiles, np.array(vectors, dtype=np.float32)


def test_a_hub_stops_winning_every_query_and_true_answers_come_first():
    profiles, vectors = _hub_market(np.random.default_rng(5))
    plain, corrected = _matcher(hubness=False), _matcher()
    plain.add(profiles, vectors=vectors)
    corrected.add(profiles, vectors=vectors)
    first_plain = [plain.complementary(f"r{t}", k=1)[0].profile_id for t in range(8)]
    first_corrected = [corrected.complementary(f"r{t}", k=1)[0].profile_id for t in range(8)]
    assert first_plain.count("hub") >= 6  # the failure the correction is for: one profile answers everything
    assert first_corrected == [f"o{t}" for t in range(8)]
    # the hub's neighbourhood is the most crowded one of the offers
    r = corrected.neighbourhoods()
    assert r["hub"] > max(r[f"o{t}"] for t in range(8))


@pytest.mark.parametrize("kind", KINDS)
def test_neighbourhood_is_the_mean_of_the_best_cosines_with_those_who_could_ask(kind):
    """Walks every kind: r(c) = mean of the HUBNESS_K best centred cosines of c with the candidates of the kinds
    complementary to c, itself excluded (R&D and business offers answer their own kind)."""
    rng = np.random.default_rng(KINDS.index(kind))
    profiles = [Profile(f"{k}{i}", k, title=f"{k} {i}") for k in KINDS for i in range(5)]
    vectors = _unit(rng, len(profiles))
    m = _matcher()
    m.add(profiles, vectors=vectors)
    r = m.neighbourhoods()
    by_id = {p.id: v for p, v in zip(profiles, vectors, strict=True)}
    for i in range(5):
        me = f"{kind}{i}"
        others = [p.id for p in profiles if p.kind in COMPLEMENTARY_KINDS[kind] and p.id != me]
        cos = sorted((float(by_id[me] @ by_id[o]) for o in others), reverse=True)
        assert r[me] == pytest.approx(np.mean(cos[:ranking.HUBNESS_K]), abs=1e-5)


@pytest.mark.parametrize("status", ["draft", "expired", "withdrawn"])
def test_profiles_never_offered_do_not_make_a_neighbourhood(status):
    rng = np.random.default_rng(1)
    vectors = _unit(rng, 5)
    profiles = [Profile("o", "technology_offer", title="offer"),
                *[Profile(f"r{i}", "technology_request", title=f"r {i}") for i in range(3)],
                Profile("hidden", "technology_request", title="hidden", status=status)]
    vectors[4] = vectors[0]  # the hidden request is the offer's twin: it would dominate r(o)
    m = _matcher()
    m.add(profiles, vectors=vectors)
    expected = np.mean(sorted((float(vectors[0] @ vectors[i]) for i in (1, 2, 3)), reverse=True)[:3])
    assert m.neighbourhoods()["o"] == pytest.approx(expected, abs=1e-5)


@pytest.mark.parametrize("change", ["add", "remove", "re-add"])
def test_neighbourhoods_are_recomputed_after_every_change(change):
    rng = np.random.default_rng(2)
    profiles = [Profile(f"r{i}", "technology_request", title=f"r {i}") for i in range(4)]
    profiles.append(Profile("o", "technology_offer", title="offer"))
    vectors = _unit(rng, 5)
    m = _matcher()
    m.add(profiles, vectors=vectors)
    before = m.neighbourhoods()["o"]
    if change == "add":
        m.add([Profile("r-twin", "technology_request", title="twin")], vectors=vectors[4:5])
    elif change == "remove":
        best = max(range(4), key=lambda i: float(vectors[i] @ vectors[4]))
        m.remove([f"r{best}"])
    else:
        m.add([profiles[0]], vectors=vectors[4:5])  # r0 now reads like the offer
    after = m.neighbourhoods()["o"]
    assert after != pytest.approx(before, abs=1e-6)
    assert (after > before) == (change != "remove")


def test_large_reference_sets_are_sampled_deterministically(monkeypatch):
    """Above HUB_SAMPLE askers, r is estimated against a fixed sample: same answer on every build, and the
    same as the exact value over that sample."""
    monkeypatch.setattr(ranking, "HUB_SAMPLE", 10)
    rng = np.random.default_rng(3)
    profiles = [Profile(f"r{i:02d}", "technology_request", title=f"r {i}") for i in range(40)]
    profiles.append(Profile("o", "technology_offer", title="offer"))
    vectors = _unit(rng, 41)
    runs = []
    for _ in range(2):
        m = _matcher()
        m.add(profiles, vectors=vectors)
        runs.append(m.neighbourhoods()["o"])
    assert runs[0] == runs[1]
    ids = sorted(p.id for p in profiles[:40])
    picked = np.sort(np.random.default_rng(0).choice(40, 10, replace=False))
    cos = sorted((float(vectors[int(ids[j][1:])] @ vectors[40]) for j in picked), reverse=True)
    assert runs[0] == pytest.approx(np.mean(cos[:ranking.HUBNESS_K]), abs=1e-5)


@pytest.mark.parametrize("hubness", [True, False])
def test_similar_profiles_are_not_corrected(hubness):
    """The correction is about answers (complementary); "similar" keeps the plain centred cosine."""
    profiles, vectors = _hub_market(np.random.default_rng(5))
    m = _matcher(hubness=hubness)
    m.add(profiles, vectors=vectors)
    got = {x.profile_id: x.explanation.parts["semantic"].raw for x in m.similar("o0", k=20)}
    v = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    for id_, raw in got.items():
        j = [p.id for p in profiles].index(id_)
        assert raw == pytest.approx(float(v[j] @ v[1]), abs=1e-3)


@pytest.mark.parametrize("beta", [0.0, 0.5, ranking.HUB_PENALTY, 1.5])
def test_the_corrected_value_is_the_cosine_less_beta_times_the_neighbourhood(beta):
    """Walks β: none (0, the plain cosine), CSLS (½), the default and a stronger one."""
    profiles, vectors = _hub_market(np.random.default_rng(5))
    m = _matcher(hub_penalty=beta)
    m.add(profiles, vectors=vectors)
    r = m.neighbourhoods()
    v = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = [p.id for p in profiles]
    for q in ("r0", "r3", "hub", "o2"):
        for x in m.complementary(q, k=20):
            cos = float(v[ids.index(x.profile_id)] @ v[ids.index(q)])
            assert x.explanation.parts["semantic"].raw == pytest.approx(cos - beta * r[x.profile_id], abs=1e-3)


@pytest.mark.parametrize("query", ["r0", "r1", "r5", "o0", "o4", "hub"])
def test_half_penalty_ranks_exactly_as_csls(query):
    """β = ½ orders every query's candidates by CSLS, 2·cos − r(query) − r(candidate) (Conneau et al. 2018)."""
    profiles, vectors = _hub_market(np.random.default_rng(5))
    m = _matcher(hub_penalty=0.5)
    m.add(profiles, vectors=vectors)
    r = m.neighbourhoods()
    v = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = [p.id for p in profiles]
    got = [x.profile_id for x in m.complementary(query, k=20)]
    qv = v[ids.index(query)]
    csls = {c: 2 * float(v[ids.index(c)] @ qv) - r[query] - r[c] for c in got}
    assert got == sorted(got, key=lambda c: (-csls[c], str(c)))

