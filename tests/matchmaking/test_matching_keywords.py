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


def test_cross_lingual_terms_are_technical_or_used_in_several_languages():
    from sticoop.matchmaking.engine.keywords import TermIndex, term_candidates

    keys = {k for k, _, _ in term_candidates("Bioréacteur à membrane (MBR), 800 m3/jour, H2S, PM2.5, LoRaWAN", "fr")}
    assert {"mbr", "800m3", "h2s", "pm2.5", "lorawan", "membrane", "bioreacteur"} <= keys and "jour" in keys
    vi = {k for k, _, _ in term_candidates("Tháp lọc sinh học khử H2S trong khí biogas, thanh long", "vi")}
    assert vi == {"h2s", "biogas"}  # Vietnamese syllables, with or without accents, are not borrowed terms

    idx = TermIndex()
    idx.add("en1", "Membrane bioreactor for textile wastewater", "en")
    idx.add("en2", "Wastewater sludge drying", "en")
    idx.add("fr1", "Bioréacteur à membrane pour eaux usées", "fr")
    idx.add("vi1", "Hầm biogas xử lý nước thải", "vi")
    assert idx.is_cross_lingual("membrane")  # used in English and French profiles
    assert not idx.is_cross_lingual("wastewater")  # English only, however many English profiles say it
    weights = idx.query_terms("Membrane bioreactor with LoRaWAN telemetry for wastewater", "en")
    assert set(weights) == {"membrane"}  # lorawan: indexed nowhere; bioreactor/wastewater: one language
    score, shared = idx.score(weights, "fr1")
    assert 0 < score < 1 and shared == ["membrane"]
    assert idx.score(weights, "en2") == (0.0, [])  # same language, only English words in common: nothing
    assert idx.candidates(weights, frozenset({"en1", "fr1", "vi1"}), 5).keys() == {"en1", "fr1"}
    every = idx.query_terms("wastewater", "th", every_term=True)
    assert set(every) == {"wastewater"}  # a profile the model cannot read uses all its words
