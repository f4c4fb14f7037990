from fastapi import APIRouter

from sticoop.core.api import DB
from sticoop.dashboard.service import Dashboard, dashboard

router = APIRouter(tags=["dashboard"])


@router.get("/dashboard", response_model=Dashboard, summary="Upcoming sessions, overdue commitments, "
            "agreements awaiting signature, recent changes")
def get_dashboard(db: DB) -> Dashboard:
    return dashboard(db)
