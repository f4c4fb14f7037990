from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict

from sticoop.accounts.restore import restore
from sticoop.accounts.service import history
from sticoop.core.api import DB, Actor

router = APIRouter(prefix="/audit", tags=["audit"])


class AuditOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    at: object
    actor: str
    action: str
    entity_type: str
    entity_id: int
    before: dict | None
    after: dict | None


@router.get("", response_model=list[AuditOut], summary="The history of one record, newest first")
def record_history(db: DB, entity_type: str = Query(max_length=40), entity_id: int = Query(),
                   limit: int = Query(100, ge=1, le=500)) -> list:
    return history(db, entity_type, entity_id, limit)


@router.post("/{entry_id}/restore", summary="Restore the record to the state this entry recorded (audited)")
def restore_entry(entry_id: int, db: DB, actor: Actor) -> dict:
    obj = restore(db, entry_id, actor)
    return {"entity_id": obj.id, "version": obj.version}
