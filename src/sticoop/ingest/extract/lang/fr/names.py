"""French small words left out of a name's matching key ("ministère de l'Éducation" -> "ministere education").

Format: lower-case words, accent-free, as they are after folding; the elided "l'" and "d'" are "l" and "d"
once punctuation is gone.

Read by ``ingest/extract/names.py``.
"""

#: articles, prepositions and elisions that two spellings of one name may or may not carry
SMALL_WORDS: frozenset[str] = frozenset(
    ["de", "la", "le", "les", "du", "des", "et", "l", "d", "pour", "en", "au", "aux"]
)
