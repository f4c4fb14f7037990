"""Words of organisation names that belong to no single supported language.

Read by ``ingest/extract/organizations.py``: "&" joins the parts of a name in every language ("Ministry of
Science & ICT"), and German names of partner bodies appear untranslated in English and French releases
("Bundesministerium für Bildung und Forschung"); so do Spanish, Portuguese and Italian ones ("Instituto de
Investigaciones Agropecuarias (INIA)", "Consejo Nacional de Investigaciones Científicas y Técnicas", "Technische
Universität München", "Agenzia Spaziale Italiana").
"""

#: lower case: words and symbols that join the capitalised parts of one name
CONNECTORS: frozenset[str] = frozenset(["&", "für", "und", "del", "y", "di", "per", "della", "do", "dos"])
#: head nouns of untranslated Spanish, Portuguese, Italian and German names (exact case)
HEADS: frozenset[str] = frozenset(
    [
        "Instituto", "Consejo", "Universidad", "Universidade", "Centro", "Agencia", "Agência", "Ministerio",
        "Ministério", "Fundación", "Fundação", "Istituto", "Università", "Agenzia", "Consiglio", "Universität",
        "Hochschule", "Gesellschaft", "Zentrum", "Bundesministerium", "Bundesamt", "Akademie",
    ]
)
