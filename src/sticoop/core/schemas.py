"""Shared Pydantic pieces: record metadata on output, the version on update, constrained input types."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator


def _upper(value: str) -> str:
    return value.strip().upper()


CountryCode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z]{3}$"),
    AfterValidator(_upper),
]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
LongName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Text = Annotated[str, StringConstraints(max_length=100_000)]
Url = Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000, pattern=r"^https?://\S+$")]


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class RecordIn(Input):
    """The input that creates a record: every entity's ``*In`` schema derives from it."""

    allow_duplicate: bool = Field(
        default=False,
        description="Create the record even if it probably duplicates an existing one (without it such a "
                    "create answers 409 with the candidates). Never stored.",
    )


class DatedInput(RecordIn):
    """Input with a start/end pair: the end may not come before the start."""

    @model_validator(mode="after")
    def _dates_in_order(self):  # type: ignore[no-untyped-def]
        start: date | None = getattr(self, "start_date", None)
        end: date | None = getattr(self, "end_date", None)
        if start and end and end < start:
            raise ValueError(f"end_date ({end}) is before start_date ({start})")
        return self


class Patch(BaseModel):
    """Every PATCH carries the version the client last read (optimistic locking)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    version: int = Field(ge=1, description="The version you last read; a stale one gets 409.")


class RecordOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str
    updated_by: str


class ConfidentialIn(BaseModel):
    confidential: bool = Field(default=False, description="Visible to the secretariat and admins only.")


class ConfidentialPatch(BaseModel):
    confidential: bool | None = None


class ConfidentialOut(BaseModel):
    confidential: bool = False
