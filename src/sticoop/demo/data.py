"""Bundled demo data: the Belgium–Vietnam and Vietnam–Laos partnerships as the press reports in
../shared/corpus/dev describe them, plus invented-but-plausible records so every page shows something.

Every demo record is authored by "demo"; records that are invented (not in the reports) say so with
"(demo)" in their title or text, so nobody mistakes them for facts.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sticoop.activities import schemas as act
from sticoop.activities.service import events, visits
from sticoop.agreements import schemas as agr
from sticoop.agreements.service import agreements
from sticoop.commitments import schemas as com
from sticoop.commitments.service import assessments, commitments, progress_updates, working_groups
from sticoop.partners import schemas as par
from sticoop.partners.service import organizations, people
from sticoop.partnerships import schemas as pas
from sticoop.partnerships.models import Partnership
from sticoop.partnerships.service import committees, partnerships, sessions
from sticoop.projects import schemas as prj
from sticoop.projects.service import programmes, projects

ACTOR = "demo"


def demo_loaded(db: Session) -> bool:
    return bool(db.scalar(select(func.count()).select_from(Partnership)))


def load_demo(db: Session) -> dict[str, int]:
    """Create the demo records through the services (so they obey every rule); caller commits."""
    def org(**kw: Any) -> int:
        return organizations.create(db, par.OrganizationIn(**kw), ACTOR).id

    most_vn = org(name="Ministry of Science and Technology", acronym="MOST", type="ministry", country_code="VNM",
                  aliases=["Bộ Khoa học và Công nghệ", "Ministère de la Science et de la Technologie du Vietnam"],
                  website="https://www.most.gov.vn")
    belspo = org(name="Belgian Science Policy Office", acronym="BELSPO", type="agency", country_code="BEL",
                 aliases=["Politique scientifique fédérale", "Federaal Wetenschapsbeleid"],
                 website="https://www.belspo.be")
    list_lu = org(name="Luxembourg Institute of Science and Technology", acronym="LIST",
                  type="research_institute", country_code="LUX")
    mineco_lu = org(name="Ministry of the Economy", type="ministry", country_code="LUX",
                    aliases=["Ministry of Economy", "Ministère de l'Économie"])
    mtc_la = org(name="Ministry of Technology and Communications", acronym="MTC", type="ministry",
                 country_code="LAO", aliases=["Ministry of Technology and Communication"])
    ugent = org(name="Ghent University (demo partner)", acronym="UGent", type="university", country_code="BEL")
    vast = org(name="Vietnam Academy of Science and Technology", acronym="VAST", type="research_institute",
               country_code="VNM", aliases=["Viện Hàn lâm Khoa học và Công nghệ Việt Nam"])
    eu = org(name="European Commission", type="international_organization", country_code=None)

    def person(name: str, country: str, title: str, org_id: int | None, start: date | None = None) -> int:
        return people.create(db, par.PersonIn(
            name=name, country_code=country,
            positions=[par.PositionIn(title=title, organization_id=org_id, start_date=start)],
        ), ACTOR).id

    tung = person("Lý Hoàng Tùng", "VNM", "Head of the Vietnamese delegation", most_vn)
    dat = person("Huỳnh Thành Đạt", "VNM", "Minister of Science and Technology", most_vn, date(2021, 4, 8))
    boviengkham = person("Boviengkham Vongdara", "LAO", "Minister of Technology and Communications", mtc_la)
    demo_officer = person("Nguyễn Thị Demo", "VNM", "Desk officer, Europe (demo)", most_vn)

    # --- Belgium–Vietnam ---------------------------------------------------------------------
    be_vn = partnerships.create(db, pas.PartnershipIn(
        name="Belgium–Vietnam", country_codes=["BEL", "VNM"], relations_established=date(1973, 3, 22),
        summary="Scientific research and development cooperation run by a joint committee (BELSPO and MOST). "
                "2023 marked the 50th anniversary of diplomatic relations.",
    ), ACTOR)
    be_vn_committee = committees.create(db, pas.CommitteeIn(
        partnership_id=be_vn.id, name="Belgium-Vietnam Joint Committee for Scientific Research and Development",
        interval_months=24, cochair_ids=[belspo, most_vn],
    ), ACTOR)
    s5 = sessions.create(db, pas.SessionIn(
        committee_id=be_vn_committee.id, number=5, city=None, country_code=None,
        conclusions="Held in 2016 (exact dates not recorded). Its conclusions were reviewed at the 6th meeting.",
    ), ACTOR)
    s6 = sessions.create(db, pas.SessionIn(
        committee_id=be_vn_committee.id, number=6, start_date=date(2023, 7, 26), end_date=date(2023, 7, 30),
        city="Brussels", country_code="BEL",
        conclusions="BELSPO presented Horizon Europe and the Southeast Asia-Europe Joint Funding Scheme; the "
                    "Vietnamese side reported on the implementation of the 5th meeting's conclusions. Cooperation "
                    "projects continue in agriculture, industrial wastewater treatment, new materials and climate "
                    "change; Vietnam will promote projects in AI, ICT and automation.",
        delegates=[pas.DelegateIn(person_id=tung, country_code="VNM", is_head=True,
                                  role="Head of the Vietnamese delegation")],
        agenda_items=[pas.AgendaItemIn(title="Science policy and priorities: Horizon Europe"),
                      pas.AgendaItemIn(title="Results of recent Belgium–Vietnam research cooperation"),
                      pas.AgendaItemIn(title="Implementation of the conclusions of the 5th meeting")],
    ), ACTOR)
    s7 = sessions.create(db, pas.SessionIn(
        committee_id=be_vn_committee.id, number=7, start_date=date(2027, 3, 15), end_date=date(2027, 3, 16),
        city="Hanoi", country_code="VNM", conclusions="(demo) Planned next meeting.",
    ), ACTOR)
    c_projects = commitments.create(db, com.CommitmentIn(
        text="Continue to promote cooperation projects with Belgium, especially in artificial intelligence, "
             "information and communication technology and automation",
        partnership_id=be_vn.id, session_id=s6.id, status="in_progress", responsible_ids=[most_vn, belspo],
        due_date=date(2025, 12, 31),
    ), ACTOR)
    commitments.create(db, com.CommitmentIn(
        text="Report on the implementation of the conclusions of the committee's 5th meeting",
        partnership_id=be_vn.id, session_id=s6.id, status="done", completion="complete", responsible_ids=[most_vn],
    ), ACTOR)
    commitments.create(db, com.CommitmentIn(
        text="(demo) Exchange lists of candidate joint projects for the Southeast Asia-Europe Joint Funding Scheme",
        partnership_id=be_vn.id, session_id=s5.id, status="in_progress", completion="limited",
        due_date=date(2024, 6, 30), responsible_ids=[belspo],
    ), ACTOR)
    progress_updates.create(db, com.ProgressUpdateIn(
        commitment_id=c_projects.id, date=date(2024, 3, 1),
        note="(demo) Two joint proposals on AI for agriculture submitted to the joint funding scheme.",
    ), ACTOR)
    jfs = programmes.create(db, prj.ProgrammeIn(
        name="Southeast Asia-Europe Joint Funding Scheme", acronym="JFS",
        description="Multilateral joint funding scheme for research and innovation between Southeast Asian "
                    "and European countries.",
    ), ACTOR)
    programmes.create(db, prj.ProgrammeIn(
        name="Horizon Europe", description="EU Research and Innovation Programme 2021–2027.", funder_id=eu,
        website="https://research-and-innovation.ec.europa.eu",
    ), ACTOR)
    projects.create(db, prj.ProjectIn(
        title="(demo) Membrane bioreactors for industrial wastewater treatment in the Mekong Delta",
        partnership_id=be_vn.id, programme_id=jfs.id, start_date=date(2022, 1, 1), end_date=date(2025, 12, 31),
        budget=Decimal("450000"), currency="EUR", status="running",
        field_keys=["environment", "water_resources", "new_materials"], language="en",
        description="Pilot membrane bioreactors treating the wastewater of food-processing plants in the Mekong "
                    "Delta, with training for Vietnamese operators.",
        translations=[
            prj.TextIn(language="fr", title="(démo) Bioréacteurs à membrane pour le traitement des eaux usées "
                                            "industrielles dans le delta du Mékong",
                       description="Bioréacteurs à membrane pilotes traitant les eaux usées d'usines "
                                   "agroalimentaires du delta du Mékong, avec la formation d'opérateurs vietnamiens."),
            prj.TextIn(language="vi", title="(demo) Công nghệ sinh học màng xử lý nước thải công nghiệp ở Đồng "
                                            "bằng sông Cửu Long",
                       description="Thí điểm hệ thống sinh học màng xử lý nước thải của các nhà máy chế biến thực "
                                   "phẩm ở Đồng bằng sông Cửu Long, kèm đào tạo người vận hành Việt Nam."),
        ],
        partners=[prj.ProjectPartnerIn(organization_id=ugent, role="coordinator"),
                  prj.ProjectPartnerIn(organization_id=vast, role="partner"),
                  prj.ProjectPartnerIn(organization_id=belspo, role="funder")],
    ), ACTOR)
    visits.create(db, act.VisitIn(
        partnership_id=be_vn.id, from_country_code="VNM", to_country_code="BEL", start_date=date(2023, 7, 26),
        end_date=date(2023, 7, 30),
        purpose="Working trip of a MOST delegation to Belgium and Luxembourg; 6th meeting of the joint committee.",
        outcomes="Met BELSPO; in Luxembourg, the Luxembourg Institute of Science and Technology and the Ministry "
                 "of the Economy.",
        member_ids=[tung], organization_met_ids=[belspo, list_lu, mineco_lu],
    ), ACTOR)

    # --- Vietnam–Luxembourg: the planned agreement ---------------------------------------------
    vn_lu = partnerships.create(db, pas.PartnershipIn(
        name="Vietnam–Luxembourg", country_codes=["LUX", "VNM"], relations_established=date(1973, 11, 15),
        summary="Vietnam hopes to sign a science and technology cooperation agreement with Luxembourg.",
    ), ACTOR)
    agreements.create(db, agr.AgreementIn(
        title="Science and technology cooperation agreement between Vietnam and Luxembourg", kind="agreement",
        status="planned", partnership_id=vn_lu.id, country_codes=["LUX", "VNM"],
        organization_ids=[most_vn, mineco_lu],
    ), ACTOR)

    # --- Vietnam–Laos --------------------------------------------------------------------------
    vn_la = partnerships.create(db, pas.PartnershipIn(
        name="Vietnam–Laos", country_codes=["LAO", "VNM"], relations_established=date(1962, 9, 5),
        summary="Technology and innovation cooperation between MOST (Vietnam) and the Ministry of Technology and "
                "Communications (Laos), directions agreed for 2024–2026.",
    ), ACTOR)
    vn_la_committee = committees.create(db, pas.CommitteeIn(
        partnership_id=vn_la.id, name="Vietnam - Laos Technology and Innovation Cooperation Committee",
        interval_months=12, cochair_ids=[most_vn, mtc_la],
    ), ACTOR)
    la1 = sessions.create(db, pas.SessionIn(
        committee_id=vn_la_committee.id, number=1, start_date=date(2024, 5, 28), city="Vientiane",
        country_code="LAO",
        conclusions="Agreed to expand bilateral cooperation in technology and innovation and the direction of "
                    "cooperation for 2024–2026.",
        delegates=[pas.DelegateIn(person_id=dat, country_code="VNM", is_head=True,
                                  role="Minister of Science and Technology"),
                   pas.DelegateIn(person_id=boviengkham, country_code="LAO", is_head=True,
                                  role="Minister of Technology and Communications")],
    ), ACTOR)
    plan = agreements.create(db, agr.AgreementIn(
        title="Direction of cooperation for the period 2024–2026", kind="action_plan", status="planned",
        partnership_id=vn_la.id, country_codes=["LAO", "VNM"], organization_ids=[most_vn, mtc_la],
    ), ACTOR)
    agreements.transition(db, plan.id, "negotiating", plan.version, date(2024, 5, 28),
                          "Discussed at the 1st session", ACTOR)
    la_texts = [
        ("Share experiences in public management and policy planning", None, None),
        ("Support the construction of institutional and legal frameworks for high tech, high-tech zones and "
         "innovation", None, None),
        ("Consult each other systematically on the organisation and management of technology and innovation",
         None, None),
        ("Regular visits of officials of the two ministries", None, 1),
        ("Exchange working groups to carry out mid-term assessments of the implementation of high-level "
         "agreements", date(2025, 6, 30), None),
        ("Organise one or two training courses a year on science, technology and innovation management", None, 2),
        ("Encourage participation in annual supply–demand connectivity, technology transfer and innovative "
         "entrepreneurship events", None, 1),
    ]
    la_commitments = []
    for text, due, per_year in la_texts:
        la_commitments.append(commitments.create(db, com.CommitmentIn(
            text=text, partnership_id=vn_la.id, session_id=la1.id, due_date=due, target_per_year=per_year,
            status="in_progress" if per_year else "planned", responsible_ids=[most_vn, mtc_la],
        ), ACTOR))
    training = la_commitments[5]
    commitments.create(db, com.CommitmentIn(
        text="(demo) 2024 course: technology market development", partnership_id=vn_la.id, parent_id=training.id,
        session_id=la1.id, status="done", completion="complete", responsible_ids=[most_vn],
    ), ACTOR)
    commitments.create(db, com.CommitmentIn(
        text="(demo) 2025 course: innovation management for provincial officials", partnership_id=vn_la.id,
        parent_id=training.id, session_id=la1.id, status="planned", responsible_ids=[mtc_la],
        due_date=date(2025, 11, 30),
    ), ACTOR)
    events.create(db, act.EventIn(
        kind="training_course", title="(demo) Training course on technology market development",
        partnership_id=vn_la.id, start_date=date(2024, 10, 14), end_date=date(2024, 10, 18), city="Hanoi",
        country_code="VNM", participants_count=32, commitment_id=training.id, organizer_ids=[most_vn],
    ), ACTOR)
    progress_updates.create(db, com.ProgressUpdateIn(
        commitment_id=training.id, date=date(2024, 10, 18), count=1,
        note="(demo) First course held in Hanoi, 32 Lao officials trained.",
    ), ACTOR)
    events.create(db, act.EventIn(
        kind="tech_transfer_fair", title="(demo) Vietnam–Laos Techmart on agricultural technology",
        partnership_id=vn_la.id, start_date=date(2025, 9, 10), end_date=date(2025, 9, 11), city="Vientiane",
        country_code="LAO", participants_count=150, commitment_id=la_commitments[6].id,
        organizer_ids=[most_vn, mtc_la],
    ), ACTOR)
    group = working_groups.create(db, com.WorkingGroupIn(
        partnership_id=vn_la.id, name="(demo) Joint working group on mid-term assessment",
        mandate="Assess the implementation of high-level agreements at mid-term.",
    ), ACTOR)
    assessments.create(db, com.AssessmentIn(
        commitment_id=la_commitments[0].id, working_group_id=group.id, date=date(2025, 5, 20), rating="substantial",
        findings="(demo) Two policy-planning exchanges held; a third planned.",
    ), ACTOR)
    visits.create(db, act.VisitIn(
        partnership_id=vn_la.id, from_country_code="VNM", to_country_code="LAO", start_date=date(2024, 5, 27),
        end_date=date(2024, 5, 29), purpose="Ministerial delegation to the 1st session of the committee.",
        member_ids=[dat, demo_officer], organization_met_ids=[mtc_la],
    ), ACTOR)
    del s7  # upcoming session: shown on the dashboard
    from sticoop.demo.calls import load_call_demo

    load_call_demo(db, be_vn.id, belspo)
    from sticoop.demo.profiles import load_profile_demo

    made = load_profile_demo(db, {"most_vn": most_vn, "ugent": ugent, "vast": vast, "list_lu": list_lu})
    return {"partnerships": 3, "committees": 2, "sessions": 4, "profiles": made}
