"""Vietnamese small words left out of a name's matching key ("Bộ Khoa học và Công nghệ" -> "bo khoa hoc cong
nghe").

Format: lower-case words without diacritics, as they are after folding ("và" -> "va", "của" -> "cua").

Read by ``ingest/extract/names.py``.
"""

#: "và" (and) and "của" (of), which two spellings of one name may or may not carry
SMALL_WORDS: frozenset[str] = frozenset(["va", "cua"])
