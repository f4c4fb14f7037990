"""Third held-out part of the problem ↔ solution set (issue 12, session 8), written before any method change.

Same design as :mod:`data.matching_pairs` and :mod:`data.matching_pairs_heldout6` (a request that describes a
problem in its owner's words, an offer that describes a solution in other words, two near-miss distractors per
topic in the query's language: a neighbouring solution in the request's language and a neighbouring problem in
the offer's language, same field, different problem), 28 new topics on subjects that none of the session-5 or
session-6 topics cover (water losses, kiln firing, early reading, reservoir silt, lightning, snakebite, anaemia,
overloaded lorries, grain storage, market waste, used batteries, school science, welding, street flooding, fish
smoking, civil registers, typhoon roofs, level crossings, sewing lines, soil fertility, sea rescue, midwifery
training, solar pumps, herds in fields, spraying, timber drying, dialysis, traffic lights):

* **16 pairs across languages**, spread over the six directions (request → offer): vi→en 3, en→vi 3, fr→vi 3,
  vi→fr 3, en→fr 2, fr→en 2;
* **12 pairs in one language** (4 en, 4 fr, 4 vi: 24 same-language queries, so that same- and cross-language
  top-3 can be compared on more than a handful of queries);
* the distractors are full profiles of two sentences, not one-liners (165 characters on average, against 194
  for the requests and 242 for the offers), so that length says little;
* every request and offer of a pair is a query; the candidates are all the profiles of the other side of the whole
  set (the session-5 and session-6 topics included, as extra distractors).

Written and committed before any method change of session 8; its writer ran no ranking on it and never read the
matching method. It is scored once, with the final method of session 8, and is never used to choose or fit
anything.
"""

from __future__ import annotations

import random

from .matching_pairs import EvalSet, Topic, add_topic
from .matching_pairs_heldout6 import build_with_heldout6

HELD_OUT_8 = "held_out_8"

