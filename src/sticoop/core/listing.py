"""List parameters shared by every list endpoint and page: filters, sort and bounded pagination.

Pagination is bounded (limit ≤ settings.page_size_max) and every filter maps to an indexed column, so a
list stays fast at a million rows; the total is counted with the same filters, exactly up to a bound; deep
pages use the keyset cursor ``after`` (:mod:`sticoop.core.keyset`).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sticoop.core.bounds import DbInt

T = TypeVar("T")


class ListParams(BaseModel):
    """Query parameters of every list: filters (each applied only where the entity has that column), sort and page."""

    q: str | None = Field(default=None, max_length=200,
                          description="Free text (at most 200 characters); diacritics and case optional.")
    country: str | None = Field(default=None, max_length=3, description="ISO 3166-1 alpha-3 country code.")
    partnership_id: DbInt | None = Field(None, description="Only records of this partnership (id).")
    committee_id: DbInt | None = Field(None, description="Only records of this joint committee (id).")
    commitment_id: DbInt | None = Field(None, description="Only records about this commitment (id).")
    session_id: DbInt | None = Field(None, description="Only records of this committee session (id).")
    parent_id: DbInt | None = Field(None, description="Only the children of this record (id), e.g. sub-commitments.")
    field: str | None = Field(default=None, max_length=40,
                              description="Field taxonomy key (GET /api/v1/fields), at most 40 characters.")
    status: str | None = Field(default=None, max_length=40, description="Only records with this status code.")
    kind: str | None = Field(default=None, max_length=40, description="Only records of this kind code.")
    completion: str | None = Field(default=None, max_length=20, description="Only commitments at this completion "
                                   "level (OGP scale: not_started, limited, substantial, complete).")
    date_from: date | None = Field(None, description="Earliest date, inclusive (ISO 8601, YYYY-MM-DD).")
    date_to: date | None = Field(None, description="Latest date, inclusive (ISO 8601, YYYY-MM-DD); not before "
                                                   "date_from.")
    sort: str | None = Field(default=None, max_length=40, description="Column name; prefix '-' for descending.")
    limit: int = Field(default=50, ge=1, le=200, description="Page size: 1–200 records (default 50).")
    offset: int = Field(default=0, ge=0, le=10_000_000,
                        description="Records to skip: 0–10,000,000 (default 0). For deep pages use `after`.")
    after: str | None = Field(default=None, max_length=400,
                              description="Keyset cursor: the `next_after` of the previous page (same filters and "
                                          "sort); the page starts after that record, as fast at page 20,000 as at "
                                          "page 1. Not combined with `offset`.")

    @model_validator(mode="after")
    def _range(self) -> ListParams:
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValueError("date_to must not be before date_from")
        if self.after and self.offset:
            raise ValueError("send either offset or after, not both")
        return self


class Page(BaseModel, Generic[T]):
    """One page of a list: the records from ``offset``, at most ``limit`` of them, and how many match in all."""

    # a parametrised Page[X] is a new class without the docstring: its schema gets the description here
    model_config = ConfigDict(json_schema_extra={"description": "One page of a list: the records from `offset`, at "
                                                 "most `limit` of them, and how many match in all."})
    items: list[T] = Field(description="The records of this page, in the requested order.")
    total: int = Field(description="How many records match the filters in all pages (≥ 0): exact up to 10,000; "
                                   "beyond, 10,000 and `total_exact` false (\"more than 10,000\").")
    total_exact: bool = Field(True, description="False when `total` is the counting bound: there are more matches.")
    next_after: str | None = Field(None, description="Cursor of the next page (send it as `after`); null on the "
                                                     "last page.")
    limit: int = Field(description="The page size asked for (1–200).")
    offset: int = Field(description="How many matching records come before this page (≥ 0).")

    @property
    def has_next(self) -> bool:
        return self.offset + self.limit < self.total

    @property
    def has_previous(self) -> bool:
        return self.offset > 0


def page_of(items: list[Any], total: int, params: ListParams, next_after: str | None = None) -> dict[str, Any]:
    """The API body of one page (``total`` a :class:`~sticoop.core.keyset.Count` or a plain exact int)."""
    return {"items": items, "total": int(total), "total_exact": getattr(total, "exact", True), "limit": params.limit,
            "offset": params.offset, "next_after": next_after}
