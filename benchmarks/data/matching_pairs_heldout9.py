"""Fourth held-out part of the problem ↔ solution set (issue 12, session 9), written before any method change.

Same design as :mod:`data.matching_pairs`, :mod:`data.matching_pairs_heldout6` and
:mod:`data.matching_pairs_heldout8` (a request that describes a problem in its owner's words, an offer that
describes a solution in other words, two near-miss distractors per topic in the query's language: a neighbouring
solution in the request's language and a neighbouring problem in the offer's language, same field, different
problem), 30 new topics on subjects that none of the session-5, session-6 or session-8 topics cover (rats in rice,
hospital oxygen, war-time ordnance, pepper wilt, newborn jaundice, mushroom mould, fish-pond oxygen, water
hyacinth, squid-fishing lamps, aluminium smelting in craft villages, house addresses, old manuscripts, mercury in
gold digging, drought compensation, artificial legs, mine water, market scales, blood stocks, peak-hour cooling,
lift breakdowns, seaweed on beaches, files held to ransom, cervical screening, recognition of test results,
heat in poultry houses, student distress, cattle in cold spells, sinking ground, parking, algae in reservoirs):

* **18 pairs across languages**, three in each of the six directions (request → offer): vi→en, en→vi, fr→vi,
  vi→fr, en→fr, fr→en;
* **12 pairs in one language** (4 en, 4 fr, 4 vi: 24 same-language queries);
* the distractors are full profiles of two sentences, not one-liners (162 characters on average, against 224
  for the requests and 277 for the offers), so that length says little;
* every request and offer of a pair is a query; the candidates are all the profiles of the other side of the whole
  set (the session-5, session-6 and session-8 topics included, as extra distractors).

Written and committed before any method change of session 9; its writer ran no ranking or embedding on it and
never read the matching method. It is scored once, with the final method of session 9, and is never used to
choose or fit anything.
"""

from __future__ import annotations

import random

from .matching_pairs import EvalSet, Topic, add_topic
from .matching_pairs_heldout8 import build_with_heldout8

HELD_OUT_9 = "held_out_9"

