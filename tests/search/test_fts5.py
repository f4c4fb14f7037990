"""SQLite FTS5 at a million entries (``sticoop.search.fts5``): a long prefix replaced by the OR of the words it
starts matches exactly the rows of the prefix query; the score computed for the candidates only is FTS5's own
``bm25(search_fts, 4, 1, 0)``; a word's document frequency is exact up to ``DF_EXACT`` and estimated beyond."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from sticoop.search import fts5
from sticoop.search.models import SearchEntry

TEXTS = [  # (title, body): words sharing prefixes, repeated words, texts of different lengths, non-ASCII
    ("Project on solar energy", "the project partners share a projector and projections of solar output"),
    ("Projection of rice yields", "rice breeding projections for the delta province"),
    ("Projects of the joint committee", "three projects, two reports, one project office"),
    ("Solar dryers", "solar solar solar dryers for coffee processing in the highlands"),
    ("Coffee processing", "wet processing of coffee; processors and a project of the cooperative"),
    ("Xu ly nuoc thai", "du an xu ly nuoc thai tai tinh Ha Nam, project nuoc sach"),
    ("Αθήνα workshop", "a workshop in Αθήνα on project evaluation"),
    ("Report", "a short report"),
]


@pytest.fixture
def entries(db: Session) -> Session:
    if db.get_bind().dialect.name != "sqlite":
        pytest.skip("FTS5 is SQLite's")
    from sticoop.core.text import fold

    db.connection().execute(insert(SearchEntry), [
        {"kind": "project", "record_id": 900_000 + i, "partnership_id": None, "title": title, "body": body,
         "title_folded": fold(title), "body_folded": fold(body)} for i, (title, body) in enumerate(TEXTS)])
    return db


def _rows(db: Session, query: str) -> set[int]:
    return set(db.execute(text("SELECT rowid FROM search_fts WHERE search_fts MATCH :q"), {"q": query}).scalars())


@pytest.mark.parametrize("term", ["proj", "project", "projection", "projector", "process", "solar", "nuoc",
                                  "αθήν", "zzzz", "reports"])
def test_a_long_prefix_as_the_or_of_its_words_matches_the_rows_of_the_prefix_query(entries: Session,
                                                                                      term: str) -> None:
    connection = entries.connection()
    words = fts5.expand(connection, term)
    assert words is not None
    assert all(w.startswith(term) for w in words)
    prefix = _rows(entries, fts5.words_query([fts5.phrase(term, None)]))
    if not words:
        assert prefix == set()
        return
    assert _rows(entries, fts5.words_query([fts5.phrase(term, words)])) == prefix
    assert prefix  # the world has every word asked but "zzzz"


def test_short_prefixes_and_prefixes_of_many_words_keep_the_prefix_query(entries: Session,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    connection = entries.connection()
    assert fts5.expand(connection, "pro") is None  # the prefix index answers it
    assert fts5.expand(connection, "proj") == ["project", "projection", "projections", "projector", "projects"]
    monkeypatch.setattr(fts5, "MAX_EXPANSION", 4)
    assert fts5.expand(connection, "proj") is None
    assert fts5.expand(connection, "projecti") == ["projection", "projections"]


@pytest.mark.parametrize("q", [["project"], ["proj"], ["solar"], ["proj", "solar"], ["coffee", "process"],
                               ["nuoc", "thai"], ["αθήνα"], ["report"], ["the", "pro"]])
def test_the_score_is_fts5s_own_bm25(entries: Session, q: list[str]) -> None:
    connection = entries.connection()
    phrases = [fts5.phrase(t, None) for t in q]
    expected = dict(entries.execute(
        text("SELECT rowid, bm25(search_fts, 4.0, 1.0, 0.0) FROM search_fts WHERE search_fts MATCH :q"),
        {"q": fts5.words_query(phrases)}).all())
    assert expected
    expanded = [fts5.phrase(t, fts5.expand(connection, t)) for t in q]
    got = fts5.scores(connection, q, expanded, list(expected))
    assert got == pytest.approx(expected, rel=1e-12, abs=1e-15)
    assert fts5.rank(connection, q, expanded, list(expected), 3) == sorted(expected, key=lambda i: (expected[i], i))[:3]


def test_the_document_frequency_is_counted_then_estimated(db: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    if db.get_bind().dialect.name != "sqlite":
        pytest.skip("FTS5 is SQLite's")
    db.connection().execute(insert(SearchEntry), [
        {"kind": "project", "record_id": 800_000 + i, "partnership_id": None, "title": f"entry {i}",
         "body": "oneinfour" if i % 4 == 0 else "other", "title_folded": f"entry {i}",
         "body_folded": "oneinfour" if i % 4 == 0 else "other"} for i in range(4000)])
    connection = db.connection()
    last = int(connection.execute(text("SELECT max(id) FROM search_entries")).scalar_one())
    query = fts5.words_query([fts5.phrase("oneinfour", None)])
    assert fts5.document_frequency(connection, query, last) == 1000  # at most DF_EXACT: counted
    monkeypatch.setattr(fts5, "DF_EXACT", 100)
    # beyond: one id in four among the newest matches, so one in four of the ids 1..last
    assert fts5.document_frequency(connection, query, last) == pytest.approx(last / 4, rel=0.1)


def test_the_varints_are_read_as_sqlite_writes_them() -> None:
    assert fts5._varints(bytes([0x05, 0x81, 0x00, 0x7F])) == [5, 128, 127]
    assert fts5._varints(bytes([0xFF] * 8 + [0x01])) == [(1 << 64) - 255]


KINDS = ("project", "commitment", "organization")
PARTNERSHIPS = (1, 2, None)
SCOPES = {  # the scope alternatives of ``backend.scope_tokens``: everything, a viewer of partnership 1, two kinds
    "admin": [],
    "viewer of 1": [["zp1", "zgen"]],
    "two kinds, viewer of 2": [["kcommitment", "korganization"], ["zp2", "zgen"]],
}
QUERIES = {  # rare word, common word, prefix of many words, a phrase across kinds, a short prefix
    "rare": ["coffee"], "common": ["project"], "prefix of many words": ["proj"], "across kinds": ["solar", "proj"],
    "short prefix and a word": ["pr", "the"],
}


@pytest.fixture
def scoped(db: Session) -> Session:
    """``TEXTS`` six times over, each copy's entries spread over kinds and partnerships (scope tokens)."""
    if db.get_bind().dialect.name != "sqlite":
        pytest.skip("FTS5 is SQLite's")
    from sticoop.core.text import fold

    rows = [(title, body) for _copy in range(6) for title, body in TEXTS]
    db.connection().execute(insert(SearchEntry), [
        {"kind": KINDS[i % 3], "record_id": 700_000 + i, "partnership_id": PARTNERSHIPS[(i // 3) % 3],
         "title": title, "body": body, "title_folded": fold(title), "body_folded": fold(body)}
        for i, (title, body) in enumerate(rows)])
    return db


@pytest.mark.parametrize("query", sorted(QUERIES))
@pytest.mark.parametrize("scope", sorted(SCOPES))
@pytest.mark.parametrize("newest", [None, 4])
def test_fts5_ranks_the_candidates_as_the_python_formula_and_bm25_do(scoped: Session,
                                                                      monkeypatch: pytest.MonkeyPatch, query: str,
                                                                      scope: str, newest: int | None) -> None:
    """The candidates (every match in scope, or its ``newest`` 4) ranked by FTS5 itself over their rowid range
    (every word at most ``RANKED_IN_FTS5`` matches) and by the Python formula (a word above it) come in the order
    of ``bm25()``; nothing outside the candidates is returned."""
    connection = scoped.connection()
    terms, tokens = QUERIES[query], SCOPES[scope]
    expanded = [fts5.phrase(t, fts5.expand(connection, t)) for t in terms]
    found = connection.execute(text("SELECT rowid FROM search_fts WHERE search_fts MATCH :q ORDER BY rowid DESC"),
                               {"q": fts5.expression(expanded, tokens)}).scalars().all()
    candidates = list(found[:newest] if newest else found)
    assert len(candidates) > 1
    expected = dict(connection.execute(
        text("SELECT rowid, bm25(search_fts, 4.0, 1.0, 0.0) FROM search_fts WHERE search_fts MATCH :q"),
        {"q": fts5.expression([fts5.phrase(t, None) for t in terms], tokens)}).all())
    best = sorted(candidates, key=lambda i: (expected[i], i))
    in_python = []
    real_scores = fts5.scores
    monkeypatch.setattr(fts5, "scores", lambda *a: in_python.append(1) or real_scores(*a))  # type: ignore[func-returns-value]
    for limit in (1, 3, 50):
        assert fts5.rank(connection, terms, expanded, candidates, limit, tokens) == best[:limit]
    assert not in_python  # FTS5 ranked them
    assert fts5.rank(connection, terms, expanded, candidates, 50, None) == best  # not a rowid range: Python
    assert len(in_python) == 1
    monkeypatch.setattr(fts5, "RANKED_IN_FTS5", 2)  # every word is common now
    assert fts5.rank(connection, terms, expanded, candidates, 50, tokens) == best
    assert len(in_python) == 2
