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
