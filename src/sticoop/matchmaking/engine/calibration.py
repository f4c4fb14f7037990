"""Calibrating an embedder for matching: per-language means and the logistic score curves.

The fit is the one of session 8 (``benchmarks/matching.py --write-means`` then ``--fit``), here as a library
call so that ``sticoop matching calibrate`` can refit it for any backend, e.g. a folder model:

1. **Language means** — the mean of the L2-normalised vectors of each language over the template profiles and
   the development pairs (per-language mean centring, Libovický, Rosa & Fraser 2020, Findings of EMNLP),
   rounded to 6 decimals.
2. **Curves** — with those means as the matcher's prior, the centred cosine of every development request with
   every development offer, labelled 1 for its true partner and 0 otherwise; a logistic regression with both
   classes weighted equally (Newton's method on the weighted log-loss), rounded to 2 decimals:
   ``hub_calibration`` on the hubness-corrected cosine (complementary matches), ``calibration`` on the plain
   centred cosine (similar profiles).

The data is ``calibration_set.json`` beside this module: the development data of session 8 (the session-5 set
of ``benchmarks/data/matching_pairs.py``, the session-6 part ``matching_pairs_heldout6.py`` and the 320 template
profiles of ``matching_eval.py``), exported by ``benchmarks/matching.py --write-calibration-set`` and checked
equal to them by the tests. Never a held-out part.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .embeddings import Embedder
from .profiles import Profile
from .ranking import Matcher

CALIBRATION_SET_FILE = Path(__file__).with_name("calibration_set.json")
#: thresholds whose shares are reported with a fit
THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65)
#: the languages the development data is written in
DATA_LANGUAGES = ("en", "fr", "vi")
#: texts embedded per progress step
CHUNK = 32

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class CalibrationSet:
    """Profiles to calibrate on: ``pairs`` (requests, offers and near misses) with ``relevant`` (query id → its
    one true partner), and ``template`` profiles that only count in the language means."""

    pairs: list[Profile]
    relevant: dict[Hashable, Hashable]
    template: list[Profile]
    about: str = ""


def _profile(row: dict[str, Any]) -> Profile:
    return Profile(**row)


def load_calibration_set(path: Path = CALIBRATION_SET_FILE) -> CalibrationSet:
    """Read a calibration set written by :func:`write_calibration_set`; raises OSError / ValueError / KeyError
    for a missing or malformed file."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return CalibrationSet([_profile(r) for r in raw["pairs"]], dict(raw["relevant"]),
                          [_profile(r) for r in raw["template"]], raw.get("about", ""))


def write_calibration_set(data: CalibrationSet, path: Path = CALIBRATION_SET_FILE) -> None:
    """Write ``data`` as JSON, one profile (its dataclass fields) a line: a stable, diff-able file."""
    def rows(profiles: list[Profile]) -> str:
        return ",\n".join(json.dumps(asdict(p), ensure_ascii=False, sort_keys=True) for p in profiles)

    text = (f'{{"about": {json.dumps(data.about, ensure_ascii=False)},\n'
            f'"relevant": {json.dumps(data.relevant, ensure_ascii=False, sort_keys=True)},\n'
            f'"pairs": [\n{rows(data.pairs)}\n],\n"template": [\n{rows(data.template)}\n]}}\n')
    json.loads(text)  # well-formed, or fail here rather than at the next load
    path.write_text(text, encoding="utf-8")


