"""Profile vectors, computed outside the writes that change profiles.

A write (a save, an import of 10,000 rows) commits the profiles without running the model: they are listed,
searchable and matched on keywords and fields at once. Their vectors come after the commit:

- a single save (API, page): :func:`note_saved` in the write's transaction, then :func:`_embed_saved` once it
  has committed — a short transaction of its own, the write's locks long released;
- an import: the background job :data:`JOB_KIND` (:func:`schedule`), run by ``sticoop worker`` or by
  ``sticoop profiles vectors --wait``, which walks the profiles in id order (keyset, :data:`CHUNK` at a time),
  embeds those whose current text has no vector for this embedder (the model called on :data:`EMBED_BATCH`
  texts at a time, shortest first to cut padding) and commits each chunk on its own. Killed, it starts again
  and skips what it stored (idempotent: a profile whose stored fingerprint is that of its text is done).

Until its vector is stored, a profile's matches say so ("semantic part pending", ``semantic_pending``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import delete, event, func, select
from sqlalchemy.orm import Session

from sticoop.core.database import session_scope
from sticoop.core.labels import N_
from sticoop.matchmaking.engine.profiles import Profile
from sticoop.matchmaking.models import ProfileEmbedding, TechProfile

if TYPE_CHECKING:
    from sticoop.jobs.models import Job
    from sticoop.jobs.service import JobContext

log = logging.getLogger(__name__)
JOB_KIND = "matchmaking.vectors"
JOB_LABEL = N_("Profile vectors (semantic matching)")
#: what the job reports (message codes, translated when read)
WALKED = N_("%(walked)d of %(total)d profiles")
COMPUTED = N_("%(written)d vectors computed")
JOB_MESSAGES = (WALKED, COMPUTED)
#: profiles read, embedded and committed per step of the job (one short write transaction each)
CHUNK = 256
#: ``session.info`` key: ids of the profiles saved in the session's transaction, embedded once it commits
SAVED_KEY = "sticoop.matchmaking.saved_profiles"
#: called after each committed chunk with (profiles walked so far, of how many)
OnChunk = Callable[[int, int], None]


def _service() -> Any:
    from sticoop.matchmaking import service

    return service


def stale(db: Session, objs: Sequence[TechProfile]) -> list[Profile]:
    """The engine view of those of ``objs`` whose current text has no vector for the current embedder (none
    stored, or one of an older text); profiles in a language the model does not read never have one."""
    service = _service()
    model = service.embedder()
    engine = [service.to_engine(o) for o in objs if o.id is not None]
    engine = [p for p in engine if model.languages is None or p.language in model.languages]
    if not engine:
        return []
    stored = {pid: fp for pid, fp in db.execute(
        select(ProfileEmbedding.profile_id, ProfileEmbedding.fingerprint)
        .where(ProfileEmbedding.profile_id.in_([p.id for p in engine]), ProfileEmbedding.embedder == model.name))}
    return [p for p in engine if stored.get(p.id) != p.fingerprint()]


def store(db: Session, found: Sequence[Profile], vectors: Sequence[np.ndarray]) -> int:
    """Write the vectors of ``found`` (engine profiles, as :func:`stale` gave them) for the current embedder,
    replacing older ones — a new row each time, so the matcher sees the change by the highest row id. A profile
    whose text changed or that was deleted since it was read is skipped (its own save embeds it). Returns the
    vectors written."""
    service = _service()
    name = service.embedder().name
    ids = [p.id for p in found]
    current: dict[Hashable, str] = {o.id: service.to_engine(o).fingerprint()
               for o in db.scalars(select(TechProfile).where(TechProfile.id.in_(ids)))}
    keep = [(p, v) for p, v in zip(found, vectors, strict=True) if current.get(p.id) == p.fingerprint()]
    if not keep:
        return 0
    db.execute(delete(ProfileEmbedding).where(ProfileEmbedding.profile_id.in_([p.id for p, _ in keep]),
                                              ProfileEmbedding.embedder == name)
               .execution_options(synchronize_session=False))
    db.add_all(ProfileEmbedding(profile_id=p.id, embedder=name, fingerprint=p.fingerprint(),
                                vector=np.asarray(v, dtype=np.float32).tobytes()) for p, v in keep)
    db.flush()
    return len(keep)


def embed_ids(db: Session, ids: Sequence[int]) -> int:
    """Embed and store, in ``db``'s transaction, the profiles of ``ids`` that need a vector. Returns how many."""
    objs = list(db.scalars(select(TechProfile).where(TechProfile.id.in_(list(ids)))))
    found = stale(db, objs)
    if not found:
        return 0
    return store(db, found, _service().vectors_for_texts(db, [p.embedding_text() for p in found]))


