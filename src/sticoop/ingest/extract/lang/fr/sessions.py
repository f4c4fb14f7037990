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
#: verbs by which both sides agree to hold a session later ("sont convenus de tenir la première réunion"), regex
AGREED_TO_HOLD: tuple[str, ...] = (
    r"(?:convenus?|convenues?|décidé|résolu)\s+(?:\w+\s+){0,2}?(?:de\s+tenir|d['’]organiser|de\s+convoquer)",
)
#: a session named as past right before its ordinal ("après la 13e réunion"), regex alternatives
PAST_BEFORE: tuple[str, ...] = (r"après", r"depuis", r"suite\s+à", r"précédente", r"dernière")
#: a participle naming a session as past right after it ("la 13e réunion tenue à Rabat en 2022"), regex
PAST_AFTER: tuple[str, ...] = (r"tenue?s?", r"qui\s+s['’]est\s+tenue?", r"organisée?")
#: a future cue after the session ("sa première réunion est prévue en janvier"), regex alternatives
FUTURE_AFTER: tuple[str, ...] = (
    r"(?:est|sont)\s+(?:prévue?s?|programmée?s?|envisagée?s?)", r"(?:aura|auront)\s+lieu", r"se\s+tiendra",
)
#: a project's own body: "le comité de pilotage du projet", regex alternatives
PROJECT_WORDS: tuple[str, ...] = (r"projet",)
