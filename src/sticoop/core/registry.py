"""Finds a record service by its entity name (for document links, audit and export).

This module imports the domains lazily, so ``core`` stays free of domain imports at load time.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sticoop.core.errors import ValidationFailed


@cache
def services() -> dict[str, Any]:
    from sticoop.activities.service import events, visits
    from sticoop.agreements.service import agreements
    from sticoop.commitments.service import assessments, commitments, progress_updates, working_groups
    from sticoop.documents.service import documents
    from sticoop.matchmaking.service import profiles
    from sticoop.partners.service import organizations, people
    from sticoop.partnerships.service import committees, partnerships, sessions
    from sticoop.projects.service import programmes, projects

    all_services = (partnerships, committees, sessions, organizations, people, commitments, progress_updates,
                    working_groups, assessments, agreements, programmes, projects, visits, events, documents, profiles)
    return {s.entity: s for s in all_services}


def service_for(entity_type: str) -> Any:
    try:
        return services()[entity_type]
    except KeyError:
        raise ValidationFailed(
            f"Unknown record type '{entity_type}'; one of: {', '.join(sorted(services()))}"
        ) from None


#: entity name -> URL prefix of its pages (None: no page of its own)
PAGE_PREFIX: dict[str, str | None] = {
    "partnership": "/partnerships", "committee": "/committees", "session": "/sessions",
    "commitment": "/commitments", "agreement": "/agreements", "project": "/projects", "visit": "/visits",
    "event": "/events", "organization": "/organizations", "person": "/people", "programme": "/programmes",
    "document": None, "working_group": "/working-groups", "progress_update": None, "assessment": None,
    "intake": "/intakes", "profile": "/profiles",
}


def record_url(kind: str, record_id: int) -> str | None:
    prefix = PAGE_PREFIX.get(kind)
    return f"{prefix}/{record_id}" if prefix else None
