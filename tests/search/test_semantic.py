"""The semantic half of the search box: reciprocal-rank fusion, vectors stored per entry version (by the
``search.embed`` job after the write's commit and by the reindex, never in the write nor on a read), cross-language
hits, scope over four roles with semantic hits (matrix, graph searched exactly, graph walked), and the snippet of
a hit found by meaning alone (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, select
from sqlalchemy.orm import Session
from tests.search.world import BUILDERS, Made, make, may_see
from typer.testing import CliRunner

from sticoop.core.config import get_settings
from sticoop.core.database import get_engine, session_scope
from sticoop.partnerships.models import Partnership
from sticoop.search import vectors
from sticoop.search.backend import Hit
from sticoop.search.fusion import RRF_K, fuse
from sticoop.search.index import searchable_services
from sticoop.search.models import SearchEntry
from sticoop.search.service import parse_kinds, search, viewer

VI_WASTEWATER = "Xử lý nước thải công nghiệp bằng màng lọc sinh học cho các nhà máy dệt nhuộm"
FR_RICE = "Sélection de variétés de riz tolérantes à la salinité dans les provinces côtières"


pytestmark = pytest.mark.usefixtures("fresh_search_vectors")


def h(kind: str, record_id: int) -> Hit:
    return Hit(kind, record_id, f"{kind} {record_id}", "")


# (keyword list, semantic list, weight, expected order): walks one list empty, the other empty, an entry in
# both (summed), interleaving at equal rank (the keyword list's first), a heavier semantic list, and duplicates
FUSION_CASES = [
    ([h("p", 1), h("p", 2)], [], 1.0, [("p", 1), ("p", 2)]),
    ([], [h("p", 3), h("p", 4)], 1.0, [("p", 3), ("p", 4)]),
    ([h("p", 1), h("p", 2)], [h("p", 2), h("p", 5)], 1.0, [("p", 2), ("p", 1), ("p", 5)]),
    ([h("p", 1), h("o", 1)], [h("p", 7), h("o", 8)], 1.0, [("p", 1), ("p", 7), ("o", 1), ("o", 8)]),
    ([h("p", 1), h("o", 1)], [h("p", 7), h("o", 8)], 2.0, [("p", 7), ("o", 8), ("p", 1), ("o", 1)]),
    ([h("p", 1)], [h("p", 1)], 1.0, [("p", 1)]),
    ([h("p", 9), h("p", 1), h("p", 2), h("p", 3)], [h("p", 3)], 1.0, [("p", 3), ("p", 9), ("p", 1), ("p", 2)]),
]


@pytest.mark.parametrize(("keyword", "semantic", "weight", "expected"), FUSION_CASES)
def test_reciprocal_rank_fusion_orders_by_summed_reciprocal_ranks(
        keyword: list[Hit], semantic: list[Hit], weight: float, expected: list[tuple[str, int]]) -> None:
    fused = fuse(keyword, semantic, RRF_K, weight)
    assert [(x.kind, x.record_id) for x in fused] == expected
    # the scores themselves: Σ weight / (60 + rank), best first
    score = {}
    for ranked, w in ((keyword, 1.0), (semantic, weight)):
        for rank, x in enumerate(ranked, start=1):
            score[(x.kind, x.record_id)] = score.get((x.kind, x.record_id), 0) + w / (60 + rank)
    values = [score[(x.kind, x.record_id)] for x in fused]
    assert values == sorted(values, reverse=True)


def found(db: Session, q: str, semantic: bool = True) -> list[tuple[str, int]]:
    results = search(db, viewer(db), q, parse_kinds(None), None, 50, semantic)
    return [(x.kind, x.id) for hits in results.groups.values() for x in hits]


@pytest.mark.parametrize(("text", "query"), [(VI_WASTEWATER, "wastewater treatment"),
                                              (VI_WASTEWATER, "traitement des eaux usées"),
                                              (FR_RICE, "salt tolerant rice"),
                                              (FR_RICE, "giống lúa chịu mặn")])
def test_a_query_finds_a_record_in_another_language(db: Session, text: str, query: str) -> None:
    made = make(db, "project", text, None)
    make(db, "project", "Annual report of the joint committee secretariat", None)
    vectors.backfill(db)
    assert ("project", made.id) not in found(db, query, semantic=False)
    assert found(db, query)[0] == ("project", made.id)


def test_a_hit_found_by_meaning_alone_has_a_snippet_without_marks(client: TestClient, db_url: str) -> None:
    with session_scope(db_url) as db:
        make(db, "project", VI_WASTEWATER + " <b>&</b>", None)
        vectors.backfill(db)
    hit = client.get("/api/v1/search", params={"q": "wastewater treatment"}).json()["groups"][0]["hits"][0]
    assert "<mark>" not in hit["snippet_html"] and "<b>" not in hit["snippet_html"]
    assert hit["snippet_html"].startswith("Xử lý nước thải") and "&lt;b&gt;&amp;&lt;/b&gt;" in hit["snippet_html"]
    page = client.get("/search", params={"q": "wastewater treatment"}).text
    assert "Xử lý nước thải" in page and "<mark>" not in page
    keyword_only = client.get("/search", params={"q": "wastewater treatment", "mode": "keyword"}).text
    assert "Xử lý nước thải" not in keyword_only and "Nothing found." in keyword_only


def home(db: Session) -> int:
    """A partnership for the kinds always bound to one."""
    partnership = Partnership(name="Belgium–Vietnam")
    db.add(partnership)
    db.flush()
    return partnership.id


def _entry(db: Session, kind: str, record_id: int) -> SearchEntry | None:
    return db.scalars(select(SearchEntry).where(SearchEntry.kind == kind, SearchEntry.record_id == record_id)).first()


def _expected_vector(entry: SearchEntry) -> np.ndarray:
    return vectors.embedder().embed([vectors.entry_text(entry.title, entry.body)])[0]


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_a_write_commits_without_the_embedder_and_the_job_fills_the_vectors(
        db_url: str, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    """Create and edit commit with the entry's words and no vector, the embedder never called; the registered
    ``search.embed`` job (run as the worker runs it) computes the vector of each version; until then the
    record is found by its words only."""
    from sticoop.jobs.models import JobStatus
    from sticoop.jobs.service import run_scheduled

    real = vectors.embedder

    def refuse() -> Any:
        raise AssertionError("the embedder was called in a write")

    monkeypatch.setattr(vectors, "embedder", refuse)
    with session_scope(db_url) as db:
        made = make(db, kind, "Bảo tồn rừng ngập mặn ven biển", home(db))
    with session_scope(db_url) as db:
        entry = _entry(db, kind, made.id)
        assert entry is not None and entry.embedding is None and entry.embedder is None
    monkeypatch.setattr(vectors, "embedder", real)
    with session_scope(db_url) as db:  # not embedded yet: the words find it, fused search falls back to them
        assert (kind, made.id) in found(db, "rung ngap man")
    assert run_scheduled("search.embed", db_url) == JobStatus.succeeded
    with session_scope(db_url) as db:
        entry = _entry(db, kind, made.id)
        assert entry is not None and entry.embedder == vectors.embedder().name
        assert np.allclose(np.frombuffer(entry.embedding or b"", dtype="<f4"), _expected_vector(entry), atol=1e-5)
    monkeypatch.setattr(vectors, "embedder", refuse)
    with session_scope(db_url) as db:  # a new version: its words at once, no vector in the write
        obj = db.get(searchable_services()[kind].model, made.id)
        fields = (*type(obj).search_fields, *getattr(type(obj), "index_fields", ()))
        field = next(f for f in fields if "Bảo tồn rừng ngập mặn ven biển" in (getattr(obj, f) or ""))
        setattr(obj, field, "Solar panels for island grids")
    with session_scope(db_url) as db:
        entry = _entry(db, kind, made.id)
        assert entry is not None and entry.embedding is None
    monkeypatch.setattr(vectors, "embedder", real)
    assert run_scheduled("search.embed", db_url) == JobStatus.succeeded
    with session_scope(db_url) as db:
        entry = _entry(db, kind, made.id)
        assert entry is not None and "Solar panels" in entry.body + entry.title
        assert np.allclose(np.frombuffer(entry.embedding or b"", dtype="<f4"), _expected_vector(entry), atol=1e-5)


def test_a_search_writes_nothing_and_embeds_no_entry(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with session_scope(db_url) as db:
        pid = home(db)
        for kind in sorted(BUILDERS):
            make(db, kind, VI_WASTEWATER, pid)
        vectors.backfill(db)
    statements: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement.split()[0].upper())

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("an entry was embedded on a read")

    monkeypatch.setattr(vectors, "attach", refuse)
    engine = get_engine(db_url)
    event.listen(engine, "before_cursor_execute", note)
    try:
        with session_scope(db_url) as db:
            for q in ("wastewater treatment", "xu ly", "nothing like this at all"):
                for semantic in (True, False):
                    found(db, q, semantic)
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert statements and set(statements) <= {"SELECT", "WITH"}, set(statements)


def test_reindex_computes_every_vector(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from sticoop.cli import app

    with session_scope(db_url) as db:
        pid = home(db)
        for kind in sorted(BUILDERS):
            make(db, kind, FR_RICE, pid)
    with session_scope(db_url) as db:  # vectors lost (an old index): the reindex computes them again
        db.execute(SearchEntry.__table__.update().values(embedding=None, embedder=None))
    monkeypatch.setenv("STICOOP_DATABASE_URL", db_url)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["search", "reindex", "--batch", "7"])
    finally:
        monkeypatch.delenv("STICOOP_DATABASE_URL")
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    with session_scope(db_url) as db:
        entries = db.scalars(select(SearchEntry)).all()
        assert {e.kind for e in entries} == set(BUILDERS)
        for entry in entries:
            assert entry.embedder == vectors.embedder().name
            assert np.allclose(np.frombuffer(entry.embedding or b"", dtype="<f4"), _expected_vector(entry),
                               atol=1e-5)
        assert found(db, "salt tolerant rice")[:1] != []


def test_an_edited_record_is_found_by_its_new_meaning(db: Session) -> None:
    """The process matrix follows the table: after an edit and its vector, the entry's new version (new id, new
    vector) is in the matrix and the old one is dead or gone, so the record is ranked by its new meaning."""
    made = make(db, "project", VI_WASTEWATER, None)
    make(db, "project", "Annual report of the joint committee secretariat", None)
    vectors.backfill(db)
    assert found(db, "wastewater treatment")[0] == ("project", made.id)
    old = _entry(db, "project", made.id)
    assert old is not None
    old_id = old.id
    project = db.get(searchable_services()["project"].model, made.id)
    project.title = "Đèn giao thông thông minh chống ùn tắc"
    db.flush()
    vectors.backfill(db)
    db.expire_all()
    assert found(db, "traffic congestion")[0] == ("project", made.id)
    new = _entry(db, "project", made.id)
    assert new is not None and new.id != old_id
    matrix = vectors.vectors_for(db).delta
    live = {int(i): row for row, i in enumerate(matrix.ids[:matrix.size]) if matrix.alive[row]}
    assert new.id in live
    assert np.array_equal(matrix.vectors[live[new.id]], np.frombuffer(new.embedding or b"", dtype="<f4"))
    found(db, "wastewater treatment")  # the old version, a candidate again, is found gone and marked dead
    live = {int(i) for row, i in enumerate(matrix.ids[:matrix.size]) if matrix.alive[row]}
    assert old_id not in live or old_id == new.id


ROLES = ["viewer", "member", "secretariat", "admin"]


@pytest.mark.parametrize("part", ["matrix", "graph exact", "graph walked"])
@pytest.mark.parametrize("role", ROLES)
def test_semantic_hits_respect_scope_over_four_roles(
        db_url: str, client_as: Callable[..., TestClient], monkeypatch: pytest.MonkeyPatch, role: str,
        part: str) -> None:
    """Every kind in the viewer's partnership, another one, general, and confidential, all worded in Vietnamese;
    an English query finds (by meaning alone) exactly the records the role may see, none other — from the
    process matrix, from the HNSW graph searched exactly over the allowed keys, and from the graph walked."""
    with session_scope(db_url) as db:
        a, b = Partnership(name="Belgium–Vietnam"), Partnership(name="Vietnam–Laos")
        db.add_all([a, b])
        db.flush()
        made: list[Made] = [make(db, "partnership", VI_WASTEWATER, None)]
        for kind in sorted(BUILDERS):
            for pid, conf in ((a.id, False), (a.id, True), (b.id, False), (b.id, True), (None, False)):
                if pid is None and kind in ("commitment", "committee", "working_group", "session"):
                    continue  # always bound to a partnership
                made.append(make(db, kind, VI_WASTEWATER, pid if BUILDERS[kind][0] else None, conf))
        a_id, own = a.id, made[0].partnership_id
        vectors.backfill(db)
    if part != "matrix":
        from sticoop.search import graph

        with session_scope(db_url) as db:
            assert vectors.rebuild_graph(db) == len(db.scalars(select(SearchEntry.id)).all())
        monkeypatch.setattr(graph, "EXACT_BELOW", 10_000 if part == "graph exact" else 0)
        vectors.reset()
    editor = role in ("secretariat", "admin")
    user = client_as(role, partnership_ids=[a_id, own])
    expected = {(m.kind, m.id) for m in made if may_see(role, m, (a_id, own))}
    everything = {(m.kind, m.id) for m in made}
    seen: set[tuple[str, int]] = set()
    for kind in sorted(BUILDERS):
        answer = user.get("/api/v1/search", params={"q": "wastewater treatment", "kinds": kind, "limit": 50})
        assert answer.status_code == 200, answer.text
        for group in answer.json()["groups"]:
            assert group["count"] == len(group["hits"])  # no count from the keyword side (no word matches)
            seen.update((x["kind"], x["id"]) for x in group["hits"])
    assert seen & everything == expected
    with session_scope(db_url) as db:  # the parents the builders made: none outside the scope either
        for kind, record_id in seen - everything:
            entry = _entry(db, kind, record_id)
            assert entry is not None
            if role != "admin":
                assert entry.partnership_id in (a_id, own, None) and (editor or not entry.confidential)


def test_a_text_is_embedded_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Saving the same text again (a record re-saved, a demo loaded twice, a reindex) takes the vector the
    embedder gave the first time, byte for byte; a new text, or one pushed out of the bounded memory, is embedded."""
    from sticoop.search import vectors

    real = vectors.embedder()
    seen: list[str] = []

    class Counting:
        name = real.name

        def embed(self, texts: list[str]) -> Any:
            seen.extend(texts)
            return real.embed(texts)

    monkeypatch.setattr(vectors, "embedder", lambda: Counting())
    monkeypatch.setattr(vectors, "_recent", vectors.RecentVectors(2))
    first = [{"title": "Rice", "body": "salt tolerant varieties"}, {"title": "Rice", "body": "salt tolerant varieties"}]
    vectors.attach(first)
    assert seen == ["Rice. salt tolerant varieties"], "one call for a text written twice in one batch"
    again = [{"title": "Rice", "body": "salt tolerant varieties"}, {"title": "Water", "body": "membrane reactors"}]
    vectors.attach(again)
    assert seen == ["Rice. salt tolerant varieties", "Water. membrane reactors"]
    assert again[0]["embedding"] == first[0]["embedding"] == first[1]["embedding"]
    assert again[1]["embedding"] == real.embed(["Water. membrane reactors"]).astype("<f4")[0].tobytes()
    vectors.attach([{"title": "Third", "body": "text"}])  # the memory holds two: "Rice" is the oldest, dropped
    vectors.attach([{"title": "Rice", "body": "salt tolerant varieties"}])
    assert seen.count("Rice. salt tolerant varieties") == 2
