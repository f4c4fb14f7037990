"""Reciprocal-rank fusion of the keyword list and the semantic list (Cormack, Clarke & Büttcher, "Reciprocal
rank fusion outperforms Condorcet and individual rank learning methods", SIGIR 2009): an entry's score is
``Σ weight / (k + rank)`` over the lists it is in (rank from 1), with their k = 60.

The semantic list is the entries nearest to the query's vector (:mod:`sticoop.search.vectors`: the HNSW graph
and the entries embedded after it) whose cosine
reaches :data:`SEMANTIC_FLOOR` (below it a neighbour is no more alike than two unrelated texts are for this
embedder), read back from ``search_entries`` under the viewer's scope.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.core.principal import Principal
from sticoop.search.backend import Hit, of_partnership, scope_clause
from sticoop.search.models import SearchEntry
from sticoop.search.vectors import query_vector, vectors_for

#: the k of reciprocal-rank fusion (Cormack et al. 2009)
RRF_K = 60
#: weight of the semantic list (the keyword list weighs 1): tuned on the tuning part of
#: ``benchmarks/data/search_relevance.py`` (``benchmarks/search.py --relevance``)
SEMANTIC_WEIGHT = 1.0
#: least cosine of a semantic neighbour (multilingual-e5-small: unrelated short texts score 0.74–0.82, the same
#: subject in two languages 0.78–0.90, Vietnamese queries at the low end); tuned with :data:`SEMANTIC_MARGIN`
SEMANTIC_FLOOR = 0.78
#: a neighbour is kept only within this much of the best neighbour's cosine (the embedder's cosines sit in a
#: narrow band whose level varies from one query to another: a relative cut follows it, a fixed floor cannot)
SEMANTIC_MARGIN = 0.05
#: entries each list brings to the fusion at most
FUSION_DEPTH = 50


def fuse(keyword: Sequence[Hit], semantic: Sequence[Hit], k: int = RRF_K,
         weight: float = SEMANTIC_WEIGHT) -> list[Hit]:
    """The hits of both lists (each best first) ordered by their fused score, best first; ties keep the keyword
    list's order, then the semantic list's."""
    score: dict[tuple[str, int], float] = {}
    hits: dict[tuple[str, int], Hit] = {}
    for ranked, w in ((keyword, 1.0), (semantic, weight)):
        for rank, hit in enumerate(ranked, start=1):
            key = (hit.kind, hit.record_id)
            score[key] = score.get(key, 0.0) + w / (k + rank)
            hits.setdefault(key, hit)
    order = {key: i for i, key in enumerate(hits)}
    return [hits[key] for key in sorted(hits, key=lambda key: (-score[key], order[key]))]


def semantic_hits(db: Session, principal: Principal, q: str, kinds: Sequence[str], partnership_id: int | None,
                  n: int, floor: float = SEMANTIC_FLOOR, margin: float = SEMANTIC_MARGIN,
                  further: Sequence[int] = (), also: Sequence[int] = ()) -> list[Hit]:
    """The ``n`` entries ``principal`` may see (of ``kinds``, of ``partnership_id`` when given) nearest to the
    vector of ``q`` with a cosine of at least ``floor`` and within ``margin`` of the best of them, best first."""
    parts = vectors_for(db)
    vector = query_vector(q)
    neighbours = [nb for nb in parts.nearest(vector, principal, kinds, partnership_id, n, further, also)
                  if nb.similarity >= floor]
    if not neighbours:
        return []
    ids = [nb.entry_id for nb in neighbours]
    connection = db.connection()
    where = [SearchEntry.id.in_(ids), scope_clause(principal, further), SearchEntry.kind.in_(list(kinds)),
             SearchEntry.embedder == parts.name]
    if partnership_id is not None:
        where.append(of_partnership(partnership_id, also))
    rows = connection.execute(select(SearchEntry.id, SearchEntry.kind, SearchEntry.record_id, SearchEntry.title,
                                     SearchEntry.body, SearchEntry.embedding).where(*where)).all()
    present = set(connection.execute(select(SearchEntry.id).where(SearchEntry.id.in_(ids))).scalars())
    parts.forget([i for i in ids if i not in present])
    # the stored vectors decide (the graph's are half-precision; a part may hold an entry's older version)
    scored = [(float(np.frombuffer(r.embedding, dtype="<f4") @ vector), r) for r in rows]
    scored = sorted((sr for sr in scored if sr[0] >= floor), key=lambda sr: -sr[0])
    scored = [sr for sr in scored if sr[0] >= scored[0][0] - margin] if scored else []
    return [Hit(r.kind, r.record_id, r.title, r.body) for _, r in scored]
