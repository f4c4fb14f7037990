"""French month and weekday names and small number words, for event dates ("du 4 au 7 mars", "mardi",
"trois jours").

Read by ``ingest/extract/dates.py``. Format: lower-case word (with and without accents, and press
abbreviations) -> month 1-12, weekday 0-6 (lundi = 0) or number.
"""

#: month name or abbreviation -> month number (1 = janvier)
MONTHS: dict[str, int] = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4, "avr": 4, "mai": 5,
    "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12, "déc": 12,
}
#: weekday name -> weekday number (0 = lundi, as ``date.weekday()``)
WEEKDAYS: dict[str, int] = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}
#: number word of a duration ("trois jours") -> number of days
NUMBERS: dict[str, int] = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5}
#: verbs saying an event ended ("s'est achevée"), regex alternatives
END_VERBS: tuple[str, ...] = ("termine", "s'est achevée", "a fermé", "ferme")
#: words before the date of an earlier meeting ("sa précédente réunion du 9 novembre"), regex alternatives
PAST_MEETING: tuple[str, ...] = (
    r"(?:précédente?|dernière|dernier)\s+(?:réunion|session|rencontre)(?:\s+(?:du|de|tenue))?",
    r"(?:réunion|session|rencontre)\s+précédente(?:\s+(?:du|de|tenue))?",
)
#: words before the last day of an event under way ("accueille depuis le 3 mars, et jusqu'au 14 mars")
RUNS_UNTIL: tuple[str, ...] = (
    r"depuis\b[^.\n]{0,60}\bjusqu'au",
    # the event itself goes on until a day ("l'atelier se tient jusqu'au 26", "se poursuit jusqu'au")
    r"(?:se tien(?:t|nent)|se dérou(?:le|lent)|se poursui(?:t|vent)|dure(?:nt)?)\s+jusqu'au",
)
#: words after a weekday that put it in the week before the publication's ("mardi de la semaine dernière")
PREVIOUS_WEEK: tuple[str, ...] = (r"de\s+la\s+semaine\s+(?:dernière|passée|précédente)",)
