r"""English cues of a country named in passing, not as a party ("similar arrangements with Japan", "observers
from Laos").

Read by ``ingest/extract/countries.py``: a country mentioned only in a sentence holding one of these counts
nothing towards the parties. Regex alternatives (``s?`` for an optional plural), matched case-insensitively as
whole words. The cues come from the corpus' releases.
"""

#: cues of a passing mention
PASSING_CUES: tuple[str, ...] = (
    "similar", "comparable", "such as", "also has", "already has", "has its own", "observers?", "as guests?",
    "in the past",
)
