"""Session 8 (issue 12): ``benchmarks/matching.py --heldout-module`` scores a held-out part written by someone
else, with the earlier parts as development data. Walks how the builder and split are named, every way a
held-out module can be wrong, and that its queries are reported and ranked among every profile."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from sticoop.matchmaking.engine import HashingEmbedder

#: a held-out module as a writer would lay it out: the earlier set plus new topics in their own split
MODULE = '''
import random
from data.matching_pairs import Topic, add_topic, build_pairs_set

HELD_OUT_9 = "held_out_9"
TOPICS_9 = (
    Topic("kiln_smoke", ("energy", "environment"),
          ("vi", "Lò gạch thủ công gây khói đen cả làng", "Làng nghề gạch ở Đồng Tháp đốt củi, khói bao trùm."),
          ("en", "Hoffmann tunnel kiln retrofit", "Continuous kiln with heat recovery halves fuel and smoke."),
          ("Máy ép gạch không nung", "Dây chuyền gạch xi măng cốt liệu không cần lò."),
          ("Need a cheaper cement additive", "A block maker wants to cut cement in its blocks.")),
)


def {function}(seed=9):
    out = {base}
    rng = random.Random(seed)
    for t in TOPICS_9:
        add_topic(out, t, {split}, rng)
    return out
'''


def write_module(tmp_path: Path, monkeypatch, name: str, *, function: str = "build_with_heldout9",
                 split: str = "HELD_OUT_9", base: str = "build_pairs_set()") -> str:
    (tmp_path / f"{name}.py").write_text(textwrap.dedent(MODULE.format(function=function, split=split, base=base)),
                                         encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    sys.modules.pop(name, None)
    return name


@pytest.mark.parametrize(("module", "function", "split", "expected"), [
    ("data.matching_pairs_heldout8", None, None, ("build_with_heldout8", "held_out_8")),
    ("matching_pairs_heldout12", None, None, ("build_with_heldout12", "held_out_12")),
    ("data.matching_pairs_heldout8", "build_all", None, ("build_all", "held_out_8")),
    ("data.matching_pairs_heldout8", None, "unseen", ("build_with_heldout8", "unseen")),
    ("data.new_pairs", "build", "unseen", ("build", "unseen")),
])
def test_builder_and_split_follow_from_the_module_name_unless_given(bench, module, function, split, expected):
    spec = bench.heldout_spec(module, function, split)
    assert (spec.module, spec.function, spec.split) == (module, *expected)


@pytest.mark.parametrize(("function", "split"), [(None, None), ("build", None), (None, "unseen")])
def test_a_module_name_without_heldout_suffix_needs_both_names(bench, function, split):
    with pytest.raises(ValueError, match="--heldout-function and --heldout-split"):
        bench.heldout_spec("data.new_pairs", function, split)


def test_without_a_module_the_development_data_is_the_two_earlier_parts(bench):
    data = bench.load_pairs(None)
    assert set(data.split_of.values()) == set(bench.DEVELOPMENT_SPLITS)
    assert len(data.queries(bench.DEVELOPMENT_SPLITS)) == len(data.queries(None))


@pytest.mark.parametrize("base", ["build_pairs_set()", "build_with_heldout6()"])
def test_the_held_out_part_is_ranked_among_every_development_profile(bench, tmp_path, monkeypatch, base):
    """Whether the writer's builder starts from the session-5 set alone or from the session-6 one, the loaded set
    holds every development profile once (the session-6 topics added with their own seed when missing), plus the
    held-out topics in their split."""
    header = "from data.matching_pairs_heldout6 import build_with_heldout6\n"
    name = write_module(tmp_path, monkeypatch, "pairs_heldout9" + ("b" if "6" in base else ""), base=base)
    if "6" in base:
        path = tmp_path / f"{name}.py"
        path.write_text(header + path.read_text(encoding="utf-8"), encoding="utf-8")
    data = bench.load_pairs(bench.HeldOut(name, "build_with_heldout9", "held_out_9"))
    development = bench.load_pairs(None)
    ids = [p.id for p in data.profiles]
    assert len(ids) == len(set(ids)) == len(development.profiles) + 4
    assert {p.id: (p.trl, p.fields) for p in development.profiles} == \
        {p.id: (p.trl, p.fields) for p in data.profiles if p.id in {q.id for q in development.profiles}}
    assert data.queries("held_out_9") == ["kiln_smoke:request", "kiln_smoke:offer"]


@pytest.mark.parametrize(("case", "message"), [
    ("development split", "is a development split"),
    ("no query", "no query in split"),
    ("duplicate ids", "not unique"),
    ("missing builder", "build_with_heldout9"),
    ("missing module", "no_such_module"),
])
def test_a_wrong_held_out_module_is_refused_with_a_message(bench, tmp_path, monkeypatch, case, message):
    if case == "development split":
        spec = bench.HeldOut("anything", "build", "held_out_6")
    elif case == "no query":
        spec = bench.HeldOut(write_module(tmp_path, monkeypatch, "pairs_heldout9c"), "build_with_heldout9",
                             "held_out_10")
    elif case == "duplicate ids":
        name = write_module(tmp_path, monkeypatch, "pairs_heldout9d", split='"held_out"', base="build_pairs_set()")
        path = tmp_path / f"{name}.py"
        path.write_text(path.read_text(encoding="utf-8").replace('Topic("kiln_smoke"', 'Topic("dye_effluent"'),
                        encoding="utf-8")
        spec = bench.HeldOut(name, "build_with_heldout9", "held_out_9")
    elif case == "missing builder":
        spec = bench.HeldOut(write_module(tmp_path, monkeypatch, "pairs_heldout9e", function="build"),
                             "build_with_heldout9", "held_out_9")
    else:
        spec = bench.HeldOut("no_such_module", "build", "held_out_9")
    with pytest.raises((ValueError, ImportError, AttributeError), match=message):
        bench.load_pairs(spec)


def test_the_held_out_part_is_reported_first_and_apart(bench, tmp_path, monkeypatch, capsys):
    """Its queries get their own figures (and the development data keeps its own), with the model-free embedder so
    the test needs no model."""
    name = write_module(tmp_path, monkeypatch, "pairs_heldout9f")
    data = bench.load_pairs(bench.HeldOut(name, "build_with_heldout9", "held_out_9"))
    hashing = HashingEmbedder()
    results = bench.pairs_quality(hashing, data, hashing.embed([p.embedding_text() for p in data.profiles]),
                                  heldout="held_out_9")
    out = capsys.readouterr().out
    assert out.index("HELD-OUT part (held_out_9): 2 queries") < out.index("development data")
    assert ("held_out_9", "hybrid (default)") in results and (None, "hybrid (default)") in results
    assert (bench.DEVELOPMENT_SPLITS, "hybrid (default)") in results
    flat = bench.results_json(results)
    assert "held_out_9 | hybrid (default)" in flat and "all | unrelated_above" in flat
    bench.pairs_quality(hashing, data, hashing.embed([p.embedding_text() for p in data.profiles]),
                        development_only=True, heldout="held_out_9")
    assert "HELD-OUT" not in capsys.readouterr().out
