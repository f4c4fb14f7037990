"""The briefing pack as a background job: the pages' button queues a ``briefing.pack`` job, the jobs page follows
it, and its result is the stored pack — built as its owner may see it, the same file the synchronous download
gives. A real huey queue (SQLite file) and consumer threads; bad input refused before anything is queued."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from tests.briefing.helpers import SECRETS, text_of
from tests.jobs.helpers import consumer, wait_for

from sticoop.briefing.jobs import JOB_KIND
from sticoop.briefing.models import BriefingPack
from sticoop.core.database import session_scope
from sticoop.jobs import queue as queue_module
from sticoop.jobs import registry
from sticoop.jobs.models import Job
from sticoop.jobs.queue import Queue, build_huey


@pytest.fixture
def jobs_queue(db_url: str, tmp_path: Path) -> Iterator[Queue]:
    made = Queue(build_huey(None, tmp_path / "queue.db"), db_url)
    queue_module.install(made)
    yield made
    queue_module.install(None)


def _last_job(db_url: str) -> Job | None:
    with session_scope(db_url) as db:
        job = db.scalar(select(Job).order_by(Job.id.desc()).limit(1))
        if job is not None:
            db.expunge(job)
        return job


def _click(client: TestClient, page: str, fmt: str) -> int:
    """Post the page's briefing form as the browser does (its action and hidden fields) with ``fmt``."""
    html = client.get(page).text
    action = html.split('class="briefing-links inline-form" method="post" action="', 1)[1].split('"', 1)[0]
    form = html.split(f'action="{action}"', 1)[1].split("</form>", 1)[0]
    fields = {part.split('name="', 1)[1].split('"', 1)[0]: part.split('value="', 1)[1].split('"', 1)[0]
              for part in form.split('<input type="hidden"')[1:] if 'name="csrf_token"' not in part}
    response = client.post(action, data={**fields, "format": fmt}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/jobs", response.text
    job = _last_job(str(client.app.state.database_url))  # type: ignore[attr-defined]
    assert job is not None and job.kind == JOB_KIND
    return job.id


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize("where", ["partnership", "visit"])
@pytest.mark.parametrize("role", ["viewer", "secretariat"])
def test_the_button_queues_a_job_whose_result_is_the_stored_pack(
        where: str, fmt: str, role: str, world: dict[str, Any], reader: Callable[[str], TestClient],
        db_url: str, jobs_queue: Queue) -> None:
    client = reader(role)
    pid, trip = world["partnership"]["id"], world["trip"]["id"]
    page = f"/partnerships/{pid}" if where == "partnership" else f"/visits/{trip}"
    job_id = _click(client, page, fmt)
    assert wait_for(db_url, job_id, seconds=0.01).status == "queued"  # nothing built in the request
    with consumer(jobs_queue):
        job = wait_for(db_url, job_id, seconds=120)
    assert (job.status, job.progress_done, job.progress_total, job.error) == ("succeeded", 3, 3, None)
    assert job.result is not None and job.result.startswith("/briefings/")
    listing = client.get("/jobs").text
    assert "Briefing pack" in listing and f'href="{job.result}"' in listing
    stored = client.get(job.result)
    assert stored.status_code == 200
    with session_scope(db_url) as db:
        row = db.get(BriefingPack, int(job.result.rsplit("/", 1)[1]))
        assert row is not None
        assert (row.format, row.partnership_id, row.visit_id) == (fmt, pid, trip if where == "visit" else None)
        assert row.built_by == job.created_by
    text = text_of(fmt, stored.content)
    assert world["partnership"]["name"] in text
    leaked = [secret for secret in SECRETS.values() if secret in text]
    if role == "viewer":
        assert leaked == []  # built as its owner may see it, in the worker
    else:
        assert SECRETS["commitment"] in leaked
    params = {"visit_id": trip} if where == "visit" else {}
    direct = client.get(f"/partnerships/{pid}/briefing.{fmt}", params=params)
    assert direct.content == stored.content  # the synchronous download stays, with the same file


BAD = [
    ({"format": "odt"}, 422, "format"),
    ({"format": "pdf", "visit_id": "abc"}, 422, "visit_id"),
    ({"format": "pdf", "visit_id": "0"}, 422, "visit_id"),
    ({"format": "pdf", "as_of": "15/06/2026"}, 422, "as_of"),
    ({"format": "pdf", "visit_id": "other"}, 422, "visit_id"),  # a visit of another partnership
    ({"format": "pdf", "partnership": "missing"}, 404, "partnership"),
    ({"format": "pdf", "partnership": "unassigned"}, 404, "partnership"),
]


@pytest.mark.parametrize(("form", "status", "named"), BAD)
def test_bad_input_is_refused_before_anything_is_queued(
        form: dict[str, str], status: int, named: str, world: dict[str, Any], client: TestClient,
        client_as: Callable[..., TestClient], db_url: str, jobs_queue: Queue) -> None:
    pid = world["partnership"]["id"]
    assigned = [pid]
    data = dict(form)
    if data.get("visit_id") == "other":
        other = client.post("/api/v1/partnerships", json={"name": "Other partnership",
                                                            "country_codes": ["BEL", "LAO"]}).json()
        visit = client.post("/api/v1/visits", json={"partnership_id": other["id"], "from_country_code": "BEL",
                                                    "to_country_code": "LAO", "start_date": "2026-09-01"})
        assert visit.status_code == 201, visit.text
        data["visit_id"] = str(visit.json()["id"])
        assigned.append(other["id"])  # the viewer sees both: the visit is refused for being another's
    actor = client_as("viewer", partnership_ids=assigned)
    target = pid
    if data.pop("partnership", None) == "missing":
        target = 999_999
    elif "partnership" in form:
        target = client.post("/api/v1/partnerships", json={"name": "Not assigned",
                                                             "country_codes": ["BEL", "THA"]}).json()["id"]
    response = actor.post(f"/partnerships/{target}/briefing/job", data=data, follow_redirects=False)
    assert response.status_code == status, response.text
    if status == 422:
        assert named in response.text
    with session_scope(db_url) as db:
        assert db.scalar(select(func.count()).select_from(Job)) == 0
    assert jobs_queue.pending() == 0


def test_a_stored_pack_is_out_of_sight_for_whoever_may_not_see_it(
        world: dict[str, Any], reader: Callable[[str], TestClient], client_as: Callable[..., TestClient],
        db_url: str, jobs_queue: Queue) -> None:
    secretariat = reader("secretariat")
    job_id = _click(secretariat, f"/partnerships/{world['partnership']['id']}", "pdf")
    with consumer(jobs_queue):
        job = wait_for(db_url, job_id, seconds=120)
    assert job.result is not None
    assert secretariat.get(job.result).status_code == 200
    assert reader("viewer").get(job.result).status_code == 404  # it holds a confidential background section
    assert client_as("secretariat").get(job.result).status_code == 404  # not assigned to the partnership
    assert secretariat.get("/briefings/999999").status_code == 404


def test_a_briefing_job_whose_worker_died_is_queued_again() -> None:
    assert registry.job_kind(JOB_KIND).rerun_stale  # the same records give the same pack, stored once
