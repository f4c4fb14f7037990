r"""English ordinal words that number a committee's sessions ("sixth meeting", "inaugural session").

Read by ``ingest/extract/sessions.py``. Format: lower-case word -> the session number it means.
"""

#: ordinal word -> number ("inaugural" is the first session)
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "inaugural": 1,
}
#: meeting nouns an ordinal qualifies ("sixth meeting"), regex alternatives
MEETINGS: tuple[str, ...] = ("meeting", "session")
#: words that may stand between an ordinal and its meeting noun ("sixth ministerial-level meeting"), regex
MEETING_MODIFIERS: tuple[str, ...] = (
    r"ministerial(?:-level)?", "high-level", "plenary", "annual", "regular", "ordinary", "formal", "joint",
    "bilateral",
)
#: a subject that points back to the committee named before ("It was the sixth meeting"), regex
BACK_REFERENCES: tuple[str, ...] = (r"(?:it|this|that)\s+(?:was|is|marks|marked)\s+(?:the\s+)?",)
#: committee-like bodies whose meetings are numbered, regex alternatives (``\s+`` between words), longer first
COMMITTEE_NOUNS: tuple[str, ...] = (
    # wire copy writes them in lower case too ("the 12th meeting of their joint committee on science")
    r"[Jj]oint\s+(?:[Cc]ommittee|[Cc]ommission|[Ww]orking\s+[Gg]roup)",
    r"[Ii]ntergovernmental\s+[Cc]ommi(?:ttee|ssion)",
    r"[Mm]ixed\s+[Cc]ommission", "Committee", "Commission",
    r"Working\s+Group", r"Joint\s+Board", r"Steering\s+Committee",
    # a government-to-government dialogue meets in numbered sessions like a committee ("the second session of
    # the Australia-India ... dialogue"); French spells it alike
    r"[Dd]ialogue",
)
#: lower-case words that may stand between an ordinal and the committee it numbers ("the third strategic
#: Dialogue", "the first high-level policy dialogue"), regex alternatives
BODY_MODIFIERS: tuple[str, ...] = (
    "strategic", "policy", r"high-level", "ministerial", "bilateral", "annual", "joint", "science", "innovation",
    "technology", "stratégique", "politique", "bilatéral", "annuel", "scientifique",
)
#: nouns of a repeated occurrence after an ordinal ("met for the twenty-first time", "pour la onzième fois")
TIMES: tuple[str, ...] = ("time", "fois")
#: verbs by which both sides agree to hold a session later ("agreed to hold the first meeting of"): that session
#: is a commitment of the reported event, never its own session (corpus convention 10), regex alternatives
AGREED_TO_HOLD: tuple[str, ...] = (
    r"(?:agreed|agree|decided|resolved)\s+(?:\w+\s+){0,2}?to\s+(?:hold|convene|organi[sz]e)",
)
#: a session named as past right before its ordinal ("building on the 5th session"), regex alternatives
PAST_BEFORE: tuple[str, ...] = (r"after", r"following", r"building\s+on", r"since", r"previous", r"last")
#: a participle naming a session as past right after it ("the 5th session held in Delhi in 2022"), regex
PAST_AFTER: tuple[str, ...] = (r"held", r"which\s+took\s+place", r"that\s+took\s+place", r"convened")
#: a future cue after the session ("its first meeting is planned for January"), regex alternatives
FUTURE_AFTER: tuple[str, ...] = (
    r"(?:is|are)\s+(?:planned|scheduled|expected|due|set)", r"will\s+(?:be\s+held|take\s+place|open)",
)
#: a project's own body: "the project steering committee", "steering committee of the project", regex
PROJECT_WORDS: tuple[str, ...] = (r"[Pp]roject",)
