"""Hand-kept word lists that Babel/pycountry do not provide: adjectives/demonyms (en, fr), French compound
prefixes ("ivoiro-", "tuniso-"), extra short names, and major cities (for datelines and places).

Only general facts about countries live here, nothing about particular articles. Read by
``ingest/extract/countries.py``, which adds the names Babel and pycountry give in en/fr/vi. The lists hold every
language at once (a country is named in Vietnamese, French and English alike), hence ``xx``.
"""

from __future__ import annotations

# ISO3 | English adjectives/demonyms | French masculine singular adjectives (feminine/plural forms are derived)
DEMONYMS: str = """
AFG|Afghan|afghan
ALB|Albanian|albanais
DZA|Algerian|algérien
AGO|Angolan|angolais
ARG|Argentine,Argentinian,Argentinean|argentin
ARM|Armenian|arménien
AUS|Australian|australien
AUT|Austrian|autrichien
AZE|Azerbaijani|azerbaïdjanais
BHR|Bahraini|bahreïni
BGD|Bangladeshi|bangladais
BLR|Belarusian|biélorusse
BEL|Belgian|belge
BEL|Flemish|flamand
BEL|Walloon|wallon
BEN|Beninese|béninois
BTN|Bhutanese|bhoutanais
BOL|Bolivian|bolivien
BIH|Bosnian|bosnien
BWA|Botswanan,Motswana|botswanais
BRA|Brazilian|brésilien
BRN|Bruneian|brunéien
BGR|Bulgarian|bulgare
BFA|Burkinabe,Burkinabè|burkinabè
BDI|Burundian|burundais
KHM|Cambodian,Khmer|cambodgien
CMR|Cameroonian|camerounais
CAN|Canadian|canadien
CAN|Quebecer,Quebecker|québécois
CPV|Cape Verdean|cap-verdien
CAF|Central African|centrafricain
TCD|Chadian|tchadien
CHL|Chilean|chilien
CHN|Chinese|chinois
COL|Colombian|colombien
COM|Comorian|comorien
COG|Congolese|congolais
CRI|Costa Rican|costaricien
CIV|Ivorian|ivoirien
HRV|Croatian|croate
CUB|Cuban|cubain
CYP|Cypriot|chypriote
CZE|Czech|tchèque
DNK|Danish|danois
DJI|Djiboutian|djiboutien
DOM|Dominican|dominicain
ECU|Ecuadorian|équatorien
EGY|Egyptian|égyptien
SLV|Salvadoran|salvadorien
EST|Estonian|estonien
ETH|Ethiopian|éthiopien
FJI|Fijian|fidjien
FIN|Finnish|finlandais
FRA|French|français
GAB|Gabonese|gabonais
GMB|Gambian|gambien
GEO|Georgian|géorgien
DEU|German|allemand
GHA|Ghanaian|ghanéen
GRC|Greek,Hellenic|grec
GTM|Guatemalan|guatémaltèque
GIN|Guinean|guinéen
HTI|Haitian|haïtien
HND|Honduran|hondurien
HUN|Hungarian|hongrois
ISL|Icelandic|islandais
IND|Indian|indien
IDN|Indonesian|indonésien
IRN|Iranian|iranien
IRQ|Iraqi|irakien
IRL|Irish|irlandais
ISR|Israeli|israélien
ITA|Italian|italien
JAM|Jamaican|jamaïcain
JPN|Japanese|japonais
JOR|Jordanian|jordanien
KAZ|Kazakh,Kazakhstani|kazakh
KEN|Kenyan|kényan
KOR|Korean,South Korean|coréen,sud-coréen
PRK|North Korean|nord-coréen
KWT|Kuwaiti|koweïtien
KGZ|Kyrgyz|kirghiz
LAO|Lao,Laotian|laotien,lao
LVA|Latvian|letton
LBN|Lebanese|libanais
LBR|Liberian|libérien
LBY|Libyan|libyen
LTU|Lithuanian|lituanien
LUX|Luxembourgish,Luxembourger|luxembourgeois
MDG|Malagasy|malgache
MWI|Malawian|malawien
MYS|Malaysian|malaisien
MDV|Maldivian|maldivien
MLI|Malian|malien
MLT|Maltese|maltais
MRT|Mauritanian|mauritanien
MUS|Mauritian|mauricien
MEX|Mexican|mexicain
MDA|Moldovan|moldave
MNG|Mongolian|mongol
MNE|Montenegrin|monténégrin
MAR|Moroccan|marocain
MOZ|Mozambican|mozambicain
MMR|Myanmar,Burmese|birman
NAM|Namibian|namibien
NPL|Nepalese,Nepali|népalais
NLD|Dutch|néerlandais
NZL|New Zealand|néo-zélandais
NIC|Nicaraguan|nicaraguayen
NER|Nigerien|nigérien
NGA|Nigerian|nigérian
MKD|Macedonian|macédonien
NOR|Norwegian|norvégien
OMN|Omani|omanais
PAK|Pakistani|pakistanais
PSE|Palestinian|palestinien
PAN|Panamanian|panaméen
PNG|Papua New Guinean|papouan
PRY|Paraguayan|paraguayen
PER|Peruvian|péruvien
PHL|Philippine,Filipino|philippin
POL|Polish|polonais
PRT|Portuguese|portugais
QAT|Qatari|qatarien
QAT|Qatari|qatari
ROU|Romanian|roumain
RUS|Russian|russe
RWA|Rwandan|rwandais
SAU|Saudi|saoudien
SEN|Senegalese|sénégalais
SRB|Serbian|serbe
SYC|Seychellois|seychellois
SLE|Sierra Leonean|sierra-léonais
SGP|Singaporean|singapourien
SVK|Slovak|slovaque
SVN|Slovenian,Slovene|slovène
SOM|Somali|somalien
ZAF|South African|sud-africain
SSD|South Sudanese|sud-soudanais
ESP|Spanish|espagnol
LKA|Sri Lankan|sri-lankais
SDN|Sudanese|soudanais
SWE|Swedish|suédois
CHE|Swiss|suisse
SYR|Syrian|syrien
TWN|Taiwanese|taïwanais
TJK|Tajik|tadjik
TZA|Tanzanian|tanzanien
THA|Thai|thaïlandais
TLS|Timorese|timorais
TGO|Togolese|togolais
TUN|Tunisian|tunisien
TUR|Turkish|turc
TKM|Turkmen|turkmène
UGA|Ugandan|ougandais
UKR|Ukrainian|ukrainien
ARE|Emirati|émirien
GBR|British|britannique
GBR|Scottish|écossais
GBR|Welsh|gallois
USA|American|américain
URY|Uruguayan|uruguayen
UZB|Uzbek|ouzbek
VEN|Venezuelan|vénézuélien
VNM|Vietnamese|vietnamien
YEM|Yemeni|yéménite
ZMB|Zambian|zambien
ZWE|Zimbabwean|zimbabwéen
"""

