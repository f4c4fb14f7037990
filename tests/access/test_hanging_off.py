"""What hangs off a proposal is read exactly like the proposal (issue of session 9: a proposal's attached documents
were read by the call's viewers, whose proposal page answers 403).

A joint-call proposal is opened by the call's secretariat and the reviewers assigned to it, not in conflict
(README, "Joint calls"); its documents (attachments and its PDF), reviews, consensus report and everything else
owned by it follow that rule through one mechanism (``sticoop.core.hanging``). Walks every reader (admin, the
call's secretariat, a reviewer assigned to both proposals and in conflict with one, a viewer and a member of the
partnership) × every path, derived from the app's routes:

- every GET route (API and pages) under the proposal's page and API prefix, and under the API prefix of every kind
  that hangs off a proposal (found from the record services the routes use), with the hanging record's id: 200
  exactly when the reader may open the proposal (what ``GET /api/v1/proposals/{id}`` answers), never otherwise;
- every GET route without a path parameter (lists, exports, dashboards, search, calendars…), with the proposal's
  secret word as the query: the secret of a proposal the reader may not open appears in no answer;
- the documents list, the search's document hits and count, the dashboard's recent changes: exactly the documents
  the reader may open.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from tests.calls.helpers import consortium, jfs_call, move, post, proposal
from tests.calls.test_attachments import pdf

from sticoop.core.crud import RecordService
from sticoop.core.hanging import parents_of
from sticoop.core.registry import PAGE_PREFIX, services
from sticoop.server.app import create_app

READERS = ("admin", "secretariat", "reviewer", "viewer", "member")
#: the proposals each reader may open: the reviewer is assigned both, in conflict with MINE
OPENS = {"admin": {"MINE", "OTHER"}, "secretariat": {"MINE", "OTHER"}, "reviewer": {"OTHER"}, "viewer": set(),
         "member": set()}
#: a word carried by each proposal and by everything hanging off it (and by nothing else)
SECRET = {"MINE": "Quokkamine", "OTHER": "Quokkaother"}
SCORES = {"excellence": 4.5, "impact": 4, "implementation": 3.5}
GUIDELINES = b"Call guidelines"


def _attach(client: TestClient, pid: int, name: str, content: bytes, role: str) -> int:
    media = "application/pdf" if role == "proposal_pdf" else "text/plain"
    sent = client.post(f"/proposals/{pid}/documents", files={"file": (name, content, media)},
                       data={"role": role}, follow_redirects=False)
    assert sent.status_code == 303, sent.text
    if role == "proposal_pdf":
        return int(client.get(f"/api/v1/proposals/{pid}").json()["document_id"])
    listed = client.get(f"/proposals/{pid}").text
    return max(int(i) for i in re.findall(r'/api/v1/documents/(\d+)/content">' + re.escape(name), listed))


@pytest.fixture
def world(client: TestClient) -> dict[str, Any]:
    made = jfs_call(client, reviewers_per_proposal=1)
    cid = made["call"]["id"]
    ids = {name: proposal(client, made, name, consortium(made), title=f"Project {SECRET[name]}",
                          abstract=f"About {SECRET[name]}.")["id"] for name in SECRET}
    person = post(client, "/people", {"name": "Reviewer One"})["id"]
    reviewer = post(client, "/reviewers", {"call_id": cid, "person_id": person, "username": "rev1"})["id"]
    hanging: dict[str, dict[str, int]] = {name: {} for name in SECRET}
    for name, pid in ids.items():
        hanging[name]["document"] = _attach(client, pid, f"{SECRET[name]}-annex.txt",
                                            f"Annex of {SECRET[name]}".encode(), "attachment")
        hanging[name]["document_pdf"] = _attach(client, pid, f"{SECRET[name]}.pdf", pdf(1 + len(name)), "proposal_pdf")
    shared = client.post(f"/calls/{cid}/documents", files={"file": ("guidelines.txt", GUIDELINES, "text/plain")},
                         follow_redirects=False)
    assert shared.status_code == 303, shared.text
    # the same bytes attached to MINE too: one document, held by the call as well, which every reader opens
    made["guidelines"] = _attach(client, ids["MINE"], "guidelines.txt", GUIDELINES, "attachment")
    move(client, cid, "open", "closed")
    assert post(client, f"/calls/{cid}/assignments", {}, 200)["assigned"] == 2
    move(client, cid, "under_evaluation")
    hanging["OTHER"]["review"] = post(client, "/reviews", {"proposal_id": ids["OTHER"], "reviewer_id": reviewer,
                                                           "scores": SCORES,
                                                           "comments": f"Review of {SECRET['OTHER']}"})["id"]
    hanging["OTHER"]["consensus"] = post(client, "/consensus", {
        "proposal_id": ids["OTHER"], "rapporteur_id": reviewer, "scores": SCORES,
        "justification": f"Consensus on {SECRET['OTHER']}"})["id"]
    conflict = post(client, "/conflicts-of-interest", {"reviewer_id": reviewer, "proposal_id": ids["MINE"],
                                                       "reason": "former student"})["id"]
    return {**made, "proposals": ids, "hanging": hanging, "conflict": conflict}


def _reader(reader: str, world: dict[str, Any], client: TestClient,
            client_as: Callable[..., TestClient]) -> TestClient:
    if reader == "admin":
        return client
    role = {"secretariat": "secretariat", "viewer": "viewer"}.get(reader, "member")
    return client_as(role, partnership_ids=[world["partnership"]], username="rev1" if reader == "reviewer" else None)


def _service_of(route: APIRoute) -> RecordService[Any] | None:
    """The record service a route's endpoint reads its ``record_id`` with: the one its closure holds (a
    ``crud_router`` route) or, failing that, the only one its code names among the module's globals."""
    endpoint: Any = route.endpoint
    held = [c.cell_contents for c in endpoint.__closure__ or () if isinstance(c.cell_contents, RecordService)]
    named = [endpoint.__globals__[n] for n in endpoint.__code__.co_names
             if isinstance(endpoint.__globals__.get(n), RecordService)]
    found = held or named
    return found[0] if len(found) == 1 else None


