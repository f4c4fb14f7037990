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
from sticoop.matchmaking import index_store
from sticoop.matchmaking.engine.embeddings import get_embedder
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
_matchers: dict[str, tuple[tuple[Any, ...], Matcher]] = {}


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
        store_embedding(db, obj)

    def create_many(self, db: Session, items: Sequence[Any], actor: str = "system",
                    vectors: Sequence[np.ndarray | None] | None = None, batch_size: int = 500) -> list[TechProfile]:
        """Create profiles as ``create`` does (same checks, audited), flushing ``batch_size`` at a time, with
        their vectors computed beforehand (``embed_inputs``: no embedding while the write lock is held).
        A bad row raises ValidationFailed naming its position (1 = first item); the caller rolls back."""
        model = embedder()
        created: list[TechProfile] = []
        pending: list[tuple[TechProfile, np.ndarray]] = []
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
            vector = vectors[number - 1] if vectors is not None else None
            if vector is not None:
                pending.append((obj, vector))
            if len(created) % batch_size == 0:
                self._flush_with_vectors(db, pending, model.name)
        self._flush_with_vectors(db, pending, model.name)
        if vectors is None:
            store_embeddings(db, created)
            self._flush(db)
        return created

    def _flush_with_vectors(self, db: Session, pending: list[tuple[TechProfile, np.ndarray]],
                            embedder_name: str) -> None:
        self._flush(db)  # gives the new profiles their ids
        for obj, vector in pending:
            db.add(ProfileEmbedding(profile_id=obj.id, embedder=embedder_name,
                                         fingerprint=to_engine(obj).fingerprint(),
                                         vector=np.asarray(vector, dtype=np.float32).tobytes()))
        pending.clear()
        self._flush(db)


profiles = ProfileService()


def embedder() -> Any:
    return get_embedder()


def store_embedding(db: Session, obj: TechProfile) -> None:
    """Embed the profile's text if this version has no vector yet; languages the model lacks get none."""
    store_embeddings(db, [obj])


def store_embeddings(db: Session, objs: Sequence[TechProfile]) -> int:
    """Give the profiles whose current text has no vector yet one (``vectors_for_texts``: a text already
    embedded is not embedded again) and add the rows to the session (flushed by the caller). Returns how many
    profiles got a new vector."""
    model = embedder()
    engine_profiles = [to_engine(o) for o in objs if o.id is not None]
    engine_profiles = [p for p in engine_profiles if model.languages is None or p.language in model.languages]
    if not engine_profiles:
        return 0
    existing: dict[Hashable, ProfileEmbedding] = {}
    ids = [p.id for p in engine_profiles]
    for start in range(0, len(ids), IN_BATCH):  # bounded IN lists
        existing.update((row.profile_id, row) for row in db.scalars(
            select(ProfileEmbedding).where(ProfileEmbedding.profile_id.in_(ids[start:start + IN_BATCH]),
                                           ProfileEmbedding.embedder == model.name)))
    todo = [p for p in engine_profiles
            if p.id not in existing or existing[p.id].fingerprint != p.fingerprint()]
    vectors = vectors_for_texts(db, [p.embedding_text() for p in todo])
    for p, vector in zip(todo, vectors, strict=True):
        row = existing.get(p.id)
        if row is None:
            row = ProfileEmbedding(profile_id=p.id, embedder=model.name)
            db.add(row)
        row.fingerprint = p.fingerprint()
        row.vector = vector.tobytes()
    return len(todo)


def vectors_for_texts(db: Session | None, texts: Sequence[str]) -> list[np.ndarray]:
    """One float32 vector per text, in order, running the model once per *distinct* text and not at all for a
    text whose vector the database already holds for this embedder (found by its fingerprint, through the
    ``(embedder, fingerprint)`` index; ``db`` None: no look-up). Model calls take ``EMBED_BATCH`` texts each."""
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
    for start in range(0, len(todo), EMBED_BATCH):
        batch = todo[start:start + EMBED_BATCH]
        for (fp, _), vector in zip(batch, model.embed([t for _, t in batch]), strict=True):
            known[fp] = np.asarray(vector, dtype=np.float32)
    return [known[fp] for fp in fingerprints]


