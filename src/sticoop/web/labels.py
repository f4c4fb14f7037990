"""Human labels for stored codes (statuses, kinds, types), the navigation, and record URLs.

Stored values stay English identifiers ("in_progress"); what an official reads is a translated label.
The strings are marked with ``N_`` so Babel extracts them; they are translated at render time.
"""

from __future__ import annotations

from collections.abc import Callable

from sticoop.core.registry import record_url  # noqa: F401  (pages and templates reach it through labels)


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext no-op marker
    """Marks a string for extraction without translating it yet."""
    return message


NAVIGATION: tuple[tuple[str, str], ...] = (
    ("/partnerships", N_("Partnerships")),
    ("/committees", N_("Committees")),
    ("/sessions", N_("Sessions")),
    ("/commitments", N_("Commitments")),
    ("/working-groups", N_("Working groups")),
    ("/agreements", N_("Agreements")),
    ("/projects", N_("Projects")),
    ("/programmes", N_("Programmes")),
    ("/calls", N_("Funding calls")),
    ("/visits", N_("Visits")),
    ("/events", N_("Events")),
    ("/organizations", N_("Organisations")),
    ("/people", N_("People")),
    ("/intakes", N_("Inbox")),
    ("/profiles", N_("Marketplace")),
    ("/admin/users", N_("Users")),
    ("/jobs", N_("Jobs")),
)
#: sections only some roles can open (the others are not shown links they cannot use)
NAVIGATION_ROLES: dict[str, tuple[str, ...]] = {"/intakes": ("admin", "secretariat"), "/admin/users": ("admin",)}

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
             "programme": N_("Programme"), "document": N_("Document"), "working_group": N_("Working group"),
             "progress_update": N_("Progress update"), "assessment": N_("Assessment"),
             "profile": N_("Technology profile"), "intake": N_("Intake"), "call": N_("Funding call"),
             "call_funder": N_("Call funder"), "proposal": N_("Proposal"), "reviewer": N_("Reviewer"),
             "conflict_of_interest": N_("Conflict of interest"), "review": N_("Review"),
             "consensus": N_("Consensus report"), "review_assignment": N_("Review assignment"),
             "funding_decision": N_("Funding decision")},
    "call_status": {"draft": N_("Draft"), "open": N_("Open"), "closed": N_("Closed"),
                    "under_evaluation": N_("Under evaluation"), "decided": N_("Decided")},
    "proposal_status": {"draft": N_("Draft"), "submitted": N_("Submitted"), "withdrawn": N_("Withdrawn"),
                        "funded": N_("Funded"), "reserve": N_("Reserve list"), "not_funded": N_("Not funded")},
    "decision_outcome": {"funded": N_("Funded"), "reserve": N_("Reserve list"),
                         "below_threshold": N_("Below threshold"), "ineligible": N_("Ineligible"),
                         "not_evaluated": N_("Not evaluated")},
    "eligibility_rule": {"min_partners": N_("Minimum number of partners"),
                         "distinct_countries": N_("Distinct countries"), "region_quota": N_("Regional quota"),
                         "coordinator_funded": N_("Coordinator eligible for funding"),
                         "funded_partner_per_region": N_("A funded partner in each region"),
                         "trl_range": N_("TRL range"), "max_budget_per_partner": N_("Maximum budget per partner"),
                         "max_total_budget": N_("Maximum total budget"), "deadline": N_("Deadline"),
                         "admissibility": N_("Admissibility"), "funder_rules": N_("Funders' own rules")},
    "profile_kind": {"technology_offer": N_("Technology offer"), "technology_request": N_("Technology request"),
                     "rd_cooperation": N_("R&D cooperation"), "business_offer": N_("Business offer")},
    "profile_status": {"draft": N_("Draft"), "published": N_("Published"), "expired": N_("Expired"),
                       "withdrawn": N_("Withdrawn")},
    "ipr_status": {"patent_granted": N_("Patent granted"), "patent_applied": N_("Patent applied for"),
                   "secret_know_how": N_("Secret know-how"), "copyright": N_("Copyright"), "none": N_("None")},
    "profile_language": {"en": N_("English"), "fr": N_("French"), "vi": N_("Vietnamese"), "lo": N_("Lao"),
                         "km": N_("Khmer"), "th": N_("Thai"), "zh": N_("Chinese"), "ja": N_("Japanese"),
                         "ko": N_("Korean"), "de": N_("German"), "es": N_("Spanish"), "id": N_("Indonesian")},
    #: the field taxonomy (sticoop.reference.fields), translated for pages
    "tech_field": {
        "agriculture": N_("Agriculture"), "forestry": N_("Forestry"), "fisheries": N_("Fisheries and aquaculture"),
        "water_resources": N_("Water resources"), "environment": N_("Environment"),
        "climate_change": N_("Climate change"), "energy": N_("Energy and renewable energy"),
        "new_materials": N_("New materials"), "ai": N_("Artificial intelligence"),
        "ict": N_("Information and communication technology"), "iot": N_("Internet of Things"),
        "big_data": N_("Big data"), "cloud_computing": N_("Cloud computing"),
        "digital_transformation": N_("Digital transformation"), "automation": N_("Automation and robotics"),
        "remote_sensing": N_("Remote sensing"), "space": N_("Space technology"),
        "geology_minerals": N_("Geology and minerals"), "biotechnology": N_("Biotechnology"),
        "health_medicine": N_("Health and medicine"), "nuclear": N_("Nuclear science and technology"),
        "marine": N_("Marine science"), "high_tech_zones": N_("High-tech zones"),
        "innovation_startups": N_("Innovation and start-ups"), "technology_transfer": N_("Technology transfer"),
        "standards_metrology": N_("Standards and metrology"), "intellectual_property": N_("Intellectual property"),
        "education_training": N_("Education and training"), "policy_management": N_("S&T policy and management"),
        "other": N_("Other")},
    "score_part": {"semantic": N_("Meaning (semantic similarity)"), "keywords": N_("Keywords"),
                   "fields": N_("Fields"), "trl": N_("Readiness (TRL)"), "country": N_("Country"),
                   "partner_type": N_("Partner type")},
    "intake_status": {"draft": N_("To review"), "unsupported": N_("Language not supported"),
                      "accepted": N_("Accepted"), "rejected": N_("Rejected")},
    "role": {"admin": N_("Administrator"), "secretariat": N_("Secretariat"), "member": N_("Member"),
             "viewer": N_("Viewer")},
    "audit_action": {"create": N_("created"), "update": N_("changed"), "status": N_("status changed"),
                     "delete": N_("deleted"), "merge": N_("merged")},
}

