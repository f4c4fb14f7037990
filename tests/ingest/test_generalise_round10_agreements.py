"""Round 10, agreements: kinds of agreement misses on the development sets (`../shared/corpus/real`, `dev`,
heldout5..8, heldout10, heldout11, our own articles), each with our OWN sentences in en/fr/vi and the
neighbouring shapes that must not change. None reads ``../shared`` or a held-out file.

Kinds (``tests/ingest/corpus/README.md``, "Agreements, round 10"): a session's record (minutes, protocol,
procès-verbal, biên bản) is a text of its own, never a back-reference to a plan or agreement of another kind; a
possible extension ("can be extended") is a term of the text, no renewal; "ainsi qu'un", "as well as a", "cùng
với một" coordinate a second agreement; a second infinitive of one decision ("agreed to launch a call and to
prepare a declaration") and a decided study of a signing ("convenu d'étudier la signature") are planned; a
technical procedure named "protocol" and the consent idiom "by mutual agreement" are no agreements; an agreement
binding the parties since a year is signed; the dated agreement an instrument serves ("an implementation plan for
the 2012 Agreement") is signed beside it; "projets de recherche" is no draft; a renewal's amendment is that
renewal; a bare pair mentioned again is the same group; titles end before a purpose, a deadline or "since".
"""

from __future__ import annotations

import pytest
from tests.ingest.agreement_cases import statuses_of, titles_of

