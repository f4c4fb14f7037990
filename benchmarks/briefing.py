"""Briefing pack benchmark: how long a pack of a large partnership takes, by step and by format.

Builds (SQLite file, or ``--url``) one partnership with 500 commitments (each with a responsible organisation,
every other one with two progress updates), 200 projects with budgets and funders, 30 agreements, 12 sessions,
a visit meeting 3 organisations whose 60 people have names in Vietnamese, Lao, Thai, Khmer, Korean, Chinese and
Japanese, and 20 press items — plus, as the baseline measured in the same run, a small partnership (10
commitments, 5 projects). Then times, for a secretariat user (median of ``--repeat`` runs): reading the data
(``build_briefing``), laying it out and writing the HTML, printing the PDF (WeasyPrint) and writing the DOCX.
Target: the PDF of the large partnership, all steps together, in under 3 s.

"Today" is pinned to the as-of day (``core.clock``), so the main rows time today's pack; the last row times a
pack of 30 days earlier, every section replayed from the audit log (``briefing/history.py``): every record is
dated as created 60 days before that day and changed the day after it, the worst case — all of them go
through the replay (a record created after the day would simply be left out).

Run: ``.venv/bin/python -m benchmarks.briefing [--repeat 3] [--url URL]`` (as a module: run as a script, the
folder's ``calendar.py`` would shadow the standard library's).
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as time_of_day
from decimal import Decimal
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from sqlalchemy import select, update

from sticoop.accounts.models import AuditEntry
from sticoop.activities.models import Visit
from sticoop.agreements.models import Agreement
from sticoop.briefing.layout import lay_out
from sticoop.briefing.render import docx_of, html_of, pdf_of
from sticoop.briefing.service import build_briefing
from sticoop.commitments.models import Commitment, ProgressUpdate
from sticoop.composition import bootstrap
from sticoop.core import clock
from sticoop.core.database import new_session, session_scope
from sticoop.core.i18n import Formatter
from sticoop.core.migrate import upgrade
from sticoop.core.principal import Principal, Role
from sticoop.documents.models import Document
from sticoop.ingest.models import Intake
from sticoop.partners.models import Organization, Person, Position
from sticoop.partnerships.models import Committee, CommitteeSession, Partnership
from sticoop.projects.models import Project, ProjectPartner
from sticoop.reference.models import Country
from sticoop.reference.service import seed_reference

bootstrap()

AS_OF = date(2026, 6, 15)
NAMES = ("Nguyễn Thị Minh Khai", "ສົມພອນ ພົມມະວົງ", "สมชาย ใจดี", "សុខ ចាន់ណា", "김민준", "王小明", "やまだ たろう")


def build(url: str, name: str, commitments: int, projects: int, people: int, seed: int) -> int:
    """One partnership of the given size; returns its id."""
    with session_scope(url) as db:
        countries = [db.get(Country, "BEL"), db.get(Country, "VNM")]
        partnership = Partnership(name=name, countries=countries, relations_established=date(1973, 3, 22))
        db.add(partnership)
        orgs = [Organization(name=f"Organisation {seed}-{i}", country_code="VNM" if i % 2 else "BEL")
                for i in range(6)]
        db.add_all(orgs)
        db.flush()
        committee = Committee(partnership_id=partnership.id, name=f"Joint committee {name}", interval_months=24)
        db.add(committee)
        db.flush()
        sessions = [CommitteeSession(committee_id=committee.id, number=n + 1, city="Hanoi",
                                     start_date=date(2004 + 2 * n, 5, 10), conclusions=f"Conclusions {n + 1}")
                    for n in range(12)]
        db.add_all(sessions)
        db.flush()
        held = [s for s in sessions if s.start_date and s.start_date <= AS_OF]
        rows = [Commitment(partnership_id=partnership.id, session_id=held[-1 - i % 3].id, responsible=[orgs[i % 6]],
                           text=f"Commitment {i}: organise joint training course number {i} in Cần Thơ",
                           due_date=AS_OF + timedelta(days=i - commitments // 2),
                           status=("planned", "in_progress", "overdue")[i % 3], confidential=i % 25 == 0)
                for i in range(commitments)]
        db.add_all(rows)
        db.flush()
        db.add_all([ProgressUpdate(commitment_id=c.id, date=AS_OF - timedelta(days=30 * k + 1),
                                   note=f"Progress {k} of commitment {c.id}: two researchers trained")
                    for c in rows[::2] for k in range(2)])
        db.add_all([Project(partnership_id=partnership.id, title=f"Project {i} on remote sensing of the Mekong delta",
                            status="running", start_date=date(2020, 1, 1) + timedelta(days=i),
                            budget=Decimal(250000 + i), currency="EUR",
                            partners=[ProjectPartner(organization_id=orgs[i % 6].id, role="funder")])
                    for i in range(projects)])
        db.add_all([Agreement(partnership_id=partnership.id, title=f"Agreement {i}", status="in_force",
                              signed_date=date(2015, 1, 1), expiry_date=date(2026, 1, 1) + timedelta(days=30 * i))
                    for i in range(30)])
        folks = [Person(name=f"{NAMES[i % len(NAMES)]} {i}", positions=[
            Position(title="Director", organization_id=orgs[i % 3].id, start_date=date(2020, 1, 1))])
            for i in range(people)]
        db.add_all(folks)
        db.add(Visit(partnership_id=partnership.id, from_country_code="VNM", to_country_code="BEL",
                     start_date=AS_OF + timedelta(days=20), purpose="Prepare the 12th session",
                     objectives="Raise the delays.\nPropose a new call.", organizations_met=orgs[:3]))
        for i in range(20 if commitments > 100 else 2):
            doc = Document(sha256=f"{seed:08x}{i:056x}", filename=f"press-{i}.txt", title=f"Press item {i}",
                           media_type="text/plain", size=10, partnership_id=partnership.id)
            db.add(doc)
            db.flush()
            db.add(Intake(document_id=doc.id, status="accepted", published=AS_OF - timedelta(days=i), title=doc.title))
        return partnership.id


CPU: dict[str, float] = {}


def median_ms(repeat: int, step: Callable[[], Any], name: str = "") -> tuple[float, Any]:
    """Median wall-clock milliseconds of ``step`` (and, in ``CPU[name]``, the median CPU milliseconds this
    process spent: on a shared machine the wall clock also counts the time other processes had the cores)."""
    times, cpu, result = [], [], None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = step()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    CPU[name] = statistics.median(cpu)
    return statistics.median(times), result


def measure(url: str, partnership_id: int, repeat: int, as_of: date = AS_OF) -> dict[str, float]:
    principal = Principal(user_id=None, username="bench", role=Role.secretariat,
                          partnership_ids=frozenset({partnership_id}))
    db = new_session(url)
    try:
        visit_id = db.query(Visit.id).filter(Visit.partnership_id == partnership_id).scalar()
        read, briefing = median_ms(repeat, lambda: build_briefing(db, principal, partnership_id, visit_id, as_of,
                                                                  "vi"), "read")
    finally:
        db.close()
    fmt = Formatter("vi")
    html_ms, html = median_ms(repeat, lambda: html_of(lay_out(briefing, fmt)), "html")
    pdf_ms, pdf = median_ms(repeat, lambda: pdf_of(html), "pdf")
    docx_ms, docx = median_ms(repeat, lambda: docx_of(lay_out(briefing, fmt), as_of))
    return {"read": read, "html": html_ms, "pdf": pdf_ms, "docx": docx_ms, "pdf_total": read + html_ms + pdf_ms,
            "cpu_total": CPU["read"] + CPU["html"] + CPU["pdf"], "read_cpu": CPU["read"], "pdf_cpu": CPU["pdf"],
            "pages": float(len(PdfReader(io.BytesIO(pdf)).pages)), "kb": len(pdf) / 1024,
            "docx_kb": len(docx) / 1024, "rows": float(len(briefing.open_commitments) + len(briefing.projects))}


def changed_after(url: str, day: date) -> None:
    """Every record created 60 days before ``day`` and changed (unchanged values) the day after it: the audit
    log of a pack of ``day`` where every record must be replayed."""
    created = datetime.combine(day - timedelta(days=60), time_of_day(9), tzinfo=UTC)
    changed = datetime.combine(day + timedelta(days=1), time_of_day(9), tzinfo=UTC)
    with session_scope(url) as db:
        db.execute(update(AuditEntry).values(at=created))
        rows = db.execute(select(AuditEntry.actor, AuditEntry.entity_type, AuditEntry.entity_id, AuditEntry.after)
                          .where(AuditEntry.action == "create")).all()
        db.add_all([AuditEntry(at=changed, actor=actor, action="update", entity_type=kind, entity_id=entity_id,
                               before=after, after=after) for actor, kind, entity_id, after in rows])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--url", help="database URL (default: a SQLite file in a temporary directory)")
    args = parser.parse_args()
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url or f"sqlite:///{Path(tmp) / 'briefing.db'}"
        upgrade(url)
        with session_scope(url) as db:
            seed_reference(db)
        small = build(url, "Small partnership", 10, 5, 7, 1)
        large = build(url, "Large partnership", 500, 200, 60, 2)
        clock.pin(AS_OF)
        figures = {"baseline: 10 commitments, 5 projects": measure(url, small, args.repeat),
                   "500 commitments, 200 projects": measure(url, large, args.repeat)}
        changed_after(url, AS_OF - timedelta(days=30))
        figures["the same, as of 30 days earlier (replayed)"] = measure(url, large, args.repeat,
                                                                        AS_OF - timedelta(days=30))
    print(f"load average before the run: {load[0]:.1f} (2 cores: above 2, the wall clock includes waiting)")
    print("| partnership | read ms (CPU) | HTML ms | PDF ms (CPU) | PDF total ms | PDF total CPU ms | pages | PDF KiB "
          "| DOCX ms | DOCX KiB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for label, f in figures.items():
        print(f"| {label} | {f['read']:.0f} ({f['read_cpu']:.0f}) | {f['html']:.0f} | "
              f"{f['pdf']:.0f} ({f['pdf_cpu']:.0f}) | {f['pdf_total']:.0f} | {f['cpu_total']:.0f} | "
              f"{f['pages']:.0f} | {f['kb']:.0f} | {f['docx']:.0f} | {f['docx_kb']:.0f} |")
    big = figures["500 commitments, 200 projects"]
    print(f"PDF of the large partnership: {big['pdf_total'] / 1000:.2f} s wall, {big['cpu_total'] / 1000:.2f} s CPU "
          f"(target < 3 s): {'met' if big['pdf_total'] < 3000 else 'missed'} on the wall clock, "
          f"{'met' if big['cpu_total'] < 3000 else 'missed'} in CPU time")


if __name__ == "__main__":
    main()
