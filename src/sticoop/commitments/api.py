from typing import Any

from fastapi import APIRouter
from sqlalchemy.orm import Session

from sticoop.commitments import schemas as s
from sticoop.commitments.service import assessments, commitments, is_overdue, progress_updates, working_groups
from sticoop.core.api import DB, crud_router


def commitment_out(_db: Session, obj: Any) -> dict:
    out = s.CommitmentOut.model_validate(obj).model_dump()
    out["overdue"] = is_overdue(obj)
    return out


router = APIRouter()
router.include_router(crud_router(commitments, "/commitments", s.CommitmentOut, s.CommitmentIn,
                                  s.CommitmentPatch, "commitments", serialize=commitment_out))
router.include_router(crud_router(progress_updates, "/progress-updates", s.ProgressUpdateOut, s.ProgressUpdateIn,
                                  s.ProgressUpdatePatch, "commitments"))
router.include_router(crud_router(working_groups, "/working-groups", s.WorkingGroupOut, s.WorkingGroupIn,
                                  s.WorkingGroupPatch, "commitments"))
router.include_router(crud_router(assessments, "/assessments", s.AssessmentOut, s.AssessmentIn,
                                  s.AssessmentPatch, "commitments"))


@router.get("/commitments/{record_id}/progress", response_model=s.CommitmentProgress, tags=["commitments"],
            summary="Roll-up of sub-commitments, yearly counts against the target, overdue")
def commitment_progress(record_id: int, db: DB) -> s.CommitmentProgress:
    return commitments.progress(db, commitments.get(db, record_id))
