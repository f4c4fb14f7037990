"""English words that find and bound organisation names ("National Research, Development and Innovation Office").

Read by ``ingest/extract/organizations.py``. Words are compared with the token text exactly (case included)
unless a comment says "lower case". The lists come from the ministries, agencies, universities and companies
named in S&T cooperation press releases (Australian, Indian, Malaysian, British, US... government sites).
"""

#: head nouns: a capitalised run of words around one of them is an organisation name ("... Research Council")
HEADS: frozenset[str] = frozenset(
    [
        "Ministry", "Department", "Agency", "Office", "Organisation", "Organization", "Institute",
        "Institution", "University", "Academy", "Centre", "Center", "Council", "Foundation", "Commission",
        "Authority", "Corporation", "Company", "Network", "Secretariat", "Alliance", "Fund", "Park", "Bureau",
        "Administration", "Laboratory", "Laboratories", "Society", "Association", "Board", "Service", "School",
        "College", "Hospital", "Consortium", "Observatory", "Museum", "Chamber", "Federation", "Bank", "Berhad",
        "Ltd", "Inc", "GmbH", "Corp", "Agencies", "Institutes", "Directorate", "Commissariat", "Inc.",
        "Incubator", "Cluster", "Embassy",
    ]
)
#: head word -> lower-case words that, just before it, make it no head ("P.O. Box Office", "post office")
NOT_HEAD_AFTER: dict[str, tuple[str, ...]] = {"Office": ("post", "box")}
#: lower case: words that join the capitalised parts of one name ("Ministry of Science and Technology")
CONNECTORS: frozenset[str] = frozenset(["of", "for", "and", "on"])
#: capitalised words that never start or continue a name: sentence openers, function words, titles and roles
STOP_CAPITALISED: frozenset[str] = frozenset(
    [
        "The", "A", "An", "In", "At", "On", "Under", "During", "After", "Before", "As", "By", "From", "With",
        "For", "To", "Of", "And", "But", "While", "Since", "When", "Its", "Their", "His", "Her", "Our", "This",
        "That", "These", "Those", "Minister", "Deputy", "Vice", "Director", "Secretary", "President", "Head",
        "Chairman", "Chair", "Dr", "Dr.", "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Prof", "Prof.", "Representatives",
        "Officials", "Scientists", "Researchers", "Experts", "Delegates", "Eng", "Eng.", "H.E",
        # weekdays: "the Ministry of Science and Technology of Vietnam on Tuesday" ends before them
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ]
)
#: words of programme, call and award names: "Some Name (ACR)" holding one is no organisation
PROGRAMME_WORDS: tuple[str, ...] = (
    "Programme", "Program", "Scheme", "Initiative", "Horizon", "Call", "Fellowship", "Award", "Prize", "Project",
)
#: words that end the name of a place, not of an organisation ("Mekong Delta", "Red River")
GEOGRAPHIC_WORDS: frozenset[str] = frozenset(
    [
        "Zone", "Valley", "River", "Lake", "Basin", "Bay", "Sea", "Gulf", "Coast", "Island", "Islands",
        "Mountains", "Volcano", "Delta", "Peninsula", "Plateau", "Desert", "Strait", "Region", "Province",
    ]
)
#: nouns that, right after a name, make it a programme's or a product's ("Stipendium Hungaricum scholarships"),
#: regex alternatives (``s?`` for an optional plural)
MODIFIED_NOUNS: tuple[str, ...] = (
    "scholarships?", "fellowships?", "grants?", "awards?", "funding", "programmes?", "programs?", "projects?",
    "calls?", "schemes?", "satellites?", "platforms?",
)
#: nouns that, as the LAST word of a name, make it an event, not a body ("International Astronautical Congress",
#: "Industrial Technological Forum"); a name that starts with one stays a body ("Conference of Rectors")
EVENT_NOUNS: tuple[str, ...] = (
    "Congress", "Conference", "Summit", "Forum", "Expo", "Fair", "Week", "Symposium", "Workshop", "Seminar",
    "Festival", "Exhibition",
)
#: nouns that make any name holding them a meeting, not a body ("Joint Commission Meeting on S&T Cooperation")
MEETING_NOUNS: tuple[str, ...] = ("Meeting", "Meetings")
#: last words of the names of news outlets, which report the event and take no part in it (labelling convention
#: 6: reporting news agencies are left out): "People's Daily Online", "Jilin Daily"
NEWS_NOUNS: tuple[str, ...] = ("Daily", "Online", "News", "Times", "Post", "Herald", "Tribune", "Gazette")
#: roles that an acronym in parentheses may follow ("Principal Investigator (PI)"): a job, not a body
ROLE_NAMES: tuple[str, ...] = ("Principal Investigator", "Project Leader", "Project Coordinator", "Focal Point")
#: names of venues, which host an event and take no part in it (labelling convention 6): "Kenyatta International
#: Convention Centre", "Hanoi Exhibition Center", regex alternatives
VENUE_NAMES: tuple[str, ...] = (
    r"(?:Convention|Exhibition|Conference|Congress|Exposition|Expo|Trade)\s+(?:Cent(?:re|er)|Hall)",
)
