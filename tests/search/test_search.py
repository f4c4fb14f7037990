"""The search box: every searchable kind indexed and found, folding, the index in the write's transaction,
the rebuild, access scope before ranking, escaped highlights and refused parameters (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from tests.search.world import BUILDERS, Made, make, may_see
from typer.testing import CliRunner

from sticoop.core.config import get_settings
from sticoop.core.database import new_session, session_scope
from sticoop.partnerships.models import Partnership
from sticoop.search.index import searchable_children, searchable_services
from sticoop.search.models import SearchEntry
from sticoop.search.service import parse_kinds, search, viewer

KINDS = sorted(BUILDERS)


def found(db: Session, q: str, kinds: list[str] | None = None) -> set[tuple[str, int]]:
    """(kind, id) of every word match of ``q`` for the session's principal (the operator's when none); the
    fusion with the semantic list is walked in ``test_semantic.py``."""
    results = search(db, viewer(db), q, kinds or parse_kinds(None), None, 50, semantic=False)
    return {(h.kind, h.id) for hits in results.groups.values() for h in hits}


def two_partnerships(db: Session) -> tuple[int, int]:
    a, b = Partnership(name="Belgium–Vietnam"), Partnership(name="Vietnam–Laos")
    db.add_all([a, b])
    db.flush()
    return a.id, b.id


def test_every_searchable_kind_has_a_builder() -> None:
    """Walks the registry: a kind whose model declares search_fields is indexed, and the tests make one."""
    assert set(searchable_services()) == set(BUILDERS)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_indexed_and_found(db: Session, kind: str) -> None:
    a, _ = two_partnerships(db)
    made = make(db, kind, "Bộ Khoa học và Công nghệ quokkaword", a)
    assert (kind, made.id) in found(db, "bo khoa hoc quokkaword")
    assert found(db, "bo khoa hoc quokkaword", [kind]) == {(kind, made.id)}


FOLDINGS = [
    ("Bộ Khoa học và Công nghệ", "bo khoa hoc"),
    ("Bộ Khoa học và Công nghệ", "BỘ KHOA"),
    ("Đà Nẵng Hi-Tech Park", "da nang"),
    ("Œuvre commune franco-vietnamienne", "oeuvre commune"),
    ("Côte d’Ivoire agreement", "cote d'ivoire"),
    ("Cote d'Ivoire agreement", "Côte d’Ivoire"),
    ("Ministère de l’Enseignement supérieur", "ministere l'enseignement"),
    ("Straße der Forschung", "strasse"),
    ("Nghiên cứu xử lý nước thải", "xu ly nuoc thai"),
]


@pytest.mark.parametrize(("stored", "query"), FOLDINGS)
def test_diacritics_ligatures_and_apostrophes_fold(db: Session, stored: str, query: str) -> None:
    made = make(db, "organization", stored, None)
    other = make(db, "organization", "Unrelated institute", None)
    hits = found(db, query)
    assert ("organization", made.id) in hits and ("organization", other.id) not in hits
    # the snippet shows the original text with the matching words marked
    results = search(db, viewer(db), query, ["organization"], None, 5, semantic=False)
    snippet = results.groups["organization"][0].snippet_html
    assert "<mark>" in snippet


def test_snippet_highlights_the_original_words(db: Session) -> None:
    make(db, "organization", "Bộ Khoa học và Công nghệ", None)
    hit = search(db, viewer(db), "bo khoa", ["organization"], None, 5, False).groups["organization"][0]
    assert hit.snippet_html == "<mark>Bộ</mark> <mark>Khoa</mark> học và Công nghệ"


@pytest.mark.parametrize("kind", KINDS)
def test_the_index_follows_create_edit_delete_in_the_transaction(db: Session, kind: str) -> None:
    a, _ = two_partnerships(db)
    made = make(db, kind, "firstwording", a)
    assert (kind, made.id) in found(db, "firstwording")  # flushed, not committed: same transaction
    obj = db.get(searchable_services()[kind].model, made.id)
    field = next(f for f in (*obj.search_fields, *obj.index_fields)
                 if getattr(obj, f, None) and "firstwording" in str(getattr(obj, f)))
    setattr(obj, field, str(getattr(obj, field)).replace("firstwording", "secondwording"))
    db.flush()
    assert (kind, made.id) not in found(db, "firstwording")
    assert (kind, made.id) in found(db, "secondwording")
    db.delete(obj)
    db.flush()
    assert (kind, made.id) not in found(db, "secondwording")
    assert db.scalar(select(SearchEntry.id).where(SearchEntry.kind == kind, SearchEntry.record_id == made.id)) is None


def test_a_rolled_back_write_leaves_no_hit(db_url: str) -> None:
    with session_scope(db_url) as db:
        kept = make(db, "project", "keptwording", None)
    db = new_session(db_url)
    try:
        made = make(db, "project", "rolledwording", None)
        assert ("project", made.id) in found(db, "rolledwording")
        db.rollback()
        assert found(db, "rolledwording") == set()
        assert ("project", kept.id) in found(db, "keptwording")
    finally:
        db.close()
    with session_scope(db_url) as db:
        assert db.scalar(select(SearchEntry.id).where(SearchEntry.title.like("%rolledwording%"))) is None


def _entries(db_url: str) -> list[tuple[Any, ...]]:
    with session_scope(db_url) as db:
        return sorted(db.execute(select(SearchEntry.kind, SearchEntry.record_id, SearchEntry.partnership_id,
                                        SearchEntry.editors_only, SearchEntry.confidential, SearchEntry.title,
                                        SearchEntry.body, SearchEntry.title_folded, SearchEntry.body_folded)).all())


def test_reindex_rebuilds_exactly(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from sticoop.cli import app

    with session_scope(db_url) as db:
        a, b = two_partnerships(db)
        for kind in KINDS:
            make(db, kind, f"Rebuilt {kind} record", a)
            make(db, kind, f"Hidden {kind} record", b, confidential=True)
    before = _entries(db_url)
    assert {row[0] for row in before} == set(KINDS)
    with session_scope(db_url) as db:  # damage the index: a lost entry, a stale one, a wrong scope
        first = db.scalars(select(SearchEntry).order_by(SearchEntry.id)).first()
        assert first is not None
        db.delete(first)
        db.add(SearchEntry(kind="project", record_id=999_999, title="stale", body="", title_folded="stale",
                           body_folded=""))
        db.execute(SearchEntry.__table__.update().values(confidential=False))
    assert _entries(db_url) != before
    monkeypatch.setenv("STICOOP_DATABASE_URL", db_url)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["search", "reindex", "--batch", "7"])
    finally:
        monkeypatch.delenv("STICOOP_DATABASE_URL")
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert f"{len(before)} records indexed" in result.output
    assert _entries(db_url) == before
    with session_scope(db_url) as db:
        assert found(db, "stale") == set()
        assert len(found(db, "rebuilt record")) == len(KINDS)


ROLES = ["viewer", "member", "secretariat", "admin"]


@pytest.mark.parametrize("mode", ["keyword", "fused"])
@pytest.mark.parametrize("role", ROLES)
def test_a_viewer_finds_nothing_of_another_partnership_nor_confidential(
        db_url: str, client_as: Callable[..., TestClient], role: str, mode: str) -> None:
    """Scope before ranking, for the word matches alone and fused with the semantic list (whose neighbours of
    "betaonly" are other records: none outside the viewer's scope may come back)."""
    with session_scope(db_url) as db:
        a, b = two_partnerships(db)
        made: list[Made] = [make(db, "partnership", "alphascope ownpart", None)]
        for kind in KINDS:
            for pid, conf in ((a, False), (a, True), (b, False), (b, True), (None, False)):
                bound = BUILDERS[kind][0]
                if pid is None and kind in ("commitment", "committee", "working_group", "session"):
                    continue  # always bound to a partnership
                actual = pid if bound else None
                text = "alphascope " + ("betaonly" if actual == b else "sharedword")
                made.append(make(db, kind, text, actual, conf))
    own = made[0].partnership_id
    editor = role in ("secretariat", "admin")
    user = client_as(role, partnership_ids=[a, own])
    expected = {(m.kind, m.id) for m in made if may_see(role, m, (a, own))}
    seen: set[tuple[str, int]] = set()
    for kind in KINDS:  # by kind, so that no limit hides a leak
        answer = user.get("/api/v1/search", params={"q": "alphascope", "kinds": kind, "limit": 50, "mode": mode})
        assert answer.status_code == 200, answer.text
        for group in answer.json()["groups"]:
            assert group["count"] == len(group["hits"]), group  # counts are scoped too
            seen.update((h["kind"], h["id"]) for h in group["hits"])
    assert seen == {e for e in expected if e[0] in KINDS}
    leaked = user.get("/api/v1/search", params={"q": "betaonly", "limit": 50, "mode": mode}).json()
    hits = {(h["kind"], h["id"]) for g in leaked["groups"] for h in g["hits"]}
    everything = {(m.kind, m.id) for m in made}
    assert hits & everything <= expected
    with session_scope(db_url) as db:  # the parents the builders made (found by meaning): in scope too
        for kind, record_id in hits - everything:
            entry = db.scalars(select(SearchEntry).where(SearchEntry.kind == kind,
                                                         SearchEntry.record_id == record_id)).one()
            assert role == "admin" or (entry.partnership_id in (a, own, None)
                                       and (editor or not entry.confidential)), (kind, record_id)
    assert all(g["count"] == len(g["hits"]) for g in leaked["groups"])
    if role == "admin":
        assert leaked["groups"]
    else:
        assert "betaonly" not in str(leaked["groups"])
        page = user.get("/search", params={"q": "betaonly", "mode": mode}).text
        assert "<mark>" not in page and "betaonly</" not in page and "betaonly " not in page
        if mode == "keyword":
            assert "Nothing found." in page and "search-results" not in page


def test_highlights_are_escaped(client: TestClient) -> None:
    client.post("/api/v1/organizations", json={"name": "<script>alert(1)</script> Quokka & Partners \"Ltd\""})
    answer = client.get("/api/v1/search", params={"q": "quokka"})
    hit = answer.json()["groups"][0]["hits"][0]
    assert "<script>" not in hit["snippet_html"]
    assert hit["snippet_html"] \
        == "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Quokka</mark> &amp; Partners &#34;Ltd&#34;"
    page = client.get("/search", params={"q": "quokka"}).text
    assert "<script>alert(1)" not in page and "<mark>Quokka</mark>" in page


def test_the_search_box_is_in_the_header_of_every_page(client: TestClient) -> None:
    for path in ("/", "/projects", "/search", "/jobs"):
        page = client.get(path).text
        assert 'action="/search"' in page and 'name="q"' in page, path


@pytest.mark.parametrize(("params", "named"), [
    ({}, "q"),
    ({"q": ""}, "q"),
    ({"q": "!!! ---"}, "q"),
    ({"q": "x" * 201}, "q"),
    ({"q": "water", "limit": "0"}, "limit"),
    ({"q": "water", "limit": "51"}, "limit"),
    ({"q": "water", "limit": "many"}, "limit"),
    ({"q": "water", "kinds": "project,spaceship"}, "kinds"),
    ({"q": "water", "partnership_id": "x"}, "partnership_id"),
    ({"q": "water", "partnership_id": str(2**40)}, "partnership_id"),
])
def test_bad_parameters_are_refused_naming_them(client: TestClient, params: dict[str, str], named: str) -> None:
    answer = client.get("/api/v1/search", params=params)
    assert answer.status_code == 422, answer.text
    assert named in answer.text


def test_not_signed_in_finds_nothing(anon_client: TestClient) -> None:
    assert anon_client.get("/api/v1/search", params={"q": "water"}).status_code in (401, 403)


CHILDREN = {kind: (fk, parent) for _child, fk, parent, kind in searchable_children()}


def test_children_are_walked() -> None:
    assert set(CHILDREN) >= {"session", "proposal"}


@pytest.mark.parametrize("kind", sorted(CHILDREN))
def test_children_follow_their_parent(db: Session, kind: str) -> None:
    """A child's entry takes its parent's partnership, confidentiality and name; moving, hiding or deleting the
    parent rewrites the children's entries in the same transaction."""
    a, b = two_partnerships(db)
    made = make(db, kind, "childwording", a)
    model = searchable_services()[kind].model
    child = db.get(model, made.id)
    fk, parent_model = CHILDREN[kind]
    parent = db.get(parent_model, getattr(child, fk))

    def entry() -> SearchEntry | None:
        return db.scalar(select(SearchEntry).where(SearchEntry.kind == kind, SearchEntry.record_id == made.id))

    assert entry().partnership_id == a  # type: ignore[union-attr]
    parent.partnership_id = b
    if hasattr(parent, "confidential"):
        parent.confidential = True
    db.flush()
    db.expire_all()
    assert entry().partnership_id == b  # type: ignore[union-attr]
    assert entry().confidential is hasattr(parent, "confidential")  # type: ignore[union-attr]
    db.delete(parent)
    db.flush()
    db.expire_all()
    assert entry() is None


@pytest.mark.parametrize(("lang", "words"), [("en", ("Words to find", "Nothing found.", "Search all records")),
                                             ("fr", ("Mots à chercher", "Aucun résultat.", "Rechercher dans")),
                                             ("vi", ("Từ cần tìm", "Không tìm thấy kết quả.", "Tìm trong mọi hồ sơ"))])
def test_the_results_page_speaks_the_users_language(client: TestClient, lang: str, words: tuple[str, ...]) -> None:
    page = client.get("/search", params={"q": "nothingmatchesthis", "lang": lang})
    assert page.status_code == 200
    for text in words:
        assert text in page.text, text


@pytest.mark.parametrize("kind", KINDS)
def test_each_hit_links_to_its_page(client: TestClient, db_url: str, kind: str) -> None:
    """The hit's URL is its kind's page (``core.registry.record_url``) and that page answers."""
    from sticoop.core.registry import record_url

    with session_scope(db_url) as db:
        a, _ = two_partnerships(db)
        made = make(db, kind, "linkedwording", a)
    groups = client.get("/api/v1/search", params={"q": "linkedwording", "kinds": kind}).json()["groups"]
    hit = groups[0]["hits"][0]
    assert hit["url"] == record_url(kind, made.id)
    if hit["url"] is not None:
        assert client.get(hit["url"]).status_code == 200


@pytest.mark.parametrize(("args", "named"), [(["query", "water", "--kinds", "spaceship"], "kinds"),
                                             (["query", "!!!"], "q"), (["reindex", "--batch", "0"], "batch")])
def test_the_command_refuses_bad_input_in_one_error_line(db_url: str, monkeypatch: pytest.MonkeyPatch,
                                                         args: list[str], named: str) -> None:
    from sticoop.cli import app

    monkeypatch.setenv("STICOOP_DATABASE_URL", db_url)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["search", *args])
    finally:
        monkeypatch.delenv("STICOOP_DATABASE_URL")
        get_settings.cache_clear()
    assert result.exit_code != 0
    assert named in result.output
