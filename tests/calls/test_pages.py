"""The calls pages on the demo call, in the three languages: call page with funders' budgets used and remaining,
proposal page with its eligibility report, ranking, decision table, reviewer's inbox and scoring form."""

from __future__ import annotations

import html
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from sticoop.calls.models import Call, Proposal, Reviewer
from sticoop.core.database import session_scope
from sticoop.demo.data import load_demo


@pytest.fixture
def demo(db_url: str, client: TestClient) -> dict[str, int]:
    with session_scope(db_url) as db:
        load_demo(db)
    with session_scope(db_url) as db:
        ids = {p.acronym: p.id for p in db.scalars(select(Proposal))}
        ids["call"] = db.scalars(select(Call.id)).one()
        ids["partnership"] = db.scalars(select(Call.partnership_id)).one()
    return ids


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["Funders", "Remaining", "Eligibility rules", "Decided"]),
    ("fr", ["Bailleurs", "Restant", "Règles d'éligibilité", "Décidé"]),
    ("vi", ["Nhà tài trợ", "Còn lại", "Quy tắc về tính hợp lệ", "Đã quyết định"]),
])
def test_call_page_in_each_language(client: TestClient, demo: dict[str, int], lang: str, words: list[str]) -> None:
    page = client.get(f"/calls/{demo['call']}", params={"lang": lang})
    assert page.status_code == 200
    text = html.unescape(page.text)
    for word in words:
        assert word in text, (lang, word)
    assert "SMALL" in page.text and "MEKONG-AI" in page.text


def test_proposal_ranking_and_decision_pages(client: TestClient, demo: dict[str, int]) -> None:
    small = client.get(f"/proposals/{demo['SMALL']}").text
    assert "Regional quota" in small and "meet none of" in small and "Ineligible" in small
    ranking = client.get(f"/calls/{demo['call']}/ranking").text
    assert ranking.index("MEKONG-AI") < ranking.index("RICE-GEN") < ranking.index("COAST")
    decisions = client.get(f"/calls/{demo['call']}/decisions").text
    assert "Reserve list" in decisions and "lacks" in decisions and "Create the project" in decisions
    assert client.get("/calls").status_code == 200 and client.get("/proposals").status_code == 200


def test_a_reviewer_inbox_shows_only_its_proposals_and_scores_in_half_points(
        client: TestClient, demo: dict[str, int], db_url: str, client_as: Callable[..., TestClient]) -> None:
    with session_scope(db_url) as db:
        reviewer = db.scalars(select(Reviewer).where(Reviewer.username == "demo-reviewer-1")).one()
        reviewer_id = reviewer.id
    one = client_as("member", partnership_ids=[demo["partnership"]], username="demo-reviewer-1")
    inbox = one.get("/reviews/inbox").text
    assigned = client.get(f"/api/v1/calls/{demo['call']}/assignments").json()
    mine = {a["proposal_id"] for a in assigned if a["reviewer_id"] == reviewer_id}
    acronyms = {v: k for k, v in demo.items()}
    assert mine and all(acronyms[pid] in inbox for pid in mine)
    assert all(acronyms[pid] not in inbox for pid in set(acronyms) - mine if acronyms[pid] not in ("call",
                                                                                                      "partnership"))
    form = one.get(f"/proposals/{min(mine)}/review").text
    assert 'name="excellence"' in form and 'value="4.5"' in form


def test_a_secretariat_officer_takes_a_call_from_closed_to_decided_in_pages(client: TestClient) -> None:
    from tests.calls.helpers import consortium, jfs_call, move, post, proposal

    world = jfs_call(client)
    cid = world["call"]["id"]
    good = proposal(client, world, "GOOD", consortium(world))
    for i in range(3):
        post(client, "/reviewers", {"call_id": cid, "person_id": post(client, "/people", {"name": f"R{i}"})["id"]})
    call = move(client, cid, "open")
    moved = client.post(f"/calls/{cid}/transition", data={"to_status": "closed", "version": call["version"]},
                        follow_redirects=False)
    assert moved.status_code == 303
    assigned = client.post(f"/calls/{cid}/assign", data={})
    assert "3 assignments made" in assigned.text
    refused = client.post(f"/calls/{cid}/decide", data={"version": 3})
    assert refused.status_code == 409 and "needs a call under evaluation" in refused.text
    move(client, cid, "under_evaluation")
    run = client.get(f"/api/v1/calls/{cid}/assignments").json()
    scores = {"excellence": 4, "impact": 4, "implementation": 4}
    for a in run:
        post(client, "/reviews", {"proposal_id": good["id"], "reviewer_id": a["reviewer_id"], "scores": scores})
    post(client, "/consensus", {"proposal_id": good["id"], "rapporteur_id": run[0]["reviewer_id"], "scores": scores})
    version = client.get(f"/api/v1/calls/{cid}").json()["version"]
    decided = client.post(f"/calls/{cid}/decide", data={"version": version}, follow_redirects=False)
    assert decided.status_code == 303 and decided.headers["location"] == f"/calls/{cid}/decisions"
    decision = client.get(f"/api/v1/calls/{cid}/decisions").json()[0]
    made = client.post(f"/funding-decisions/{decision['id']}/project", data={}, follow_redirects=False)
    assert made.status_code == 303 and made.headers["location"].startswith("/projects/")


