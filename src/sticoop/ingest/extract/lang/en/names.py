"""English small words left out of a name's matching key ("The Ministry of Economy" -> "ministry economy").

Format: lower-case words, as they are after folding.

Read by ``ingest/extract/names.py``.
"""

#: articles and prepositions that two spellings of one name may or may not carry
SMALL_WORDS: frozenset[str] = frozenset(["the", "of", "and", "for", "a", "an", "in", "on", "at", "to"])
