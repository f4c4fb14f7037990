from fastapi import APIRouter

from sticoop.core.api import DB
from sticoop.reference.schemas import CountryOut, FieldOut
from sticoop.reference.service import list_countries, list_fields

router = APIRouter(tags=["reference"])


@router.get("/countries", response_model=list[CountryOut], summary="ISO 3166-1 countries with en/fr/vi/lo names")
def countries(db: DB) -> list:
    return list_countries(db)


@router.get("/fields", response_model=list[FieldOut], summary="The cooperation field taxonomy with OECD FORD codes")
def fields(db: DB) -> list:
    return list_fields(db)
