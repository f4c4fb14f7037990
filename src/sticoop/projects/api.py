from fastapi import APIRouter

from sticoop.core.api import crud_router
from sticoop.projects import schemas as s
from sticoop.projects.iati.api import router as iati_router
from sticoop.projects.service import programmes, projects

router = APIRouter()
router.include_router(crud_router(programmes, "/programmes", s.ProgrammeOut, s.ProgrammeIn, s.ProgrammePatch,
                                  "projects"))
router.include_router(iati_router)  # before /projects/{id}: /projects/iati-check is not an id
router.include_router(crud_router(projects, "/projects", s.ProjectOut, s.ProjectIn, s.ProjectPatch, "projects"))