TOPICS_9: tuple[Topic, ...] = (
    # ---- across languages: vi → en ------------------------------------------------------------------------------
    Topic("rice_rats", ("agriculture",),
          ("vi", "Chuột phá lúa từ lúc gieo sạ đến lúc trổ bông",
           "Hợp tác xã ở Sóc Trăng mất mỗi vụ 15–20 % diện tích vì chuột cắn lúa non và cắn đòng. Bà con đặt bả, "
           "đổ nước vào hang, tổ chức đi đánh bắt nhưng chuột vẫn kéo từ ruộng bên cạnh sang ngay sau đó."),
          ("en", "Trap-barrier system with an early-planted lure crop",
           "A small plot sown three weeks ahead of the surrounding fields is fenced with plastic sheet and fitted "
           "with multiple-capture cages at holes in the fence; rodents drawn to the ripening plot are caught night "
           "after night, protecting some ten hectares around it. Combined with synchronised planting across the "
           "community, it cuts losses without poison."),
          ("Bẫy đèn theo dõi rầy nâu trên đồng lúa",
           "Đèn bẫy côn trùng đặt ở đầu cánh đồng, số rầy vào bẫy mỗi đêm được đếm để báo thời điểm rầy di trú. "
           "Nông dân xuống giống né rầy theo lịch của trạm bảo vệ thực vật."),
          ("Birds strip our sorghum just before harvest",
           "Flocks of weaver birds descend on our sorghum and millet heads as the grain hardens, and scaring them "
           "off by hand takes the whole family from dawn to dusk. We need a deterrent that works over several "
           "hectares.")),
    Topic("hospital_oxygen", ("health_medicine",),
          ("vi", "Bệnh viện huyện thường xuyên thiếu ô-xy cho người bệnh",
           "Mỗi tuần xe phải chạy 150 km xuống tỉnh để nạp bình; mùa dịch hay khi đường bị sạt, khoa hồi sức có lúc "
           "chỉ còn vài bình cho cả chục người bệnh thở. Chi phí thuê vỏ bình và vận chuyển ngày càng cao."),
          ("en", "On-site medical gas generation by pressure swing adsorption",
           "A compressor pushes air through zeolite beds that hold back nitrogen, delivering 93 % pure oxygen "
           "straight into the ward pipeline or into cylinders filled on the premises. A 20 m³/h plant serves "
           "about a hundred beds and pays for itself in under three years against delivered supplies."),
          ("Hệ thống gọi điều dưỡng không dây cho buồng bệnh",
           "Người bệnh bấm nút đầu giường, tín hiệu hiện trên màn hình phòng trực và trên đồng hồ đeo tay của điều "
           "dưỡng. Thời gian chờ được ghi lại để khoa rút kinh nghiệm."),
          ("Our donated ventilators sit idle for lack of parts",
           "A provincial hospital received a batch of donated ventilators, but several stopped working after a "
           "year and no local technician can repair them. We need maintenance training and a reliable supply of "
           "spare parts.")),
    Topic("unexploded_ordnance", ("remote_sensing", "geology_minerals"),
          ("vi", "Nông dân cuốc đất trúng bom mìn còn sót từ chiến tranh",
           "Ở Quảng Trị vẫn còn nhiều đồi, ruộng chưa được rà phá; năm nào cũng có người chết hoặc mất chân khi "
           "cuốc đất, đào móng nhà. Đội rà phá dò bằng máy cầm tay từng mét nên cả năm chỉ làm sạch được vài "
           "chục héc-ta."),
          ("en", "Drone-borne magnetometer survey for buried metal objects",
           "A fluxgate magnetometer array flown two metres above the ground maps magnetic anomalies over up to "
           "forty hectares a day; software ranks them by estimated depth and size so that clearance teams dig "
           "only where an item is likely. Survey maps are delivered in GIS format for land-release records."),
          ("Phát hiện hang rỗng dưới nền công trình bằng radar xuyên đất",
           "Thiết bị radar xuyên đất phát hiện hang rỗng, đường ống và móng cũ dưới nền trước khi thi công. Kết "
           "quả được thể hiện thành mặt cắt ba chiều cho kỹ sư thiết kế."),
          ("Old mine tunnels open up under village houses",
           "Abandoned tin workings beneath a hillside village collapse after heavy rain, leaving holes next to "
           "homes. The district authority needs to know where the old tunnels run before people build.")),
    # ---- across languages: en → vi ------------------------------------------------------------------------------
    Topic("pepper_wilt", ("agriculture", "biotechnology"),
          ("en", "Our black pepper vines wilt and die within weeks",
           "Smallholders in our cooperative in Mondulkiri have lost a third of their pepper poles in three years; "
           "leaves turn yellow, the roots rot after the rains and the disease moves from one pole to the next. "
           "Replanting in the same soil fails too."),
          ("vi", "Chế phẩm nấm đối kháng Trichoderma kết hợp trụ sống và thoát nước",
           "Nấm đối kháng nhân sinh khối trên cám gạo được bón quanh gốc đầu và cuối mùa mưa, lấn át nấm gây thối "
           "rễ trong đất; kết hợp vun gốc cao, đào rãnh thoát nước và trồng trụ sống thay trụ bê tông. Mô hình ở "
           "Gia Lai giảm tỉ lệ cây chết từ 30 % xuống dưới 5 %."),
          ("Pepper threshing and steam treatment for export",
           "A motor thresher strips berries from the spikes, and a short steam treatment kills surface bacteria "
           "before drying. Exporters meet the microbiological limits of importing countries."),
          ("Vườn cà phê già cỗi cho năng suất thấp",
           "Nhiều vườn cà phê ở Đắk Nông đã hơn 25 năm tuổi, năng suất chỉ còn một nửa. Nông dân cần kỹ thuật tái "
           "canh hoặc ghép cải tạo mà không mất thu nhập nhiều năm liền.")),
    Topic("newborn_jaundice", ("health_medicine",),
          ("en", "Newborns sent home from our maternity ward come back yellow",
           "Mothers at our district hospital leave two days after delivery; a week later some babies return drowsy "
           "and deeply yellow, and two needed an exchange transfusion last year. We cannot measure the level "
           "without sending a blood sample to the provincial laboratory."),
          ("vi", "Đèn chiếu LED ánh sáng xanh và máy đo bilirubin qua da",
           "Máy đặt lên trán trẻ đo mức bilirubin trong vài giây, không cần lấy máu, để sàng lọc trước khi ra viện "
           "và khi tái khám; đèn LED bước sóng 460 nm chiếu hai mặt, bền và tốn ít điện, dùng được ở khoa sản "
           "tuyến huyện. Sản xuất trong nước với giá bằng một phần ba hàng nhập."),
          ("Low-cost infant warmer for delivery rooms",
           "A phase-change mattress keeps a newborn at 37 °C for several hours without mains power. It is "
           "recharged in hot water and suits health posts with unreliable electricity."),
          ("Trẻ sinh non ở tuyến huyện suy hô hấp phải chuyển tuyến",
           "Bệnh viện huyện không có máy thở áp lực dương cho trẻ sơ sinh, trẻ non tháng khó thở phải chuyển lên "
           "tỉnh hơn 100 km. Chúng tôi cần thiết bị hỗ trợ thở đơn giản, dễ sử dụng.")),
    Topic("mushroom_mould", ("agriculture", "biotechnology"),
          ("en", "Green mould spoils half of our mushroom bags",
           "Our women's group grows oyster mushrooms on sawdust in a bamboo shed; since last year green patches "
           "appear in the bags before the white threads have spread, and we throw away up to half of every batch. "
           "We boil the bags in oil drums over a wood fire."),
          ("vi", "Hấp khử trùng giá thể bằng nồi hơi và buồng cấy giống sạch",
           "Bịch mùn cưa được hấp hơi nước ở 100 độ C trong 12 giờ bằng nồi hơi đốt củi có kiểm soát nhiệt, để "
           "nguội rồi cấy giống trong buồng có lọc không khí. Kèm giống cấp hai do phòng thí nghiệm sản xuất, tỉ "
           "lệ bịch nhiễm giảm còn dưới 5 %."),
          ("Climate controller for mushroom fruiting rooms",
           "Humidity and carbon-dioxide sensors switch misting nozzles and fans so that fruiting rooms stay in the "
           "range each species needs. Growers follow the readings on their phone."),
          ("Nấm linh chi trồng ra mỏng, nhạt màu, bị ép giá",
           "Cơ sở trồng nấm linh chi ở Hưng Yên thu quả thể mỏng, màu nhạt, thương lái chê và trả giá thấp. Chúng "
           "tôi cần kỹ thuật nâng chất lượng và hàm lượng hoạt chất.")),
    # ---- across languages: fr → vi ------------------------------------------------------------------------------
    Topic("pond_oxygen", ("fisheries", "iot"),
          ("fr", "Nos poissons meurent au petit matin dans les étangs",
           "Plusieurs fois par saison, les pisciculteurs de notre groupement trouvent à l'aube des centaines de "
           "tilapias flottant le ventre en l'air, surtout après une journée chaude et sans vent. Personne ne peut "
           "rester éveillé toute la nuit pour surveiller les bassins."),
          ("vi", "Cảm biến ô-xy hòa tan tự động bật quạt nước ao nuôi",
           "Đầu đo quang học đặt trong ao đọc hàm lượng ô-xy hòa tan mỗi phút; khi xuống dưới ngưỡng, bộ điều khiển "
           "tự bật máy quạt nước hoặc sục khí đáy và gọi điện cho chủ ao. Chạy bằng pin mặt trời, quản lý nhiều ao "
           "trên một ứng dụng."),
          ("Aliment flottant extrudé pour poissons d'élevage",
           "Granulés fabriqués localement à partir de son de riz et de tourteaux, qui flottent et laissent voir la "
           "quantité consommée. Le gaspillage d'aliment et la pollution des bassins diminuent."),
          ("Cá rô phi nuôi chậm lớn, to nhỏ không đều",
           "Trại nuôi cá rô phi ở Hải Dương có đàn cá lớn không đều vì cá cái đẻ liên tục trong ao. Chúng tôi cần "
           "nguồn cá giống toàn đực chất lượng ổn định.")),
    Topic("water_hyacinth", ("environment", "water_resources"),
          ("fr", "La jacinthe d'eau bouche nos canaux et nos prises d'eau",
           "Chaque saison sèche, un tapis végétal couvre le fleuve près du village : les pirogues ne passent plus, "
           "les pompes d'irrigation s'étouffent et les moustiques prolifèrent. Les arrachages à la main par les "
           "jeunes ne repoussent le problème que de quelques semaines."),
          ("vi", "Vớt lục bình bằng tàu cơ giới và chế biến thành hàng đan lát, phân bón",
           "Tàu vớt có băng tải gom cây trên mặt nước rồi đưa lên bờ; thân được phơi khô bán cho làng nghề đan giỏ, "
           "phần còn lại ủ với men vi sinh thành phân hữu cơ. Người dân có thêm thu nhập nên tự duy trì việc vớt."),
          ("Curage mécanique des canaux d'irrigation",
           "Pelle amphibie qui retire la vase des canaux sans les vider ni abîmer les berges. La capacité "
           "d'écoulement est rétablie en une saison."),
          ("Kênh nội đồng ô nhiễm, nước đen bốc mùi",
           "Nước thải sinh hoạt của các khu dân cư đổ thẳng xuống kênh tưới, nước đen và bốc mùi suốt mùa khô. "
           "Xã cần giải pháp xử lý tại chỗ với chi phí thấp.")),
    Topic("squid_lamps", ("fisheries", "energy"),
          ("fr", "Le gazole du groupe électrogène mange nos recettes de pêche de nuit",
           "Nos bateaux de pêche au calmar allument chaque nuit des dizaines de lampes à halogénures pour attirer "
           "les bancs ; le générateur brûle jusqu'à 200 litres par sortie, et les équipages souffrent des yeux et "
           "de la chaleur sur le pont."),
          ("vi", "Bộ đèn LED tiết kiệm dầu cho tàu câu mực",
           "Đèn LED công suất lớn với dải màu và góc chiếu thiết kế riêng để dụ mực vào vùng sáng, tiêu thụ điện "
           "bằng một phần tư đèn cũ và ít tỏa nhiệt. Ngư dân Quảng Ngãi đã lắp thử trên 40 tàu: sản lượng giữ "
           "nguyên, chi phí nhiên liệu giảm gần một nửa."),
          ("Moteur hors-bord électrique pour pirogues",
           "Moteur électrique de 10 kW alimenté par des batteries rechargées à quai, pour les sorties côtières "
           "de la journée. Silencieux et sans vidange."),
          ("Mực khô bị mốc, thâm màu khi bảo quản",
           "Cơ sở chế biến mực khô ở Phú Yên thấy sản phẩm bị mốc và thâm màu sau hai tháng trong kho. Chúng tôi "
           "cần cách sấy và đóng gói để giữ được lâu hơn.")),
    # ---- across languages: vi → fr ------------------------------------------------------------------------------
    Topic("aluminium_smelting", ("environment", "new_materials"),
          ("vi", "Khói đen từ lò nấu nhôm phế liệu phủ kín làng nghề",
           "Hàng trăm hộ trong làng cô đúc nhôm từ lon, vỏ máy cũ bằng lò đốt than thủ công; khói đen và bụi xỉ "
           "bay vào nhà, trẻ em ho quanh năm. Xỉ nhôm đổ ra ven đường, gặp mưa là bốc mùi khai."),
          ("fr", "Refusion par induction et valorisation des crasses d'aluminium",
           "Un four à induction mutualisé refond les déchets triés sans flamme ; les fumées passent par un filtre "
           "à manches, et les crasses sont traitées en atelier pour en récupérer le métal et produire une alumine "
           "réutilisable par les cimenteries. Le rendement en métal dépasse de 8 points celui des fours au "
           "charbon."),
          ("Dây chuyền đúc áp lực cho chi tiết nhôm",
           "Máy đúc áp lực cao cho ra chi tiết nhôm mỏng, chính xác cho xe máy và đồ gia dụng, ít phải gia công "
           "lại. Khuôn được thiết kế bằng mô phỏng dòng chảy kim loại."),
          ("Nos forgerons veulent des outils d'une dureté régulière",
           "Les forgerons d'un quartier artisanal fabriquent houes et couteaux à partir de ressorts de récupération "
           "dont la dureté varie. Ils cherchent une méthode de trempe simple pour obtenir des outils réguliers.")),
    Topic("house_addresses", ("digital_transformation",),
          ("vi", "Xe cấp cứu và người giao hàng không tìm được nhà",
           "Ở các khu dân cư mới và xóm ven đô, nhà không có số, ngõ không có tên; người giao hàng gọi hỏi đường "
           "cả chục lần, xe cứu thương có lần lạc mất hai mươi phút. Giấy tờ của dân chỉ ghi tên thôn."),
          ("fr", "Adressage numérique par grille et plaques normalisées",
           "Le territoire est découpé en carrés de trois mètres dotés d'un code court que chaque habitant retrouve "
           "sur son téléphone, même hors connexion ; les communes posent ensuite des plaques de rue et de numéro "
           "issues du même référentiel, partagé avec les services d'urgence et la poste."),
          ("Tra cứu quy hoạch thửa đất trên điện thoại",
           "Người dân chạm lên bản đồ trên điện thoại để xem thông tin quy hoạch của từng thửa đất. Dữ liệu được "
           "cập nhật từ sở tài nguyên và môi trường."),
          ("Aucun suivi des tournées de nos camions-bennes",
           "La régie de la propreté ne sait pas quelles rues ont été collectées, et des quartiers entiers restent "
           "sans ramassage pendant une semaine. Elle veut voir les tournées en temps réel.")),
    Topic("old_manuscripts", ("ai", "digital_transformation"),
          ("vi", "Sắc phong, gia phả chữ Hán Nôm mục nát mà không còn ai đọc được",
           "Đình làng và các dòng họ trong tỉnh còn giữ hàng nghìn tờ sắc phong, văn bia, gia phả viết tay; giấy "
           "bị mối mọt, ẩm mốc và người đọc được chữ cổ chỉ còn vài cụ cao tuổi. Bảo tàng tỉnh muốn lưu giữ và cho "
           "con cháu tra cứu."),
          ("fr", "Numérisation et reconnaissance automatique d'écritures idéographiques anciennes",
           "Des postes de prise de vue à éclairage rasant photographient les documents fragiles sans les aplatir ; "
           "un réseau de neurones entraîné sur les caractères sino-vietnamiens transcrit les pages, puis une "
           "plateforme en ligne propose translittération et traduction, corrigées par des bénévoles."),
          ("Phục chế ảnh cũ bằng trí tuệ nhân tạo",
           "Phần mềm tự động xóa vết xước, nếp gấp và tô màu ảnh đen trắng của gia đình. Người dùng tải ảnh lên "
           "và nhận bản phục chế sau vài phút."),
          ("Nos enregistrements de contes se dégradent",
           "Un centre culturel conserve des centaines de cassettes de récits et de chants enregistrés dans les "
           "villages il y a quarante ans, et les bandes s'abîment. Il cherche à les transcrire et à les rendre "
           "consultables.")),
    # ---- across languages: en → fr ------------------------------------------------------------------------------
    Topic("gold_mercury", ("geology_minerals", "environment", "health_medicine"),
          ("en", "Gold diggers in our district mix mercury with the ore",
           "Hundreds of families in the hills crush rock and mix the powder with mercury by hand, then burn the "
           "amalgam in their kitchens; fish downstream and the hair of local children show high levels. Banning "
           "the practice only pushes the work out of sight."),
          ("fr", "Concentration gravimétrique et fusion au borax sans produit toxique",
           "Une table à secousses et des sluices à tapis retiennent les particules d'or lourdes ; le concentré est "
           "fondu directement avec du borax dans un petit four et rend souvent plus de métal que la méthode "
           "traditionnelle. Les orpailleurs sont formés en coopérative et achètent l'équipement en commun."),
          ("Handheld X-ray fluorescence analyser for ore grade",
           "A portable analyser gives the metal content of rock samples in seconds at the pit face. Small miners "
           "know which veins are worth working before they dig."),
          ("Les digues de nos bassins de boues menacent de céder",
           "Une carrière de kaolin stocke ses boues dans des bassins dont les digues s'érodent à chaque saison des "
           "pluies. Les villages en aval demandent une solution avant un accident.")),
    Topic("drought_compensation", ("climate_change", "remote_sensing", "agriculture"),
          ("en", "Drought-hit farmers wait a year for compensation",
           "When the rains failed last season, our ministry department had to send assessors to thousands of "
           "scattered plots; payments reached families only after the next planting, and many had sold their "
           "oxen by then. Insurers say small farms cost too much to inspect."),
          ("fr", "Assurance indicielle fondée sur l'observation satellitaire",
           "Les indemnités se déclenchent automatiquement lorsque la pluviométrie estimée par satellite et "
           "l'indice de verdure de la zone passent sous un seuil fixé par contrat, sans visite des parcelles. Les "
           "versements arrivent par téléphone mobile en quelques semaines et la prime reste accessible aux petits "
           "exploitants."),
          ("Seasonal rainfall outlooks sent by text message",
           "Downscaled seasonal forecasts tell each district whether to expect an early, late or short rainy "
           "season. Farmers receive planting advice in their own language."),
          ("Nos agriculteurs n'obtiennent pas de crédit pour les engrais",
           "Les banques refusent de prêter aux petits producteurs qui n'ont ni titre foncier ni historique de "
           "revenus. Une coopérative cherche un moyen de prouver leur capacité de remboursement.")),
    Topic("artificial_legs", ("health_medicine", "new_materials"),
          ("en", "Amputees wait years for an artificial leg that fits",
           "Our rehabilitation centre has a waiting list of 600 people who lost a leg to diabetes, traffic or old "
           "mines. Each socket is moulded in plaster by one of our two technicians and often has to be remade "
           "because it rubs the stump."),
          ("fr", "Emboîtures de prothèses numérisées et fabriquées par impression 3D",
           "Le moignon est numérisé en quelques minutes avec un scanner portatif, l'emboîture est ajustée sur "
           "ordinateur puis imprimée en polypropylène renforcé ; les retouches se font sur le fichier et non sur "
           "un moule. Un atelier ainsi équipé produit quatre fois plus d'appareillages avec le même personnel."),
          ("Wheelchairs built for rough roads",
           "Three-wheeled chairs with wide tyres and a long frame, assembled from locally available steel tube. "
           "Users travel on dirt tracks and repair the chair in a village workshop."),
          ("Des enfants nés avec un pied bot restent sans traitement",
           "Dans la région, beaucoup d'enfants atteints de pied bot grandissent sans soins et marchent sur le côté "
           "du pied. L'hôpital cherche une méthode de correction sans chirurgie lourde.")),
    # ---- across languages: fr → en ------------------------------------------------------------------------------
    Topic("mine_water", ("geology_minerals", "water_resources", "environment"),
          ("fr", "Une eau rouge coule de l'ancienne mine de charbon",
           "Depuis la fermeture du puits, un ruisseau orange et acide sort des galeries et traverse les rizières ; "
           "les poissons ont disparu et les récoltes de la vallée baissent. La commune n'a pas de budget pour une "
           "station de traitement chimique qui tournerait pendant des décennies."),
          ("en", "Passive treatment with limestone drains and constructed wetlands",
           "Seepage is routed through an anoxic limestone bed that raises the pH, then through settling ponds and "
           "reed beds where iron and manganese precipitate; the system runs by gravity with no power or reagents "
           "and needs only yearly maintenance of the ponds. Designs are sized from flow and chemistry surveys."),
          ("Revégétalisation des terrils de charbon",
           "Semis de graminées et d'arbustes pionniers avec amendement organique pour stabiliser les terrils et "
           "limiter la poussière. Le couvert végétal s'installe en deux saisons."),
          ("Groundwater keeps flooding our quarry floor",
           "Water seeps into the bottom of our limestone quarry and the pumps run day and night. We need to know "
           "where it comes in and how to seal it.")),
    Topic("market_scales", ("standards_metrology", "iot"),
          ("fr", "Les clients se plaignent d'être volés sur le poids au marché",
           "Au grand marché de la ville, des commerçants utilisent des balances à ressort trafiquées ou des poids "
           "limés ; les ménages paient jusqu'à 10 % de trop sur le riz et la viande, et les disputes finissent "
           "chez le chef de marché."),
          ("en", "Legal metrology verification with sealed electronic weighing instruments",
           "Inspectors test every trading instrument against certified reference masses, seal those that pass and "
           "record them in a registry with a QR tag that buyers can scan; a free public check-weighing station "
           "stands at the entrance. Periodic re-verification and tamper alerts keep instruments honest."),
          ("Étalonnage des sondes de chambres froides",
           "Laboratoire mobile qui vérifie sur place les sondes de température des entrepôts frigorifiques et "
           "délivre un certificat raccordé. Exigé des exportateurs de produits de la mer."),
          ("Our blood pressure monitors disagree with each other",
           "Nurses get readings that differ by 15 mmHg between devices on the same patient. The hospital needs "
           "its monitors checked and adjusted on a regular schedule.")),
    Topic("blood_stocks", ("health_medicine", "digital_transformation"),
          ("fr", "La banque de sang est vide pendant les vacances",
           "Chaque été et pendant les fêtes, notre centre régional de transfusion manque de poches ; des "
           "opérations sont reportées et les familles des malades doivent trouver elles-mêmes des donneurs. Les "
           "étudiants, qui donnent le plus, sont partis."),
          ("en", "Platform that forecasts shortages and books volunteer appointments",
           "The platform projects the stock of each blood group two weeks ahead from hospital demand and past "
           "collections, then invites eligible volunteers by message, books time slots at fixed and mobile sites "
           "and reminds them once their rest period is over. Centres using it kept more than a week's needs in "
           "stock all year."),
          ("Traçabilité des poches par radio-identification",
           "Des étiquettes RFID suivent chaque poche de la collecte à la transfusion et signalent les ruptures de "
           "la chaîne du froid. Moins de poches périmées ou égarées."),
          ("Premature babies in our unit lack breast milk",
           "Many mothers of premature babies cannot express enough milk, and formula raises the risk of gut "
           "infection. The hospital wants to set up a safe donor milk service.")),
    # ---- one language: en ---------------------------------------------------------------------------------------
    Topic("peak_cooling", ("energy",),
          ("en", "Peak-hour power charges double our cooling costs",
           "Our pharmaceutical packaging plant must keep its clean rooms at 20 °C; the chillers run hardest between "
           "2 and 5 pm, exactly when the utility charges three times the night price, and our grid connection is "
           "already at its limit."),
          ("en", "Ice-bank thermal storage for air-conditioning systems",
           "Compressors freeze water in insulated tanks overnight at the low tariff; during the day the melting ice "
           "supplies the air-handling units, so refrigeration machines stay small or switched off when energy is "
           "expensive. Typical payback is three to five years, and the stored ice doubles as a backup."),
          ("Rooftop solar leasing for factories",
           "A developer installs and owns panels on factory roofs and sells the power below the grid tariff for "
           "twenty years. The factory owner makes no upfront investment."),
          ("Motors in our spinning mill keep burning out",
           "Our spinning mill sends several large motors a month for rewinding after they overheat on the dusty "
           "shop floor. We want to know why they fail and how to make them last.")),
    Topic("lift_breakdowns", ("automation", "iot"),
          ("en", "Residents get stuck in our tower lifts every week",
           "Our housing association runs fourteen twenty-storey apartment towers; cars stop between floors, older "
           "people on the upper floors stay home for days when one is out, and the contractor only comes after a "
           "call. Nobody can tell us which machine will fail next."),
          ("en", "Remote condition monitoring and predictive maintenance for elevators",
           "A retrofit box on each controller records door cycles, motor current, vibration and levelling errors "
           "and sends them to a cloud service that flags wear weeks before a breakdown; technicians receive "
           "prioritised work orders, and trapped passengers can talk to a call centre around the clock."),
          ("Powered stair climber for carrying patients",
           "A tracked device lets one carer take a seated person up and down ordinary stairs. It is used by "
           "ambulance crews and by families in older walk-up buildings."),
          ("The fire alarms in our older blocks no longer work",
           "Alarm panels in our older towers were disconnected years ago after repeated false alarms. The owners' "
           "board needs a reliable system that warns residents floor by floor.")),
    Topic("beach_seaweed", ("marine", "environment"),
          ("en", "Brown seaweed piles up on our hotel beaches",
           "Every dry season thick mats of floating weed wash ashore along our coast, rot in the sun and smell of "
           "rotten eggs; guests cancel, and the council spends its budget on bulldozers that carry away as much "
           "sand as weed."),
          ("en", "Offshore booms and conversion of sargassum into a plant biostimulant",
           "Floating barriers deflect the rafts to a collection point before they strand, where a harvesting boat "
           "lifts them while still fresh; a plant washes out salt and arsenic and extracts a liquid growth "
           "promoter for crops, and the residue is composted. No heavy machinery touches the sand."),
          ("Beach-cleaning sieve for litter and cigarette butts",
           "A tractor-towed sieve lifts the top layer of sand, keeps plastic and glass and returns the sand to the "
           "beach. One machine cleans several kilometres per morning."),
          ("Jellyfish stings keep swimmers out of our bay",
           "In the hot months our bay fills with jellyfish and the first-aid post treats dozens of stings a day. "
           "The resort wants a way to keep a swimming area safe.")),
    Topic("files_ransom", ("digital_transformation",),
          ("en", "Criminals locked all our files and demanded payment",
           "One Monday morning last month every computer in our 40-person trading company showed a ransom note; "
           "invoices, contracts and the accounts were unreadable, and the copy on the USB drive was locked too. We "
           "lost nine days of business and fear it will happen again."),
          ("en", "Managed immutable backup with endpoint detection for small businesses",
           "Copies of servers and laptops are taken every hour to storage that cannot be altered or deleted for "
           "thirty days, even with administrator passwords, and a restore is tested each month; an agent on every "
           "device watches for mass encryption and isolates the machine within seconds."),
          ("Single sign-on with two-factor authentication",
           "Staff reach email and business applications with one account protected by a prompt on their phone. "
           "A stolen password alone no longer opens company accounts."),
          ("A stolen laptop held our whole customer list",
           "A sales representative lost a laptop holding the names and phone numbers of 8,000 customers. We need "
           "to protect portable devices and comply with the data-protection law.")),
    # ---- one language: fr ---------------------------------------------------------------------------------------
    Topic("cervical_screening", ("health_medicine", "biotechnology"),
          ("fr", "Les femmes des villages ne viennent pas au dépistage du cancer du col",
           "Notre district sanitaire voit arriver des cancers du col de l'utérus à un stade avancé ; les femmes "
           "n'osent pas se faire examiner par un soignant masculin, et le centre qui pratique le frottis est à une "
           "journée de route."),
          ("fr", "Autoprélèvement vaginal et test moléculaire du papillomavirus",
           "Chaque femme recueille elle-même l'échantillon chez elle avec un écouvillon sec remis par une agente de "
           "santé communautaire ; le laboratoire recherche par lots l'ADN des virus à haut risque et ne rappelle "
           "que les positives pour un examen visuel et une ablation thermique le jour même."),
          ("Mammographie mobile en camion",
           "Un camion équipé d'un mammographe numérique va de village en village et transmet les clichés à un "
           "radiologue à distance. Les résultats sont rendus sous huit jours."),
          ("Nos patientes attendent des mois le résultat d'une biopsie",
           "L'unique service d'anatomopathologie de la région est débordé, et les prélèvements voyagent en bus "
           "pendant deux jours. L'hôpital cherche un moyen d'obtenir les résultats plus vite.")),
    Topic("test_recognition", ("standards_metrology",),
          ("fr", "Nos analyses de résidus ne sont pas acceptées par les acheteurs étrangers",
           "Le laboratoire public de notre ministère de l'agriculture délivre des bulletins pour les exportations "
           "de mangues et de haricots verts, mais les importateurs européens exigent une contre-analyse dans leur "
           "pays, qui retarde les lots d'une semaine et coûte cher."),
          ("fr", "Accompagnement vers l'accréditation ISO/CEI 17025 et essais d'aptitude",
           "Diagnostic du système qualité, validation des méthodes, estimation des incertitudes et participation "
           "à des comparaisons où le même échantillon circule entre plusieurs pays ; en dix-huit mois, "
           "l'organisme obtient la reconnaissance d'un accréditeur signataire des accords multilatéraux."),
          ("Dosage rapide des aflatoxines au point de collecte",
           "Bandelettes et lecteur portable qui mesurent les aflatoxines dans l'arachide et le maïs en dix minutes. "
           "Les lots contaminés sont écartés avant l'entrepôt."),
          ("Besoin d'une norme nationale pour le beurre de karité",
           "Les transformatrices de karité vendent un beurre de qualité très variable et les acheteurs fixent les "
           "prix à leur guise. Le ministère veut rédiger une norme avec des classes de qualité.")),
    Topic("poultry_heat", ("agriculture", "automation"),
          ("fr", "Nos poulets meurent de chaleur en saison sèche",
           "Dans nos bâtiments d'élevage en tôle, quand il fait plus de 38 °C l'après-midi, les oiseaux halètent et "
           "ne mangent plus, et nous en perdons des centaines en une journée ; la croissance ralentit de mars à "
           "mai."),
          ("fr", "Ventilation en tunnel avec panneaux humidifiés et régulation automatique",
           "Des extracteurs en pignon aspirent l'air à travers des panneaux de cellulose alimentés en eau à l'autre "
           "bout du bâtiment ; l'air rafraîchi de 6 à 10 degrés circule à deux mètres par seconde, et un régulateur "
           "ajuste ventilateurs et pompe selon la température et l'hygrométrie."),
          ("Couveuse solaire pour œufs de pintade",
           "Incubateur de 300 œufs régulé en température et alimenté par panneau solaire et batterie, pour les "
           "éleveurs sans réseau électrique. Taux d'éclosion supérieur à 80 %."),
          ("Nos pondeuses se piquent entre elles",
           "Dans notre élevage de poules pondeuses, le picage se répand : nous perdons des œufs et des oiseaux "
           "blessés. Nous cherchons des conseils d'alimentation et d'éclairage.")),
    Topic("student_distress", ("health_medicine", "digital_transformation"),
          ("fr", "Nos étudiants en détresse n'ont personne à qui parler",
           "L'université compte 30 000 inscrits pour deux psychologues ; après deux tentatives de suicide sur le "
           "campus cette année, le service de santé affiche trois mois d'attente et beaucoup de jeunes n'osent pas "
           "consulter."),
          ("fr", "Programme de thérapie cognitive et comportementale guidée en ligne",
           "Des modules de huit semaines, sur téléphone, apprennent à repérer les pensées négatives et à gérer "
           "l'anxiété et le sommeil ; un professionnel suit une cinquantaine d'utilisateurs par messages, et un "
           "questionnaire repère les cas graves pour les orienter vers une consultation prioritaire."),
          ("Téléconsultation de dermatologie par photo",
           "Le médecin généraliste envoie des photos de lésions cutanées à un dermatologue qui répond sous 48 "
           "heures. Les délais de rendez-vous spécialisé diminuent."),
          ("Des adolescents de plus en plus dépendants",
           "Le centre de santé de la commune voit arriver des adolescents dépendants au cannabis et à des "
           "médicaments détournés. Il manque d'outils de prévention et de prise en charge.")),
    # ---- one language: vi ---------------------------------------------------------------------------------------
    Topic("cattle_cold", ("agriculture", "climate_change"),
          ("vi", "Trâu bò chết hàng loạt trong những đợt rét đậm",
           "Mùa đông ở Hà Giang, khi nhiệt độ xuống dưới 10 độ nhiều ngày liền, hàng trăm con trâu bò của bà con bị "
           "chết; gia súc thả rông trên núi, thiếu cỏ, gầy yếu rồi gục ngay ngoài bãi."),
          ("vi", "Ủ chua thức ăn xanh dự trữ và chuồng kín gió cho vùng cao",
           "Thân cây ngô sau thu hoạch được băm nhỏ, ủ trong túi ni-lông với rỉ mật và muối, để được ba đến sáu "
           "tháng; kèm thiết kế chuồng có vách che, nền cao và máng uống nước ấm. Vật nuôi giữ được thể trạng và "
           "sinh sản ổn định qua những tháng lạnh."),
          ("Vắc-xin nhũ dầu phòng tụ huyết trùng",
           "Vắc-xin tiêm một lần bảo hộ trâu bò trong sáu tháng, nên tiêm trước mùa mưa. Bảo quản được ở nhiệt độ "
           "mát."),
          ("Đàn dê còi cọc, dê con chết nhiều",
           "Đàn dê của hợp tác xã ở Ninh Bình còi cọc, tỉ lệ dê con chết cao do giao phối cận huyết. Chúng tôi "
           "cần nguồn giống mới và kỹ thuật phối giống.")),
    Topic("sinking_ground", ("remote_sensing", "geology_minerals"),
          ("vi", "Nhà nứt, mặt đường lún ở khu trung tâm thành phố",
           "Ở nhiều quận, nền nhà thấp dần, tường nứt, cống thoát nước bị gãy và nhiều gia đình đã phải nâng cổng "
           "hai ba lần. Sở xây dựng không biết khu nào lún nhanh nhất để ưu tiên xử lý."),
          ("vi", "Quan trắc biến dạng bề mặt bằng giao thoa ảnh radar vệ tinh",
           "Chuỗi ảnh radar khẩu độ tổng hợp chụp cùng một vùng mỗi 12 ngày được xử lý bằng kỹ thuật tán xạ bền "
           "vững, đo dịch chuyển đứng tới từng milimét trên hàng nghìn điểm công trình. Bản đồ tốc độ dịch chuyển "
           "được đối chiếu với các giếng khai thác nước ngầm và mốc đo cao."),
          ("Cọc xi măng đất gia cố nền đất yếu",
           "Máy khoan trộn xi măng với đất tại chỗ thành cọc, tăng sức chịu tải cho nền đường và nhà xưởng trên "
           "đất bùn. Thi công nhanh, ít rung."),
          ("Khai thác đá vượt ranh giới giấy phép",
           "Nhiều điểm khai thác đá trong huyện vượt ranh giới được cấp phép, làm hỏng cảnh quan và đe dọa nhà dân "
           "dưới chân núi. Huyện cần cách kiểm tra định kỳ mà không phải cử người lên từng mỏ.")),
    Topic("city_parking", ("iot", "digital_transformation"),
          ("vi", "Người lái ô tô vào trung tâm chạy vòng vòng mãi không có chỗ để xe",
           "Cuối tuần, người dân lái xe vào khu phố cổ phải đi lòng vòng nửa tiếng, làm đường càng tắc; trong khi "
           "đó một số bãi trong ngõ vẫn còn trống mà không ai biết."),
          ("vi", "Cảm biến từ trường tại từng ô đỗ và ứng dụng dẫn đến chỗ trống",
           "Thiết bị gắn dưới mặt đường nhận biết có xe hay không và báo về máy chủ qua mạng băng hẹp; bảng điện "
           "tử ở các ngã tư và ứng dụng trên điện thoại hiển thị số chỗ còn trống theo thời gian thực, cho đặt "
           "trước và trả phí không dùng tiền mặt."),
          ("Thu phí đường bộ tự động không dừng",
           "Thẻ dán trên kính xe được đọc khi xe đi qua trạm, phí trừ tự động vào tài khoản. Xe không phải dừng "
           "lại nộp tiền."),
          ("Xe máy bị mất trộm ở bãi giữ xe chung cư",
           "Cư dân phàn nàn vì xe máy bị trộm dù bãi có người trông, vé giấy dễ bị làm giả. Ban quản lý cần hệ "
           "thống kiểm soát xe ra vào.")),
    Topic("reservoir_algae", ("water_resources", "environment"),
          ("vi", "Nước máy có mùi tanh mỗi khi hồ chứa nổi váng xanh",
           "Vào mùa nắng nóng, mặt hồ cấp nước cho thành phố chuyển màu xanh đặc, nhà máy phải tăng hóa chất mà "
           "nước vẫn có mùi đất, mùi tanh và khách hàng gọi điện phàn nàn. Có lần phải ngừng lấy nước hai ngày."),
          ("vi", "Sục khí tầng đáy và sóng siêu âm ức chế vi khuẩn lam",
           "Máy nén trên bờ thổi khí qua ống khuếch tán dưới đáy, xáo trộn các tầng và giữ lớp bùn không nhả "
           "phốt-pho; phao phát siêu âm chạy pin mặt trời làm vỡ túi khí trong tế bào để chúng chìm xuống. Hệ thống "
           "được điều chỉnh theo số liệu từ trạm quan trắc đặt trên hồ."),
          ("Màng siêu lọc cho trạm cấp nước nhỏ",
           "Mô-đun màng sợi rỗng giữ lại vi khuẩn và cặn lơ lửng, cho nước đạt chuẩn ăn uống mà không cần bể lắng "
           "lớn. Phù hợp trạm cấp nước xã."),
          ("Bùn thải từ nhà máy nước không có chỗ đổ",
           "Nhà máy nước mặt mỗi ngày xả hàng chục khối bùn cặn từ bể lắng ra sông và bị cơ quan môi trường nhắc "
           "nhở. Công ty cần cách làm khô và tận dụng bùn.")),
)


def build_with_heldout9(seed: int = 9) -> EvalSet:
    """The set of :func:`~data.matching_pairs_heldout8.build_with_heldout8` (session-5 set, session-6 and session-8
    held-out parts, unchanged) followed by the 120 profiles of :data:`TOPICS_9` in split :data:`HELD_OUT_9` (their
    TRL, countries and missing fields drawn from their own ``seed``)."""
    out = build_with_heldout8()
    rng = random.Random(seed)
    for t in TOPICS_9:
        add_topic(out, t, HELD_OUT_9, rng)
    return out
