"""Technology profiles: validation, status workflow, stored embeddings, and ranked matches with reasons.

Each profile's vector is computed when the profile is written (once per version of its text) and stored
with the embedder's name, so match queries never re-embed the collection (an import embeds all its rows in
batches before writing any). The in-memory matcher holds the profiles that may be offered — published and not
past ``valid_until`` (``offered``); expired, withdrawn and draft profiles never are — and is rebuilt only when
one of them changes or the day does (cheap: the vectors come from the database). From ``HNSW_FROM`` vectors
on, the vector index is an HNSW graph, which is slow to build: it is saved under the data dir and loaded by
the next process unless the profiles changed since (``index_store``).
"""

from __future__ import annotations

import threading
from collections.abc import Hashable, Sequence
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy import String, cast, false, func, select
from sqlalchemy.orm import Session

from sticoop.core import clock
from sticoop.core.crud import RecordService
from sticoop.core.duplicates import N_, key
from sticoop.core.errors import ValidationFailed
from sticoop.core.labels import register_labels, register_navigation
from sticoop.core.registry import register_kind, register_scope
from sticoop.core.warmup import register_check, register_warmup
from sticoop.jobs.registry import register_job_kind
from sticoop.matchmaking import index_store, vectors
from sticoop.matchmaking.engine.embeddings import check_configured, get_embedder
from sticoop.matchmaking.engine.notes import (
    MATCH_LANGUAGE_UNSUPPORTED,
    MATCH_VECTOR_PENDING,
    QUERY_LANGUAGE_UNSUPPORTED,
    QUERY_VECTOR_PENDING,
    Note,
)
from sticoop.matchmaking.engine.profiles import Profile, text_fingerprint
from sticoop.matchmaking.engine.ranking import Matcher
from sticoop.matchmaking.models import (
    PROFILE_TRANSITIONS,
    ProfileEmbedding,
    TechProfile,
    matchable_clause,
    profile_effective_status,
    profile_status_clause,
)
from sticoop.partners.models import Organization

MAX_INDEXED_PROFILES = 200_000
EMBED_BATCH = 64  # texts per call to the embedder: one call per text costs several times more per text
IN_BATCH = 5000  # ids or fingerprints per IN list
#: today's date for the expiry filter; tests replace it (the clock of ``sticoop.core.clock`` when it exists)
HNSW_FROM = 50_000  # below, exact numpy search is fast enough and rebuilding it costs nothing worth saving
_lock = threading.Lock()
_matchers: dict[str, tuple[tuple[Any, ...], StoredVectorMatcher]] = {}


def forget_matchers() -> None:
    """Drop the in-memory matchers, as a new process starts without them."""
    with _lock:
        _matchers.clear()


def to_engine(p: TechProfile, owner_type: str | None = None, today: date | None = None) -> Profile:
    """The engine's view of a profile; ``owner_type`` is its owner organisation's type (see ``owner_types``).

    Its status is the one read ``today``: a published profile past ``valid_until`` is ``expired``, which the
    engine's candidate filter (``Matcher.candidate_statuses``) never offers."""
    return Profile(id=p.id, kind=p.kind, title=p.title, summary=p.summary or "", description=p.description or "",
                   language=p.language, fields=list(p.fields or []), keywords=list(p.keywords or []), trl=p.trl,
                   ipr_status=p.ipr_status, partner_sought_countries=list(p.partner_sought_countries or []),
                   partner_sought_types=list(p.partner_sought_types or []), owner_country=p.owner_country_code,
                   status=profile_effective_status(p.status, p.valid_until, today or clock.today()),
                   owner_type=owner_type)


def owner_types(db: Session, rows: list[TechProfile]) -> dict[int, str]:
    """Profile id → type of its owner organisation, for those that have one (the other side's
    ``partner_sought_types`` is compared with it)."""
    org_ids = {p.owner_organization_id for p in rows if p.owner_organization_id is not None}
    if not org_ids:
        return {}
    types: dict[int, str] = {}
    ids = sorted(org_ids)
    for start in range(0, len(ids), 5000):  # bounded IN lists
        types.update(db.execute(select(Organization.id, Organization.type)
                                     .where(Organization.id.in_(ids[start:start + 5000]))).all())
    return {p.id: types[p.owner_organization_id] for p in rows if p.owner_organization_id in types}


