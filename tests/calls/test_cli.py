"""`sticoop calls` on the demo database: eligibility, ranking, and one-line errors with a non-zero exit."""

from __future__ import annotations

import re
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
    report = run(demo_dir, "calls", "eligibility", "1", "--lang", "en")
    assert report.returncode == 0
    lines = dict(line.split("\t", 1) for line in report.stdout.splitlines())
    assert lines["SMALL"].startswith("Ineligible\t") and "Regional quota" in lines["SMALL"]
    assert lines["MEKONG-AI"].startswith("Eligible")
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


#: what each language's eligibility and decision reasons say of the demo call (rule names, region names, outcomes)
SAYS = {
    "en": {"status": "Ineligible", "rule": "Regional quota", "region": "Southeast Asia", "reserve": "Reserve list",
           "lacked": "lacked"},
    "fr": {"status": "Inéligible", "rule": "Quota régional", "region": "Asie du Sud-Est",
           "reserve": "Liste de réserve", "lacked": "il manquait"},
    "vi": {"status": "Không hợp lệ", "rule": "Hạn ngạch theo khu vực", "region": "Đông Nam Á",
           "reserve": "Danh sách dự phòng", "lacked": "còn thiếu"},
}


@pytest.mark.parametrize("lang", sorted(SAYS))
def test_reasons_in_the_language_asked(demo_dir: Path, lang: str) -> None:
    says = SAYS[lang]
    report = run(demo_dir, "calls", "eligibility", "1", "--lang", lang)
    assert report.returncode == 0, report.stderr
    small = dict(line.split("\t", 1) for line in report.stdout.splitlines())["SMALL"]
    assert small.startswith(says["status"] + "\t") and says["rule"] in small and says["region"] in small, small
    assert not re.search(r"\b(SEA|EUROPE|region_quota)\b", small), small
    decided = run(demo_dir, "calls", "decisions", "1", "--lang", lang)
    assert decided.returncode == 0, decided.stderr
    rice = next(line for line in decided.stdout.splitlines() if "\tRICE-GEN\t" in line)
    assert says["reserve"] in rice and says["lacked"] in rice, rice


@pytest.mark.parametrize("lang", sorted(SAYS))
def test_the_language_defaults_to_the_shell_locale(demo_dir: Path, lang: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", {"en": "en_GB.UTF-8", "fr": "fr_BE.UTF-8", "vi": "vi_VN.UTF-8"}[lang])
    report = run(demo_dir, "calls", "eligibility", "1")
    small = dict(line.split("\t", 1) for line in report.stdout.splitlines())["SMALL"]
    assert small.startswith(SAYS[lang]["status"] + "\t"), small


@pytest.mark.parametrize("command", ["eligibility", "ranking", "decisions"])
def test_an_unknown_language_is_one_error_line(demo_dir: Path, command: str) -> None:
    done = run(demo_dir, "calls", command, "1", "--lang", "de")
    assert done.returncode == 1 and done.stderr.startswith("error: --lang") and "de" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
