"""Hybrid ranking of partnering profiles: complementary matches and similar profiles, each explained.

Score = Σ weight × part / Σ weight, over the parts that apply to the pair, each in [0, 1] on an **absolute**
scale: a part never depends on the other candidates of the query, so 40 % means the same for every profile.

* ``semantic``  – how likely the two texts are a true match, from the cosine of their multilingual embeddings
                  *after removing the language signal*: every vector has the mean vector of its language
                  subtracted before the cosine is taken (per-language mean centring, Libovický, Rosa & Fraser
                  2020, "On the Language Neutrality of Pre-trained Multilingual Representations", Findings of
                  EMNLP). The means are those of the indexed profiles of each language, pulled towards a bundled
                  prior (``language_means.json``) while a language has few profiles. The centred cosine is then
                  mapped through a logistic curve fitted offline (``Embedder.calibration``; provenance there).
* ``keywords``  – terms the two profiles share that read the same in every language (acronyms, product and
                  chemical names, numbers with units, words the indexed profiles use in several languages):
                  ``S / (S + scale)`` of their summed idf (``keywords.TermIndex``), not words of one language.
* ``fields``    – Jaccard overlap of taxonomy fields — only when both profiles give fields.
* ``trl``       – readiness compatibility: an offer at or above the level a request needs scores 1, each
                  level short costs 0.25; for profiles of the same side, closeness of levels — only when both
                  give a level.
* ``country``   – each side's country preference satisfied by the other's country — only when a side states a
                  preference and the other's country is known.
* ``partner_type`` – each side's sought partner types (university, company…) satisfied by the type of the
                  other's owner organisation — only when a side states a preference and the other's owner type
                  is known.

A part that does not apply is left out of the score and of the explanation (no "Country 100 %" when nobody
entered a country). Below :data:`MATCH_THRESHOLD` a candidate is not a match: the lists hold only candidates
above it, and an empty list means "no good match yet". When a profile is written in a language the embedder
does not handle, ``semantic`` is left out, the match is marked ``keywords_only`` and is listed when the two
share at least one term (its score, from words alone, is not calibrated like the others).
"""

from __future__ import annotations

import json
import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from .embeddings import Embedder, get_embedder
from .index import NumpyIndex, VectorIndex
from .keywords import TermIndex
from .notes import (
    MATCH_LANGUAGE_UNSUPPORTED,
    MATCH_OWNER_NOT_SOUGHT,
    QUERY_LANGUAGE_UNSUPPORTED,
    QUERY_OWNER_NOT_SOUGHT,
    Note,
)
from .profiles import COMPLEMENTARY_KINDS, KINDS, Profile, is_complementary

__all__ = ["Profile", "Weights", "ScorePart", "Explanation", "Match", "Matcher", "is_complementary",
           "MATCH_THRESHOLD"]

COMPLEMENTARY = "complementary"
SIMILAR = "similar"
OFFER_SIDE = frozenset({"technology_offer", "business_offer"})

#: the score under which a candidate is not offered as a match ("no good match yet"). Chosen on the development
#: part of ``benchmarks/data/matching_pairs.py`` (``benchmarks/matching.py --fit``): the lowest of 0.40, 0.45 …
#: 0.65 that keeps the share of unrelated request–offer pairs above it at about 4 %, a margin under the 5 %
#: target for profiles never seen (session 3: 3.9 %; session 5, with the hubness correction and its curve:
#: 4.0 %, 75 % of the true pairs above it; 3.7 % on the held-out part).
MATCH_THRESHOLD = 0.60
#: pseudo-count of the bundled language mean: a language with n indexed profiles is centred on
#: (Σ vectors + PRIOR_WEIGHT × bundled mean) / (n + PRIOR_WEIGHT)
PRIOR_WEIGHT = 20
#: logistic curve (slope, intercept) over the centred cosine for embedders that do not declare their own
DEFAULT_CALIBRATION = (12.0, -3.0)
#: hubness correction (``hubness``): the neighbourhood of a profile is the mean of its HUBNESS_K best centred
#: cosines with the profiles that could ask for it; estimated against at most HUB_SAMPLE of them
#: session 6: 3 → 10, the K of Conneau et al. 2018; chosen on the development data with HUB_PENALTY below.
HUBNESS_K = 10
HUB_SAMPLE = 2000
#: weight β of a candidate's neighbourhood in the hubness-corrected cosine ``cos − β·r(candidate)``. CSLS
#: (Conneau et al. 2018) is β = ½ (its ranking, ``2·cos − r(query) − r(candidate)``); a larger β is the same local
#: scaling with a stronger pull on hubs (local scaling, Schnitzer, Flexer, Schedl & Widmer 2012, JMLR 13).
#: Session 6, chosen on development data only — the whole session-5 problem/solution set (58 queries,
#: ``benchmarks/matching.py --development``) and the template set (nDCG@10): with K 3, β ½ → ¾ → 1 took
#: the hybrid top-3 from 0.845 to 0.897 and 0.897 but the template nDCG from 0.981 to 0.956 and 0.883 (with K 3,
#: a topic's own 3–4 true partners fill the neighbourhood, so a well-answered topic is penalised as a hub);
#: with K 10 that loss goes away (β ¾: top-3 0.879, MRR 0.837, template 0.980; β 1: 0.879 / 0.808 / 0.987).
HUB_PENALTY = 0.75
LANGUAGE_MEANS_FILE = Path(__file__).with_name("language_means.json")


