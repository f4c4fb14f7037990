"""French abbreviations that end with a full stop inside a sentence ("M. Diop", "Mme. Ba", "Pr. Sall").

Read by ``ingest/extract/textutil.py``: a full stop after one of these does not end the sentence. Format: lower
case, without the final full stop.
"""

#: courtesy and academic titles
ABBREVIATIONS: frozenset[str] = frozenset(["m", "mme", "mlle", "pr", "me"])
