"""Start-up hooks (``core.warmup``): each runs once per process, before a served app takes requests and before
``sticoop worker`` takes jobs; a failing one is logged, never fatal. The matchmaking domain warms its embedder."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from sticoop.core import warmup
from sticoop.matchmaking import service
from sticoop.matchmaking.engine import HashingEmbedder
from sticoop.server.app import create_app


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every registered hook replaced by one recording its name (the real ones are tested below)."""
    from sticoop.composition import bootstrap

    bootstrap()  # every domain's hooks registered
    seen: list[str] = []
    for name in warmup.warmups():
        monkeypatch.setitem(warmup._HOOKS, name, lambda name=name: seen.append(name))
    warmup.forget()
    yield seen
    warmup.forget()


def test_the_matchmaking_embedder_is_among_the_hooks() -> None:
    assert "matchmaking.embedder" in warmup.warmups()


@pytest.mark.parametrize("apps", [1, 2, 3])
def test_a_served_app_runs_each_hook_once_per_process_before_requests(db_url: str, calls: list[str],
                                                                      apps: int) -> None:
    for _ in range(apps):
        with TestClient(create_app(db_url)) as client:  # the context runs the app's start-up
            assert calls == list(warmup.warmups())  # ran before the first request
            assert client.get("/api/v1/health").status_code in (200, 404)
    assert calls == list(warmup.warmups())  # once, however many apps the process made


@pytest.mark.parametrize("failing", ["first", "last"])
def test_a_failing_hook_is_logged_and_the_others_still_run(monkeypatch: pytest.MonkeyPatch, calls: list[str],
                                                           failing: str, caplog: pytest.LogCaptureFixture) -> None:
    def broken() -> None:
        raise RuntimeError("no model here")

    names = list(warmup.warmups())
    target = names[0] if failing == "first" else names[-1]
    monkeypatch.setitem(warmup._HOOKS, target, broken)
    took = warmup.run_warmups()
    assert set(took) == set(names)
    assert calls == [n for n in names if n != target]
    assert "no model here" in caplog.text or "failed" in caplog.text
    assert warmup.run_warmups() == {}  # not retried


def test_the_worker_warms_up_before_it_consumes(monkeypatch: pytest.MonkeyPatch, calls: list[str],
                                                db_url: str) -> None:
    from sticoop.cli import app
    from sticoop.jobs import queue

    order: list[str] = []

    class NoConsumer:
        def run(self) -> None:
            order.append("consume")

    built = queue.Queue(queue.build_huey(None, None, immediate=True), db_url)  # type: ignore[arg-type]
    monkeypatch.setattr(queue, "current", lambda: built)
    monkeypatch.setattr(built, "consumer", lambda *a, **k: NoConsumer())
    import sticoop.jobs.cli as jobs_cli

    monkeypatch.setattr(jobs_cli, "run_warmups", lambda: order.append("warm") or {})
    result = CliRunner().invoke(app, ["worker", "--no-periodic"])
    assert result.exit_code == 0, result.output
    assert order == ["warm", "consume"]


def test_warming_the_embedder_runs_it_once(monkeypatch: pytest.MonkeyPatch) -> None:
    texts: list[list[str]] = []

    class Counting(HashingEmbedder):
        def embed(self, batch: list[str]) -> np.ndarray:
            texts.append(list(batch))
            return super().embed(batch)

    model = Counting()
    monkeypatch.setattr(service, "embedder", lambda: model)
    service.warm_embedder()
    assert texts == [["warm-up"]]
