"""The HNSW index saved under the data dir: a new process loads it and ranks exactly as the one that built
it; a file left stale by changed profiles, or damaged, is rebuilt — on both database backends."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from sticoop.core.config import get_settings
from sticoop.matchmaking import index_store, service

TOPICS = [
    ("Solar desalination unit", "Membrane distillation powered by solar collectors for drinking water."),
    ("Biogas digester for pig farms", "Anaerobic digester turning manure into cooking gas."),
    ("Arsenic removal filter", "Household filter removing arsenic from well water."),
    ("Rice husk biochar", "Pyrolysis unit making biochar from rice husk."),
    ("Shrimp disease test kit", "PCR kit detecting white spot virus in shrimp ponds."),
    ("Drone rice yield estimation", "Drone imagery to estimate rice yields before harvest."),
]


def publish(client: TestClient, kind: str, title: str, summary: str, language: str = "en") -> dict:
    r = client.post("/api/v1/profiles", json={"kind": kind, "status": "published", "language": language,
                                              "title": title, "summary": summary})
    assert r.status_code == 201, r.text
    return r.json()


def ranking(db: Session, ids: list[int]) -> list[list[dict]]:
    found = service.matcher(db, index_kind="usearch")
    return [[m.to_dict() for m in found.complementary(i, k=5) + found.similar(i, k=5)] for i in ids]


def manifest(db: Session) -> Path:
    name = index_store.base_name(str(db.get_bind().url), service.embedder().name)
    return get_settings().data_dir / "matching" / f"{name}.json"


def test_saved_index_reloads_with_the_same_results_and_a_stale_one_is_rebuilt(client: TestClient,
                                                                              db: Session) -> None:
    made = []
    for title, summary in TOPICS:
        made.append(publish(client, "technology_offer", title, summary))
        made.append(publish(client, "technology_request", f"Looking for: {title.lower()}", summary))
    ids = [p["id"] for p in made]

    service.forget_matchers()
    first = service.matcher(db, index_kind="usearch")
    assert first.index_source == "built" and len(first.index) == len(ids)
    saved = json.loads(manifest(db).read_text())
    index_file = manifest(db).parent / saved["file"]
    assert index_file.exists() and sorted(i for i, _ in saved["profiles"]) == sorted(ids)
    before = ranking(db, ids)

    service.forget_matchers()  # a new process
    again = service.matcher(db, index_kind="usearch")
    assert again.index_source == "loaded" and again is not first
    assert ranking(db, ids) == before  # same candidates, scores and explanations
    assert json.loads(manifest(db).read_text())["file"] == saved["file"]  # loaded, not rewritten

    # keep this (soon stale) pair of files, then change one profile's text: the index is rebuilt
    old = manifest(db).parent / "old"
    old.mkdir(exist_ok=True)
    shutil.copy(manifest(db), old / manifest(db).name)
    shutil.copy(index_file, old / index_file.name)
    changed = made[0]
    r = client.patch(f"/api/v1/profiles/{changed['id']}", json={"version": changed["version"],
                                                                "summary": "Solar stills for island schools."})
    assert r.status_code == 200, r.text
    rebuilt = service.matcher(db, index_kind="usearch")
    assert rebuilt.index_source == "built"
    now = json.loads(manifest(db).read_text())
    assert now["file"] != saved["file"] and not index_file.exists()  # the stale file is replaced
    fresh = ranking(db, ids)

    # a new process finding the stale pair (say, restored from a backup) rebuilds rather than trusting it
    shutil.copy(old / manifest(db).name, manifest(db))
    shutil.copy(old / index_file.name, index_file)
    service.forget_matchers()
    assert service.matcher(db, index_kind="usearch").index_source == "built"
    assert ranking(db, ids) == fresh

    # a damaged file is rebuilt too
    current = manifest(db).parent / json.loads(manifest(db).read_text())["file"]
    current.write_bytes(b"\0" * 64)
    service.forget_matchers()
    assert service.matcher(db, index_kind="usearch").index_source == "built"
    assert ranking(db, ids) == fresh
    service.forget_matchers()
    assert service.matcher(db, index_kind="usearch").index_source == "loaded"
    service.forget_matchers()


def test_small_marketplaces_keep_the_exact_index_in_memory(client: TestClient, db: Session) -> None:
    publish(client, "technology_offer", *TOPICS[0])
    before = manifest(db).read_text() if manifest(db).exists() else None
    service.forget_matchers()
    found = service.matcher(db)
    assert type(found.index).__name__ == "NumpyIndex" and found.index_source == "built"
    assert (manifest(db).read_text() if manifest(db).exists() else None) == before  # nothing saved for numpy
