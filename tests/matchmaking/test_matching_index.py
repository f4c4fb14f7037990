"""Vector indexes: exact numpy search, and the HNSW index agreeing with it on small sets."""

from __future__ import annotations

import numpy as np
import pytest

from sticoop.matchmaking.engine.index import NumpyIndex, UsearchIndex, VectorIndex, make_index


def _unit(n: int, dim: int, seed: int = 0) -> np.ndarray:
    x = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_numpy_index_exact_top_k_matches_brute_force():
    x = _unit(500, 32)
    idx = NumpyIndex(32, initial_capacity=8)  # forces growth
    ids = [f"p{i}" for i in range(500)]
    idx.add(ids, x)
    q = x[7]
    hits = idx.search(q, 5)
    expected = np.argsort(-(x @ q))[:5]
    assert [h[0] for h in hits] == [ids[i] for i in expected]
    assert hits[0] == ("p7", pytest.approx(1.0, abs=1e-5))
    assert all(a[1] >= b[1] for a, b in zip(hits, hits[1:], strict=False))


def test_numpy_index_remove_replace_and_filter():
    x = _unit(10, 8, seed=1)
    idx = NumpyIndex(8)
    idx.add(list(range(10)), x)
    idx.remove([3, 99])
    assert len(idx) == 9 and 3 not in idx
    assert all(h[0] != 3 for h in idx.search(x[3], 10))
    assert idx.search(x[9], 1)[0][0] == 9  # the row moved into the hole is still found
    idx.add([4], x[0])  # replacing keeps one entry per id
    assert len(idx) == 9
    assert {h[0] for h in idx.search(x[0], 2)} == {0, 4}
    allowed = idx.search(x[0], 5, allowed_ids=[5, 6, 42])
    assert {h[0] for h in allowed} == {5, 6}
    assert idx.search(x[0], 5, allowed_ids=[]) == []
    with pytest.raises(ValueError, match="dimension"):
        idx.add([11], np.zeros(9, dtype=np.float32))
    assert idx.memory_bytes() > 0


def test_usearch_agrees_with_numpy_on_small_sets():
    x = _unit(2000, 64, seed=2)
    exact, ann = NumpyIndex(64), UsearchIndex(64)
    ids = list(range(2000))
    exact.add(ids, x)
    ann.add(ids, x)
    queries = _unit(20, 64, seed=3)
    overlap = []
    for q in queries:
        e = [i for i, _ in exact.search(q, 10)]
        a = ann.search(q, 10)
        overlap.append(len(set(e) & {i for i, _ in a}) / 10)
        assert a[0][1] == pytest.approx(exact.search(q, 1)[0][1], abs=2e-3)  # cosine, not distance
    assert np.mean(overlap) >= 0.95


def test_usearch_remove_filter_and_get():
    x = _unit(50, 16, seed=4)
    ann = UsearchIndex(16)
    ann.add([f"id{i}" for i in range(50)], x)
    ann.remove(["id0"])
    assert "id0" not in ann and len(ann) == 49
    assert all(i != "id0" for i, _ in ann.search(x[0], 10))
    hits = ann.search(x[1], 3, allowed_ids={"id2", "id3"})
    assert {i for i, _ in hits} == {"id2", "id3"}
    assert np.allclose(ann.get("id1"), x[1], atol=1e-2)
    ann.add(["id1"], x[5])  # re-adding replaces
    assert len(ann) == 49 and ann.search(x[5], 2)[0][1] == pytest.approx(1.0, abs=1e-2)


def test_make_index_picks_by_size():
    assert isinstance(make_index(8, expected_size=10), NumpyIndex)
    assert isinstance(make_index(8, expected_size=200_000), UsearchIndex)


def test_usearch_save_and_restore_search_the_same(tmp_path):
    x = _unit(300, 16, seed=7)
    ann = UsearchIndex(16)
    ann.add(list(range(300)), x)
    ann.remove([5])
    state = ann.save(tmp_path / "i.usearch")
    back = UsearchIndex.restore(tmp_path / "i.usearch", state)
    assert len(back) == 299 and 5 not in back and 7 in back
    for q in x[:20]:
        assert back.search(q, 10) == ann.search(q, 10)
        assert back.search(q, 3, allowed_ids={1, 2, 3}) == ann.search(q, 3, allowed_ids={1, 2, 3})
    back.add([1000], x[0])  # keys continue after the saved ones: no clash
    assert back.search(x[0], 2)[0][0] in {0, 1000} and len(back) == 300
    with pytest.raises(ValueError, match="manifest says"):
        UsearchIndex.restore(tmp_path / "i.usearch", {**state, "keys": state["keys"][:10]})
    (tmp_path / "junk.usearch").write_bytes(b"not an index")
    with pytest.raises((ValueError, RuntimeError)):
        UsearchIndex.restore(tmp_path / "junk.usearch", state)


class _GetOnly(NumpyIndex):
    """An index with only ``get``: exercises the generic ``VectorIndex.get_many``."""

    get_many = VectorIndex.get_many


@pytest.mark.parametrize("kind", [NumpyIndex, UsearchIndex, _GetOnly])
def test_get_many_returns_the_stored_rows_in_order(kind):
    x = _unit(50, 16, seed=4)
    idx = kind(16)
    idx.add([f"p{i}" for i in range(50)], x)
    idx.remove(["p3"])  # rows move in the numpy index: order must follow the ids, not the rows
    wanted = ["p49", "p0", "p7", "p48"]
    got = idx.get_many(wanted)
    assert got.shape == (4, 16) and got.dtype == np.float32
    assert np.allclose(got, x[[49, 0, 7, 48]], atol=2e-3)  # usearch stores f16
    assert idx.get_many([]).shape == (0, 16)
    with pytest.raises(KeyError):
        idx.get_many(["p3"])


@pytest.mark.parametrize("allowed_type", [frozenset, set, list])
def test_usearch_large_filters_search_the_graph_and_keep_only_allowed_ids(allowed_type):
    """A filter above ``exact_filter_below`` searches the graph with an over-fetch (a set is used as is);
    the answer holds only allowed ids and agrees with exact search."""
    x = _unit(2000, 16, seed=5)
    idx = UsearchIndex(16, exact_filter_below=100)
    exact = NumpyIndex(16)
    idx.add(list(range(2000)), x)
    exact.add(list(range(2000)), x)
    allowed = allowed_type(range(0, 2000, 2))
    for q in x[1:40:4]:
        got = idx.search(q, 10, allowed_ids=allowed)
        assert len(got) == 10 and all(i % 2 == 0 for i, _ in got)
        truth = {i for i, _ in exact.search(q, 10, allowed_ids=list(allowed))}
        assert len(truth & {i for i, _ in got}) >= 8  # HNSW: approximate, recall ≥ 0.8 per query
