"""The search answer as the API returns it."""

from __future__ import annotations

from pydantic import BaseModel, Field


class SearchHit(BaseModel):
    """One record found."""

    id: int = Field(description="Id of the record (in its kind)")
    kind: str = Field(description="Record kind (entity name: project, person, session, ...)")
    title: str = Field(description="How the record is named (its display name)")
    url: str | None = Field(description="Path of the record's page; null for a kind shown only inside another "
                                        "record's page (a document)")
    snippet_html: str = Field(description="The passage matching the query, HTML-escaped, the matching words "
                                          "wrapped in <mark>; '…' where the text was cut")


class SearchGroup(BaseModel):
    """The results of one kind."""

    kind: str = Field(description="Record kind of the group")
    count: int = Field(description="Records of this kind the viewer may see that match (at most 1000: a hint)")
    hits: list[SearchHit] = Field(description="The best of them among the answer's limit, best first")


class SearchOut(BaseModel):
    """The answer of ``GET /api/v1/search``."""

    q: str = Field(description="The query as given")
    terms: list[str] = Field(description="Its folded words, each matched as a word prefix; all must occur")
    groups: list[SearchGroup] = Field(description="Results grouped by kind, the kind of the best hit first")
