"""List parameters shared by every list endpoint and page: filters, sort and bounded pagination.

Pagination is bounded (limit ≤ settings.page_size_max) and every filter maps to an indexed column, so a
list stays fast at a million rows; the total is counted with the same filters.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field, model_validator

from sticoop.core.bounds import DbInt

T = TypeVar("T")


class ListParams(BaseModel):
    q: str | None = Field(default=None, max_length=200, description="Free text; diacritics optional.")
    country: str | None = Field(default=None, max_length=3, description="ISO 3166-1 alpha-3 code.")
    partnership_id: DbInt | None = None
    committee_id: DbInt | None = None
    commitment_id: DbInt | None = None
    session_id: DbInt | None = None
    parent_id: DbInt | None = None
    field: str | None = Field(default=None, max_length=40, description="Field taxonomy key.")
    status: str | None = Field(default=None, max_length=40)
    kind: str | None = Field(default=None, max_length=40)
    date_from: date | None = None
    date_to: date | None = None
    sort: str | None = Field(default=None, max_length=40, description="Column name; prefix '-' for descending.")
    limit: int = Field(default=50, ge=1, le=200)
    offset: int = Field(default=0, ge=0, le=10_000_000)

    @model_validator(mode="after")
    def _range(self) -> ListParams:
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValueError("date_to must not be before date_from")
        return self


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int

    @property
    def has_next(self) -> bool:
        return self.offset + self.limit < self.total

    @property
    def has_previous(self) -> bool:
        return self.offset > 0


def page_of(items: list[Any], total: int, params: ListParams) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": params.limit, "offset": params.offset}
