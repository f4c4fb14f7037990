"""Generator of the matching evaluation set: technologies × phrasing templates × languages (en/fr/vi).

Each of the 40 technologies below is described by hand in English, French and Vietnamese with three
phrases: a *name* (noun phrase), a *detail* of how it works (noun phrase, used by offers only) and a
*need* it serves (verb phrase, fits after "for"/"pour"/"để"). Offers and requests are then written from
templates (several phrasing variants per kind and language) so that an offer and a request on the same
technology share the name but not the rest of their wording. Technologies are grouped by field with
deliberate near neighbours (solar desalination / solar pumping / solar drying …) so that the field
alone does not give the answer.

Relevance: a profile is relevant to another when it is complementary (offer ↔ request) and on the same
technology — whatever its language. Each technology yields 4 offers and 4 requests (one per language plus
one extra in a rotating language), i.e. 320 profiles; every query has 4 relevant profiles, of which at
least 2 are in another language than the query.

Metadata is drawn at random with a fixed seed: TRL (offers 4–9, requests 3–8) and countries carry *no*
relevance signal. Fields are tagged the way owners tag them, inconsistently: each of the technology's
fields is kept with probability 0.6 (at least one is kept), and one in four profiles gets an extra field
at random; the fields are shared with the neighbouring technologies anyway.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from sticoop.matchmaking.engine import Profile


@dataclass(frozen=True)
class Tech:
    key: str
    fields: tuple[str, ...]
    en: tuple[str, str, str]  # name, detail, need
    fr: tuple[str, str, str]
    vi: tuple[str, str, str]


TECHS: tuple[Tech, ...] = (
    # --- water and energy -------------------------------------------------------------------------------
    Tech("solar_desalination", ("water_resources", "energy"),
         ("solar seawater desalination", "membrane distillation driven by solar thermal collectors",
          "supplying drinking water to coastal villages"),
         ("dessalement solaire de l'eau de mer", "la distillation membranaire alimentée par des capteurs "
          "solaires thermiques", "approvisionner en eau potable les villages côtiers"),
         ("khử mặn nước biển bằng năng lượng mặt trời", "chưng cất màng dùng bộ thu nhiệt mặt trời",
          "cung cấp nước uống cho các làng ven biển")),
    Tech("solar_pumping", ("energy", "agriculture"),
         ("solar-powered irrigation pumps", "photovoltaic panels driving submersible pumps with a smart "
          "controller", "irrigating smallholder farms without diesel"),
         ("pompage solaire pour l'irrigation", "des panneaux photovoltaïques qui entraînent des pompes "
          "immergées avec un contrôleur intelligent", "irriguer les petites exploitations sans gazole"),
         ("máy bơm tưới tiêu chạy bằng năng lượng mặt trời", "tấm pin quang điện vận hành bơm chìm có bộ "
          "điều khiển thông minh", "tưới cho nông hộ nhỏ mà không cần dầu diesel")),
    Tech("constructed_wetland", ("water_resources", "environment"),
         ("constructed wetlands for wastewater treatment", "reed beds and gravel filters that remove "
          "organic pollution", "treating domestic sewage in small towns at low cost"),
         ("zones humides artificielles pour le traitement des eaux usées", "des filtres plantés de roseaux "
          "et de gravier qui éliminent la pollution organique",
          "traiter à faible coût les eaux usées domestiques des petites villes"),
         ("bãi lọc trồng cây xử lý nước thải", "luống sậy và lớp lọc sỏi loại bỏ ô nhiễm hữu cơ",
          "xử lý nước thải sinh hoạt cho thị trấn nhỏ với chi phí thấp")),
    Tech("arsenic_filter", ("water_resources", "health_medicine"),
         ("arsenic removal filters for groundwater", "iron-oxide coated sand adsorbing arsenic",
          "making well water safe to drink in rural households"),
         ("filtres d'élimination de l'arsenic des eaux souterraines", "du sable enrobé d'oxyde de fer qui "
          "adsorbe l'arsenic", "rendre l'eau des puits potable pour les ménages ruraux"),
         ("bộ lọc loại bỏ asen trong nước ngầm", "cát phủ oxit sắt hấp phụ asen",
          "giúp nước giếng an toàn để uống cho hộ gia đình nông thôn")),
    Tech("biogas_digester", ("energy", "agriculture", "environment"),
         ("biogas digesters for pig manure", "anaerobic digestion in composite tanks with gas storage bags",
          "turning livestock waste into cooking gas and electricity"),
         ("digesteurs de biogaz pour lisier de porc", "la digestion anaérobie dans des cuves composites avec "
          "des poches de stockage du gaz", "transformer les déjections d'élevage en gaz de cuisson et en "
          "électricité"),
         ("hầm biogas xử lý chất thải chăn nuôi lợn", "phân hủy kỵ khí trong bể composite có túi chứa khí",
          "biến chất thải chăn nuôi thành khí đốt và điện")),
    Tech("rice_husk_gasifier", ("energy", "agriculture"),
         ("rice husk gasification power plants", "downdraft gasifiers feeding gas engines",
          "generating electricity for rice mills from their own husks"),
         ("centrales de gazéification de balle de riz", "des gazogènes à tirage inversé alimentant des "
          "moteurs à gaz", "produire l'électricité des rizeries à partir de leur propre balle de riz"),
         ("nhà máy điện khí hóa trấu", "lò khí hóa hút ngược cấp khí cho động cơ gas",
          "phát điện cho nhà máy xay xát từ chính vỏ trấu của họ")),
    Tech("micro_hydro", ("energy",),
         ("micro hydropower turbines", "cross-flow turbines with electronic load controllers",
          "electrifying remote mountain villages off the grid"),
         ("microcentrales hydroélectriques", "des turbines à flux traversant avec régulateurs électroniques "
          "de charge", "électrifier les villages de montagne isolés hors réseau"),
         ("tua-bin thủy điện cực nhỏ", "tua-bin dòng chảy ngang với bộ điều khiển phụ tải điện tử",
          "cấp điện cho các bản vùng núi xa lưới điện")),
    Tech("battery_recycling", ("energy", "environment", "new_materials"),
         ("lithium-ion battery recycling", "hydrometallurgical leaching recovering cobalt, nickel and "
          "lithium", "recovering valuable metals from spent electric vehicle batteries"),
         ("recyclage des batteries lithium-ion", "la lixiviation hydrométallurgique qui récupère le cobalt, "
          "le nickel et le lithium", "récupérer les métaux précieux des batteries usagées de véhicules "
          "électriques"),
         ("tái chế pin lithium-ion", "quy trình thủy luyện thu hồi coban, niken và lithium",
          "thu hồi kim loại quý từ pin xe điện đã qua sử dụng")),
    Tech("solar_dryer", ("energy", "agriculture"),
         ("solar dryers for fruit and vegetables", "greenhouse-type dryers with forced ventilation",
          "drying mango, chili and coffee with better quality than open sun drying"),
         ("séchoirs solaires pour fruits et légumes", "des séchoirs de type serre à ventilation forcée",
          "sécher la mangue, le piment et le café avec une meilleure qualité qu'au soleil"),
         ("máy sấy năng lượng mặt trời cho rau quả", "nhà sấy kiểu nhà kính có quạt thông gió cưỡng bức",
          "sấy xoài, ớt và cà phê đạt chất lượng tốt hơn phơi nắng")),
    Tech("wind_forecasting", ("energy", "ai"),
         ("wind power forecasting", "machine learning models combining weather forecasts and turbine data",
          "predicting wind farm output a day ahead for grid operators"),
         ("prévision de la production éolienne", "des modèles d'apprentissage automatique combinant "
          "prévisions météorologiques et données des turbines",
          "prévoir la production des parcs éoliens à un jour pour les gestionnaires de réseau"),
         ("dự báo công suất điện gió", "mô hình học máy kết hợp dự báo thời tiết và dữ liệu tua-bin",
          "dự báo sản lượng trang trại gió trước một ngày cho đơn vị vận hành lưới điện")),
    # --- agriculture, fisheries, biotechnology ------------------------------------------------------------
    Tech("shrimp_pcr", ("fisheries", "biotechnology"),
         ("rapid PCR tests for shrimp white spot disease", "portable isothermal amplification kits read on "
          "the pond side", "detecting white spot virus before it wipes out shrimp ponds"),
         ("tests PCR rapides de la maladie des points blancs de la crevette", "des kits portables "
          "d'amplification isotherme lus au bord du bassin",
          "détecter le virus des points blancs avant qu'il ne décime les bassins de crevettes"),
         ("bộ xét nghiệm PCR nhanh bệnh đốm trắng trên tôm", "bộ kit khuếch đại đẳng nhiệt cầm tay đọc "
          "ngay tại ao", "phát hiện virus đốm trắng trước khi bệnh làm chết tôm hàng loạt")),
    Tech("recirculating_aquaculture", ("fisheries", "water_resources"),
         ("recirculating aquaculture systems", "biofilters, drum filters and oxygen control in closed "
          "tanks", "farming fish intensively while reusing most of the water"),
         ("systèmes d'aquaculture en recirculation", "des biofiltres, des filtres à tambour et le contrôle "
          "de l'oxygène en bassins fermés", "élever des poissons de façon intensive en réutilisant l'eau"),
         ("hệ thống nuôi trồng thủy sản tuần hoàn", "bể lọc sinh học, lọc trống và kiểm soát oxy trong bể "
          "kín", "nuôi cá thâm canh mà vẫn tái sử dụng phần lớn nước")),
    Tech("salt_tolerant_rice", ("agriculture", "climate_change", "biotechnology"),
         ("salt-tolerant rice varieties", "marker-assisted breeding of the Saltol gene",
          "keeping rice yields in deltas hit by seawater intrusion"),
         ("variétés de riz tolérantes au sel", "la sélection assistée par marqueurs du gène Saltol",
          "maintenir les rendements du riz dans les deltas touchés par l'intrusion saline"),
         ("giống lúa chịu mặn", "chọn giống nhờ chỉ thị phân tử gen Saltol",
          "giữ năng suất lúa ở vùng đồng bằng bị xâm nhập mặn")),
    Tech("biofertiliser", ("agriculture", "biotechnology"),
         ("microbial biofertilisers for coffee", "nitrogen-fixing and phosphate-solubilising bacteria on a "
          "compost carrier", "cutting chemical fertiliser use on coffee plantations"),
         ("biofertilisants microbiens pour le café", "des bactéries fixatrices d'azote et solubilisant le "
          "phosphate sur support de compost", "réduire les engrais chimiques dans les plantations de café"),
         ("phân bón vi sinh cho cây cà phê", "vi khuẩn cố định đạm và phân giải lân trên nền phân hữu cơ",
          "giảm lượng phân bón hóa học trên vườn cà phê")),
    Tech("drone_spraying", ("agriculture", "automation"),
         ("agricultural spraying drones", "multirotor drones with RTK positioning and variable-rate nozzles",
          "spraying rice fields precisely with less pesticide"),
         ("drones d'épandage agricole", "des drones multirotors à positionnement RTK et buses à débit "
          "variable", "pulvériser les rizières avec précision et moins de pesticides"),
         ("thiết bị bay không người lái phun thuốc nông nghiệp", "drone nhiều cánh định vị RTK với vòi phun "
          "thay đổi lưu lượng", "phun thuốc chính xác cho ruộng lúa với ít hóa chất hơn")),
    Tech("cassava_starch", ("agriculture", "new_materials"),
         ("modified cassava starch production", "enzymatic and cross-linking treatment of native starch",
          "supplying food, paper and textile industries with high-value starch"),
         ("production d'amidon de manioc modifié", "le traitement enzymatique et la réticulation de "
          "l'amidon natif", "fournir un amidon à haute valeur aux industries alimentaire, papetière et "
          "textile"),
         ("sản xuất tinh bột sắn biến tính", "xử lý enzyme và tạo liên kết ngang tinh bột tự nhiên",
          "cung cấp tinh bột giá trị cao cho ngành thực phẩm, giấy và dệt")),
    Tech("avian_flu_vaccine", ("biotechnology", "health_medicine", "agriculture"),
         ("avian influenza vaccines for poultry", "inactivated H5 vaccine produced in embryonated eggs",
          "protecting chicken and duck flocks from bird flu outbreaks"),
         ("vaccins contre l'influenza aviaire pour les volailles", "un vaccin H5 inactivé produit sur oeufs "
          "embryonnés", "protéger les élevages de poulets et de canards contre la grippe aviaire"),
         ("vắc-xin cúm gia cầm", "vắc-xin H5 bất hoạt sản xuất trên trứng có phôi",
          "bảo vệ đàn gà, vịt khỏi dịch cúm gia cầm")),
    Tech("banana_tissue_culture", ("agriculture", "biotechnology"),
         ("banana tissue culture plantlets", "micropropagation in sterile laboratories with acclimatisation "
          "nurseries", "supplying farmers with disease-free banana seedlings"),
         ("vitroplants de bananier", "la micropropagation en laboratoire stérile avec pépinières "
          "d'acclimatation", "fournir aux agriculteurs des plants de bananier sains"),
         ("cây chuối nuôi cấy mô", "vi nhân giống trong phòng thí nghiệm vô trùng và vườn ươm thuần hóa",
          "cung cấp cây giống chuối sạch bệnh cho nông dân")),
    Tech("seaweed_bioplastic", ("new_materials", "marine", "environment"),
         ("seaweed-based bioplastic packaging", "alginate and carrageenan films that are home-compostable",
          "replacing single-use plastic bags and food wraps"),
         ("emballages bioplastiques à base d'algues", "des films d'alginate et de carraghénane compostables "
          "à domicile", "remplacer les sacs plastiques et films alimentaires à usage unique"),
         ("bao bì nhựa sinh học từ rong biển", "màng alginate và carrageenan có thể tự phân hủy",
          "thay thế túi ni-lông và màng bọc thực phẩm dùng một lần")),
    Tech("cold_chain_monitoring", ("agriculture", "iot"),
         ("cold chain monitoring for fruit exports", "wireless temperature loggers and a cloud dashboard in "
          "reefer containers", "keeping dragon fruit and durian fresh until they reach export markets"),
         ("surveillance de la chaîne du froid pour l'export de fruits", "des enregistreurs de température "
          "sans fil et un tableau de bord en ligne dans les conteneurs frigorifiques",
          "garder le fruit du dragon et le durian frais jusqu'aux marchés d'exportation"),
         ("giám sát chuỗi lạnh cho trái cây xuất khẩu", "thiết bị ghi nhiệt độ không dây và bảng điều khiển "
          "trên nền tảng đám mây trong container lạnh",
          "giữ thanh long và sầu riêng tươi đến thị trường xuất khẩu")),
    # --- health ---------------------------------------------------------------------------------------------
    Tech("dengue_rapid_test", ("health_medicine", "biotechnology"),
         ("dengue rapid diagnostic tests", "lateral flow strips detecting the NS1 antigen",
          "diagnosing dengue fever within fifteen minutes at district clinics"),
         ("tests de diagnostic rapide de la dengue", "des bandelettes à flux latéral détectant l'antigène "
          "NS1", "diagnostiquer la dengue en quinze minutes dans les centres de santé de district"),
         ("que thử chẩn đoán nhanh sốt xuất huyết", "que thử sắc ký miễn dịch phát hiện kháng nguyên NS1",
          "chẩn đoán sốt xuất huyết trong mười lăm phút tại trạm y tế huyện")),
    Tech("telemedicine", ("health_medicine", "ict"),
         ("telemedicine platforms for rural clinics", "video consultation with connected stethoscopes and "
          "shared patient records", "letting village health workers consult hospital specialists"),
         ("plateformes de télémédecine pour les dispensaires ruraux", "la téléconsultation vidéo avec "
          "stéthoscopes connectés et dossiers patients partagés",
          "permettre aux agents de santé des villages de consulter les spécialistes de l'hôpital"),
         ("nền tảng khám chữa bệnh từ xa cho trạm y tế nông thôn", "tư vấn qua video với ống nghe kết nối "
          "và hồ sơ bệnh án dùng chung", "giúp nhân viên y tế thôn bản hội chẩn với bác sĩ chuyên khoa")),
    Tech("ai_chest_xray", ("health_medicine", "ai"),
         ("AI screening of chest X-rays for tuberculosis", "deep learning models that flag abnormal "
          "radiographs", "finding tuberculosis cases where radiologists are scarce"),
         ("dépistage de la tuberculose par IA sur radiographies thoraciques", "des modèles d'apprentissage "
          "profond qui signalent les clichés anormaux",
          "repérer les cas de tuberculose là où les radiologues manquent"),
         ("sàng lọc bệnh lao bằng trí tuệ nhân tạo trên phim X-quang ngực", "mô hình học sâu đánh dấu phim "
          "chụp bất thường", "phát hiện ca bệnh lao ở nơi thiếu bác sĩ chẩn đoán hình ảnh")),
    Tech("herbal_extraction", ("health_medicine", "biotechnology"),
         ("supercritical CO2 extraction of medicinal plants", "high-pressure carbon dioxide extraction "
          "without solvent residues", "producing standardised herbal extracts for pharmaceuticals"),
         ("extraction au CO2 supercritique des plantes médicinales", "l'extraction au dioxyde de carbone "
          "sous haute pression sans résidus de solvant",
          "produire des extraits végétaux standardisés pour l'industrie pharmaceutique"),
         ("chiết xuất dược liệu bằng CO2 siêu tới hạn", "chiết bằng khí cacbonic áp suất cao không tồn dư "
          "dung môi", "sản xuất cao dược liệu chuẩn hóa cho ngành dược")),
    # --- ICT, AI, IoT ---------------------------------------------------------------------------------------
    Tech("speech_recognition", ("ai", "ict"),
         ("Vietnamese speech recognition", "end-to-end neural acoustic models trained on regional accents",
          "transcribing call-centre conversations and voice commands"),
         ("reconnaissance vocale du vietnamien", "des modèles acoustiques neuronaux de bout en bout entraînés "
          "sur les accents régionaux", "transcrire les appels des centres de contact et les commandes "
          "vocales"),
         ("nhận dạng tiếng nói tiếng Việt", "mô hình âm học mạng nơ-ron đầu-cuối huấn luyện trên giọng các "
          "vùng miền", "chuyển lời thoại tổng đài và lệnh giọng nói thành văn bản")),
    Tech("document_ocr", ("ai", "digital_transformation"),
         ("OCR for scanned administrative documents", "text recognition with layout analysis and key field "
          "extraction", "digitising paper archives of public agencies"),
         ("OCR pour documents administratifs numérisés", "la reconnaissance de texte avec analyse de mise en "
          "page et extraction des champs clés", "numériser les archives papier des administrations"),
         ("nhận dạng ký tự quang học cho văn bản hành chính", "nhận dạng chữ kèm phân tích bố cục và trích "
          "xuất trường thông tin", "số hóa kho hồ sơ giấy của cơ quan nhà nước")),
    Tech("smart_water_meter", ("iot", "water_resources"),
         ("LoRaWAN smart water meters", "battery-powered meters sending readings over a low-power wide-area "
          "network", "detecting leaks and billing households automatically"),
         ("compteurs d'eau intelligents LoRaWAN", "des compteurs sur batterie qui transmettent les relevés "
          "par un réseau étendu basse consommation", "détecter les fuites et facturer automatiquement les "
          "ménages"),
         ("đồng hồ nước thông minh LoRaWAN", "đồng hồ dùng pin gửi chỉ số qua mạng diện rộng công suất thấp",
          "phát hiện rò rỉ và tính tiền nước tự động cho hộ dân")),
    Tech("flood_warning", ("climate_change", "iot", "water_resources"),
         ("flood early warning systems", "river level sensors and rainfall radar feeding a hydrological "
          "model", "alerting downstream communities hours before floods"),
         ("systèmes d'alerte précoce aux crues", "des capteurs de niveau des rivières et un radar de pluie "
          "alimentant un modèle hydrologique", "alerter les communautés en aval plusieurs heures avant les "
          "inondations"),
         ("hệ thống cảnh báo sớm lũ lụt", "cảm biến mực nước sông và ra-đa đo mưa cấp dữ liệu cho mô hình "
          "thủy văn", "cảnh báo cộng đồng hạ lưu nhiều giờ trước khi lũ về")),
    Tech("traffic_ai", ("ai", "automation"),
         ("AI traffic cameras", "computer vision counting cars and motorbikes at intersections",
          "optimising traffic light timing in congested cities"),
         ("caméras de circulation à intelligence artificielle", "la vision par ordinateur qui compte voitures "
          "et motos aux carrefours", "optimiser les feux de circulation dans les villes congestionnées"),
         ("camera giao thông ứng dụng trí tuệ nhân tạo", "thị giác máy tính đếm ô tô và xe máy tại nút giao",
          "tối ưu đèn tín hiệu giao thông ở đô thị ùn tắc")),
    Tech("blockchain_traceability", ("digital_transformation", "agriculture"),
         ("blockchain traceability for farm products", "QR codes linked to a shared ledger of each batch",
          "proving the origin of rice, tea and seafood to importers"),
         ("traçabilité des produits agricoles par chaîne de blocs", "des codes QR reliés à un registre "
          "partagé de chaque lot", "prouver aux importateurs l'origine du riz, du thé et des fruits de mer"),
         ("truy xuất nguồn gốc nông sản bằng chuỗi khối", "mã QR gắn với sổ cái dùng chung cho từng lô hàng",
          "chứng minh nguồn gốc gạo, chè và hải sản với nhà nhập khẩu")),
    Tech("predictive_maintenance", ("automation", "iot", "ai"),
         ("predictive maintenance of industrial machines", "vibration sensors and anomaly detection on motors "
          "and bearings", "preventing unplanned stops in factories"),
         ("maintenance prédictive des machines industrielles", "des capteurs de vibration et la détection "
          "d'anomalies sur moteurs et roulements", "éviter les arrêts imprévus dans les usines"),
         ("bảo trì dự đoán máy móc công nghiệp", "cảm biến rung và phát hiện bất thường trên động cơ, ổ bi",
          "ngăn chặn dừng máy ngoài kế hoạch trong nhà máy")),
    Tech("sme_cybersecurity", ("ict",),
         ("managed cybersecurity monitoring for SMEs", "a security operations centre watching network logs "
          "around the clock", "protecting small businesses against ransomware"),
         ("surveillance de cybersécurité gérée pour les PME", "un centre opérationnel de sécurité qui "
          "surveille les journaux réseau en continu", "protéger les petites entreprises contre les rançongiciels"),
         ("dịch vụ giám sát an ninh mạng cho doanh nghiệp nhỏ và vừa", "trung tâm điều hành an ninh theo dõi "
          "nhật ký mạng suốt ngày đêm", "bảo vệ doanh nghiệp nhỏ trước mã độc tống tiền")),
    # --- materials, earth observation, environment, transport ----------------------------------------------
    Tech("graphene_coating", ("new_materials",),
         ("graphene anti-corrosion coatings", "epoxy paints loaded with graphene nanoplatelets",
          "protecting steel bridges and ship hulls from rust"),
         ("revêtements anticorrosion au graphène", "des peintures époxy chargées de nanoplaquettes de "
          "graphène", "protéger de la rouille les ponts en acier et les coques de navires"),
         ("lớp phủ chống ăn mòn graphene", "sơn epoxy bổ sung tấm nano graphene",
          "bảo vệ cầu thép và vỏ tàu khỏi gỉ sét")),
    Tech("fly_ash_bricks", ("new_materials", "environment"),
         ("unfired bricks from fly ash", "geopolymer binding of coal power plant ash pressed into blocks",
          "building with less clay and no kiln emissions"),
         ("briques non cuites à base de cendres volantes", "le liant géopolymère de cendres de centrales à "
          "charbon pressées en blocs", "construire avec moins d'argile et sans émissions de four"),
         ("gạch không nung từ tro bay", "chất kết dính geopolymer từ tro nhà máy nhiệt điện ép thành khối",
          "xây dựng ít dùng đất sét và không phát thải lò nung")),
    Tech("bamboo_composite", ("new_materials", "forestry"),
         ("engineered bamboo composite panels", "strand-woven bamboo pressed with low-formaldehyde resin",
          "replacing tropical hardwood in flooring and furniture"),
         ("panneaux composites en bambou", "le bambou tressé en lamelles pressé avec une résine pauvre en "
          "formaldéhyde", "remplacer les bois tropicaux dans les parquets et les meubles"),
         ("tấm ván composite từ tre", "tre ép khối bằng keo ít formaldehyde",
          "thay thế gỗ rừng tự nhiên trong sàn nhà và đồ nội thất")),
    Tech("rice_mapping", ("remote_sensing", "agriculture", "space"),
         ("satellite mapping of rice fields", "Sentinel-1 radar time series classifying paddy growth stages",
          "estimating rice area and harvest before the season ends"),
         ("cartographie des rizières par satellite", "des séries temporelles radar Sentinel-1 qui classent "
          "les stades de croissance du riz", "estimer la surface et la récolte de riz avant la fin de la "
          "saison"),
         ("bản đồ lúa bằng ảnh vệ tinh", "chuỗi ảnh ra-đa Sentinel-1 phân loại giai đoạn sinh trưởng của lúa",
          "ước tính diện tích và sản lượng lúa trước khi kết thúc vụ")),
    Tech("landslide_monitoring", ("remote_sensing", "geology_minerals", "climate_change"),
         ("landslide monitoring", "GNSS stations and satellite InSAR measuring ground movement",
          "warning mountain roads and villages before slopes fail"),
         ("surveillance des glissements de terrain", "des stations GNSS et l'InSAR satellitaire mesurant "
          "les mouvements du sol", "prévenir les routes et villages de montagne avant la rupture des pentes"),
         ("giám sát sạt lở đất", "trạm GNSS và ảnh vệ tinh InSAR đo chuyển dịch mặt đất",
          "cảnh báo cho đường và bản làng vùng núi trước khi sườn dốc sạt trượt")),
    Tech("mangrove_restoration", ("environment", "marine", "climate_change"),
         ("mangrove restoration for coastal protection", "nursery-grown seedlings planted behind "
          "bamboo breakwater fences", "stopping coastal erosion and storing blue carbon"),
         ("restauration des mangroves pour la protection du littoral", "des plants élevés en pépinière et "
          "plantés derrière des brise-lames en bambou", "enrayer l'érosion côtière et stocker du carbone "
          "bleu"),
         ("phục hồi rừng ngập mặn bảo vệ bờ biển", "cây giống ươm trong vườn trồng sau hàng rào tre giảm "
          "sóng", "ngăn xói lở bờ biển và lưu giữ các-bon xanh")),
    Tech("battery_swapping", ("energy", "automation"),
         ("battery swapping stations for electric motorbikes", "automated cabinets that charge and exchange "
          "standard battery packs", "letting delivery riders change batteries in one minute"),
         ("stations d'échange de batteries pour motos électriques", "des armoires automatiques qui chargent "
          "et échangent des batteries standardisées",
          "permettre aux livreurs de changer de batterie en une minute"),
         ("trạm đổi pin cho xe máy điện", "tủ tự động sạc và đổi các khối pin tiêu chuẩn",
          "giúp tài xế giao hàng thay pin trong một phút")),
    Tech("plastic_pyrolysis", ("environment", "energy"),
         ("pyrolysis of plastic waste into fuel", "catalytic pyrolysis reactors converting mixed plastics to "
          "oil", "reducing landfilled plastic and producing diesel substitutes"),
         ("pyrolyse des déchets plastiques en carburant", "des réacteurs de pyrolyse catalytique qui "
          "convertissent les plastiques mélangés en huile",
          "réduire la mise en décharge du plastique et produire des substituts du gazole"),
         ("nhiệt phân rác thải nhựa thành nhiên liệu", "lò phản ứng nhiệt phân xúc tác chuyển nhựa hỗn hợp "
          "thành dầu", "giảm nhựa chôn lấp và sản xuất nhiên liệu thay thế dầu diesel")),
)

TEMPLATES: dict[str, dict[str, list[tuple[str, str]]]] = {
    "en": {
        "offer": [
            ("{Name}", "Our research institute has developed {name} based on {detail}. It is ready for {need}. "
                       "We offer licensing and technical assistance."),
            ("{Name}: technology available for licensing", "A start-up offers {name} using {detail}, "
             "suitable for {need}. Distributors and industrial partners are welcome."),
            ("Proven solution: {name}", "A university spin-off has demonstrated {name} with {detail} and now "
             "seeks companies interested in {need}."),
        ],
        "request": [
            ("Seeking {name}", "A company is looking for {name} for {need}. Technology transfer or a joint "
                               "venture is considered."),
            ("Wanted: {name}", "We need a partner able to supply {name} for {need}; license agreements are "
                               "welcome."),
            ("Technology request: {name}", "A provincial department wants to acquire {name} for {need} "
             "and to train local staff."),
        ],
    },
    "fr": {
        "offer": [
            ("{Name}", "Notre institut de recherche a développé une solution de {name} fondée sur {detail}, "
                       "pour {need}. Nous proposons une licence et une assistance technique."),
            ("{Name} : technologie disponible sous licence", "Une jeune entreprise propose une technologie de "
             "{name} reposant sur {detail}, pour {need}. Distributeurs et partenaires industriels bienvenus."),
            ("Offre technologique : {name}", "Une spin-off universitaire a démontré une solution de {name} "
             "grâce à {detail} et cherche des entreprises souhaitant {need}."),
        ],
        "request": [
            ("Recherche {name}", "Une entreprise recherche une solution de {name} pour {need}. Un transfert "
                                 "de technologie ou une coentreprise est envisagé."),
            ("Demande de technologie : {name}", "Nous cherchons un partenaire capable de fournir une "
             "technologie de {name} pour {need} ; un accord de licence est bienvenu."),
            ("Besoin : {name}", "Un service provincial souhaite acquérir une solution de {name} pour {need} "
                                "et former ses agents."),
        ],
    },
    "vi": {
        "offer": [
            ("{Name}", "Viện nghiên cứu của chúng tôi đã phát triển công nghệ {name} dựa trên {detail}, nhằm "
                       "{need}. Chúng tôi sẵn sàng chuyển giao và hỗ trợ kỹ thuật."),
            ("Chuyển giao công nghệ {name}", "Một công ty khởi nghiệp cung cấp giải pháp {name} sử dụng "
             "{detail} để {need}. Đang tìm nhà phân phối và đối tác công nghiệp."),
            ("Giải pháp {name} đã được kiểm chứng", "Một doanh nghiệp spin-off của trường đại học đã thử "
             "nghiệm thành công {name} với {detail} và tìm doanh nghiệp muốn {need}."),
        ],
        "request": [
            ("Cần tìm công nghệ {name}", "Doanh nghiệp đang tìm giải pháp {name} để {need}. Có thể chuyển "
                                         "giao công nghệ hoặc liên doanh."),
            ("Tìm đối tác về {name}", "Chúng tôi cần đối tác cung cấp công nghệ {name} nhằm {need}; hoan "
                                      "nghênh hợp đồng li-xăng."),
            ("Nhu cầu công nghệ: {name}", "Sở khoa học và công nghệ tỉnh muốn tiếp nhận {name} để {need} và "
                                          "đào tạo cán bộ địa phương."),
        ],
    },
}

LANGS = ("en", "fr", "vi")
COUNTRIES = ("VNM", "FRA", "BEL", "LAO", "KHM", "DEU", "JPN", "KOR", "SEN", "CAN")


def _fill(template: str, name: str, detail: str, need: str) -> str:
    return template.format(Name=name[0].upper() + name[1:], name=name, detail=detail, need=need)


ALL_FIELDS = sorted({f for t in TECHS for f in t.fields})


def _noisy_fields(rng: random.Random, fields: tuple[str, ...]) -> list[str]:
    kept = [f for f in fields if rng.random() < 0.6] or [rng.choice(fields)]
    if rng.random() < 0.25:
        kept.append(rng.choice(ALL_FIELDS))
    return kept


def build_eval_set(seed: int = 7) -> tuple[list[Profile], dict[str, str]]:
    """Return the profiles and, for each profile id, the key of its technology (the relevance label)."""
    rng = random.Random(seed)
    profiles: list[Profile] = []
    tech_of: dict[str, str] = {}
    for t_i, tech in enumerate(TECHS):
        for kind, side in (("technology_offer", "offer"), ("technology_request", "request")):
            extra = LANGS[(t_i + (0 if side == "offer" else 1)) % 3]
            for n, lang in enumerate((*LANGS, extra)):
                name, detail, need = getattr(tech, lang)
                variant = (t_i + n + (1 if side == "request" else 0)) % 3 if n < 3 else (t_i + 2) % 3
                title_t, summary_t = TEMPLATES[lang][side][variant]
                pid = f"{tech.key}:{side}:{lang}:{n}"
                trl = rng.randint(4, 9) if side == "offer" else rng.randint(3, 8)
                profiles.append(Profile(
                    id=pid, kind=kind, language=lang,
                    title=_fill(title_t, name, detail, need),
                    summary=_fill(summary_t, name, detail, need),
                    fields=_noisy_fields(rng, tech.fields), trl=trl,
                    owner_country=rng.choice(COUNTRIES),
                    partner_sought_countries=rng.sample(COUNTRIES, 3) if rng.random() < 0.3 else [],
                ))
                tech_of[pid] = tech.key
    return profiles, tech_of
