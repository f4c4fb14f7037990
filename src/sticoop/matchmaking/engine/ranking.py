"""Hybrid ranking of partnering profiles: complementary matches and similar profiles, each explained.

Score = Σ weight × part, over parts in [0, 1]:

* ``semantic``  – cosine of multilingual embeddings, rescaled from the embedder's "unrelated" floor to 1;
                  this is what lets an English offer find a Vietnamese request.
* ``keywords``  – BM25 of the query profile's words against the candidate, divided by the best BM25 among
                  the eligible candidates (so the best keyword match scores 1).
* ``fields``    – Jaccard overlap of taxonomy fields.
* ``trl``       – readiness compatibility: an offer at or above the level a request needs scores 1, each
                  level short costs 0.25; for profiles of the same side, closeness of levels. Unknown = 0.5.
* ``country``   – each side's country preference satisfied by the other's country (no preference = 1).

When a profile is written in a language the embedder does not handle, ``semantic`` is left out, the other
weights are renormalised to sum to 1, and the match is marked ``keywords_only``. Every match carries its
parts, the shared fields and the shared terms so that users can see why it was proposed.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np

from .embeddings import Embedder, get_embedder, strip_diacritics
from .index import NumpyIndex, VectorIndex
from .keywords import KeywordIndex, tokenize
from .profiles import COMPLEMENTARY_KINDS, KINDS, Profile, is_complementary

__all__ = ["Profile", "Weights", "ScorePart", "Explanation", "Match", "Matcher", "is_complementary"]

COMPLEMENTARY = "complementary"
SIMILAR = "similar"
OFFER_SIDE = frozenset({"technology_offer", "business_offer"})


@dataclass(frozen=True)
class Weights:
    """Relative weight of each score part (renormalised over the parts available for a pair)."""

    semantic: float = 0.45
    keywords: float = 0.25
    fields: float = 0.15
    trl: float = 0.075
    country: float = 0.075

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


@dataclass(frozen=True)
class ScorePart:
    name: str
    value: float | None  # in [0, 1]; None when not applicable (e.g. semantic for keywords-only)
    weight: float  # effective weight after renormalisation
    contribution: float  # weight × value
    raw: float | None = None  # cosine for semantic, BM25 for keywords


@dataclass(frozen=True)
class Explanation:
    parts: dict[str, ScorePart]
    shared_fields: list[str]
    shared_terms: list[str]
    keywords_only: bool
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Match:
    profile_id: Hashable
    relation: str  # "complementary" or "similar"
    score: float
    explanation: Explanation

    def to_dict(self) -> dict:
        """JSON-ready form for the API and pages."""
        return asdict(self)


def trl_compatibility(query: Profile, other: Profile, relation: str) -> float | None:
    """How well readiness levels fit; None when either is unknown."""
    if query.trl is None or other.trl is None:
        return None
    one_request = (query.kind == "technology_request") != (other.kind == "technology_request")
    if relation == COMPLEMENTARY and one_request:
        offer, request = (other, query) if query.kind == "technology_request" else (query, other)
        gap = request.trl - offer.trl  # how far the offer is below what the request needs
        return 1.0 if gap <= 0 else max(0.0, 1.0 - 0.25 * gap)
    return 1.0 - abs(query.trl - other.trl) / 8.0


def country_compatibility(a: Profile, b: Profile) -> float:
    """Mean over both sides of "my country preference accepts the other's country" (no preference = yes)."""

    def accepts(pref: Profile, other: Profile) -> float:
        if not pref.partner_sought_countries:
            return 1.0
        if other.owner_country is None:
            return 0.5
        return 1.0 if other.owner_country in pref.partner_sought_countries else 0.0

    return (accepts(a, b) + accepts(b, a)) / 2.0


def field_overlap(a: Profile, b: Profile) -> tuple[float, list[str]]:
    fa, fb = set(a.fields), set(b.fields)
    shared = sorted(fa & fb)
    if not fa or not fb:
        return 0.0, shared
    return len(shared) / len(fa | fb), shared


def _top_k_positive(scores: np.ndarray, k: int) -> np.ndarray:
    """Positions of the ``k`` best positive scores, best first (argpartition, not a full sort)."""
    positive = np.flatnonzero(scores > 0)
    if positive.size > k:
        positive = positive[np.argpartition(-scores[positive], k - 1)[:k]]
    return positive[np.argsort(-scores[positive], kind="stable")]


class Matcher:
    """Indexes profiles and returns their ranked complementary and similar profiles.

    Vectors are computed once per profile version: ``add`` embeds only profiles whose
    :meth:`Profile.fingerprint` changed, and accepts precomputed vectors (e.g. loaded from the database,
    produced earlier by :meth:`embed_profiles` with the same :attr:`embedder_name`).
    """

    def __init__(self, embedder: Embedder | None = None, index: VectorIndex | None = None,
                 weights: Weights | None = None, supported_languages: Iterable[str] | None = None,
                 candidate_statuses: Iterable[str] = ("published",), pool_size: int = 100):
        self.embedder = embedder if embedder is not None else get_embedder()
        self.index = index if index is not None else NumpyIndex(self.embedder.dim)
        if self.index.dim != self.embedder.dim:
            raise ValueError(f"index dimension {self.index.dim} != embedder dimension {self.embedder.dim}")
        self.weights = weights or Weights()
        langs = supported_languages if supported_languages is not None else self.embedder.languages
        self.supported_languages: frozenset[str] | None = None if langs is None else frozenset(langs)
        self.candidate_statuses = frozenset(candidate_statuses)
        self.pool_size = pool_size
        self.keywords = KeywordIndex()
        self._profiles: dict[Hashable, Profile] = {}
        self._fingerprints: dict[Hashable, str] = {}
        self._by_kind: dict[str, set[Hashable]] = {k: set() for k in KINDS}
        self._allowed_cache: dict[frozenset[str], frozenset[Hashable]] = {}

    # ---- indexing -------------------------------------------------------------------------------------
    @property
    def embedder_name(self) -> str:
        """Store this with each vector: vectors of different embedders must not be mixed."""
        return self.embedder.name

    def __len__(self) -> int:
        return len(self._profiles)

    def __contains__(self, id_: object) -> bool:
        return id_ in self._profiles

    def get(self, id_: Hashable) -> Profile:
        return self._profiles[id_]

    def is_keywords_only(self, profile: Profile) -> bool:
        """True when the profile's language is not handled by the embedder (matched by keywords only)."""
        if self.supported_languages is None:
            return False
        return profile.language not in self.supported_languages

    def embed_profiles(self, profiles: Sequence[Profile]) -> np.ndarray:
        """Vectors of ``profiles`` (rows in order), to store in the database with :attr:`embedder_name`."""
        for p in profiles:
            p.require_text()
        return self.embedder.embed([p.embedding_text() for p in profiles])

    def add(self, profiles: Sequence[Profile],
            vectors: np.ndarray | Mapping[Hashable, np.ndarray] | None = None) -> None:
        """Index (or re-index) profiles.

        ``vectors`` may be an ``(n, dim)`` array aligned with ``profiles`` or a mapping id → vector for
        some of them; profiles without a supplied vector are embedded here, in one batch, unless their
        text is unchanged since they were last indexed. Raises ValueError for a profile with no text.
        """
        profiles = list(profiles)
        for p in profiles:
            p.require_text()
        if len({p.id for p in profiles}) != len(profiles):
            raise ValueError("duplicate profile ids in one add() call")
        given: dict[Hashable, np.ndarray] = {}
        if vectors is not None:
            if isinstance(vectors, Mapping):
                given = {k: np.asarray(v, dtype=np.float32) for k, v in vectors.items()}
            else:
                arr = np.asarray(vectors, dtype=np.float32)
                if arr.shape[0] != len(profiles):
                    raise ValueError(f"{arr.shape[0]} vectors for {len(profiles)} profiles")
                given = {p.id: arr[i] for i, p in enumerate(profiles)}

        to_embed = [p for p in profiles if p.id not in given and not self.is_keywords_only(p)
                    and not (self._fingerprints.get(p.id) == p.fingerprint() and p.id in self.index)]
        if to_embed:
            for p, v in zip(to_embed, self.embed_profiles(to_embed), strict=True):
                given[p.id] = v

        keyword_only_ids = [p.id for p in profiles if self.is_keywords_only(p)]
        self.index.remove(keyword_only_ids)
        if given:
            ids = [p.id for p in profiles if p.id in given and not self.is_keywords_only(p)]
            if ids:
                mat = np.stack([given[i] for i in ids])
                norms = np.linalg.norm(mat, axis=1, keepdims=True)
                norms[norms == 0] = 1.0
                self.index.add(ids, mat / norms)

        for p in profiles:
            old = self._profiles.get(p.id)
            if old is not None:
                self._by_kind[old.kind].discard(p.id)
            self._profiles[p.id] = p
            self._fingerprints[p.id] = p.fingerprint()
            if p.status in self.candidate_statuses:
                self._by_kind[p.kind].add(p.id)
            self.keywords.add(p.id, p.keyword_text(), p.language)
        self._allowed_cache.clear()

    def remove(self, ids: Iterable[Hashable]) -> None:
        ids = [i for i in ids if i in self._profiles]
        self.index.remove(ids)
        for i in ids:
            p = self._profiles.pop(i)
            self._fingerprints.pop(i, None)
            self._by_kind[p.kind].discard(i)
            self.keywords.remove(i)
        self._allowed_cache.clear()

    # ---- querying -------------------------------------------------------------------------------------
    def complementary(self, profile: Profile | Hashable, k: int = 10) -> list[Match]:
        """Profiles that answer this one (offer ↔ request, business ↔ request/business, R&D ↔ R&D)."""
        p = self._resolve(profile)
        return self._rank(p, COMPLEMENTARY_KINDS[p.kind], COMPLEMENTARY, k)

    def similar(self, profile: Profile | Hashable, k: int = 10) -> list[Match]:
        """Profiles of the same kind on the same subject (competitors, duplicates, peers)."""
        p = self._resolve(profile)
        return self._rank(p, frozenset({p.kind}), SIMILAR, k)

    def _resolve(self, profile: Profile | Hashable) -> Profile:
        if isinstance(profile, Profile):
            profile.require_text()
            return profile
        try:
            return self._profiles[profile]
        except KeyError:
            raise KeyError(f"profile {profile!r} is not indexed") from None

    def _query_vector(self, p: Profile) -> np.ndarray | None:
        if self.is_keywords_only(p):
            return None
        if p.id in self.index and self._fingerprints.get(p.id) == p.fingerprint():
            v = self.index.get(p.id)
            if v is not None:
                return v
        return self.embed_profiles([p])[0]

    def _allowed(self, kinds: frozenset[str]) -> frozenset[Hashable]:
        cached = self._allowed_cache.get(kinds)
        if cached is None:
            cached = frozenset().union(*(self._by_kind[k] for k in kinds))
            self._allowed_cache[kinds] = cached
        return cached

    def _rank(self, q: Profile, kinds: frozenset[str], relation: str, k: int) -> list[Match]:
        allowed = self._allowed(kinds)
        if not allowed or k <= 0:
            return []
        pool = max(self.pool_size, 3 * k)
        qvec = self._query_vector(q)

        semantic: dict[Hashable, float] = {}
        if qvec is not None:
            for id_, cos in self.index.search(qvec, pool + 1, allowed_ids=allowed):
                semantic[id_] = cos

        q_tokens = tokenize(q.keyword_text(), q.language)
        bm25: dict[Hashable, float] = {}
        best_bm25 = 0.0
        order, scores = self.keywords.scores(q_tokens)
        if len(order):
            fetch = 4 * pool
            while True:  # over-fetch the best BM25 hits until `pool` eligible ones are found
                top = _top_k_positive(scores, fetch)
                bm25 = {order[i]: float(scores[i]) for i in top
                        if order[i] in allowed and order[i] != q.id}
                if len(bm25) >= pool or len(top) < fetch:
                    break
                fetch *= 4
            bm25 = dict(list(bm25.items())[:pool])
            best_bm25 = max(bm25.values(), default=0.0)

        candidates = (set(semantic) | set(bm25)) - {q.id}
        q_token_set = set(q_tokens)
        matches = [self._score(q, self._profiles[c], relation, qvec, semantic.get(c), bm25.get(c, 0.0),
                               best_bm25, q_token_set) for c in candidates]
        matches.sort(key=lambda m: (-m.score, str(m.profile_id)))
        return matches[:k]

    def _score(self, q: Profile, c: Profile, relation: str, qvec: np.ndarray | None, cos: float | None,
               bm25_raw: float, best_bm25: float, q_tokens: set[str]) -> Match:
        keywords_only = qvec is None or self.is_keywords_only(c)
        notes: list[str] = []
        if keywords_only:
            cos = None
            who = "this profile" if qvec is None else "the matched profile"
            notes.append(f"{who} is in a language the embedding model does not support "
                         f"({(q if qvec is None else c).language or 'unknown'}): matched by keywords only")
        elif cos is None:
            v = self.index.get(c.id)
            cos = float(v @ qvec) if v is not None else None

        floor = self.embedder.similarity_floor
        fields_value, shared_fields = field_overlap(q, c)
        trl = trl_compatibility(q, c, relation)
        if trl is None:
            trl = 0.5
            notes.append("readiness level unknown on one side")
        values: dict[str, tuple[float | None, float | None]] = {
            "semantic": (None if cos is None else float(np.clip((cos - floor) / (1 - floor), 0, 1)), cos),
            "keywords": (bm25_raw / best_bm25 if best_bm25 > 0 else 0.0, bm25_raw),
            "fields": (fields_value, None),
            "trl": (trl, None),
            "country": (country_compatibility(q, c), None),
        }
        w = self.weights.as_dict()
        total_w = sum(w[n] for n, (v, _) in values.items() if v is not None) or 1.0
        parts = {}
        score = 0.0
        for name, (value, raw) in values.items():
            eff = w[name] / total_w if value is not None else 0.0
            contrib = eff * value if value is not None else 0.0
            score += contrib
            parts[name] = ScorePart(name, value, round(eff, 4), round(contrib, 4), raw)
        shared = self._shared_terms(q_tokens, c)
        return Match(c.id, relation, round(score, 4),
                     Explanation(parts, shared_fields, shared, keywords_only, notes))

    def _shared_terms(self, q_tokens: set[str], c: Profile, limit: int = 8) -> list[str]:
        common = q_tokens & set(self.keywords.tokens(c.id))
        # Rarer (more telling) terms first; the accented surface form wins over its folded twin.
        ranked = sorted(common, key=lambda t: (-self.keywords.idf(t), strip_diacritics(t) == t, t))
        out: list[str] = []
        seen_folded: set[str] = set()
        for t in ranked:
            key = strip_diacritics(t)
            if key in seen_folded:
                continue
            seen_folded.add(key)
            out.append(t.replace("_", " "))
            if len(out) >= limit:
                break
        return out
