from fastapi import APIRouter, Query

from sticoop.core.api import DB, crud_router
from sticoop.matchmaking import schemas as s
from sticoop.matchmaking.service import matches, profiles

router = APIRouter()
router.include_router(crud_router(profiles, "/profiles", s.ProfileOut, s.ProfileIn, s.ProfilePatch, "matchmaking"))


@router.get("/profiles/{record_id}/matches", response_model=s.MatchesOut, tags=["matchmaking"],
            summary="Ranked complementary and similar published profiles, each with the parts of its score")
def profile_matches(record_id: int, db: DB, k: int = Query(10, ge=1, le=50),
                    min_score: float | None = Query(None, ge=0, le=1, description="List weaker candidates too "
                                                    "(default: the threshold under which there is no good match)"),
                    ) -> dict:
    return matches(db, record_id, k, min_score=min_score)
