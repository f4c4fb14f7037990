"""Read-only API of the portfolio read model: a partnership's timeline and a session's implementation report."""

from fastapi import APIRouter

from sticoop.commitments.schemas import ImplementationReport
from sticoop.commitments.service import commitments
from sticoop.core.api import DB
from sticoop.partnerships.service import partnerships
from sticoop.portfolio.timeline import TimelineEntry, timeline

router = APIRouter()


@router.get("/partnerships/{record_id}/timeline", response_model=list[TimelineEntry], tags=["partnerships"],
            summary="Sessions, agreements, commitments, projects, visits and events of a partnership, by date")
def partnership_timeline(record_id: int, db: DB) -> list:
    return timeline(db, partnerships.get(db, record_id))


@router.get("/sessions/{record_id}/implementation", response_model=ImplementationReport, tags=["sessions"],
            summary="Implementation of the previous session's conclusions")
def session_implementation(record_id: int, db: DB) -> ImplementationReport:
    return commitments.implementation_report(db, record_id)
