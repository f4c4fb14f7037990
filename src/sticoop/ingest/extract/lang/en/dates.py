"""English month and weekday names and small number words, for event dates ("from July 26 to 30", "on
Tuesday", "a four-day visit").

Read by ``ingest/extract/dates.py``. Format: lower-case word (full name and press abbreviations, "feb." with its
full stop) -> month 1-12, weekday 0-6 (Monday = 0) or number.
"""

#: month name or abbreviation -> month number (1 = January)
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "feb.": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9,
    "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
#: weekday name -> weekday number (0 = Monday, as ``date.weekday()``)
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
#: number word of a duration ("three-day") -> number of days
NUMBERS: dict[str, int] = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
#: verbs saying an event ended ("the visit wrapped up on Friday"), regex alternatives
END_VERBS: tuple[str, ...] = ("wrapped up", "completed", "concluded", "ended", "closed")
#: words before the date of an earlier meeting ("since its previous meeting of 14 November 2023"): a past fact,
#: never the event's date nor the document's own date; regex alternatives
PAST_MEETING: tuple[str, ...] = (
    r"(?:previous|last|prior|preceding|earlier)\s+(?:\w+\s+){0,2}(?:meeting|session)s?(?:\s+(?:of|on|held))?",
)
#: words before the last day of an event that runs on ("the course, which runs until Sept. 26"): the range's
#: end, not a deadline; regex alternatives
RUNS_UNTIL: tuple[str, ...] = (r"(?:runs?|running|lasts?|lasting|continues?|continuing|open)\s+(?:until|through|to)",)
#: words after a weekday that put it in the week before the publication's ("Tuesday of last week"), regex
PREVIOUS_WEEK: tuple[str, ...] = (r"(?:of\s+)?last\s+week", r"(?:of\s+)?the\s+previous\s+week")
