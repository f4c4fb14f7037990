"""Words of organisation names that belong to no single supported language.

Read by ``ingest/extract/organizations.py``: "&" joins the parts of a name in every language ("Ministry of
Science & ICT"), and German names of partner bodies appear untranslated in English and French releases
("Bundesministerium für Bildung und Forschung").
"""

#: lower case: words and symbols that join the capitalised parts of one name
CONNECTORS: frozenset[str] = frozenset(["&", "für", "und"])