class ProfileService(RecordService[TechProfile]):
    model = TechProfile
    entity = "profile"
    label = "Profile"
    filters = {
        "status": lambda v: profile_status_clause([x for x in v.split(",") if x], clock.today()),
        "kind": lambda v: TechProfile.kind == v,
        "country": lambda v: TechProfile.owner_country_code == v,
        "field": lambda v: cast(TechProfile.fields, String).like(f'%"{v}"%') if v.replace("_", "").isalpha()
        else false(),
    }
    date_column = "valid_until"
    sortable = ("id", "title", "valid_until", "updated_at")
    default_sort = "-updated_at"
    date_ranges = (("valid_from", "valid_until"),)
    relation_inputs = ("status",)
    natural_key = "same title (folded) and same owner organisation"

    def natural_keys(self, obj: Any) -> dict[str, str]:
        return {key("title", obj.owner_organization_id, obj.title): N_("same title and owner organisation")}

    def apply_relations(self, db: Session, obj: TechProfile, relations: dict[str, Any]) -> None:
        new_status = relations.get("status")
        if new_status is None:
            return
        if obj.status is None:
            obj.status = new_status
        elif new_status != obj.status:
            allowed = PROFILE_TRANSITIONS[obj.status]
            if new_status not in allowed:
                choices = ", ".join(sorted(allowed)) or "none (final status)"
                raise ValidationFailed(f"A profile cannot go from '{obj.status}' to '{new_status}'; "
                                       f"allowed: {choices}", field="status")
            obj.status = new_status

    def check(self, db: Session, obj: TechProfile) -> None:
        super().check(db, obj)
        if not (obj.summary or "").strip() and not (obj.description or "").strip():
            raise ValidationFailed("A profile needs a summary or a description: matching works on its text",
                                   field="summary")

    def after_write(self, db: Session, obj: TechProfile, values: dict[str, Any], created: bool) -> None:
        vectors.note_saved(db, obj)  # embedded once the write has committed, not inside it

    def create_many(self, db: Session, items: Sequence[Any], actor: str = "system",
                    batch_size: int = 500) -> list[TechProfile]:
        """Create profiles as ``create`` does (same checks, audited), flushing ``batch_size`` at a time, without
        their vectors: the caller schedules them (``vectors.schedule``) — the model never runs in the write.
        A bad row raises ValidationFailed naming its position (1 = first item); the caller rolls back."""
        created: list[TechProfile] = []
        for number, item in enumerate(items, start=1):
            obj = self.model()
            try:
                self._assign(db, obj, item.model_dump(exclude_unset=False))
                obj.created_by = obj.updated_by = actor
                with db.no_autoflush:
                    self.authorize(db, obj, "create")
                    db.add(obj)
                    self.check(db, obj)
            except ValidationFailed as exc:
                raise ValidationFailed(f"item {number}: {exc.message}", field=exc.field) from None
            created.append(obj)
            if len(created) % batch_size == 0:
                self._flush(db)
        self._flush(db)
        return created


profiles = ProfileService()


def embedder() -> Any:
    return get_embedder()


def store_embedding(db: Session, obj: TechProfile) -> None:
    """Embed the profile's text now, in ``db``'s transaction, if this version has no vector yet (languages the
    model lacks get none). Saves do not call it: their vectors come after the commit (``vectors``)."""
    store_embeddings(db, [obj])


def store_embeddings(db: Session, objs: Sequence[TechProfile]) -> int:
    """Give the profiles whose current text has no vector yet one (``vectors_for_texts``: a text already
    embedded is not embedded again), in ``db``'s transaction. Returns how many profiles got a new vector."""
    found = vectors.stale(db, [o for o in objs if o.id is not None])
    if not found:
        return 0
    return vectors.store(db, found, vectors_for_texts(db, [p.embedding_text() for p in found]))


