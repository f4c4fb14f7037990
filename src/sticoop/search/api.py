"""``GET /api/v1/search``: one search over every record kind the viewer may see."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from sticoop.core.api import DB
from sticoop.core.bounds import DB_INT_RANGE, DbInt
from sticoop.search.schemas import SearchGroup, SearchHit, SearchOut
from sticoop.search.service import MAX_LIMIT, MAX_QUERY, Results, parse_kinds, search, viewer

router = APIRouter(tags=["search"])

Q = Annotated[str, Query(min_length=1, max_length=MAX_QUERY, description="Words to find (diacritics, case and "
                                                                         "apostrophes ignored; each word a prefix)")]
Kinds = Annotated[str | None, Query(max_length=400, description="Comma-separated record kinds to search "
                                                               "(default: every searchable kind)")]
PartnershipId = Annotated[DbInt | None, Query(description=f"Only records of this partnership (id, {DB_INT_RANGE})")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Results in all, 1–{MAX_LIMIT}")]
Mode = Annotated[Literal["fused", "keyword"], Query(description="fused: the word matches fused with the records "
                                                                "nearest in meaning, in any language (default); "
                                                                "keyword: the word matches alone")]


def to_out(q: str, results: Results) -> SearchOut:
    """The API shape of a search's results."""
    groups = [SearchGroup(kind=kind, count=max(results.counts.get(kind, 0), len(hits)),
                          hits=[SearchHit(id=h.id, kind=h.kind, title=h.title, url=h.url, snippet_html=h.snippet_html)
                                for h in hits])
              for kind, hits in results.groups.items()]
    return SearchOut(q=q, terms=results.terms, groups=groups)


@router.get("/search", response_model=SearchOut, summary="Search every record kind the viewer may see")
def search_records(db: DB, q: Q, kinds: Kinds = None, partnership_id: PartnershipId = None,
                   limit: Limit = 20, mode: Mode = "fused") -> SearchOut:
    return to_out(q, search(db, viewer(db), q, parse_kinds(kinds), partnership_id, limit, mode == "fused"))
