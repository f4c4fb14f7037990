"""Where every domain's routers are collected, API and pages."""

from __future__ import annotations

from fastapi import APIRouter


def api_routers() -> list[APIRouter]:
    from sticoop.accounts.api import router as audit
    from sticoop.activities.api import router as activities
    from sticoop.agreements.api import router as agreements
    from sticoop.commitments.api import router as commitments
    from sticoop.dashboard.api import router as dashboard
    from sticoop.documents.api import router as documents
    from sticoop.ingest.api import router as ingest
    from sticoop.matchmaking.api import router as matchmaking
    from sticoop.matchmaking.brokerage_api import meetings_router
    from sticoop.matchmaking.brokerage_api import router as brokerage
    from sticoop.partners.api import router as partners
    from sticoop.partnerships.api import router as partnerships
    from sticoop.projects.api import router as projects
    from sticoop.reference.api import router as reference

    return [dashboard, reference, partnerships, partners, commitments, agreements, projects, activities, documents,
            ingest, matchmaking, brokerage, meetings_router, audit]


def page_routers() -> list[APIRouter]:
    from sticoop.accounts.pages import router as history
    from sticoop.activities.pages import router as activities
    from sticoop.agreements.pages import router as agreements
    from sticoop.commitments.pages import router as commitments
    from sticoop.ingest.pages import router as ingest
    from sticoop.matchmaking.brokerage_pages import router as brokerage
    from sticoop.matchmaking.pages import router as profiles
    from sticoop.partners.pages import router as partners
    from sticoop.partnerships.pages import router as partnerships
    from sticoop.projects.pages import router as projects
    from sticoop.web.pages import router as pages

    return [pages, partnerships, commitments, agreements, projects, partners, activities, ingest, profiles, history,
            brokerage]