# French compound prefixes used in "commission mixte ivoiro-sénégalaise", "franco-vietnamien"...
FRENCH_PREFIXES: dict[str, str] = {
    "ivoiro": "CIV",
    "tuniso": "TUN",
    "algéro": "DZA",
    "franco": "FRA",
    "sino": "CHN",
    "nippo": "JPN",
    "germano": "DEU",
    "italo": "ITA",
    "hispano": "ESP",
    "anglo": "GBR",
    "belgo": "BEL",
    "luso": "PRT",
    "russo": "RUS",
    "indo": "IND",
    "américano": "USA",
    "vietnamo": "VNM",
    "viêtnamo": "VNM",
    "lao": "LAO",
    "sénégalo": "SEN",
    "maroco": "MAR",
    "marocco": "MAR",
    "égypto": "EGY",
    "israélo": "ISR",
    "canado": "CAN",
    "brésilo": "BRA",
    "australo": "AUS",
    "helléno": "GRC",
    "gréco": "GRC",
    "austro": "AUT",
    "polono": "POL",
    "roumano": "ROU",
    "turco": "TUR",
    "irano": "IRN",
    "libano": "LBN",
    "syro": "SYR",
    "camerouno": "CMR",
    "congolo": "COG",
    "malgacho": "MDG",
    "mauritano": "MRT",
    "nigéro": "NER",
    "tchado": "TCD",
    "malo": "MLI",
    "burkinabo": "BFA",
    "guinéo": "GIN",
    "gabono": "GAB",
    "béninois": "BEN",
    "togolo": "TGO",
    "suisso": "CHE",
    "néerlando": "NLD",
    "américain": "USA",
    "coréano": "KOR",
    "sud-coréano": "KOR",
    "khméro": "KHM",
}

