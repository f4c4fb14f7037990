"""The title of an agreement, cut from the sentence around its noun.

``_title`` takes the noun with its complement (at most 90 characters, no comma, full stop or parenthesis), an
enumeration of domains, a year or capitalised English name before it, and cuts it before a verb, date or place of
its own clause; ``_second_partner`` gives the title of a second agreement of the same signature with another
partner.
"""

from __future__ import annotations

import re

from sticoop.ingest.extract.agreements.clauses import _AND
from sticoop.ingest.extract.agreements.cues import _SECOND_PARTNER, NOUNS

#: a coordination before a determiner or a number and an agreement noun: a second agreement ("signed an MoU in
#: 2022 and a new agreement on exchanges", "un mémorandum et un accord-cadre", "12 MoUs and 3 agreements"); a
#: bare coordination of nouns ("agreements and memorandums with the Ministry") names one group of texts
_ANOTHER = re.compile(
    r"\s+(?:(?:and|et|và|as well as|along with|together with|ainsi que|de même que|cũng như|cùng với)\s+"
    r"|ainsi qu['’]|de même qu['’])(?=(?:(?:a|an|the|another|un|une|le|la|les|một|các|\d+)\s+|l')"
    r"(?:[\w'-]+\s+){0,3}?" + NOUNS.pattern + ")",
    re.I,
)


def _second_partner(sentence: str, m: re.Match[str], clause_end: int) -> tuple[str, int] | None:
    """A second agreement of the same signature with another partner: "signed an agreement with A on X, and with
    B on Y" -> ("agreement with B on Y", offset of "with B"). None when the clause names one partner."""
    partner = re.match(r"[^,.;]{0,60}?\s(?:with|avec|với)\s", sentence[m.end() : clause_end], re.I)
    if partner is None:
        return None
    again = _SECOND_PARTNER.search(sentence, m.end() + partner.end(), clause_end)
    if again is None:
        return None
    tail = re.match(r"[^,.;()]{0,90}", sentence[again.end() :])
    words = sentence[again.start() : again.end()].split()
    title = f"{m.group(0)} {words[-1]} {tail.group(0) if tail else ''}".strip()
    return title, again.start()


#: an enumeration of domains inside a name, closed by "and" / "et" / "và" ("Hiệp định hợp tác khoa học, công
#: nghệ và đổi mới sáng tạo", "agreement on science, technology and innovation"): items of at most four words
_ENUMERATION = re.compile(
    r"(?:,\s*(?:[^\s,.;()]+\s+){0,3}[^\s,.;()]+)*,\s*(?:[^\s,.;()]+\s+){0,3}?[^\s,.;()]+\s+(?:and|et|và)\s+"
    r"[^,.;()]{0,90}",
    re.I,
)
#: where a title runs on past the agreement's name: a verb or participle of its own clause, a date, a place of
#: the act, a list ("signé en 2014 est arrivé", "at the ministry on 5 November 2024", "ký năm 2022", "dự kiến",
#: "có hiệu lực", "có PGS", "năm 2026 như sau:")
_TITLE_END = re.compile(
    r"\s+(?:was|were|is|has|had|will|which|that|between the two|signed|initial(?:l)?ed|valid|expected|"
    r"entered|in force|at the (?:ministry|headquarters|ceremony|close|end|meeting)|on \d{1,2}\b|today|yesterday|"
    r"on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:ce |le )?(?:lundi|mardi|mercredi|jeudi|vendredi)|"
    r"qui|a été|ont été|sera|seront|pourrait|est|sont|signée?s?|paraphée?s?|entrée? en vigueur|le \d{1,2}\b|"
    r"đã|được|sẽ|để|ký|dự kiến|có|mà|như sau|trong (?:năm|tháng)|ngày \d|"
    # words of the day of the act ("hôm nay tại Hà Nội", "aujourd'hui", "hier")
    r"hôm nay|hôm qua|sáng nay|chiều nay|aujourd['’]hui|hier|tại|"
    # the purpose or deadline of the act ("en vue de la prochaine rencontre", "avant la fin de l'année",
    # "by the end of the year", "with a view to", "trước cuối năm"), and a second infinitive ("and to organise")
    r"en vue d[eu']|with a view to|avant la fin|before the end|by the end|d['’]ici|ahead of|trước cuối|"
    r"and to \w+|since (?:19|20)\d\d|depuis|từ năm)\b|\s*:",
    re.I,
)


