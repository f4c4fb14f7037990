"""French keywords of the cooperation fields (taxonomy keys of ``sticoop/reference/fields.py``).

Read by ``ingest/extract/fields.py``. Keywords are domain vocabulary, not article phrases ("dessalement" is water,
"télédétection" remote sensing, "incubateur" innovation, "doctorants" education). They come from French-language
cooperation releases (France, Senegal, Côte d'Ivoire, Tunisia, Morocco...). Stems carry accents as written; a word
that is also a common French word when followed by more letters ("mil", millet, in "militaire") is a whole word.
"""

#: field key -> stems, matched case-insensitively at the start of a word and running on over an inflection
#: ('agricultur' finds 'agriculture' and 'agricultural'; 'water technolog' finds 'water technologies')
STEMS: dict[str, tuple[str, ...]] = {
    "agriculture": (
        "agriculture", "agro-industri", "transformation agroalimentaire", "protection des végétaux",
        "sélection variétale", "blé",
        "engrais", "agroécolog", "agroalimentaire", "agronomique", "agricole", "agricoles", "élevage", "cultures",
        "sécurité alimentaire", "semences", "manioc", "anacarde",
    ),
    "forestry": ("forêt", "forêts", "forestier", "forestière", "déforestation"),
    "fisheries": ("pêche", "halieutique", "halieutiques", "aquaculture"),
    "water_resources": ("gestion de l'eau", "ressources en eau", "dessalement", "irrigation"),
    "environment": (
        "qualité de l'air", "déchets",
        "économie circulaire", "environnement", "environnemental", "environnementale", "environnementaux",
        "biodiversité", "érosion", "pollution",
    ),
    "climate_change": (
        "bas carbone", "bas-carbone", "gaz à effet de serre", "émissions de carbone", "neutralité carbone",
        "décarbon",
        "changement climatique", "climat"),
    "energy": (
        "efficacité énergétique", "transition énergétique", "énergétique", "géothermi", "éolien",
        "électrolyseur", "stockage par batteries", "énergie", "énergies renouvelables", "solaire", "hydrogène",
        "photovoltaïque",
    ),
    "new_materials": (
        "nanotechnolog", "nanomatériaux", "nanosciences", "graphène", "polymère",
        "fabrication additive", "matériaux", "semi-conducteur"),
    "ai": (
        "apprentissage automatique", "apprentissage profond",
        "intelligence artificielle",),
    "ict": (
        "télécom",
        "informatique", "électronique", "technologies de l'information et de la communication",
        "télécommunication","technologies de l'information",),
    "iot": ("internet des objets",),
    "big_data": (
        "science des données", "analyse de données",
        "mégadonnées", "données massives"),
    "cloud_computing": ("informatique en nuage",),
    "digital_transformation": ("numérique", "santé numérique", "transformation numérique"),
    "automation": ("automatisation", "robotique"),
    "remote_sensing": (
        "Copernicus", "systèmes d'information géographique",
        "imagerie satellitaire","observation de la Terre", "télédétection", "images satellitaires"),
    "space": (
        "lanceur", "fusée", "engins spatiaux",
        "aérospatial", "espace extra-atmosphérique", "satellite","spatial", "spatiale"),
    "geology_minerals": ("géochimi", "volcanolog", "sismolog", "géologie", "géologique", "minières", "minier", "mines",
                         "minéraux", "minerais", "ressources minérales", "terres rares"),
    "biotechnology": (
        "bioinformatique", "microbiolog", "biologie de synthèse", "fermentation",
        "biologie moléculaire", "sciences de la vie", "génomique", "génétique",
        "biotechnologie", "biotechnologies", "vaccins", "biologiques", "pharmacopée", "plantes médicinales",
    ),
    "health_medicine": (
        "hôpital", "hospitali", "clinique", "cliniques", "cancer", "paludisme", "tuberculose", "pharmaceutique",
        "virolog", "épidémiolog", "zoonos", "santé", "médecine", "médic", "médicinales", "vaccins", "fièvres",
        "pharmacopée",
    ),
    "nuclear": (
        "atomique", "radioprotection", "radio-isotope", "radioisotope", "rayonnements ionisants","nucléaire",
        "radioactive", "radioactives", "radioactif", "radioactifs"),
    "marine": (
        "économie bleue", "maritime", "maritimes", "océan", "océans",
        "sciences de la mer", "océanograph", "marin", "marines", "côtière", "récifs"),
    "high_tech_zones": (
        "parc scientifique", "technoparc", "parcs technologiques",
        "technopole", "parc technologique"),
    "innovation_startups": (
        "entreprises innovantes", "accélérateur", "entrepreneurs",
        "start-up", "start-ups", "startups", "jeunes pousses", "PME",
        "essaimage","entrepreneuriat", "incubateur"),
    "technology_transfer": (
        "valorisation", "transfert de technologies", "transfert des technologies",
        "commercialisation","transfert technologique", "transfert de technologie", "licence"),
    "standards_metrology": (
        "évaluation de la conformité", "infrastructure qualité",
        "étalonnage", "accréditation", "normalisation", "métrologie"),
    "intellectual_property": (
        "marques déposées",
        "invention","propriété intellectuelle", "brevets", "brevet"),
    "education_training": (
        "échanges de chercheurs", "échanges d'étudiants", "échanges scientifiques", "postdoctor", "post-doctor",
        "doctorat", "thèses", "école d'été", "chercheurs invités",
        "enseignement supérieur", "mobilité", "renforcement des capacités", "échanges universitaires",
        "échanges inter-universitaires", "bourse", "formations", "formateurs",
        "formation", "bourses", "doctorants", "cotutelle", "cotutelles", "stages", "étudiants", "stagiaires",
    ),
    "policy_management": (
        "politiques scientifiques", "politique de la recherche", "politique d'innovation",
        "politiques d'innovation", "politique STI", "gouvernance",
        "gestion de l'innovation","gestion de la recherche", "politique scientifique"),
    # fields without a slot of their own (labelling convention 8: "anything without a slot -> other"),
    # as the corpora label them: sciences, defence, heritage
    "other": (
        "mathématique", "sciences humaines", "sciences sociales", "géographie", "astronomie", "astrophysique",
        "mécanique", "automobile", "patrimoine culturel", "archéolog",
    ),
}

#: field key -> whole words, matched case-insensitively and only as a complete word
WORDS: dict[str, tuple[str, ...]] = {
    "agriculture": ("mil",),
}

#: field key -> acronyms, matched with their case and only as a complete word ('AI', never 'ai')
ACRONYMS: dict[str, tuple[str, ...]] = {
    "ai": ("IA",),
    "ict": ("TIC",),
}

#: field key -> phrases holding one of its keywords that name another field ("énergie atomique" is nuclear)
NOT_IN: dict[str, tuple[str, ...]] = {"energy": ("énergie atomique", "énergie nucléaire", "énergies nucléaires")}
