"""Second held-out part of the problem ↔ solution set (issue 12, session 6), written before any method change.

Same design as :mod:`data.matching_pairs` (a request that describes a problem in its owner's words, an offer that
describes a solution in other words, two near-miss distractors per topic in the query's language), 22 new topics
that none of the session-5 topics cover:

* 16 pairs across languages (vi→en, fr→vi, en→fr, fr→en, vi→fr, en→vi) and **6 pairs in one language**
  (2 en, 2 fr, 2 vi: 12 same-language queries, enough to compare same- and cross-language top-3);
* every request and offer of a pair is a query; the candidates are all the profiles of the other side of the whole
  set (the session-5 topics included, as extra distractors).

Written and committed, and the then-current method scored on it once, before the session-6 method changes; the
session-5 set (both of its parts) is development data from session 6 on. This part is scored once more, with the
final method, and is never used to choose or fit anything.
"""

from __future__ import annotations

import random

from .matching_pairs import EvalSet, Topic, add_topic, build_pairs_set

HELD_OUT_6 = "held_out_6"

TOPICS_6: tuple[Topic, ...] = (
    # ---- across languages -------------------------------------------------------------------------------------
    Topic("bagasse_piles", ("agriculture", "new_materials", "environment"),
          ("vi", "Nhà máy đường ngập trong bã mía sau mỗi vụ ép",
           "Bã mía chất đống quanh nhà máy ở Thanh Hóa, đốt lò hơi không hết, mùa mưa bốc mùi và dễ cháy; "
           "chúng tôi muốn bán nó thay vì phải trả tiền chở đi."),
          ("en", "Moulded-fibre tableware from agricultural residues",
           "Pulping and hot-press moulding line turning plant fibre into compostable plates, bowls and "
           "take-away boxes that replace polystyrene food packaging."),
          ("Máy ép viên nén mùn cưa",
           "Dây chuyền ép mùn cưa và dăm gỗ thành viên nén sinh khối làm chất đốt xuất khẩu."),
          ("Need a better yeast for fuel ethanol",
           "A distillery wants a yeast strain that tolerates higher temperatures during fermentation of molasses.")),
    Topic("dengue_city", ("health_medicine", "biotechnology"),
          ("fr", "Les épidémies de dengue reviennent chaque saison des pluies",
           "Notre ville compte des milliers de malades chaque année malgré les pulvérisations d'insecticide dans "
           "les rues ; les hôpitaux sont saturés en août."),
          ("vi", "Thả muỗi mang vi khuẩn Wolbachia",
           "Muỗi vằn được nhiễm vi khuẩn Wolbachia rồi thả ra cộng đồng; chúng giao phối với muỗi hoang dã và làm "
           "giảm khả năng truyền vi-rút, đã thử nghiệm thành công ở Nha Trang."),
          ("Test de diagnostic rapide du paludisme",
           "Bandelette qui détecte le parasite du paludisme dans une goutte de sang en quinze minutes."),
          ("Cần vắc-xin phòng bệnh dại cho chó",
           "Huyện miền núi muốn tiêm phòng dại cho đàn chó thả rông để giảm ca tử vong.")),
    Topic("classroom_air", ("environment", "health_medicine", "iot"),
          ("en", "Children keep coughing in classrooms beside the highway",
           "Our primary school sits next to a road with heavy lorry traffic; teachers see more asthma every "
           "winter and windows cannot stay shut all day."),
          ("fr", "Épurateurs d'air à filtre HEPA pilotés par capteurs de particules fines",
           "Appareils de purification pour locaux collectifs qui retiennent les PM2.5 et les suies, avec des "
           "capteurs connectés qui règlent le débit et affichent la qualité de l'air intérieur."),
          ("Noise barriers made from recycled plastic",
           "Panels for roadsides and railways that absorb traffic noise, made from waste plastic."),
          ("Recherche d'un chauffage économique pour écoles de montagne",
           "Une commune veut chauffer ses classes en altitude sans bois de chauffe.")),
    Topic("night_falls", ("health_medicine", "iot", "ai"),
          ("fr", "Nos résidents âgés tombent la nuit sans que personne ne le sache",
           "Dans notre maison de retraite, des pensionnaires restent au sol plusieurs heures avant la ronde du "
           "matin ; le personnel de nuit est trop peu nombreux."),
          ("en", "Contactless millimetre-wave room sensor for care homes",
           "A ceiling-mounted radar watches posture and breathing without cameras and alerts staff on their "
           "phones within seconds when a resident ends up lying on the floor."),
          ("Lits médicalisés à hauteur variable",
           "Lits électriques pour établissements de soins, avec barrières et position assise."),
          ("Need a reminder system for patients' medication",
           "A clinic wants outpatients to take their tablets on time.")),
    Topic("dry_wells", ("water_resources", "climate_change"),
          ("vi", "Giếng khoan ở Tây Nguyên cạn nước vào mùa khô",
           "Mực nước ngầm tụt sâu mỗi năm, nông dân phải khoan giếng sâu hơn mà vẫn không đủ nước cho vườn và "
           "sinh hoạt từ tháng Hai đến tháng Tư."),
          ("fr", "Recharge artificielle des nappes par bassins d'infiltration",
           "Conception de bassins et de puits d'injection qui font pénétrer dans l'aquifère les eaux de pluie "
           "de la saison humide, avec suivi piézométrique du stock d'eau souterraine."),
          ("Hệ thống tưới nhỏ giọt cho cà phê",
           "Ống nhỏ giọt và bộ điều khiển tưới giúp vườn cà phê tiết kiệm phân bón và công tưới."),
          ("Besoin d'un procédé de dessalement pour une usine",
           "Une conserverie côtière cherche une petite unité de dessalement d'eau de mer.")),
    Topic("harbour_diesel", ("marine", "environment", "biotechnology"),
          ("en", "Our fishing harbour water is covered in a diesel sheen",
           "Boats pump out oily bilge water at the quay; the smell drives away buyers and the fish farm next door "
           "is losing stock."),
          ("vi", "Phao thấm dầu từ xơ dừa kết hợp vi sinh vật phân hủy hydrocarbon",
           "Phao quây bằng xơ dừa hút váng dầu trên mặt nước, sau đó chủng vi khuẩn bản địa phân hủy phần dầu "
           "còn lại; vật liệu rẻ, dùng được ở cảng nhỏ."),
          ("Copper-free antifouling hull coating",
           "A silicone coating keeps barnacles off ship hulls without releasing biocides."),
          ("Cần công nghệ xử lý nước dằn tàu",
           "Cảng biển cần xử lý nước dằn tàu để ngăn sinh vật ngoại lai.")),
    Topic("fake_medicines", ("health_medicine", "digital_transformation"),
          ("en", "Fake tablets are turning up in village pharmacies",
           "Inspectors keep finding antimalarials and antibiotics with little or no active ingredient, but they "
           "can only send a few samples a month to the national laboratory."),
          ("fr", "Spectromètre proche infrarouge de poche pour contrôler les médicaments",
           "Appareil portable qui compare en quelques secondes le spectre d'un comprimé à une bibliothèque de "
           "références et signale les produits falsifiés ou sous-dosés, sans préparation d'échantillon."),
          ("Temperature loggers for the vaccine cold chain",
           "Small data loggers record vaccine fridge temperatures and send alarms by SMS."),
          ("Recherche d'un logiciel de gestion des stocks hospitaliers",
           "Un hôpital régional veut suivre ses consommables et commandes.")),
    Topic("wet_paddy", ("agriculture", "energy"),
          ("fr", "Notre riz paddy moisit après la récolte d'hivernage",
           "Dans la vallée du fleuve, le riz récolté pendant les pluies reste humide en sacs, noircit et perd la "
           "moitié de sa valeur faute de pouvoir le sécher au soleil."),
          ("vi", "Máy sấy lúa tầng sôi đốt bằng trấu",
           "Máy sấy công suất vài tấn mỗi mẻ dùng lò đốt trấu cấp khí nóng, đưa độ ẩm hạt về 14 % trong vài giờ, "
           "phù hợp hợp tác xã và cơ sở xay xát."),
          ("Décortiqueuse de riz à petit débit",
           "Machine villageoise qui décortique et blanchit le riz paddy pour la consommation locale."),
          ("Cần giống lúa chịu ngập",
           "Tỉnh ven biển cần giống lúa sống được khi ruộng bị ngập nhiều ngày.")),
    Topic("power_theft", ("energy", "digital_transformation", "iot"),
          ("vi", "Tổn thất điện năng cao vì nhiều hộ câu trộm điện",
           "Công ty điện lực tỉnh mất gần 10 % sản lượng trên lưới hạ thế, đồng hồ cơ bị can thiệp và nhân viên "
           "phải đi ghi chỉ số từng nhà."),
          ("en", "Smart meters with tamper alarms and remote reading",
           "Electronic meters report consumption over power-line communication every 15 minutes, flag opened "
           "covers and magnetic interference, and feed an energy-balance dashboard per transformer."),
          ("Tấm pin mặt trời áp mái cho hộ gia đình",
           "Gói lắp đặt điện mặt trời mái nhà trả góp cho hộ dân."),
          ("Looking for battery storage for an island microgrid",
           "An island utility wants batteries to cut diesel generator hours.")),
    Topic("mango_larvae", ("agriculture", "biotechnology"),
          ("en", "Our mango shipments are rejected for insect larvae",
           "Importers in Japan and Korea turned back two containers this year after finding maggots in the "
           "fruit; we cannot lose these markets."),
          ("vi", "Xử lý hơi nước nóng diệt trứng và ấu trùng trong trái cây",
           "Buồng xử lý nâng nhiệt độ lõi quả lên 46,5 độ bằng hơi nước bão hòa để diệt ruồi đục quả, đáp ứng "
           "yêu cầu kiểm dịch của thị trường khó tính mà không làm hỏng quả."),
          ("Ripening rooms with ethylene control",
           "Controlled chambers ripen bananas and mangoes evenly before they reach shops."),
          ("Cần máy phân loại xoài theo kích cỡ",
           "Hợp tác xã muốn phân loại xoài theo trọng lượng trước khi đóng thùng.")),
    Topic("illegal_logging", ("forestry", "iot", "ai"),
          ("fr", "Des bûcherons clandestins abattent la forêt classée",
           "Les gardes forestiers découvrent les souches des semaines plus tard ; la forêt est trop vaste pour "
           "des patrouilles et les coupes se font la nuit."),
          ("en", "Solar-powered acoustic listening devices hung in the canopy",
           "Recycled phones placed high in trees listen continuously and send an alert with a location to "
           "rangers as soon as a chainsaw or a truck engine is heard."),
          ("Pépinière de plants forestiers en godets biodégradables",
           "Production de plants d'essences locales pour le reboisement."),
          ("Need a method to measure forest carbon stocks",
           "A REDD+ project wants cheaper biomass inventories.")),
    Topic("diabetic_eyes", ("health_medicine", "ai"),
          ("vi", "Nhiều bệnh nhân tiểu đường bị mù vì phát hiện tổn thương mắt quá muộn",
           "Bệnh viện tỉnh có hàng chục nghìn người bệnh tiểu đường nhưng chỉ hai bác sĩ nhãn khoa, phần lớn "
           "chưa bao giờ được khám đáy mắt."),
          ("fr", "Lecture automatique des photographies du fond d'œil par intelligence artificielle",
           "Un rétinographe non mydriatique et un algorithme d'apprentissage profond classent les rétinopathies "
           "en une minute, au centre de santé, et n'envoient à l'ophtalmologue que les cas à traiter."),
          ("Máy đo đường huyết không xâm lấn",
           "Thiết bị đo đường huyết qua da không cần lấy máu."),
          ("Recherche de lunettes à bas coût pour les écoliers",
           "Programme scolaire qui veut équiper les enfants myopes.")),
    Topic("cement_carbon", ("new_materials", "climate_change"),
          ("en", "Our cement plant must cut its CO2 to keep selling to Europe",
           "The border carbon levy will make our clinker exports unprofitable within three years unless the "
           "emissions per tonne fall sharply."),
          ("fr", "Ciment au laitier et à l'argile calcinée remplaçant une partie du clinker",
           "Formulation LC3 : argile kaolinitique calcinée à 800 °C et calcaire broyé se substituent à la moitié "
           "du clinker, avec des résistances équivalentes et une cuisson bien moins émettrice."),
          ("Bag filters for kiln stacks",
           "Fabric filters remove dust from kiln and mill exhaust."),
          ("Besoin de granulats recyclés pour les routes",
           "Une entreprise de travaux publics cherche à réutiliser les bétons de démolition.")),
    Topic("river_plastic", ("environment", "marine"),
          ("fr", "Le fleuve charrie des tonnes de déchets plastiques jusqu'à la mer",
           "Après chaque crue, les plages de notre commune sont couvertes de bouteilles et de sacs venus de "
           "l'amont ; le nettoyage manuel ne suit pas."),
          ("vi", "Phao chắn rác tự động và băng tải thu gom rác nổi trên sông",
           "Hệ thống phao đặt chéo dòng chảy dồn rác trôi về một điểm, băng tải chạy bằng năng lượng mặt trời "
           "vớt rác lên thùng chứa, không cản tàu thuyền."),
          ("Tri optique des plastiques en centre de recyclage",
           "Trieuse à caméra infrarouge qui sépare les types de plastiques sur tapis."),
          ("Cần công nghệ xử lý bùn nạo vét kênh",
           "Thành phố cần xử lý bùn nạo vét kênh rạch bị ô nhiễm kim loại.")),
    Topic("no_signal_villages", ("digital_transformation", "energy"),
          ("vi", "Bản vùng cao không có sóng, học sinh không học trực tuyến được",
           "Nhiều bản ở Hà Giang không có sóng điện thoại; khi trường đóng cửa, học sinh phải leo đồi tìm sóng "
           "để nhận bài."),
          ("en", "Long-range wireless links over TV white space with solar masts",
           "Radios using unused television frequencies carry broadband over 10 km of hills and forest to "
           "village hotspots, each mast powered by its own panel and battery."),
          ("Máy tính bảng giá rẻ cho học sinh",
           "Máy tính bảng cài sẵn sách giáo khoa điện tử cho học sinh nghèo."),
          ("Looking for satellite phones for mountain rescue",
           "A rescue service needs handsets that work anywhere.")),
    Topic("cashew_burns", ("agriculture", "new_materials"),
          ("en", "Workers' hands are burned shelling nuts by hand",
           "The caustic oil in the shells blisters the fingers of the women who crack them with foot-operated "
           "cutters; we cannot find staff any more."),
          ("vi", "Máy tách vỏ hạt điều tự động sau khi hấp",
           "Hạt được hấp hơi rồi đưa qua dao cắt định vị theo kích cỡ, nhân tách ra nguyên vẹn, công nhân không "
           "phải tiếp xúc với dầu vỏ."),
          ("Clarified juice from cashew apples",
           "A process turns the discarded cashew apple into clear juice and syrup."),
          ("Cần máy đóng gói hút chân không",
           "Xưởng chế biến muốn đóng túi hút chân không cho nhân hạt.")),
    # ---- in one language ------------------------------------------------------------------------------------
    Topic("ward_infections", ("health_medicine",),
          ("en", "Patients pick up infections after surgery on our wards",
           "Post-operative wound infections keep rising at our district hospital and cleaning staff cannot "
           "reach every surface between two patients."),
          ("en", "Ultraviolet-C disinfection robot for theatres and patient rooms",
           "An autonomous robot maps the room and irradiates every surface with UV-C lamps for ten minutes, "
           "killing resistant bacteria with no chemicals left behind."),
          ("Electronic patient records for rural hospitals",
           "An open-source record system for admissions, prescriptions and discharge letters."),
          ("Need oxygen concentrators for district clinics",
           "A health department wants reliable oxygen for small clinics.")),
    Topic("bus_bunching", ("digital_transformation", "ai"),
          ("en", "City buses come in bunches and commuters give up on them",
           "Three buses of the same line arrive together, then nothing for half an hour; ridership has dropped "
           "and drivers are blamed."),
          ("en", "Real-time fleet control with headway-based dispatching",
           "Software reads the vehicles' GPS positions and tells each driver to hold or speed up so that the "
           "gaps between vehicles stay even along the route."),
          ("Depot chargers for electric buses",
           "Overnight charging systems and energy management for electric fleets."),
          ("Looking for a parking guidance system",
           "A city centre wants signs showing free parking spaces.")),
    Topic("vine_frost", ("agriculture", "climate_change"),
          ("fr", "Les gelées de printemps détruisent nos bourgeons",
           "Trois années sur cinq, une nuit froide d'avril grille les jeunes pousses de notre vignoble et la "
           "récolte est perdue."),
          ("fr", "Brasseurs d'air mobiles déclenchés par sondes thermiques",
           "Une grande hélice sur mât mélange l'air plus chaud des couches hautes avec l'air froid du sol ; "
           "elle démarre seule quand les sondes annoncent le seuil critique."),
          ("Filets paragrêle pour vergers",
           "Filets tendus au-dessus des rangs qui protègent les fruits de la grêle."),
          ("Recherche d'un robot de taille de la vigne",
           "Domaine viticole qui manque de main-d'œuvre en hiver.")),
    Topic("latrine_overflow", ("environment", "health_medicine", "water_resources"),
          ("fr", "Les fosses des latrines débordent dans les quartiers précaires",
           "À chaque saison des pluies, les fosses pleines débordent dans les rues ; les vidangeurs manuels "
           "déversent les boues dans les caniveaux."),
          ("fr", "Vidange mécanisée et lits plantés de roseaux pour les boues",
           "Petites pompes motorisées qui passent dans les ruelles étroites, et station de traitement où des "
           "lits de roseaux déshydratent et stabilisent les boues avant valorisation agricole."),
          ("Toilettes sèches à compost pour les écoles",
           "Blocs sanitaires sans eau qui transforment les excréments en compost."),
          ("Besoin d'un réseau d'eau potable pour un quartier périurbain",
           "Une mairie veut raccorder un nouveau quartier au réseau d'eau.")),
    Topic("construction_dust", ("environment", "iot"),
          ("vi", "Công trường xây dựng gây bụi mù mịt, dân phố phản đối",
           "Các dự án chung cư trong nội thành làm bụi phủ kín nhà dân xung quanh, phường nhận đơn khiếu nại "
           "liên tục và nhà thầu bị phạt."),
          ("vi", "Hệ thống phun sương cao áp tự động theo cảm biến PM2.5",
           "Các đầu phun sương hạt siêu nhỏ gắn trên hàng rào và cần cẩu, tự bật khi cảm biến đo nồng độ hạt mịn "
           "vượt ngưỡng, dùng ít nước."),
          ("Gạch không nung từ tro xỉ nhiệt điện",
           "Dây chuyền sản xuất gạch không nung tận dụng tro bay và xỉ của nhà máy nhiệt điện."),
          ("Cần giải pháp giảm tiếng ồn máy đóng cọc",
           "Nhà thầu cần thi công móng cọc trong khu dân cư mà không gây ồn.")),
    Topic("fish_sauce_amines", ("agriculture", "biotechnology"),
          ("vi", "Nước mắm bị trả về vì vượt ngưỡng histamine xuất khẩu",
           "Lô hàng nước mắm truyền thống của chúng tôi liên tục bị thị trường châu Âu từ chối do chỉ tiêu "
           "histamine quá cao."),
          ("vi", "Chủng vi khuẩn lên men chọn lọc bổ sung vào thùng ủ cá cơm",
           "Chế phẩm vi khuẩn khởi động được phân lập từ chượp, bổ sung ngay khi ủ cá, làm giảm amin sinh học "
           "mà vẫn giữ hương vị đặc trưng."),
          ("Máy đóng chai tự động cho nước chấm",
           "Dây chuyền chiết rót và đóng nắp chai nước mắm, nước tương."),
          ("Cần công nghệ tận dụng bã chượp làm thức ăn chăn nuôi",
           "Cơ sở sản xuất nước mắm muốn xử lý bã cá sau khi rút nước.")),
)


def build_with_heldout6(seed: int = 6) -> EvalSet:
    """The session-5 set (:func:`build_pairs_set`, unchanged) followed by the 88 profiles of :data:`TOPICS_6`
    in split :data:`HELD_OUT_6` (their TRL, countries and missing fields drawn from their own ``seed``)."""
    out = build_pairs_set()
    rng = random.Random(seed)
    for t in TOPICS_6:
        add_topic(out, t, HELD_OUT_6, rng)
    return out