# Extra surface forms (any language) that Babel/pycountry lack or spell differently.
EXTRA_NAMES: dict[str, list[str]] = {
    "VNM": ["Viet Nam", "Việt Nam", "Vietnam"],
    "CZE": ["Czech Republic", "Cộng hòa Séc", "Cộng hoà Séc", "République tchèque", "Tchéquie"],
    # "Korea" / "Corée" alone: the Republic of Korea, as in every cooperation report we read
    "KOR": ["South Korea", "Republic of Korea", "Hàn Quốc", "Corée du Sud", "Korea", "Corée"],
    "PRK": ["North Korea", "Triều Tiên", "Corée du Nord"],
    "USA": ["United States", "US", "U.S.", "USA", "Hoa Kỳ", "Mỹ", "États-Unis", "Etats-Unis"],
    "GBR": ["United Kingdom", "UK", "Britain", "Great Britain", "Royaume-Uni", "Vương quốc Anh"],
    "LAO": ["Laos", "Lào", "Lao PDR", "ລາວ"],
    "RUS": ["Russia", "Liên bang Nga", "Nga", "Russie"],
    "IRN": ["Iran"],
    "SYR": ["Syria"],
    "TWN": ["Taiwan", "Đài Loan"],
    "TUR": ["Turkey", "Türkiye", "Turquie", "Thổ Nhĩ Kỳ"],
    "CIV": ["Côte d'Ivoire", "Ivory Coast", "Bờ Biển Ngà"],
    "NLD": ["Netherlands", "Holland", "Pays-Bas", "Hà Lan"],
    "MMR": ["Myanmar", "Burma"],
    "BOL": ["Bolivia"],
    "VEN": ["Venezuela"],
    "TZA": ["Tanzania"],
    "MDA": ["Moldova"],
    "COD": [
        "DR Congo", "DRC", "RDC", "République démocratique du Congo", "Democratic Republic of the Congo",
        "Democratic Republic of Congo", "Cộng hòa Dân chủ Congo",
    ],
    "ARE": ["UAE", "United Arab Emirates", "Émirats arabes unis", "Emirats arabes unis"],
    "DEU": ["Germany", "Allemagne", "Đức"],
    "MUS": ["Mauritius", "Maurice", "Mô-ri-xơ"],
    "CHE": ["Switzerland", "Suisse", "Thụy Sĩ"],
    "BRN": ["Brunei"],
    "PSE": ["Palestine"],
}

# Names that are also common words or given names: counted only with a country cue before them.
AMBIGUOUS: frozenset[str] = frozenset(
    {
        "Anh",
        "Đức",
        "Maurice",
        "Chad",
        "Jordan",
        "Georgia",
        "Turkey",
        "Guinea",
        "US",
        "Niger",
        "Mali",
        "Nga",
        "Lao",
        "Pháp",
        "Réunion",
    }
)
#: what may not follow an ambiguous name: "la 30e Réunion du Comité" is a meeting, not La Réunion
#: a country's name that begins the name of a place elsewhere: followed by the rest of that name, it is the place
#: (a Vietnamese province, "Lào Cai" / "Lao Cai", is not Laos). Matched case-sensitively after the country word.
PLACES_NAMED_AFTER: dict[str, str] = {"Lào": r"[\s-]+Cai\b", "Lao": r"[\s-]+Cai\b"}
AMBIGUOUS_NOT_BEFORE: dict[str, str] = {"Réunion": r"\s+(?:du|de|des|d'|annuelle|plénière|technique|mixte)\b"}
AMBIGUOUS_OK_BEFORE: tuple[str, ...] = (
    "nước",
    "phía",
    "Vương quốc",
    "CHLB",
    "Cộng hòa",
    "của",
    "với",
    "tại",
    "the",
    "of",
    "in",
    "to",
    "and",
    "la",
    "le",
    "de",
    "du",
    "au",
    "à",
    "et",
    "l'",
    "và",
    "between",
    "from",
    "liên bang",
    "–",
    "-",
    "việt",
    "sang",
    "ở",
    "đại sứ",  # "Đại sứ Pháp", "Đại sứ quán Pháp": an envoy or embassy is of a country
    "sứ quán",
    "lãnh sự",
    "lãnh sự quán",
    # a head of state or government, a people, a delegation or a national body of a country ("Tổng thống Pháp",
    # "người Đức", "đoàn Nga", "Trung tâm Nghiên cứu Khoa học Quốc gia Pháp")
    "tổng thống",
    "thủ tướng",
    "chính phủ",
    "quốc gia",
    "bộ trưởng",
    "phái đoàn",
    "đoàn",
    "người",
    "chuyên gia",
    "nhân dân",
)

