"""French ordinal words that number a committee's sessions ("sixième session", "première réunion").

Read by ``ingest/extract/sessions.py``. Format: lower-case word -> the session number it means.
"""

#: ordinal word (masculine and feminine forms) -> number
ORDINALS: dict[str, int] = {
    "premier": 1, "première": 1, "deuxième": 2, "seconde": 2, "troisième": 3, "quatrième": 4, "cinquième": 5,
    "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10, "onzième": 11, "douzième": 12,
}