#: English agreement nouns written as part of a proper name ("Partnership and Cooperation Agreement")
_PROPER_NOUN = re.compile(r"Agreements?|Arrangements?|Memorandum|Protocol|Accord|Convention|Programme|Plan|Roadmap")
#: the capitalised words of an English name right before its noun, with inner "and" / "of" / "on" / "for"
#: ("Science and Technology Agreement", "Australia-Vietnam Agreement"); never a sentence's first article
_NAME_BEFORE = re.compile(
    r"(?<![\w-])(?!(?:The|A|An|This|That|Under|In|On|At|By|For|With)\s)[A-Z][\w&'’-]*\s+"
    r"(?:(?:(?:and|of|on|for|in|&)\s+)?[A-Z][\w&'’-]*\s+){0,5}$"
)
#: a year right before an agreement noun, part of its title ("the 1996 agreement")
_YEAR_BEFORE_NOUN = re.compile(r"\b(?:19|20)\d\d\s+$")


#: "in Canberra", "à Tunis", "tại Hà Nội" after the name: the place of the act, if a country or city follows
_PLACE_AFTER = re.compile(r"\s+(?:in|at|à|au|tại)\s+(?P<place>[A-ZÀ-ỸĐ][\w'’-]*(?:\s+[A-ZÀ-ỸĐ][\w'’-]*){0,2})")


def _without_place(title: str) -> str:
    """The title without the place of the act written after it ("Agreement on Scientific Cooperation in
    Canberra" -> "Agreement on Scientific Cooperation"): a country or city after in/at/à/tại ends it."""
    from sticoop.ingest.extract.organizations import _country_forms

    places = _country_forms()
    for m in _PLACE_AFTER.finditer(title):
        words = m.group("place").split()
        if any(" ".join(words[:k]) in places for k in range(len(words), 0, -1)):
            return title[: m.start()].rstrip(" ,")
    return title


def _title(sentence: str, m: re.Match[str]) -> str:
    """The agreement noun with its complement ('memorandum of understanding on bioeconomy ...'), an
    enumeration of domains with its commas included, cut before a verb, participle, date or place of its own
    clause (``_TITLE_END``)."""
    tail = re.match(r"[^,.;()]{0,90}", sentence[m.end() :])
    end = m.end() + (tail.end() if tail else 0)
    enumeration = _ENUMERATION.match(sentence, end)
    if enumeration is not None and not _TITLE_END.search(_AND.split(enumeration.group(0), maxsplit=1)[0]):
        end = enumeration.end()  # never an aside with a verb (", annexée au relevé, est adoptée et signée")
    start = m.start()
    year = _YEAR_BEFORE_NOUN.search(sentence, max(0, start - 6), start)
    if year is not None:
        start = year.start()  # "the 1996 agreement": the year names it
    elif _PROPER_NOUN.fullmatch(m.group(0)):
        name = _NAME_BEFORE.search(sentence, max(0, start - 90), start)
        if name is not None:
            start = name.start()  # "the Comprehensive Economic Partnership Agreement": its capitalised name
    title = sentence[start:end].strip()
    title = _TITLE_END.split(title, maxsplit=1)[0].rstrip(" ,")
    title = _without_place(title)
    title = _ANOTHER.split(title, maxsplit=1)[0]  # "MoU in 2022 and a new agreement on ...": the MoU's title
    # a second predicate coordinated after the title ("... on AI and agreed to renew ...", "et ont convenu de")
    title = re.split(
        r"\s+(?:and|et|và)\s+(?=(?:also\s+|ont\s+|a\s+|sont\s+|đã\s+)?(?:agreed|decided|signed|renew|discuss|review|"
        r"convenu|décidé|sign|renouvel|thống nhất|nhất trí|ký))",
        title,
    )[0]
    return re.sub(r"\s+(?:and|et|và)$", "", title.strip())  # "... de 2010 et [sont convenus]"