@cache
def _routes() -> tuple[dict[str, list[str]], list[str]]:
    """Every GET route of the app: {kind: paths with one ``{record_id}`` under the kind's page prefix or the
    prefix of a route reading it by id} and the paths without a parameter."""
    app = create_app("sqlite://")
    contexts = [c for c in iter_route_contexts(app.routes)
                if isinstance(c.original_route, APIRoute) and "GET" in (c.methods or ())]
    kinds = {id(service): kind for kind, service in services().items() if service is not None}
    prefixes: dict[str, set[str]] = {kind: {page} for kind, page in PAGE_PREFIX.items() if page}
    for context in contexts:
        path = re.sub(r"\{record_id(:int)?\}", "{record_id}", context.path)
        service = _service_of(context.original_route)
        if path.endswith("/{record_id}") and service is not None and id(service) in kinds:
            prefixes.setdefault(kinds[id(service)], set()).add(path.removesuffix("/{record_id}"))
    by_kind: dict[str, list[str]] = {}
    for context in contexts:
        path = re.sub(r"\{record_id(:int)?\}", "{record_id}", context.path)
        if re.findall(r"\{[^}]+\}", path) != ["{record_id}"]:
            continue
        for kind, starts in prefixes.items():
            if any(path.startswith(f"{start}/{{record_id}}") for start in starts):
                by_kind.setdefault(kind, []).append(path)
    plain = sorted({c.path for c in contexts if "{" not in c.path and c.path not in ("/login", "/account")})
    return by_kind, plain


def _hanging_kinds() -> list[str]:
    """The kinds whose rows hang off a proposal, as the schema says (a foreign key deleting them with it)."""
    _routes()  # the app is composed
    return sorted(kind for kind, service in services().items()
                  if service is not None and any(p.entity == "proposal" for p, _ in parents_of(service)))


def test_the_paths_are_derived_from_the_app() -> None:
    """The walk below reaches the proposal's pages and API, its documents' and every hanging kind with a route."""
    (by_kind, plain), hanging = _routes(), _hanging_kinds()
    assert {"review", "consensus", "conflict_of_interest", "review_assignment", "funding_decision"} <= set(
        hanging)
    assert {"/proposals/{record_id}", "/api/v1/proposals/{record_id}",
            "/api/v1/proposals/{record_id}/eligibility"} <= set(by_kind["proposal"])
    assert {"/api/v1/documents/{record_id}", "/api/v1/documents/{record_id}/content"} <= set(by_kind["document"])
    assert {"/api/v1/reviews/{record_id}", "/api/v1/consensus/{record_id}",
            "/api/v1/conflicts-of-interest/{record_id}"} <= {p for k in hanging for p in by_kind.get(k, [])}
    assert {"/api/v1/documents", "/api/v1/search", "/api/v1/dashboard", "/search", "/"} <= set(plain)


