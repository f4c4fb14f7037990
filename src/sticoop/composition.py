"""The composition root: the one module that knows every domain.

``bootstrap()`` imports every domain's tables and session hooks (the audit trail, per-partnership scoping,
natural keys, merges — :mod:`sticoop.models`) and lets each domain declare its record kinds
(:func:`sticoop.core.registry.register_kind`). Entry points call it once: the web app factory, the CLI, the
migrations environment, the test suite and the benchmarks. Core and the domains never import this module.
"""

from __future__ import annotations

from sticoop.core import registry


def bootstrap() -> None:
    """Compose the app (idempotent)."""
    import sticoop.models  # noqa: F401  (every table and session hook)
    from sticoop.accounts import service as accounts
    from sticoop.activities import service as activities
    from sticoop.agreements import service as agreements
    from sticoop.briefing import jobs as briefing_jobs
    from sticoop.briefing import service as briefing
    from sticoop.calendar import service as calendar
    from sticoop.calls import service as calls
    from sticoop.commitments import service as commitments
    from sticoop.documents import service as documents
    from sticoop.ingest import service as ingest
    from sticoop.jobs import service as jobs
    from sticoop.linkage import rank as linkage
    from sticoop.matchmaking import service as matchmaking
    from sticoop.partners import service as partners
    from sticoop.partnerships import service as partnerships
    from sticoop.projects import service as projects
    from sticoop.reference import service as reference
    from sticoop.search import service as search
    from sticoop.transfer import service as transfer

    for domain in (reference, partnerships, partners, commitments, agreements, projects, activities, documents,
                   matchmaking, ingest, linkage, transfer, calendar, calls, briefing, briefing_jobs, accounts, jobs,
                   search):
        domain.register()
    registry.mark_bootstrapped()
