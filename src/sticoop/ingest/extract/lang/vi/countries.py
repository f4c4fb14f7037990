"""Vietnamese cues of a country named in passing, not as a party ("tương tự", similar; "khách mời", guests).

Read by ``ingest/extract/countries.py``: a country mentioned only in a sentence holding one of these counts
nothing towards the parties. Regex alternatives, matched case-insensitively as whole words.
"""

#: cues of a passing mention
PASSING_CUES: tuple[str, ...] = ("tương tự", "khách mời", "cũng đã", "hiện cũng", "cũng đến", "cũng hợp tác")
