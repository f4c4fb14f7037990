"""Hybrid ranking of partnering profiles: complementary matches and similar profiles, each explained.

Score = Σ weight × part, over parts in [0, 1]:

* ``semantic``  – cosine of multilingual embeddings, measured above the baseline of the two languages
                  involved (see ``Matcher``), then divided by the best one among the candidates;
                  this is what lets an English offer find a Vietnamese request.
* ``keywords``  – BM25 of the query profile's words against the candidate, divided by the best BM25 among
                  the eligible candidates (so the best keyword match scores 1).
* ``fields``    – Jaccard overlap of taxonomy fields.
* ``trl``       – readiness compatibility: an offer at or above the level a request needs scores 1, each
                  level short costs 0.25; for profiles of the same side, closeness of levels. Unknown = 0.5.
* ``country``   – each side's country preference satisfied by the other's country (no preference = 1).
* ``partner_type`` – each side's sought partner types (university, company…) satisfied by the type of the
                  other's owner organisation (no preference = 1, owner type unknown = 0.5): a request for
                  an industrial licensee is poorly answered by a university lab however close the text.

When a profile is written in a language the embedder does not handle, ``semantic`` is left out, the other
weights are renormalised to sum to 1, and the match is marked ``keywords_only``. Every match carries its
parts, the shared fields and the shared terms so that users can see why it was proposed.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np

from sticoop.core.text import fold

from .embeddings import Embedder, get_embedder
from .index import NumpyIndex, VectorIndex
from .keywords import KeywordIndex, tokenize
from .profiles import COMPLEMENTARY_KINDS, KINDS, Profile, is_complementary

__all__ = ["Profile", "Weights", "ScorePart", "Explanation", "Match", "Matcher", "is_complementary"]

COMPLEMENTARY = "complementary"
SIMILAR = "similar"
OFFER_SIDE = frozenset({"technology_offer", "business_offer"})


@dataclass(frozen=True)
class Weights:
    """Relative weight of each score part (renormalised over the parts available for a pair).

    Defaults chosen on ``benchmarks/matching.py`` (see benchmarks/README.md): semantic similarity carries
    most of the signal across languages; keywords add exact terms (acronyms, product names).
    """

    semantic: float = 0.55
    keywords: float = 0.2
    fields: float = 0.1
    trl: float = 0.05
    country: float = 0.05
    partner_type: float = 0.05

    def as_dict(self) -> dict[str, float]:
        return {"semantic": self.semantic, "keywords": self.keywords, "fields": self.fields, "trl": self.trl,
                "country": self.country, "partner_type": self.partner_type}


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


def partner_type_compatibility(a: Profile, b: Profile) -> float:
    """Mean over both sides of "the other's owner is a type of partner I seek" (no preference = yes,
    owner type unknown = half)."""

    def accepts(pref: Profile, other: Profile) -> float:
        if not pref.partner_sought_types:
            return 1.0
        if other.owner_type is None:
            return 0.5
        return 1.0 if other.owner_type in pref.partner_sought_types else 0.0

    return (accepts(a, b) + accepts(b, a)) / 2.0


def partner_type_notes(q: Profile, c: Profile) -> list[str]:
    """Which side's sought partner type the other does not match, in words the page can translate."""
    notes = []
    if q.partner_sought_types and c.owner_type is not None and c.owner_type not in q.partner_sought_types:
        notes.append(f"the matched profile's owner is not a partner type this profile seeks ({c.owner_type})")
    if c.partner_sought_types and q.owner_type is not None and q.owner_type not in c.partner_sought_types:
        notes.append(f"this profile's owner is not a partner type the matched profile seeks ({q.owner_type})")
    return notes


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

    Language calibration: multilingual models rate two unrelated texts of the *same* language higher than
    a related pair across languages (e5: unrelated vi–vi ≈ 0.86 vs related vi–en ≈ 0.86). So the semantic
    part is measured against the baseline of the two languages involved — the mean cosine between
    profiles of language L and of language M, which is simply ``mean_L · mean_M`` of the indexed vectors —
    and candidates are retrieved per language so that the same-language ones cannot crowd out the rest.
    Below ``min_language_profiles`` vectors in a language, the embedder's fixed floor is used instead.
    """

    def __init__(self, embedder: Embedder | None = None, index: VectorIndex | None = None,
                 weights: Weights | None = None, supported_languages: Iterable[str] | None = None,
                 candidate_statuses: Iterable[str] = ("published",), pool_size: int = 100,
                 min_language_profiles: int = 20, semantic_relative: bool = True,
                 indexed: Mapping[Hashable, str] | None = None):
        self.embedder = embedder if embedder is not None else get_embedder()
        self.index = index if index is not None else NumpyIndex(self.embedder.dim)
        if self.index.dim != self.embedder.dim:
            raise ValueError(f"index dimension {self.index.dim} != embedder dimension {self.embedder.dim}")
        self.weights = weights or Weights()
        langs = supported_languages if supported_languages is not None else self.embedder.languages
        self.supported_languages: frozenset[str] | None = None if langs is None else frozenset(langs)
        self.candidate_statuses = frozenset(candidate_statuses)
        self.pool_size = pool_size
        self.min_language_profiles = min_language_profiles
        self.semantic_relative = semantic_relative
        self.keywords = KeywordIndex()
        self._profiles: dict[Hashable, Profile] = {}
        # ``indexed``: fingerprints of the vectors ``index`` already holds (e.g. loaded from a file): profiles
        # whose text still has that fingerprint are adopted by ``add`` without embedding or re-indexing them
        self._fingerprints: dict[Hashable, str] = dict(indexed or {})
        self.index_source = "loaded" if indexed else "built"  # where the vector index came from
        self._by_kind: dict[str, set[Hashable]] = {k: set() for k in KINDS}
        self._allowed_cache: dict[frozenset[str], tuple[frozenset[Hashable], dict[str, frozenset]]] = {}
        self._lang_sum: dict[str | None, np.ndarray] = {}
        self._lang_count: dict[str | None, int] = {}
        self._vec_lang: dict[Hashable, str | None] = {}
        self._baseline_cache: dict[tuple[str | None, str | None], float] = {}

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
        self._forget_vectors(keyword_only_ids)
        self.index.remove(keyword_only_ids)
        ids = [p.id for p in profiles if p.id in given and not self.is_keywords_only(p)]
        if ids:
            mat = np.stack([given[i] for i in ids]).astype(np.float32)
            norms = np.linalg.norm(mat, axis=1, keepdims=True)
            norms[norms == 0] = 1.0
            mat /= norms
            self._forget_vectors(ids)
            self.index.add(ids, mat)
            langs = {p.id: p.language for p in profiles}
            for id_, v in zip(ids, mat, strict=True):
                self._count_vector(id_, langs[id_], v)
        for p in profiles:  # vectors the index came with (``indexed``): count them for the language baselines
            if p.id not in given and p.id not in self._vec_lang and p.id in self.index \
                    and not self.is_keywords_only(p):
                v = self.index.get(p.id)
                if v is not None:
                    self._count_vector(p.id, p.language, v)
        for p in profiles:  # a language change with unchanged text keeps the vector: recount it
            if p.id in self._vec_lang and self._vec_lang[p.id] != p.language:
                v = self.index.get(p.id)
                self._forget_vectors([p.id])
                if v is not None:
                    self._count_vector(p.id, p.language, v)

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
        self._forget_vectors(ids)
        self.index.remove(ids)
        for i in ids:
            p = self._profiles.pop(i)
            self._fingerprints.pop(i, None)
            self._by_kind[p.kind].discard(i)
            self.keywords.remove(i)
        self._allowed_cache.clear()

    def _count_vector(self, id_: Hashable, lang: str | None, v: np.ndarray) -> None:
        if lang not in self._lang_sum:
            self._lang_sum[lang] = np.zeros(self.embedder.dim, dtype=np.float64)
            self._lang_count[lang] = 0
        self._lang_sum[lang] += v
        self._lang_count[lang] += 1
        self._baseline_cache.clear()
        self._vec_lang[id_] = lang

    def _forget_vectors(self, ids: Iterable[Hashable]) -> None:
        for id_ in ids:
            if id_ in self._vec_lang:
                lang = self._vec_lang.pop(id_)
                v = self.index.get(id_)
                if v is not None:
                    self._lang_sum[lang] -= v
                self._lang_count[lang] -= 1
                self._baseline_cache.clear()

    def language_baseline(self, lang_a: str | None, lang_b: str | None) -> float:
        """Expected cosine of two unrelated profiles in these languages (see the class docstring)."""
        key = (lang_a, lang_b)
        if key not in self._baseline_cache:
            self._baseline_cache[key] = self._compute_baseline(lang_a, lang_b)
        return self._baseline_cache[key]

    def _compute_baseline(self, lang_a: str | None, lang_b: str | None) -> float:
        na, nb = self._lang_count.get(lang_a, 0), self._lang_count.get(lang_b, 0)
        if min(na, nb) < self.min_language_profiles:
            return self.embedder.similarity_floor
        base = float(self._lang_sum[lang_a] @ self._lang_sum[lang_b]) / (na * nb)
        return min(base, 0.99)

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

    def _allowed(self, kinds: frozenset[str]) -> tuple[frozenset[Hashable], dict[str, frozenset]]:
        """Eligible candidate ids for these kinds, and those with a vector grouped by language (cached)."""
        cached = self._allowed_cache.get(kinds)
        if cached is None:
            allowed = frozenset().union(*(self._by_kind[k] for k in kinds))
            groups: dict = {}
            for id_ in allowed:
                if id_ in self._vec_lang:
                    groups.setdefault(self._vec_lang[id_], set()).add(id_)
            cached = (allowed, {lang: frozenset(ids) for lang, ids in groups.items()})
            self._allowed_cache[kinds] = cached
        return cached

    def _rank(self, q: Profile, kinds: frozenset[str], relation: str, k: int) -> list[Match]:
        allowed, by_language = self._allowed(kinds)
        if not allowed or k <= 0:
            return []
        pool = max(self.pool_size, 3 * k)
        qvec = self._query_vector(q)

        semantic: dict[Hashable, float] = {}
        if qvec is not None and by_language:
            langs = list(by_language)
            for hits in self.index.search_groups(qvec, pool + 1, [by_language[lang] for lang in langs]):
                semantic.update(hits)

        q_tokens = tokenize(q.keyword_text(), q.language)
        bm25: dict[Hashable, float] = {}
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
        rows = [self._values(q, self._profiles[c], relation, qvec, semantic.get(c), bm25.get(c, 0.0),
                             best_bm25) for c in candidates]
        if self.semantic_relative:  # divide by the best semantic value of this query, as BM25 is
            best_sem = max((r[1]["semantic"][0] or 0.0 for r in rows), default=0.0)
            if best_sem > 0:
                for _, values, _ in rows:
                    sem, raw = values["semantic"]
                    if sem is not None:
                        values["semantic"] = (sem / best_sem, raw)
        weights = self.weights.as_dict()
        scored = []
        for c, values, notes in rows:
            total_w = sum(weights[n] for n, (v, _) in values.items() if v is not None) or 1.0
            score = sum(weights[n] * v for n, (v, _) in values.items() if v is not None) / total_w
            scored.append((score, c, values, notes, total_w))
        scored.sort(key=lambda t: (-t[0], str(t[1].id)))

        q_token_set = set(q_tokens)
        out = []
        for score, c, values, notes, total_w in scored[:k]:  # explanations only for what is shown
            parts = {}
            for name, (value, raw) in values.items():
                eff = weights[name] / total_w if value is not None else 0.0
                contrib = eff * value if value is not None else 0.0
                parts[name] = ScorePart(name, value, round(eff, 4), round(contrib, 4), raw)
            out.append(Match(c.id, relation, round(score, 4),
                             Explanation(parts, field_overlap(q, c)[1], self._shared_terms(q_token_set, c),
                                         values["semantic"][0] is None, notes)))
        return out

    def _values(self, q: Profile, c: Profile, relation: str, qvec: np.ndarray | None, cos: float | None,
                bm25_raw: float, best_bm25: float) -> tuple[Profile, dict, list[str]]:
        """The score parts of one pair as ``name → (value in [0, 1] or None, raw)``, plus notes."""
        notes: list[str] = []
        semantic = None
        if qvec is None or c.id not in self._vec_lang:
            cos = None
            who, lang = ("this profile", q.language) if qvec is None else ("the matched profile", c.language)
            notes.append(f"{who} is in a language the embedding model does not support "
                         f"({lang or 'unknown'}): matched by keywords only")
        else:
            if cos is None:
                v = self.index.get(c.id)
                cos = float(v @ qvec) if v is not None else None
            if cos is not None:
                base = self.language_baseline(q.language, self._vec_lang[c.id])
                semantic = min(1.0, max(0.0, (cos - base) / (1 - base)))
        trl = trl_compatibility(q, c, relation)
        if trl is None:
            trl = 0.5
            notes.append("readiness level unknown on one side")
        values = {
            "semantic": (semantic, cos),
            "keywords": (bm25_raw / best_bm25 if best_bm25 > 0 else 0.0, bm25_raw),
            "fields": (field_overlap(q, c)[0], None),
            "trl": (trl, None),
            "country": (country_compatibility(q, c), None),
            "partner_type": (partner_type_compatibility(q, c), None),
        }
        return c, values, notes + partner_type_notes(q, c)

    def _shared_terms(self, q_tokens: set[str], c: Profile, limit: int = 8) -> list[str]:
        common = q_tokens & set(self.keywords.tokens(c.id))
        # Rarer (more telling) terms first; the accented surface form wins over its folded twin.
        ranked = sorted(common, key=lambda t: (-self.keywords.idf(t), fold(t) == t, t))
        out: list[str] = []
        seen_folded: set[str] = set()
        for t in ranked:
            key = fold(t)
            if key in seen_folded:
                continue
            seen_folded.add(key)
            out.append(t.replace("_", " "))
            if len(out) >= limit:
                break
        return out
