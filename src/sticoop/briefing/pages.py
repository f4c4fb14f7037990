"""The briefing pack from the partnership and visit pages: ``/partnerships/{id}/briefing.pdf|.docx|.html``
(optionally ``?visit_id=`` and ``?as_of=``), in the page's language."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from sticoop.briefing.api import AsOf, PackFormat, VisitId, pack_response, principal_of_request
from sticoop.briefing.render import generate
from sticoop.core.api import DB, PathId
from sticoop.web.render import request_locale

router = APIRouter(include_in_schema=False)


@router.get("/partnerships/{record_id}/briefing.{fmt}")
def briefing_download(record_id: PathId, fmt: PackFormat, request: Request, db: DB, visit_id: VisitId = None,
                      as_of: AsOf = None) -> Response:
    pack = generate(db, principal_of_request(request), record_id, fmt.value, visit_id, as_of,
                    request_locale(request))
    return pack_response(db, pack)
