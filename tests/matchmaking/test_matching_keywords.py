"""Tokenisation and BM25 keyword relevance."""

from __future__ import annotations

from sticoop.matchmaking.engine.keywords import KeywordIndex, tokenize


def test_tokenize_drops_stopwords_and_adds_folded_variants():
    toks = tokenize("Nous proposons l'énergie solaire pour le dessalement", "fr")
    assert "nous" not in toks and "le" not in toks and "l" not in toks
    assert "énergie" in toks and "energie" in toks and "dessalement" in toks


def test_tokenize_vietnamese_adds_syllable_pairs_and_unaccented_forms():
    toks = tokenize("Công nghệ năng lượng mặt trời", "vi")
    assert "năng_lượng" in toks and "mặt_trời" in toks
    assert "nang" in toks and "troi" in toks
    assert "công" not in toks  # stop word ("công nghệ" = technology is too generic to match on)


def test_bm25_ranks_the_document_with_the_rare_shared_term_first():
    idx = KeywordIndex()
    idx.add("a", "LoRaWAN sensor network for irrigation monitoring")
    idx.add("b", "Irrigation pumps and pipes for rice fields")
    idx.add("c", "Credit scoring with machine learning")
    hits = idx.search(tokenize("LoRaWAN irrigation sensors"), 3)
    assert [h[0] for h in hits][:2] == ["a", "b"]
    assert "c" not in {h[0] for h in hits}
    assert idx.idf("lorawan") > idx.idf("irrigation") > 0


def test_unaccented_query_finds_accented_vietnamese_text():
    idx = KeywordIndex()
    idx.add("vi", "Thiết bị khử mặn nước biển", "vi")
    idx.add("en", "Seawater desalination", "en")
    assert idx.search(tokenize("khu man nuoc bien"), 2)[0][0] == "vi"


def test_remove_and_empty_queries():
    idx = KeywordIndex()
    assert idx.search(["x"], 3) == []
    idx.add("a", "solar panels")
    idx.add("b", "")  # a document with no content words does not break the index
    idx.remove("a")
    assert idx.search(tokenize("solar"), 3) == []
    ids, scores = idx.scores([])
    assert ids == ["b"] and scores.tolist() == [0.0]
