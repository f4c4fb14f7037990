from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

#: what each field means (OpenAPI descriptions)
ABOUT = {
    "code": "ISO 3166-1 alpha-3 country code, e.g. VNM",
    "alpha2": "ISO 3166-1 alpha-2 country code, e.g. VN",
    "name_en": "Country name in English",
    "name_fr": "Country name in French",
    "name_vi": "Country name in Vietnamese",
    "name_lo": "Country name in Lao",
    "key": "Taxonomy key of the field, e.g. \"agriculture\", used in `fields` and `field_keys`",
    "name": "Name of the field in English",
    "ford_code": "OECD Fields of Research and Development (FORD, Frascati Manual 2015) code, e.g. \"4.1\"",
    "ford_name": "OECD FORD name of that code",
}


class CountryOut(BaseModel):
    """A country (ISO 3166-1) with its names in the platform's languages."""

    model_config = ConfigDict(from_attributes=True)
    code: str = Field(description=ABOUT["code"])
    alpha2: str = Field(description=ABOUT["alpha2"])
    name_en: str = Field(description=ABOUT["name_en"])
    name_fr: str | None = Field(description=ABOUT["name_fr"])
    name_vi: str | None = Field(description=ABOUT["name_vi"])
    name_lo: str | None = Field(description=ABOUT["name_lo"])


class FieldOut(BaseModel):
    """A field of the cooperation taxonomy, mapped to its OECD FORD code."""

    model_config = ConfigDict(from_attributes=True)
    key: str = Field(description=ABOUT["key"])
    name: str = Field(description=ABOUT["name"])
    ford_code: str | None = Field(description=ABOUT["ford_code"])
    ford_name: str | None = Field(description=ABOUT["ford_name"])
