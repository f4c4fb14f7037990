"""English words around people's names: courtesy and academic titles, roles, and the words that show a
capitalised run is a unit or a body rather than a person.

Read by ``ingest/extract/people.py``. Exact case unless a comment says otherwise. Titles include the Malaysian
honorifics (Dato', Datuk) that English-language releases from Malaysia put before names.
"""

#: titles before a name ("Dr. Nguyen", "H.E. Ms ...")
TITLES: frozenset[str] = frozenset(
    [
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.", "Professor", "Eng", "Eng.", "Engr.",
        "H.E", "H.E.", "Dato'", "Datuk", "Dato", "Sir", "Dame", "Madam", "Academician",
    ]
)
#: role words and phrases, case-insensitive, in regex-alternation order (longer phrases are separate entries)
ROLE_WORDS: tuple[str, ...] = (
    "Minister", "Deputy Minister", "Vice[- ]Minister", "Secretary", "Director", "President", "Vice[- ]President",
    "Chair(?:man)?", "Head", "Ambassador", "Representative", "Governor", "Rector", "Dean", "Chief", "Commissioner",
    "Coordinator", "Officer", "Expert",
)
#: words of a body's name: a capitalised run after a portfolio holding one is no person ("Republic of ...")
BODY_WORDS: tuple[str, ...] = ("Ministry", "Minister", "Department", "Republic", "University")
#: words that end the name of a unit ("... Bilateral Cooperation Division"), besides organisation head nouns
UNIT_WORDS: frozenset[str] = frozenset(["Division", "Unit", "Section", "Branch", "Programme", "Program", "Group"])
#: capitalised words of a portfolio after "Minister of/for" ("MEC for Economic Development Thabo Mokoena"): they
#: belong to the portfolio, never to the name that follows it
PORTFOLIO_WORDS: frozenset[str] = frozenset(
    [
        "Economic", "Development", "Affairs", "Foreign", "Science", "Technology", "Innovation", "Education",
        "Research", "Trade", "Industry", "Health", "Energy", "Environment", "Agriculture", "Finance", "Planning",
        "Higher", "Digital", "Economy", "Infrastructure", "Transport", "Natural", "Resources", "Labour", "Culture",
    ]
)
#: role acronyms, exact case: a "name" that ends with one is a title ("Gauteng MEC"), never a person
ROLE_ACRONYMS: tuple[str, ...] = ("MEC", "CEO", "CTO", "MP", "MEP")
