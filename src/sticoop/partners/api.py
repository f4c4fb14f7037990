from fastapi import APIRouter

from sticoop.core.api import crud_router
from sticoop.partners import schemas as s
from sticoop.partners.service import organizations, people

router = APIRouter()
router.include_router(crud_router(organizations, "/organizations", s.OrganizationOut, s.OrganizationIn,
                                  s.OrganizationPatch, "organizations"))
router.include_router(crud_router(people, "/people", s.PersonOut, s.PersonIn, s.PersonPatch, "people"))
