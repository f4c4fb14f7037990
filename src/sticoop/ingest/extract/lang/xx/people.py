"""Words of people's names that belong to no single supported language.

Read by ``ingest/extract/people.py``: particles inside names of Arabic, Malay, Dutch, German, Portuguese, Spanish,
Italian and French origin ("Mohamed Ould Abdallah", "Ahmad bin Ibrahim", "Ursula von der Leyen"), which partners'
officials bear whatever the language of the release. Exact case.
"""

#: lower-case or capitalised particles that continue a name when a capitalised word follows them
NAME_PARTICLES: frozenset[str] = frozenset(
    [
        "bin", "binti", "van", "von", "de", "da", "dos", "del", "di", "El", "el", "Ben", "ben", "Al", "al", "Abu",
        "Ould", "le", "La",
    ]
)