def vectors_for_texts(db: Session | None, texts: Sequence[str]) -> list[np.ndarray]:
    """One float32 vector per text, in order, running the model once per *distinct* text and not at all for a
    text whose vector the database already holds for this embedder (found by its fingerprint, through the
    ``(embedder, fingerprint)`` index; ``db`` None: no look-up). Model calls take ``EMBED_BATCH`` texts each,
    shortest texts first (a batch is padded to its longest text)."""
    model = embedder()
    fingerprints = [text_fingerprint(t) for t in texts]
    known: dict[str, np.ndarray] = {}
    if db is not None and texts:
        wanted = sorted(set(fingerprints))
        for start in range(0, len(wanted), IN_BATCH):
            known.update((fp, np.frombuffer(vec, dtype=np.float32)) for fp, vec in db.execute(
                select(ProfileEmbedding.fingerprint, ProfileEmbedding.vector)
                .where(ProfileEmbedding.embedder == model.name,
                       ProfileEmbedding.fingerprint.in_(wanted[start:start + IN_BATCH]))))
    todo = list({fp: t for fp, t in zip(fingerprints, texts, strict=True) if fp not in known}.items())
    todo.sort(key=lambda item: len(item[1]))  # texts of like length in one call: less padding to compute
    for start in range(0, len(todo), EMBED_BATCH):
        batch = todo[start:start + EMBED_BATCH]
        for (fp, _), vector in zip(batch, model.embed([t for _, t in batch]), strict=True):
            known[fp] = np.asarray(vector, dtype=np.float32)
    return [known[fp] for fp in fingerprints]


def offered(today: date) -> Any:
    """The profiles that may be offered as matches: published and not past their ``valid_until`` (expired,
    withdrawn and draft profiles never are)."""
    return matchable_clause(today)


def matcher(db: Session, index_kind: str | None = None, today: date | None = None) -> StoredVectorMatcher:
    """The matcher over the profiles that may be offered (``offered``: published, not expired on ``today``),
    rebuilt from stored vectors when they changed (never running the model: a profile whose vector is not
    stored yet is ``pending``). ``index_kind`` ("numpy" or "usearch") overrides the choice
    by size; a usearch index is loaded from its file when that still matches the profiles
    (``Matcher.index_source`` says "loaded" then)."""
    today = today or clock.today()
    state = db.execute(
        select(func.count(TechProfile.id), func.max(TechProfile.updated_at), func.max(TechProfile.version))
        .where(offered(today))
    ).one()
    # an owner organisation changing type changes the partner-type part of the scores
    orgs_changed = db.scalar(select(func.max(Organization.updated_at)))
    # a vector stored after its profile's commit (``vectors``) is a new row: the highest id says one came
    vectors_changed = db.scalar(select(func.max(ProfileEmbedding.id)))
    url = str(db.get_bind().engine.url)
    key = (url, (*state, orgs_changed, vectors_changed, index_kind, today))  # a new day may expire profiles
    with _lock:
        cached = _matchers.get(key[0])
        if cached is not None and (cached[0] == key or _only_vectors_came(db, cached[0], key)):
            return cached[1]
        rows = list(db.scalars(select(TechProfile).where(offered(today))
                                    .order_by(TechProfile.id).limit(MAX_INDEXED_PROFILES)))
        types = owner_types(db, rows)
        engine_profiles = [to_engine(p, types.get(p.id), today) for p in rows]
        model = embedder()
        published = (select(ProfileEmbedding.profile_id, ProfileEmbedding.fingerprint)
                     .join(TechProfile, TechProfile.id == ProfileEmbedding.profile_id)
                     .where(offered(today), ProfileEmbedding.embedder == model.name))
        fingerprints = {p.id: p.fingerprint() for p in engine_profiles}
        wanted = {pid: fp for pid, fp in db.execute(published) if fingerprints.get(pid) == fp}

        def stored_vectors() -> dict[int, np.ndarray]:
            rows = db.execute(published.add_columns(ProfileEmbedding.vector))
            return {pid: np.frombuffer(vec, dtype=np.float32) for pid, fp, vec in rows if wanted.get(pid) == fp}

        kind = index_kind or ("usearch" if len(wanted) >= HNSW_FROM else "numpy")
        pending = frozenset(p.id for p in engine_profiles if p.id not in wanted)  # vectors not stored yet
        if kind == "usearch":
            index, source = index_store.load_or_build(url, model.name, model.dim, wanted, stored_vectors)
            result = StoredVectorMatcher(pending, embedder=model, index=index, indexed=wanted)
            result.index_source = "loaded" if source == "file" else "built"
            found = None
        else:
            result, found = StoredVectorMatcher(pending, embedder=model), stored_vectors()
        if engine_profiles:
            result.add(engine_profiles, found)
            result.neighbourhoods()  # the hubness correction's, computed once here rather than by a first query
        _matchers[url] = (key, result)
        return result