def _id_paths(world: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(proposal name, kind, path) for every proposal and every record hanging off it, on every route of its kind."""
    out = []
    (by_kind, _), hanging = _routes(), _hanging_kinds()
    for name, pid in world["proposals"].items():
        records = [("proposal", pid)] + [("document", i) for k, i in world["hanging"][name].items()
                                         if k.startswith("document")]
        records += [(k, i) for k, i in world["hanging"][name].items() if k in hanging]
        out += [(name, kind, path.replace("{record_id}", str(i))) for kind, i in records for path in by_kind[kind]]
    return out


@pytest.mark.parametrize("reader", READERS)
def test_every_path_to_what_hangs_off_a_proposal_answers_as_its_page(
        client: TestClient, client_as: Callable[..., TestClient], world: dict[str, Any], reader: str) -> None:
    who = _reader(reader, world, client, client_as)
    opens = {name for name, pid in world["proposals"].items()
             if who.get(f"/api/v1/proposals/{pid}").status_code == 200}
    assert opens == OPENS[reader]
    wrong = []
    for name, _kind, path in _id_paths(world):
        answer = who.get(path)
        main = path.rsplit("/", 1)[0].endswith(("/documents", "/reviews", "/consensus", "/proposals")) or \
            path.endswith("/content")
        if name not in opens and (answer.status_code == 200 or SECRET[name] in answer.text):
            wrong.append(f"{path}: {answer.status_code} for a reader who may not open {name}")
        elif name in opens and main and answer.status_code != 200:
            wrong.append(f"{path}: {answer.status_code} for a reader who may open {name}")
        elif name not in opens and answer.status_code not in (403, 404):
            wrong.append(f"{path}: {answer.status_code}, not a refusal")
    assert not wrong, "\n".join(wrong)
    conflict = who.get(f"/api/v1/conflicts-of-interest/{world['conflict']}").status_code
    assert (conflict == 200) is (reader in ("admin", "secretariat")), conflict  # a conflict is read like its proposal


@pytest.mark.parametrize("reader", READERS)
def test_no_list_count_export_or_search_shows_what_hangs_off_a_proposal_the_reader_may_not_open(
        client: TestClient, client_as: Callable[..., TestClient], world: dict[str, Any], reader: str) -> None:
    who = _reader(reader, world, client, client_as)
    hidden = [SECRET[name].lower() for name in SECRET if name not in OPENS[reader]]
    shown = [SECRET[name].lower() for name in SECRET if name in OPENS[reader]]
    leaks, seen = [], ""
    for path in _routes()[1] if hidden else ():  # the lists, exports, dashboards, searches and feeds of the app
        for query in ("", "?q=quokka"):
            answer = who.get(path + query)
            if answer.status_code == 200:
                text = re.sub(r"<[^>]+>", "", answer.text).lower()  # a highlighted word is still the word
                seen += text
                leaks += [f"{path}{query}: {word}" for word in hidden if word in text]
    assert not leaks, "\n".join(leaks)
    for word in shown if hidden else ():  # and what the reader may open is there (the walk reaches it)
        assert word in seen, word
    assert who.get(f"/api/v1/documents/{world['guidelines']}/content").content == GUIDELINES  # held by the call
    documents = {d["id"] for d in who.get("/api/v1/documents", params={"limit": 200}).json()["items"]}
    mine = {i for name in SECRET for k, i in world["hanging"][name].items() if k.startswith("document")}
    expected = {i for name in OPENS[reader] for k, i in world["hanging"][name].items() if k.startswith("document")}
    assert documents & mine == expected
    found = who.get("/api/v1/search", params={"q": "quokka", "kinds": "document", "mode": "keyword"}).json()
    hits = [h["id"] for g in found["groups"] for h in g["hits"]]
    assert set(hits) == expected and all(g["count"] == len(g["hits"]) for g in found["groups"])
    recent = who.get("/api/v1/dashboard").json()["recent_changes"]
    assert {r["id"] for r in recent if r["kind"] == "document"} & mine == expected
    for kind, path in (("review", "/api/v1/reviews"), ("consensus", "/api/v1/consensus")):
        listed = who.get(path).json()
        want = {world["hanging"]["OTHER"][kind]} if "OTHER" in OPENS[reader] else set()
        assert {r["id"] for r in listed["items"]} == want and listed["total"] == len(want), (kind, listed)
        exported = who.get(f"{path}/export.csv").text.lstrip("\ufeff").splitlines()[1:]
        assert {int(line.split(",")[0]) for line in exported} == want, kind


def _list_path(kind: str) -> str | None:
    """The API list of ``kind``: the prefix of its by-id API route (``/api/v1/things``), when it has one."""
    paths = [p.removesuffix("/{record_id}") for p in _routes()[0].get(kind, [])
             if p.startswith("/api/v1/") and p.endswith("/{record_id}")]
    return min(paths, key=len) if paths else None


@pytest.mark.parametrize("reader", ["reviewer", "viewer"])
def test_recent_changes_show_exactly_what_the_lists_show(
        client: TestClient, client_as: Callable[..., TestClient], world: dict[str, Any], reader: str) -> None:
    """One rule, one place: every record of the dashboard's recent changes is in its kind's list for that reader —
    a draft technology profile of another user included (profiles list drafts to the partnership's readers)."""
    draft = post(client, "/profiles", {"kind": "technology_offer", "status": "draft", "language": "en",
                                       "title": "Draft biochar unit", "summary": "Pyrolysis of rice husk"})
    who = _reader(reader, world, client, client_as)
    recent = who.get("/api/v1/dashboard").json()["recent_changes"]
    assert recent
    by_kind: dict[str, set[int]] = {}
    for change in recent:
        by_kind.setdefault(change["kind"], set()).add(change["id"])
    for kind, ids in by_kind.items():
        path = _list_path(kind)
        assert path is not None, kind
        listed = {r["id"] for r in who.get(path, params={"limit": 200}).json()["items"]}
        assert ids <= listed, (kind, ids - listed)
    in_list = draft["id"] in {r["id"] for r in who.get("/api/v1/profiles", params={"limit": 200}).json()["items"]}
    assert (draft["id"] in by_kind.get("profile", set())) is in_list


@pytest.mark.parametrize("reader", READERS)
def test_documents_narrow_exactly_when_their_rule_adds_a_condition(world: dict[str, Any], db_url: str,
                                                                   reader: str) -> None:
    """``DocumentService.narrows_here`` (asked by the search box on every request) says, without building it,
    whether the documents' rule adds a condition for this reader; the search's document hits follow it."""
    from sqlalchemy import select

    from sticoop.core.database import new_session
    from sticoop.core.principal import Principal, Role, act_as
    from sticoop.documents.models import Document
    from sticoop.documents.service import documents

    role = {"admin": Role.admin, "secretariat": Role.secretariat, "viewer": Role.viewer}.get(reader, Role.member)
    principal = Principal(user_id=None, username="rev1" if reader == "reviewer" else reader, role=role,
                          partnership_ids=frozenset({world["partnership"]}))
    with new_session(db_url) as db:
        act_as(db, principal)
        probe = select(Document.id)
        assert documents.narrows_here(db) == (documents.narrow_query(db, probe) is not probe)
        assert documents.narrows_here(db) == (reader not in ("admin", "secretariat"))


@pytest.mark.parametrize("reader", READERS)
def test_every_kind_narrows_exactly_when_its_rule_adds_a_condition(world: dict[str, Any], db_url: str,
                                                                   reader: str) -> None:
    """Every registered kind's ``narrows_here`` (the search box asks it of every searchable kind and their parents on
    every request; some answer from the principal alone, without a statement) agrees with its rule: True exactly
    when ``narrow_query`` adds a condition for this reader — walked over every kind, five readers, a reviewer with
    assignments and a conflict."""
    from sqlalchemy import select

    from sticoop.core.database import new_session
    from sticoop.core.principal import Principal, Role, act_as
    from sticoop.core.registry import services

    role = {"admin": Role.admin, "secretariat": Role.secretariat, "viewer": Role.viewer}.get(reader, Role.member)
    principal = Principal(user_id=None, username="rev1" if reader == "reviewer" else reader, role=role,
                          partnership_ids=frozenset({world["partnership"]}))
    walked = 0
    with new_session(db_url) as db:
        act_as(db, principal)
        for kind, service in sorted(services().items()):
            probe = select(service.model.id)
            assert service.narrows_here(db) == (service.narrow_query(db, probe) is not probe), (kind, reader)
            walked += 1
    assert walked >= 20
