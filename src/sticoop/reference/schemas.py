from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class CountryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    code: str
    alpha2: str
    name_en: str
    name_fr: str | None
    name_vi: str | None
    name_lo: str | None


class FieldOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    key: str
    name: str
    ford_code: str | None
    ford_name: str | None