# Regions that stand for their country as a party ("FWO (Flanders)", "Québec", "Yunnan", "Kuzbass"): the
# sub-national governments and provinces that sign cooperation agreements of their own. Name forms -> ISO3.
REGIONS: str = """
BEL|Flanders,Flandre,Flandres,Vlaanderen,Wallonia,Wallonie,Wallonia-Brussels,Wallonie-Bruxelles,Brussels-Capital
CAN|Québec,Quebec,Ontario,Alberta,British Columbia,Colombie-Britannique,Nouveau-Brunswick,New Brunswick,Manitoba
CHN|Yunnan,Vân Nam,Guangxi,Quảng Tây,Guangdong,Quảng Đông,Sichuan,Tứ Xuyên,Zhejiang,Jiangsu,Shandong,Jilin,Heilongjiang
RUS|Kuzbass,Kouzbass,Kemerovo,Tatarstan,Bashkortostan,Novosibirsk,Siberia,Sibérie,Primorsky,Primorye
DEU|Bavaria,Bavière,Bayern,Baden-Württemberg,Saxony,Saxe,North Rhine-Westphalia,Rhénanie-du-Nord-Westphalie
ESP|Catalonia,Catalogne,Catalunya,Andalusia,Andalousie,Basque Country,Pays basque
GBR|Scotland,Écosse,Wales,Pays de Galles,Northern Ireland,Irlande du Nord,England,Angleterre
ITA|Lombardy,Lombardie,Sicily,Sicile,Tuscany,Toscane,Piedmont,Piémont
USA|California,Californie,Texas,Massachusetts,Hawaii
IND|Kerala,Karnataka,Gujarat,Maharashtra,Tamil Nadu
JPN|Hokkaido,Okinawa,Kyushu
KOR|Gyeonggi,Jeju
ZAF|Gauteng,Western Cape,Cap-Occidental,KwaZulu-Natal
VNM|Lào Cai,Lao Cai,Quảng Ninh,Quang Ninh,Hà Giang,Ha Giang,Cao Bằng,Cao Bang,Lạng Sơn,Lang Son,Lai Châu
VNM|Điện Biên,Dien Bien,Sơn La,Son La,Nghệ An,Nghe An,Hà Tĩnh,Ha Tinh,Quảng Trị,Quang Tri,Kon Tum
VNM|Gia Lai,Đắk Lắk,Dak Lak,An Giang,Kiên Giang,Kien Giang,Tây Ninh,Tay Ninh,Bình Dương,Binh Duong
VNM|Đồng Nai,Dong Nai,Bắc Ninh,Bac Ninh,Thừa Thiên Huế,Thua Thien Hue
"""

