"""Turn reviewed extraction labels into records, matching what exists before creating anything new.

Order: organisations and people (matched by name, acronym or alias), the partnership of the parties'
countries, its committee and session, then agreements and commitments. Everything goes through the domain
services, so the same rules apply as in the API; the caller's transaction makes it all-or-nothing. Every
record is created with ``create_or_link``: a proposed record whose natural key (the one that makes the API
answer 409 "probable duplicate") matches a record the user can see is linked to that record, not copied.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sticoop.activities import schemas as act
from sticoop.activities.service import events, visits
from sticoop.agreements import schemas as agr
from sticoop.agreements.service import agreements
from sticoop.commitments import schemas as com
from sticoop.commitments.service import commitments
from sticoop.core.countries import country_name, is_valid_code
from sticoop.core.duplicates import find_duplicates
from sticoop.core.errors import ValidationFailed
from sticoop.core.text import fold
from sticoop.partners import schemas as par
from sticoop.partners.models import Person
from sticoop.partners.service import organizations, people
from sticoop.partnerships import schemas as pas
from sticoop.partnerships.models import Committee, Partnership
from sticoop.partnerships.models import Session as CommitteeSession
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


def write_records(session: Session, labels: dict[str, Any], actor: str) -> list[dict[str, Any]]:
    created: list[dict[str, Any]] = []

    def note(kind: str, obj: Any, title: str, new: bool) -> None:
        created.append({"type": kind, "id": obj.id, "title": title[:200], "new": new})

    codes = sorted(
        {c.upper() for c in labels.get("countries") or [] if isinstance(c, str) and is_valid_code(c)}
    )
    start, end = _dates(labels.get("event_date"))

    org_ids: list[int] = []
    for name in labels.get("organizations") or []:
        existing = organizations.find_by_name(session, name)
        if existing is None:
            existing, new = organizations.create_or_link(session, par.OrganizationIn(name=name[:300]), actor)
            note("organization", existing, name if new else existing.name, new)
        else:
            note("organization", existing, existing.name, False)
        org_ids.append(existing.id)

    people_by_name: dict[str, int] = {}
    for item in labels.get("people") or []:
        name = (item.get("name") or "").strip()
        if not name:
            continue
        country = item.get("country") if is_valid_code(item.get("country") or "") else None
        match = next(
            (p for p in session.scalars(select(Person).where(Person.search_text == fold(name)).limit(5))),
            None,
        )
        if match is None:
            positions = [par.PositionIn(title=item["role"][:300])] if item.get("role") else []
            match, new = people.create_or_link(
                session, par.PersonIn(name=name[:200], country_code=country, positions=positions), actor
            )
            note("person", match, name if new else match.name, new)
        else:
            note("person", match, match.name, False)
        people_by_name[name] = match.id

    partnership = _partnership(session, codes, actor, note) if len(codes) >= 2 else None
    committee_session = None
    committee_label = labels.get("committee") or None
    if partnership is not None and committee_label and committee_label.get("name"):
        committee_session = _session(
            session, partnership, committee_label, start, end, labels.get("location_country"), actor, note
        )

    for item in labels.get("agreements") or []:
        status = AGREEMENT_STATUS.get(item.get("status") or "", "planned")
        signed = date.fromisoformat(item["date"]) if status == "signed" and item.get("date") else None
        agreement, new = agreements.create_or_link(
            session,
            agr.AgreementIn(
                title=(item.get("title") or "Agreement")[:500],
                status=status,
                signed_date=signed,
                partnership_id=partnership.id if partnership else None,
                country_codes=codes,
                organization_ids=org_ids,
            ),
            actor,
        )
        note("agreement", agreement, agreement.title, new)

    if partnership is not None:
        for text in labels.get("commitments") or []:
            commitment, new = commitments.create_or_link(
                session,
                com.CommitmentIn(
                    text=text,
                    partnership_id=partnership.id,
                    session_id=committee_session.id if committee_session else None,
                ),
                actor,
            )
            note("commitment", commitment, text if new else commitment.text, new)
        _activity(
            session,
            labels,
            partnership,
            codes,
            start,
            end,
            org_ids,
            list(people_by_name.values()),
            actor,
            note,
        )
    return created


def _partnership(session: Session, codes: list[str], actor: str, note: Any) -> Partnership:
    """The partnership of exactly these countries, or a new one named after them."""
    for candidate in session.scalars(
        select(Partnership).where(Partnership.countries.any(code=codes[0])).limit(500)
    ):
        if candidate.country_codes == codes:
            note("partnership", candidate, candidate.name, False)
            return candidate
    name = "–".join(country_name(c) for c in codes)
    created, new = partnerships.create_or_link(session, pas.PartnershipIn(name=name, country_codes=codes), actor)
    note("partnership", created, created.name, new)
    return created


def _session(
    session: Session,
    partnership: Partnership,
    label: dict[str, Any],
    start: date | None,
    end: date | None,
    location: str | None,
    actor: str,
    note: Any,
) -> CommitteeSession | None:
    name = label["name"]
    committee = next(
        (
            c
            for c in session.scalars(select(Committee).where(Committee.partnership_id == partnership.id))
            if fold(c.name) == fold(name)
        ),
        None,
    )
    if committee is None:
        committee, new = committees.create_or_link(
            session, pas.CommitteeIn(partnership_id=partnership.id, name=name[:300]), actor
        )
        note("committee", committee, committee.name, new)
    else:
        note("committee", committee, committee.name, False)
    number = label.get("session_number")
    if not isinstance(number, int) or number < 1:
        return None
    existing = session.scalar(
        select(CommitteeSession).where(
            CommitteeSession.committee_id == committee.id, CommitteeSession.number == number
        )
    )
    if existing is not None:
        note("session", existing, f"{committee.name} — session {number}", False)
        return existing
    created, new = sessions.create_or_link(
        session,
        pas.SessionIn(
            committee_id=committee.id,
            number=number,
            start_date=start,
            end_date=end,
            country_code=location if location and is_valid_code(location) else None,
        ),
        actor,
    )
    note("session", created, f"{committee.name} — session {number}", new)
    return created


def _activity(
    session: Session,
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
            session,
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
                session,
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
def preview(session: Session, labels: dict[str, Any]) -> list[dict[str, Any]]:
    """What accepting these labels would do, without writing: each proposed record, and the existing record
    it would reuse (same matching rules as :func:`write_records`), so the reviewer sees new vs existing."""
    items: list[dict[str, Any]] = []

    def add(kind: str, title: str, existing: Any = None, existing_title: str | None = None) -> None:
        items.append({"type": kind, "title": title, "new": existing is None,
                      "id": existing.id if existing is not None else None,
                      "existing_title": existing_title})

    for name in labels.get("organizations") or []:
        org = organizations.find_by_name(session, name)
        add("organization", name, org, org.name if org else None)
    for item in labels.get("people") or []:
        name = (item.get("name") or "").strip()
        if name:
            match = session.scalars(select(Person).where(Person.search_text == fold(name)).limit(1)).first()
            add("person", name, match, match.name if match else None)
    codes = sorted({c.upper() for c in labels.get("countries") or [] if isinstance(c, str) and is_valid_code(c)})
    partnership = _find_partnership(session, codes) if len(codes) >= 2 else None
    if len(codes) >= 2:
        add("partnership", "–".join(country_name(c) for c in codes), partnership,
            partnership.name if partnership else None)
    committee_label = labels.get("committee") or {}
    committee_session = None
    if len(codes) >= 2 and committee_label.get("name"):
        name = committee_label["name"]
        committee = None
        if partnership is not None:
            committee = next((c for c in session.scalars(select(Committee).where(
                Committee.partnership_id == partnership.id)) if fold(c.name) == fold(name)), None)
        add("committee", name, committee, committee.name if committee else None)
        number = committee_label.get("session_number")
        if isinstance(number, int) and number >= 1:
            existing = None if committee is None else session.scalar(select(CommitteeSession).where(
                CommitteeSession.committee_id == committee.id, CommitteeSession.number == number))
            add("session", f"{name} — session {number}", existing)
            committee_session = existing
    for item in labels.get("agreements") or []:
        title = (item.get("title") or "Agreement")[:500]
        match = _linked(session, agreements, title=title, partnership_id=partnership.id if partnership else None)
        add("agreement", title, match, match.title if match else None)
    if len(codes) >= 2:
        for text in labels.get("commitments") or []:
            match = None if partnership is None else _linked(
                session, commitments, text=text, partnership_id=partnership.id, parent_id=None,
                session_id=committee_session.id if committee_session else None)
            add("commitment", text, match, match.text if match else None)
    return items


def _linked(session: Session, service: Any, **proposed: Any) -> Any:
    """The record ``write_records`` would link to instead of creating ``proposed`` (same natural key), or None."""
    found = find_duplicates(session, service, SimpleNamespace(id=None, **proposed), limit=1)
    return service.get(session, found[0].id) if found else None


def _find_partnership(session: Session, codes: list[str]) -> Partnership | None:
    """The partnership of exactly these countries (the lookup :func:`_partnership` does before creating)."""
    for candidate in session.scalars(select(Partnership).where(Partnership.countries.any(code=codes[0])).limit(500)):
        if candidate.country_codes == codes:
            return candidate
    return None
