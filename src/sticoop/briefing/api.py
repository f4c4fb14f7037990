"""REST routes of briefing packs: the pack's data as JSON, the pack as a file (generated, stored, downloaded)
and the packs stored for a partnership with their provenance."""

from datetime import date
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from sqlalchemy import select

from sticoop.briefing.models import BriefingPack
from sticoop.briefing.render import generate
from sticoop.briefing.schemas import Briefing, BriefingPackOut
from sticoop.briefing.service import FORMATS, build_briefing
from sticoop.core.api import DB, PathId
from sticoop.core.bounds import DB_INT_RANGE, DbInt
from sticoop.core.downloads import attachment
from sticoop.core.downloads import inline as inline_file
from sticoop.core.i18n import negotiate
from sticoop.core.principal import ANONYMOUS, Principal
from sticoop.documents.service import documents
from sticoop.partnerships.service import partnerships

router = APIRouter(tags=["briefing"])


class PackFormat(StrEnum):
    """File format of a briefing pack."""

    pdf = "pdf"
    docx = "docx"
    html = "html"


VisitId = Annotated[DbInt | None, Query(description=f"Build the pack for this visit of the partnership "
                                                    f"(id, {DB_INT_RANGE}); 422 for another partnership's visit")]
AsOf = Annotated[date | None, Query(description="The day the pack describes (ISO 8601 date); default today")]
Lang = Annotated[str | None, Query(max_length=10, description="Language: en, fr or vi (default: the "
                                                               "Accept-Language header, else en)")]


def principal_of_request(request: Request) -> Principal:
    """The signed-in user the route acts for (set by authentication)."""
    return getattr(request.state, "principal", ANONYMOUS)


def pack_response(db: DB, pack: BriefingPack) -> Response:
    """The stored document of a pack, as it was stored: PDF and DOCX as downloads, HTML shown in the browser."""
    document = documents.get(db, pack.document_id)
    inline = pack.format == "html"
    return Response(documents.content(document), media_type=document.media_type,
                    headers={**(inline_file(document.filename) if inline else attachment(document.filename)),
                             "X-Briefing-Pack": str(pack.id)})


@router.get("/partnerships/{record_id}/briefing", response_model=Briefing,
            summary="The briefing pack's contents as data (nothing stored)")
def briefing_data(record_id: PathId, request: Request, db: DB, visit_id: VisitId = None, as_of: AsOf = None,
                  lang: Lang = None) -> Briefing:
    locale = negotiate(lang, request.headers.get("accept-language"))
    return build_briefing(db, principal_of_request(request), record_id, visit_id, as_of, locale)


@router.get("/partnerships/{record_id}/briefing.{fmt}", response_class=Response,
            summary="Generate a briefing pack (PDF, DOCX or HTML), store it as a document and download it",
            responses={200: {"content": {media.split(";")[0]: {} for media in FORMATS.values()}}})
def briefing_file(record_id: PathId, fmt: PackFormat, request: Request, db: DB, visit_id: VisitId = None,
                  as_of: AsOf = None, lang: Lang = None) -> Response:
    """The file is stored as a document of the partnership (confidential when the pack holds confidential
    records) with what it was built from (``GET /partnerships/{id}/briefings``); asked again with nothing
    changed, the same stored document is answered."""
    locale = negotiate(lang, request.headers.get("accept-language"))
    pack = generate(db, principal_of_request(request), record_id, fmt.value, visit_id, as_of, locale)
    return pack_response(db, pack)


@router.get("/partnerships/{record_id}/briefings", response_model=list[BriefingPackOut],
            summary="Briefing packs stored for a partnership, newest first, with their provenance")
def stored_packs(record_id: PathId, db: DB,
                 limit: Annotated[int, Query(ge=1, le=200, description="At most this many (1-200)")] = 50,
                 ) -> list[BriefingPackOut]:
    partnerships.get(db, record_id)
    rows = db.scalars(select(BriefingPack).where(BriefingPack.partnership_id == record_id)
                      .order_by(BriefingPack.id.desc()).limit(limit))
    return [BriefingPackOut.model_validate(row) for row in rows]

