r"""French cues of a country named in passing, not as a party ("des accords semblables avec le Japon").

Read by ``ingest/extract/countries.py``: a country mentioned only in a sentence holding one of these counts
nothing towards the parties. Regex alternatives, matched case-insensitively as whole words.
"""

#: cues of a passing mention
PASSING_CUES: tuple[str, ...] = (
    "semblables?", "comparables?", "observateurs?", "aussi des", "déjà", "ont aussi", "a aussi",
)