@dataclass
class Calibration:
    """What a fit produces for one embedder: ``language_means`` (ISO 639-1 code → unit-scale mean vector of
    ``dim`` floats), the ``(slope, intercept)`` curves over the centred cosine, the numbers of profiles per
    language and of pairs fitted on, and ``shares``: for each threshold of :data:`THRESHOLDS`, the share of
    unrelated request–offer pairs and of true pairs whose hybrid score reaches it."""

    embedder: str
    dim: int
    language_means: dict[str, list[float]]
    calibration: tuple[float, float]
    hub_calibration: tuple[float, float]
    counts: dict[str, int]
    true_pairs: int
    other_pairs: int
    shares: list[tuple[float, float, float]] = field(default_factory=list)
    about: str = ""

    def write(self, path: Path) -> None:
        """Write as JSON (read back by ``folder.FolderEmbedder.load_calibration``)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = asdict(self)
        path.write_text(json.dumps(payload, ensure_ascii=False) + "\n", encoding="utf-8")


def fit_logistic(x: np.ndarray, y: np.ndarray, iterations: int = 100) -> tuple[float, float]:
    """``(a, b)`` of ``P(y=1 | x) = 1 / (1 + exp(-(a·x + b)))`` by Newton's method on the log-loss with both
    classes weighted equally (each class's weights sum to ½). ``x``, ``y``: 1-D, ``y`` in {0, 1}, both classes
    present; raises ValueError otherwise."""
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    n_pos, n_neg = int((y == 1).sum()), int((y == 0).sum())
    if x.shape != y.shape or x.ndim != 1 or not n_pos or not n_neg or n_pos + n_neg != len(y):
        raise ValueError("fit_logistic needs 1-D x and y of equal length, y in {0, 1} with both classes")
    w = np.where(y == 1, 0.5 / n_pos, 0.5 / n_neg)
    a, b = 1.0, 0.0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-(a * x + b)))
        grad = np.array([np.sum(w * (p - y) * x), np.sum(w * (p - y))])
        h = w * p * (1 - p)
        hess = np.array([[np.sum(h * x * x), np.sum(h * x)], [np.sum(h * x), np.sum(h)]]) + 1e-9 * np.eye(2)
        step = np.linalg.solve(hess, grad)
        a, b = a - step[0], b - step[1]
    return float(a), float(b)


def embed_all(embedder: Embedder, profiles: Sequence[Profile], progress: Progress | None = None) -> np.ndarray:
    """``(len(profiles), dim)`` vectors of the profiles' embedding texts, in chunks of :data:`CHUNK`, calling
    ``progress(done, total)`` after each."""
    texts = [p.embedding_text() for p in profiles]
    parts = []
    for start in range(0, len(texts), CHUNK):
        parts.append(embedder.embed(texts[start:start + CHUNK]))
        if progress:
            progress(min(start + CHUNK, len(texts)), len(texts))
    return np.concatenate(parts) if parts else np.zeros((0, embedder.dim), dtype=np.float32)


def language_means(profiles: Sequence[Profile], vectors: np.ndarray) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Mean vector (6 decimals) and count of each language among ``profiles`` (rows of ``vectors``); profiles
    without a language are left out."""
    rows: dict[str, list[np.ndarray]] = {}
    for p, v in zip(profiles, vectors, strict=True):
        if p.language:
            rows.setdefault(p.language, []).append(v)
    means = {lang: [round(float(x), 6) for x in np.mean(vs, axis=0)] for lang, vs in rows.items()}
    return means, {lang: len(vs) for lang, vs in rows.items()}


def _matcher(embedder: Embedder, means: dict[str, list[float]], profiles: list[Profile], vectors: np.ndarray,
             **kw: Any) -> Matcher:
    m = Matcher(embedder, supported_languages=DATA_LANGUAGES,
                language_means={k: np.asarray(v, dtype=np.float64) for k, v in means.items()}, **kw)
    m.add(profiles, vectors=vectors)
    return m


def calibrate(embedder: Embedder, data: CalibrationSet | None = None,
              progress: Progress | None = None) -> Calibration:
    """Fit the means and both curves for ``embedder`` on ``data`` (default: the bundled development data,
    :data:`CALIBRATION_SET_FILE`), as the module docstring says. ``progress(done, total)`` follows the
    embedding, the only slow step (≈ 20 ms a text for multilingual-e5-small on 2 cores, ≈ 10× that for a
    large model). Raises ValueError when the data has no true request–offer pair."""
    data = data or load_calibration_set()
    everything = [*data.template, *data.pairs]
    vectors = embed_all(embedder, everything, progress)
    pair_vectors = vectors[len(data.template):]
    means, counts = language_means(everything, vectors)
    requests = [(p, pair_vectors[i]) for i, p in enumerate(data.pairs) if p.kind == "technology_request"]
    offers = [p.id for p in data.pairs if p.kind == "technology_offer"]
    curves = []
    for hubness in (True, False):
        m = _matcher(embedder, means, data.pairs, pair_vectors, hubness=hubness)
        xs, ys = [], []
        for r, rvec in requests:
            cos = m.centred_cosines(m.centred_query(r, rvec), offers)
            if hubness:
                cos = m.hub_corrected(cos)
            for o in offers:
                xs.append(cos[o])
                ys.append(1.0 if data.relevant.get(r.id) == o else 0.0)
        if 1.0 not in ys:
            raise ValueError("the calibration data has no true request–offer pair")
        a, b = fit_logistic(np.array(xs), np.array(ys))
        curves.append((round(a, 2), round(b, 2)))
    n_true = int(sum(ys))
    result = Calibration(embedder=embedder.name, dim=int(embedder.dim), language_means=means,
                         calibration=curves[1], hub_calibration=curves[0], counts=counts, true_pairs=n_true,
                         other_pairs=len(ys) - n_true, about=data.about)
    result.shares = threshold_shares(embedder, result, data, pair_vectors)
    return result


def threshold_shares(embedder: Embedder, fitted: Calibration, data: CalibrationSet,
                     vectors: np.ndarray) -> list[tuple[float, float, float]]:
    """``(threshold, share of unrelated request–offer pairs scoring at least it, share of true pairs)`` for each
    of :data:`THRESHOLDS`, with the hybrid matcher scored through ``fitted``."""
    m = _matcher(embedder, fitted.language_means, data.pairs, vectors, calibration=fitted.calibration)
    m.hub_calibration = fitted.hub_calibration
    offers = [p.id for p in data.pairs if p.kind == "technology_offer"]
    unrelated: list[float] = []
    true: list[float] = []
    for r in (p for p in data.pairs if p.kind == "technology_request" and p.id in data.relevant):
        scores = {x.profile_id: x.score for x in m.complementary(r.id, k=len(m), min_score=0.0)}
        for o in offers:
            (true if data.relevant[r.id] == o else unrelated).append(scores.get(o, 0.0))
    u, t = np.array(unrelated), np.array(true)
    return [(th, float(np.mean(u >= th)), float(np.mean(t >= th))) for th in THRESHOLDS]
