"""The HNSW index of the published profiles' vectors, kept under the data dir so that a new process loads it
instead of building it again (about a minute at 100,000 profiles on two cores; loading takes well under a
second).

Two files per database and embedder, in ``<data_dir>/matching/``: the index itself
(``<name>.<token>.usearch``), never rewritten in place, and a manifest (``<name>.json``) that names it and
lists the ``(profile id, fingerprint)`` pairs whose vectors it holds. The manifest is written last and
atomically (write, then rename), so a reader sees the old pair or the new one, never half of each.

The file is a cache and the database the truth: the index is *stale* when the manifest's pairs differ from
the vectors the database holds for the published profiles (one published, withdrawn or re-embedded since),
and then it is built again from the stored vectors and saved. A missing, unreadable or mismatching file is
built again too, and a failure to save only costs the next process a rebuild.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import secrets
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from sticoop.core.config import get_settings
from sticoop.matchmaking.engine.index import UsearchIndex

log = logging.getLogger(__name__)
FORMAT = 1


def store_dir() -> Path:
    return get_settings().data_dir / "matching"


def base_name(database_url: str, embedder_name: str) -> str:
    """One index per database (hashed: the URL may hold a password) and embedder."""
    database = hashlib.sha256(database_url.encode("utf-8")).hexdigest()[:12]
    return f"profiles-{database}-{re.sub(r'[^A-Za-z0-9_.-]+', '_', embedder_name)[:60]}"


def normalised(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length, as the matcher indexes them (cosine = dot product)."""
    m = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms


def load_or_build(database_url: str, embedder_name: str, dim: int, wanted: Mapping[int, str],
                  vectors: Callable[[], Mapping[int, np.ndarray]],
                  directory: Path | None = None) -> tuple[UsearchIndex, str]:
    """The index holding exactly ``wanted`` (profile id → fingerprint), and ``"file"`` when it was loaded or
    ``"built"`` when it had to be built (from ``vectors()``, called only then) and was saved."""
    directory = directory if directory is not None else store_dir()
    name = base_name(database_url, embedder_name)
    index = _load(directory, name, embedder_name, dim, wanted)
    if index is not None:
        return index, "file"
    found = vectors()
    ids = [i for i in sorted(wanted) if i in found]
    index = UsearchIndex(dim)
    if ids:
        index.add(ids, normalised(np.stack([found[i] for i in ids])))
    _save(directory, name, index, embedder_name, {i: wanted[i] for i in ids})
    return index, "built"


def _load(directory: Path, name: str, embedder_name: str, dim: int,
          wanted: Mapping[int, str]) -> UsearchIndex | None:
    manifest_path = directory / f"{name}.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("matching index manifest %s unreadable (%s): rebuilding", manifest_path, exc)
        return None
    if manifest.get("format") != FORMAT or manifest.get("embedder") != embedder_name or manifest.get("dim") != dim:
        return None
    if {int(i): fp for i, fp in manifest.get("profiles", [])} != dict(wanted):
        log.info("matching index %s is stale (profiles changed since it was saved): rebuilding", manifest_path)
        return None
    try:
        return UsearchIndex.restore(directory / manifest["file"], manifest["state"])
    except (OSError, ValueError, KeyError, RuntimeError) as exc:
        log.warning("matching index %s could not be loaded (%s): rebuilding", manifest["file"], exc)
        return None


def _save(directory: Path, name: str, index: UsearchIndex, embedder_name: str, held: Mapping[int, str]) -> None:
    file_name = f"{name}.{secrets.token_hex(6)}.usearch"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        state = index.save(directory / file_name)
        manifest: dict[str, Any] = {"format": FORMAT, "embedder": embedder_name, "dim": index.dim,
                                    "file": file_name, "state": state,
                                    "profiles": [[i, fp] for i, fp in sorted(held.items())]}
        tmp = directory / f"{name}.json.{secrets.token_hex(4)}.tmp"
        tmp.write_text(json.dumps(manifest), encoding="utf-8")
        os.replace(tmp, directory / f"{name}.json")
    except OSError as exc:
        log.warning("matching index not saved under %s (%s): the next process will build it again", directory, exc)
        return
    for old in directory.glob(f"{name}.*.usearch"):  # earlier versions, now named by no manifest
        if old.name != file_name:
            with contextlib.suppress(OSError):
                old.unlink()
