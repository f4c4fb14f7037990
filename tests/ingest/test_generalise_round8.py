"""Kinds fixed in round 8 of issue 11 part 2 (see ``corpus/README.md``, "Round 8"). Each test walks the kind's
shapes in en/fr/vi with our own sentences, and the neighbouring shapes that must stay as they were; none reads
``../shared``.

- agreements: an amendment verb governing an agreement ("agreed to amend the MoU", "ont convenu de modifier le
  protocole", "thống nhất sẽ sửa đổi Bản ghi nhớ") makes it planned after a plan, modal or infinitive marker, and
  signed when the amendment is done; a renewal whose object is a pronoun ("reviewed the letter ... and agreed to
  extend it", "et de le prolonger") is a renewal, not a discussion; entry into force ("entered into force",
  "entré en vigueur", "có hiệu lực") makes a named agreement one in force (signed); talks, exchanges of views
  and drafts ("talks on", "exchanged views on a draft", "pourparlers", "projet d'accord", "dự thảo") are
  discussions; "initialled" is a signature.
"""

from __future__ import annotations

import pytest

from sticoop.ingest.extract.agreements import find_agreements


def _statuses(text: str) -> list[str]:
    return sorted(a.status for a in find_agreements(text))


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # an amendment decided or intended: planned
        ("The two sides agreed to amend the 2019 memorandum of understanding on marine science.", ["planned"]),
        ("The ministers will revise the protocol on space research next year.", ["planned"]),
        ("Les deux parties ont convenu de modifier le protocole d'accord de 2019.", ["planned"]),
        ("Hai bên thống nhất sẽ sửa đổi Bản ghi nhớ năm 2020 giữa hai viện.", ["planned"]),
        # an amendment done: signed
        ("The two agencies amended the 2016 arrangement on satellite data last week.", ["signed"]),
        ("Les deux ministères ont modifié l'accord de coopération de 2012.", ["signed"]),
        ("Hai bên đã sửa đổi Hiệp định hợp tác năm 2015.", ["signed"]),
        # neighbours that must not change: a signed amendment, a plain signature, "amend" across a comma
        ("The ministers signed an amendment to the 2019 memorandum of understanding.", ["signed"]),
        ("Un avenant à l'accord de 2019 a été signé.", ["signed"]),
        ("The parties signed a memorandum of understanding on health, to amend their rules later.", ["signed"]),
    ],
)
def test_round8_amendment_verbs(text: str, statuses: list[str]) -> None:
    assert _statuses(text) == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # a renewal of the agreement the clause names, by a pronoun
        ("They reviewed the letter of intent signed in March 2022 and agreed to extend it by three years.",
         ["renewed"]),
        ("The committee examined the memorandum of understanding and decided to renew it until 2030.",
         ["renewed"]),
        ("Les parties ont examiné l'accord de 2018 et ont décidé de le prolonger jusqu'en 2030.", ["renewed"]),
        ("Hai bên đã xem xét Thỏa thuận hợp tác và nhất trí gia hạn văn bản này thêm ba năm.", ["renewed"]),
        # neighbours: a review alone stays a discussion, an explicit extension stays a renewal
        ("The committee reviewed the memorandum of understanding on health research.", ["discussed"]),
        ("The parties agreed to extend the memorandum of understanding until 2030.", ["renewed"]),
        ("Les deux parties ont décidé de prolonger l'accord de coopération jusqu'en 2030.", ["renewed"]),
    ],
)
def test_round8_renewal_by_a_pronoun(text: str, statuses: list[str]) -> None:
    assert _statuses(text) == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # an agreement in force: signed
        ("The 2015 Science and Technology Cooperation Agreement, which entered into force in 2016, governs the "
         "work.", ["signed"]),
        ("The Agreement on Scientific Cooperation between Chile and New Zealand entered into force in 2019.",
         ["signed"]),
        ("L'accord de coopération scientifique, entré en vigueur en 2016, encadre ces travaux.", ["signed"]),
        ("Hiệp định hợp tác khoa học và công nghệ có hiệu lực từ năm 2016 là cơ sở cho hợp tác.", ["signed"]),
        # neighbours: a bare back-reference without a name is no item; a plan stays a plan
        ("Under the arrangement, which is in force, students will travel.", []),
        ("A framework agreement will be signed in May and enter into force in 2026.", ["planned"]),
    ],
)
def test_round8_agreements_in_force(text: str, statuses: list[str]) -> None:
    assert _statuses(text) == statuses


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # talks, exchanges of views and drafts: discussed
        ("Talks on a new agreement on research infrastructure are ongoing.", ["discussed"]),
        ("The two sides exchanged views on a draft memorandum of understanding on space technology.",
         ["discussed"]),
        ("Les deux parties ont échangé sur un projet d'accord de coopération spatiale.", ["discussed"]),
        ("Des pourparlers sur un protocole d'entente en santé ont commencé.", ["discussed"]),
        ("Hai bên đã trao đổi về dự thảo Bản ghi nhớ hợp tác về năng lượng.", ["discussed"]),
        # a draft whose signature is envisaged is planned; "initialled" is a signature
        ("The sides agreed to draft an implementing arrangement on lithium, to be signed in 2024.", ["planned"]),
        ("The delegations initialled the text of a protocol on space cooperation.", ["signed"]),
        ("The delegations initialed a protocol on space cooperation.", ["signed"]),
        # neighbours: a signature stays a signature, a negotiation stays a discussion
        ("The two ministers signed a memorandum of understanding on marine science.", ["signed"]),
        ("Un mémorandum sur l'énergie est en cours de négociation.", ["discussed"]),
        ("Bản ghi nhớ về hợp tác vũ trụ dự kiến được ký vào tháng 5.", ["planned"]),
    ],
)
def test_round8_talks_and_drafts(text: str, statuses: list[str]) -> None:
    assert _statuses(text) == statuses
