"""The search box: parse a query, ask the backend for scoped hits, confirm them through the scoped ORM, group
them by kind with their page URL and highlighted snippet.

Scope is applied twice: the backend filters the index by the viewer's partnerships before ranking and counting
(:func:`sticoop.search.backend.scope_clause`), then each kind's hits are loaded through the session's scoped
ORM query (``accounts/scoping.py`` adds its criteria), which also drops an entry whose record was removed by a
database cascade the flush did not see. A kind whose own rule narrows who sees it beyond the partnership scope
(its service's ``visible_query`` adds a condition for this session: proposals, which only editors and their
assigned reviewers open) is confirmed record by record through the service's ``get``, the rule its page and API
apply, so search never lists a record its page refuses; its count is then the number of such records shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markupsafe import escape
from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.core.errors import ValidationFailed
from sticoop.core.principal import Principal
from sticoop.core.registry import record_url
from sticoop.search.backend import Found, Hit, backend_for, further_entries, linked_entries
from sticoop.search.fusion import FUSION_DEPTH, fuse, semantic_hits
from sticoop.search.index import searchable_services
from sticoop.search.terms import query_terms, snippet

if TYPE_CHECKING:
    from sticoop.jobs.service import JobContext

MAX_LIMIT = 50
MAX_QUERY = 200


@dataclass(frozen=True)
class Result:
    """One record found: kind, id, title, its page (None: no page of its own) and the snippet (HTML)."""

    kind: str
    id: int
    title: str
    url: str | None
    snippet_html: str


@dataclass
class Results:
    """A search's answer: the query's folded words, the results by kind (best first) and the number of
    matches per kind the viewer may see (capped, see ``COUNT_CAP``)."""

    terms: list[str]
    groups: dict[str, list[Result]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def parse_kinds(kinds: str | None) -> list[str]:
    """``"project,person"`` → the kinds asked for (all searchable kinds when empty); ``ValidationFailed``
    naming ``kinds`` and the known kinds for an unknown one."""
    known = searchable_services()
    if not kinds or not kinds.strip():
        return sorted(known)
    asked = [k.strip() for k in kinds.split(",") if k.strip()]
    unknown = [k for k in asked if k not in known]
    if unknown:
        raise ValidationFailed(f"kinds: unknown kind(s) {', '.join(unknown)}; one of: {', '.join(sorted(known))}")
    return asked


def narrowed_kinds(db: Session, kinds: Sequence[str]) -> set[str]:
    """The kinds among ``kinds`` whose service narrows, for this session, what it may see beyond the partnership
    scope (``RecordService.narrows``)."""
    services = searchable_services()
    return {kind for kind in kinds if services[kind].narrows(db)}


def _confirmed(db: Session, hits: Sequence[Hit], narrowed: set[str]) -> set[tuple[str, int]]:
    """The (kind, id) of the hits the session may see: one scoped ORM query per kind, and for a ``narrowed`` kind
    each record through its service's ``get`` (at most ``limit`` records: the hits are bounded)."""
    services = searchable_services()
    by_kind: dict[str, list[int]] = {}
    for hit in hits:
        by_kind.setdefault(hit.kind, []).append(hit.record_id)
    seen: set[tuple[str, int]] = set()
    for kind, ids in by_kind.items():
        service = services[kind]
        if kind in narrowed:  # its get loads the record through the scoped ORM too: no id query first
            seen.update((kind, i) for i in ids if service.may_open(db, i))
        else:
            seen.update((kind, i) for i in db.scalars(select(service.model.id).where(service.model.id.in_(ids))))
    return seen


def search(db: Session, principal: Principal, q: str, kinds: Sequence[str], partnership_id: int | None = None,
           limit: int = 20, semantic: bool = True) -> Results:
    """The records ``principal`` may see matching every word of ``q`` (folded, as prefixes) fused with those
    nearest in meaning (``semantic=False``: the word matches alone), best first, grouped by kind.
    ``q``: 1–200 characters with at least one word; ``limit``: 1–50 results in all.
    Raises ``ValidationFailed`` naming ``q`` or ``limit``."""
    if len(q) > MAX_QUERY:
        raise ValidationFailed(f"q: at most {MAX_QUERY} characters")
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationFailed(f"limit: between 1 and {MAX_LIMIT}")
    terms = query_terms(q)
    if not terms:
        raise ValidationFailed("q: give at least one word to search for")
    found = ranked(db, principal, q, terms, kinds, partnership_id, limit, semantic)
    narrowed = narrowed_kinds(db, kinds)
    visible = _confirmed(db, found.hits, narrowed)
    counts = {kind: n for kind, n in found.counts.items() if kind not in narrowed}
    counts.update({kind: sum(1 for k, _ in visible if k == kind) for kind in narrowed})
    results = Results(terms, counts=counts)
    for hit in found.hits:
        if (hit.kind, hit.record_id) not in visible:
            continue
        passage = snippet(hit.body, terms) or snippet(hit.title, terms) or escape(hit.body[:200])
        results.groups.setdefault(hit.kind, []).append(
            Result(hit.kind, hit.record_id, hit.title, record_url(hit.kind, hit.record_id), str(passage)))
    return results


def ranked(db: Session, principal: Principal, q: str, terms: list[str], kinds: Sequence[str],
           partnership_id: int | None, limit: int, semantic: bool = True) -> Found:
    """The best ``limit`` entries for ``q``: the keyword list (every folded term as a prefix, the backend's
    rank) fused with the semantic list (the entries nearest to the query's vector) by reciprocal-rank fusion,
    both lists scoped to ``principal`` before ranking; ``semantic=False``: the keyword list alone. The counts
    are the keyword matches'."""
    depth = max(limit, FUSION_DEPTH) if semantic else limit
    further = further_entries(db, principal)  # a joint call found through its second partnership
    # the filter partnership_id= lists a joint call of that partnership led by another one, too
    also = linked_entries(db, [partnership_id]) if partnership_id is not None else []
    keyword = backend_for(db).query(db, principal, terms, kinds, partnership_id, depth, further, also)
    if not semantic:
        return keyword
    return Found(fuse(keyword.hits, semantic_hits(db, principal, q, kinds, partnership_id, depth, further=further,
                                                  also=also))
                 [:limit],
                 keyword.counts)


def viewer(db: Session) -> Principal:
    """The principal the session acts for; a session without one is the operator's (CLI) and sees everything."""
    from sticoop.core.principal import Role, principal_of

    return principal_of(db) or Principal(user_id=None, username="system", role=Role.admin)


EMBED_JOB = "search.embed"


def run_embed(ctx: JobContext) -> str | None:
    """The ``search.embed`` job: the vectors of the entries written since the last run, in batches of their own
    transactions, then the graph brought up to date (:func:`sticoop.search.vectors.embed_waiting`)."""
    from sticoop.search.vectors import embed_waiting

    embed_waiting(ctx.session, progress=ctx.progress)
    return None


def register() -> None:
    """Declare the vector job and its schedule: every minute in ``sticoop worker`` (a run with nothing waiting
    reads one indexed row)."""
    from sticoop.core.labels import N_
    from sticoop.jobs.registry import register_job_kind, register_periodic

    register_job_kind(EMBED_JOB, run_embed, label=N_("Search vectors"), rerun_stale=True)
    register_periodic(EMBED_JOB, minute="*")
