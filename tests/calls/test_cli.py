"""`sticoop calls` on the demo database: eligibility, ranking, and one-line errors with a non-zero exit."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli.test_cli import run


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("calls-cli")
    assert run(path, "db", "upgrade").returncode == 0
    assert run(path, "demo", "load").returncode == 0
    return path


def test_eligibility_and_ranking(demo_dir: Path) -> None:
    report = run(demo_dir, "calls", "eligibility", "1")
    assert report.returncode == 0
    lines = dict(line.split("\t", 1) for line in report.stdout.splitlines())
    assert lines["SMALL"].startswith("ineligible\t") and "region_quota" in lines["SMALL"]
    assert lines["MEKONG-AI"].startswith("eligible")
    ranking = run(demo_dir, "calls", "ranking", "1").stdout.splitlines()
    assert ranking[0].split("\t")[:2] == ["1", "MEKONG-AI"]


@pytest.mark.parametrize(("args", "message"), [
    (("calls", "assign", "99"), "Call 99 does not exist"),
    (("calls", "decide", "1", "--version", "1"), "changed by someone else"),
    (("calls", "assign", "1"), "The call is decided"),
])
def test_bad_input_is_one_error_line(demo_dir: Path, args: tuple[str, ...], message: str) -> None:
    done = run(demo_dir, *args)
    assert done.returncode == 1 and done.stderr.startswith("error: ") and message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
