"""English keywords of the cooperation fields (taxonomy keys of ``sticoop/reference/fields.py``).

Read by ``ingest/extract/fields.py``. Keywords are domain vocabulary, not article phrases: "desalination" is water,
"satellite images" remote sensing, "start-up" innovation, "scholarship" education and training. They come from
the S&T cooperation releases of the corpus and the wording of the fields' own descriptions; a word that is also
common outside the field ("power", "data") is listed only inside a phrase ("wind power", "big data").
"""

#: field key -> stems, matched case-insensitively at the start of a word and running on over an inflection
#: ('agricultur' finds 'agriculture' and 'agricultural'; 'water technolog' finds 'water technologies')
STEMS: dict[str, tuple[str, ...]] = {
    "agriculture": (
        "food processing", "plant protection", "food science", "food technolog", "agrifood",
        "fertiliser", "fertilizer", "agricultur", "agroecolog", "agri-food", "agro-processing", "agro-industr",
        "agronom", "farm", "farming", "crop", "crops", "rice", "maize", "soybean", "cassava", "cotton",
        "horticultur", "livestock", "veterinar", "food security", "seed", "seeds", "breeding", "plant breeding",
        "irrigation scheme", "biochar",
    ),
    "forestry": ("forest", "forests", "forestry", "deforestation", "wood-based", "timber", "agroforestry"),
    "fisheries": ("fisheries", "fishery", "fishing", "aquaculture"),
    "water_resources": (
        "water management", "water resources", "water technolog", "water reuse", "water systems", "desalination",
        "irrigation", "drip", "water filter", "flood", "floods", "soil-moisture", "soil moisture", "hydrolog",
        "water supply", "wastewater reuse",
    ),
    "environment": (
        "air quality", "waste management", "recycling of waste",
        "coastal erosion", "polar research", "polar science", "Antarctic science",
        "environment", "environmental", "pollution", "wastewater treatment", "waste treatment", "solid waste",
        "biodiversity", "circular economy", "conservation of", "deforestation", "ecosystem", "mangrove",
    ),
    "climate_change": (
        "low-carbon", "carbon neutral", "greenhouse gas", "emissions reduction", "net zero", "net-zero",
        "decarbonis", "decarboniz",
        "climate model", "climate change", "climate risks", "climate adaptation", "adaptation to climate",
        "drought", "climate-resilient",
    ),
    "energy": (
        "energy efficiency", "energy saving", "energy conservation", "energy transition", "geothermal",
        "wind energy", "power generation", "green energy", "energy security", "energy sector", "energy research",
        "energy cooperation", "energy technolog",
        "battery recycling", "battery storage", "electrochemi", "electrolys",
        "renewable energ", "clean energy", "energy storage", "solar", "biofuel", "biofuels", "hydrogen",
        "grid storage", "wind power", "photovoltaic",
    ),
    "new_materials": (
        "nanotechnolog", "nanoscience", "nano-materials", "graphene", "polymer",
        "new materials", "advanced materials", "materials", "semiconductor", "semiconductors", "microelectronics",
        "composite", "nanomaterial", "bio-based materials", "cellulose",
    ),
    "ai": (
        "deep learning", "neural network",
        "artificial intelligence", "machine learning"),
    "ict": (
        "telecom", "information and communications", "microchip",
        "electronics", "computer science", "computing", "information technolog",
        "information technology", "information communication", "information and communication",
        "digital technologies", "cybersecurity", "telecommunication", "software",
    ),
    "iot": ("internet of things",),
    "big_data": (
        "data science", "data analytics",
        "big data",),
    "cloud_computing": ("cloud computing", "cloud"),
    "digital_transformation": (
        "digital transformation", "digital public infrastructure", "digital health", "farm-management apps",
        "e-government", "digitalisation", "digitalization",
    ),
    "automation": (
        "mechatronic", "smart manufacturing",
        "automation", "robotics", "robot", "advanced manufacturing"),
    "remote_sensing": (
        "Copernicus", "geographic information system",
        "satellite image", "geospatial",
        "earth-observation", "remote sensing", "earth observation", "satellite images", "satellite imagery",
        "radar images", "satellite data", "satellite tracking",
    ),
    "space": (
        "rocket", "launch vehicle", "astronaut", "spacecraft", "space station",
        "aerospace", "space research", "space cooperation", "outer space", "space exploration",
        "space application", "space science", "space-based", "space agency", "space technolog", "space activities",
        "satellite", "satellites", "ground-station", "ground station", "space studies",
    ),
    "geology_minerals": (
        "volcanolog", "seismolog", "geoscien", "geochemi", "geophysic", "phosphate", "phosphates", "rare earth",
        "geology", "geological", "minerals", "mining",
        "mineral processing", "mineral resource", "critical mineral", "rare-earth", "beneficiation",
    ),
    "biotechnology": (
        "bioinformatic", "synthetic biology", "microbiolog", "fermentation", "biopharma",
        "biotech", "bioscience", "life sciences", "molecular biology", "genomics",
        "biotechnolog", "biomedic", "bioeconomy", "bio-based", "molecular breeding", "marker-assisted", "genomic",
        "genetic", "vaccine", "vaccines",
    ),
    "health_medicine": (
        "hospital", "clinical", "pharmac", "cancer", "malaria", "tuberculosis",
        "virolog", "epidemiolog", "zoonos",
        "health", "medicine", "medic", "biomedic", "disease", "diseases", "pharmaceutical", "diagnostic",
    ),
    "nuclear": (
        "atomic", "radioisotope", "radioprotection", "radiological","nuclear", "radiation",
        "radioactive"),
    "marine": (
        "blue economy", "maritime",
        "marine", "ocean", "oceanograph", "seaweed", "coral"),
    "high_tech_zones": (
        "innovation park", "research park", "technopole", "tech park",
        "high-tech park", "hi-tech park", "industrial park","high-tech zone", "high-tech zones", "technology park",
        "technology parks", "science park"),
    "innovation_startups": (
        "innovative businesses", "innovative companies", "innovative enterprises", "accelerator", "entrepreneurs",
        "SMEs", "small and medium-sized enterprises", "small and medium enterprises", "venture capital",
        "start-up", "start-ups", "startup", "startups", "entrepreneurship", "incubator", "innovation hub",
        "spin-off", "innovation forum", "innovative entrepreneurship",
    ),
    "technology_transfer": (
        "tech transfer", "technology brokerage", "technology licensing",
        "valorisation", "valorization", "technology commercialis", "technology commercializ",
        "technology transfer", "commercialisation", "commercialization", "transfer of technology", "licensing",
        "industrial research", "available for transfer",
    ),
    "standards_metrology": (
        "quality infrastructure", "conformity assessment", "standardisation",
        "calibration", "accreditation", "standards", "metrology", "standardization"),
    "intellectual_property": (
        "trademark",
        "intellectual property", "patent", "patents"),
    "education_training": (
        "people-to-people exchanges", "student exchange", "academic exchange", "doctoral", "postdoctoral", "PhD",
        "internship", "summer school", "visiting researchers", "researcher mobility", "exchange programme",
        "exchange program",
        "capacity building", "capacity-building", "scholarships", "fellowship", "mobility", "higher education",
        "exchange of researchers", "exchanges of researchers", "researcher exchange", "university cooperation",
        "training-of-trainers",
        "training", "trainees", "scholarship", "fellowships", "phd students", "young researchers",
        "early-career researchers", "students", "exchanges of young", "course",
    ),
    "policy_management": (
        "science policy", "research management", "innovation policy", "STI policy", "S&T policy", "policy-making",
        "policymaking", "governance", "management of science",
        "public management", "policy planning", "innovation management", "science and technology policy",
        "s&t management",
    ),
    # fields without a slot of their own (labelling convention 8: "anything without a slot -> other"),
    # as the corpora label them: sciences, defence, heritage
    "other": (
        "mathematic", "physics", "chemistry", "social sciences", "humanities", "geography", "earth sciences",
        "astronomy", "astrophysic", "mechanical", "automotive", "car components", "cultural heritage", "archaeolog",
        "national defence", "national defense", "joint ventures",
    ),
}

#: field key -> whole words, matched case-insensitively and only as a complete word
WORDS: dict[str, tuple[str, ...]] = {}

#: field key -> acronyms, matched with their case and only as a complete word ('AI', never 'ai')
ACRONYMS: dict[str, tuple[str, ...]] = {
    "ai": ("AI",),
    "ict": ("ICT",),
    "iot": ("IoT",),
}

#: field key -> phrases holding one of its keywords that name another field ("atomic energy" is nuclear)
NOT_IN: dict[str, tuple[str, ...]] = {"energy": ("atomic energy", "nuclear energy", "nuclear power")}
