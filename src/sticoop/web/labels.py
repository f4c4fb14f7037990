"""Human labels for stored codes (statuses, kinds, types), the navigation, and record URLs.

Stored values stay English identifiers ("in_progress"); what an official reads is a translated label.
The strings are marked with ``N_`` so Babel extracts them; they are translated at render time.
"""

from __future__ import annotations

from collections.abc import Callable


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext no-op marker
    """Marks a string for extraction without translating it yet."""
    return message


NAVIGATION: tuple[tuple[str, str], ...] = (
    ("/partnerships", N_("Partnerships")),
    ("/committees", N_("Committees")),
    ("/sessions", N_("Sessions")),
    ("/commitments", N_("Commitments")),
    ("/agreements", N_("Agreements")),
    ("/projects", N_("Projects")),
    ("/visits", N_("Visits")),
    ("/events", N_("Events")),
    ("/organizations", N_("Organisations")),
    ("/people", N_("People")),
    ("/intakes", N_("Inbox")),
)

LABELS: dict[str, dict[str, str]] = {
    "partnership_status": {"active": N_("Active"), "dormant": N_("Dormant"), "ended": N_("Ended")},
    "commitment_status": {"planned": N_("Planned"), "in_progress": N_("In progress"), "done": N_("Done"),
                          "overdue": N_("Overdue"), "dropped": N_("Dropped")},
    "completion": {"not_started": N_("Not started"), "limited": N_("Limited"), "substantial": N_("Substantial"),
                   "complete": N_("Complete")},
    "agreement_status": {"planned": N_("Planned"), "negotiating": N_("Negotiating"), "signed": N_("Signed"),
                         "in_force": N_("In force"), "expired": N_("Expired"), "terminated": N_("Terminated"),
                         "renewed": N_("Renewed")},
    "agreement_kind": {"mou": N_("Memorandum of understanding"), "agreement": N_("Agreement"),
                       "protocol": N_("Protocol"), "action_plan": N_("Action plan")},
    "project_status": {"proposed": N_("Proposed"), "approved": N_("Approved"), "running": N_("Running"),
                       "completed": N_("Completed"), "cancelled": N_("Cancelled")},
    "partner_role": {"coordinator": N_("Coordinator"), "partner": N_("Partner"), "funder": N_("Funder")},
    "organization_type": {"ministry": N_("Ministry"), "agency": N_("Agency"), "university": N_("University"),
                          "research_institute": N_("Research institute"), "company": N_("Company"),
                          "international_organization": N_("International organisation"), "other": N_("Other")},
    "event_kind": {"training_course": N_("Training course"), "workshop": N_("Workshop"),
                   "tech_transfer_fair": N_("Technology-transfer fair"), "conference": N_("Conference")},
    "kind": {"session": N_("Session"), "agreement": N_("Agreement"), "commitment": N_("Commitment"),
             "project": N_("Project"), "visit": N_("Visit"), "event": N_("Event"), "partnership": N_("Partnership"),
             "committee": N_("Committee"), "organization": N_("Organisation"), "person": N_("Person"),
             "programme": N_("Programme"), "document": N_("Document"), "working_group": N_("Working group")},
    "intake_status": {"draft": N_("To review"), "unsupported": N_("Language not supported"),
                      "accepted": N_("Accepted"), "rejected": N_("Rejected")},
}

#: badge colour family per status value (CSS classes badge--good/--warn/--bad/--muted/--info)
BADGE_TONE: dict[str, str] = {
    "active": "good", "done": "good", "complete": "good", "signed": "good", "in_force": "good", "renewed": "good",
    "running": "good", "completed": "good", "approved": "info", "in_progress": "info", "negotiating": "info",
    "substantial": "info", "planned": "muted", "proposed": "muted", "not_started": "muted", "limited": "warn",
    "dormant": "warn", "overdue": "bad", "expired": "warn", "terminated": "bad", "dropped": "muted",
    "cancelled": "muted", "ended": "muted", "draft": "info", "unsupported": "warn", "accepted": "good",
    "rejected": "muted",
}

#: entity name -> URL prefix of its pages (None: no page of its own)
PAGE_PREFIX: dict[str, str | None] = {
    "partnership": "/partnerships", "committee": "/committees", "session": "/sessions",
    "commitment": "/commitments", "agreement": "/agreements", "project": "/projects", "visit": "/visits",
    "event": "/events", "organization": "/organizations", "person": "/people", "programme": None,
    "document": None, "working_group": None, "progress_update": None, "assessment": None, "intake": "/intakes",
}


def label(translate: Callable[[str], str], group: str, value: str | None) -> str:
    if value is None:
        return ""
    message = LABELS.get(group, {}).get(str(value))
    return translate(message) if message else str(value).replace("_", " ")


def choices(translate: Callable[[str], str], group: str) -> list[tuple[str, str]]:
    return [(value, translate(message)) for value, message in LABELS[group].items()]


def record_url(kind: str, record_id: int) -> str | None:
    prefix = PAGE_PREFIX.get(kind)
    return f"{prefix}/{record_id}" if prefix else None


def tone(value: str | None) -> str:
    return BADGE_TONE.get(str(value), "muted")
