"""Imports every domain's tables so that metadata (Alembic, tests) sees the whole schema, and the audit hook."""

import sticoop.accounts.audit  # noqa: F401  (registers the audit trail on every session)
import sticoop.accounts.scoping  # noqa: F401  (per-partnership access on every session)
from sticoop.accounts.models import ApiToken, AuditEntry, LoginAttempt, LoginSession, User  # noqa: F401
from sticoop.activities.models import Event, Visit  # noqa: F401
from sticoop.agreements.models import Agreement, AgreementStatusChange  # noqa: F401
from sticoop.briefing.models import BriefingPack  # noqa: F401
from sticoop.calendar.models import CalendarToken, ReminderDelivery, ReminderSettings  # noqa: F401
from sticoop.calls.models import Call, CallFunder, Proposal  # noqa: F401  (and the other tables of calls)
from sticoop.commitments.models import Assessment, Commitment, ProgressUpdate, WorkingGroup  # noqa: F401
from sticoop.core.duplicates import NaturalKey  # noqa: F401  (and the hook keeping it)
from sticoop.core.merge import MergedRecord  # noqa: F401
from sticoop.core.models import Base  # noqa: F401
from sticoop.documents.models import Document, DocumentLink  # noqa: F401
from sticoop.ingest.models import Intake  # noqa: F401
from sticoop.jobs import service as _jobs_service  # noqa: F401  (queues jobs when their transaction commits)
from sticoop.jobs.models import Job  # noqa: F401
from sticoop.linkage.index import LinkKey  # noqa: F401  (and the hook keeping it)
from sticoop.matchmaking.brokerage.models import BrokerageParticipant, MeetingRequest  # noqa: F401
from sticoop.matchmaking.models import ProfileEmbedding, TechProfile  # noqa: F401
from sticoop.partners.models import Organization, Person, Position  # noqa: F401
from sticoop.partnerships.models import AgendaItem, Committee, CommitteeSession, Partnership, SessionDelegate  # noqa: F401
from sticoop.projects.iati.models import IatiSector  # noqa: F401
from sticoop.projects.models import Programme, Project, ProjectPartner  # noqa: F401
from sticoop.reference.models import Country, Field  # noqa: F401
from sticoop.search import index as _search_index  # noqa: F401  (the search index and the hook keeping it)
