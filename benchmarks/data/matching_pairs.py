"""Problem ↔ solution evaluation set for matching (issue 12), written by hand, en/fr/vi.

The session-3 file of the same name was never committed (only its figures and description survived in
benchmarks/README.md), so this set was written again in session 5, following the same design, BEFORE the
method was changed, with its split fixed up front:

* each topic has a **request that describes a problem** in the words of the one who has it ("our dye house
  keeps failing the discharge permit on colour") and an **offer that describes a solution** in the words of
  the one who sells it ("submerged membrane bioreactor followed by ozonation"), mostly in two different
  languages, so that neither a shared technology name nor a shared language gives the answer;
* for every topic two **near-miss distractors**: an offer in the request's language and a request in the
  offer's language, on a neighbouring subject of the same field;
* every request and every offer of a true pair is a query, with exactly one true partner among all the
  profiles of the other side (distractors included).

Metadata (TRL, countries) are drawn with a fixed seed and carry no signal; fields are those of the topic's
field for every profile of a topic, distractors included, and a quarter of the profiles have none.

**Split, fixed before any tuning**: topics whose position is 2 modulo 3 (every third topic) are the
**held-out** part; the others are the **development** part. Methods are chosen and fitted on the development
part only; the held-out part is scored once per method change.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from sticoop.matchmaking.engine import Profile

DEVELOPMENT = "development"
HELD_OUT = "held_out"


@dataclass(frozen=True)
class Topic:
    key: str
    fields: tuple[str, ...]
    request: tuple[str, str, str]  # language, title, summary: the problem
    offer: tuple[str, str, str]  # language, title, summary: the solution
    near_offer: tuple[str, str]  # title, summary, in the request's language: a neighbouring solution
    near_request: tuple[str, str]  # title, summary, in the offer's language: a neighbouring problem


TOPICS: tuple[Topic, ...] = (
    Topic("dye_effluent", ("environment", "water_resources"),
          ("en", "Dye house keeps failing its discharge permit",
           "Our textile dyeing mill in Nam Dinh exceeds the limits on COD and colour every month; the lagoon "
           "cannot cope and the province threatens to close the plant."),
          ("fr", "Bioréacteur à membranes immergées couplé à une ozonation",
           "Filière compacte de traitement des effluents industriels très chargés : bioréacteur à membranes "
           "suivi d'une ozonation qui casse les molécules colorées, rejets conformes aux normes."),
          ("Heat recovery from hot process water",
           "Plate heat exchangers recover the heat of hot rinsing water in factories and preheat boiler feed "
           "water, cutting fuel use by a fifth."),
          ("Recherche d'un procédé de recyclage des solvants",
           "Atelier d'impression qui consomme beaucoup de solvants et veut les régénérer sur place plutôt que "
           "de les acheter neufs.")),
    Topic("rice_blast", ("agriculture", "ai"),
          ("vi", "Bệnh đạo ôn làm mất mùa lúa",
           "Hợp tác xã ở An Giang thường phát hiện bệnh đạo ôn quá muộn, phun thuốc tràn lan mà năng suất vẫn "
           "giảm mạnh mỗi vụ."),
          ("en", "Smartphone app that recognises crop diseases from leaf photos",
           "A deep-learning model identifies fungal leaf diseases from a phone picture in the field and "
           "advises when and where to spray, before the disease spreads."),
          ("Đo phát thải khí mê-tan từ ruộng lúa",
           "Hệ thống buồng đo tự động và mô hình tính toán phát thải khí nhà kính từ ruộng lúa ngập nước phục "
           "vụ tín chỉ các-bon."),
          ("Need soil moisture sensors for orchards",
           "A fruit farm wants cheap probes to know when to irrigate its mango trees.")),
    Topic("fish_cold_chain", ("fisheries", "energy"),
          ("fr", "Nos poissons s'abîment avant d'arriver au marché",
           "Coopérative de pêcheurs artisanaux au Sénégal : faute de glace, une grande partie des prises se "
           "gâte pendant le transport vers les villes."),
          ("vi", "Kho lạnh chạy bằng năng lượng mặt trời",
           "Kho bảo quản lạnh dùng pin mặt trời và khối tích lạnh, giữ nhiệt độ dưới 4 độ không cần điện lưới, "
           "phù hợp bến cá và chợ nông thôn."),
          ("Séchoir solaire pour fruits et légumes",
           "Séchoir à convection naturelle qui transforme les surplus de mangues et de tomates en produits secs "
           "vendables toute l'année."),
          ("Cần thiết bị cho ăn tự động trong ao tôm",
           "Trại nuôi tôm muốn giảm lượng thức ăn dư thừa và công lao động cho ăn hằng ngày.")),
    Topic("landslide_warning", ("geology_minerals", "iot", "climate_change"),
          ("en", "Villages cut off by landslides every rainy season",
           "Mountain communes in our province lose roads and sometimes lives when slopes collapse after "
           "heavy rain; we get no warning at all."),
          ("vi", "Hệ thống cảnh báo sớm trượt lở đất",
           "Mạng cảm biến đo mưa, độ ẩm đất và dịch chuyển mái dốc truyền dữ liệu không dây, tự động phát cảnh "
           "báo qua loa và tin nhắn khi vượt ngưỡng."),
          ("Flood mapping from satellite radar",
           "Sentinel-1 radar images processed into flood extent maps within hours of an event, for insurers "
           "and disaster agencies."),
          ("Tìm công nghệ gia cố đê sông",
           "Huyện ven sông cần giải pháp chống sạt lở bờ sông bằng vật liệu rẻ tiền.")),
    Topic("pig_manure", ("agriculture", "energy", "environment"),
          ("vi", "Chất thải trại lợn gây ô nhiễm và bị dân phản đối",
           "Trang trại 2.000 con lợn thải phân ra kênh, mùi hôi nặng, hàng xóm khiếu nại và chính quyền yêu cầu "
           "khắc phục."),
          ("fr", "Méthaniseur compact pour effluents d'élevage",
           "Digesteur anaérobie en cuve composite qui transforme le lisier en biogaz pour la cuisson et la "
           "production d'électricité, avec un digestat utilisable comme engrais."),
          ("Chế phẩm vi sinh ủ phân hữu cơ từ rơm rạ",
           "Chế phẩm vi sinh giúp phân hủy nhanh rơm rạ sau thu hoạch thành phân bón hữu cơ."),
          ("Recherche de vaccins pour la volaille",
           "Élevage avicole qui veut réduire les pertes dues aux maladies respiratoires.")),
    Topic("arsenic_wells", ("water_resources", "health_medicine"),
          ("fr", "L'eau de nos puits rend les habitants malades",
           "Des analyses ont montré des taux d'arsenic dix fois supérieurs à la norme dans les puits de "
           "plusieurs villages ; les familles n'ont pas d'autre source d'eau."),
          ("en", "Iron-oxide coated sand filters for groundwater",
           "Low-cost household and community filters adsorb arsenic and iron from well water; media "
           "regenerated locally, validated over three years."),
          ("Dessalement solaire pour les îles",
           "Distillation membranaire alimentée par des capteurs solaires thermiques pour produire de l'eau "
           "douce à partir d'eau de mer."),
          ("Looking for a rainwater harvesting design for schools",
           "An NGO wants roof tanks and first-flush devices for rural schools.")),
    Topic("hospital_wait", ("health_medicine", "digital_transformation"),
          ("en", "Patients queue for hours at our provincial hospital",
           "Outpatients arrive at dawn and wait all day; staff spend their time on paper tickets and nobody "
           "knows which department is overloaded."),
          ("fr", "Plateforme de prise de rendez-vous et de gestion des flux de patients",
           "Logiciel hospitalier qui attribue des créneaux en ligne, appelle les patients par SMS et affiche "
           "la charge de chaque service en temps réel."),
          ("Telemedicine carts for remote clinics",
           "Mobile carts with camera and diagnostic devices connect village clinics to specialists."),
          ("Besoin d'un système de traçabilité des médicaments",
           "Pharmacie centrale qui veut suivre les lots de médicaments jusqu'aux dispensaires.")),
    Topic("coffee_quality", ("agriculture", "ai"),
          ("vi", "Giá cà phê thấp vì chất lượng hạt không đồng đều",
           "Doanh nghiệp ở Đắk Lắk bị thương lái ép giá vì hạt lẫn lộn, nhiều hạt lỗi, phân loại thủ công "
           "chậm và không chính xác."),
          ("en", "Optical sorting machine with machine vision",
           "A camera-based sorter rejects defective, broken and discoloured beans and grains at several tonnes "
           "an hour, trained on each customer's grading standard."),
          ("Máy sấy nông sản bằng bơm nhiệt",
           "Máy sấy bơm nhiệt giữ màu và hương cho trái cây và dược liệu, tiết kiệm điện."),
          ("Need traceability for cocoa exports",
           "An exporter needs farm-level traceability to meet the EU deforestation regulation.")),
    Topic("road_cracks", ("digital_transformation", "ai", "remote_sensing"),
          ("fr", "Notre réseau routier se dégrade sans que nous le sachions",
           "La direction des routes du département n'inspecte ses chaussées qu'une fois tous les cinq ans ; "
           "les nids-de-poule apparaissent avant qu'on les repère."),
          ("vi", "Phát hiện hư hỏng mặt đường bằng camera gắn trên xe",
           "Camera hành trình và mô hình học sâu tự động nhận diện vết nứt, ổ gà trên mặt đường, lập bản đồ mức "
           "độ hư hỏng cho cơ quan quản lý đường bộ."),
          ("Cartographie du bruit routier",
           "Capteurs acoustiques et modèle de propagation pour établir les cartes de bruit des agglomérations."),
          ("Cần giải pháp quản lý bãi đỗ xe thông minh",
           "Thành phố muốn hướng dẫn tài xế đến chỗ đỗ xe còn trống.")),
    Topic("mangrove_loss", ("environment", "marine", "remote_sensing"),
          ("en", "Our coastline is eroding and the mangroves are disappearing",
           "The provincial environment department has no up-to-date picture of where mangrove forest is lost "
           "to shrimp ponds and erosion."),
          ("en", "Mangrove change monitoring from satellite imagery",
           "Annual maps of mangrove extent and loss from Sentinel-2 and Landsat time series, with alerts for "
           "new clearing, delivered as a web service."),
          ("Artificial reefs from recycled concrete",
           "Modules placed offshore to restore fish habitat and dampen waves."),
          ("Need a way to count seabirds on islands",
           "A marine park wants an automatic census of nesting seabirds.")),
    Topic("cassava_waste", ("biotechnology", "agriculture", "environment"),
          ("vi", "Bã sắn thải ra gây ô nhiễm nặng",
           "Nhà máy tinh bột sắn thải hàng trăm tấn bã ướt mỗi ngày, bốc mùi chua và chưa có cách xử lý có lợi."),
          ("fr", "Valorisation des résidus amylacés par fermentation",
           "Procédé de fermentation solide qui transforme les pulpes et épluchures riches en amidon en aliment "
           "protéiné pour le bétail."),
          ("Giống sắn kháng bệnh khảm lá",
           "Giống sắn mới kháng bệnh khảm lá, năng suất cao, phù hợp vùng Tây Nguyên."),
          ("Recherche d'emballages compostables",
           "Une épicerie veut remplacer ses sachets plastiques par des emballages compostables.")),
    Topic("power_outages", ("energy", "digital_transformation"),
          ("fr", "Coupures de courant fréquentes sur notre réseau rural",
           "Le distributeur d'électricité ne sait pas localiser les défauts sur ses lignes moyenne tension ; "
           "chaque panne prend une journée à réparer."),
          ("en", "Fault location sensors for distribution grids",
           "Clip-on line sensors detect and locate faults on medium-voltage feeders and report over cellular "
           "links, so crews go straight to the faulty section."),
          ("Compteurs prépayés pour l'électricité",
           "Compteurs à jetons qui permettent aux ménages de payer l'électricité à l'avance."),
          ("Need battery storage for a mini-grid",
           "An island mini-grid wants to store solar power for the evening peak.")),
    Topic("school_dropout", ("digital_transformation", "ai"),
          ("en", "Too many pupils leave school in the first years of secondary",
           "Our district education office notices dropouts only when pupils have already left; teachers have "
           "no early signal."),
          ("vi", "Hệ thống cảnh báo sớm học sinh có nguy cơ bỏ học",
           "Phần mềm phân tích điểm danh, điểm số và hoàn cảnh gia đình để xác định sớm học sinh có nguy cơ bỏ "
           "học và gợi ý biện pháp hỗ trợ cho giáo viên."),
          ("Online platform for teacher training",
           "Courses and coaching for teachers in remote schools over low bandwidth."),
          ("Cần giải pháp số hóa thư viện trường học",
           "Trường muốn quản lý sách và cho mượn bằng mã vạch.")),
    Topic("shrimp_disease", ("fisheries", "biotechnology"),
          ("vi", "Tôm nuôi chết hàng loạt không rõ nguyên nhân",
           "Vùng nuôi tôm ở Sóc Trăng mất trắng nhiều ao mỗi vụ, không biết tôm nhiễm bệnh gì cho đến khi quá "
           "muộn."),
          ("en", "Rapid pond-side PCR test for shrimp pathogens",
           "A portable isothermal amplification kit detects white spot virus and EHP in shrimp samples in 40 "
           "minutes at the pond, without a laboratory."),
          ("Thức ăn thủy sản từ ấu trùng ruồi lính đen",
           "Bột protein từ ấu trùng ruồi lính đen thay thế bột cá trong thức ăn thủy sản."),
          ("Looking for seaweed farming know-how",
           "A coastal cooperative wants to start growing seaweed for food.")),
    Topic("urban_heat", ("climate_change", "new_materials"),
          ("fr", "Nos écoles deviennent des fournaises l'été",
           "Dans les salles de classe sous toiture en tôle, la température dépasse 38 °C en mai ; les élèves "
           "ne peuvent plus travailler l'après-midi."),
          ("en", "Cool roof coating with high solar reflectance",
           "A reflective white coating for metal and concrete roofs that lowers roof surface temperature by "
           "up to 25 °C and indoor temperature by several degrees."),
          ("Végétalisation des cours d'école",
           "Aménagement de cours plantées et perméables pour réduire les îlots de chaleur."),
          ("Need low-cost air quality sensors for cities",
           "A city wants a dense network of PM2.5 monitors.")),
    Topic("legal_translation", ("ai", "digital_transformation"),
          ("en", "Our staff spend weeks translating regulations",
           "The ministry's international cooperation department must translate long legal texts between "
           "Vietnamese, French and English by hand for every joint committee."),
          ("fr", "Traduction automatique spécialisée pour textes juridiques",
           "Moteur de traduction neuronale adapté au vocabulaire administratif et juridique, avec mémoire de "
           "traduction et glossaires validés, déployé sur les serveurs du client."),
          ("Speech-to-text for meeting minutes",
           "Automatic transcription of meetings with speaker labels."),
          ("Besoin d'un outil de signature électronique",
           "Administration qui veut signer ses conventions à distance.")),
    Topic("bridge_corrosion", ("new_materials", "iot"),
          ("vi", "Cầu ven biển bị ăn mòn nhanh",
           "Nhiều cây cầu bê tông cốt thép ở vùng ven biển xuống cấp chỉ sau mười năm do hơi muối, chi phí sửa "
           "chữa rất lớn."),
          ("fr", "Protection cathodique et suivi de la corrosion des ouvrages",
           "Anodes sacrificielles et capteurs noyés dans le béton qui mesurent en continu la corrosion des "
           "armatures des ponts et quais en milieu marin."),
          ("Vật liệu nhẹ cách nhiệt cho nhà ở",
           "Tấm bê tông khí chưng áp nhẹ, cách nhiệt tốt cho nhà ở."),
          ("Recherche de drones pour inspecter les lignes électriques",
           "Gestionnaire de réseau qui veut inspecter ses lignes sans hélicoptère.")),
    Topic("forest_fire", ("forestry", "remote_sensing", "iot"),
          ("fr", "Les incendies détruisent nos forêts de pins chaque saison sèche",
           "Le service forestier repère les feux trop tard, quand ils sont déjà hors de contrôle."),
          ("fr", "Détection précoce des feux de forêt par caméras et satellites",
           "Caméras sur pylônes avec détection automatique de fumée et alertes satellitaires des points chauds "
           "envoyées aux pompiers en quelques minutes."),
          ("Inventaire forestier par lidar aérien",
           "Mesure de la hauteur et du volume des peuplements par lidar embarqué sur drone."),
          ("Recherche de plants résistants à la sécheresse",
           "Pépinière qui veut des essences adaptées aux sécheresses.")),
    Topic("salinity_rice", ("agriculture", "water_resources", "climate_change"),
          ("en", "Salt water ruins our rice harvest in the dry season",
           "In the Mekong delta seawater moves further up the canals each year and farmers lose the winter "
           "crop without knowing when to close the sluices."),
          ("vi", "Quan trắc độ mặn tự động trên kênh rạch",
           "Trạm đo độ mặn tự động gửi số liệu theo thời gian thực lên điện thoại, giúp nông dân và cán bộ thủy "
           "lợi biết khi nào đóng cống, khi nào lấy nước."),
          ("Drip irrigation kits for vegetables",
           "Gravity drip kits for smallholder vegetable plots."),
          ("Cần giống lúa chịu hạn",
           "Hợp tác xã cần giống lúa chịu hạn cho vùng cao.")),
    Topic("medical_waste", ("health_medicine", "environment"),
          ("vi", "Rác thải y tế ở trạm xá không được xử lý",
           "Các trạm y tế xã đốt bơm kim tiêm và bông băng ngoài trời hoặc chôn lấp, gây nguy hiểm cho người dân."),
          ("en", "Autoclave and shredder unit for infectious waste",
           "A compact unit sterilises syringes, dressings and other infectious waste with steam and shreds it "
           "so it can go to ordinary landfill, no incineration needed."),
          ("Tủ lạnh bảo quản vắc-xin dùng năng lượng mặt trời",
           "Tủ lạnh vắc-xin chạy bằng pin mặt trời cho vùng không có điện."),
          ("Looking for hospital water purification",
           "A hospital needs ultrapure water for dialysis.")),
    Topic("tourism_overcrowding", ("digital_transformation",),
          ("fr", "Notre site historique est saturé de visiteurs",
           "Les jours fériés, des milliers de touristes se pressent aux mêmes heures, les monuments s'abîment "
           "et les habitants se plaignent."),
          ("fr", "Billetterie à créneaux et comptage des visiteurs en temps réel",
           "Système de réservation par créneaux horaires couplé à des capteurs de fréquentation pour étaler "
           "les visites et limiter la jauge des sites sensibles."),
          ("Audioguides multilingues sur smartphone",
           "Application de visite guidée en plusieurs langues pour musées."),
          ("Recherche d'un système de paiement sans contact pour les bus",
           "Régie de transport qui veut supprimer les tickets papier.")),
    Topic("tea_pesticides", ("agriculture", "biotechnology"),
          ("en", "Our tea shipments are rejected for pesticide residues",
           "European buyers sent back two containers of green tea because residue levels were above their "
           "limits; growers spray chemicals against mites and leafhoppers."),
          ("vi", "Chế phẩm sinh học phòng trừ sâu hại chè",
           "Chế phẩm từ nấm Beauveria và Metarhizium diệt rầy xanh, nhện đỏ trên chè, không để lại dư lượng, "
           "đã được khảo nghiệm tại Thái Nguyên."),
          ("Residue testing laboratory services",
           "Accredited laboratory analysing pesticide residues in food for export."),
          ("Tìm máy hái chè",
           "Hợp tác xã cần máy hái chè nhỏ gọn cho đồi dốc.")),
    Topic("wind_blade_repair", ("energy", "new_materials"),
          ("vi", "Cánh tua-bin gió bị mòn mép sau vài năm",
           "Nhà máy điện gió ven biển nhận thấy mép trước cánh quạt bị mài mòn do mưa và cát, sản lượng điện "
           "giảm, sửa chữa phải thuê chuyên gia nước ngoài."),
          ("en", "Leading-edge protection and robotic blade repair",
           "Elastomer erosion shields and a rope-access robot that grinds and recoats damaged wind turbine "
           "blades on site, restoring their aerodynamic performance."),
          ("Dự báo công suất điện mặt trời",
           "Mô hình dự báo sản lượng điện mặt trời theo giờ từ ảnh mây."),
          ("Need offshore wind foundation design",
           "A developer needs geotechnical design for monopiles.")),
    Topic("citizen_complaints", ("digital_transformation", "ai"),
          ("fr", "Les plaintes des citoyens se perdent dans nos services",
           "La mairie reçoit des réclamations par courrier, téléphone et réseaux sociaux ; personne ne sait qui "
           "doit répondre ni combien de temps cela prend."),
          ("en", "Case management platform that routes public service requests",
           "Citizens report issues through app, phone or web; a classifier routes each case to the right "
           "department and dashboards track response times."),
          ("Portail de données ouvertes",
           "Publication des jeux de données publics dans un catalogue en ligne."),
          ("Need an e-voting system for associations",
           "A federation of associations wants to hold elections online.")),
    Topic("rice_straw_burning", ("agriculture", "environment", "climate_change"),
          ("en", "Smoke from burning rice straw chokes the town",
           "After each harvest farmers burn the straw in the fields; the air becomes unbreathable and the "
           "hospital sees more asthma cases."),
          ("vi", "Trồng nấm rơm và làm phân từ rơm rạ",
           "Quy trình thu gom rơm rạ sau thu hoạch để trồng nấm và ủ phân vi sinh, tạo thu nhập cho nông dân "
           "thay vì đốt bỏ."),
          ("Crop residue mapping from satellites",
           "Detection of burnt fields from satellite images for air quality agencies."),
          ("Cần máy gặt đập liên hợp cỡ nhỏ",
           "Nông dân cần máy gặt nhỏ cho ruộng bậc thang.")),
    Topic("milk_spoilage", ("agriculture", "health_medicine"),
          ("vi", "Sữa tươi của nông hộ bị hư trước khi đến nhà máy",
           "Các hộ nuôi bò sữa ở vùng cao không có bồn làm lạnh, sữa bị chua trong quá trình vận chuyển và bị "
           "nhà máy từ chối."),
          ("vi", "Bồn làm lạnh sữa dùng năng lượng mặt trời tại điểm thu mua",
           "Bồn inox làm lạnh nhanh sữa xuống 4 độ tại điểm thu gom, chạy bằng pin mặt trời và trữ lạnh bằng "
           "nước đá, không cần điện lưới."),
          ("Máy vắt sữa di động",
           "Máy vắt sữa nhỏ gọn cho trang trại dưới mười con bò."),
          ("Cần vắc-xin lở mồm long móng",
           "Trang trại cần nguồn vắc-xin phòng bệnh lở mồm long móng cho bò.")),
    Topic("port_congestion", ("digital_transformation", "automation"),
          ("en", "Trucks wait a whole day to enter the container port",
           "Hundreds of lorries queue on the access road; the terminal cannot tell hauliers when to come and "
           "the city is gridlocked."),
          ("fr", "Système de rendez-vous camions et portail automatisé",
           "Les transporteurs réservent un créneau d'arrivée ; la lecture automatique des plaques et des "
           "conteneurs ouvre le portail sans arrêt au guichet."),
          ("Container crane automation",
           "Remote-controlled ship-to-shore cranes for terminals."),
          ("Recherche de péniches électriques",
           "Armateur fluvial qui veut électrifier sa flotte.")),
    Topic("honey_fraud", ("agriculture", "biotechnology"),
          ("fr", "Notre miel est concurrencé par du miel frelaté",
           "Les apiculteurs de la région perdent leurs clients car du miel coupé au sirop se vend moins cher "
           "sous la même appellation."),
          ("en", "Isotope and NMR testing to prove honey authenticity",
           "Laboratory fingerprinting detects added sugar syrups and checks botanical and geographic origin, "
           "with certificates buyers accept."),
          ("Ruches connectées",
           "Balances et capteurs de température dans les ruches pour suivre les colonies."),
          ("Need packaging that keeps fruit fresh longer",
           "An exporter wants modified-atmosphere packaging.")),
    Topic("deaf_communication", ("ai", "health_medicine"),
          ("vi", "Người khiếm thính khó giao tiếp khi đi khám bệnh",
           "Bệnh viện không có phiên dịch ngôn ngữ ký hiệu, người khiếm thính không hiểu được bác sĩ và ngược "
           "lại."),
          ("fr", "Reconnaissance et traduction de la langue des signes par caméra",
           "Application qui reconnaît les signes filmés par la caméra d'une tablette et les traduit en texte et "
           "en voix, et inversement par un avatar."),
          ("Máy trợ thính giá rẻ",
           "Máy trợ thính sản xuất trong nước với giá thấp."),
          ("Besoin de lunettes pour malvoyants",
           "Association qui cherche des aides visuelles électroniques.")),
)

COUNTRIES = ("VNM", "FRA", "BEL", "LAO", "KHM", "DEU", "JPN", "KOR", "SEN", "CAN")


@dataclass
class EvalSet:
    profiles: list[Profile]
    topic_of: dict[str, str]
    role_of: dict[str, str]  # "request", "offer", "near_offer", "near_request"
    split_of: dict[str, str]
    relevant: dict[str, str]  # query id → its one true partner

    def queries(self, split: str | tuple[str, ...] | None = None) -> list[str]:
        """The requests and offers of true pairs (in ``split``, one split or a tuple of them, if given), in a fixed
        order."""
        splits = (split,) if isinstance(split, str) else split
        return [p.id for p in self.profiles if p.id in self.relevant
                and (splits is None or self.split_of[p.id] in splits)]


def split_of_topic(position: int) -> str:
    """Every third topic (positions 2, 5, 8 …) is held out; fixed before any tuning."""
    return HELD_OUT if position % 3 == 2 else DEVELOPMENT


def build_pairs_set(seed: int = 12) -> EvalSet:
    """All profiles of :data:`TOPICS` with their roles, split and true partners."""
    rng = random.Random(seed)
    out = EvalSet([], {}, {}, {}, {})
    for position, t in enumerate(TOPICS):
        add_topic(out, t, split_of_topic(position), rng)
    return out


def add_topic(out: EvalSet, t: Topic, split: str, rng: random.Random) -> None:
    """Add the four profiles of topic ``t`` to ``out`` in ``split``; metadata drawn from ``rng`` (no signal)."""
    req_lang, off_lang = t.request[0], t.offer[0]
    rows = (("request", "technology_request", req_lang, t.request[1:]),
            ("offer", "technology_offer", off_lang, t.offer[1:]),
            ("near_offer", "technology_offer", req_lang, t.near_offer),
            ("near_request", "technology_request", off_lang, t.near_request))
    for role, kind, lang, (title, summary) in rows:
        pid = f"{t.key}:{role}"
        out.profiles.append(Profile(
            id=pid, kind=kind, language=lang, title=title, summary=summary,
            fields=list(t.fields) if rng.random() >= 0.25 else [],
            trl=(rng.randint(4, 9) if kind == "technology_offer" else rng.randint(3, 8))
            if rng.random() >= 0.33 else None,
            owner_country=rng.choice(COUNTRIES)))
        out.topic_of[pid] = t.key
        out.role_of[pid] = role
        out.split_of[pid] = split
    out.relevant[f"{t.key}:request"] = f"{t.key}:offer"
    out.relevant[f"{t.key}:offer"] = f"{t.key}:request"