from sticoop.ingest.extract.agreements import find_agreements


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # the record of the session after a plan or an agreement of another kind: two texts
        ("The commission approved a joint work programme for 2026-2028. At the close of the session, the two "
         "co-chairs signed the minutes of the meeting.", ["discussed", "signed"]),
        ("The committee adopted an action plan on marine research. The heads of delegation then signed the "
         "protocol of the fifth session.", ["discussed", "signed"]),
        ("La commission mixte adopte le programme de travail 2027-2029. Le procès-verbal de la réunion a été signé "
         "par les deux coprésidents.", ["discussed", "signed"]),
        ("Les deux ministres ont évoqué l'accord-cadre de 2015. Le procès-verbal de la session a été signé le "
         "lendemain.", ["discussed", "signed"]),
        ("Hai bên đánh giá việc thực hiện Hiệp định hợp tác khoa học ký năm 2010. Theo Biên bản được ký tại kỳ "
         "họp, hai bên sẽ mở đợt tuyển chọn mới.", ["signed", "signed"]),
        ("Hai bên đã thông qua Kế hoạch hành động giai đoạn 2026-2028. Biên bản phiên họp đã được hai trưởng đoàn "
         "ký.", ["discussed", "signed"]),
        # neighbours: a shortened or generic mention of the same text stays one item
        ("Hai viện đã ký Biên bản ghi nhớ hợp tác về vật liệu mới. Theo Biên bản, hai bên sẽ trao đổi chuyên gia.",
         ["signed"]),
        ("The two agencies signed an MoU on ocean science. The agreement covers joint cruises.", ["signed"]),
        ("Les deux instituts ont signé un mémorandum d'entente sur l'eau. L'accord prévoit des stages.", ["signed"]),
    ],
)
def test_session_record_is_a_text_of_its_own(text: str, statuses: list[str]) -> None:
    assert statuses_of(text) == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # a possible extension is a term of the signed text
        ("Both regions signed a memorandum of understanding on polar logistics. The agreement runs for five years "
         "and can be extended.", ["signed"]),
        ("The MoU was signed for three years and may be renewed by mutual agreement.", ["signed"]),
        ("Le mémorandum d'entente a été signé pour trois ans et peut être prolongé d'un commun accord.", ["signed"]),
        ("L'accord de coopération, signé en 2021, pourra être renouvelé pour une durée de cinq ans.", ["signed"]),
        ("Bản ghi nhớ được ký kết có thời hạn 5 năm và có thể được gia hạn.", ["signed"]),
        # neighbours: a renewal done or decided stays renewed, one to come planned
        ("The two sides extended the agreement on space research until 2030.", ["renewed"]),
        ("Les deux parties ont prolongé l'accord de coopération de cinq ans.", ["renewed"]),
        ("The memorandum will be renewed next year.", ["planned"]),
    ],
)
def test_possible_extension_is_no_renewal(text: str, statuses: list[str]) -> None:
    assert statuses_of(text) == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        ("Les deux pays ont signé un mémorandum d'entente sur la cybersécurité, ainsi qu'un accord de coopération "
         "entre les deux instituts océanographiques.", ["signed", "signed"]),
        ("The ministers signed a memorandum of understanding on cybersecurity, as well as an agreement between the "
         "two oceanography institutes.", ["signed", "signed"]),
        ("The two institutes signed a framework agreement along with a protocol on student exchanges.",
         ["signed", "signed"]),
        ("Le ministre a signé un accord-cadre, de même qu'une convention sur la mobilité des chercheurs.",
         ["signed", "signed"]),
        ("Hai bộ đã ký Bản ghi nhớ về an ninh mạng, cùng với một Thỏa thuận hợp tác giữa hai viện hải dương học.",
         ["signed", "signed"]),
        # neighbours: a bare plural coordination is one group
        ("They signed agreements and memorandums with the ministry.", ["signed"]),
        ("Ils ont signé des accords et conventions avec le ministère.", ["signed"]),
    ],
)
def test_as_well_as_a_second_agreement(text: str, statuses: list[str]) -> None:
    assert statuses_of(text) == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # the second infinitive of one decision drafts a text: planned
        ("Ils ont convenu de lancer en 2026 un appel conjoint consacré aux technologies quantiques, et de préparer "
         "une déclaration d'intention sur la science ouverte.", ["planned"]),
        ("The sides agreed to launch a joint call for proposals on quantum technologies in 2026 and to prepare a "
         "declaration of intent on open science.", ["planned"]),
        ("Les délégations ont décidé d'organiser une école d'été et d'élaborer une feuille de route commune.",
         ["planned"]),
        ("Hai bên nhất trí mở đợt tuyển chọn dự án chung về công nghệ lượng tử và xây dựng Tuyên bố ý định về "
         "khoa học mở.", ["planned"]),
        # neighbour: one side's task is no item
        ("The ministry launched a call in 2026 and will prepare an action plan.", []),
    ],
)
def test_second_infinitive_of_a_decision(text: str, statuses: list[str]) -> None:
    assert statuses_of(text) == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # a decided study of a signing: the signature is planned
        ("Les deux parties ont convenu d'étudier la signature d'un accord de coopération entre les deux instituts "
         "avant la fin de l'année.", ["planned"]),
        ("Les deux parties ont convenu d'élaborer un programme de formation et d'étudier la signature d'un accord "
         "de coopération entre les deux instituts.", ["planned"]),
        ("The two institutes agreed to explore the signing of a memorandum of understanding on genomics.",
         ["planned"]),
        ("The two sides agreed to set up a training scheme for technicians and to study the signing of a "
         "memorandum between the institutes.", ["planned"]),
        ("Hai viện nhất trí xem xét ký kết Bản ghi nhớ hợp tác về giải trình tự gen.", ["planned"]),
        # neighbours: a discussion of a signing without a decision stays discussed
        ("The two sides discussed the possibility of signing a memorandum on genomics.", ["discussed"]),
        ("Hai bên trao đổi về khả năng ký kết một thỏa thuận hợp tác.", ["discussed"]),
        ("Ils ont examiné la signature d'un accord de coopération.", ["discussed"]),
    ],
)
def test_decided_study_of_a_signing(text: str, statuses: list[str]) -> None:
    assert statuses_of(text) == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # a technical procedure named "protocol" and the consent idiom are no agreements
        ("The mayor cited a shared landslide monitoring protocol adopted by both provinces.", []),
        ("The hospitals adopted a common clinical protocol for dengue treatment.", []),
        ("The hospitals adopted a common clinical trial protocol for dengue.", []),
        ("Les deux laboratoires ont adopté un protocole de surveillance commun des récifs coralliens.", []),
        ("Les équipes ont adopté un protocole expérimental commun pour les essais.", []),
        ("Les hôpitaux ont adopté un protocole thérapeutique commun contre la dengue.", []),
        ("The dates of the next session will be set by mutual agreement.", []),
        ("La date de la prochaine session sera fixée d'un commun accord.", []),
        # neighbours: protocols between parties stay agreements
        ("The two ministries signed a protocol on research cooperation.", ["signed"]),
        ("The agencies signed a monitoring cooperation protocol.", ["signed"]),
        ("Les deux ministères ont signé un protocole de coopération scientifique.", ["signed"]),
        ("Hai bộ đã ký Nghị định thư về hợp tác nghiên cứu.", ["signed"]),
    ],
)
def test_technical_protocols_and_consent_are_no_agreements(text: str, statuses: list[str]) -> None:
    assert statuses_of(text) == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # an agreement binding the parties since a year is in force: signed
        ("La Bavière et le Québec sont liés par une entente de coopération depuis 1989.", ["signed"]),
        ("Bavaria and Quebec have been bound by a cooperation agreement since 1989.", ["signed"]),
        ("The two academies have had an exchange agreement since 2004.", ["signed"]),
        ("Hai nước đã có Hiệp định hợp tác khoa học và công nghệ từ năm 1989.", ["signed"]),
        # neighbours: a negotiation since a year, a programme funding since a year
        ("Since 2019, the two sides have been negotiating an agreement on space research.", ["discussed"]),
        ("Depuis 2015, les deux pays discutent d'un accord sur l'espace.", ["discussed"]),
        ("The programme of cooperation has funded 40 projects since 2014.", []),
    ],
)
def test_binding_since_a_year(text: str, statuses: list[str]) -> None:
    assert statuses_of(text) == statuses


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dated agreement an instrument serves is signed, beside the instrument
        ("It also agreed to finalise an implementation plan for the 2012 Agreement on Scientific and Technological "
         "Cooperation and to organise a joint research call.",
         [("implementation plan for the 2012 Agreement on Scientific and Technological Cooperation", "planned"),
          ("2012 Agreement on Scientific and Technological Cooperation", "signed")]),
        ("Les deux parties ont convenu d'élaborer un plan de mise en œuvre de l'accord de coopération scientifique "
         "de 2012.",
         [("plan de mise en œuvre de l'accord de coopération scientifique de 2012", "planned"),
          ("accord de coopération scientifique de 2012", "signed")]),
        ("Hai bên nhất trí xây dựng Kế hoạch triển khai Hiệp định hợp tác khoa học và công nghệ ký năm 2017.",
         [("Kế hoạch triển khai Hiệp định hợp tác khoa học và công nghệ", "planned"),
          ("Hiệp định hợp tác khoa học và công nghệ", "signed")]),
        # neighbour: no year, no agreement of its own
        ("The two sides agreed to prepare an implementation plan for the agreement.",
         [("implementation plan for the agreement", "planned")]),
    ],
)
def test_instrument_of_a_dated_agreement(text: str, expected: list[tuple[str, str]]) -> None:
    assert titles_of(text) == expected


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # "projets de recherche" are research projects, never a draft agreement
        ("Deux projets de recherche conjoints pourraient être soumis au prochain appel du programme de coopération "
         "franco-bavarois.", []),
        ("Des projets de recherche financés par le programme de coopération ont été présentés.", []),
        ("Les projets de recherche menés dans le cadre du programme de coopération avancent bien.", []),
        # neighbours: a draft of an agreement is discussed
        ("Les deux parties ont échangé sur un projet d'accord de coopération.", ["discussed"]),
        ("Le projet de protocole d'entente a été présenté aux ministres.", ["discussed"]),
        ("The two sides examined a draft memorandum on research cooperation.", ["discussed"]),
    ],
)
def test_research_projects_are_no_draft(text: str, statuses: list[str]) -> None:
    assert statuses_of(text) == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # the amendment of a renewal just reported is that renewal
        ("Le FNRS et les FRQ ont renouvelé pour cinq ans l'entente de coopération qui les lie. L'avenant a été "
         "signé à Bruxelles par les deux directeurs.", ["renewed"]),
        ("The two agencies renewed their memorandum of understanding on polar research for five years. The "
         "amendment was signed in Hobart by both directors.", ["renewed"]),
        ("Hai viện đã gia hạn Bản ghi nhớ hợp tác về nghiên cứu biển thêm 5 năm. Văn bản sửa đổi được ký tại Hà "
         "Nội.", ["renewed"]),
        # neighbours: an amendment of a signed agreement stays a text of its own
        ("Les deux universités ont signé un accord de coopération en 2019. L'avenant sera signé en juin.",
         ["planned", "signed"]),
        ("The ministries signed a framework agreement in 2019. The amendment will be signed in June.",
         ["planned", "signed"]),
    ],
)
def test_amendment_of_a_renewal(text: str, statuses: list[str]) -> None:
    assert statuses_of(text) == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # a bare pair mentioned again is the same group; a text coordinated after it with a determiner is another
        ("The institutes signed several agreements and memorandums at the fair. Agreements and memorandums were "
         "signed with the Ministry of Education, together with a memorandum of understanding with the Academy of "
         "Sciences.", ["signed", "signed"]),
        ("Les instituts ont signé plusieurs accords et conventions au salon. Des accords et conventions ont été "
         "signés avec le ministère, ainsi qu'un mémorandum d'entente avec l'Académie des sciences.",
         ["signed", "signed"]),
        ("The delegation signed agreements and memorandums in Tashkent. Agreements and memorandums were signed with "
         "three universities.", ["signed"]),
    ],
)
def test_bare_pair_mentioned_again(text: str, statuses: list[str]) -> None:
    assert statuses_of(text) == statuses


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a title ends before the act's purpose, its deadline or "since <year>"
        ("Ils ont convenu de préparer une déclaration d'intention sur la science ouverte en vue de la prochaine "
         "rencontre.", "déclaration d'intention sur la science ouverte"),
        ("Les deux parties ont convenu d'étudier la signature d'un accord de coopération entre les deux instituts "
         "avant la fin de l'année.", "accord de coopération entre les deux instituts"),
        ("Both sides intend to sign a memorandum on space research by the end of the year.",
         "memorandum on space research"),
        ("The two sides hope to sign an agreement on ocean research with a view to joint cruises.",
         "agreement on ocean research"),
        ("La Bavière et le Québec sont liés par une entente de coopération depuis 1989.", "entente de coopération"),
        ("Hai nước đã có Hiệp định hợp tác khoa học và công nghệ từ năm 1989.",
         "Hiệp định hợp tác khoa học và công nghệ"),
    ],
)
def test_title_ends(text: str, title: str) -> None:
    assert [a.title.value for a in find_agreements(text)] == [title]
