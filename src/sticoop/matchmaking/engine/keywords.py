"""BM25 keyword relevance with a small multilingual tokeniser.

Keywords catch what embeddings blur: product names, acronyms (LoRaWAN, CRISPR), chemical and species
names — which are often written the same in English, French and Vietnamese. The tokeniser is deliberately
simple and deterministic: lowercase, Unicode word split, stop words removed (en/fr/vi), and for any word
carrying diacritics its ASCII-folded variant is added as an extra token, because Vietnamese and French
are routinely typed without accents ("nang luong mat troi" for "năng lượng mặt trời"). Vietnamese words
are mostly two syllables written apart, so adjacent syllable pairs are added as tokens for Vietnamese.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Sequence

import bm25s
import numpy as np

from sticoop.core.text import fold

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)  # apostrophes and hyphens split: l'eau → eau



def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS: dict[str, frozenset[str]] = {
    "en": _wordset("""
        a an and are as at be been but by can could do does for from had has have he her his how i if in
        into is it its may more most no not of on or our ours out over per she so such than that the their
        them then there these they this those through to under up us very was we were what when where which
        while who whom why will with within without would you your also other all any each both between
        about against during before after above below off again further once here only own same too just
        should now new use used using based seek seeking looking offer offers offered provide provides
        company companies partner partners technology technologies
    """),
    "fr": _wordset("""
        a à au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs
        lui ma mais me même mes moi mon ne nos notre nous on ou où par pas pour qu que qui sa se ses son sur
        ta te tes toi ton tu un une vos votre vous y est sont été être avoir ont a été fait faire plus très
        aussi ainsi comme entre sans sous chez dont lors afin leur tout tous toute toutes cela ceci ici
        nouveau nouvelle nouvelles nouveaux recherche recherchons propose proposons offre entreprise
        entreprises partenaire partenaires technologie technologies
    """),
    "vi": _wordset("""
        và của các có cho là được với trong những một này để không đã từ theo khi về như người
        đến ra tại do nên thì mà hay hoặc cũng rất nhiều sẽ đang bị vào trên dưới sau trước giữa
        chúng tôi ta họ nó đó ấy nào gì nhằm qua bằng vì nếu cần tìm kiếm đối tác công ty
        doanh nghiệp công nghệ cung cấp chào bán
    """),
}
ALL_STOPWORDS: frozenset[str] = frozenset().union(*STOPWORDS.values())
_FOLDED_STOPWORDS: frozenset[str] = frozenset(fold(w) for w in ALL_STOPWORDS)


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(unicodedata.normalize("NFC", text).lower())


@functools.lru_cache(maxsize=1 << 17)
def _fold(word: str) -> str:
    """``sticoop.core.text.fold`` of one word, cached: indexing 100,000 profiles folds the same words millions of
    times, and this was most of the time a new process spent building its matcher."""
    return fold(word)


def tokenize(text: str, language: str | None = None) -> list[str]:
    """Tokens for BM25: content words, their accent-free variants, and Vietnamese syllable pairs.

    Stop words of all three languages are removed whatever ``language`` says, since profiles mix
    languages (an English title on a French description is common).
    """
    words = _words(text)
    tokens: list[str] = []
    for w in words:
        if w in ALL_STOPWORDS or (len(w) < 2 and not w.isdigit()):
            continue
        tokens.append(w)
        folded = w if w.isascii() else _fold(w)
        if folded != w and folded not in _FOLDED_STOPWORDS:
            tokens.append(folded)
    if language == "vi":
        for a, b in zip(words, words[1:], strict=False):
            if a not in ALL_STOPWORDS and b not in ALL_STOPWORDS:
                tokens.append(f"{a}_{b}")
    return tokens


class KeywordIndex:
    """A BM25 index over documents keyed by id (``bm25s``), rebuilt lazily after changes.

    bm25s indexes are immutable, so ``add``/``remove`` only mark the index dirty and the next query
    rebuilds it: cheap for the thousands of profiles of a marketplace (≈1 s per 100,000 short documents).
    """

    def __init__(self, k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self._tokens: dict[Hashable, list[str]] = {}
        self._order: list[Hashable] = []
        self._pos: dict[Hashable, int] = {}
        self._bm25: bm25s.BM25 | None = None
        self._df: Counter[str] = Counter()
        self._dirty = True

    def __len__(self) -> int:
        return len(self._tokens)

    def __contains__(self, id_: object) -> bool:
        return id_ in self._tokens

    def add(self, id_: Hashable, text: str, language: str | None = None) -> None:
        self._tokens[id_] = tokenize(text, language)
        self._dirty = True

    def remove(self, id_: Hashable) -> None:
        if self._tokens.pop(id_, None) is not None:
            self._dirty = True

    def tokens(self, id_: Hashable) -> list[str]:
        return self._tokens.get(id_, [])

    def _rebuild(self) -> None:
        self._order = list(self._tokens)
        self._pos = {id_: i for i, id_ in enumerate(self._order)}
        self._df = Counter(t for toks in self._tokens.values() for t in set(toks))
        if self._order:
            bm = bm25s.BM25(k1=self.k1, b=self.b)
            # An empty document would break bm25s; the empty-string token stands in for "no words".
            bm.index([self._tokens[i] or [""] for i in self._order], show_progress=False)
            self._bm25 = bm
        else:
            self._bm25 = None
        self._dirty = False

    def idf(self, token: str) -> float:
        """Inverse document frequency of ``token`` (0 for unknown), to rank shared terms by specificity."""
        if self._dirty:
            self._rebuild()
        n = len(self._order)
        df = self._df.get(token, 0)
        return float(np.log(1 + (n - df + 0.5) / (df + 0.5))) if df else 0.0

    def scores(self, query_tokens: Sequence[str]) -> tuple[list[Hashable], np.ndarray]:
        """BM25 score of every indexed document for the query: ``(ids, scores)`` in index order."""
        if self._dirty:
            self._rebuild()
        if self._bm25 is None:
            return [], np.zeros(0, dtype=np.float32)
        ids = self._bm25.get_tokens_ids(list(query_tokens))
        if not ids:
            return self._order, np.zeros(len(self._order), dtype=np.float32)
        return self._order, np.asarray(self._bm25.get_scores(ids), dtype=np.float32)

    def search(self, query_tokens: Sequence[str], k: int) -> list[tuple[Hashable, float]]:
        """Top ``k`` documents with a positive BM25 score, best first."""
        ids, s = self.scores(query_tokens)
        if not ids:
            return []
        order = np.argsort(-s, kind="stable")[:k]
        return [(ids[i], float(s[i])) for i in order if s[i] > 0]


# ---- cross-lingual terms ---------------------------------------------------------------------------------
# The keyword part of matching must not reward two profiles for merely being written in the same language
# (BM25 over ordinary words does exactly that: "rice", "water", "farmers" match any English profile). So the
# matcher compares *terms that read the same in every language*: acronyms and product names (MBR, LoRaWAN,
# UAV, HPV), chemical formulas and codes (H2S, CO2, PM2.5, ASFV), numbers with their unit (800 m3, 4 °C), and
# words the indexed profiles use in at least two languages (membrane, biogas, Trichoderma, arsenic).

_TERM_RE = re.compile(r"[^\W_]+(?:[.,][0-9]+)?", re.UNICODE)
UNITS: frozenset[str] = _wordset("""
    mm cm m km m2 m3 ha l ml g kg t mg µg ppm ppb kw kwh mw mwh gw w wh v kv a mah hz khz mhz ghz db
    °c c k pa kpa mpa bar s min h j kj mj % tonnes tons tấn lít
