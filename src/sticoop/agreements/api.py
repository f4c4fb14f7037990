from fastapi import APIRouter

from sticoop.agreements import schemas as s
from sticoop.agreements.service import agreements
from sticoop.core.api import DB, Actor, crud_router

router = APIRouter()
router.include_router(crud_router(agreements, "/agreements", s.AgreementOut, s.AgreementIn, s.AgreementPatch,
                                  "agreements"))


@router.post("/agreements/{record_id}/transitions", response_model=s.AgreementOut, tags=["agreements"],
             summary="Move an agreement to another status (only valid transitions are accepted)")
def transition(record_id: int, payload: s.TransitionIn, db: DB, actor: Actor) -> s.AgreementOut:
    obj = agreements.transition(db, record_id, payload.to_status, payload.version, payload.date, payload.note, actor)
    return s.AgreementOut.model_validate(obj)
