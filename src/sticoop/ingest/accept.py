"""Turn reviewed extraction labels into records, matching what exists before creating anything new.

Order: organisations and people (matched by name, acronym or alias), the partnership of the parties'
countries, its committee and session, then agreements and commitments. Everything goes through the domain
services, so the same rules apply as in the API; the caller's transaction makes it all-or-nothing. Every
record is created with ``create_or_link``: a proposed record whose natural key (the one that makes the API
answer 409 "probable duplicate") matches a record the user can see is linked to that record, not copied.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from sticoop.activities import schemas as act
from sticoop.activities.service import events, visits
from sticoop.agreements import schemas as agr
from sticoop.agreements.service import agreements
from sticoop.commitments import schemas as com
from sticoop.commitments.service import commitments
from sticoop.core.countries import country_name, is_valid_code
from sticoop.core.errors import NotFound, ValidationFailed
from sticoop.core.text import fold
from sticoop.linkage.rank import (
    Match,
    best,
    party_partnerships,
    rank_agreements,
    rank_commitments,
    rank_committees,
    rank_organizations,
    rank_partnerships,
    rank_people,
    rank_sessions,
)
from sticoop.partners import schemas as par
from sticoop.partners.service import organizations, people
from sticoop.partnerships import schemas as pas
from sticoop.partnerships.models import Partnership
from sticoop.partnerships.service import committees, partnerships, sessions

AGREEMENT_STATUS = {
    "signed": "signed",
    "planned": "planned",
    "discussed": "negotiating",
    "renewed": "renewed",
}
EVENT_KIND = {"training": "training_course", "tech_transfer_event": "tech_transfer_fair"}


def _dates(value: str | None) -> tuple[date | None, date | None]:
    if not value:
        return None, None
    try:
        if "/" in value:
            start, end = value.split("/", 1)
            return date.fromisoformat(start), date.fromisoformat(end)
        return date.fromisoformat(value), None
    except ValueError:
        raise ValidationFailed(f"event_date '{value}' is not YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD") from None


def proposal_key(kind: str, title: str = "") -> str:
    """The stable key of one proposed record in the review and the API: its kind and folded title
    (``"organization:vietnam academy of science and technology"``; ``"partnership"``, ``"committee"`` and
    ``"session"`` alone, as an intake proposes at most one of each)."""
    return f"{kind}:{fold(title)[:120]}" if title else kind


@dataclass
class Proposal:
    """One proposed record: its key, kind and title, its ranked candidates, and the existing record chosen
    (``chosen``: an id, or None for "create new")."""

    key: str
    type: str
    title: str
    candidates: list[Match]
    chosen: int | None
    chosen_title: str | None = None
    explicit: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "type": self.type, "title": self.title[:300], "chosen": self.chosen,
                "chosen_title": self.chosen_title, "candidates": [c.to_dict() for c in self.candidates],
                "new": self.chosen is None, "id": self.chosen, "existing_title": self.chosen_title}


class _Walk:
    """Walks the labels in dependency order (organisations, people, partnership, committee, session,
    agreements, commitments, activity), ranking the candidates of each proposed record and taking the
    reviewer's choice (``links``) or the default (the best candidate from the threshold up). With ``write``,
    it also links or creates each record; without, it only proposes (the review page)."""

    def __init__(self, db: Session, labels: dict[str, Any], links: dict[str, int | None] | None,
                 actor: str, write: bool) -> None:
        self.session, self.labels, self.links, self.actor, self.write = db, labels, links or {}, actor, write
        self.proposals: list[Proposal] = []
        self.pool: dict[Any, Any] = {}  # commitments of a scope, read once per article
        self.created: list[dict[str, Any]] = []

    def choose(self, kind: str, title: str, key: str, candidates: list[Match], service: Any) -> Any | None:
        """The existing record chosen for this proposal (loaded), or None for "create new"."""
        explicit = key in self.links
        if explicit:
            chosen_id = self.links[key]
            if chosen_id is not None and not isinstance(chosen_id, int):
                raise ValidationFailed(f"links['{key}'] must be a record id or null", field="links")
        else:
            top = best(candidates)
            chosen_id = top.id if top else None
        known = next((c for c in candidates if c.id == chosen_id), None)
        if known is not None and not self.write:  # the review only needs its name, already at hand
            self.proposals.append(Proposal(key, kind, title, candidates, chosen_id, known.name, explicit))
            return known
        try:
            record = service.get(self.session, chosen_id) if chosen_id is not None else None
        except NotFound as exc:
            raise ValidationFailed(f"links['{key}']: {exc.message}", field="links") from None
        name = service.display_name(self.session, record) if record is not None else None
        self.proposals.append(Proposal(key, kind, title, candidates, chosen_id, name, explicit))
        if record is not None and self.write:
            self.note(kind, record, name or title, False)
        return record

    def note(self, kind: str, obj: Any, title: str, new: bool) -> None:
        self.created.append({"type": kind, "id": obj.id, "title": title[:200], "new": new})

    def make(self, kind: str, service: Any, data: Any, title: str) -> Any:
        """Create the record (the reviewer chose "new" explicitly: even over a natural-key match), or create
        it unless its natural key matches (the default when no candidate reached the threshold)."""
        if self.proposals[-1].explicit:
            record, new = service.create(self.session, data.model_copy(update={"allow_duplicate": True}),
                                         self.actor), True
        else:
            record, new = service.create_or_link(self.session, data, self.actor)
        self.note(kind, record, title if new else service.display_name(self.session, record), new)
        return record

    def run(self) -> None:
        labels = self.labels
        codes = sorted({c.upper() for c in labels.get("countries") or [] if isinstance(c, str) and is_valid_code(c)})
        start, end = _dates(labels.get("event_date"))
        org_ids = [o.id for o in (self.organization(name) for name in labels.get("organizations") or []) if o]
        person_ids = [p.id for p in (self.person(item) for item in labels.get("people") or []) if p]
        parties = party_partnerships(self.session, codes)
        committee_label = labels.get("committee") or {}
        committee_name = (committee_label.get("name") or "").strip() if isinstance(committee_label, dict) else ""
        committee_matches = rank_committees(self.session, committee_name, parties) if committee_name else []
        default_committee = best(committee_matches)
        committee_hint = None
        if default_committee is not None:
            chosen_committee = self.links.get("committee", default_committee.id)
            committee_hint = committees.get(self.session, chosen_committee) if chosen_committee is not None else None
        partnership = None
        if len(codes) >= 2:
            candidates = rank_partnerships(self.session, codes, parties, committee_hint)
            partnership = self.choose("partnership", "–".join(country_name(c) for c in codes), "partnership",
                                      candidates, partnerships)
            if partnership is None and self.write:
                name = "–".join(country_name(c) for c in codes)
                partnership = self.make("partnership", partnerships, pas.PartnershipIn(name=name, country_codes=codes),
                                        name)
        committee_session = None
        if committee_name and (partnership is not None or len(codes) >= 2):
            committee_session = self.committee(committee_name, committee_matches, committee_label, partnership,
                                               start, end, labels.get("location_country"))
        scope = sorted({p.id for p in parties} | ({partnership.id} if partnership is not None else set()))
        for item in labels.get("agreements") or []:
            self.agreement(item, partnership, scope, codes, org_ids)
        if len(codes) >= 2:
            for text in labels.get("commitments") or []:
                self.commitment(text, partnership, committee_session)
        if partnership is not None and self.write:
            _activity(self.session, labels, partnership, codes, start, end, org_ids, person_ids, self.actor,
                      self.note)

    def organization(self, name: Any) -> Any:
        if not isinstance(name, str) or not name.strip():
            raise ValidationFailed("organizations: each one is a non-empty name", field="organizations")
        name = name.strip()
        key = proposal_key("organization", name)
        found = self.choose("organization", name, key, rank_organizations(self.session, name), organizations)
        if found is None and self.write:
            return self.make("organization", organizations, par.OrganizationIn(name=name[:300]), name)
        return found

    def person(self, item: Any) -> Any:
        if not isinstance(item, dict):
            raise ValidationFailed("people: each one is an object {name, role, country}", field="people")
        name = str(item.get("name") or "").strip()
        if not name:
            return None
        country = item.get("country") if is_valid_code(item.get("country") or "") else None
        key = proposal_key("person", name)
        found = self.choose("person", name, key, rank_people(self.session, name, country), people)
        if found is None and self.write:
            positions = [par.PositionIn(title=item["role"][:300])] if item.get("role") else []
            return self.make("person", people, par.PersonIn(name=name[:200], country_code=country,
                                                             positions=positions), name)
        return found

    def committee(self, name: str, matches: list[Match], label: dict[str, Any], partnership: Any,
                  start: date | None, end: date | None, location: str | None) -> Any:
        committee = self.choose("committee", name, "committee", matches, committees)
        if committee is None and self.write and partnership is not None:
            committee = self.make("committee", committees,
                                  pas.CommitteeIn(partnership_id=partnership.id, name=name[:300]), name)
        number = label.get("session_number")
        number = number if isinstance(number, int) and number >= 1 else None
        if number is None and start is None:
            return None
        title = f"{name} — " + (f"session {number}" if number else start.isoformat() if start else "")
        candidates = rank_sessions(self.session, committee.id, number, start) if committee is not None else []
        found = self.choose("session", title, "session", candidates, sessions)
        if found is None and self.write and committee is not None and number is not None:
            found = self.make("session", sessions, pas.SessionIn(
                committee_id=committee.id, number=number, start_date=start, end_date=end,
                country_code=location if location and is_valid_code(location) else None), title)
        return found

    def agreement(self, item: Any, partnership: Any, scope: list[int], codes: list[str], org_ids: list[int]) -> None:
        title = ((item.get("title") if isinstance(item, dict) else None) or "Agreement")[:500]
        key = proposal_key("agreement", title)
        found = self.choose("agreement", title, key, rank_agreements(self.session, title, scope), agreements)
        if found is None and self.write:
            status = AGREEMENT_STATUS.get(item.get("status") or "", "planned")
            day = item.get("date") or ""  # the labels schema allows YYYY and YYYY-MM: only a full day is a date
            signed = date.fromisoformat(day) if status == "signed" and len(day) == 10 else None
            self.make("agreement", agreements, agr.AgreementIn(
                title=title, status=status, signed_date=signed,
                partnership_id=partnership.id if partnership else None, country_codes=codes,
                organization_ids=org_ids), title)

    def commitment(self, text: str, partnership: Any, committee_session: Any) -> None:
        key = proposal_key("commitment", text)
        candidates = rank_commitments(self.session, text, partnership.id if partnership else None,
                                      committee_session.id if committee_session else None, self.pool)
        found = self.choose("commitment", text, key, candidates, commitments)
        if found is None and self.write and partnership is not None:
            self.make("commitment", commitments, com.CommitmentIn(
                text=text, partnership_id=partnership.id,
                session_id=committee_session.id if committee_session else None), text)


def write_records(db: Session, labels: dict[str, Any], actor: str,
                  links: dict[str, int | None] | None = None) -> list[dict[str, Any]]:
    """Link or create every proposed record, as the reviewer chose (``links``: proposal key → existing id, or
    None for "create new"; a proposal not in ``links`` takes the default: the best candidate from the
    threshold up, else new). Returns the records written or linked, each ``{type, id, title, new}``."""
    walk = _Walk(db, labels, links, actor, write=True)
    walk.run()
    unknown = sorted(set(links or {}) - {p.key for p in walk.proposals})
    if unknown:
        raise ValidationFailed(f"links names no proposed record: {', '.join(unknown)}; the keys are those of "
                               "GET /api/intakes/{id}/proposals", field="links")
    return walk.created


def _activity(
    db: Session,
    labels: dict[str, Any],
    partnership: Partnership,
    codes: list[str],
    start: date | None,
    end: date | None,
    org_ids: list[int],
    person_ids: list[int],
    actor: str,
    note: Any,
) -> None:
    kind = labels.get("event_type")
    location = labels.get("location_country")
    if kind in EVENT_KIND:
        event, new = events.create_or_link(
            db,
            act.EventIn(
                kind=EVENT_KIND[kind],
                title=(labels.get("title") or f"{kind.replace('_', ' ').capitalize()}")[:500],
                partnership_id=partnership.id,
                start_date=start,
                end_date=end,
                country_code=location if location and is_valid_code(location) else None,
                organizer_ids=org_ids,
            ),
            actor,
        )
        note("event", event, event.title, new)
    elif kind == "ministerial_visit" and location in codes:
        origin = next((c for c in codes if c != location), None)
        if origin:
            visit, new = visits.create_or_link(
                db,
                act.VisitIn(
                    partnership_id=partnership.id,
                    from_country_code=origin,
                    to_country_code=location,
                    start_date=start,
                    end_date=end,
                    member_ids=person_ids,
                    organization_met_ids=[],
                ),
                actor,
            )
            note("visit", visit, f"{origin} → {location}", new)


# ----- read-only preview for the review page ---------------------------------------------------------
def preview(db: Session, labels: dict[str, Any],
            links: dict[str, int | None] | None = None) -> list[dict[str, Any]]:
    """What accepting these labels would do, without writing: each proposed record with its ranked
    candidates (id, name, reason, score) and the one chosen by default or by ``links``."""
    walk = _Walk(db, labels, links, "preview", write=False)
    with db.no_autoflush:
        walk.run()
    return [p.to_dict() for p in walk.proposals]