# Major cities (capitals and frequent venues): name forms -> ISO3.
CITIES: str = """
VNM|Hanoi,Ha Noi,Hà Nội,Ho Chi Minh City,Thành phố Hồ Chí Minh,TP Hồ Chí Minh
VNM|Da Nang,Đà Nẵng,Hai Phong,Hải Phòng,Can Tho,Cần Thơ,Huế,Hue,Nha Trang,Hạ Long
LAO|Vientiane,Viêng Chăn,Luang Prabang,Luông Pha Băng
KHM|Phnom Penh,Phnôm Pênh,Siem Reap
THA|Bangkok,Băng Cốc,Chiang Mai
MYS|Kuala Lumpur,Putrajaya,Penang
SGP|Singapore
IDN|Jakarta,Bandung,Surabaya,Makassar,Bali
PHL|Manila
MMR|Naypyidaw,Yangon
CHN|Beijing,Bắc Kinh,Pékin,Shanghai,Thượng Hải,Shenzhen
JPN|Tokyo,Osaka,Kyoto,Tsukuba,Nagoya,Yokohama
KOR|Seoul,Busan,Daejeon,Sejong
IND|New Delhi,Delhi,Mumbai,Bangalore,Bengaluru,Chennai,Kolkata,Hyderabad,Niu Đê-li
BGD|Dhaka
PAK|Islamabad
MNG|Ulaanbaatar,Ulan Bator,Oulan-Bator
KAZ|Astana,Almaty
UZB|Tashkent,Tachkent,Samarkand
AUS|Canberra,Sydney,Melbourne,Adelaide,Hobart,Brisbane,Perth
NZL|Wellington,Auckland
BEL|Brussels,Bruxelles,Brúc-xen,Antwerp,Anvers,Ghent,Gand,Leuven,Louvain,Liège
LUX|Luxembourg City
FRA|Paris,Lyon,Marseille,Toulouse,Grenoble,Strasbourg,Bordeaux,Montpellier,Nice
DEU|Berlin,Bonn,Munich,München,Hamburg,Frankfurt,Cologne
NLD|Amsterdam,The Hague,La Haye,Rotterdam,Eindhoven
GBR|London,Londres,Luân Đôn,Cambridge,Oxford,Edinburgh
IRL|Dublin
ITA|Rome,Roma,Milan,Milano,Turin,Naples,Florence
ESP|Madrid,Barcelona,Barcelone,Valencia
PRT|Lisbon,Lisbonne
CHE|Bern,Berne,Geneva,Genève,Zurich,Lausanne
AUT|Vienna,Vienne,Viên
CZE|Prague,Praha
SVK|Bratislava
POL|Warsaw,Varsovie,Vác-sa-va,Krakow,Cracovie
HUN|Budapest
ROU|Bucharest,Bucarest
BGR|Sofia
GRC|Athens,Athènes,Thessaloniki
SWE|Stockholm
NOR|Oslo
DNK|Copenhagen,Copenhague
FIN|Helsinki,Espoo
EST|Tallinn
RUS|Moscow,Moscou,Mát-xcơ-va,Saint Petersburg
UKR|Kyiv,Kiev
TUR|Ankara,Istanbul
ISR|Jerusalem,Tel Aviv,Haifa
EGY|Cairo,Le Caire,Alexandria
MAR|Rabat,Casablanca,Marrakech,Fès
DZA|Algiers,Alger,Oran
TUN|Tunis,Sfax,Sousse
SEN|Dakar,Thiès
CIV|Abidjan,Yamoussoukro
GIN|Conakry
MLI|Bamako
BFA|Ouagadougou
NER|Niamey
GHA|Accra
NGA|Abuja,Lagos
CMR|Yaoundé,Douala
KEN|Nairobi,Mombasa
ETH|Addis Ababa,Addis-Abeba
TZA|Dodoma,Dar es Salaam
UGA|Kampala
RWA|Kigali
MDG|Antananarivo,Tananarive
MUS|Port Louis,Port-Louis
ZAF|Pretoria,Johannesburg,Cape Town
CAN|Ottawa,Montreal,Montréal,Toronto,Quebec,Québec,Vancouver
USA|Washington,New York,Boston,San Francisco
MEX|Mexico City
BRA|Brasilia,Brasília,São Paulo,Rio de Janeiro
ARG|Buenos Aires,Córdoba
CHL|Santiago
PRY|Asunción,Asuncion
URY|Montevideo
PER|Lima
COL|Bogotá,Bogota
CUB|Havana,La Havane
SAU|Riyadh
ARE|Abu Dhabi,Dubai
QAT|Doha
IRN|Tehran,Téhéran
VNM|Hanoï,Hô Chi Minh-Ville,Hô-Chi-Minh-Ville
KOR|Séoul,Xơ-un
JPN|Tô-ky-ô
FRA|Pa-ri
DEU|Béc-lin
USA|Oa-sinh-tơn
AUS|Can-bê-ra
TGO|Lomé
BEN|Cotonou,Porto-Novo
MRT|Nouakchott
GAB|Libreville
COD|Kinshasa
COG|Brazzaville
AGO|Luanda
MOZ|Maputo
ZMB|Lusaka
ZWE|Harare
NAM|Windhoek
BWA|Gaborone
SDN|Khartoum
JOR|Amman
LBN|Beirut,Beyrouth
OMN|Muscat,Mascate
NPL|Kathmandu,Katmandou
LKA|Colombo
BLR|Minsk
AZE|Baku,Bakou
GEO|Tbilisi
ARM|Yerevan,Erevan
KGZ|Bishkek,Bichkek
TJK|Dushanbe,Douchanbé
ECU|Quito
VEN|Caracas
JAM|Kingston
LVA|Riga
LTU|Vilnius
SVN|Ljubljana
HRV|Zagreb
SRB|Belgrade
ISL|Reykjavik
"""
