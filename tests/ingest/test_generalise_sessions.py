"""Session ordinals in their common shapes (issue 11 part 2), with our own short sentences in en/fr/vi.

Each case is one shape: digits with an ordinal suffix, number words read by text2num (en/fr), Roman numerals,
a committee acronym with its number, the committee as subject with a possessive, an announced session; and the
ordinals of other things (programmes, fairs, trainings, other bodies' meetings, anniversaries) that are not sessions.
"""

from __future__ import annotations

import pytest

from sticoop.ingest.extract.sessions import find_committee, ordinal_value, roman_value

SESSIONS = [
    ("The 7th Thailand-Japan Joint Committee on Science and Technology was held in Bangkok.", 7),
    ("The 16th China-U.S. Joint Commission Meeting on S&T Cooperation took place in Beijing.", 16),
    ("The Canada-Korea Joint Committee on Science and Technology met in Ottawa on Oct. 3 for its twelfth session.", 12),
    ("Delegates gathered for JCM-9 in Tokyo.", 9),
    ("JCM10 was held in Hanoi.", 10),
    ("The ministries set up Joint Committee Meetings (JCM). The first meeting of the JCM took place at once.", 1),
    ("The twenty-first session of the Joint Commission opened in Rome.", 21),
    ("The Joint Committee will hold its second meeting on Thursday.", 2),
    ("La 12e session de la Commission mixte franco-tunisienne s'est tenue à Tunis.", 12),
    ("La Commission mixte s'est réunie à Dakar pour sa douzième session.", 12),
    ("La vingt et unième session de la commission mixte s'est ouverte.", 21),
    ("La XXe session de la commission mixte s'est ouverte lundi.", 20),
    ("Khóa họp lần thứ 4 của Ủy ban hỗn hợp Việt Nam - Nhật Bản đã diễn ra.", 4),
    ("Khóa họp lần thứ IV của Ủy ban hỗn hợp Việt Nam - Nhật Bản đã diễn ra.", 4),
    ("Hội nghị lần thứ 14 của Ủy ban hỗn hợp về hợp tác khoa học đã khai mạc.", 14),
    ("Ủy ban hợp tác khoa học Hàn-Nhật đã nhóm họp phiên thứ 9 tại Seoul.", 9),
    ("Ủy ban hợp tác đã họp phiên thứ 6. Phiên họp lần thứ 7 dự kiến sẽ diễn ra tại Hà Nội.", 6),
]


@pytest.mark.parametrize(("text", "number"), SESSIONS)
def test_session_ordinal_shapes(text: str, number: int) -> None:
    committee = find_committee(text)
    assert committee is not None and committee.session_number == number


NOT_SESSIONS = [
    "Mexico and Jamaica formalised the III Scientific and Technical Cooperation Programme.",
    "The tenth China-Northeast Asia Expo opened in Changchun.",
    "The 1st Regional Training on coastal management began in Accra.",
    "La 12ème session de la formation régionale s'est ouverte à Rabat.",
    "Le 7ème salon africain de l'invention s'est ouvert à Cotonou.",
    "Đại hội đồng IAEA lần thứ 66 diễn ra tại Viên.",
    "The 20th anniversary of the Joint Commission was marked in Paris.",
]


@pytest.mark.parametrize("text", NOT_SESSIONS)
def test_ordinals_of_other_things_are_not_sessions(text: str) -> None:
    committee = find_committee(text)
    assert committee is None or committee.session_number is None


@pytest.mark.parametrize(
    ("word", "lang", "number"),
    [("twelfth", "en", 12), ("twenty-first", "en", 21), ("inaugural", "en", 1), ("douzième", "fr", 12),
     ("vingt et unième", "fr", 21), ("première", "fr", 1), ("seconde", "fr", 2), ("health", "en", None)],
)
def test_ordinal_words(word: str, lang: str, number: int | None) -> None:
    assert ordinal_value(word, lang) == number


@pytest.mark.parametrize(("numeral", "number"), [("IV", 4), ("VIII", 8), ("XIV", 14), ("IIII", None)])
def test_roman_numerals(numeral: str, number: int | None) -> None:
    assert roman_value(numeral) == number
