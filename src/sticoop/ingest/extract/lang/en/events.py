r"""English cue phrases of event types, read in a report's lead ("call for proposals", "training course").

Read by ``ingest/extract/events.py``. Format: event type -> phrases matched case-insensitively as whole words;
regex syntax is allowed (``\w*`` for any ending, ``(?:a|b)`` for alternatives) and the order is the regex
alternation's (a longer phrase before a shorter one it starts with). The types are those of the corpus labels
(``../shared/README.md``); the phrases come from the corpus' leads.
"""

#: event type -> cue phrases
EVENT_CUES: dict[str, tuple[str, ...]] = {
    "funding_call": (
        "call for (?:proposals|projects|applications)", "joint call", "bilateral call", "funding call",
        "call for joint research",
    ),
    "training": ("training course", "training programme", "course", "trainees", "workshop for"),
    "tech_transfer_event": ("fair", "techmart", "exhibition", "expo", "matchmaking", "technology transfer event"),
    "agreement_signing": ("signed", "renewed", "sign", "memorandum"),
    "ministerial_visit": (r"visit\w*", "delegation", "received"),
}