""")
#: a Vietnamese syllable written without diacritics (``"thanh"``, ``"trong"``): in Vietnamese text such
#: a word is Vietnamese, not a borrowed technical term, even though it is plain ASCII
_VI_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?"
    r"(?:oai|oay|uoi|uou|uya|uyu|uye|ieu|yeu|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|ua|ue|ui|uo|uu|uy|ye|[aeiouy])"
    r"(?:ng|nh|ch|[cmnpt])?$")


def is_technical(word: str) -> bool:
    """True for a token spelled the same in every language: it holds a digit (H2S, CO2, PM2.5) or capitals
    beyond the first letter (MBR, LoRaWAN, eDNA)."""
    return any(c.isdigit() for c in word) or sum(c.isupper() for c in word[1:]) >= 1 and len(word) >= 2


def term_candidates(text: str, language: str | None = None) -> list[tuple[str, str, bool]]:
    """``(key, surface, technical)`` for every word of ``text`` that could be a cross-lingual term.

    ``key`` is the lower-case, accent-free form the index compares; numbers are kept only with the unit that
    follows them (``"800 m3"`` → ``"800m3"``); stop words and words under four letters are dropped unless
    technical; in Vietnamese text only words that are not Vietnamese syllables are kept.
    """
    words = _TERM_RE.findall(unicodedata.normalize("NFC", text))
    out: list[tuple[str, str, bool]] = []
    for i, w in enumerate(words):
        lower = w.lower()
        if lower.replace(".", "").replace(",", "").isdigit():
            unit = words[i + 1].lower() if i + 1 < len(words) else ""
            if unit in UNITS:
                out.append((f"{lower.replace(',', '.')}{unit}", f"{w} {words[i + 1]}", True))
            continue
        if lower in UNITS:
            continue
        technical = is_technical(w)
        if not technical:
            if len(w) < 4 or lower in ALL_STOPWORDS:
                continue
            if language == "vi" and (not lower.isascii() or _VI_SYLLABLE.match(lower)):
                continue
        key = lower if lower.isascii() else _fold(lower)
        if key in _FOLDED_STOPWORDS:
            continue
        out.append((key, w, technical))
    return out


class TermIndex:
    """Cross-lingual term overlap between profiles, scored on an absolute scale.

    A term counts when it is technical (see :func:`is_technical`) or when the indexed profiles use it in at
    least two languages, the second one at least ``min_language_share`` as often as the first, +1 smoothed
    (so "membrane" counts, "water" — English only — does not, however many English profiles say it). A query
    the embedder cannot read (``every_term``) uses all its terms: words are then its only signal. The score of a pair is
    ``S / (S + scale)`` where ``S`` is the sum of the shared terms' inverse document frequencies: 0 with
    nothing shared, 0.5 when the shared terms weigh ``scale`` (about one rare term), never relative to the
    other candidates. Postings lists give the profiles sharing a term, for candidate retrieval.
    """

    def __init__(self, scale: float = 6.0, min_language_share: float = 0.2, max_postings: int = 5000):
        self.scale = scale
        self.min_language_share = min_language_share
        self.max_postings = max_postings
        self._terms: dict[Hashable, frozenset[str]] = {}
        self._technical: set[str] = set()
        self._surface: dict[str, str] = {}
        self._lang: dict[Hashable, str | None] = {}
        self._postings: dict[str, set[Hashable]] = {}
        self._df_lang: dict[str, Counter[str | None]] = {}

    def __len__(self) -> int:
        return len(self._terms)

    def add(self, id_: Hashable, text: str, language: str | None = None) -> None:
        self.remove(id_)
        keys = set()
        for key, surface, technical in term_candidates(text, language):
            keys.add(key)
            if technical:
                self._technical.add(key)
            seen = self._surface.get(key)
            if seen is None or (seen[:1].isupper() and seen[1:].islower() and surface.islower()):
                self._surface[key] = surface  # "membrane" rather than a title's "Membrane"
        self._terms[id_] = frozenset(keys)
        self._lang[id_] = language
        for key in keys:
            self._postings.setdefault(key, set()).add(id_)
            self._df_lang.setdefault(key, Counter())[language] += 1

    def remove(self, id_: Hashable) -> None:
        keys = self._terms.pop(id_, None)
        if keys is None:
            return
        language = self._lang.pop(id_)
        for key in keys:
            self._postings[key].discard(id_)
            self._df_lang[key][language] -= 1

    def is_cross_lingual(self, key: str) -> bool:
        if key in self._technical:
            return True
        counts = sorted((n for n in self._df_lang.get(key, Counter()).values() if n > 0), reverse=True)
        # +1 smoothing: in a small collection one use in a second language is enough
        return len(counts) >= 2 and counts[1] + 1 >= self.min_language_share * (counts[0] + 1)

    def idf(self, key: str) -> float:
        n = len(self._terms)
        df = len(self._postings.get(key, ()))
        return float(np.log(1 + (n - df + 0.5) / (df + 0.5))) if df else 0.0

    def query_terms(self, text: str, language: str | None = None, every_term: bool = False) -> dict[str, float]:
        """The cross-lingual terms (all terms with ``every_term``) of a query text and their weights (idf)."""
        keys = {key for key, _, _ in term_candidates(text, language)}
        return {k: self.idf(k) for k in keys
                if self._postings.get(k) and (every_term or self.is_cross_lingual(k))}

    def score_raw(self, weights: dict[str, float], id_: Hashable) -> tuple[float, float]:
        """``(score in [0, 1), summed idf of the shared terms)`` of one indexed profile for a query."""
        mine = self._terms.get(id_, frozenset())
        total = sum(w for k, w in weights.items() if k in mine)
        return (total / (total + self.scale) if total > 0 else 0.0), total

    def score(self, weights: dict[str, float], id_: Hashable) -> tuple[float, list[str]]:
        """``(score in [0, 1), shared terms by decreasing weight, as first written)`` of one profile."""
        mine = self._terms.get(id_, frozenset())
        shared = sorted((k for k in weights if k in mine), key=lambda k: (-weights[k], k))
        return self.score_raw(weights, id_)[0], [self._surface.get(k, k) for k in shared]

    def candidates(self, weights: dict[str, float], allowed: frozenset | set, k: int) -> dict[Hashable, float]:
        """Up to ``k`` allowed profiles sharing the most weight with the query: ``id → summed idf``."""
        acc: Counter[Hashable] = Counter()
        for key, w in weights.items():
            posting = self._postings.get(key, ())
            if len(posting) > self.max_postings:  # too common to retrieve by; still scored on the others
                continue
            for id_ in posting:
                if id_ in allowed:
                    acc[id_] += w  # type: ignore[assignment]  # typeshed: Counter counts are ints; float weights work
        return dict(acc.most_common(k))
