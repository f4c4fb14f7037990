"""The briefing pack as a background job (kind ``briefing.pack``): the button on the partnership and visit pages
queues it, the jobs page follows its progress, and its result is the stored pack (``/briefings/{pack_id}``).

Registered by the composition root (this module reaches the HTML/PDF writer, which the service layer may not
import). A pack is safe to build again from the start — the same records give the same bytes, stored once —
so a job whose worker died is queued again by the stale-job sweep (``rerun_stale``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session as DbSession

from sticoop.accounts.models import User
from sticoop.accounts.service import principal_for_user
from sticoop.briefing.render import NO_PANGO, write
from sticoop.briefing.service import BAD_FORMAT, FORMATS, REFUSALS, build_briefing, store_pack
from sticoop.core.crud import NO_RECORD
from sticoop.core.errors import NotFound, ValidationFailed
from sticoop.core.labels import N_
from sticoop.core.principal import Principal
from sticoop.jobs.registry import register_job_kind
from sticoop.jobs.service import JobContext, enqueue

JOB_KIND = "briefing.pack"
#: the page that answers a stored pack's file
RESULT_PATH = "/briefings/{pack_id}"


def pack_params(partnership_id: int, fmt: str, visit_id: int | None, as_of: date | None, locale: str) -> dict[str, Any]:
    """The job's parameters (JSON): ``{"partnership_id", "format", "visit_id", "as_of" (ISO date or None),
    "locale"}``. ValidationFailed (422) for an unknown format."""
    if fmt not in FORMATS:
        raise ValidationFailed(BAD_FORMAT, field="format", params={"formats": ", ".join(FORMATS)})
    return {"partnership_id": partnership_id, "format": fmt, "visit_id": visit_id,
            "as_of": as_of.isoformat() if as_of else None, "locale": locale}


def queue_pack(db: DbSession, principal: Principal, partnership_id: int, fmt: str, visit_id: int | None = None,
               as_of: date | None = None, locale: str = "en") -> int:
    """Check now what the job would refuse (the partnership or visit out of ``principal``'s sight: 404; a visit
    of another partnership, an unknown format or language: 422), then record a ``briefing.pack`` job owned by
    ``principal`` in ``db``'s transaction (queued when it commits). Returns the job's id."""
    build_briefing(db, principal, partnership_id, visit_id, as_of, locale)  # the same checks as the job's
    return enqueue(db, JOB_KIND, pack_params(partnership_id, fmt, visit_id, as_of, locale), principal).id


def _principal(db: DbSession, user_id: int | None) -> Principal | None:
    """The job owner's principal as it is now (rights withdrawn since the click apply); None: the operator."""
    if user_id is None:
        return None
    user = db.get(User, user_id)
    if user is None or not user.is_active:
        raise NotFound(OWNER_GONE, params={})
    return principal_for_user(db, user, "job")


#: the steps a pack job reports (message codes, translated when read)
STEPS = (N_("Reading the records"), N_("Writing the file"), N_("Storing the pack"))
#: the refusal of a pack whose owner was deleted or disabled meanwhile
OWNER_GONE = N_("The user who asked for this briefing pack no longer exists or is disabled")


def run_pack_job(ctx: JobContext) -> str:
    """Build the pack as its owner may see it, write it, and store it with its provenance; returns the stored
    pack's page (``/briefings/{id}``). Three steps of progress: read, write, store. Errors as
    ``build_briefing`` (recorded as the job's error)."""
    p = ctx.params
    as_of = date.fromisoformat(p["as_of"]) if p.get("as_of") else None
    ctx.progress(0, 3, STEPS[0])
    with ctx.session() as db:
        principal = _principal(db, ctx.user_id)
        briefing = build_briefing(db, principal, int(p["partnership_id"]), p.get("visit_id"), as_of,
                                  p.get("locale") or "en")
    ctx.progress(1, message=STEPS[1])
    content = write(briefing, p["format"])
    ctx.progress(2, message=STEPS[2])
    with ctx.session() as db:
        principal = _principal(db, ctx.user_id)
        pack = store_pack(db, briefing, content, p["format"], p.get("visit_id"), principal)
        pack_id = pack.id
    return RESULT_PATH.format(pack_id=pack_id)


def register() -> None:
    """Declare the ``briefing.pack`` job kind (called by the composition root)."""
    register_job_kind(JOB_KIND, run_pack_job, label=N_("Briefing pack"), rerun_stale=True,
                      messages=(*STEPS, OWNER_GONE, NO_RECORD, NO_PANGO, *REFUSALS))
