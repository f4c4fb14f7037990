"""French words that find and bound organisation names ("ministère de l'Enseignement supérieur et de la
Recherche scientifique", "Institut sénégalais de recherches agricoles (ISRA)").

Read by ``ingest/extract/organizations.py``. French names keep lower-case adjectives and nouns inside them, so
besides head nouns and connectors this module lists the endings of adjectives and the lower-case nouns a name
may hold. Words are compared with the token text exactly unless a comment says "lower case". The lists come
from the ministries, agencies and institutes named in French-language press releases (France, Senegal, Côte
d'Ivoire, Tunisia, Morocco, Belgium...).
"""

#: head nouns: a name is built around one of them ("Agence nationale de la recherche")
HEADS: frozenset[str] = frozenset(
    [
        "ministère", "Ministère", "Agence", "Institut", "Centre", "Conseil", "Université", "Office", "Fonds",
        "Commission", "Académie", "Fondation", "Observatoire", "Laboratoire", "École", "Ecole", "Société",
        "Organisation", "Autorité", "Secrétariat", "Direction", "Réseau", "Pôle", "Technopole", "Technopôle",
        "Parc", "Association", "Chambre", "Banque", "Établissement", "Etablissement", "Délégation", "Ambassade",
        "Commissariat", "laboratoire", "Incubateur", "Consortium", "Groupement", "Faculté", "Département", "Bureau",
        "Muséum", "Conservatoire",
    ]
)
#: lower-case heads that name a body only when a capitalised name follows at once ("laboratoire ICube", never
#: "laboratoire de recherche")
HEADS_BEFORE_A_NAME: frozenset[str] = frozenset(["laboratoire"])
#: head word -> lower-case words that, just after it, make it no head ("Commission mixte" is a committee)
NOT_HEAD_BEFORE: dict[str, tuple[str, ...]] = {"Commission": ("mixte",)}
#: lower case: words that join the parts of one name ("ministère de l'Éducation et de la Formation")
CONNECTORS: frozenset[str] = frozenset(["de", "du", "des", "d'", "l'", "la", "le", "et", "pour", "en", "à"])
#: capitalised words that never start or continue a name: articles, prepositions, titles and roles
STOP_CAPITALISED: frozenset[str] = frozenset(
    [
        "La", "Le", "Les", "L'", "Un", "Une", "Des", "Du", "De", "Au", "Aux", "Selon", "Pour", "Dans", "Sur",
        "Par", "Lors", "Côté", "Ministre", "M.", "Mme",
    ]
)
#: endings of the lower-case adjectives a name holds ("supérieur", "scientifique", "nationale", "sénégalais");
#: a word of lower-case letters ending in one of them continues a name (order kept: it is a regex alternation)
ADJECTIVE_ENDINGS: tuple[str, ...] = (
    "é", "ée", "ées", "és", "al", "ale", "aux", "ales", "ique", "iques", "ien", "ienne", "iennes", "ain", "aine",
    "ais", "aise", "aises", "aire", "aires", "if", "ive", "ives", "el", "elle", "elles", "eur", "ieur", "ieure",
    "ères", "ère", "ois", "oise", "ien", "ial", "iale", "on", "ionale", "ional", "taire", "ifique", "nique",
    "nale", "naux", "nal", "tiques", "tique", "gique", "giques", "mique", "miques", "ise",
)
#: lower-case nouns that continue a name ("Agence de la recherche et de l'innovation")
LOWER_CASE_NAME_WORDS: frozenset[str] = frozenset(
    [
        "recherche", "recherches", "développement", "innovation", "coopération", "technologie", "technologies",
        "sciences", "science", "santé", "énergie", "énergies", "nouvelles", "valorisation", "résultats",
        # domain nouns of institutes' names ("Centre national d'informations technologiques", "Institut de la
        # chimie industrielle", "Université des mines et de la géologie")
        "informations", "information", "chimie", "physique", "mines", "géologie", "économie", "formation",
        "enseignement", "éducation", "agriculture", "environnement", "eau", "médecine", "pharmacie", "industrie",
        "industries", "commerce", "études", "statistique", "météorologie", "océanographie", "pêche", "pêches",
        "mer", "espace", "télécommunications", "transports", "normalisation", "métrologie", "qualité",
        "biotechnologie", "biologie", "matériaux", "ingénieurs", "technique", "techniques", "soutien",
    ]
)
#: lower case: first parts of compound adjectives of a region ("ouest-africaine", "sud-américain")
COMPOUND_PREFIXES: tuple[str, ...] = ("nord", "sud", "est", "ouest", "centre", "extrême")
#: lower case: connectors after which a lower-case adjective or name word continues the name ("de la recherche")
CONNECTORS_BEFORE_LOWER_WORDS: tuple[str, ...] = ("de", "des", "du", "pour", "et", "l'", "d'", "la", "le", "à")
#: lower case: after ", " one of these goes on with the same name ("ministère de l'Éducation, de la Jeunesse")
COMMA_LIST_PREPOSITIONS: tuple[str, ...] = ("de", "du", "des", "d'")
#: lower case: verbs and prepositions that end a name before its "(ACRONYM)" is reached
NAME_ENDING_WORDS: tuple[str, ...] = ("a", "ont", "est", "sont", "qui", "que", "avec", "par", "sur", "dans")
#: lower case: words that end a comma list inside a name ("de la Recherche scientifique et de l'Innovation")
LIST_ENDING_WORDS: frozenset[str] = frozenset([*NAME_ENDING_WORDS, "à", "au"])
#: words of programme and call names: "Some Name (ACR)" holding one is no organisation
PROGRAMME_WORDS: tuple[str, ...] = ("Partenariat", "Appel", "Projet")
#: nouns that, right after a name, make it a programme's or a product's ("Campus France bourses")
MODIFIED_NOUNS: tuple[str, ...] = ("bourses?",)
#: nouns that, as the LAST word of a name, make it an event, not a body ("le Forum ... Salon")
EVENT_NOUNS: tuple[str, ...] = ("Salon", "Sommet", "Semaine", "Colloque", "Séminaire", "Atelier")
#: nouns that make any name holding them a meeting ("Réunion ...")
MEETING_NOUNS: tuple[str, ...] = ("Réunion",)
#: lower case: prepositions that stand inside a name an acronym closes a few words on ("Centre universitaire de
#: recherche sur l'aluminium (CURAL)"); elsewhere they end a name (``NAME_ENDING_WORDS``)
INNER_PREPOSITIONS: frozenset[str] = frozenset(["sur"])
#: names of venues, which host an event and take no part in it (labelling convention 6), regex alternatives
VENUE_NAMES: tuple[str, ...] = (
    r"[Pp]alais\s+des\s+[Cc]ongrès", r"[Cc]entre\s+(?:international\s+)?des?\s+[Cc]onférences?",
    r"[Pp]arc\s+des\s+[Ee]xpositions",
)