TOPICS_8: tuple[Topic, ...] = (
    # ---- across languages: vi → en ------------------------------------------------------------------------------
    Topic("water_losses", ("water_resources", "iot"),
          ("vi", "Nước sạch thất thoát gần một phần ba trên đường ống",
           "Công ty cấp nước thị xã bơm ra mỗi ngày 20.000 m³ nhưng chỉ thu tiền được khoảng hai phần ba. Đường "
           "ống cũ nằm dưới lòng đường, nước ngấm xuống đất nên không ai thấy chỗ hỏng, còn đào thử từng đoạn thì "
           "tốn kém và gây ùn tắc."),
          ("en", "Acoustic leak localisation and district metered areas for pipe networks",
           "Noise loggers clipped to valves listen at night and a correlator pinpoints the sound of escaping "
           "water to within a metre, even under asphalt. The network is split into metered zones so that the "
           "night-time inflow shows which zone to survey first; utilities typically halve their physical losses "
           "in two years."),
          ("Tự động điều chỉnh liều phèn cho nhà máy nước mặt",
           "Thiết bị đo độ đục nước thô liên tục và tự điều chỉnh liều chất keo tụ, giúp nhà máy nước giữ chất "
           "lượng nước sau lọc ổn định khi mùa lũ về. Lượng hóa chất tiêu thụ giảm 15–20 %."),
          ("Need a way to clean sediment out of old water mains",
           "Customers in our older neighbourhoods complain of brown, gritty tap water whenever the flow changes. "
           "We are looking for a method to clean the inside of cast-iron mains without digging them up.")),
    Topic("tile_warping", ("new_materials", "automation"),
          ("vi", "Gạch ốp lát bị cong vênh, rạn mặt sau khi nung",
           "Nhà máy gạch men ở Bình Dương phải hạ loại gần 12 % sản phẩm vì mặt gạch cong và rạn. Mỗi khi đổi "
           "mẫu men hay đổi lô đất sét, thợ lò lại chỉnh theo kinh nghiệm nên lỗi lúc có lúc không."),
          ("en", "Kiln temperature profiling and firing-curve optimisation",
           "A data logger travels through the roller kiln with the ware and records the real temperature above "
           "and below each piece; software compares the curve with the body's dilatometer test and recommends "
           "burner and fan settings zone by zone. Customers usually cut their second-grade output by more than "
           "half within a month."),
          ("Tận dụng gạch men phế phẩm làm nguyên liệu phối liệu",
           "Nghiền gạch men lỗi thành bột mịn để thay một phần đất sét trong phối liệu, giảm chi phí nguyên liệu "
           "và lượng chất thải rắn của nhà máy. Đã áp dụng tại hai nhà máy ở Vĩnh Phúc."),
          ("Looking for lead-free glazes for tableware",
           "A ceramics exporter must prove that its plates and mugs release no lead or cadmium into food. It "
           "wants glaze recipes that keep the same bright colours without heavy metals.")),
    Topic("minority_reading", ("education_training", "digital_transformation"),
          ("vi", "Học sinh lớp 1 người dân tộc không hiểu lời cô giáo",
           "Ở các xã vùng cao Lai Châu, nhiều em ở nhà chỉ nói tiếng Mông nên vào lớp 1 không nghe được bài giảng, "
           "đến cuối năm vẫn chưa đọc được. Giáo viên từ nơi khác đến không biết tiếng của các em."),
          ("en", "Bilingual early-reading app with stories recorded in local languages",
           "Picture books and phonics games are voiced by community members first in the child's home language "
           "and then in the national language, so that young children move step by step from one to the other. "
           "The app runs offline on cheap tablets shared by a class, and teachers see which sounds each child "
           "still confuses."),
          ("Sổ liên lạc điện tử và phần mềm quản lý học sinh",
           "Ứng dụng giúp nhà trường nhập điểm, điểm danh và gửi thông báo cho phụ huynh qua điện thoại. Số liệu "
           "được tổng hợp tự động gửi lên phòng giáo dục."),
          ("Need a tool to mark tests for very large classes",
           "Secondary teachers with classes of sixty pupils spend their weekends marking multiple-choice tests. "
           "The province wants a cheap way to scan and score answer sheets.")),
    # ---- across languages: en → vi ------------------------------------------------------------------------------
    Topic("reservoir_silt", ("energy", "water_resources"),
          ("en", "Our hydropower reservoir is silting up fast",
           "Bathymetric surveys show that the dead storage of our 30 MW plant in the highlands filled in twelve "
           "years instead of the fifty it was designed for. Sand now reaches the intake and wears the turbine "
           "runners every flood season."),
          ("vi", "Xả bùn cát qua cống đáy theo con lũ và bể lắng trước cửa lấy nước",
           "Quy trình vận hành hạ mực nước hồ đầu mùa lũ để dòng chảy cuốn bùn cát qua cống xả đáy, kết hợp công "
           "trình lắng cát trước cửa lấy nước. Mô hình thủy lực tính thời điểm mở cống sao cho cuối mùa vẫn tích "
           "đủ nước để phát điện."),
          ("Floating solar arrays on hydropower reservoirs",
           "Pontoon-mounted photovoltaic plants share the grid connection of an existing dam and add daytime "
           "output without new land. The panels also cut evaporation from the reservoir surface."),
          ("Cần tua-bin thủy điện nhỏ cho bản chưa có điện",
           "Bản vùng cao có suối chảy quanh năm nhưng chưa có điện lưới. Chúng tôi tìm loại tua-bin nhỏ mà người "
           "dân có thể tự lắp đặt và sửa chữa.")),
    Topic("lightning_deaths", ("climate_change", "iot"),
          ("en", "Farmers are being killed by lightning in the fields",
           "Every rainy season our district loses several people caught in the open while harvesting or herding; "
           "storms build up within minutes and nobody sees them coming. There is nowhere to shelter between the "
           "villages."),
          ("vi", "Mạng định vị sét và chòi trú an toàn ngoài đồng",
           "Các trạm thu sóng điện từ xác định vị trí từng tia sét trong bán kính 200 km; phần mềm dự báo vùng "
           "dông sẽ đi qua trong 30 phút tới rồi gửi tin nhắn và bật còi tại thôn. Kèm thiết kế chòi trú có tiếp "
           "địa đặt dọc các cánh đồng."),
          ("River level sensors with sirens for flash floods",
           "Radar water-level gauges on bridges report river stages every five minutes and sound sirens "
           "downstream when a threshold is crossed. They run on solar power and send data over the mobile network."),
          ("Trạm viễn thông trên đồi thường bị sét đánh hỏng",
           "Các trạm phát sóng trên đồi ở Nghệ An hay bị hỏng bộ nguồn và thiết bị truyền dẫn sau mỗi cơn dông. "
           "Nhà mạng cần giải pháp nối đất và chống sét lan truyền hiệu quả.")),
    Topic("snakebite", ("health_medicine", "biotechnology"),
          ("en", "Snakebite patients die on the way to the district hospital",
           "Rice farmers bitten in the paddies must travel three hours to the only hospital that keeps antivenom "
           "in a fridge. Commune health posts have no cold chain, and the vials they once received expired "
           "within months."),
          ("vi", "Huyết thanh kháng nọc rắn đông khô bảo quản ở nhiệt độ thường",
           "Kháng thể tinh chế từ huyết tương ngựa được đông khô thành bột, giữ hoạt tính hai năm ở 30 độ và được "
           "pha với nước cất ngay tại trạm y tế xã. Dùng được cho các loài rắn hổ và rắn lục thường gặp ở Đông "
           "Nam Á."),
          ("Rapid test for leptospirosis at rural health posts",
           "A lateral-flow strip detects leptospira antibodies in a finger-prick of blood within twenty minutes, "
           "so that farmers with fever are treated early. No laboratory or refrigeration is needed."),
          ("Cần thuốc và thiết bị cấp cứu ngộ độc nấm rừng",
           "Mỗi mùa mưa nhiều người dân vùng cao ăn phải nấm độc, bệnh viện huyện thiếu thuốc giải độc và máy lọc "
           "máu. Chúng tôi cần phác đồ và thiết bị cấp cứu phù hợp.")),
    # ---- across languages: fr → vi ------------------------------------------------------------------------------
    Topic("anaemia_villages", ("health_medicine", "agriculture"),
          ("fr", "L'anémie touche une femme sur deux dans nos villages",
           "Les enquêtes de santé de la région montrent un manque de fer chez la moitié des femmes enceintes et "
           "des jeunes enfants ; les comprimés distribués sont mal suivis. Le riz est pourtant mangé à chaque "
           "repas."),
          ("vi", "Hạt gạo tăng cường vi chất sản xuất bằng công nghệ ép đùn",
           "Bột gạo trộn sắt, kẽm và vitamin nhóm B được ép đùn thành hạt giống hệt hạt gạo thường, rồi phối với "
           "tỉ lệ 1/100 vào gạo xay xát. Người dùng nấu như bình thường và vi chất không mất khi vo gạo."),
          ("Échographe portable pour le suivi des grossesses",
           "Sonde d'échographie reliée à une tablette qui permet aux sages-femmes des postes de santé de dépister "
           "les grossesses à risque. Formation et télé-expertise incluses."),
          ("Cần máy kiểm tra nhanh chất lượng hạt gạo tại kho",
           "Doanh nghiệp xuất khẩu gạo cần thiết bị đo nhanh độ ẩm, tỉ lệ tấm và hạt bạc bụng tại điểm thu mua, "
           "thay cho phân tích thủ công mất nhiều giờ. Kết quả phải in ra được kèm phiếu cân cho từng lô.")),
    Topic("overloaded_lorries", ("automation", "digital_transformation"),
          ("fr", "Des camions surchargés abîment nos routes et nos ponts",
           "Sur le corridor minier, des poids lourds transportent jusqu'au double de la charge autorisée. Les "
           "contrôles avec une balance mobile immobilisent une équipe pendant une heure par camion, et les "
           "transporteurs contournent le poste."),
          ("vi", "Trạm cân tải trọng xe tự động không cần dừng",
           "Cảm biến áp điện gắn dưới mặt đường đo tải trọng từng trục khi xe chạy qua ở tốc độ bình thường, camera "
           "đọc biển số và gửi danh sách xe vi phạm về trung tâm. Chỉ những xe nghi quá tải mới bị hướng vào trạm "
           "cân tĩnh."),
          ("Télématique et écoconduite pour les transporteurs",
           "Boîtiers embarqués qui mesurent la consommation et le style de conduite des chauffeurs de poids lourds "
           "et proposent des formations ciblées. Jusqu'à 10 % de carburant économisé."),
          ("Xe container quá chiều cao liên tục đâm vào cầu vượt",
           "Cầu vượt đường sắt trong thành phố nhiều lần bị xe chở hàng quá chiều cao đâm vào dầm. Chúng tôi cần "
           "thiết bị phát hiện từ xa và chặn xe trước khi tới cầu.")),
    Topic("grain_weevils", ("agriculture",),
          ("fr", "Les charançons mangent un tiers de notre maïs stocké",
           "Après la récolte, les familles gardent le maïs dans des greniers en banco ; au bout de quatre mois il "
           "est percé de trous et réduit en poussière, et elles doivent racheter au prix fort avant la saison "
           "suivante."),
          ("vi", "Túi bảo quản nông sản kín khí nhiều lớp",
           "Túi nhựa ba lớp đóng kín không cho không khí lọt vào, côn trùng lẫn trong hạt chết vì hết ô-xy mà không "
           "cần hóa chất xông hơi. Hạt giữ được chất lượng hơn một năm và túi dùng lại được nhiều vụ."),
          ("Égreneuse de maïs à pédale",
           "Machine manuelle qui détache les grains des épis dix fois plus vite qu'à la main. Elle est fabriquée "
           "et réparée par les artisans forgerons de la région."),
          ("Sâu đục thân phá hại ngô ngoài đồng",
           "Nông dân Sơn La mất nhiều ngô vì sâu đục thân trước khi thu hoạch, phun thuốc không hiệu quả. Chúng "
           "tôi cần biện pháp phòng trừ ngay trên ruộng.")),
    # ---- across languages: vi → fr ------------------------------------------------------------------------------
    Topic("market_waste", ("environment",),
          ("vi", "Bãi rác huyện quá tải, mùi hôi lan khắp xã",
           "Bãi chôn lấp được thiết kế dùng mười năm nhưng đầy sau năm năm; hơn một nửa khối lượng là rau, vỏ trái "
           "cây và thức ăn thừa từ chợ và hộ gia đình. Mưa xuống là nước rỉ đen chảy ra ruộng."),
          ("fr", "Tri à la source et compostage des biodéchets des marchés et des ménages",
           "Collecte séparée des déchets organiques dans des bacs dédiés, puis plateforme de compostage en andains "
           "aérés qui produit un amendement vendu aux maraîchers. Le volume enfoui diminue de moitié, et les "
           "nuisances olfactives du site aussi."),
          ("Máy ép kiện phế liệu nhựa và giấy",
           "Máy ép thủy lực nén chai nhựa, bìa các-tông thành kiện gọn để bán cho cơ sở tái chế. Phù hợp với các "
           "điểm thu mua phế liệu nhỏ."),
          ("Recherche d'une filière pour les pneus usagés",
           "Une commune accumule des milliers de pneus abandonnés qui servent de gîtes aux moustiques. Elle "
           "cherche une filière de valorisation.")),
    Topic("used_batteries", ("energy", "environment", "new_materials"),
          ("vi", "Pin xe điện hết hạn bị đập phá, đổ ra đất",
           "Mỗi năm hàng trăm nghìn bộ pin xe đạp điện, xe máy điện hết tuổi thọ được bán cho người thu mua đồng "
           "nát, bị đập lấy vỏ rồi đổ dung dịch và phần lõi ra đất. Tỉnh muốn có nơi thu gom và xử lý đúng cách."),
          ("fr", "Récupération des métaux des accumulateurs usagés par voie hydrométallurgique",
           "Les accumulateurs au plomb et au lithium sont démontés et broyés sous atmosphère inerte, puis le plomb, "
           "le lithium, le cobalt et le nickel sont récupérés par lixiviation et précipitation sélective, sans "
           "fumées. Unité modulaire de 2 000 t/an avec un réseau de points de collecte."),
          ("Tủ đổi pin cho xe máy điện",
           "Tủ đổi pin đặt tại cây xăng, người đi xe máy điện đổi pin đầy trong một phút thay vì sạc hàng giờ. "
           "Phần mềm theo dõi tình trạng từng viên pin."),
          ("Besoin de recycler des panneaux solaires en fin de vie",
           "Un exploitant de centrales solaires devra bientôt remplacer des milliers de modules photovoltaïques. "
           "Il cherche une filière pour le verre, l'aluminium et le silicium.")),
    Topic("school_science", ("education_training", "digital_transformation"),
          ("vi", "Học sinh miền núi học hóa, lý mà chưa từng làm thí nghiệm",
           "Trường trung học cơ sở ở Điện Biên không có phòng thí nghiệm, hóa chất và dụng cụ đều thiếu, giáo viên "
           "chỉ giảng trên bảng. Điểm thi các môn tự nhiên của học sinh luôn thấp nhất tỉnh."),
          ("fr", "Travaux pratiques de physique-chimie simulés, utilisables sans connexion",
           "Bibliothèque de manipulations interactives (circuits électriques, titrages, optique, chute des corps) "
           "où l'élève règle les paramètres et observe le résultat comme au laboratoire. Le logiciel s'installe "
           "sur les ordinateurs de l'établissement et suit le programme du collège."),
          ("Màn hình tương tác thông minh cho lớp học",
           "Màn hình cảm ứng cỡ lớn thay bảng đen, giáo viên trình chiếu bài giảng và học sinh làm bài trực tiếp "
           "trên màn hình. Có sẵn kho bài giảng điện tử."),
          ("Recherche d'une plateforme de cours de langue pour lycéens",
           "Un rectorat veut offrir aux lycéens des cours d'anglais en ligne avec correction automatique de la "
           "prononciation. Les élèves doivent pouvoir s'exercer depuis leur téléphone, y compris hors de la classe.")),
    # ---- across languages: en → fr ------------------------------------------------------------------------------
    Topic("weld_defects", ("automation", "new_materials", "standards_metrology"),
          ("en", "Weld defects in our pressure vessels are found too late",
           "Our boiler and tank workshop discovers porosity and incomplete fusion only at the final pressure test "
           "or, worse, at the client's site; cutting out and rewelding a seam costs days. Radiography would need a "
           "shielded bunker we do not have."),
          ("fr", "Contrôle des soudures par ultrasons multiéléments avec enregistrement",
           "Une sonde à réseau de transducteurs et un logiciel d'imagerie balayent le cordon juste après le soudage "
           "et montrent en coupe les inclusions et les manques de pénétration, sans rayonnement ionisant. Les "
           "rapports sont conformes aux normes de qualification."),
          ("Laser cladding to rebuild worn shafts",
           "Metal powder is fused onto worn pump shafts, rollers and valve seats to restore them to size, with "
           "less heat distortion than arc welding. Parts return to service in days instead of weeks."),
          ("Besoin de former des soudeurs qualifiés",
           "Une entreprise de chaudronnerie manque de soudeurs certifiés et cherche un simulateur de soudage pour "
           "former ses apprentis sans gaspiller de métal. Les formations actuelles consomment trop de tôles et de "
           "gaz.")),
    Topic("street_flooding", ("water_resources", "climate_change"),
          ("en", "Our town centre floods after every heavy storm",
           "Drains built forty years ago overflow within half an hour of a downpour, and shops are flooded several "
           "times a year. The council has no room to lay bigger pipes under the narrow streets."),
          ("fr", "Gestion des eaux pluviales à la source : chaussées réservoirs et noues",
           "Revêtements drainants posés sur une couche de graves poreuses qui stockent l'eau de pluie sous la rue "
           "et la laissent s'infiltrer, complétés par des noues plantées et des toitures stockantes. Le débit de "
           "pointe envoyé au réseau baisse de 60 à 80 %."),
          ("Odour control for sewage pumping stations",
           "Biofilters and chemical dosing units remove hydrogen sulphide at pumping stations, ending residents' "
           "complaints about the smell of the sewers. Units fit inside existing wet wells and need a visit once a "
           "month."),
          ("Réutiliser les eaux usées traitées pour arroser les espaces verts",
           "Une ville en pénurie d'eau chaque été veut irriguer ses parcs avec l'eau de sa station d'épuration et "
           "cherche un traitement complémentaire. L'eau devra respecter les normes sanitaires pour l'arrosage.")),
    # ---- across languages: fr → en ------------------------------------------------------------------------------
    Topic("fish_smoking", ("fisheries", "health_medicine"),
          ("fr", "Nos fumeuses de poisson travaillent dans la fumée toute la journée",
           "Sur le débarcadère, les femmes fument le poisson sur des fours traditionnels au bois ; elles souffrent "
           "des yeux et des poumons, et des lots envoyés en Europe ont été refusés pour des contaminants "
           "cancérigènes."),
          ("en", "Improved smoking oven with separate firebox and fat collection",
           "Fish sit on racks away from the flames, dripping fat is collected instead of burning, and a chimney "
           "draws the smoke out of the workspace. Polycyclic aromatic hydrocarbon levels fall below EU limits "
           "while firewood use is halved."),
          ("Farine de poisson à partir des déchets de transformation",
           "Petite unité qui cuit, presse et sèche les têtes et viscères des ateliers de transformation pour "
           "produire une farine vendue aux éleveurs. L'unité traite deux tonnes de déchets par jour."),
          ("Need a simple freshness grading method for fish auctions",
           "Fish traders want a quick way to score the freshness of fish at auction, so that buyers pay for "
           "quality and boats land better-kept catches. The method must work without laboratory equipment.")),
    Topic("civil_registers", ("digital_transformation", "ai"),
          ("fr", "Nos registres d'état civil tombent en poussière",
           "La mairie conserve cent ans d'actes de naissance et de mariage écrits à la main ; les pages se "
           "déchirent, et chaque demande d'extrait oblige un agent à feuilleter les volumes pendant des heures."),
          ("en", "Book scanning and handwriting recognition for historical records",
           "Overhead scanners capture fragile bound volumes without flattening them, and a recognition model "
           "trained on old handwriting turns names, dates and places into searchable indexes. Records can then be "
           "retrieved in seconds and certified copies printed."),
          ("Plan d'adressage et base de données des rues",
           "Création d'un plan de dénomination des rues et de numérotation des bâtiments, avec une base de données "
           "qui permet aux services municipaux de localiser chaque parcelle. Les "
           "plaques et la cartographie en ligne sont fournies."),
          ("Need identity cards that cannot be forged",
           "A national registration office wants identity cards with security features that border posts can "
           "check offline. About two million cards a year would be issued.")),
    # ---- in one language: en ----------------------------------------------------------------------------------
    Topic("typhoon_roofs", ("climate_change", "new_materials"),
          ("en", "Every typhoon tears the roofs off our village houses",
           "After each storm in the central provinces hundreds of families lose their corrugated-iron roofs and "
           "sleep in schools for weeks. Rebuilding the same way only repeats the damage the following year."),
          ("en", "Storm-resilient retrofit kit for light-frame houses",
           "Steel straps tie the rafters down to the walls and foundations, sheeting is fixed with large-washer "
           "screws at closer spacing along the edges, and gable ends are braced. Local carpenters are trained in "
           "two days; retrofitted houses withstood 180 km/h winds in field trials."),
          ("Amphibious foundations for flood-prone homes",
           "Buoyancy blocks under the floor let a house rise with floodwater and settle back in place when the "
           "water recedes, guided by fixed posts. Existing stilt houses can be converted."),
          ("Need to make old masonry schools safe in earthquakes",
           "A ministry wants to assess and strengthen brick school buildings in a seismic zone before the next "
           "tremor. Engineers in each province need a simple screening method.")),
    Topic("level_crossings", ("automation", "iot"),
          ("en", "Motorbikes are hit by trains at unguarded crossings",
           "Our rural railway line crosses over a hundred village paths with no gates or lights. Riders cannot "
           "hear the trains over their engines, and several die every year."),
          ("en", "Autonomous warning system with axle counters and solar power",
           "Wheel sensors on the rails detect an approaching train two kilometres away and trigger flashing lights, "
           "bells and a barrier, running off a solar panel with battery backup. The system reports its own faults "
           "to the control centre over GSM."),
          ("Track geometry measurement trolley",
           "A push trolley with lasers and inertial sensors records gauge, alignment and twist of the track, so "
           "that maintenance crews know where to work first. Results are mapped along the line."),
          ("Looking for a way to keep cattle off the railway",
           "Herds straying onto the line cause derailments and long delays. The operator wants a deterrent along "
           "open sections of track.")),
    Topic("sewing_lines", ("automation", "digital_transformation"),
          ("en", "Our garment orders ship late although the lines work overtime",
           "In our sewing plant some operators sit idle while bundles pile up in front of others, and supervisors "
           "only learn at the end of the day how many pieces each line has finished."),
          ("en", "Real-time production tracking with RFID bundle tags",
           "Each bundle carries a reusable tag read at every workstation, so that screens show work in progress, "
           "bottlenecks and operator efficiency minute by minute. The software suggests how to rebalance "
           "operations before the backlog grows."),
          ("Automatic fabric cutting table",
           "A computer-controlled knife cuts multi-ply fabric lays from digital markers, saving material and "
           "cutting-room time. Patterns come straight from the design software."),
          ("Need to reduce water use in denim washing",
           "A jeans laundry uses sixty litres of water per garment for stone-washing and wants a greener "
           "finishing process that buyers will accept. Its effluent permit is also up for renewal.")),
    Topic("soil_fertility", ("agriculture",),
          ("en", "Maize yields keep falling although farmers use more fertiliser",
           "Smallholders in our district buy more urea every year yet harvest less. Extension officers give the "
           "same advice to every village because soil tests take months at the capital's laboratory."),
          ("en", "Mobile soil testing with same-day nutrient recommendations",
           "A van-mounted kit measures pH, organic carbon and available nutrients in field samples within minutes, "
           "and an app turns the results into a blend and dose for each farm, sent by SMS. Liming is advised "
           "where acidity locks nutrients away from the crop."),
          ("Direct seeder for conservation agriculture",
           "A planter pulled by a two-wheel tractor sows maize straight through crop residues without ploughing, "
           "saving labour and fuel. It is built and serviced by local workshops."),
          ("Looking for protection against maize lethal necrosis",
           "Our maize fields show yellowing leaves and dead plants from a viral disease. We need tolerant seed or "
           "a field diagnostic.")),
    # ---- in one language: fr ----------------------------------------------------------------------------------
    Topic("lost_fishers", ("marine", "fisheries", "iot"),
          ("fr", "Chaque année des pêcheurs ne reviennent pas de la mer",
           "Quand une pirogue chavire ou tombe en panne au large, les familles donnent l'alerte le soir et les "
           "secours cherchent à l'aveugle sur des centaines de kilomètres carrés ; souvent on ne retrouve "
           "personne."),
          ("fr", "Balise de détresse individuelle à bas coût avec localisation par satellite",
           "Petit émetteur étanche fixé au gilet ou à l'embarcation qui, déclenché à la main ou au contact de "
           "l'eau, envoie sa position au centre de coordination des secours. Autonomie de plusieurs années, sans "
           "abonnement pour le pêcheur."),
          ("Moteurs hors-bord électriques pour la pêche artisanale",
           "Motorisation électrique avec batterie rechargeable au solaire qui remplace les moteurs à essence des "
           "pirogues et réduit le coût de chaque sortie. Les batteries se louent à la journée."),
          ("Recherche de filets de pêche biodégradables",
           "Les filets perdus en mer continuent de piéger les poissons pendant des années ; une coopérative "
           "cherche des filets qui se dégradent.")),
    Topic("midwife_training", ("health_medicine", "education_training"),
          ("fr", "Nos étudiantes sages-femmes sortent sans avoir géré un accouchement difficile",
           "À l'école, les stages sont trop courts et les complications rares ; les jeunes diplômées découvrent "
           "l'hémorragie ou la dystocie seules, la nuit, dans un centre de santé isolé."),
          ("fr", "Mannequins d'accouchement et scénarios de simulation avec débriefing",
           "Simulateur de parturiente qui reproduit les naissances normales, les présentations difficiles et "
           "l'hémorragie du post-partum, piloté par le formateur depuis une tablette. Les séances sont filmées pour "
           "le débriefing et le programme suit les compétences de l'OMS."),
          ("Bibliothèque médicale numérique hors ligne",
           "Serveur Wi-Fi autonome qui donne accès sans Internet à des manuels, des protocoles et des vidéos de "
           "formation pour les écoles de santé. Le contenu est mis à jour par clé USB."),
          ("Besoin de couveuses pour les nouveau-nés prématurés",
           "Une maternité de district perd des prématurés faute de moyens de les garder au chaud pendant les "
           "premiers jours. Les coupures de courant y sont fréquentes.")),
    Topic("solar_pumps", ("energy", "agriculture", "iot"),
          ("fr", "Nos pompes d'irrigation solaires restent en panne des semaines",
           "Le projet a équipé quarante périmètres maraîchers, mais quand une pompe s'arrête personne ne s'en "
           "aperçoit avant que les cultures flétrissent, et le technicien vient de la capitale sans savoir quelle "
           "pièce apporter."),
          ("fr", "Télésurveillance et maintenance prédictive des stations de pompage",
           "Un boîtier connecté mesure en continu le débit, la tension des panneaux et le courant du moteur, et "
           "envoie les données par le réseau mobile à une plateforme qui détecte les dérives et alerte avant la "
           "panne. Le diagnostic indique au technicien la pièce en cause."),
          ("Bassins de stockage en géomembrane pour l'irrigation",
           "Réservoirs souples en géomembrane qui stockent l'eau pompée pendant la journée pour irriguer le soir, "
           "sans pertes par infiltration. Elles se posent en deux jours sans engin."),
          ("Un dispensaire solaire n'a plus de courant la nuit",
           "Un centre de santé rural alimenté par des panneaux solaires reste sans électricité la nuit pour la "
           "maternité et cherche un stockage fiable. Les accouchements se font aujourd'hui à la lampe torche.")),
    Topic("herds_in_fields", ("agriculture", "iot"),
          ("fr", "Les troupeaux saccagent les champs et les conflits se multiplient",
           "Pendant la transhumance, les bœufs entrent la nuit dans les cultures pas encore récoltées ; "
           "agriculteurs et éleveurs en viennent aux mains et les chefs de village passent leurs journées à "
           "arbitrer."),
          ("fr", "Colliers GPS et clôtures virtuelles pour le bétail",
           "Le berger trace sur son téléphone les zones interdites ; le collier de l'animal émet un son puis une "
           "légère stimulation quand il s'en approche, et signale sa position en permanence. Les déplacements du "
           "troupeau sont enregistrés, ce qui aide à régler les litiges."),
          ("Identification électronique du bétail contre le vol",
           "Boucles auriculaires électroniques et registre national qui permettent de prouver la propriété des "
           "animaux et de contrôler les marchés à bétail. Les services vétérinaires consultent le registre sur le "
           "terrain."),
          ("Besoin de points d'eau pour le bétail en saison sèche",
           "Les éleveurs parcourent des dizaines de kilomètres pour abreuver leurs animaux ; une région cherche "
           "des forages pastoraux équipés de pompes.")),
    # ---- in one language: vi ----------------------------------------------------------------------------------
    Topic("spray_poisoning", ("agriculture", "automation"),
          ("vi", "Nông dân bị ngộ độc khi phun thuốc trừ sâu",
           "Ở vùng trồng rau Lâm Đồng, người đi phun đeo bình trên lưng cả buổi, thuốc bám vào da và hít vào phổi. "
           "Trạm y tế xã ghi nhận nhiều ca choáng, nôn sau mỗi đợt phun."),
          ("vi", "Dịch vụ phun bằng thiết bị bay không người lái cho vườn và ruộng",
           "Thiết bị bay tự động theo bản đồ lô ruộng, phun sương đều với lượng nước chỉ bằng một phần mười phun "
           "tay, người điều khiển đứng cách xa vùng phun. Mỗi máy phun 10 ha một ngày, hợp tác xã thuê theo diện "
           "tích."),
          ("Máy gieo hạt rau theo hàng",
           "Máy gieo cầm tay gieo hạt rau đều theo hàng, tiết kiệm giống và công tỉa cây non. Dùng được cho cà "
           "rốt, cải và hành."),
          ("Vỏ chai thuốc bảo vệ thực vật vứt khắp đồng ruộng",
           "Vỏ chai, bao bì thuốc trừ sâu nằm khắp bờ ruộng và kênh mương. Xã cần mô hình bể chứa và đơn vị thu "
           "gom, xử lý.")),
    Topic("timber_cracking", ("forestry", "new_materials"),
          ("vi", "Đồ gỗ xuất khẩu bị nứt, cong vênh khi sang châu Âu",
           "Xưởng nội thất ở Bình Định liên tục bị khách hàng khiếu nại vì bàn ghế gỗ keo nứt mặt và hở mộng sau "
           "vài tháng ở nước nhập khẩu. Gỗ xẻ được phơi ngoài sân trước khi gia công."),
          ("vi", "Lò sấy gỗ chân không điều khiển độ ẩm tự động",
           "Buồng sấy hút chân không kết hợp gia nhiệt, cảm biến đo độ ẩm trong thớ gỗ và tự điều chỉnh chế độ "
           "sấy, đưa gỗ về độ ẩm 8–10 % mà không tạo ứng suất. Thời gian sấy chỉ bằng một phần ba lò hơi nước."),
          ("Dây chuyền chà nhám tự động cho đồ gỗ",
           "Máy chà nhám băng rộng cho mặt bàn và ván ghép, giảm bụi và công lao động thủ công. Bề mặt đồng đều "
           "trước khi sơn."),
          ("Cần chứng minh nguồn gốc gỗ hợp pháp khi xuất khẩu",
           "Doanh nghiệp xuất khẩu sang châu Âu cần hệ thống truy xuất nguồn gốc gỗ rừng trồng từ lô rừng đến "
           "container để đáp ứng quy định của nước nhập khẩu. Hồ sơ phải kiểm tra được trực tuyến.")),
    Topic("island_dialysis", ("health_medicine",),
          ("vi", "Bệnh nhân suy thận phải vượt biển để chạy thận",
           "Người bệnh ở huyện đảo phải vào đất liền ba lần mỗi tuần để lọc máu tại bệnh viện tỉnh; nhiều người bỏ "
           "dở điều trị vì chi phí đi lại và mất việc."),
          ("vi", "Thẩm phân phúc mạc tại nhà có theo dõi từ xa",
           "Người bệnh tự thay dịch lọc qua ống thông ổ bụng ngay tại nhà, máy tự động chạy ban đêm và gửi số liệu "
           "mỗi sáng cho bác sĩ chuyên khoa. Điều dưỡng hướng dẫn gia đình trong hai tuần, tái khám mỗi tháng."),
          ("Xét nghiệm nhanh chức năng thận tại trạm y tế",
           "Máy cầm tay đo creatinin và protein niệu từ một giọt máu và nước tiểu, giúp phát hiện sớm bệnh thận ở "
           "người tiểu đường và tăng huyết áp. Kết quả có sau năm phút."),
          ("Người chạy thận bị thiếu máu nặng",
           "Nhiều người bệnh thận mạn bị thiếu máu nặng; bệnh viện cần nguồn thuốc kích thích tạo hồng cầu với giá "
           "hợp lý. Số bệnh nhân tăng mỗi năm.")),
    Topic("traffic_lights", ("ai", "digital_transformation"),
          ("vi", "Nút giao trung tâm ùn tắc kéo dài giờ cao điểm",
           "Đèn tín hiệu ở các ngã tư chính của thành phố chạy theo chu kỳ cố định từ nhiều năm trước; sáng chiều "
           "xe máy xếp hàng hàng trăm mét trong khi hướng kia đèn xanh mà đường trống."),
          ("vi", "Điều khiển đèn giao thông thích ứng theo lưu lượng thực tế",
           "Camera tại nút giao đếm và phân loại phương tiện theo từng làn, phần mềm tính lại thời gian xanh mỗi "
           "chu kỳ và phối hợp các nút liền kề thành làn sóng xanh. Trung tâm điều hành xem được tình trạng mọi "
           "nút trên bản đồ."),
          ("Phạt nguội vi phạm giao thông bằng camera",
           "Hệ thống camera nhận diện biển số xe vượt đèn đỏ, đi sai làn và tự động lập biên bản gửi chủ phương "
           "tiện. Dữ liệu được lưu để làm bằng chứng xử phạt."),
          ("Xe tải chạy nhanh qua cổng trường học",
           "Cổng các trường tiểu học nằm sát quốc lộ, giờ tan học xe tải chạy nhanh qua và phụ huynh lo lắng. "
           "Phường cần biện pháp cảnh báo và giảm tốc độ.")),
)


def build_with_heldout8(seed: int = 8) -> EvalSet:
    """The set of :func:`~data.matching_pairs_heldout6.build_with_heldout6` (session-5 set and session-6 held-out
    part, unchanged) followed by the 112 profiles of :data:`TOPICS_8` in split :data:`HELD_OUT_8` (their TRL,
    countries and missing fields drawn from their own ``seed``)."""
    out = build_with_heldout6()
    rng = random.Random(seed)
    for t in TOPICS_8:
        add_topic(out, t, HELD_OUT_8, rng)
    return out