@cache
def bundled_language_means(embedder_name: str) -> dict[str | None, np.ndarray]:
    """Per-language mean vectors shipped with sticoop for ``embedder_name`` ({} when none are bundled).

    Computed offline from the development part of the problem/solution set and the template set
    (``benchmarks/data/``; ``benchmarks/matching.py --write-means``); the file names its sources."""
    try:
        data = json.loads(LANGUAGE_MEANS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    found = data.get("embedders", {}).get(embedder_name, {})
    return {lang: np.asarray(v, dtype=np.float64) for lang, v in found.get("means", {}).items()}


@dataclass(frozen=True)
class Weights:
    """Relative weight of each score part (renormalised over the parts that apply to a pair).

    Defaults chosen on the development part of ``benchmarks/data/matching_pairs.py`` (see
    benchmarks/README.md): meaning carries most of the signal across languages; shared technical terms add
    what embeddings blur; the partner criteria weigh little, they encode preferences, not topic.
    """

    semantic: float = 0.7
    keywords: float = 0.15
    #: session 6 (development data only): 0.1 → 0.2 lifted top-3 on the session-5 set at every hubness setting
    #: tried (0.810 → 0.845 at β ½, 0.879 → 0.897 at β 1); 0.3 gave the same top-3 as 0.2
    fields: float = 0.2
    trl: float = 0.02
    country: float = 0.015
    partner_type: float = 0.015

    def as_dict(self) -> dict[str, float]:
        return {"semantic": self.semantic, "keywords": self.keywords, "fields": self.fields, "trl": self.trl,
                "country": self.country, "partner_type": self.partner_type}


@dataclass(frozen=True)
class ScorePart:
    name: str
    value: float | None  # in [0, 1]; None when not applicable (semantic for keywords-only)
    weight: float  # effective weight after renormalisation
    contribution: float  # weight × value
    raw: float | None = None  # centred cosine for semantic, summed idf of the shared terms for keywords


@dataclass(frozen=True)
class Explanation:
    parts: dict[str, ScorePart]  # only the parts that apply to the pair (semantic always, None if keywords-only)
    shared_fields: list[str]
    shared_terms: list[str]
    keywords_only: bool
    notes: list[Note] = field(default_factory=list)  # remarks as data (``notes.Note``), translated by code


@dataclass(frozen=True)
class Match:
    profile_id: Hashable
    relation: str  # "complementary" or "similar"
    score: float
    explanation: Explanation

    def to_dict(self) -> dict:
        """JSON-ready form for the API and pages; each note is ``{"code", "params", "text"}``."""
        out = asdict(self)
        out["explanation"]["notes"] = [n.to_dict() for n in self.explanation.notes]
        return out


def trl_compatibility(query: Profile, other: Profile, relation: str) -> float | None:
    """How well readiness levels fit; None when either is unknown."""
    if query.trl is None or other.trl is None:
        return None
    one_request = (query.kind == "technology_request") != (other.kind == "technology_request")
    if relation == COMPLEMENTARY and one_request:
        asking = query.kind == "technology_request"
        offer_trl, request_trl = (other.trl, query.trl) if asking else (query.trl, other.trl)
        gap = request_trl - offer_trl  # how far the offer is below what the request needs
        return 1.0 if gap <= 0 else max(0.0, 1.0 - 0.25 * gap)
    return 1.0 - abs(query.trl - other.trl) / 8.0


def _preference(a: Profile, b: Profile, wanted: str, have: str) -> float | None:
    """Mean over the sides that state a preference (``wanted``) of "the other's ``have`` is one I want";
    None when no side states one or the other side's value is unknown."""
    scores = []
    for pref, other in ((a, b), (b, a)):
        values, value = getattr(pref, wanted), getattr(other, have)
        if values and value is not None:
            scores.append(1.0 if value in values else 0.0)
    return sum(scores) / len(scores) if scores else None


def country_compatibility(a: Profile, b: Profile) -> float | None:
    """Country preferences met, over the sides that state one about a known country (None: none applies)."""
    return _preference(a, b, "partner_sought_countries", "owner_country")


def partner_type_compatibility(a: Profile, b: Profile) -> float | None:
    """Partner types sought met by the other's owner type, over the sides where both are known."""
    return _preference(a, b, "partner_sought_types", "owner_type")


def partner_type_notes(q: Profile, c: Profile) -> list[Note]:
    """Which side's sought partner type the other does not match (the owner type that is not sought)."""
    notes = []
    if q.partner_sought_types and c.owner_type is not None and c.owner_type not in q.partner_sought_types:
        notes.append(Note(MATCH_OWNER_NOT_SOUGHT, {"owner_type": c.owner_type}))
    if c.partner_sought_types and q.owner_type is not None and q.owner_type not in c.partner_sought_types:
        notes.append(Note(QUERY_OWNER_NOT_SOUGHT, {"owner_type": q.owner_type}))
    return notes


def field_overlap(a: Profile, b: Profile) -> tuple[float | None, list[str]]:
    """Jaccard overlap of the fields and the shared fields; None when either profile gives none."""
    fa, fb = set(a.fields), set(b.fields)
    shared = sorted(fa & fb)
    if not fa or not fb:
        return None, shared
    return len(shared) / len(fa | fb), shared


def calibrated(cosine: float, calibration: tuple[float, float]) -> float:
    """The logistic curve ``1 / (1 + exp(-(slope × cosine + intercept)))``."""
    slope, intercept = calibration
    return 1.0 / (1.0 + math.exp(-(slope * cosine + intercept)))


class Matcher:
    """Indexes profiles and returns their ranked complementary and similar profiles.

    Vectors are computed once per profile version: ``add`` embeds only profiles whose
    :meth:`Profile.fingerprint` changed, and accepts precomputed vectors (e.g. loaded from the database,
    produced earlier by :meth:`embed_profiles` with the same :attr:`embedder_name`).

    Language neutrality: multilingual models place every text of a language near that language's mean, so
    two unrelated Vietnamese profiles look closer than a Vietnamese request and the English offer that answers
    it. The index keeps raw vectors and the running sum per language; a query is centred on its language's
    mean, candidates are retrieved per language (so the same-language ones cannot crowd out the rest) and each
    candidate's cosine is taken after centring it on its own language's mean.
    """

    def __init__(self, embedder: Embedder | None = None, index: VectorIndex | None = None,
                 weights: Weights | None = None, supported_languages: Iterable[str] | None = None,
                 candidate_statuses: Iterable[str] = ("published",), pool_size: int = 100,
                 threshold: float = MATCH_THRESHOLD, calibration: tuple[float, float] | None = None,
                 language_means: Mapping[str | None, np.ndarray] | None = None, centring: bool = True,
                 indexed: Mapping[Any, str] | None = None, hubness: bool = True,
                 hub_penalty: float = HUB_PENALTY):
        self.embedder = embedder if embedder is not None else get_embedder()
        self.index = index if index is not None else NumpyIndex(self.embedder.dim)
        if self.index.dim != self.embedder.dim:
            raise ValueError(f"index dimension {self.index.dim} != embedder dimension {self.embedder.dim}")
        self.weights = weights or Weights()
        langs = supported_languages if supported_languages is not None else self.embedder.languages
        self.supported_languages: frozenset[str] | None = None if langs is None else frozenset(langs)
        self.candidate_statuses = frozenset(candidate_statuses)
        self.pool_size = pool_size
        self.threshold = threshold
        self.calibration = calibration or getattr(self.embedder, "calibration", None) or DEFAULT_CALIBRATION
        if language_means is None:  # a folder model carries its own (``sticoop matching calibrate``)
            language_means = getattr(self.embedder, "language_means", None) or bundled_language_means(
                self.embedder.name)
        self.prior_means: dict[str | None, np.ndarray] = dict(language_means)
        self.centring = centring  # False only to measure what centring brings (benchmarks)
        # hubness correction of complementary scores (CSLS); its own calibration curve, fitted on the CSLS values
        self.hubness = hubness
        self.hub_penalty = hub_penalty  # β of ``hub_corrected``; ½ is plain CSLS
        self.hub_calibration = getattr(self.embedder, "hub_calibration", None) or self.calibration
        self._hub: dict[Hashable, float] | None = None  # neighbourhood of each vector; None = to compute
        self.terms = TermIndex()
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
        self._mean_cache: dict[str | None, np.ndarray] = {}

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
            vectors: np.ndarray | Mapping[Any, np.ndarray] | None = None) -> None:
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
            self.terms.add(p.id, p.keyword_text(), p.language)
        self._allowed_cache.clear()
        self._hub = None

    def remove(self, ids: Iterable[Hashable]) -> None:
        ids = [i for i in ids if i in self._profiles]
        self._forget_vectors(ids)
        self.index.remove(ids)
        for i in ids:
            p = self._profiles.pop(i)
            self._fingerprints.pop(i, None)
            self._by_kind[p.kind].discard(i)
            self.terms.remove(i)
        self._allowed_cache.clear()
        self._hub = None

    def _count_vector(self, id_: Hashable, lang: str | None, v: np.ndarray) -> None:
        if lang not in self._lang_sum:
            self._lang_sum[lang] = np.zeros(self.embedder.dim, dtype=np.float64)
            self._lang_count[lang] = 0
        self._lang_sum[lang] += v
        self._lang_count[lang] += 1
        self._mean_cache.pop(lang, None)
        self._vec_lang[id_] = lang

    def _forget_vectors(self, ids: Iterable[Hashable]) -> None:
        for id_ in ids:
            if id_ in self._vec_lang:
                lang = self._vec_lang.pop(id_)
                v = self.index.get(id_)
                if v is not None:
                    self._lang_sum[lang] -= v
                self._lang_count[lang] -= 1
                self._mean_cache.pop(lang, None)

    def language_mean(self, lang: str | None) -> np.ndarray:
        """The vector subtracted from every vector of language ``lang`` before a cosine is taken: the mean of
        the indexed vectors of that language, pulled towards the bundled mean (weight ``PRIOR_WEIGHT``) — for a
        language without one, the mean of the bundled means, and zero when nothing is bundled."""
        cached = self._mean_cache.get(lang)
        if cached is not None:
            return cached
        if not self.centring:
            self._mean_cache[lang] = np.zeros(self.embedder.dim, dtype=np.float32)
            return self._mean_cache[lang]
        n = self._lang_count.get(lang, 0)
        total = self._lang_sum.get(lang, np.zeros(self.embedder.dim)).astype(np.float64)
        prior = self.prior_means.get(lang)
        if prior is None and self.prior_means:
            prior = np.mean(list(self.prior_means.values()), axis=0)
        if prior is None:  # no bundled means: shrink towards zero, so a handful of profiles on one topic do
            prior = np.zeros(self.embedder.dim)  # not centre that topic away
        mean = (total + PRIOR_WEIGHT * prior) / (n + PRIOR_WEIGHT)
        self._mean_cache[lang] = mean.astype(np.float32)
        return self._mean_cache[lang]

    # ---- querying -------------------------------------------------------------------------------------
    def complementary(self, profile: Profile | Hashable, k: int = 10,
                      min_score: float | None = None) -> list[Match]:
        """Profiles that answer this one (offer ↔ request, business ↔ request/business, R&D ↔ R&D), best first,
        scored at least ``min_score`` (default: the matcher's threshold; 0 lists every candidate)."""
        p = self._resolve(profile)
        return self._rank(p, COMPLEMENTARY_KINDS[p.kind], COMPLEMENTARY, k, min_score)

    def similar(self, profile: Profile | Hashable, k: int = 10, min_score: float | None = None) -> list[Match]:
        """Profiles of the same kind on the same subject (competitors, duplicates, peers)."""
        p = self._resolve(profile)
        return self._rank(p, frozenset({p.kind}), SIMILAR, k, min_score)

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

    def centred_query(self, p: Profile, qvec: np.ndarray) -> np.ndarray:
        """The query vector with its language's mean removed, unit length."""
        v = qvec.astype(np.float32) - self.language_mean(p.language)
        norm = float(np.linalg.norm(v))
        return v / norm if norm > 0 else v

    def centred_cosines(self, qc: np.ndarray, ids: Sequence[Hashable]) -> dict[Hashable, float]:
        """Cosine of the centred query with each candidate centred on its own language's mean (one matrix
        product; ids without a vector are left out)."""
        ids = [i for i in ids if i in self._vec_lang and i in self.index]
        if not ids:
            return {}
        return dict(zip(ids, (self.centred_matrix(ids) @ qc).tolist(), strict=True))

    def neighbourhoods(self) -> dict[Hashable, float]:
        """How crowded the neighbourhood of each indexed vector is, for the hubness correction: ``id → r`` with
        ``r`` the mean of the :data:`HUBNESS_K` best centred cosines of the profile with the profiles that could
        ask for it (the candidates of the kinds complementary to its own, itself excluded), in [-1, 1].

        Source: the CSLS criterion (cross-domain similarity local scaling) of Conneau, Lample, Ranzato, Denoyer
        & Jégou (2018), "Word translation without parallel data", ICLR, which corrects the *hubs* of
        cross-lingual embedding spaces — vectors that are the nearest neighbour of many unrelated queries
        (Radovanović, Nanopoulos & Ivanović 2010, "Hubs in space", JMLR 11). With more than :data:`HUB_SAMPLE`
        such profiles, ``r`` is estimated against a fixed random sample of them (sampling the neighbourhood as
        in Schnitzer, Flexer, Schedl & Widmer 2012, "Local and global scaling reduce hubs in space", JMLR 13).
        Computed in one blocked matrix product after the index changed, then kept until the next change."""
        if self._hub is not None:
            return self._hub
        hub: dict[Hashable, float] = {}
        with_vector = [i for i in self._profiles if i in self._vec_lang]
        by_kind: dict[str, list[Hashable]] = {}
        for i in with_vector:
            by_kind.setdefault(self._profiles[i].kind, []).append(i)
        for kind, members in by_kind.items():
            _, groups = self._allowed(COMPLEMENTARY_KINDS[kind])
            reference = sorted((i for g in groups.values() for i in g), key=str)
            if len(reference) > HUB_SAMPLE:
                picked = np.random.default_rng(0).choice(len(reference), HUB_SAMPLE, replace=False)
                reference = [reference[j] for j in np.sort(picked)]
            hub.update(self._neighbourhood(members, reference))
        self._hub = hub
        return hub

    def _neighbourhood(self, members: list[Hashable], reference: list[Hashable]) -> dict[Hashable, float]:
        """``r`` of each of ``members`` against ``reference`` (itself excluded), blocks of 2,048 rows."""
        ref_pos = {i: j for j, i in enumerate(reference)}
        if not reference:
            return {i: 0.0 for i in members}
        ref = self.centred_matrix(reference)
        out: dict[Hashable, float] = {}
        for start in range(0, len(members), 2048):
            block = members[start:start + 2048]
            sims = self.centred_matrix(block) @ ref.T
            for row, id_ in enumerate(block):
                if id_ in ref_pos:
                    sims[row, ref_pos[id_]] = -np.inf
            kk = min(HUBNESS_K, len(reference) - (1 if any(i in ref_pos for i in block) else 0))
            if kk <= 0:
                out.update((i, 0.0) for i in block)
                continue
            top = -np.partition(-sims, kk - 1, axis=1)[:, :kk]
            top[~np.isfinite(top)] = 0.0
            out.update(zip(block, top.mean(axis=1).tolist(), strict=True))
        return out

    def centred_matrix(self, ids: Sequence[Hashable]) -> np.ndarray:
        """The indexed vectors of ``ids`` (which must have one), each centred on its language's mean and brought
        back to unit length: an ``(len(ids), dim)`` float32 matrix."""
        raw = self.index.get_many(ids).astype(np.float32)  # a copy: centred in place below
        means = {lang: self.language_mean(lang) for lang in {self._vec_lang[i] for i in ids}}
        raw -= np.stack([means[self._vec_lang[i]] for i in ids])
        norms = np.linalg.norm(raw, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return raw / norms

    def hub_corrected(self, cosines: dict[Hashable, float]) -> dict[Hashable, float]:
        """Each candidate's centred cosine less ``β`` times its neighbourhood: ``cos − β·r(candidate)``, with ``r``
        from :meth:`neighbourhoods` and ``β`` = :attr:`hub_penalty` (default :data:`HUB_PENALTY`). With β = ½ this
        ranks a query's candidates exactly as CSLS does (``2·cos − r(query) − r(candidate)``: ``r(query)`` is the
        same for all of them); a larger β is the same local scaling with a stronger pull on hubs. The score stays
        absolute — it does not move when a better candidate is added, as ``r(query)`` would. A candidate close to
        everyone (a hub) loses what it owes to its crowded neighbourhood."""
        if not cosines:
            return {}
        hub = self.neighbourhoods()
        beta = self.hub_penalty
        return {c: cos - beta * hub.get(c, 0.0) for c, cos in cosines.items()}

    def _rank(self, q: Profile, kinds: frozenset[str], relation: str, k: int,
              min_score: float | None) -> list[Match]:
        allowed, by_language = self._allowed(kinds)
        if not allowed or k <= 0:
            return []
        floor = self.threshold if min_score is None else min_score
        pool = max(self.pool_size, 3 * k)
        qvec = self._query_vector(q)
        qc = self.centred_query(q, qvec) if qvec is not None else None

        found: set[Hashable] = set()
        if qc is not None and by_language:
            langs = list(by_language)
            for hits in self.index.search_groups(qc, pool + 1, [by_language[lang] for lang in langs]):
                found.update(i for i, _ in hits)
        term_weights = self.terms.query_terms(q.keyword_text(), q.language, every_term=qvec is None)
        found.update(self.terms.candidates(term_weights, allowed, pool + 1))
        found.discard(q.id)
        cosines = self.centred_cosines(qc, [c for c in found if c in self._vec_lang]) if qc is not None else {}
        calibration = self.calibration
        if relation == COMPLEMENTARY and self.hubness:
            cosines, calibration = self.hub_corrected(cosines), self.hub_calibration

        weights = self.weights.as_dict()
        scored = []
        for c in found:
            cand = self._profiles[c]
            values, notes = self._values(q, cand, relation, qvec is not None, cosines.get(c), term_weights,
                                         calibration)
            total_w = sum(weights[n] for n, (v, _) in values.items() if v is not None) or 1.0
            score = sum(weights[n] * v for n, (v, _) in values.items() if v is not None) / total_w
            # a pair the model cannot read is held to what it can show: at least one shared term (its score
            # is not calibrated like the others, and the page marks it "keywords only")
            keywords_only = values["semantic"][0] is None and values["keywords"][0] > 0 and min_score is None
            if score >= floor or keywords_only:
                scored.append((score, cand, values, notes, total_w))
        scored.sort(key=lambda t: (-t[0], str(t[1].id)))

        out = []
        for score, c, values, notes, total_w in scored[:k]:  # explanations only for what is shown
            parts = {}
            for name, (value, raw) in values.items():
                if value is None and name != "semantic":
                    continue
                eff = weights[name] / total_w if value is not None else 0.0
                contrib = eff * value if value is not None else 0.0
                parts[name] = ScorePart(name, round(value, 4) if value is not None else None, round(eff, 4),
                                        round(contrib, 4), None if raw is None else round(raw, 4))
            out.append(Match(c.id, relation, round(score, 4),
                             Explanation(parts, field_overlap(q, c)[1], self.terms.score(term_weights, c.id)[1][:8],
                                         values["semantic"][0] is None, notes)))
        return out

    def _values(self, q: Profile, c: Profile, relation: str, q_has_vector: bool, cos: float | None,
                term_weights: dict[str, float], calibration: tuple[float, float]) -> tuple[dict, list[Note]]:
        """The score parts of one pair as ``name → (value in [0, 1] or None, raw)``, plus notes."""
        notes: list[Note] = []
        semantic = None
        if not q_has_vector or c.id not in self._vec_lang:
            cos = None
            code, lang = (QUERY_LANGUAGE_UNSUPPORTED, q.language) if not q_has_vector \
                else (MATCH_LANGUAGE_UNSUPPORTED, c.language)
            notes.append(Note(code, {"language": lang or "unknown"}))
        elif cos is not None:
            semantic = calibrated(cos, calibration)
        keywords, raw_terms = self.terms.score_raw(term_weights, c.id)
        values = {
            "semantic": (semantic, cos),
            "keywords": (keywords, raw_terms),
            "fields": (field_overlap(q, c)[0], None),
            "trl": (trl_compatibility(q, c, relation), None),
            "country": (country_compatibility(q, c), None),
            "partner_type": (partner_type_compatibility(q, c), None),
        }
        return values, notes + partner_type_notes(q, c)
