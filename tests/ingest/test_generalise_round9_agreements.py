"""Round 9, agreements: kinds of agreement misses on the development sets (`../shared/corpus/real`, `dev`,
heldout5..9, our own articles), each with our OWN sentences in en/fr/vi and the neighbouring shapes that must not
change. None reads ``../shared`` or a held-out file.

Kinds: future signings (French future verbs, a scheduled signing, "sắp ký"); revivals of dormant agreements;
plans and work programmes approved in talks (`discussed`, convention 9 of the corpus labels) and a decision to
draw one up (`planned`); a call's funding programme is no agreement; a previous agreement's participle never
governs the next noun; coordinated agreements with a determiner are two, a bare plural coordination one group;
an agreement named by its acronym; the bodies of an agreement, ratification and hand-over of signed texts; a
definite mention of another kind of agreement with its own signature is another agreement; a list of texts
signed at one ceremony keeps its science, technology and innovation items.
"""

from __future__ import annotations

import pytest
from tests.ingest.agreement_cases import statuses_of, titles_of


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # French future and conditional verbs are acts to come
        ("Les deux parties signeront un protocole d'entente sur la santé numérique en mai.", ["planned"]),
        ("Le ministre et son homologue concluront un accord sur l'eau lors du sommet.", ["planned"]),
        ("Les deux ministres renouvelleront l'accord de coopération de 2015 lors de la prochaine session.",
         ["planned"]),
        # a signing named as an event and scheduled after the noun
        ("The signing of a framework agreement on hydrogen is scheduled for June.", ["planned"]),
        ("Ahead of the signing of the agreement on marine research, the delegations met in Lisbon.", ["planned"]),
        ("La signature d'un accord-cadre sur l'hydrogène est prévue en juin.", ["planned"]),
        ("Lễ ký Bản ghi nhớ hợp tác giữa hai viện dự kiến diễn ra vào tháng 5.", ["planned"]),
        ("Hai bên sắp ký Bản ghi nhớ hợp tác về năng lượng tái tạo.", ["planned"]),
        ("Hai bên có kế hoạch ký kết Hiệp định hợp tác khoa học và công nghệ vào năm tới.", ["planned"]),
        ("Hai bên sẽ gia hạn Bản ghi nhớ hợp tác thêm 5 năm.", ["planned"]),
        ("Both sides hope the agreement will be finalised by the end of the year.", ["planned"]),
        # neighbours: done acts stay done
        ("Les deux parties ont signé un protocole d'entente sur la santé numérique.", ["signed"]),
        ("Les deux ministres ont renouvelé l'accord de coopération de 2015.", ["renewed"]),
        ("The signing ceremony of the memorandum of understanding was held in Seoul on Monday.", ["signed"]),
        ("Lễ ký kết Bản ghi nhớ hợp tác giữa hai trường đã diễn ra sáng nay.", ["signed"]),
        ("Ahead of the forum, the two ministers signed an agreement on marine research.", ["signed"]),
        ("Avant la cérémonie, les deux ministres ont signé un accord sur la recherche marine.", ["signed"]),
        ("Hai bên thống nhất sẽ gia hạn Bản ghi nhớ hợp tác thêm 5 năm.", ["renewed"]),
    ],
)
def test_future_signings(text: str, statuses: list[str]) -> None:
    assert statuses_of(text) == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # a revival decided is planned, one done renewed
        ("Les deux pays sont convenus de réactiver les accords de jumelage entre universités.", ["planned"]),
        ("The ministers agreed to revive the 2008 agreement on fisheries research.", ["planned"]),
        ("Hai bên nhất trí khôi phục các thỏa thuận hợp tác giữa các trường đại học.", ["planned"]),
        ("Les deux parties ont relancé l'accord de jumelage signé en 2005.", ["renewed"]),
        ("The two universities reactivated their 2010 exchange agreement last month.", ["renewed"]),
        # neighbour: reviving cooperation is no agreement
        ("The two sides agreed to revive cooperation in marine science.", []),
    ],
)
def test_revivals(text: str, statuses: list[str]) -> None:
    assert statuses_of(text) == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # a plan or work programme approved in talks is discussed (convention 9)
        ("The joint committee approved a work programme for 2025-2027.", ["discussed"]),
        ("La Commission a approuvé un programme de travail pour 2025-2027.", ["discussed"]),
        ("Ủy ban đã phê duyệt Kế hoạch hành động giai đoạn 2025-2027.", ["discussed"]),
        ("The commission agreed the programme of cooperation for 2026-2027 at its session.", ["discussed"]),
        # ... an approval still to come is planned
        ("Both ministries will convene the joint committee to approve a new programme of cooperation.", ["planned"]),
        # ... a decision to draw one up is planned; one side's task is no item
        ("The ministers agreed to prepare a new work plan for 2026-2028.", ["planned"]),
        ("Les deux ministres sont convenus d'élaborer un nouveau plan d'action.", ["planned"]),
        ("Hai bên nhất trí xây dựng Kế hoạch hành động giai đoạn 2026-2028.", ["planned"]),
        ("Department officials will prepare an action plan on the joint activities.", []),
        # neighbours: an agreement approved stays signed; a plan signed is signed
        ("The Cabinet approved the agreement on scientific cooperation with Chile.", ["signed"]),
        ("The co-chairs signed the work programme for 2025-2027.", ["signed"]),
        ("Hai Bộ trưởng đã ký Chương trình hợp tác giai đoạn 2025-2027.", ["signed"]),
        # "agreed to" a commitment is no agreement
        ("The two sides agreed to step up joint research and to exchange scientists every year.", []),
        ("Les deux parties ont convenu de coopérer dans le domaine de l'hydrogène vert.", []),
        ("Hai bên nhất trí tăng cường hợp tác nghiên cứu và trao đổi chuyên gia.", []),
    ],
)
def test_plans_approved_or_drawn_up(text: str, statuses: list[str]) -> None:
    assert statuses_of(text) == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # a call's funding programme is no agreement of the parties
        ("The foundation opens a call for proposals under the Joint Research Cooperation Programme 2026.", []),
        ("L'appel à projets est lancé dans le cadre du programme de coopération scientifique entre les deux "
         "agences.", []),
        ("Quỹ thông báo kêu gọi đề xuất nhiệm vụ trong khuôn khổ Chương trình hợp tác song phương năm 2026.", []),
        ("Hội đồng đã phê duyệt danh mục 05 đề tài thuộc Chương trình hợp tác song phương giữa hai quỹ.", []),
        # ... a previous memorandum's participle does not make it signed; the memorandum stays signed
        ("Thực hiện Bản ghi nhớ hợp tác ký năm 2022, Quỹ thông báo kêu gọi đề xuất nhiệm vụ trong khuôn khổ "
         "Chương trình hợp tác song phương năm 2026.", ["signed"]),
        ("Under the MoU signed in 2019, the foundation opens a call for proposals within the framework of the "
         "Joint Cooperation Programme 2026.", ["signed"]),
        ("Within the framework of the cooperation programme, the two institutes signed an MoU on AI.", ["signed"]),
        # neighbours: a programme the call is financed under that was itself signed; an agreement a call runs
        # under (in force, convention 9)
        ("The call is financed under the executive programme of cooperation for 2025-2027, signed last "
         "November.", ["signed"]),
        ("The call is open to researchers under the Memorandum of Understanding between NRF and RFBR.", ["signed"]),
        ("Les projets retenus seront financés dans le cadre de l'accord de coopération scientifique entre les "
         "deux pays.", ["signed"]),
    ],
)
def test_funding_programmes(text: str, statuses: list[str]) -> None:
    assert statuses_of(text) == statuses


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a determiner after the coordination: two agreements of one verb
        ("The two universities signed an MoU in 2022 and a new agreement on student exchange yesterday.",
         [("MoU in 2022", "signed"), ("agreement on student exchange", "signed")]),
        ("Les deux parties ont signé un mémorandum d'entente sur l'IA et un accord-cadre sur l'espace.",
         [("mémorandum d'entente sur l'IA", "signed"), ("accord-cadre sur l'espace", "signed")]),
        ("Hai bên đã ký Bản ghi nhớ về trí tuệ nhân tạo và một Thỏa thuận về vũ trụ.",
         [("Bản ghi nhớ về trí tuệ nhân tạo", "signed"), ("Thỏa thuận về vũ trụ", "signed")]),
        # a bare plural coordination, and texts signed in bulk, are one group
        ("Belarusian scientists signed agreements and memorandums with the Ministry of Innovative Development.",
         [("agreements and memorandums with the Ministry of Innovative Development", "signed")]),
        ("Twelve memorandums of understanding were signed by companies from both countries.",
         [("memorandums of understanding", "signed")]),
        ("Au total, une trentaine de conventions ont été signées entre universités des deux pays.",
         [("conventions", "signed")]),
        ("Tại diễn đàn, 27 biên bản ghi nhớ hợp tác đã được ký kết giữa các doanh nghiệp hai nước.",
         [("biên bản ghi nhớ hợp tác", "signed")]),
        # a later mention with a year of a future act is the same agreement
        ("The two ministries signed a memorandum of understanding on semiconductor training on Monday. The "
         "agreement will be reviewed in 2027.",
         [("memorandum of understanding on semiconductor training", "signed")]),
        # a definite mention of another kind with its own signature is another agreement
        ("Lundi, les deux ministres ont signé une convention de coopération sur la recherche. Cette signature "
         "fait suite à l'accord-cadre conclu avec le ministère des Affaires étrangères.",
         [("convention de coopération sur la recherche", "signed"),
          ("accord-cadre conclu avec le ministère des Affaires étrangères", "signed")]),
    ],
)
def test_one_or_two_agreements(text: str, expected: list[tuple[str, str]]) -> None:
    assert titles_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an acronym never defined, framing the meeting, in force
        ("Brussels and Hanoi agreed to open a dialogue on research, at a meeting held under the PCA, which has "
         "framed their relations since it entered into force in 2016.", [("PCA", "signed")]),
        ("La réunion s'est tenue dans le cadre de l'APC, entré en vigueur en 2016.", [("APC", "signed")]),
        # an acronym the text defines: the defining item, with the status of the acronym's clause
        ("The Comprehensive Economic Partnership Agreement (CEPA) covers trade and research. Researchers met in "
         "Jakarta under the CEPA to review joint projects.",
         [("Comprehensive Economic Partnership Agreement", "signed")]),
        ("The Science and Technology Agreement (STA) expires next year. Both sides agreed to renew the STA for "
         "five years.", [("Science and Technology Agreement", "renewed")]),
        ("L'accord de partenariat et de coopération (APC) lie les deux parties. Les ministres ont convenu de "
         "renouveler l'APC en 2026.", [("accord de partenariat et de coopération", "renewed")]),
        # neighbours: an organisation's acronym is no agreement, nor a partner's acronym after the noun
        ("The two sides signed an agreement with the Ministry of Science (MOST) on Monday. MOST will renew its "
         "support next year.", [("agreement with the Ministry of Science", "signed")]),
        ("The meeting was held under the auspices of UNESCO, which entered into force in 1945.", []),
        ("Officials of the IAEA reviewed the projects, which started last year.", []),
    ],
)
def test_acronyms(text: str, expected: list[tuple[str, str]]) -> None:
    assert titles_of(text) == expected


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # a body of an agreement meets under it: the agreement is in force (convention 9)
        ("The Technical Working Group of the Regional Cooperative Agreement met in Vienna for its 12th meeting.",
         ["signed"]),
        ("La 22e réunion du groupe de travail technique de l'accord régional de coopération pour la science "
         "nucléaire (ARCN) s'est tenue à Alger.", ["signed"]),
        # ratification and the exchange or hand-over of signed texts
        ("The two ministers witnessed the exchange of a memorandum of understanding between the two universities.",
         ["signed"]),
        ("Les deux ministres ont procédé à l'échange des instruments de ratification de l'accord de coopération "
         "scientifique.", ["signed"]),
        ("Hai bên đã trao Bản ghi nhớ hợp tác về đào tạo nhân lực bán dẫn.", ["signed"]),
        # neighbours: exchanges of views stay discussions
        ("The two sides exchanged views on a draft memorandum on space research.", ["discussed"]),
        ("The agreement provides for the exchange of scientists between the two academies.", []),
    ],
)
def test_bodies_ratification_and_exchange(text: str, statuses: list[str]) -> None:
    assert statuses_of(text) == statuses


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of texts signed at one ceremony: each item has the list's verb; the items without science,
        # technology or innovation are other cooperation, left out (convention 6)
        ("During the state visit, the two presidents witnessed the signing of five documents: an agreement on air "
         "services; a memorandum of understanding on cooperation in science and innovation; an agreement on visa "
         "exemption; and a protocol on trade.",
         [("memorandum of understanding on cooperation in science and innovation", "signed")]),
        ("Les deux ministres ont signé quatre accords : un accord sur les services aériens ; un accord de "
         "coopération scientifique et technique ; un mémorandum d'entente sur le tourisme.",
         [("accord de coopération scientifique et technique", "signed")]),
        ("Hai bên đã ký 3 văn kiện: Hiệp định về vận tải biển; Bản ghi nhớ về hợp tác khoa học và công nghệ; "
         "Thỏa thuận về du lịch.", [("Bản ghi nhớ về hợp tác khoa học và công nghệ", "signed")]),
        # neighbours: a list of science texts keeps every item; a list without a signature is no such list
        ("The ministers signed three documents: a memorandum on AI research; an agreement on marine science; and a "
         "protocol on space technology.",
         [("memorandum on AI research", "signed"), ("agreement on marine science", "signed"),
          ("protocol on space technology", "signed")]),
        ("Agenda: the committee discussed the memorandum; the action plan; and the call.",
         [("memorandum", "discussed")]),
    ],
)
def test_lists_signed_at_one_ceremony(text: str, expected: list[tuple[str, str]]) -> None:
    assert titles_of(text) == expected
