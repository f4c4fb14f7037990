"""Word lists of the extractors, one package per language, as spaCy's ``lang/<code>/``.

``lang/en``, ``lang/fr`` and ``lang/vi`` hold the words of one language; ``lang/xx`` holds what belongs to no
single language (country names in every language, symbols, connectors of other languages seen in names).
Inside a language package there is one module per kind of thing read (``organizations``, ``fields``,
``people``, ``dates``, ``sessions``, ``names``...), each holding typed constants with a comment saying what the
list is for and its format. The extractors in ``ingest/extract/`` hold the rules and read these lists; no word
list lives outside ``lang/`` (``tests/ingest/test_lexicon_layout.py`` checks it).

How to add a language: see ``README.md`` in this folder.
"""
