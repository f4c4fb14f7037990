r"""French ordinal words that number a committee's sessions ("sixième session", "première réunion").

Read by ``ingest/extract/sessions.py``. Format: lower-case word -> the session number it means.
"""

#: ordinal word (masculine and feminine forms) -> number
ORDINALS: dict[str, int] = {
    "premier": 1, "première": 1, "deuxième": 2, "seconde": 2, "troisième": 3, "quatrième": 4, "cinquième": 5,
    "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10, "onzième": 11, "douzième": 12,
}
#: meeting nouns an ordinal qualifies ("sixième session"), regex alternatives
MEETINGS: tuple[str, ...] = ("réunion", "session", "rencontre")
#: words between an ordinal and its meeting noun (French puts most after the noun), regex
MEETING_MODIFIERS: tuple[str, ...] = ()
#: a subject that points back to the committee named before ("Il s'agissait de la sixième réunion"), regex
BACK_REFERENCES: tuple[str, ...] = (
    r"(?:c'était|c'est|il\s+s'agit\s+de|il\s+s'agissait\s+de)\s+(?:la|le)\s+",
)
#: committee-like bodies whose meetings are numbered, regex alternatives, longer first
COMMITTEE_NOUNS: tuple[str, ...] = (
    r"[Cc]ommission\s+mixte", r"[Cc]omité\s+mixte", "[Cc]omité", r"[Gg]roupe\s+de\s+travail",
)
