"""Candidate rules: for one proposed record, the existing records it may be, each with a reason and a score.

Every function returns at most :data:`MAX_CANDIDATES` :class:`Match` es, best first, read with bounded,
indexed queries (the ``linkage_keys`` index, or a parent id: the committee's sessions, the partnership's
agreements and commitments). Scores are in [0, 1]; from :data:`THRESHOLD` up, the best candidate is the
default choice ("use existing"). The rules, one per kind:

=============  ===========================================================================================
partnership    every countries of it are parties named in the text (1.0 when the parties are exactly its
               countries, 0.8 when the text names more, e.g. a third country visited on the same trip), 0.95
               when the committee named in the text belongs to it
committee      folded name (1.0); same language-neutral name (0.9, another language or word order); similar
               name (0.85 × the Dice similarity of the neutral tokens, or the share of the proposed name's
               tokens found in its name when higher: "Canada-Korea Joint Committee" is a short form);
               × 0.6 when its partnership is not among the parties
session        same committee and number (1.0); same committee and the date falls within the session (0.9)
agreement      same folded title (1.0); in a partnership of the parties, 0.9 × the share of the proposed
               title's words found in the agreement's title and countries (a fragment such as "agreements with
               Luxembourg soon" is judged on what it names: the kind and the country)
commitment     same folded text (1.0), else the Dice similarity of the texts' words, within the session or
               the partnership
organisation   same name or alias (1.0); same once abbreviations are spelt out (0.95); same acronym (0.9);
               same language-neutral name (0.9); same kind of body and proper name sounding alike (0.75);
               × 0.5 when both have a country and they differ
person         same folded name (1.0); same words in another order (0.85); another country: not a candidate
=============  ===========================================================================================
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sticoop.core.duplicates import N_, Candidate, on_duplicate_candidates
from sticoop.core.text import fold
from sticoop.linkage.index import link_key, lookup
from sticoop.linkage.names import containment, dice, neutral, sounds, tokens, words

MAX_CANDIDATES = 5
#: from this score up, the best candidate is chosen by default ("use existing")
THRESHOLD = 0.7
_SCAN = 200  # records of one parent read at most (a partnership's agreements, a session's commitments)

R_SAME_NAME = N_("same name or alias")
R_ABBREVIATIONS = N_("same name once abbreviations are spelt out")
R_ACRONYM = N_("same acronym")
R_NEUTRAL = N_("same name in another language or word order")
R_SOUNDS = N_("same kind of body, proper name spelt another way")
R_OTHER_COUNTRY = N_("similar name, but another country")
R_SIMILAR_NAME = N_("similar name")
R_WORD_ORDER = N_("same name, words in another order")
R_SAME_COUNTRIES = N_("same countries")
R_PARTIES = N_("its countries are parties named in the text")
R_COMMITTEE_NAMED = N_("its committee is named in the text")
R_SAME_NUMBER = N_("same committee and session number")
R_WITHIN_DATES = N_("same committee, the date falls within the session")
R_SAME_TITLE = N_("same title")
R_TITLE_WORDS = N_("the title's words are found in its title and countries")
R_SAME_TEXT = N_("same text")
R_SIMILAR_TEXT = N_("near-identical text")


@dataclass(frozen=True)
class Match:
    """An existing record a proposed one may be: its id, how it is named, why, and how sure (0..1)."""

    id: int
    name: str
    reason: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "score": round(self.score, 3)}


def best(matches: list[Match]) -> Match | None:
    """The default choice: the best candidate when its score reaches :data:`THRESHOLD`, else None (new)."""
    return matches[0] if matches and matches[0].score >= THRESHOLD else None


def _top(scored: Iterable[Match]) -> list[Match]:
    kept: dict[int, Match] = {}
    for m in scored:
        if m.score > 0 and (m.id not in kept or kept[m.id].score < m.score):
            kept[m.id] = m
    return sorted(kept.values(), key=lambda m: (-m.score, m.id))[:MAX_CANDIDATES]


def _visible(db: Session, service: Any, ids: Iterable[int], *columns: Any) -> list[Any]:
    """The ``columns`` (rows with those attributes) of the records among ``ids`` the session may see (the
    service's scoped base query: the per-partnership scope applies to column queries too). Ranking reads only
    the columns it scores, never whole records: a record's eager relationship loads and load events cost a
    millisecond or more each, and a lookup may find fifty."""
    ids = sorted(set(ids))
    if not ids:
        return []
    return list(_columns(db, service, *columns).where(service.model.id.in_(ids)))


class _Query:
    """A scoped column query of one service, narrowed with :meth:`where` (built by :func:`_columns`)."""

    def __init__(self, db: Session, statement: Any) -> None:
        self.db, self.statement = db, statement

    def where(self, *criteria: Any, limit: int | None = None) -> list[Any]:
        statement = self.statement.where(*criteria)
        return list(self.db.execute(statement.limit(limit) if limit else statement).all())


def _columns(db: Session, service: Any, *columns: Any) -> _Query:
    return _Query(db, service.base_query().with_only_columns(*columns))


# ----- organisations and people ------------------------------------------------------------------
def name_keys(name: str) -> set[str]:
    """The linkage keys of one name: neutral, sounds-alike, and acronym (for a one-word name)."""
    keys = {link_key("neutral", neutral(name))} if neutral(name) else set()
    if sounds(name):
        keys.add(link_key("sounds", sounds(name)))
    if len(fold(name).split()) == 1:
        keys.add(link_key("acronym", fold(name)))
    return keys


def organization_link_keys(obj: Any) -> list[str]:
    """Linkage keys of an organisation: those of its name and aliases, and its acronym."""
    keys: set[str] = set()
    for name in [obj.name, *(obj.aliases or [])]:
        if name:
            keys |= name_keys(name) - {link_key("acronym", fold(name))}
    if obj.acronym:
        keys.add(link_key("acronym", fold(obj.acronym)))
    return sorted(keys)


def _name_score(proposed: str, names: list[str], acronym: str | None) -> tuple[float, str]:
    folded, spelt, neutral_key, sound_key = fold(proposed), words(proposed), neutral(proposed), sounds(proposed)
    if acronym and folded == fold(acronym):
        return 0.9, R_ACRONYM
    score, reason = 0.0, ""
    for name in names:
        for value, why, test in ((1.0, R_SAME_NAME, fold(name) == folded),
                                 (0.95, R_ABBREVIATIONS, words(name) == spelt),
                                 (0.9, R_NEUTRAL, bool(neutral_key) and neutral(name) == neutral_key),
                                 (0.75, R_SOUNDS, bool(sound_key) and sounds(name) == sound_key)):
            if test and value > score:
                score, reason = value, why
    return score, reason


def rank_organizations(db: Session, name: str, country: str | None = None) -> list[Match]:
    """Organisations the proposed ``name`` (of ``country`` when known) may be."""
    from sticoop.partners.service import organizations

    keys = name_keys(name)
    acronym = _paren_acronym(name)
    if acronym:
        keys.add(link_key("acronym", fold(acronym)))
    home, bare = _country_named(name)
    if bare:
        keys.add(link_key("neutral", bare))
    from sticoop.partners.models import Organization as Org

    out = []
    for org in _visible(db, organizations, lookup(db, "organization", keys),
                        Org.id, Org.name, Org.aliases, Org.acronym, Org.country_code):
        score, reason = _name_score(name, [org.name, *(org.aliases or [])], org.acronym)
        if bare and org.country_code == home and score < 0.9 and any(
            neutral(n) == bare for n in [org.name, *(org.aliases or [])]
        ):
            score, reason = 0.9, R_NEUTRAL  # "Bộ Công nghệ và Truyền thông Lào" = the Lao "Ministry of ... "
        if acronym and org.acronym and fold(acronym) == fold(org.acronym) and score < 0.9:
            score, reason = 0.9, R_ACRONYM
        if country and org.country_code and country != org.country_code:
            score, reason = score * 0.5, R_OTHER_COUNTRY
        out.append(Match(org.id, org.name, reason, score))
    return _top(out)


def _country_named(name: str) -> tuple[str | None, str]:
    """A name that names its own country ("Bộ Công nghệ và Truyền thông Lào", "Ministry of Health of Kenya"):
    (that country's code, the neutral key without it); (None, "") when it names none, several, or nothing
    else. The country then has to be the organisation's own for the bare key to count."""
    toks = set(tokens(name))
    countries = [t for t in toks if t.startswith("@")]
    if len(countries) != 1 or len(toks) < 3:
        return None, ""
    return countries[0][1:], " ".join(sorted(toks - {countries[0]}))


def _paren_acronym(name: str) -> str | None:
    inside = name[name.find("(") + 1:name.find(")")] if "(" in name and ")" in name else ""
    return inside.strip() if inside.strip() and " " not in inside.strip() else None


def person_link_keys(obj: Any) -> list[str]:
    """Linkage key of a person: the words of the name, sorted (order and diacritics do not matter)."""
    return [link_key("words", " ".join(sorted(words(obj.name))))] if obj.name else []


def rank_people(db: Session, name: str, country: str | None = None) -> list[Match]:
    """People the proposed ``name`` (of ``country`` when known) may be; another country is never a candidate."""
    from sticoop.partners.models import Person
    from sticoop.partners.service import people

    out = []
    for person in _visible(db, people, lookup(db, "person", set(person_link_keys(_Named(name)))),
                           Person.id, Person.name, Person.country_code):
        if country and person.country_code and country != person.country_code:
            continue
        exact = fold(person.name) == fold(name)
        out.append(Match(person.id, person.name, R_SAME_NAME if exact else R_WORD_ORDER, 1.0 if exact else 0.85))
    return _top(out)


@dataclass
class _Named:
    name: str


# ----- partnerships, committees, sessions -----------------------------------------------------------
def committee_link_keys(obj: Any) -> list[str]:
    """Linkage key of a committee: its language-neutral name (any partnership)."""
    return [link_key("neutral", neutral(obj.name))] if obj.name and neutral(obj.name) else []


@dataclass(frozen=True)
class Party:
    """A partnership as linkage reads it: id, name and country codes (sorted), nothing else loaded."""

    id: int
    name: str
    country_codes: list[str]


def _country_codes(db: Session, table: Any, fk: str, ids: list[int]) -> dict[int, list[str]]:
    """``{record id: sorted country codes}`` from a country link table, one query."""
    out: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        column = table.c[fk]
        for rid, code in db.execute(select(column, table.c.country_code).where(column.in_(ids))
                                    .order_by(column, table.c.country_code)):
            out[rid].append(code)
    return out


def party_partnerships(db: Session, codes: list[str]) -> list[Party]:
    """Partnerships all of whose countries are among ``codes`` (at least two), at most 50, the session may see."""
    from sticoop.partnerships.models import Partnership, partnership_countries
    from sticoop.partnerships.service import partnerships

    if len(codes) < 2:
        return []
    pc = partnership_countries.c
    ids = db.execute(
        select(pc.partnership_id).where(pc.country_code.in_(codes)).group_by(pc.partnership_id)
        .having(func.count() >= 2).limit(50)).scalars().all()
    rows = _visible(db, partnerships, ids, Partnership.id, Partnership.name)
    countries = _country_codes(db, partnership_countries, "partnership_id", [r.id for r in rows])
    return [Party(r.id, r.name, countries[r.id]) for r in sorted(rows, key=lambda r: r.id)
            if set(countries[r.id]) <= set(codes)]


def rank_committees(db: Session, name: str, parties: list[Any]) -> list[Match]:
    """Committees the proposed ``name`` may be: by neutral name anywhere, and by similar name within the
    partnerships of the parties (``parties``: anything with an ``id``, from :func:`party_partnerships`)."""
    from sticoop.partnerships.models import Committee
    from sticoop.partnerships.service import committees

    party_ids = {p.id for p in parties}
    columns = (Committee.id, Committee.name, Committee.partnership_id)
    found = _visible(db, committees, lookup(db, "committee", set(committee_link_keys(_Named(name)))), *columns)
    if party_ids:
        found += _columns(db, committees, *columns).where(Committee.partnership_id.in_(party_ids), limit=50)
    mine, folded, neutral_key = tokens(name), fold(name), neutral(name)
    out = []
    for committee in found:
        if fold(committee.name) == folded:
            score, reason = 1.0, R_SAME_NAME
        elif neutral(committee.name) == neutral_key:
            score, reason = 0.9, R_NEUTRAL
        else:
            theirs = tokens(committee.name)
            score, reason = 0.85 * max(dice(mine, theirs), containment(mine, theirs)), R_SIMILAR_NAME
            score = score if score >= 0.4 else 0.0
        if party_ids and committee.partnership_id not in party_ids:
            score *= 0.6
        out.append(Match(committee.id, committee.name, reason, score))
    return _top(out)


def rank_partnerships(db: Session, codes: list[str], parties: list[Any],
                      committee: Any | None = None) -> list[Match]:
    """Partnerships for the parties ``codes``: ``parties`` scored (see the module table), plus the partnership
    of the chosen existing ``committee``."""
    out = []
    for p in parties:
        exact = sorted(p.country_codes) == sorted(codes)
        out.append(Match(p.id, p.name, R_SAME_COUNTRIES if exact else R_PARTIES, 1.0 if exact else 0.8))
    if committee is not None:
        partnership = committee.partnership
        score = 1.0 if sorted(partnership.country_codes) == sorted(codes) else 0.95
        out.append(Match(partnership.id, partnership.name, R_COMMITTEE_NAMED, score))
    return _top(out)


def rank_sessions(db: Session, committee_id: int, number: int | None, on: date | None) -> list[Match]:
    """Sessions of the existing committee with this ``number``, or whose dates hold the day ``on``."""
    from sticoop.partnerships.models import Committee, CommitteeSession
    from sticoop.partnerships.service import sessions

    query = _columns(db, sessions, CommitteeSession.id, CommitteeSession.number)
    mine = CommitteeSession.committee_id == committee_id
    label = db.scalar(select(Committee.name).where(Committee.id == committee_id)) or sessions.label
    out = []
    if number is not None:
        for s in query.where(mine, CommitteeSession.number == number, limit=MAX_CANDIDATES):
            out.append(Match(s.id, f"{label} — session {s.number}", R_SAME_NUMBER, 1.0))
    if on is not None:
        for s in query.where(mine, CommitteeSession.start_date <= on, func.coalesce(
                CommitteeSession.end_date, CommitteeSession.start_date) >= on, limit=MAX_CANDIDATES):
            out.append(Match(s.id, f"{label} — session {s.number}", R_WITHIN_DATES,
                             0.9 if number is None or s.number == number else 0.5))
    return _top(out)


# ----- agreements and commitments -----------------------------------------------------------------------
def rank_agreements(db: Session, title: str, partnership_ids: list[int]) -> list[Match]:
    """Agreements of these partnerships (the chosen one and those of the parties) the ``title`` may name."""
    from sticoop.agreements.models import Agreement, agreement_countries
    from sticoop.agreements.service import agreements

    if not partnership_ids:
        return []
    mine, folded = set(tokens(title)), fold(title)
    out = []
    query = agreements.base_query().with_only_columns(Agreement.id, Agreement.title)
    rows = db.execute(query.where(Agreement.partnership_id.in_(sorted(set(partnership_ids))))
                      .order_by(Agreement.id.desc()).limit(_SCAN)).all()
    countries = _country_codes(db, agreement_countries, "agreement_id", [r.id for r in rows])
    for agreement in rows:
        if fold(agreement.title) == folded:
            out.append(Match(agreement.id, agreement.title, R_SAME_TITLE, 1.0))
            continue
        theirs = set(tokens(agreement.title)) | {"@" + c for c in countries[agreement.id]}
        shared = mine & theirs
        score = 0.9 * containment(mine, theirs) if len(shared) >= 2 else 0.0
        out.append(Match(agreement.id, agreement.title, R_TITLE_WORDS, score if score >= 0.4 else 0.0))
    return _top(out)


#: the fewest content tokens a commitment needs before "all its words are in the other" counts as a paraphrase
PARAPHRASE_MIN_TOKENS = 4
#: the score of a paraphrase that holds every content word of the shorter text (above THRESHOLD: linked)
PARAPHRASE_SCORE = 0.85


def commitment_similarity(a: list[str], b: list[str]) -> float:
    """Similarity of two commitments' token lists in [0, 1]: Dice, or, when every content token of the shorter
    (at least PARAPHRASE_MIN_TOKENS of them) is in the longer, PARAPHRASE_SCORE times that share ("Regular visits of
    officials of the two ministries" = "officials from the two ministries will make regular visits and work
    together": Dice 0.67, all five words of the first in the second)."""
    sa, sb = set(a), set(b)
    small = min(len(sa), len(sb))
    overlap = len(sa & sb) / small if small >= PARAPHRASE_MIN_TOKENS else 0.0
    return max(dice(sa, sb), PARAPHRASE_SCORE * overlap if overlap == 1.0 else 0.0)


def rank_commitments(db: Session, text: str, partnership_id: int | None, session_id: int | None,
                     pool: dict[Any, list[tuple[int, str, list[str]]]] | None = None) -> list[Match]:
    """Commitments of the session (or, without one, of the partnership) whose text is near-identical.
    ``pool`` (optional) keeps the scope's commitments between calls, so the proposals of one article read
    them once: ``{scope: [(id, text, tokens)]}``."""
    from sticoop.commitments.models import Commitment

    if partnership_id is None and session_id is None:
        return []
    scope_key = ("session", session_id) if session_id else ("partnership", partnership_id)
    pool = {} if pool is None else pool
    if scope_key not in pool:
        scope = Commitment.session_id == session_id if session_id else Commitment.partnership_id == partnership_id
        rows = db.execute(select(Commitment.id, Commitment.text).where(scope)
                               .order_by(Commitment.id.desc()).limit(_SCAN)).all()
        pool[scope_key] = [(cid, ctext, tokens(ctext)) for cid, ctext in rows]
    mine, folded = tokens(text), fold(text)
    out = []
    for cid, ctext, theirs in pool[scope_key]:
        if fold(ctext) == folded:
            out.append(Match(cid, ctext[:200], R_SAME_TEXT, 1.0))
        else:
            score = commitment_similarity(mine, theirs)
            out.append(Match(cid, ctext[:200], R_SIMILAR_TEXT, score if score >= 0.5 else 0.0))
    return _top(out)


# ----- manual entry: the duplicate notice ---------------------------------------------------------------
def candidates_for(db: Session, entity: str, obj: Any) -> list[Match]:
    """Linkage candidates of a record being typed in a form (organisation, person or committee), the record
    itself left out: what the create form's duplicate notice adds to the exact natural-key matches."""
    if entity == "organization":
        found = rank_organizations(db, obj.name, obj.country_code) if obj.name else []
    elif entity == "person":
        found = rank_people(db, obj.name, obj.country_code) if obj.name else []
    elif entity == "committee" and obj.name and obj.partnership_id is not None:
        from sticoop.partnerships.models import Partnership

        partnership = db.get(Partnership, obj.partnership_id)
        found = rank_committees(db, obj.name, [partnership] if partnership is not None else [])
    else:
        found = []
    return [m for m in found if m.id != getattr(obj, "id", None)]


def linked_candidates(db: Session, service: Any, obj: Any) -> list[Candidate]:
    """The linkage candidates of ``obj`` from :data:`THRESHOLD` up, as duplicate candidates: registered with
    core (:func:`sticoop.core.duplicates.on_duplicate_candidates`) so manual entry of an organisation, person or
    committee answers 409 with "Université de Gand" when "Ghent University" exists."""
    if service.entity not in KEYS_OF:
        return []
    return [Candidate(m.id, m.name, m.reason) for m in candidates_for(db, service.entity, obj)
            if m.score >= THRESHOLD]


#: the record kinds that take part in linkage -> their linkage keys (kept in ``linkage_keys`` on every flush)
KEYS_OF: dict[str, Callable[[Any], list[str]]] = {
    "organization": organization_link_keys,
    "person": person_link_keys,
    "committee": committee_link_keys,
}


def register() -> None:
    """Plug record linkage into core's duplicate check (called once by :func:`sticoop.composition.bootstrap`):
    base domains do not import linkage; linkage, which reads them, registers itself."""
    on_duplicate_candidates(linked_candidates)
