from fastapi import APIRouter
from sqlalchemy.orm import Session

from sticoop.commitments.schemas import ImplementationReport
from sticoop.commitments.service import commitments
from sticoop.core.api import DB, crud_router
from sticoop.partnerships import schemas as s
from sticoop.partnerships.models import Partnership
from sticoop.partnerships.service import committees, next_anniversary, partnerships, sessions
from sticoop.partnerships.timeline import TimelineEntry, timeline


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


@router.get("/partnerships/{record_id}/timeline", response_model=list[TimelineEntry], tags=["partnerships"],
            summary="Sessions, agreements, commitments, projects, visits and events of a partnership, by date")
def partnership_timeline(record_id: int, db: DB) -> list:
    return timeline(db, partnerships.get(db, record_id))


@router.get("/committees/{record_id}/status", response_model=s.CommitteeStatusOut, tags=["committees"],
            summary="Last session, next one due and whether it is overdue")
def committee_status(record_id: int, db: DB) -> s.CommitteeStatusOut:
    return committees.status(db, committees.get(db, record_id))


@router.get("/sessions/{record_id}/implementation", response_model=ImplementationReport, tags=["sessions"],
            summary="Implementation of the previous session's conclusions")
def session_implementation(record_id: int, db: DB) -> ImplementationReport:
    return commitments.implementation_report(db, record_id)
