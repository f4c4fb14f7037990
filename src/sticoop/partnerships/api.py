from fastapi import APIRouter

from sticoop.commitments.schemas import ImplementationReport
from sticoop.commitments.service import commitments
from sticoop.core.api import DB, crud_router
from sticoop.partnerships import schemas as s
from sticoop.partnerships.service import committees, partnerships, sessions
from sticoop.partnerships.timeline import TimelineEntry, timeline

router = APIRouter()
router.include_router(crud_router(partnerships, "/partnerships", s.PartnershipOut, s.PartnershipIn,
                                  s.PartnershipPatch, "partnerships"))
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