#: badge colour family per status value (CSS classes badge--good/--warn/--bad/--muted/--info)
BADGE_TONE: dict[str, str] = {
    "active": "good", "done": "good", "complete": "good", "signed": "good", "in_force": "good", "renewed": "good",
    "running": "good", "completed": "good", "approved": "info", "in_progress": "info", "negotiating": "info",
    "substantial": "info", "planned": "muted", "proposed": "muted", "not_started": "muted", "limited": "warn",
    "dormant": "warn", "overdue": "bad", "expired": "warn", "terminated": "bad", "dropped": "muted",
    "cancelled": "muted", "ended": "muted", "draft": "info", "unsupported": "warn", "accepted": "good",
    "rejected": "muted", "published": "good", "withdrawn": "muted",
    "open": "good", "under_evaluation": "info", "submitted": "info", "funded": "good", "reserve": "warn",
    "ineligible": "bad", "below_threshold": "muted",
}

#: label groups whose English words also mean something else ("Published" the status is also "Published" the
#: date of a press release): translated in this gettext context (``msgctxt`` in the catalogues)
LABEL_CONTEXT: dict[str, str] = {group: "status" for group in LABELS if group.endswith("_status")}

Translate = Callable[[str], str]
ContextTranslate = Callable[[str, str], str]


def entity_label(translate: Translate, entity: str) -> str:
    """The translated name of a record type ("commitment" -> "Engagement"): one map (``LABELS["kind"]``) for
    the dashboard, history and every page that names a record type."""
    return label(translate, "kind", entity)


def navigation_for(role: str | None) -> tuple[tuple[str, str], ...]:
    return tuple((href, text) for href, text in NAVIGATION
                 if href not in NAVIGATION_ROLES or (role or "") in NAVIGATION_ROLES[href])


def _translated(translate: Translate, pgettext: ContextTranslate | None, group: str, message: str) -> str:
    context = LABEL_CONTEXT.get(group)
    return pgettext(context, message) if context and pgettext is not None else translate(message)


def label(translate: Translate, group: str, value: str | None, pgettext: ContextTranslate | None = None) -> str:
    """The translated label of a stored code (in the group's context when it has one); the code itself,
    spaced, when the group does not know it."""
    if value is None:
        return ""
    message = LABELS.get(group, {}).get(str(value))
    return _translated(translate, pgettext, group, message) if message else str(value).replace("_", " ")


def choices(translate: Translate, group: str, pgettext: ContextTranslate | None = None) -> list[tuple[str, str]]:
    """[(code, translated label)] of a group, in its declared order."""
    return [(value, _translated(translate, pgettext, group, message)) for value, message in LABELS[group].items()]


def tone(value: str | None) -> str:
    return BADGE_TONE.get(str(value), "muted")


def group_of(choices: frozenset[str]) -> str | None:
    """The LABELS group holding exactly these coded values (else the smallest one holding them all)."""
    exact = [g for g, values in LABELS.items() if set(values) == choices]
    if exact:
        return exact[0]
    wider = sorted((len(values), g) for g, values in LABELS.items() if choices <= set(values))
    return wider[0][1] if wider else None


class ExportLabels:
    """The labels of a CSV export in one language (see sticoop.core.export): coded values through LABELS,
    countries through the locale's names."""

    def __init__(self, translate: Callable[[str], str], country: Callable[[str], str], locale: str = "en") -> None:
        self._translate = translate
        self._country = country
        self._locale = locale

    def choice(self, choices: frozenset[str], value: str) -> str:
        group = group_of(choices)
        return label(self._translate, group, value) if group else str(value).replace("_", " ")

    def country(self, code: str) -> str:
        return self._country(code)

    def language(self, code: str) -> str:
        from sticoop.core.export import language_name

        known = LABELS["profile_language"]
        return self._translate(known[code]) if code in known else language_name(code, self._locale)
