"""Demo technology profiles, so that a newcomer can try matching at once.

Eight invented EEN-style profiles (marked "(demo)"): three requests, each with an offer on the same problem
written in other words — two of the pairs across languages (vi → en, fr → vi), one in French — one offer on an
unrelated subject, and a draft that is never offered as a match. They show the absolute scores, the "no good
match yet" threshold and the explanations on the profile pages.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from sticoop.matchmaking import schemas as mat
from sticoop.matchmaking.service import profiles

ACTOR = "demo"

#: (kind, language, title, summary, fields, keywords, trl, owner organisation key, country, status)
PROFILES: tuple[tuple[str, str, str, str, list[str], list[str], int | None, str | None, str, str], ...] = (
    ("technology_request", "vi", "(demo) Cảnh báo sớm sạt lở đất ven đường miền núi",
     "Sở Giao thông tỉnh cần biết trước khi nào sườn đồi dọc quốc lộ có nguy cơ sạt sau mưa lớn kéo dài, để "
     "chặn đường kịp thời. Hiện chỉ dựa vào tuần tra bằng mắt, nhiều đoạn không có người theo dõi ban đêm.",
     ["geology_minerals", "iot"], ["sạt lở", "cảnh báo sớm"], None, "most_vn", "VNM", "published"),
    ("technology_offer", "en", "(demo) Wireless tilt and pore-pressure sensors for slope monitoring",
     "Battery-powered inclinometers and piezometers report ground movement and water pressure every ten "
     "minutes over LoRaWAN; a threshold model sends an SMS alert to road operators hours before a slope "
     "fails. Field-tested on mountain roads.",
     ["geology_minerals", "iot"], ["LoRaWAN", "inclinometer", "piezometer"], 7, "ugent", "BEL", "published"),
    ("technology_request", "fr", "(demo) Réduire les pertes après récolte du manioc",
     "Une coopérative de transformation perd près d'un tiers de ses racines de manioc, qui noircissent deux à "
     "trois jours après l'arrachage. Elle cherche un moyen simple de conserver ou de traiter la récolte sur "
     "place avant le transport vers l'usine.",
     ["agriculture"], ["manioc", "post-récolte"], None, None, "BEL", "published"),
    ("technology_offer", "vi", "(demo) Dây chuyền sấy và chế biến sắn lát quy mô hợp tác xã",
     "Viện chuyển giao quy trình thái lát, sấy bằng khí nóng sinh khối và đóng bao sắn khô ngay tại vùng "
     "trồng, giữ tinh bột không bị hỏng trong nhiều tháng; công suất 5 tấn củ tươi mỗi ngày.",
     ["agriculture", "technology_transfer"], ["sấy", "sắn lát"], 8, "vast", "VNM", "published"),
    ("technology_request", "fr", "(demo) Suivre la qualité de l'air dans les écoles",
     "Une commune veut savoir quand l'air des salles de classe devient trop confiné ou pollué, pour aérer au "
     "bon moment, sans budget pour des stations professionnelles.",
     ["environment", "iot"], ["qualité de l'air", "écoles"], None, None, "LUX", "published"),
    ("technology_offer", "fr", "(demo) Capteurs low-cost de CO2 et de particules fines",
     "Boîtiers à bas coût mesurant le CO2, les PM2.5 et l'humidité, étalonnés en laboratoire, avec un voyant "
     "qui indique quand ouvrir les fenêtres et un tableau de bord pour le gestionnaire des bâtiments.",
     ["environment", "iot"], ["CO2", "PM2.5"], 6, "list_lu", "LUX", "published"),
    ("technology_offer", "en", "(demo) Satellite mapping of mangrove carbon stocks",
     "Radar and optical satellite images combined with field plots estimate the carbon held in mangrove "
     "forests, for coastal provinces preparing blue-carbon projects.",
     ["remote_sensing", "climate_change"], ["mangrove", "blue carbon"], 5, "vast", "VNM", "published"),
    ("technology_offer", "en", "(demo) Draft: drone spraying service for orchards",
     "A draft profile: drones spray orchards on a schedule set by disease models. Not offered as a match "
     "until it is published.",
     ["agriculture", "automation"], ["drone"], 7, None, "BEL", "draft"),
)


def load_profile_demo(db: Session, organisations: dict[str, int]) -> int:
    """Create the demo profiles through the profile service (same checks, audited); the caller commits, and their
    vectors are computed once the write has committed. ``organisations`` maps the keys above to organisation
    ids. Returns the number of profiles created (8)."""
    for kind, language, title, summary, fields, keywords, trl, owner, country, status in PROFILES:
        profiles.create(db, mat.ProfileIn(
            kind=kind, language=language, title=title, summary=summary, fields=fields, keywords=keywords,
            trl=trl, owner_organization_id=organisations.get(owner) if owner else None, owner_country_code=country,
            status=status,
        ), ACTOR)
    return len(PROFILES)
