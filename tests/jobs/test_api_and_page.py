"""Who sees which job: the owner and admins; anyone else gets 404 (the API, the list, cancel, the page)."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import select
from tests.conftest import TEST_TODAY

from sticoop.accounts.models import User
from sticoop.core.database import session_scope
from sticoop.core.principal import Principal, Role
from sticoop.jobs.service import enqueue, run_job

ROLES = ["admin", "secretariat", "member", "viewer"]


def _user_id(db_url: str, username: str) -> int:
    with session_scope(db_url) as db:
        found = db.scalar(select(User.id).where(User.username == username))
        assert found is not None
        return found


def _job_of(db_url: str, username: str, role: str, kind: str = "test.count", n: int = 2) -> int:
    owner = Principal(user_id=_user_id(db_url, username), username=username, role=Role(role))
    with session_scope(db_url) as db:
        return enqueue(db, kind, {"n": n}, owner).id


@pytest.mark.parametrize("reader_role", ROLES)
def test_a_job_is_seen_by_its_owner_and_admins_only(db_url: str, client_as, make_queue,  # type: ignore[no-untyped-def]
                                                   reader_role: str) -> None:
    make_queue()
    reader = client_as(reader_role, username="reader")
    for owner_role in ROLES:  # every owner role against this reader role
        owner = client_as(owner_role, username=f"owner-{owner_role}")
        job_id = _job_of(db_url, f"owner-{owner_role}", owner_role)
        mine = owner.get(f"/api/v1/jobs/{job_id}")
        assert mine.status_code == 200 and mine.json()["created_by"] == f"owner-{owner_role}"
        assert [item["id"] for item in owner.get("/api/v1/jobs").json()["items"]] == [job_id]
        theirs = reader.get(f"/api/v1/jobs/{job_id}")
        if reader_role == "admin":
            assert theirs.status_code == 200 and theirs.json()["id"] == job_id
        else:
            assert theirs.status_code == 404 and theirs.json()["detail"] == f"No job {job_id}"
            assert reader.post(f"/api/v1/jobs/{job_id}/cancel").status_code == 404
            assert f'id="job-{job_id}"' not in reader.get("/jobs").text
        assert reader.get("/api/v1/jobs").json()["items"] == []  # the list: one's own jobs only, admins too
        missing = reader.get(f"/api/v1/jobs/{job_id + 1000}")
        assert missing.status_code == 404 and missing.json()["detail"] == f"No job {job_id + 1000}"


def test_signed_out_gets_401(db_url: str, anon_client: TestClient, make_queue) -> None:  # type: ignore[no-untyped-def]
    for path in ("/api/v1/jobs", "/api/v1/jobs/1"):
        assert anon_client.get(path).status_code == 401


def test_the_list_is_newest_first_in_keyset_pages(db_url: str, client_as, make_queue) -> None:  # type: ignore[no-untyped-def]
    make_queue()
    viewer = client_as("viewer", username="me")
    client_as("viewer", username="someone")
    mine = [_job_of(db_url, "me", "viewer", n=n) for n in range(5)]
    _job_of(db_url, "someone", "viewer")
    seen, before, pages = [], None, 0
    while True:
        query = "?limit=2" + (f"&before={before}" if before else "")
        body = viewer.get(f"/api/v1/jobs{query}").json()
        seen += [item["id"] for item in body["items"]]
        pages += 1
        before = body["next_before"]
        if before is None:
            break
    assert seen == sorted(mine, reverse=True) and pages == 3
    for bad in ("limit=0", "limit=101", "before=0", "before=x"):
        response = viewer.get(f"/api/v1/jobs?{bad}")
        assert response.status_code == 422 and bad.split("=")[0] in response.text


def test_cancel_through_the_api(db_url: str, client_as, make_queue) -> None:  # type: ignore[no-untyped-def]
    make_queue()
    member = client_as("member", username="me")
    job_id = _job_of(db_url, "me", "member")
    cancelled = member.post(f"/api/v1/jobs/{job_id}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    again = member.post(f"/api/v1/jobs/{job_id}/cancel")
    assert again.status_code == 409 and "already finished (cancelled)" in again.json()["detail"]


@pytest.mark.parametrize("locale", ["en", "fr", "vi"])
def test_the_jobs_page_shows_progress_and_polls_only_while_a_job_is_open(db_url: str, client_as, make_queue,  # type: ignore[no-untyped-def]
                                                                          locale: str) -> None:
    make_queue()
    viewer = client_as("viewer", username="me")
    done_id = _job_of(db_url, "me", "viewer", n=4)
    assert run_job(done_id, db_url) is not None
    page = viewer.get(f"/jobs?lang={locale}")
    assert page.status_code == 200
    assert f'id="job-{done_id}"' in page.text and 'aria-valuenow="100"' in page.text and "hx-trigger" not in page.text
    assert {"en": "Succeeded", "fr": "Réussi", "vi": "Thành công"}[locale] in page.text
    open_id = _job_of(db_url, "me", "viewer", n=4)
    rows = viewer.get(f"/jobs/rows?lang={locale}")
    assert rows.status_code == 200 and "<html" not in rows.text
    assert f'id="job-{open_id}"' in rows.text and 'hx-trigger="every 2s"' in rows.text
    assert {"en": "Waiting", "fr": "En attente", "vi": "Đang chờ"}[locale] in rows.text


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_an_admin_exports_every_record_as_a_job_and_only_they_download_it(db_url: str, client_as, make_queue,  # type: ignore[no-untyped-def]
                                                                          fmt: str) -> None:
    make_queue()
    admin = client_as("admin", username="boss")
    other_admin = client_as("admin", username="other")
    secretariat = client_as("secretariat", username="officer")
    assert admin.post("/api/v1/organizations", json={"name": "Viện Hàn lâm Khoa học", "type": "agency",
                                                     "country_code": "VNM"}).status_code == 201
    assert 'action="/export"' in admin.get("/jobs").text and 'action="/export"' not in secretariat.get("/jobs").text
    assert secretariat.post("/export", data={"format": fmt}).status_code == 403
    started = admin.post("/export", data={"format": fmt})
    assert started.status_code == 303 and started.headers["location"] == "/jobs"
    [job] = admin.get("/api/v1/jobs").json()["items"]
    assert (job["kind"], job["status"], job["params"]) == ("transfer.export", "queued", {"format": fmt})
    assert admin.get(f"/jobs/{job['id']}/file").status_code == 404  # nothing made yet
    assert run_job(job["id"], db_url) is not None
    done = admin.get(f"/api/v1/jobs/{job['id']}").json()
    assert (done["status"], done["result"], done["progress_done"]) == ("succeeded", f"/jobs/{job['id']}/file", 1)
    download = admin.get(done["result"])
    assert download.status_code == 200
    suffix = {"json": "json", "csv": "zip", "xlsx": "xlsx"}[fmt]
    assert f"sticoop-export-{TEST_TODAY.isoformat()}.{suffix}" in download.headers["content-disposition"]
    assert "Viện Hàn lâm Khoa học" in _organisation_names(fmt, download.content)
    assert other_admin.get(done["result"]).status_code == 200  # admins see every job
    assert secretariat.get(done["result"]).status_code == 404
    assert admin.post("/export", data={"format": "pdf"}).status_code == 422


def _organisation_names(fmt: str, content: bytes) -> list[str]:
    """The organisation names in an export file of each format."""
    if fmt == "json":
        return [row["name"] for row in json.loads(content)["tables"]["organizations"]]
    if fmt == "csv":
        text = zipfile.ZipFile(io.BytesIO(content)).read("organizations.csv").decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text)))
        return [row["name"] for row in rows]
    sheet = load_workbook(io.BytesIO(content), read_only=True)["organizations"]
    header, *rows = list(sheet.iter_rows(values_only=True))
    return [str(row[header.index("name")]) for row in rows]