def test_results_export_as_csv_and_xlsx(client: TestClient, demo: dict[str, int]) -> None:
    import csv
    import io

    from openpyxl import load_workbook

    response = client.get(f"/api/v1/calls/{demo['call']}/results.csv")
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert [r["Acronym"] for r in rows[:3]] == ["MEKONG-AI", "RICE-GEN", "COAST"] and len(rows) == 8
    lacking = next(k for k in rows[1] if k.startswith("National Foundation") and "lacking" in k)
    assert rows[1]["Outcome"] == "Reserve list" and rows[1][lacking] == "1000000000.00"
    book = load_workbook(io.BytesIO(client.get(f"/api/v1/calls/{demo['call']}/results.xlsx").content))
    sheet = book["results"]
    assert sheet.cell(1, 2).value == "Acronym" and sheet.cell(3, 2).value == "RICE-GEN"
    assert client.get(f"/api/v1/calls/{demo['call']}/results.pdf").status_code == 422


@pytest.mark.parametrize(("lang", "words"), [("en", ["Evaluation summary report", "Reserve list", "Rank 2"]),
                                             ("fr", ["Rapport de synthèse", "Liste de réserve", "Rang 2"]),
                                             ("vi", ["Báo cáo tóm tắt", "Danh sách dự phòng", "Hạng 2"])])
def test_evaluation_summary_report_in_the_applicants_language(client: TestClient, demo: dict[str, int], lang: str,
                                                              words: list[str]) -> None:
    import io

    from pypdf import PdfReader

    response = client.get(f"/api/v1/proposals/{demo['RICE-GEN']}/summary.pdf", params={"lang": lang})
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for word in words:
        assert word in text, (lang, word, text[:300])
    refused = client.get(f"/api/v1/proposals/{demo['RICE-GEN']}/summary.pdf", params={"lang": "de"})
    assert refused.status_code == 422 and "lang" in refused.json()["detail"]


def test_other_roles_see_the_call_but_not_its_proposals_ranking_or_decisions(
        demo: dict[str, int], client_as: Callable[..., TestClient]) -> None:
    viewer = client_as("viewer", partnership_ids=[demo["partnership"]])
    page = viewer.get(f"/calls/{demo['call']}")
    assert page.status_code == 200 and "MEKONG-AI" not in page.text
    for path in (f"/calls/{demo['call']}/ranking", f"/calls/{demo['call']}/decisions",
                 f"/api/v1/calls/{demo['call']}/decisions", f"/api/v1/calls/{demo['call']}/ranking",
                 f"/api/v1/proposals/{demo['MEKONG-AI']}"):
        assert viewer.get(path).status_code == 403, path
    outsider = client_as("secretariat", partnership_ids=[])
    assert outsider.get(f"/calls/{demo['call']}").status_code == 404


@pytest.mark.parametrize(("lang", "funded", "lacked"), [
    ("en", "every funder involved had its applicants' share left", "lacked"),
    ("fr", "chaque bailleur concerné disposait encore de la part de ses candidats", "il manquait"),
    ("vi", "mọi nhà tài trợ liên quan đều còn đủ phần cho người nộp của mình", "còn thiếu"),
])
def test_decision_reasons_in_each_language(client: TestClient, demo: dict[str, int], lang: str, funded: str,
                                           lacked: str) -> None:
    decisions = html.unescape(client.get(f"/calls/{demo['call']}/decisions", params={"lang": lang}).text)
    assert funded in decisions and lacked in decisions, lang
    reserve = html.unescape(client.get(f"/proposals/{demo['RICE-GEN']}", params={"lang": lang}).text)
    assert lacked in reserve and "reserve:" not in reserve, lang
