"""Where every domain's routers are collected, API and pages, each with its access rule.

This file is the app's access policy at a glance: who may read and who may change what. Which records a
user sees within a rule is decided per query (``sticoop.accounts.scoping``); which records a member may
change, by the record services. A router added here without a rule cannot be included.
"""

from __future__ import annotations

from fastapi import APIRouter

from sticoop.accounts.access import ADMINS, EDITORS, PUBLIC, READ_EDIT, READ_MEMBER_EDIT, SIGNED_IN, Access


def api_routers() -> list[tuple[APIRouter, Access]]:
    from sticoop.accounts.api import router as audit
    from sticoop.accounts.api import tokens_router
    from sticoop.activities.api import router as activities
    from sticoop.agreements.api import router as agreements
    from sticoop.briefing.api import router as briefing
    from sticoop.calls.api import reviewer_router as call_reviews
    from sticoop.calls.api import router as calls
    from sticoop.commitments.api import router as commitments
    from sticoop.dashboard.api import router as dashboard
    from sticoop.documents.api import router as documents
    from sticoop.ingest.api import router as ingest
    from sticoop.jobs.api import router as jobs
    from sticoop.matchmaking.api import router as matchmaking
    from sticoop.matchmaking.brokerage.api import meetings_router
    from sticoop.matchmaking.brokerage.api import router as brokerage
    from sticoop.partners.api import router as partners
    from sticoop.partnerships.api import router as partnerships
    from sticoop.portfolio.api import router as portfolio
    from sticoop.projects.api import router as projects
    from sticoop.projects.iati.api import sectors_router as iati_sectors
    from sticoop.reference.api import router as reference
    from sticoop.search.api import router as search

    return [
        (dashboard, SIGNED_IN),
        (reference, SIGNED_IN),
        (partnerships, READ_EDIT),
        (portfolio, READ_EDIT),  # read-only: timeline, implementation report
        (briefing, READ_EDIT),  # any reader builds a pack of what they may see; it is stored as a document
        (partners, READ_EDIT),
        # members change their organisation's commitments and progress; the service checks which
        (commitments, READ_MEMBER_EDIT),
        (agreements, READ_EDIT),
        (projects, READ_EDIT),
        (iati_sectors, ADMINS),  # the field → DAC sector mapping of the IATI export
        (activities, READ_EDIT),
        (documents, READ_EDIT),
        (ingest, EDITORS),
        (matchmaking, READ_EDIT),
        (brokerage, READ_EDIT),
        (meetings_router, READ_EDIT),
        (calls, READ_EDIT),
        (call_reviews, READ_MEMBER_EDIT),  # reviewers write their own reviews and conflicts
        (audit, ADMINS),
        (tokens_router, SIGNED_IN),  # one's own API tokens
        (jobs, SIGNED_IN),  # one's own background jobs (admins: any, by id)
        (search, SIGNED_IN),  # scoped by the viewer's partnerships before ranking
    ]


def page_routers() -> list[tuple[APIRouter, Access]]:
    from sticoop.accounts.account_pages import router as account
    from sticoop.accounts.login_pages import router as login
    from sticoop.accounts.pages import router as history
    from sticoop.accounts.users_pages import router as users
    from sticoop.activities.pages import router as activities
    from sticoop.agreements.pages import router as agreements
    from sticoop.briefing.pages import job_router as briefing_job
    from sticoop.briefing.pages import router as briefing
    from sticoop.calendar.pages import feed_router as calendar_feeds
    from sticoop.calendar.pages import router as calendar_account
    from sticoop.calls.pages import review_router as call_reviews
    from sticoop.calls.pages import router as calls
    from sticoop.commitments.pages import router as commitments
    from sticoop.dashboard.pages import router as dashboards
    from sticoop.ingest.pages import router as ingest
    from sticoop.jobs.pages import router as jobs
    from sticoop.matchmaking.brokerage.pages import router as brokerage
    from sticoop.matchmaking.pages import router as profiles
    from sticoop.partners.pages import router as partners
    from sticoop.partnerships.pages import router as partnerships
    from sticoop.portfolio.pages import router as portfolio
    from sticoop.projects.pages import router as projects
    from sticoop.search.pages import router as search
    from sticoop.server.pages import router as pages
    from sticoop.transfer.pages import router as transfer

    return [
        (login, PUBLIC),
        (account, SIGNED_IN),
        (pages, SIGNED_IN),
        (partnerships, READ_EDIT),
        (portfolio, READ_EDIT),  # the partnership and session pages
        (briefing, READ_EDIT),  # the briefing pack's download
        (briefing_job, SIGNED_IN),  # a pack as a background job: any reader, of what they may see
        (commitments, READ_MEMBER_EDIT),
        (agreements, READ_EDIT),
        (projects, READ_EDIT),
        (partners, READ_EDIT),
        (activities, READ_EDIT),
        (ingest, EDITORS),
        (profiles, READ_EDIT),
        (history, ADMINS),
        (users, ADMINS),
        (brokerage, READ_EDIT),
        (jobs, SIGNED_IN),  # one's own background jobs
        (transfer, ADMINS),  # an export of every record, as a background job
        (calendar_feeds, PUBLIC),  # the feed's own token authenticates (sticoop.calendar.service)
        (calendar_account, SIGNED_IN),  # one's own calendar links and reminders
        (calls, READ_EDIT),
        (call_reviews, READ_MEMBER_EDIT),  # reviewers score their assigned proposals
        (search, SIGNED_IN),  # the search box's results
        (dashboards, SIGNED_IN),  # charts and map, read through the viewer's scope (GET only)
    ]
