"""French words around people's names: courtesy titles and roles.

Read by ``ingest/extract/people.py``. Titles are exact case; "M." and "Me" count as titles in French texts only
(elsewhere they are an initial and a pronoun).
"""

#: titles before a name ("M. Dupont", "Mme Diop", "Pr Sall", "Me Ba")
TITLES: frozenset[str] = frozenset(["Mme", "Mlle", "M.", "Pr", "Pr.", "Me"])
#: titles that are titles only in French texts
FRENCH_ONLY_TITLES: tuple[str, ...] = ("M.", "Me")
#: role words, case-insensitive, in regex-alternation order
ROLE_WORDS: tuple[str, ...] = (
    "ministre", "directeur", "directrice", "secrétaire", "président", "chef", "ambassadeur", "représentant",
    "recteur", "attaché", "attachée",
)
