"""Issue 11 part 1, the whole walk: on the demo database, both seed reports (``../shared/corpus/dev`` 001 and 002)
and six follow-up reports of our own about the same two events (en/fr/vi: other spellings, other languages, the
"KH&CN" abbreviation, the committee named by its partners only) are ingested and accepted as proposed. No
partnership, committee, session, agreement, commitment, organisation or person is created twice (the counts stay
those of the demo), and each session lists every report about it among its sources."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.shared_corpus import shared_article

from sticoop.core.database import session_scope
from sticoop.demo.data import load_demo

KINDS = ("partnerships", "committees", "sessions", "agreements", "commitments", "organizations", "people")

#: (file name, publication date, text, the demo session it is about: (committee word, number))
FOLLOW_UPS: list[tuple[str, str, str, tuple[str, int]]] = [
    (
        "be-vn-en.txt", "2023-08-02",
        "Hanoi, August 2 – Back from Brussels, the delegation of the Ministry of Science and Technology reported on "
        "the 6th meeting of the Belgium-Vietnam Joint Committee for Scientific Research and Development, held from "
        "July 26 to 30. The Belgian Science Policy Office (BELSPO) presented the Horizon Europe programme.",
        ("Belgium", 6),
    ),
    (
        "be-vn-fr.txt", "2023-08-03",
        "Bruxelles, le 3 août 2023 – La 6e réunion du Comité mixte Belgique-Vietnam pour la recherche scientifique "
        "et le développement s'est tenue du 26 au 30 juillet. La Politique scientifique fédérale (BELSPO) et le "
        "Ministère de la Science et de la Technologie du Vietnam ont fait le point sur leurs projets communs.",
        ("Belgium", 6),
    ),
    (
        "be-vn-vi.txt", "2023-08-04",
        "Hà Nội, ngày 4/8/2023 – Từ ngày 26 đến 30/7, đoàn công tác của Bộ KH&CN đã tham dự Phiên họp lần thứ 6 "
        "Ủy ban hỗn hợp Bỉ - Việt Nam về hợp tác nghiên cứu khoa học và phát triển tại Brussels, làm việc với "
        "Cơ quan Chính sách Khoa học Bỉ (BELSPO).",
        ("Belgium", 6),
    ),
    (
        "vn-la-en.txt", "2024-05-30",
        "Vientiane, May 30 – Minister of Science and Technology Huynh Thanh Dat and Minister of Technology and "
        "Communications Boviengkham Vongdara co-chaired the first session of the Vietnam - Laos Technology and "
        "Innovation Cooperation Committee on May 28.",
        ("Laos", 1),
    ),
    (
        "vn-la-fr.txt", "2024-05-31",
        "Vientiane, le 31 mai 2024 – La première session du Comité de coopération Vietnam - Laos pour la "
        "technologie et l'innovation s'est tenue le 28 mai, sous la coprésidence des ministres Huynh Thanh Dat et "
        "Boviengkham Vongdara.",
        ("Laos", 1),
    ),
    (
        "vn-la-vi.txt", "2024-05-29",
        "Viêng Chăn, ngày 29/5/2024 – Ngày 28/5, Bộ trưởng Bộ Khoa học và Công nghệ Huỳnh Thành Đạt và Bộ trưởng "
        "Bộ Công nghệ và Truyền thông Lào Boviengkham Vongdara đã đồng chủ trì Phiên họp lần thứ nhất Ủy ban "
        "Hợp tác công nghệ và đổi mới sáng tạo Việt Nam - Lào.",
        ("Laos", 1),
    ),
]


@pytest.fixture
def demo(db_url: str, client: TestClient) -> TestClient:
    with session_scope(db_url) as db:
        load_demo(db)
    return client


def counts(client: TestClient) -> dict[str, int]:
    return {kind: client.get(f"/api/v1/{kind}", params={"limit": 1}).json()["total"] for kind in KINDS}


def ingest_and_accept(client: TestClient, name: str, text: str, published: str | None) -> list[dict[str, Any]]:
    data = {"published": published} if published else {}
    response = client.post("/api/v1/intakes", files={"file": (name, text.encode(), "text/plain")}, data=data)
    assert response.status_code == 201, response.text
    intake = response.json()
    accepted = client.post(f"/api/v1/intakes/{intake['id']}/accept", json={"version": intake["version"]})
    assert accepted.status_code == 200, (name, accepted.text)
    return accepted.json()["created_records"]  # type: ignore[no-any-return]


def session_id(client: TestClient, committee_word: str, number: int) -> int:
    committees = client.get("/api/v1/committees", params={"limit": 50}).json()["items"]
    committee = next(c for c in committees if committee_word in c["name"])
    items = client.get("/api/v1/sessions", params={"limit": 50}).json()["items"]
    return next(s["id"] for s in items if s["committee_id"] == committee["id"] and s["number"] == number)


def reports() -> list[tuple[str, str, str | None, tuple[str, int]]]:
    """The two seed reports (skipped without ``../shared``) and the six follow-ups, with the session each is about."""
    seeds = [("seed-001.txt", shared_article("001"), "Belgium"), ("seed-002.txt", shared_article("002"), "Laos")]
    return [
        (name, art["text"], art["published"], (word, art["labels"]["committee"]["session_number"]))
        for name, art, word in seeds
    ] + [(name, text, published, about) for name, published, text, about in FOLLOW_UPS]


def near_duplicate_commitments(db_url: str) -> list[tuple[str, str]]:
    """Pairs of commitments of one session that the linkage rule (``rank_commitments``) would take for one."""
    from sqlalchemy import select

    from sticoop.commitments.models import Commitment
    from sticoop.linkage.rank import THRESHOLD, rank_commitments

    pairs = []
    with session_scope(db_url) as db:
        rows = db.execute(select(Commitment.id, Commitment.text, Commitment.session_id)).all()
        for cid, text, sid in rows:
            if sid is None:
                continue
            for match in rank_commitments(db, text, None, sid):
                if match.id != cid and match.score >= THRESHOLD:
                    pairs.append((text, match.name))
    return pairs


def test_seed_reports_and_six_follow_ups_create_no_duplicate(demo: TestClient, db_url: str) -> None:
    before = counts(demo)
    walk = reports()
    for name, text, published, about in walk:
        written = ingest_and_accept(demo, name, text, published)
        now = counts(demo)
        # commitments the demo does not hold yet may be new; every other kind is already recorded
        assert {k: v for k, v in now.items() if k != "commitments"} == {
            k: v for k, v in before.items() if k != "commitments"
        }, name
        sessions = [r for r in written if r["type"] == "session"]
        assert [s["id"] for s in sessions] == [session_id(demo, *about)], (name, sessions)
        assert not any(r["new"] for r in written if r["type"] not in ("visit", "commitment")), (name, written)
    assert near_duplicate_commitments(db_url) == []
    # a second report of every event, again: nothing at all is new, commitments included
    after_first = counts(demo)
    for name, text, published, _ in walk:  # the same story as another site republished it (another document)
        written = ingest_and_accept(demo, f"again-{name}", text + "\n\nRepublished by a partner site.", published)
        assert counts(demo) == after_first, name
        assert not any(r["new"] for r in written if r["type"] != "visit"), (name, written)
    # each session lists every report about it among its sources
    for about in {about for *_, about in walk}:
        page = demo.get(f"/sessions/{session_id(demo, *about)}").text
        names = [name for name, *_, a in walk if a == about]
        assert len(names) == 4
        missing = [n for n in names + [f"again-{n}" for n in names] if n not in page]
        assert missing == []
