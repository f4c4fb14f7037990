from fastapi import APIRouter

from sticoop.activities import schemas as s
from sticoop.activities.service import events, visits
from sticoop.core.api import crud_router

router = APIRouter()
router.include_router(crud_router(visits, "/visits", s.VisitOut, s.VisitIn, s.VisitPatch, "activities"))
router.include_router(crud_router(events, "/events", s.EventOut, s.EventIn, s.EventPatch, "activities"))