def _scope(first_id: int | None, last_id: int | None) -> list[Any]:
    clauses = []
    if first_id is not None:
        clauses.append(TechProfile.id >= first_id)
    if last_id is not None:
        clauses.append(TechProfile.id <= last_id)
    return clauses


def pending_count(db: Session, first_id: int | None = None, last_id: int | None = None) -> int:
    """How many profiles (between ``first_id`` and ``last_id`` when given) have no vector of the current
    embedder for their current text: a walk over the profiles in id order, reading only (for ``--wait`` and
    tests; bounded by the profiles asked about)."""
    count, cursor = 0, 0
    while True:
        objs = list(db.scalars(select(TechProfile).where(TechProfile.id > cursor, *_scope(first_id, last_id))
                               .order_by(TechProfile.id).limit(5000)))
        if not objs:
            return count
        count += len(stale(db, objs))
        cursor = objs[-1].id


def fill(database_url: str | None = None, first_id: int | None = None, last_id: int | None = None,
         on_chunk: OnChunk | None = None, chunk: int | None = None) -> int:
    """Give every profile (between ``first_id`` and ``last_id`` when given, inclusive) that lacks one the vector
    of its current text: ``chunk`` (default :data:`CHUNK`) profiles at a time in id order, each chunk read,
    embedded (model calls outside any write) and written in a short transaction of its own.
    ``on_chunk(walked, total)`` after each chunk (it may raise to stop: what was committed stays). Idempotent
    and resumable. Returns the vectors written."""
    chunk = chunk or CHUNK
    with session_scope(database_url) as db:
        total = int(db.scalar(select(func.count(TechProfile.id)).where(*_scope(first_id, last_id))) or 0)
    written, walked, cursor = 0, 0, 0
    while True:
        with session_scope(database_url) as db:
            objs = list(db.scalars(select(TechProfile).where(TechProfile.id > cursor, *_scope(first_id, last_id))
                                   .order_by(TechProfile.id).limit(chunk)))
            if not objs:
                return written
            found = stale(db, objs)
            vectors = _service().vectors_for_texts(db, [p.embedding_text() for p in found]) if found else []
            cursor = objs[-1].id
        if found:
            with session_scope(database_url) as db:
                written += store(db, found, vectors)
        walked += len(objs)
        if on_chunk is not None:
            on_chunk(walked, total)


def schedule(db: Session, first_id: int | None = None, last_id: int | None = None) -> Job:
    """Record the vectors job for the profiles between ``first_id`` and ``last_id`` (None: every profile) in
    ``db``'s transaction; it is queued when that transaction commits."""
    from sticoop.jobs.service import enqueue

    params = {k: v for k, v in (("first_id", first_id), ("last_id", last_id)) if v is not None}
    return enqueue(db, JOB_KIND, params)


def run_job(ctx: JobContext) -> str | None:
    """The handler of :data:`JOB_KIND`: :func:`fill` over the job's id range, reporting progress per chunk."""
    first_id, last_id = ctx.params.get("first_id"), ctx.params.get("last_id")
    written = fill(ctx.database_url, first_id, last_id,
                   on_chunk=lambda walked, total: ctx.progress(walked, total, WALKED,
                                                               {"walked": walked, "total": total}))
    ctx.progress(ctx.last[0], ctx.last[1], COMPUTED, {"written": written})
    return "/profiles"


def note_saved(db: Session, obj: TechProfile) -> None:
    """Embed ``obj`` once ``db``'s transaction has committed (not inside it)."""
    db.info.setdefault(SAVED_KEY, set()).add(obj.id)


@event.listens_for(Session, "after_commit")
def _embed_saved(db: Session) -> None:
    """After a commit that saved profiles: their vectors, in a transaction of their own. A failure (the model,
    the database) is logged and leaves the vectors pending for the job (``sticoop profiles vectors``)."""
    ids = db.info.pop(SAVED_KEY, None)
    if not ids:
        return
    try:
        with Session(bind=db.get_bind(), expire_on_commit=False) as own, own.begin():
            embed_ids(own, sorted(ids))
    except Exception:  # noqa: BLE001 - the save has committed; its vector waits for the job
        log.exception("profiles %s saved; their vectors are left for the vectors job", sorted(ids)[:10])


@event.listens_for(Session, "after_rollback")
def _forget_saved(db: Session) -> None:
    db.info.pop(SAVED_KEY, None)
