"""English abbreviations that end with a full stop inside a sentence ("Dr. Smith", "Jan. 5", "U.S. agency").

Read by ``ingest/extract/textutil.py``: a full stop after one of these does not end the sentence. Format: lower
case, without the final full stop, inner full stops kept ("u.s", "a.m").
"""

#: titles, ranks, company forms, months and other press abbreviations
ABBREVIATIONS: frozenset[str] = frozenset(
    [
        "mr", "mrs", "ms", "dr", "prof", "eng", "h.e", "e", "st", "no", "mt", "gen", "col", "sen", "rep", "gov",
        "pres", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "univ", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "a.m", "p.m", "approx", "fig", "vol",
    ]
)
