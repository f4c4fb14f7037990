"""`sticoop extract` and `sticoop eval` through the real Typer app."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sticoop.cli import app

runner = CliRunner()


def test_extract_json_corpus_file(dev_corpus: Path) -> None:
    result = runner.invoke(app, ["extract", str(dev_corpus / "002.json"), "--json"])
    assert result.exit_code == 0, result.output
    labels = json.loads(result.stdout)
    assert labels["countries"] == ["LAO", "VNM"]
    assert labels["event_date"] == "2024-05-28"  # uses the file's `published` field
    assert labels["committee"]["session_number"] == 1
    assert "evidence" in labels


def test_extract_text_file_with_published(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "HANOI – Vietnam and Laos signed a memorandum of understanding on Monday.", encoding="utf-8"
    )
    result = runner.invoke(app, ["extract", str(path), "--published", "2024-06-05", "--json"])
    assert result.exit_code == 0, result.output
    labels = json.loads(result.stdout)
    assert labels["event_date"] == "2024-06-03"
    assert labels["agreements"][0]["status"] == "signed"


def test_extract_bad_inputs_fail_with_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    german = tmp_path / "de.txt"
    german.write_text("Die beiden Seiten vereinbarten ein gemeinsames Forschungsprogramm.", encoding="utf-8")
    ok = tmp_path / "ok.txt"
    ok.write_text("Vietnam and Laos agreed to cooperate.", encoding="utf-8")
    cases = [
        [str(tmp_path / "missing.txt")],
        [str(empty)],
        [str(german)],
        [str(ok), "--published", "28/05/2024"],
    ]
    for args in cases:
        result = runner.invoke(app, ["extract", *args, "--json"])
        assert result.exit_code != 0, args
        assert "Traceback" not in result.output
        err = result.stderr.strip()
        assert err.startswith("error:") and "\n" not in err, err


def test_eval_json_own_corpus(own_corpus: Path) -> None:
    result = runner.invoke(app, ["eval", str(own_corpus), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["articles"] >= 6
    assert set(report["per_kind"]) == {
        "countries",
        "organizations",
        "people",
        "event_date",
        "session_number",
        "fields",
        "agreements",
    }
    assert 0.0 <= report["overall"]["f1"] <= 1.0
    assert set(report["extra_kinds"]) == {
        "event_type",
        "location_country",
        "programmes",
        "people_roles",
        "people_countries",
        "commitments",
    }
    assert all(0.0 <= c["f1"] <= 1.0 for c in report["extra_kinds"].values())


def test_eval_table_and_bad_path(own_corpus: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(own_corpus / "own-en-01.json")])
    assert result.exit_code == 0
    assert "overall (micro)" in result.stdout and "commitments" in result.stdout
    result = runner.invoke(app, ["eval", str(tmp_path / "nothing")])
    assert result.exit_code != 0 and "Traceback" not in result.output
