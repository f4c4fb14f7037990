"""Ingest commands: `sticoop extract FILE` (print one extraction) and `sticoop eval PATH` (score against labels).

Bad input never shows a traceback: one line on stderr saying what is wrong, and a non-zero exit code.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import typer


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"--published must be YYYY-MM-DD, got {value!r}")
    return None


def extract_command(
    file: Path = typer.Argument(..., help="Document: .txt .md .html .pdf .docx, or a corpus .json"),
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD"),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object (labels format)"),
    evidence: bool = typer.Option(True, "--evidence/--no-evidence", help="Include evidence spans"),
) -> None:
    """Print the extraction of one document, without writing anything."""
    from sticoop.ingest.extract import extract
    from sticoop.ingest.language import detect_language
    from sticoop.ingest.readers import ReaderError, read_document

    pub = _parse_date(published)
    try:
        doc = read_document(file)
    except ReaderError as exc:
        _fail(str(exc))
        return
    lang = detect_language(doc.text)
    if not lang.supported:
        _fail(
            f"{file.name}: language {lang.code or 'unknown'} is not supported for extraction (en, fr, vi)", 3
        )
    result = extract(doc.text, published=pub or doc.published, language=lang.code)
    labels = result.to_labels(with_evidence=evidence)
    if as_json:
        typer.echo(json.dumps(labels, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{file.name} ({lang.code})", show_lines=False)
    table.add_column("label")
    table.add_column("value", overflow="fold")
    for key, value in labels.items():
        if key in ("evidence",):
            continue
        table.add_row(key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
    Console().print(table)


def _corpus_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(p.rglob("*.json"))
        elif p.is_file():
            files.append(p)
        else:
            _fail(f"{p}: no such file or folder")
    if not files:
        _fail("no labelled .json files found")
    return files


def run_eval(files: list[Path]) -> tuple[Any, list[str]]:
    """Score extraction over labelled corpus files; returns (Report, problems)."""
    from sticoop.ingest.evaluation import evaluate
    from sticoop.ingest.extract import extract
    from sticoop.ingest.labels import LabelsError, parse_labels

    problems: list[str] = []
    triples = []
    for f in files:
        try:
            obj = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            problems.append(f"{f.name}: unreadable JSON ({type(exc).__name__})")
            continue
        if (
            not isinstance(obj, dict)
            or not isinstance(obj.get("text"), str)
            or not isinstance(obj.get("labels"), dict)
        ):
            problems.append(f"{f.name}: needs 'text' and 'labels'")
            continue
        try:
            gold = parse_labels(obj["labels"]).model_dump(exclude_unset=True)
        except LabelsError as exc:
            problems.append(f"{f.name}: labels do not fit the schema ({exc})")
            continue
        pub = None
        if obj.get("published"):
            try:
                pub = date.fromisoformat(obj["published"])
            except ValueError:
                problems.append(f"{f.name}: bad 'published' date")
        pred = extract(obj["text"], published=pub, language=obj.get("language")).to_labels(
            with_evidence=False
        )
        triples.append((f.name, gold, pred))
    return evaluate(triples), problems


def eval_command(
    paths: list[Path] = typer.Argument(..., help="Folder(s) or file(s) of labelled corpus JSON"),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON"),
    per_article: bool = typer.Option(False, "--per-article", help="Also list each article's F1"),
) -> None:
    """Precision, recall and F1 of extraction against hand labels, per kind and micro-averaged overall."""
    files = _corpus_files(paths)
    report, problems = run_eval(files)
    if report.articles == 0:
        _fail("; ".join(problems) or "nothing to score")
    if as_json:
        out = report.as_dict(with_articles=per_article)
        out["problems"] = problems
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"Extraction vs labels ({report.articles} articles)",
        caption="below the line: scored, but not part of the overall (micro) figure",
    )
    for col in ("kind", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col != "kind" else "left")
    rows = list(report.per_kind.items()) + [("overall (micro)", report.overall)]
    for kind, c in rows:
        table.add_row(
            kind, str(c.tp), str(c.fp), str(c.fn), f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}",
            end_section=kind == "overall (micro)",
        )
    for kind, c in report.extra.items():  # scored beside the headline, not inside it
        table.add_row(
            kind, str(c.tp), str(c.fp), str(c.fn), f"{c.precision:.3f}",
            f"{c.recall:.3f}", f"{c.f1:.3f}",
        )
    console = Console()
    console.print(table)
    if per_article:
        for a in report.per_article:
            console.print(f"{a['article']}: F1 {a['f1']:.3f}")
    for p in problems:
        console.print(f"[yellow]skipped[/yellow] {p}")


def register(app: typer.Typer) -> None:
    """Add this domain's commands to the main CLI."""
    app.command("extract")(extract_command)
    app.command("eval")(eval_command)