def embed_inputs(items: Sequence[Any], db: Session | None = None) -> list[np.ndarray | None]:
    """The vectors of profiles about to be created (``ProfileIn``), through ``vectors_for_texts`` (each distinct
    text embedded once, texts already in ``db`` not at all); None for a language the model does not handle.
    Runs before any write, so no lock is held meanwhile."""
    model = embedder()
    texts: list[tuple[int, str]] = []
    for i, item in enumerate(items):
        p = Profile(id=i, kind=item.kind, title=item.title, summary=item.summary or "",
                    description=item.description or "", language=item.language, keywords=list(item.keywords))
        if model.languages is None or p.language in model.languages:
            texts.append((i, p.embedding_text()))
    out: list[np.ndarray | None] = [None] * len(items)
    for (i, _), vector in zip(texts, vectors_for_texts(db, [t for _, t in texts]), strict=True):
        out[i] = vector
    return out


def offered(today: date) -> Any:
    """The profiles that may be offered as matches: published and not past their ``valid_until`` (expired,
    withdrawn and draft profiles never are)."""
    return matchable_clause(today)


def matcher(db: Session, index_kind: str | None = None, today: date | None = None) -> Matcher:
    """The matcher over the profiles that may be offered (``offered``: published, not expired on ``today``),
    rebuilt from stored vectors when they changed. ``index_kind`` ("numpy" or "usearch") overrides the choice
    by size; a usearch index is loaded from its file when that still matches the profiles
    (``Matcher.index_source`` says "loaded" then)."""
    today = today or clock.today()
    state = db.execute(
        select(func.count(TechProfile.id), func.max(TechProfile.updated_at), func.max(TechProfile.version))
        .where(offered(today))
    ).one()
    # an owner organisation changing type changes the partner-type part of the scores
    orgs_changed = db.scalar(select(func.max(Organization.updated_at)))
    url = str(db.get_bind().engine.url)
    key = (url, (*state, orgs_changed, index_kind, today))  # a new day may expire profiles
    with _lock:
        cached = _matchers.get(key[0])
        if cached is not None and cached[0] == key:
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
        if kind == "usearch":
            index, source = index_store.load_or_build(url, model.name, model.dim, wanted, stored_vectors)
            result = Matcher(embedder=model, index=index, indexed=wanted)
            result.index_source = "loaded" if source == "file" else "built"
            vectors = None
        else:
            result, vectors = Matcher(embedder=model), stored_vectors()
        if engine_profiles:
            result.add(engine_profiles, vectors)
            result.neighbourhoods()  # the hubness correction's, computed once here rather than by a first query
        _matchers[url] = (key, result)
        return result


def matches(db: Session, profile_id: int, k: int = 10, today: date | None = None,
            min_score: float | None = None) -> dict[str, Any]:
    """The profile's complementary and similar profiles scoring at least ``min_score`` (default: the
    matcher's threshold), best first — an empty list means "no good match yet" — among the profiles
    ``offered`` on ``today`` (default: ``clock.today()``)."""
    obj = profiles.get(db, profile_id)
    query = to_engine(obj, owner_types(db, [obj]).get(obj.id))
    engine = matcher(db, today=today)
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
        "keywords_only": engine.is_keywords_only(query),
        "threshold": engine.threshold if min_score is None else min_score,
        "complementary": [_match_out(m, by_id, engine) for m in complementary if m.profile_id in by_id],
        "similar": [_match_out(m, by_id, engine) for m in similar if m.profile_id in by_id],
    }


def _match_out(match: Any, by_id: dict[int, TechProfile], engine: Matcher) -> dict[str, Any]:
    from sticoop.matchmaking.schemas import ProfileOut

    profile = by_id[match.profile_id]
    out = ProfileOut.model_validate(profile).model_dump()
    out["keywords_only"] = engine.is_keywords_only(to_engine(profile))
    return {"profile": out, "relation": match.relation, "score": round(float(match.score), 4),
            "explanation": match.to_dict()["explanation"]}


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
