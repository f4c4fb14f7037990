"""Vietnamese abbreviations that end with a full stop inside a sentence ("PGS.TS. Nguyễn Văn A", "KS. Lê B").

Read by ``ingest/extract/textutil.py``: a full stop after one of these does not end the sentence. Format: lower
case, without the final full stop, inner full stops kept ("pgs.ts").
"""

#: academic and professional titles: tiến sĩ, thạc sĩ, giáo sư, phó giáo sư, kỹ sư, bác sĩ
ABBREVIATIONS: frozenset[str] = frozenset(["ts", "ths", "gs", "pgs", "pgs.ts", "gs.ts", "ks", "bs"])