def _only_vectors_came(db: Session, cached: tuple[Any, ...], key: tuple[Any, ...]) -> bool:
    """True when the profiles are as the cached matcher has them and only new vectors came, while a vectors
    job still runs: the matcher is rebuilt once that job ends rather than after each chunk it commits (at
    100,000 profiles a rebuild costs minutes); meanwhile those profiles' matches still say "pending"."""
    vectors_at = 4  # position of ``vectors_changed`` in the key's state (see ``matcher``)
    old, new = cached[1], key[1]
    if old[:vectors_at] + old[vectors_at + 1:] != new[:vectors_at] + new[vectors_at + 1:]:
        return False
    from sticoop.jobs.models import Job, JobStatus

    running = select(Job.id).where(Job.status == JobStatus.running.value, Job.kind == vectors.JOB_KIND).limit(1)
    return db.scalar(running) is not None


class QueryProfile(Profile):
    """The profile a match query is about, with its stored vector (None: not computed yet, ``pending``)."""

    def __init__(self, base: Profile, stored_vector: np.ndarray | None, pending: bool) -> None:
        super().__init__(**{f: getattr(base, f) for f in base.__dataclass_fields__})
        self.stored_vector = stored_vector
        self.pending = pending


class StoredVectorMatcher(Matcher):
    """A matcher that reads vectors and never computes one: a profile whose vector is not stored yet (``pending``,
    ids of indexed profiles, or a :class:`QueryProfile` without one) is compared on keywords, fields and the
    partner criteria until the vectors job stores it, and its matches say "semantic part pending"."""

    def __init__(self, pending: frozenset[Hashable], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pending = pending

    def reads_language(self, profile: Profile) -> bool:
        """True when the embedder handles the profile's language (pending or not)."""
        return not super().is_keywords_only(profile)

    def is_pending(self, profile: Profile) -> bool:
        """True when the profile's language is read but its vector is not stored yet."""
        if not self.reads_language(profile):
            return False
        if isinstance(profile, QueryProfile):
            return profile.pending
        return profile.id in self.pending

    def is_keywords_only(self, profile: Profile) -> bool:
        return self.is_pending(profile) or not self.reads_language(profile)

    def _query_vector(self, p: Profile) -> np.ndarray | None:
        if self.is_keywords_only(p):
            return None
        if isinstance(p, QueryProfile) and not (p.id in self.index and p.id not in self.pending):
            return p.stored_vector
        return super()._query_vector(p)


def query_profile(db: Session, obj: TechProfile, engine: StoredVectorMatcher) -> QueryProfile:
    """The engine view of ``obj`` as a query, with the vector stored for its current text (if any)."""
    base = to_engine(obj, owner_types(db, [obj]).get(obj.id))
    stored = db.scalar(select(ProfileEmbedding.vector).where(
        ProfileEmbedding.profile_id == obj.id, ProfileEmbedding.embedder == engine.embedder_name,
        ProfileEmbedding.fingerprint == base.fingerprint()))
    vector = np.frombuffer(stored, dtype=np.float32) if stored is not None else None
    return QueryProfile(base, vector, pending=vector is None and engine.reads_language(base))


#: note codes of "no vector": the language is not read, or (when it is) the vector is not stored yet
_PENDING_NOTES = {QUERY_LANGUAGE_UNSUPPORTED: QUERY_VECTOR_PENDING, MATCH_LANGUAGE_UNSUPPORTED: MATCH_VECTOR_PENDING}


def matches(db: Session, profile_id: int, k: int = 10, today: date | None = None,
            min_score: float | None = None) -> dict[str, Any]:
    """The profile's complementary and similar profiles scoring at least ``min_score`` (default: the
    matcher's threshold), best first — an empty list means "no good match yet" — among the profiles
    ``offered`` on ``today`` (default: ``clock.today()``). A profile whose vector is not computed yet
    (``semantic_pending``) is matched on keywords, fields and the partner criteria meanwhile."""
    obj = profiles.get(db, profile_id)
    engine = matcher(db, today=today)
    query = query_profile(db, obj, engine)
    complementary = engine.complementary(query, k=k, min_score=min_score)
    similar = [m for m in engine.similar(query, k=k + 1, min_score=min_score) if m.profile_id != obj.id][:k]
    ids = {m.profile_id for m in complementary + similar}
    # read again as of today: a profile that expired or was withdrawn since the matcher was built is not offered
    by_id = {p.id: p for p in db.scalars(select(TechProfile).where(TechProfile.id.in_(ids),
                                                                        matchable_clause(clock.today())))} \
        if ids else {}
    return {
        "profile_id": obj.id,
        "embedder": engine.embedder_name,
        "keywords_only": not engine.reads_language(query),
        "semantic_pending": query.pending,
        "threshold": engine.threshold if min_score is None else min_score,
        "complementary": [_match_out(m, by_id, engine, query) for m in complementary if m.profile_id in by_id],
        "similar": [_match_out(m, by_id, engine, query) for m in similar if m.profile_id in by_id],
    }


def _match_out(match: Any, by_id: dict[int, TechProfile], engine: StoredVectorMatcher,
               query: QueryProfile) -> dict[str, Any]:
    from sticoop.matchmaking.schemas import ProfileOut

    profile = by_id[match.profile_id]
    out = ProfileOut.model_validate(profile).model_dump()
    candidate = to_engine(profile)
    out["keywords_only"] = not engine.reads_language(candidate)
    explanation = match.to_dict()["explanation"]
    pending = {QUERY_LANGUAGE_UNSUPPORTED: query.pending, MATCH_LANGUAGE_UNSUPPORTED: engine.is_pending(candidate)}
    for note in explanation["notes"]:  # "no vector" because it is not computed yet, not for the language
        if pending.get(note["code"]):
            note.update(Note(_PENDING_NOTES[note["code"]], {}).to_dict())
    semantic_pending = query.pending or engine.is_pending(candidate)
    explanation["semantic_pending"] = semantic_pending
    if semantic_pending:
        explanation["keywords_only"] = False  # the language is read: only the vector is missing
    return {"profile": out, "relation": match.relation, "score": round(float(match.score), 4),
            "explanation": explanation, "semantic_pending": semantic_pending}


def warm_embedder() -> None:
    """Load the embedder and run it once (≈1–2 s for the shipped model), so that no request pays for it."""
    embedder().embed(["warm-up"])


def register() -> None:
    """Declare this domain's record kinds (called once by :func:`sticoop.composition.bootstrap`)."""
    register_labels("profile_kind", {
        "technology_offer": N_("Technology offer"), "technology_request": N_("Technology request"),
        "rd_cooperation": N_("R&D cooperation"), "business_offer": N_("Business offer"),
    })
    register_labels("profile_status", {
        "draft": N_("Draft"), "published": N_("Published"), "expired": N_("Expired"), "withdrawn": N_("Withdrawn"),
    })
    register_labels("ipr_status", {
        "patent_granted": N_("Patent granted"), "patent_applied": N_("Patent applied for"),
        "secret_know_how": N_("Secret know-how"), "copyright": N_("Copyright"), "none": N_("None"),
    })
    register_labels("profile_language", {
        "en": N_("English"), "fr": N_("French"), "vi": N_("Vietnamese"), "lo": N_("Lao"), "km": N_("Khmer"),
        "th": N_("Thai"), "zh": N_("Chinese"), "ja": N_("Japanese"), "ko": N_("Korean"), "de": N_("German"),
        "es": N_("Spanish"), "id": N_("Indonesian"),
    })
    register_labels("score_part", {
        "semantic": N_("Meaning (semantic similarity)"), "keywords": N_("Keywords"), "fields": N_("Fields"),
        "trl": N_("Readiness (TRL)"), "country": N_("Country"), "partner_type": N_("Partner type"),
    })
    register_labels("kind", {"profile": N_("Technology profile")})
    register_navigation("/profiles", N_("Marketplace"), order=150)
    from sticoop.activities.models import Event
    from sticoop.matchmaking.brokerage.models import (
        BrokerageParticipant,
        BrokerageSlot,
        BrokerageTable,
        MeetingRequest,
    )

    for model in (BrokerageParticipant, BrokerageSlot, BrokerageTable, MeetingRequest):
        register_scope(model, through="event_id", parent=Event)  # a brokerage event's records follow the event
    register_kind("profile", profiles, page_prefix="/profiles")
    # an import's vectors, after its commit (``sticoop profiles vectors``); safe to run again: resumed if killed
    register_job_kind(vectors.JOB_KIND, vectors.run_job, label=vectors.JOB_LABEL, rerun_stale=True,
                      messages=vectors.JOB_MESSAGES)
    register_warmup("matchmaking.embedder", warm_embedder)
    register_check("matchmaking.embedder", check_configured)  # a folder model missing or uncalibrated: no start
