from fastapi import APIRouter
from sqlalchemy.orm import Session

from sticoop.core.api import DB, crud_router
from sticoop.partnerships import schemas as s
from sticoop.partnerships.models import Partnership
from sticoop.partnerships.service import committees, next_anniversary, partnerships, sessions


def partnership_out(_db: Session, obj: Partnership) -> dict:
    out = s.PartnershipOut.model_validate(obj).model_dump()
    upcoming = next_anniversary(obj.relations_established)
    out["next_anniversary"] = {"years": upcoming[0], "date": upcoming[1]} if upcoming else None
    return out


router = APIRouter()
router.include_router(crud_router(partnerships, "/partnerships", s.PartnershipOut, s.PartnershipIn,
                                  s.PartnershipPatch, "partnerships", serialize=partnership_out))
router.include_router(crud_router(committees, "/committees", s.CommitteeOut, s.CommitteeIn, s.CommitteePatch,
                                  "committees"))
router.include_router(crud_router(sessions, "/sessions", s.SessionOut, s.SessionIn, s.SessionPatch, "sessions",
                                  serialize=sessions.with_derived))


@router.get("/committees/{record_id}/status", response_model=s.CommitteeStatusOut, tags=["committees"],
            summary="Last session, next one due and whether it is overdue")
def committee_status(record_id: int, db: DB) -> s.CommitteeStatusOut:
    return committees.status(db, committees.get(db, record_id))
